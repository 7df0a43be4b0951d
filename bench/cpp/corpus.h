// The news corpus the benchmarks read: ../shared/data/corpus/bbc_news.jsonl,
// or the JSONL file named by the COPYDESK_CORPUS environment variable.

#ifndef COPYDESK_BENCH_CORPUS_H_
#define COPYDESK_BENCH_CORPUS_H_

#include <string>
#include <vector>

namespace copydesk::bench {

// The "text" field of every line. Prints where it looked and exits with
// status 2 when the corpus is absent: a benchmark without data measures nothing.
const std::vector<std::string>& CorpusStories();

// The "text" field of every line of the JSONL file at `path`. Prints that
// `what` is missing and exits with status 2 when the file cannot be read.
std::vector<std::string> ReadJsonlTexts(const std::string& path, const char* what);

// Total bytes of CorpusStories().
std::size_t CorpusBytes();

}  // namespace copydesk::bench

#endif  // COPYDESK_BENCH_CORPUS_H_
