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

// True when `line` ends with sentence-final punctuation, looking through
// closing quotes and brackets: "...the end." and "...the end.”)" both do.
bool EndsSentence(std::string_view line) {
  std::size_t end = line.size();
  while (end > 0) {
    const char c = line[end - 1];
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      --end;
    } else if (end >= 3 && line.compare(end - 3, 2, "\xE2\x80") == 0 &&
               (line[end - 1] == '\x9D' || line[end - 1] == '\x99')) {  // closing ” ’
      end -= 3;
    } else {
      break;
    }
  }
  if (end == 0) return false;
  const char last = line[end - 1];
  if (last == '.' || last == '!' || last == '?' || last == ':' || last == ';') return true;
  return end >= 3 && line.compare(end - 3, 3, "\xE2\x80\xA6") == 0;  // …
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
  lines.reserve(text.size() / 64 + 8);  // news lines run to a few hundred bytes
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

// Hard-wrapped prose breaks lines in mid-sentence: a long line that ends
// without a full stop and goes on in the next line. One such break before a
// lower-case word, or two of them anywhere, tell wrapped copy from a page
// with one paragraph (or headline) per line.
bool IsHardWrapped(std::string_view text, const std::vector<Line>& lines) {
  int mid_sentence_breaks = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].size() > kMaxWrappedLine) return false;
    if (i + 1 == lines.size() || lines[i].size() < kMinWrappedLine || lines[i + 1].blank()) {
      continue;
    }
    if (EndsSentence(text.substr(lines[i].begin, lines[i].size()))) continue;
    const char next = text[lines[i + 1].begin];
    mid_sentence_breaks += (next >= 'a' && next <= 'z') ? 2 : 1;
  }
  return mid_sentence_breaks >= 2;
}

constexpr std::size_t kMaxHeadlineBytes = 200;
constexpr int kMinHeadlineWords = 4;

// True for a paragraph that reads like a headline, label or link rather than
// prose: short, and not ending a sentence.
bool IsHeadlineLike(std::string_view paragraph) {
  return paragraph.size() <= kMaxHeadlineBytes && !EndsSentence(paragraph);
}

int CountWords(std::string_view paragraph) {
  int words = 0;
  bool in_word = false;
  for (char c : paragraph) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

}  // namespace

std::vector<ByteSpan> FindParagraphs(std::string_view text) {
  const std::vector<Line> lines = TrimmedLines(text);
  const bool every_line_is_a_paragraph = !IsHardWrapped(text, lines);
  std::vector<ByteSpan> paragraphs;
  paragraphs.reserve(lines.size());
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

std::vector<Block> FindBlocks(std::string_view text) {
  const std::vector<ByteSpan> paragraphs = FindParagraphs(text);
  std::vector<Block> blocks;
  blocks.reserve(paragraphs.size());
  for (const ByteSpan& p : paragraphs) blocks.push_back({p, BlockKind::kBody});

  std::size_t front = 0;  // headline-like paragraphs at the start
  while (front < blocks.size() && IsHeadlineLike(Slice(text, blocks[front].span))) ++front;
  if (front == blocks.size()) return blocks;

  std::size_t tail = blocks.size();  // first paragraph of the tail
  while (tail > front && IsHeadlineLike(Slice(text, blocks[tail - 1].span))) --tail;
  if (blocks.size() - tail >= 2) {
    for (std::size_t i = tail; i < blocks.size(); ++i) blocks[i].kind = BlockKind::kTail;
  }

  for (std::size_t i = 0; i < front; ++i) {
    if (CountWords(Slice(text, blocks[i].span)) >= kMinHeadlineWords) {
      blocks[i].kind = BlockKind::kHeadline;
      break;
    }
    blocks[i].kind = BlockKind::kLabel;
  }
  return blocks;
}

}  // namespace copydesk
