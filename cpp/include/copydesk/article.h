// -----------------------------------------------------------------------------
// File: article.h
// -----------------------------------------------------------------------------
//
// Analyze() runs every copydesk capability over one story and keeps the
// results together with the text they index. An Article owns its raw input;
// every span it holds indexes article.text().
//
//   copydesk::Article article = copydesk::Analyze(std::move(raw_text));
//   for (const copydesk::Block& block : article.blocks()) {
//     if (block.kind == copydesk::BlockKind::kBody) std::cout << article.Slice(block.span) << "\n";
//   }
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

#include "copydesk/layout.h"
#include "copydesk/span.h"

namespace copydesk {

struct AnalyzeOptions {};

class Article {
 public:
  Article() = default;

  // What was given to Analyze().
  std::string_view raw() const { return raw_; }
  // The text every span of the article indexes.
  std::string_view text() const { return raw_; }
  // Paragraphs of text() with their kinds (label, headline, body, tail), as
  // FindBlocks() finds them.
  const std::vector<Block>& blocks() const { return blocks_; }
  // The headline block's span, if the text has one.
  std::optional<ByteSpan> headline() const;

  // The text a span of this article covers.
  std::string_view Slice(ByteSpan span) const { return copydesk::Slice(text(), span); }

 private:
  friend Article Analyze(std::string raw, const AnalyzeOptions& options);

  std::string raw_;
  std::vector<Block> blocks_;
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
