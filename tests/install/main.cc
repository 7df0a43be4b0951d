// Analyses a short story with an installed copydesk and checks the result, so
// a broken install (headers, library, dependencies) fails loudly.
#include <cstdio>
#include <string>

#include "copydesk/copydesk.h"

int main() {
  const std::string story =
      "Storm closes ferry routes\n\n"
      "OSLO (AP) \xE2\x80\x94 Ferries stayed in port on Friday.\n\n"
      "\"We will sail when it is safe,\" the operator said.";
  copydesk::Article article = copydesk::Analyze(story);
  if (article.blocks().size() != 3 || !article.headline() ||
      article.Slice(*article.headline()) != "Storm closes ferry routes") {
    std::fprintf(stderr, "consumer: unexpected blocks\n");
    return 1;
  }
  std::printf("consumer: copydesk %s found %zu blocks\n", COPYDESK_VERSION,
              article.blocks().size());
  return 0;
}
