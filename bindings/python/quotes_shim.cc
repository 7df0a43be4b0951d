#include <pybind11/pybind11.h>

#include <string>
#include <string_view>
#include <vector>

#include "copydesk/quotes.h"
#include "offsets.h"
#include "shims.h"

namespace py = pybind11;

namespace copydesk::python {
namespace {

py::list FindQuotesShim(const py::str& text, bool attribute_speakers,
                        bool report_uncued_fragments) {
  std::string storage;  // used only when the str holds lone surrogates
  const std::string_view utf8 = Utf8ViewFromPy(text, &storage);
  QuoteOptions options;
  options.attribute_speakers = attribute_speakers;
  options.report_uncued_fragments = report_uncued_fragments;
  std::vector<Quote> quotes;
  {
    py::gil_scoped_release release;
    quotes = FindQuotes(utf8, options);
  }
  return QuotesToPy(quotes, OffsetMap(utf8));
}

}  // namespace

py::list QuotesToPy(const std::vector<Quote>& quotes, const OffsetMap& map) {
  py::list out;
  for (const Quote& q : quotes) {
    const std::string_view kind = QuoteKindName(q.kind);
    out.append(py::make_tuple(
        map.ToChar(q.span.begin), map.ToChar(q.span.end), py::str(kind.data(), kind.size()),
        q.cue ? py::object(map.ToChars(*q.cue)) : py::object(py::none()),
        q.speaker ? py::object(map.ToChars(*q.speaker)) : py::object(py::none()),
        q.speaker_name.empty() ? py::object(py::none()) : py::object(PyFromUtf8(q.speaker_name)),
        q.confidence));
  }
  return out;
}

void RegisterQuotes(py::module_& m) {
  m.def("find_quotes", &FindQuotesShim, py::arg("text"), py::arg("attribute_speakers") = true,
        py::arg("report_uncued_fragments") = false,
        "Quotes of `text` as tuples (start, end, kind, cue, speaker, speaker_name, "
        "confidence); spans are str indices.");
}

}  // namespace copydesk::python
