// -----------------------------------------------------------------------------
// File: quotes.h
// -----------------------------------------------------------------------------
//
// Quote attribution: every quotation in a news story (direct, partial, mixed
// or reported), with its cue (the speech verb), the mention of its speaker and
// the speaker's canonical name, the fullest form the story gives.
//
//   std::string_view story =
//       "Foreign Minister Park Jin met his counterparts.\n\n"
//       "\"We stand together,\" Park said. \"The threat is real.\"";
//   std::vector<copydesk::Quote> quotes = copydesk::FindQuotes(story);
//   // quotes.size() == 2
//   // Slice(story, quotes[0].span) == "We stand together,"
//   // Slice(story, *quotes[0].speaker) == "Park", quotes[0].speaker_name == "Park Jin"
//   // quotes[1].cue is empty: it continues Park's quotation.
//
// It works on a whole article: paragraphs bound quotation marks, a quotation
// may run over paragraphs (each re-opens the mark, only the last closes it),
// and pronouns and short forms are resolved against the whole story. Runs in
// time linear in the length of the text, whatever its quotation marks.
//
// Thread safety: FindQuotes() may be called concurrently.
// All spans are byte offsets into the text that was passed in.

#ifndef COPYDESK_QUOTES_H_
#define COPYDESK_QUOTES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/sentences.h"
#include "copydesk/span.h"

namespace copydesk {

enum class QuoteKind {
  // The whole reported content is inside quotation marks; the span is what
  // lies between the opening and the final closing mark.
  kDirect,
  // A quoted fragment credited to a speaker outside any reported clause:
  // `dismissed the plan as "reckless"`. The span is inside the marks.
  kPartial,
  // A reported clause containing a quoted fragment:
  // `she said the scheme was "fully costed"`. The span is the clause, marks
  // included, without "that".
  kMixed,
  // Reported speech without quotation marks: `he said spending was
  // affordable`. The span is the reported clause without "that" and without
  // final punctuation.
  kIndirect,
};

struct QuoteOptions {
  // Attach speakers (mention and canonical name). When false only spans,
  // kinds and cues are reported, which is faster.
  bool attribute_speakers = true;
  // Report a fragment in quotation marks that no cue introduces and that does
  // not fill its sentence ("fast track", a 'no' vote). Off by default: such
  // marks are scare quotes and titles, not speech.
  bool report_uncued_fragments = false;
};

struct Quote {
  ByteSpan span;                  // the quoted or reported content
  QuoteKind kind = QuoteKind::kDirect;
  std::optional<ByteSpan> cue;    // "said", "according to"; empty for a
                                  // continuation with no cue of its own
  std::optional<ByteSpan> speaker;  // the mention nearest the quote as written:
                                    // "he", "Mr Blair", "the ministry"
  std::string speaker_name;       // canonical speaker ("Tony Blair"); empty
                                  // when unknown or when nobody is named
                                  // (passive "it was announced that ...")
  float confidence = 0;           // in (0, 1]: how sure the attribution is
};

// The quotes of `text`, in order of their spans; spans never overlap.
// Never fails: text without quotes, unbalanced quotation marks and invalid
// UTF-8 give fewer quotes, never an error.
std::vector<Quote> FindQuotes(std::string_view text, const QuoteOptions& options = {});

// The same with the sentences of `text` already split (by SplitSentences()
// or a SentenceSplitter: spans into `text`, in order), which FindQuotes()
// would otherwise split itself. Analyze() passes the article's own.
std::vector<Quote> FindQuotes(std::string_view text, const std::vector<Sentence>& sentences,
                              const QuoteOptions& options = {});

// "direct", "partial", "mixed" or "indirect".
std::string_view QuoteKindName(QuoteKind kind);

}  // namespace copydesk

#endif  // COPYDESK_QUOTES_H_
