// Quote attribution over the news corpus, with and without speakers, and on
// the inputs that would be quadratic in a backtracking implementation.
#include <benchmark/benchmark.h>

#include <string>

#include "copydesk/quotes.h"
#include "corpus.h"

namespace {

void BM_FindQuotes(benchmark::State& state) {
  const auto& stories = copydesk::bench::CorpusStories();
  copydesk::QuoteOptions options;
  options.attribute_speakers = state.range(0) != 0;
  for (auto _ : state) {
    for (const std::string& story : stories) {
      benchmark::DoNotOptimize(copydesk::FindQuotes(story, options));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * copydesk::bench::CorpusBytes()));
}
BENCHMARK(BM_FindQuotes)->ArgName("speakers")->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

// A million straight double marks in one paragraph, and a million opening
// curly marks that never close.
void BM_FindQuotesMarksOnly(benchmark::State& state) {
  const std::string text = state.range(0) == 0
                               ? std::string(1000000, '"')
                               : [] {
                                   std::string s;
                                   for (int i = 0; i < 1000000; ++i) s += "\xE2\x80\x9C";
                                   return s;
                                 }();
  for (auto _ : state) benchmark::DoNotOptimize(copydesk::FindQuotes(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_FindQuotesMarksOnly)->ArgName("curly")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
