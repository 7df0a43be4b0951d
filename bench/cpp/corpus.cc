#include "corpus.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "test_support.h"

namespace copydesk::bench {

const std::vector<std::string>& CorpusStories() {
  static const std::vector<std::string>* stories = [] {
    const char* env = std::getenv("COPYDESK_CORPUS");
    const std::string path = env ? env : COPYDESK_DEFAULT_CORPUS;
    std::ifstream in(path);
    if (!in) {
      std::fprintf(stderr,
                   "copydesk bench: corpus not found at %s\n"
                   "  (it lives in ../shared/data/corpus beside the repository; set "
                   "COPYDESK_CORPUS to a JSONL file with a \"text\" field to use another)\n",
                   path.c_str());
      std::exit(2);
    }
    auto* out = new std::vector<std::string>;
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      out->push_back(testing::ParseJson(line)["text"].string);
    }
    return out;
  }();
  return *stories;
}

std::size_t CorpusBytes() {
  std::size_t bytes = 0;
  for (const std::string& story : CorpusStories()) bytes += story.size();
  return bytes;
}

}  // namespace copydesk::bench
