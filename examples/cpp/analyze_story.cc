// Prints the structure copydesk finds in one story: headline, dateline,
// sentences and quotes with their speakers.
//
//   analyze_story story.txt [YYYY-MM-DD]
//
// The optional date is when the story was published; it resolves the year
// of a dateline that gives only month and day.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "copydesk/copydesk.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: analyze_story FILE [YYYY-MM-DD]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "analyze_story: cannot read " << argv[1] << "\n";
    return 1;
  }
  std::stringstream raw;
  raw << in.rdbuf();

  copydesk::AnalyzeOptions options;
  if (argc > 2) {
    options.published = copydesk::ParseIsoDate(argv[2]);
    if (!options.published) {
      std::cerr << "analyze_story: not a YYYY-MM-DD date: " << argv[2] << "\n";
      return 2;
    }
  }
  const copydesk::Article article = copydesk::Analyze(raw.str(), options);

  if (auto headline = article.headline()) std::cout << "headline: " << article.Slice(*headline) << "\n";
  if (const auto& d = article.dateline()) {
    std::cout << "dateline: " << article.Slice(d->span) << "\n";
    for (const copydesk::DatelinePlace& place : d->locations) std::cout << "  place: " << place.name << "\n";
    if (d->month) std::cout << "  date: " << d->year.value_or(0) << "-" << d->month << "-" << d->day << "\n";
    if (d->agency) std::cout << "  agency: " << d->agency->name << "\n";
  }
  std::cout << article.sentences().size() << " sentences\n";
  for (const copydesk::Quote& q : article.quotes()) {
    std::cout << "  [" << copydesk::QuoteKindName(q.kind) << "] "
              << (q.speaker_name.empty() ? "(no speaker)" : q.speaker_name) << ": "
              << article.Slice(q.span) << "\n";
  }
  return 0;
}
