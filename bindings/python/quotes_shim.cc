#include <pybind11/pybind11.h>

#include <cstdint>
#include <cstring>
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

py::list FindQuotesShim(const py::handle& text, bool attribute_speakers,
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

// find_quotes(text, attribute_speakers, report_uncued_fragments), called
// once per story: registered with METH_FASTCALL rather than through
// pybind11's dispatcher, whose argument matching costs about a microsecond
// a call (as much as finding the quotes of a short story).
PyObject* FindQuotesFastcall(PyObject*, PyObject* const* args, Py_ssize_t nargs) {
  if (nargs != 3) {
    PyErr_SetString(PyExc_TypeError,
                    "find_quotes(text, attribute_speakers, report_uncued_fragments)");
    return nullptr;
  }
  const int attribute_speakers = PyObject_IsTrue(args[1]);
  const int report_uncued_fragments = PyObject_IsTrue(args[2]);
  if (attribute_speakers < 0 || report_uncued_fragments < 0) return nullptr;
  try {
    return FindQuotesShim(args[0], attribute_speakers != 0, report_uncued_fragments != 0)
        .release()
        .ptr();
  } catch (py::error_already_set& e) {
    e.restore();
  } catch (const py::builtin_exception& e) {
    e.set_error();
  } catch (const std::bad_alloc&) {
    PyErr_NoMemory();
  } catch (const std::exception& e) {
    PyErr_SetString(PyExc_RuntimeError, e.what());
  }
  return nullptr;
}

}  // namespace

py::list QuotesToPy(const std::vector<Quote>& quotes, const OffsetMap& map) {
  // Built with the C API, one flat tuple a quote: a story can hold hundreds
  // of quotes and a corpus millions, and every object made is one more to
  // allocate and free.
  auto check = [](PyObject* o) {
    if (o == nullptr) throw py::error_already_set();
    return o;
  };
  auto index = [&](std::size_t byte_offset) {
    return check(PyLong_FromSize_t(map.ToChar(byte_offset)));
  };
  auto none = [] {
    Py_INCREF(Py_None);
    return Py_None;
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
  // A story names a few speakers over and over and gives a handful of
  // distinct confidences: the last few of each are made once and shared.
  constexpr std::size_t kRecent = 8;
  struct RecentName {
    const std::string* name = nullptr;
    py::object object;
  };
  RecentName names[kRecent];
  struct RecentConfidence {
    uint32_t bits = 0;  // the float's bits: -0.0 is not 0.0
    py::object object;
  };
  RecentConfidence confidences[kRecent];
  std::size_t next_name = 0, next_confidence = 0;
  auto name_object = [&](const std::string& name) {
    for (const RecentName& r : names) {
      if (r.name != nullptr && *r.name == name) return r.object.inc_ref().ptr();
    }
    RecentName& slot = names[next_name++ % kRecent];
    slot.name = &name;
    slot.object = PyFromUtf8(name);
    return slot.object.inc_ref().ptr();
  };
  auto confidence_object = [&](float value) {
    uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    for (const RecentConfidence& r : confidences) {
      if (r.object && r.bits == bits) return r.object.inc_ref().ptr();
    }
    RecentConfidence& slot = confidences[next_confidence++ % kRecent];
    slot.bits = bits;
    slot.object = py::reinterpret_steal<py::object>(
        check(PyFloat_FromDouble(static_cast<double>(value))));
    return slot.object.inc_ref().ptr();
  };
  py::list out(quotes.size());
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    const Quote& q = quotes[i];
    py::object row = py::reinterpret_steal<py::object>(check(PyTuple_New(9)));
    PyObject* t = row.ptr();
    PyTuple_SET_ITEM(t, 0, index(q.span.begin));
    PyTuple_SET_ITEM(t, 1, index(q.span.end));
    PyObject* kind = kKindNames[static_cast<int>(q.kind)];
    Py_INCREF(kind);
    PyTuple_SET_ITEM(t, 2, kind);
    PyTuple_SET_ITEM(t, 3, q.cue ? index(q.cue->begin) : none());
    PyTuple_SET_ITEM(t, 4, q.cue ? index(q.cue->end) : none());
    PyTuple_SET_ITEM(t, 5, q.speaker ? index(q.speaker->begin) : none());
    PyTuple_SET_ITEM(t, 6, q.speaker ? index(q.speaker->end) : none());
    PyTuple_SET_ITEM(t, 7, q.speaker_name.empty() ? none() : name_object(q.speaker_name));
    PyTuple_SET_ITEM(t, 8, confidence_object(q.confidence));
    PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i), row.release().ptr());
  }
  return out;
}

void RegisterQuotes(py::module_& m) {
  static PyMethodDef find_quotes = {
      "find_quotes",
      reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(&FindQuotesFastcall)),
      METH_FASTCALL,
      "find_quotes(text, attribute_speakers, report_uncued_fragments): the quotes of `text` as "
      "tuples (start, end, kind, cue_start, cue_end, speaker_start, speaker_end, speaker_name, "
      "confidence); offsets are str indices, None when there is no cue, speaker or name."};
  m.add_object("find_quotes", py::reinterpret_steal<py::object>(
                                  PyCFunction_NewEx(&find_quotes, nullptr, m.ptr())));
}

}  // namespace copydesk::python
