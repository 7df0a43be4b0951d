#include "corpus.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "test_support.h"

namespace copydesk::bench {

std::vector<std::string> ReadJsonlTexts(const std::string& path, const char* what) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr,
                 "copydesk bench: %s not found at %s; nothing measured\n"
                 "  (evaluation data lives in ../shared/data beside the repository)\n",
                 what, path.c_str());
    std::exit(2);
  }
  std::vector<std::string> texts;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) texts.push_back(testing::ParseJson(line)["text"].string);
  }
  return texts;
}

const std::vector<std::string>& CorpusStories() {
  static const std::vector<std::string>* stories = [] {
    const char* env = std::getenv("COPYDESK_CORPUS");
    return new std::vector<std::string>(ReadJsonlTexts(
        env ? env : COPYDESK_DEFAULT_CORPUS, "the news corpus (or set COPYDESK_CORPUS)"));
  }();
  return *stories;
}

std::size_t CorpusBytes() {
  std::size_t bytes = 0;
  for (const std::string& story : CorpusStories()) bytes += story.size();
  return bytes;
}

}  // namespace copydesk::bench
