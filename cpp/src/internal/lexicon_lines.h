// Walks the lines of a lexicon file: the one format shared by the built-in
// lexicons under cpp/data/ and copydesk::Lexicon::Parse().

#ifndef COPYDESK_INTERNAL_LEXICON_LINES_H_
#define COPYDESK_INTERNAL_LEXICON_LINES_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace copydesk::internal {

struct LexiconLine {
  std::size_t line_number;  // 1-based
  std::string_view entry;   // trimmed, never empty
};

// Entries of `data`: trimmed lines, skipping blank lines and '#' comments.
std::vector<LexiconLine> LexiconLines(std::string_view data);

// The entries of the built-in lexicon cpp/data/<name>.txt.
std::vector<std::string_view> BuiltinLexicon(std::string_view name);

}  // namespace copydesk::internal

#endif  // COPYDESK_INTERNAL_LEXICON_LINES_H_
