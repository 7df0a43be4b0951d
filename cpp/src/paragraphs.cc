#include <string_view>
#include <vector>

#include "copydesk/layout.h"

namespace copydesk {
namespace {

bool IsHorizontalSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

std::vector<ByteSpan> FindParagraphs(std::string_view text) {
  std::vector<ByteSpan> paragraphs;
  const std::size_t size = text.size();
  std::size_t pos = 0;
  std::size_t para_begin = std::string_view::npos;  // first non-space byte
  std::size_t para_end = 0;                         // after last non-space byte
  bool line_blank = true;
  while (pos < size) {
    const char c = text[pos];
    if (c == '\n') {
      if (line_blank && para_begin != std::string_view::npos) {
        paragraphs.push_back({para_begin, para_end});
        para_begin = std::string_view::npos;
      }
      line_blank = true;
    } else if (!IsHorizontalSpace(c)) {
      if (para_begin == std::string_view::npos) para_begin = pos;
      para_end = pos + 1;
      line_blank = false;
    }
    ++pos;
  }
  if (para_begin != std::string_view::npos) paragraphs.push_back({para_begin, para_end});
  return paragraphs;
}

}  // namespace copydesk
