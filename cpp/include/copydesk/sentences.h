// -----------------------------------------------------------------------------
// File: sentences.h
// -----------------------------------------------------------------------------
//
// Splits news copy into sentences.
//
//   std::string_view text = "Gov. Jay Inslee spoke at 9 a.m. Monday. He left.";
//   std::vector<copydesk::Sentence> s = copydesk::SplitSentences(text);
//   // s.size() == 2, Slice(text, s[1].span) == "He left."
//
// No sentence crosses a paragraph boundary (copydesk::FindParagraphs): a
// headline, a caption or a dateline on its own line is a sentence of its own
// even without a full stop. Inside a paragraph a scanner decides at each
// terminal mark (. ! ? … and the full stops of other scripts) from the word
// before it and the word after it: abbreviations and titles (Gov., Sen., No.,
// U.S.), initials, a.m./p.m., decimals, URLs, e-mail addresses, ellipses,
// quotes closed after the full stop and numbered or bulleted lists.
//
// To split many texts with the same settings, build a SentenceSplitter once:
//
//   copydesk::SentenceSplitterConfig config;
//   config.language = "en";
//   config.extra_abbreviations = {"Supt.", "Cmdr."};
//   copydesk::Result<copydesk::SentenceSplitter> splitter =
//       copydesk::SentenceSplitter::Create(config);
//   if (!splitter.ok()) { /* splitter.status().message() says why */ }
//   std::vector<copydesk::Sentence> s = splitter->Split(text);
//
// Thread safety: SplitSentences() may be called concurrently; a
// SentenceSplitter is immutable, cheap to copy, and may be shared by any
// number of threads.
//
// Every span is a byte range into the text that was passed in, trimmed of
// white space at both ends. Invalid UTF-8 is read as U+FFFD and kept: it
// never shifts an offset. Empty or all-white-space text has no sentences.
// Time is linear in the size of the text, whatever the text.

#ifndef COPYDESK_SENTENCES_H_
#define COPYDESK_SENTENCES_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/lexicon.h"
#include "copydesk/span.h"
#include "copydesk/status.h"

namespace copydesk {

struct Sentence {
  ByteSpan span;  // the sentence, trimmed of surrounding white space
};

struct SentenceOptions {
  // ISO 639-1 code of the text's language ("en", "de", "ja", ...); see
  // SentenceLanguages(). An unknown code is split with the rules every
  // language shares and no abbreviations; build a SentenceSplitter to get an
  // error for it instead.
  std::string_view language = "en";
  // More abbreviations, one per entry, with their full stops ("Supt.",
  // "Ph.D."). Not owned; may be null. Each call with a lexicon builds its
  // tables again, so for many texts build a SentenceSplitter once.
  const Lexicon* extra_abbreviations = nullptr;
};

// The sentences of `text`, in order.
std::vector<Sentence> SplitSentences(std::string_view text,
                                     const SentenceOptions& options = {});

// The language codes with built-in rules, sorted ("am", "ar", ..., "zh").
std::vector<std::string> SentenceLanguages();

struct SentenceSplitterConfig {
  // ISO 639-1 code; must be one of SentenceLanguages().
  std::string language = "en";
  // Abbreviations added to the language's built-in ones, each ending with
  // its full stop ("Supt.", "Bros."). Whether one ends a sentence is decided
  // by the next word, as for built-in abbreviations: "at Acme Bros. in Ohio"
  // goes on, "at Acme Bros. The firm" ends.
  std::vector<std::string> extra_abbreviations;
  // Words whose final mark never ends a sentence, whatever follows
  // ("Yahoo!", "Jeopardy!", "Supt."): brand names and titles before names.
  std::vector<std::string> non_breaking_words;
};

class SentenceSplitter {
 public:
  // Fails with kInvalidArgument for a language without rules ("unknown
  // sentence language 'xx'") or an entry that is empty, longer than 64
  // bytes, contains white space or is not valid UTF-8.
  static Result<SentenceSplitter> Create(const SentenceSplitterConfig& config);

  // The sentences of `text`, in order.
  std::vector<Sentence> Split(std::string_view text) const;

  const SentenceSplitterConfig& config() const;

  class Rules;  // compiled tables; defined in sentences.cc

 private:
  explicit SentenceSplitter(std::shared_ptr<const Rules> rules) : rules_(std::move(rules)) {}
  std::shared_ptr<const Rules> rules_;
};

}  // namespace copydesk

#endif  // COPYDESK_SENTENCES_H_
