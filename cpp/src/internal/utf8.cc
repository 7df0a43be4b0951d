#include "internal/utf8.h"

#include <cstring>

namespace copydesk::internal {

std::size_t PreviousCharStart(std::string_view text, std::size_t pos) {
  std::size_t start = pos - 1;
  const std::size_t limit = pos >= 4 ? pos - 4 : 0;
  while (start > limit && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    --start;
  }
  // Only accept the lead byte if it really decodes to a character ending at pos.
  DecodedChar c = DecodeUtf8(text, start);
  return start + c.length == pos ? start : pos - 1;
}

std::size_t SkipAscii(std::string_view text, std::size_t pos) {
  const char* data = text.data();
  const std::size_t size = text.size();
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  while (pos + 8 <= size) {
    uint64_t word;
    std::memcpy(&word, data + pos, 8);
    if (word & kHighBits) break;
    pos += 8;
  }
  while (pos < size && static_cast<unsigned char>(data[pos]) < 0x80) ++pos;
  return pos;
}

bool IsValidUtf8(std::string_view text) {
  std::size_t pos = 0;
  while (true) {
    pos = SkipAscii(text, pos);
    if (pos >= text.size()) return true;
    DecodedChar c = DecodeUtf8(text, pos);
    if (!c.valid) return false;
    pos += c.length;
  }
}

void AppendUtf8(char32_t cp, std::string* out) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = kReplacementCharacter;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace copydesk::internal
