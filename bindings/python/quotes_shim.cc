#include <pybind11/pybind11.h>
#include <structmember.h>

#include <cstddef>
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

// The storage of a Python Quote: the fields of one quote as C values, made
// in one allocation with no tuple or int objects. copydesk.Quote subclasses
// it and gives every attribute its meaning (kinds, spans, text); this type
// only holds the values. Offsets are str indices; -1 when there is no cue or
// speaker.
struct QuoteRecord {
  PyObject_HEAD
  Py_ssize_t start;
  Py_ssize_t end;
  Py_ssize_t cue_start;
  Py_ssize_t cue_end;
  Py_ssize_t speaker_start;
  Py_ssize_t speaker_end;
  double confidence;
  PyObject* kind;          // "direct", "partial", "mixed" or "indirect"
  PyObject* speaker_name;  // str or None
  PyObject* source;        // the text every offset indexes
};

PyObject* g_record_type = nullptr;  // QuoteRecord
PyObject* g_quote_class = nullptr;  // the subclass instances are made of: copydesk.Quote

int RecordTraverse(PyObject* self, visitproc visit, void* arg) {
  auto* r = reinterpret_cast<QuoteRecord*>(self);
  Py_VISIT(Py_TYPE(self));
  Py_VISIT(r->kind);
  Py_VISIT(r->speaker_name);
  Py_VISIT(r->source);
  return 0;
}

int RecordClear(PyObject* self) {
  auto* r = reinterpret_cast<QuoteRecord*>(self);
  Py_CLEAR(r->kind);
  Py_CLEAR(r->speaker_name);
  Py_CLEAR(r->source);
  return 0;
}

void RecordDealloc(PyObject* self) {
  PyTypeObject* type = Py_TYPE(self);
  PyObject_GC_UnTrack(self);
  RecordClear(self);
  type->tp_free(self);
  Py_DECREF(type);
}

// (start, end, kind, cue_start, cue_end, speaker_start, speaker_end,
// speaker_name, confidence, source): how a pickled Quote is made again.
PyObject* RecordNew(PyTypeObject* type, PyObject* args, PyObject* kwargs) {
  static const char* const kNames[] = {"start", "end", "kind", "cue_start", "cue_end",
                                       "speaker_start", "speaker_end", "speaker_name",
                                       "confidence", "source", nullptr};
  Py_ssize_t start, end, cue_start, cue_end, speaker_start, speaker_end;
  double confidence;
  PyObject *kind, *speaker_name, *source;
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "nnUnnnnOdU", const_cast<char**>(kNames),
                                   &start, &end, &kind, &cue_start, &cue_end, &speaker_start,
                                   &speaker_end, &speaker_name, &confidence, &source)) {
    return nullptr;
  }
  PyObject* self = type->tp_alloc(type, 0);
  if (self == nullptr) return nullptr;
  auto* r = reinterpret_cast<QuoteRecord*>(self);
  r->start = start;
  r->end = end;
  r->cue_start = cue_start;
  r->cue_end = cue_end;
  r->speaker_start = speaker_start;
  r->speaker_end = speaker_end;
  r->confidence = confidence;
  Py_INCREF(kind);
  r->kind = kind;
  Py_INCREF(speaker_name);
  r->speaker_name = speaker_name;
  Py_INCREF(source);
  r->source = source;
  return self;
}

PyMemberDef kRecordMembers[] = {
    {"start", T_PYSSIZET, offsetof(QuoteRecord, start), READONLY,
     "Where the content starts (a str index)."},
    {"end", T_PYSSIZET, offsetof(QuoteRecord, end), READONLY,
     "Where the content ends (a str index)."},
    {"_cue_start", T_PYSSIZET, offsetof(QuoteRecord, cue_start), READONLY, nullptr},
    {"_cue_end", T_PYSSIZET, offsetof(QuoteRecord, cue_end), READONLY, nullptr},
    {"_speaker_start", T_PYSSIZET, offsetof(QuoteRecord, speaker_start), READONLY, nullptr},
    {"_speaker_end", T_PYSSIZET, offsetof(QuoteRecord, speaker_end), READONLY, nullptr},
    {"_confidence", T_DOUBLE, offsetof(QuoteRecord, confidence), READONLY, nullptr},
    {"_kind", T_OBJECT, offsetof(QuoteRecord, kind), READONLY, nullptr},
    {"speaker_name", T_OBJECT, offsetof(QuoteRecord, speaker_name), READONLY,
     "The canonical speaker (str), or None."},
    {"_source", T_OBJECT, offsetof(QuoteRecord, source), READONLY, nullptr},
    {nullptr, 0, 0, 0, nullptr}};

PyType_Slot kRecordSlots[] = {
    {Py_tp_new, reinterpret_cast<void*>(&RecordNew)},
    {Py_tp_dealloc, reinterpret_cast<void*>(&RecordDealloc)},
    {Py_tp_traverse, reinterpret_cast<void*>(&RecordTraverse)},
    {Py_tp_clear, reinterpret_cast<void*>(&RecordClear)},
    {Py_tp_members, kRecordMembers},
    {Py_tp_doc, const_cast<char*>("The stored fields of a copydesk.Quote.")},
    {0, nullptr}};

PyType_Spec kRecordSpec = {"copydesk._copydesk.QuoteRecord", sizeof(QuoteRecord), 0,
                           Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
                           kRecordSlots};

// set_quote_class(cls): the QuoteRecord subclass (copydesk.Quote) that
// quotes are made as; called once when copydesk is imported.
void SetQuoteClass(const py::handle& cls) {
  if (!PyType_Check(cls.ptr()) ||
      !PyType_IsSubtype(reinterpret_cast<PyTypeObject*>(cls.ptr()),
                        reinterpret_cast<PyTypeObject*>(g_record_type)) ||
      reinterpret_cast<PyTypeObject*>(cls.ptr())->tp_basicsize != sizeof(QuoteRecord)) {
    throw py::type_error("set_quote_class expects a QuoteRecord subclass with no slots");
  }
  Py_INCREF(cls.ptr());
  Py_XDECREF(g_quote_class);
  g_quote_class = cls.ptr();
}

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
  return QuotesToPy(quotes, OffsetMap(utf8), text);
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

py::list QuotesToPy(const std::vector<Quote>& quotes, const OffsetMap& map,
                    const py::handle& text) {
  // Each quote is one QuoteRecord (as copydesk.Quote), its fields stored as
  // C values: a story can hold hundreds of quotes and a corpus millions, and
  // every object made is one more to allocate and free.

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
  auto index = [&](std::size_t byte_offset) {
    return static_cast<Py_ssize_t>(map.ToChar(byte_offset));
  };
  // A story names a few speakers over and over: the last few names are made
  // once and shared.
  constexpr std::size_t kRecent = 8;
  struct RecentName {
    const std::string* name = nullptr;
    py::object object;
  };
  RecentName names[kRecent];
  std::size_t next_name = 0;
  auto name_object = [&](const std::string& name) {
    for (const RecentName& r : names) {
      if (r.name != nullptr && *r.name == name) return r.object.inc_ref().ptr();
    }
    RecentName& slot = names[next_name++ % kRecent];
    slot.name = &name;
    slot.object = PyFromUtf8(name);
    return slot.object.inc_ref().ptr();
  };
  auto* type = reinterpret_cast<PyTypeObject*>(g_quote_class != nullptr ? g_quote_class
                                                                        : g_record_type);
  py::list out(quotes.size());
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    const Quote& q = quotes[i];
    PyObject* object = type->tp_alloc(type, 0);
    if (object == nullptr) throw py::error_already_set();
    PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i), object);  // owned by `out` now
    auto* r = reinterpret_cast<QuoteRecord*>(object);
    r->start = index(q.span.begin);
    r->end = index(q.span.end);
    r->cue_start = q.cue ? index(q.cue->begin) : -1;
    r->cue_end = q.cue ? index(q.cue->end) : -1;
    r->speaker_start = q.speaker ? index(q.speaker->begin) : -1;
    r->speaker_end = q.speaker ? index(q.speaker->end) : -1;
    r->confidence = static_cast<double>(q.confidence);
    r->kind = kKindNames[static_cast<int>(q.kind)];
    Py_INCREF(r->kind);
    r->source = text.inc_ref().ptr();
    if (q.speaker_name.empty()) {
      Py_INCREF(Py_None);
      r->speaker_name = Py_None;
    } else {
      r->speaker_name = name_object(q.speaker_name);
    }
  }
  return out;
}

void RegisterQuotes(py::module_& m) {
  g_record_type = PyType_FromSpec(&kRecordSpec);
  if (g_record_type == nullptr) throw py::error_already_set();
  m.add_object("QuoteRecord", py::reinterpret_borrow<py::object>(g_record_type));
  m.def("set_quote_class", &SetQuoteClass, py::arg("cls"),
        "The QuoteRecord subclass (copydesk.Quote) that find_quotes() makes.");
  static PyMethodDef find_quotes = {
      "find_quotes",
      reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(&FindQuotesFastcall)),
      METH_FASTCALL,
      "find_quotes(text, attribute_speakers, report_uncued_fragments): the quotes of `text`, "
      "as instances of the class given to set_quote_class()."};
  m.add_object("find_quotes", py::reinterpret_steal<py::object>(
                                  PyCFunction_NewEx(&find_quotes, nullptr, m.ptr())));
}

}  // namespace copydesk::python
