// The token stream quote attribution reads: the words and punctuation of the
// narration, each quoted stretch as one token, and the stream cut into
// attribution units (sentences whose quoted stretches are never split).

#ifndef COPYDESK_INTERNAL_QUOTE_TOKENS_H_
#define COPYDESK_INTERNAL_QUOTE_TOKENS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "copydesk/sentences.h"
#include "copydesk/span.h"
#include "internal/quote_marks.h"

namespace copydesk::internal {

struct QuoteToken {
  enum class Kind : uint8_t { kWord, kPunct, kQuote };
  ByteSpan span;
  Kind kind = Kind::kWord;
  bool capitalized = false;  // a word whose first letter is upper case
  bool possessive = false;   // Brown's, Joneses'
  bool past_form = false;    // a lower-case word ending in -ed
  bool ends_sentence = false;  // punctuation that can end a sentence: . ! ? …
  uint32_t flags = 0;        // WordFlags() of a word; 0 for other tokens
  uint32_t paragraph = 0;    // index of the paragraph the token starts in
  int stretch = -1;          // index into the stretches, for kQuote
};

// Tokens [begin, end) of one attribution unit.
struct QuoteUnit {
  std::size_t begin;
  std::size_t end;
  // What the unit holds, so that rules looking for something it lacks skip
  // it: the flags of all its words, OR'd, and whether a quoted stretch is
  // among its tokens.
  uint32_t word_flags = 0;
  bool has_quote = false;
};

struct QuoteTokens {
  std::vector<QuoteToken> tokens;
  std::vector<QuoteUnit> units;
  std::vector<std::size_t> capitalized;  // indices of the capitalised words, in order
};

// Tokenizes `text` given its paragraphs, quoted stretches and sentences
// (SplitSentences(), in order; only where they end is read). A unit ends
// at the end of a paragraph and at the end of a sentence, except inside a
// quoted stretch: a quotation of several sentences, or paragraphs, stays in
// the unit of the narration around it.
QuoteTokens TokenizeForQuotes(std::string_view text, const std::vector<ByteSpan>& paragraphs,
                              const std::vector<QuotedStretch>& stretches,
                              const std::vector<Sentence>& sentences);

}  // namespace copydesk::internal

#endif  // COPYDESK_INTERNAL_QUOTE_TOKENS_H_
