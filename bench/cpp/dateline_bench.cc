// Dateline parsing per story: the opening of every news-corpus story (no
// datelines: the cost of saying "none") and every dev-set case (datelines of
// every format, with preamble lines). ParseDateline() reads only the opening,
// so whole stories are passed, as a caller would.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "copydesk/dateline.h"
#include "corpus.h"

namespace {

// ../shared/data/datelines/dev.jsonl, found beside the corpus directory, or
// the file named by COPYDESK_DATELINE_DEV.
const std::vector<std::string>& DevTexts() {
  static const std::vector<std::string>* texts = [] {
    std::string path;
    if (const char* env = std::getenv("COPYDESK_DATELINE_DEV")) {
      path = env;
    } else {
      path = COPYDESK_DEFAULT_CORPUS;
      path = path.substr(0, path.rfind('/'));           // .../data/corpus
      path = path.substr(0, path.rfind('/')) + "/datelines/dev.jsonl";
    }
    return new std::vector<std::string>(
        copydesk::bench::ReadJsonlTexts(path, "the dateline dev set (or set COPYDESK_DATELINE_DEV)"));
  }();
  return *texts;
}

void RunOver(benchmark::State& state, const std::vector<std::string>& texts) {
  copydesk::DatelineOptions options;
  options.published = copydesk::CalendarDate{2023, 11, 15};
  std::size_t found = 0;
  for (auto _ : state) {
    for (const std::string& text : texts) {
      auto d = copydesk::ParseDateline(text, options);
      found += d.has_value();
      benchmark::DoNotOptimize(d);
    }
  }
  const double stories = static_cast<double>(texts.size());
  state.counters["ns_per_story"] = benchmark::Counter(
      stories / 1e9, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.counters["found"] = static_cast<double>(found) / static_cast<double>(state.iterations());
  state.counters["stories"] = stories;
}

void BM_ParseDateline_CorpusOpenings(benchmark::State& state) {
  RunOver(state, copydesk::bench::CorpusStories());
}
BENCHMARK(BM_ParseDateline_CorpusOpenings)->Unit(benchmark::kMicrosecond);

void BM_ParseDateline_DevOpenings(benchmark::State& state) { RunOver(state, DevTexts()); }
BENCHMARK(BM_ParseDateline_DevOpenings)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
