#include <pybind11/pybind11.h>

#include <string>
#include <vector>

#include "copydesk/layout.h"
#include "offsets.h"
#include "shims.h"

namespace py = pybind11;

namespace copydesk::python {
namespace {

const char* BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kLabel: return "label";
    case BlockKind::kHeadline: return "headline";
    case BlockKind::kBody: return "body";
    case BlockKind::kTail: return "tail";
  }
  return "body";
}

py::list ParagraphSpansShim(const py::str& text) {
  const std::string utf8 = Utf8FromPy(text);
  std::vector<ByteSpan> paragraphs;
  {
    py::gil_scoped_release release;
    paragraphs = FindParagraphs(utf8);
  }
  OffsetMap map(utf8);
  py::list out;
  for (const ByteSpan& p : paragraphs) out.append(map.ToChars(p));
  return out;
}

py::list BlocksShim(const py::str& text) {
  const std::string utf8 = Utf8FromPy(text);
  std::vector<Block> blocks;
  {
    py::gil_scoped_release release;
    blocks = FindBlocks(utf8);
  }
  return BlocksToPy(blocks, OffsetMap(utf8));
}

}  // namespace

py::list BlocksToPy(const std::vector<Block>& blocks, const OffsetMap& map) {
  py::list out;
  for (const Block& b : blocks) {
    out.append(py::make_tuple(BlockKindName(b.kind), map.ToChar(b.span.begin), map.ToChar(b.span.end)));
  }
  return out;
}

void RegisterLayout(py::module_& m) {
  m.def("paragraph_spans", &ParagraphSpansShim, py::arg("text"),
        "(start, end) str indices of each paragraph.");
  m.def("blocks", &BlocksShim, py::arg("text"),
        "(kind, start, end) of each paragraph: kind is label, headline, body or tail.");
}

}  // namespace copydesk::python
