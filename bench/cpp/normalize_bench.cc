// Normalize() against ICU's NFC normalizeUTF8 alone, on the news corpus as
// it is ("Clean") and on a damaged copy made below ("Damaged"), in one run.
// Bytes per second count the input bytes of each version.
#include <benchmark/benchmark.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <string>
#include <vector>

#include "copydesk/normalize.h"
#include "corpus.h"

namespace {

// The damage scraped news shows, applied to a clean story: curly quotes and
// apostrophes as Windows-1252 mojibake (the closing double quote with the C1
// control Latin-1 readers keep), "Â£", "&amp;", CRLF line ends, every 20th
// space a NBSP, every 100th an "&nbsp;", every 500th followed by a
// zero-width space. bench/python/bench_normalize.py applies the same damage.
std::string Damage(const std::string& story) {
  std::string out;
  out.reserve(story.size() + story.size() / 8);
  bool open_quote = true;
  std::size_t spaces = 0;
  for (std::size_t i = 0; i < story.size(); ++i) {
    const char c = story[i];
    if (c == '"') {
      out += open_quote ? "\xC3\xA2\xE2\x82\xAC\xC5\x93" : "\xC3\xA2\xE2\x82\xAC\xC2\x9D";
      open_quote = !open_quote;
    } else if (c == '\'') {
      out += "\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2";
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '\n') {
      out += "\r\n";
    } else if (c == '\xC2' && i + 1 < story.size() && story[i + 1] == '\xA3') {
      out += "\xC3\x82\xC2\xA3";
      ++i;
    } else if (c == ' ') {
      ++spaces;
      out += spaces % 100 == 0 ? "&nbsp;" : spaces % 20 == 0 ? "\xC2\xA0" : " ";
      if (spaces % 500 == 0) out += "\xE2\x80\x8B";
    } else {
      out += c;
    }
  }
  return out;
}

const std::vector<std::string>& DamagedStories() {
  static const auto* damaged = [] {
    auto* out = new std::vector<std::string>;
    for (const std::string& story : copydesk::bench::CorpusStories()) out->push_back(Damage(story));
    return out;
  }();
  return *damaged;
}

const std::vector<std::string>& Stories(bool damaged) {
  return damaged ? DamagedStories() : copydesk::bench::CorpusStories();
}

int64_t Bytes(const std::vector<std::string>& stories) {
  int64_t bytes = 0;
  for (const std::string& s : stories) bytes += static_cast<int64_t>(s.size());
  return bytes;
}

void BM_Normalize(benchmark::State& state, bool damaged) {
  const auto& stories = Stories(damaged);
  for (auto _ : state) {
    for (const std::string& story : stories) {
      benchmark::DoNotOptimize(copydesk::Normalize(story));
    }
  }
  state.SetBytesProcessed(state.iterations() * Bytes(stories));
}

void BM_IcuNfc(benchmark::State& state, bool damaged) {
  const auto& stories = Stories(damaged);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  for (auto _ : state) {
    for (const std::string& story : stories) {
      std::string out;
      out.reserve(story.size());  // as Normalize() does: no regrowth
      icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(story.size()));
      nfc->normalizeUTF8(0, icu::StringPiece(story.data(), static_cast<int32_t>(story.size())),
                         sink, nullptr, status);
      benchmark::DoNotOptimize(out);
    }
  }
  state.SetBytesProcessed(state.iterations() * Bytes(stories));
}

BENCHMARK_CAPTURE(BM_IcuNfc, Clean, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Normalize, Clean, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_IcuNfc, Damaged, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Normalize, Damaged, true)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
