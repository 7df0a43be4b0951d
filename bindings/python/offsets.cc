#include "offsets.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace py = pybind11;

namespace copydesk::python {
namespace {

bool IsCharStart(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

// Characters that start in the `n` bytes at `p`, eight bytes at a time: a
// quote's every offset is counted from the start of its block.
std::size_t CharStartsIn(const char* p, std::size_t n) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = kOnes * 0x80;
  std::size_t chars = 0;
  std::size_t k = 0;
  for (; k + 8 <= n; k += 8) {
    uint64_t chunk;
    std::memcpy(&chunk, p + k, 8);
    // A continuation byte is 10xxxxxx: high bit set, the next one clear.
    // One bit a byte at most: a multiply sums them into the top byte.
    const uint64_t continuation = (chunk & ~(chunk << 1) & kHigh) >> 7;
    chars += 8 - static_cast<std::size_t>((continuation * kOnes) >> 56);
  }
  for (; k < n; ++k) chars += IsCharStart(p[k]);
  return chars;
}

}  // namespace

std::string Utf8FromPy(const py::handle& text) {
  if (!PyUnicode_Check(text.ptr())) {
    throw py::type_error("copydesk expects text as str, not " +
                         std::string(py::str(py::type::of(text).attr("__name__"))));
  }
  Py_ssize_t size = 0;
  if (const char* utf8 = PyUnicode_AsUTF8AndSize(text.ptr(), &size)) {
    return std::string(utf8, static_cast<std::size_t>(size));
  }
  PyErr_Clear();  // lone surrogates: encode them as they are
  py::object bytes = py::reinterpret_steal<py::object>(
      PyUnicode_AsEncodedString(text.ptr(), "utf-8", "surrogatepass"));
  if (!bytes) throw py::error_already_set();
  return std::string(PyBytes_AS_STRING(bytes.ptr()),
                     static_cast<std::size_t>(PyBytes_GET_SIZE(bytes.ptr())));
}

std::string_view Utf8ViewFromPy(const py::handle& text, std::string* storage) {
  if (PyUnicode_Check(text.ptr())) {
    Py_ssize_t size = 0;
    if (const char* utf8 = PyUnicode_AsUTF8AndSize(text.ptr(), &size)) {
      return std::string_view(utf8, static_cast<std::size_t>(size));
    }
    PyErr_Clear();
  }
  *storage = Utf8FromPy(text);
  return *storage;
}

py::str PyFromUtf8(std::string_view text) {
  PyObject* str = PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()),
                                       "surrogatepass");
  if (!str) {
    PyErr_Clear();
    str = PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), "replace");
  }
  if (!str) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(str);
}

OffsetMap::OffsetMap(std::string_view utf8) : text_(utf8) {
  // Eight bytes at a time: every text passes through here, and most are
  // ASCII (no table at all).
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  std::size_t i = 0;
  for (; i + 8 <= utf8.size() && ascii_; i += 8) {
    uint64_t chunk;
    std::memcpy(&chunk, utf8.data() + i, 8);
    ascii_ = (chunk & kHigh) == 0;
  }
  for (; i < utf8.size() && ascii_; ++i) ascii_ = static_cast<unsigned char>(utf8[i]) < 0x80;
  if (ascii_) return;
  chars_before_block_.reserve(utf8.size() / kBlock + 1);
  std::size_t chars = 0;
  for (std::size_t block = 0; block < utf8.size(); block += kBlock) {
    chars_before_block_.push_back(chars);
    chars += CharStartsIn(utf8.data() + block, std::min(kBlock, utf8.size() - block));
  }
}

std::size_t OffsetMap::ToChar(std::size_t byte_offset) const {
  byte_offset = std::min(byte_offset, text_.size());
  if (ascii_) return byte_offset;
  const std::size_t block = byte_offset / kBlock;
  if (block >= chars_before_block_.size()) {  // byte_offset == size, at a block edge
    if (chars_before_block_.empty()) return 0;
    const std::size_t last = (chars_before_block_.size() - 1) * kBlock;
    return chars_before_block_.back() + CharStartsIn(text_.data() + last, text_.size() - last);
  }
  const std::size_t start = block * kBlock;
  return chars_before_block_[block] + CharStartsIn(text_.data() + start, byte_offset - start);
}

std::size_t OffsetMap::ToByte(std::size_t char_index) const {
  if (ascii_) return std::min(char_index, text_.size());
  // Last block that starts at or before the wanted character.
  auto it = std::upper_bound(chars_before_block_.begin(), chars_before_block_.end(), char_index);
  if (it == chars_before_block_.begin()) return 0;
  std::size_t block = static_cast<std::size_t>(it - chars_before_block_.begin()) - 1;
  std::size_t chars = chars_before_block_[block];
  std::size_t i = block * kBlock;
  // Blocks can start on a continuation byte; step to the next character start.
  while (i < text_.size() && !IsCharStart(text_[i])) ++i;
  for (; i < text_.size(); ++i) {
    if (IsCharStart(text_[i])) {
      if (chars == char_index) return i;
      ++chars;
    }
  }
  return text_.size();
}

py::tuple OffsetMap::ToChars(ByteSpan span) const {
  return py::make_tuple(ToChar(span.begin), ToChar(span.end));
}

ByteSpan OffsetMap::ToBytes(std::size_t start, std::size_t end) const {
  const std::size_t begin = ToByte(start);
  return {begin, std::max(begin, ToByte(end))};
}

}  // namespace copydesk::python
