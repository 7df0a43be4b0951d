#include "copydesk/article.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <utility>

#include "copydesk/layout.h"

namespace copydesk {

namespace {

// Built once: the rules tables are immutable and shared by every thread.
const SentenceSplitter& DefaultSentenceSplitter() {
  static const SentenceSplitter* splitter =
      new SentenceSplitter(std::move(SentenceSplitter::Create({})).value());
  return *splitter;
}

// From the first to the last body block: the story without its headline,
// labels and tail. Empty when there is no body.
ByteSpan StorySpan(const std::vector<Block>& blocks) {
  ByteSpan story;
  bool found = false;
  for (const Block& block : blocks) {
    if (block.kind != BlockKind::kBody) continue;
    if (!found) story.begin = block.span.begin;
    story.end = block.span.end;
    found = true;
  }
  return story;
}

// The quotes of the story span of `text`, whose sentences are already split:
// those inside the story are handed to FindQuotes(), which would otherwise
// split them again.
std::vector<Quote> FindStoryQuotes(std::string_view text, ByteSpan story,
                                   const std::vector<Sentence>& sentences,
                                   const QuoteOptions& options) {
  std::vector<Sentence> story_sentences;
  story_sentences.reserve(sentences.size());
  for (const Sentence& s : sentences) {
    // A sentence running into the story from the headline ends inside it.
    if (s.span.end <= story.begin || s.span.end > story.end) continue;
    const std::size_t begin = std::max(s.span.begin, story.begin);
    story_sentences.push_back({{begin - story.begin, s.span.end - story.begin}});
  }
  std::vector<Quote> quotes = FindQuotes(Slice(text, story), story_sentences, options);
  const auto shift = [&](ByteSpan& span) {
    span.begin += story.begin;
    span.end += story.begin;
  };
  for (Quote& quote : quotes) {
    shift(quote.span);
    if (quote.cue) shift(*quote.cue);
    if (quote.speaker) shift(*quote.speaker);
  }
  return quotes;
}

}  // namespace

Article Analyze(std::string raw, const AnalyzeOptions& options) {
  Article article;
  article.raw_ = std::move(raw);
  article.normalized_ = Normalize(article.raw_, options.normalize);
  const std::string_view text = article.text();
  article.blocks_ = FindBlocks(text);
  DatelineOptions dateline_options;
  dateline_options.published = options.published;
  article.dateline_ = ParseDateline(text, dateline_options);
  const SentenceSplitter& splitter =
      options.sentence_splitter ? *options.sentence_splitter : DefaultSentenceSplitter();
  article.sentences_ = splitter.Split(text);
  article.quotes_ =
      FindStoryQuotes(text, StorySpan(article.blocks_), article.sentences_, options.quotes);
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
