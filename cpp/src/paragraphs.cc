#include <algorithm>
#include <cstring>
#include <string_view>
#include <vector>

#include "copydesk/layout.h"

namespace copydesk {
namespace {

// Hard-wrapped copy (old wire feeds, e-mail) keeps lines under about 80
// columns; a longer line means lines are paragraphs.
constexpr std::size_t kMaxWrappedLine = 100;
// A line this long followed by another line in the same block is wrapped prose.
constexpr std::size_t kMinWrappedLine = 50;

bool IsHorizontalSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

struct Line {
  std::size_t begin;  // first non-space byte; == end for a blank line
  std::size_t end;    // after the last non-space byte
  bool blank() const { return begin == end; }
  std::size_t size() const { return end - begin; }
};

// Lines trimmed of horizontal space, found with memchr: lines are long, so
// the work per line beyond finding its end is trimming a few bytes.
std::vector<Line> TrimmedLines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const void* newline = std::memchr(text.data() + pos, '\n', text.size() - pos);
    const std::size_t line_end =
        newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - text.data())
                : text.size();
    std::size_t first = pos;
    while (first < line_end && IsHorizontalSpace(text[first])) ++first;
    std::size_t last = line_end;
    while (last > first && IsHorizontalSpace(text[last - 1])) --last;
    lines.push_back({first, last});
    pos = line_end + 1;
  }
  return lines;
}

bool IsHardWrapped(const std::vector<Line>& lines) {
  bool wrapped_pair = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].size() > kMaxWrappedLine) return false;
    if (i + 1 < lines.size() && lines[i].size() >= kMinWrappedLine && !lines[i + 1].blank()) {
      wrapped_pair = true;
    }
  }
  return wrapped_pair;
}

}  // namespace

std::vector<ByteSpan> FindParagraphs(std::string_view text) {
  const std::vector<Line> lines = TrimmedLines(text);
  const bool every_line_is_a_paragraph = !IsHardWrapped(lines);
  std::vector<ByteSpan> paragraphs;
  bool open = false;
  for (const Line& line : lines) {
    if (line.blank()) {
      open = false;
    } else if (open && !every_line_is_a_paragraph) {
      paragraphs.back().end = line.end;
    } else {
      paragraphs.push_back({line.begin, line.end});
      open = true;
    }
  }
  return paragraphs;
}

}  // namespace copydesk
