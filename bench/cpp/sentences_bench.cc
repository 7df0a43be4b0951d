// Sentence splitting over the news corpus: copydesk's scanner against ICU's
// sentence BreakIterator, in the same run on the same stories. Both count the
// sentences they find so that neither call can be optimised away; ICU gets
// its text as UTF-8 through UText, as copydesk does, so no conversion is timed.
#include <benchmark/benchmark.h>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <memory>
#include <string>

#include "copydesk/sentences.h"
#include "corpus.h"

namespace {

void BM_CopydeskSplitSentences(benchmark::State& state) {
  const auto& stories = copydesk::bench::CorpusStories();
  const copydesk::SentenceSplitter splitter = *copydesk::SentenceSplitter::Create({});
  std::size_t sentences = 0;
  for (auto _ : state) {
    for (const std::string& story : stories) sentences += splitter.Split(story).size();
  }
  benchmark::DoNotOptimize(sentences);
  state.counters["sentences/iter"] =
      static_cast<double>(sentences) / static_cast<double>(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * copydesk::bench::CorpusBytes()));
}
BENCHMARK(BM_CopydeskSplitSentences)->Unit(benchmark::kMillisecond);

void BM_IcuSentenceBreakIterator(benchmark::State& state) {
  const auto& stories = copydesk::bench::CorpusStories();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> iterator(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status)) {
    state.SkipWithError("ICU could not create a sentence BreakIterator");
    return;
  }
  std::size_t sentences = 0;
  UText text = UTEXT_INITIALIZER;
  for (auto _ : state) {
    for (const std::string& story : stories) {
      utext_openUTF8(&text, story.data(), static_cast<int64_t>(story.size()), &status);
      iterator->setText(&text, status);
      for (int32_t b = iterator->first(); b != icu::BreakIterator::DONE; b = iterator->next()) {
        ++sentences;
      }
    }
  }
  utext_close(&text);
  benchmark::DoNotOptimize(sentences);
  state.counters["sentences/iter"] =
      static_cast<double>(sentences) / static_cast<double>(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * copydesk::bench::CorpusBytes()));
}
BENCHMARK(BM_IcuSentenceBreakIterator)->Unit(benchmark::kMillisecond);

// The worst inputs the issue names: a line of a million full stops, and one
// of abbreviations and initials with no paragraph break at all.
void BM_CopydeskPathological(benchmark::State& state) {
  std::string text;
  if (state.range(0) == 0) {
    text.assign(1000000, '.');
  } else {
    while (text.size() < 1000000) text += "Gov. J. R. Smith of the U.S. said at 5 p.m. No. 3 ... ";
  }
  std::size_t sentences = 0;
  for (auto _ : state) sentences += copydesk::SplitSentences(text).size();
  benchmark::DoNotOptimize(sentences);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_CopydeskPathological)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
