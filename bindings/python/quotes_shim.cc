#include <pybind11/pybind11.h>

#include <optional>
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
  // Built with the C API: a story can hold hundreds of quotes, and
  // pybind11's make_tuple casts and reference-counts every field one by one.
  auto check = [](PyObject* o) {
    if (o == nullptr) throw py::error_already_set();
    return o;
  };
  auto span = [&](ByteSpan s) {
    py::object pair = py::reinterpret_steal<py::object>(check(PyTuple_New(2)));
    PyTuple_SET_ITEM(pair.ptr(), 0, check(PyLong_FromSize_t(map.ToChar(s.begin))));
    PyTuple_SET_ITEM(pair.ptr(), 1, check(PyLong_FromSize_t(map.ToChar(s.end))));
    return pair.release().ptr();
  };
  // The four kind names, made once (the GIL is held) and shared; indexed
  // by the enum's value.
  auto name_of = [](QuoteKind kind) {
    return PyUnicode_InternFromString(std::string(QuoteKindName(kind)).c_str());
  };
  static_assert(static_cast<int>(QuoteKind::kDirect) == 0 &&
                static_cast<int>(QuoteKind::kPartial) == 1 &&
                static_cast<int>(QuoteKind::kMixed) == 2 &&
                static_cast<int>(QuoteKind::kIndirect) == 3);
  static PyObject* const kKindNames[] = {name_of(QuoteKind::kDirect), name_of(QuoteKind::kPartial),
                                         name_of(QuoteKind::kMixed), name_of(QuoteKind::kIndirect)};
  auto optional_span = [&](const std::optional<ByteSpan>& s) {
    if (s) return span(*s);
    Py_INCREF(Py_None);
    return Py_None;
  };
  py::list out(quotes.size());
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    const Quote& q = quotes[i];
    py::object row = py::reinterpret_steal<py::object>(check(PyTuple_New(7)));
    PyObject* t = row.ptr();
    PyTuple_SET_ITEM(t, 0, check(PyLong_FromSize_t(map.ToChar(q.span.begin))));
    PyTuple_SET_ITEM(t, 1, check(PyLong_FromSize_t(map.ToChar(q.span.end))));
    PyObject* kind = check(kKindNames[static_cast<int>(q.kind)]);
    Py_INCREF(kind);
    PyTuple_SET_ITEM(t, 2, kind);
    PyTuple_SET_ITEM(t, 3, optional_span(q.cue));
    PyTuple_SET_ITEM(t, 4, optional_span(q.speaker));
    if (q.speaker_name.empty()) {
      Py_INCREF(Py_None);
      PyTuple_SET_ITEM(t, 5, Py_None);
    } else {
      PyTuple_SET_ITEM(t, 5, PyFromUtf8(q.speaker_name).release().ptr());
    }
    PyTuple_SET_ITEM(t, 6, check(PyFloat_FromDouble(static_cast<double>(q.confidence))));
    PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i), row.release().ptr());
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
