// Conversions between Python str and the UTF-8 the C++ core reads, shared by
// every shim: text in, and byte offsets out as str indices (code points).

#ifndef COPYDESK_BINDINGS_PYTHON_OFFSETS_H_
#define COPYDESK_BINDINGS_PYTHON_OFFSETS_H_

#include <pybind11/pybind11.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/span.h"

namespace copydesk::python {

// The UTF-8 bytes of a str. Lone surrogates (which a str can hold) are
// encoded as themselves ("surrogatepass"), so the core reads each as
// U+FFFD and no character is lost or shifts the offsets.
std::string Utf8FromPy(const pybind11::handle& text);

// The UTF-8 bytes of a str without a copy where Python keeps them (always
// for text without lone surrogates); otherwise encoded into *storage as
// Utf8FromPy() does. The view lives as long as `text` and *storage.
std::string_view Utf8ViewFromPy(const pybind11::handle& text, std::string* storage);

// The str for a run of UTF-8 that the core produced, replacing invalid bytes.
pybind11::str PyFromUtf8(std::string_view text);

// Maps UTF-8 byte offsets of one text to str indices and back. Built in one
// linear pass; each lookup scans at most one 64-byte block. Pure ASCII text
// (most news) needs no table.
class OffsetMap {
 public:
  explicit OffsetMap(std::string_view utf8);

  std::size_t ToChar(std::size_t byte_offset) const;
  std::size_t ToByte(std::size_t char_index) const;
  // (start, end) in str indices for a byte span.
  pybind11::tuple ToChars(ByteSpan span) const;
  // The byte span for str indices [start, end), clamped to the text.
  ByteSpan ToBytes(std::size_t start, std::size_t end) const;

 private:
  static constexpr std::size_t kBlock = 64;
  std::string_view text_;
  bool ascii_ = true;
  std::vector<std::size_t> chars_before_block_;  // code points before each block
};

}  // namespace copydesk::python

#endif  // COPYDESK_BINDINGS_PYTHON_OFFSETS_H_
