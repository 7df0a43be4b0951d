#include "copydesk/article.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <utility>

#include "copydesk/layout.h"

namespace copydesk {

Article Analyze(std::string raw, const AnalyzeOptions& /*options*/) {
  Article article;
  article.raw_ = std::move(raw);
  article.blocks_ = FindBlocks(article.text());
  return article;
}

std::optional<ByteSpan> Article::headline() const {
  for (const Block& block : blocks_) {
    if (block.kind == BlockKind::kHeadline) return block.span;
  }
  return std::nullopt;
}

std::vector<Article> AnalyzeMany(std::vector<std::string> raws, int threads,
                                 const AnalyzeOptions& options) {
  std::vector<Article> articles(raws.size());
  std::size_t workers = threads > 0 ? static_cast<std::size_t>(threads)
                                    : std::max(1u, std::thread::hardware_concurrency());
  workers = std::min(workers, raws.size());
  // Stories vary in length, so threads take the next story as they finish
  // rather than a fixed share.
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < raws.size(); i = next++) {
      articles[i] = Analyze(std::move(raws[i]), options);
    }
  };
  if (workers <= 1) {
    work();
    return articles;
  }
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  for (std::size_t t = 1; t < workers; ++t) pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();
  return articles;
}

}  // namespace copydesk
