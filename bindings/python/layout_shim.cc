#include <pybind11/pybind11.h>

#include <string>
#include <vector>

#include "copydesk/layout.h"
#include "offsets.h"
#include "shims.h"

namespace py = pybind11;

namespace copydesk::python {
namespace {

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

}  // namespace

void RegisterLayout(py::module_& m) {
  m.def("paragraph_spans", &ParagraphSpansShim, py::arg("text"),
        "(start, end) str indices of each paragraph (blocks between blank lines).");
}

}  // namespace copydesk::python
