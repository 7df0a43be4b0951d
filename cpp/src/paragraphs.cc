#include <cstring>
#include <string_view>
#include <vector>

#include "copydesk/layout.h"

namespace copydesk {
namespace {

bool IsHorizontalSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::vector<ByteSpan> FindParagraphs(std::string_view text) {
  std::vector<ByteSpan> paragraphs;
  constexpr std::size_t kNone = std::string_view::npos;
  std::size_t para_begin = kNone;  // first non-space byte of the open paragraph
  std::size_t para_end = 0;        // just after its last non-space byte
  std::size_t pos = 0;
  // Line by line with memchr: lines are long and blank lines rare, so the
  // work per line beyond finding its end is trimming a few bytes at each side.
  while (pos < text.size()) {
    const void* newline = std::memchr(text.data() + pos, '\n', text.size() - pos);
    const std::size_t line_end =
        newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - text.data())
                : text.size();
    std::size_t first = pos;
    while (first < line_end && IsHorizontalSpace(text[first])) ++first;
    if (first == line_end) {  // blank line
      if (para_begin != kNone) paragraphs.push_back({para_begin, para_end});
      para_begin = kNone;
    } else {
      std::size_t last = line_end;
      while (IsHorizontalSpace(text[last - 1])) --last;
      if (para_begin == kNone) para_begin = first;
      para_end = last;
    }
    pos = line_end + 1;
  }
  if (para_begin != kNone) paragraphs.push_back({para_begin, para_end});
  return paragraphs;
}

}  // namespace copydesk
