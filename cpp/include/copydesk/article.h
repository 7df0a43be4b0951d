// -----------------------------------------------------------------------------
// File: article.h
// -----------------------------------------------------------------------------
//
// Analyze() runs every copydesk capability over one story and keeps the
// results together with the text they index. An Article owns its raw input;
// every span it holds indexes article.text().
//
//   copydesk::Article article = copydesk::Analyze(std::move(raw_text));
//   if (const auto& d = article.dateline()) {
//     std::cout << article.Slice(d->span) << "\n";          // "SEOUL, Nov. 15 (Yonhap) --"
//   }
//   for (const copydesk::Quote& q : article.quotes()) {
//     std::cout << q.speaker_name << ": " << article.Slice(q.span) << "\n";
//   }
//
// The steps, in order: Unicode cleanup (normalize.h), layout (label,
// headline, body and tail blocks; layout.h), dateline (dateline.h),
// sentences (sentences.h), quotes (quotes.h). Each is also callable on its own; Analyze() is
// only their composition. Every span indexes the cleaned text();
// ToRaw() maps any of them back onto raw() exactly:
//
//   copydesk::ByteSpan in_raw = article.ToRaw(article.dateline()->span);
//
// Analyze() never fails: any bytes give an Article.
// Thread safety: Analyze() and AnalyzeMany() may be called concurrently; an
// Article is an immutable value once returned.

#ifndef COPYDESK_ARTICLE_H_
#define COPYDESK_ARTICLE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/dateline.h"
#include "copydesk/layout.h"
#include "copydesk/normalize.h"
#include "copydesk/quotes.h"
#include "copydesk/sentences.h"
#include "copydesk/span.h"

namespace copydesk {

struct AnalyzeOptions {
  // How the raw text is cleaned before anything else reads it (the "news"
  // profile by default; see NormalizeOptions::ForProfile()).
  NormalizeOptions normalize;
  // When the story was published: resolves the year of a dateline that
  // writes only month and day. Unset: the year is known only when written.
  std::optional<CalendarDate> published;
  // Splits the sentences. Not owned; null uses the built-in English rules.
  const SentenceSplitter* sentence_splitter = nullptr;
  // How quotes are attributed.
  QuoteOptions quotes;
};

class Article {
 public:
  Article() = default;

  // What was given to Analyze().
  std::string_view raw() const { return raw_; }
  // The cleaned text, which every span of the article indexes.
  std::string_view text() const { return normalized_.text(); }
  // The repairs that turned raw() into text(), in order.
  const std::vector<Edit>& edits() const { return normalized_.edits(); }
  // The cleanup itself, with its offset map.
  const NormalizedText& normalized() const { return normalized_; }
  // The bytes of raw() that a span of text() came from (see
  // NormalizedText::ToRaw()), and the other way.
  ByteSpan ToRaw(ByteSpan span) const { return normalized_.ToRaw(span); }
  ByteSpan ToClean(ByteSpan raw_span) const { return normalized_.ToClean(raw_span); }

  // Paragraphs with their kinds (label, headline, body, tail), as
  // FindBlocks() finds them.
  const std::vector<Block>& blocks() const { return blocks_; }
  // The headline block's span, if the text has one.
  std::optional<ByteSpan> headline() const;
  // The dateline opening the story, if any (ParseDateline()).
  const std::optional<Dateline>& dateline() const { return dateline_; }
  // Every sentence of text(), headline and tail included, in order.
  const std::vector<Sentence>& sentences() const { return sentences_; }
  // The quotes of the story, in order: FindQuotes() over the body blocks
  // only, so that a quoted headline or a related link in the tail is never
  // taken for speech.
  const std::vector<Quote>& quotes() const { return quotes_; }

  // The text a span of this article covers.
  std::string_view Slice(ByteSpan span) const { return copydesk::Slice(text(), span); }

 private:
  friend Article Analyze(std::string raw, const AnalyzeOptions& options);

  std::string raw_;
  NormalizedText normalized_;
  std::vector<Block> blocks_;
  std::optional<Dateline> dateline_;
  std::vector<Sentence> sentences_;
  std::vector<Quote> quotes_;
};

// Analyses one story. `raw` is UTF-8; invalid bytes are kept and read as
// U+FFFD, never dropped.
Article Analyze(std::string raw, const AnalyzeOptions& options = {});

// Analyses many stories on `threads` threads (0: one per core). The result is
// in the order of `raws`.
std::vector<Article> AnalyzeMany(std::vector<std::string> raws, int threads = 0,
                                 const AnalyzeOptions& options = {});

}  // namespace copydesk

#endif  // COPYDESK_ARTICLE_H_
