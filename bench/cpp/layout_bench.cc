// Paragraph finding over the news corpus: the floor every later pass builds on.
#include <benchmark/benchmark.h>

#include "copydesk/layout.h"
#include "corpus.h"

namespace {

void BM_FindParagraphs(benchmark::State& state) {
  const auto& stories = copydesk::bench::CorpusStories();
  for (auto _ : state) {
    for (const std::string& story : stories) {
      benchmark::DoNotOptimize(copydesk::FindParagraphs(story));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * copydesk::bench::CorpusBytes()));
}
BENCHMARK(BM_FindParagraphs)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
