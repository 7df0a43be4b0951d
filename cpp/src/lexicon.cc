#include "copydesk/lexicon.h"

#include <algorithm>
#include <string>

#include "internal/embedded_data.h"
#include "internal/lexicon_lines.h"
#include "internal/utf8.h"

namespace copydesk {
namespace internal {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<LexiconLine> LexiconLines(std::string_view data) {
  std::vector<LexiconLine> lines;
  std::size_t number = 0;
  while (!data.empty()) {
    ++number;
    const std::size_t newline = data.find('\n');
    std::string_view line = data.substr(0, newline);
    data.remove_prefix(newline == std::string_view::npos ? data.size() : newline + 1);
    line = Trim(line);
    if (line.empty() || line.front() == '#') continue;
    lines.push_back({number, line});
  }
  return lines;
}

std::vector<std::string_view> BuiltinLexicon(std::string_view name) {
  std::vector<std::string_view> entries;
  for (const LexiconLine& line : LexiconLines(EmbeddedData(name))) {
    entries.push_back(line.entry);
  }
  return entries;
}

}  // namespace internal

namespace {

constexpr std::size_t kMaxEntryBytes = 256;

// Empty when `entry` is acceptable, else why not.
std::string CheckEntry(std::string_view entry) {
  if (entry.size() > kMaxEntryBytes) return "entry longer than 256 bytes";
  if (!internal::IsValidUtf8(entry)) return "not valid UTF-8";
  for (char c : entry) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\t') || byte == 0x7F) return "control character in entry";
  }
  return {};
}

}  // namespace

Result<Lexicon> Lexicon::Parse(std::string_view lines) {
  std::vector<std::string> entries;
  for (const internal::LexiconLine& line : internal::LexiconLines(lines)) {
    std::string problem = CheckEntry(line.entry);
    if (!problem.empty()) {
      return Status::InvalidArgument("line " + std::to_string(line.line_number) + ": " +
                                     problem);
    }
    entries.emplace_back(line.entry);
  }
  return FromEntries(entries);
}

Result<Lexicon> Lexicon::FromEntries(const std::vector<std::string>& entries) {
  Lexicon lexicon;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    std::string problem = entries[i].empty() ? "empty entry" : CheckEntry(entries[i]);
    if (!problem.empty()) {
      return Status::InvalidArgument("entry " + std::to_string(i + 1) + ": " + problem);
    }
  }
  lexicon.entries_ = entries;
  std::sort(lexicon.entries_.begin(), lexicon.entries_.end());
  lexicon.entries_.erase(std::unique(lexicon.entries_.begin(), lexicon.entries_.end()),
                         lexicon.entries_.end());
  return lexicon;
}

bool Lexicon::Contains(std::string_view entry) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), entry,
                             [](const std::string& a, std::string_view b) { return a < b; });
  return it != entries_.end() && *it == entry;
}

}  // namespace copydesk
