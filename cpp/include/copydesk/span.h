// -----------------------------------------------------------------------------
// File: span.h
// -----------------------------------------------------------------------------
//
// ByteSpan: a half-open range [begin, end) of byte offsets into a UTF-8 text.
// Every copydesk result is a span into the text it was given, never a copy:
//
//   std::string_view text = "One. Two.";
//   copydesk::ByteSpan second{5, 9};
//   copydesk::Slice(text, second) == "Two."

#ifndef COPYDESK_SPAN_H_
#define COPYDESK_SPAN_H_

#include <cstddef>
#include <string_view>

namespace copydesk {

struct ByteSpan {
  std::size_t begin = 0;
  std::size_t end = 0;

  constexpr std::size_t size() const { return end - begin; }
  constexpr bool empty() const { return begin == end; }
  constexpr bool Contains(const ByteSpan& other) const {
    return begin <= other.begin && other.end <= end;
  }

  friend constexpr bool operator==(const ByteSpan& a, const ByteSpan& b) {
    return a.begin == b.begin && a.end == b.end;
  }
  friend constexpr bool operator!=(const ByteSpan& a, const ByteSpan& b) {
    return !(a == b);
  }
};

// The bytes of `text` that `span` covers. The span is clamped to the text, so
// a span from another text never reads out of bounds.
inline std::string_view Slice(std::string_view text, ByteSpan span) {
  if (span.begin > text.size()) return {};
  return text.substr(span.begin, span.end > span.begin ? span.end - span.begin : 0);
}

}  // namespace copydesk

#endif  // COPYDESK_SPAN_H_
