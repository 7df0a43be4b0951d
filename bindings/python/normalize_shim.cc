#include <pybind11/pybind11.h>

#include <memory>
#include <string>
#include <utility>

#include "copydesk/normalize.h"
#include "offsets.h"
#include "shims.h"

namespace py = pybind11;

namespace copydesk::python {
namespace {

[[noreturn]] void RaiseConfigError(const std::string& message) {
  py::object error = py::module_::import("copydesk._errors").attr("ConfigError");
  PyErr_SetString(error.ptr(), message.c_str());
  throw py::error_already_set();
}

}  // namespace

// NormalizeOptions for `profile` with the keyword overrides in `overrides`
// (option name -> value, as python/copydesk/_normalize.py passes them).
NormalizeOptions NormalizeOptionsFromPy(const std::string& profile, const py::dict& overrides) {
  Result<NormalizeOptions> base = NormalizeOptions::ForProfile(profile);
  if (!base.ok()) RaiseConfigError(std::string(base.status().message()));
  NormalizeOptions options = *base;
  const std::pair<const char*, bool NormalizeOptions::*> flags[] = {
      {"fix_mojibake", &NormalizeOptions::fix_mojibake},
      {"confirm_mixed_line_pairs", &NormalizeOptions::confirm_mixed_line_pairs},
      {"fix_c1_controls", &NormalizeOptions::fix_c1_controls},
      {"decode_html_entities", &NormalizeOptions::decode_html_entities},
      {"map_spaces", &NormalizeOptions::map_spaces},
      {"collapse_spaces", &NormalizeOptions::collapse_spaces},
      {"remove_invisible", &NormalizeOptions::remove_invisible},
      {"remove_bom", &NormalizeOptions::remove_bom},
      {"fix_line_breaks", &NormalizeOptions::fix_line_breaks},
      {"remove_controls", &NormalizeOptions::remove_controls},
      {"keep_form_feed", &NormalizeOptions::keep_form_feed},
      {"keep_c1_controls", &NormalizeOptions::keep_c1_controls},
      {"fold_compatibility", &NormalizeOptions::fold_compatibility},
  };
  for (const auto& [key, value] : overrides) {
    const std::string name = py::str(key);
    if (name == "quotes") {
      const std::string mode = py::isinstance<py::str>(value) ? value.cast<std::string>() : std::string();
      if (mode != "keep" && mode != "straighten") {
        RaiseConfigError("quotes must be \"keep\" or \"straighten\", not " + std::string(py::repr(value)));
      }
      options.quotes = mode == "keep" ? QuoteMode::kKeep : QuoteMode::kStraighten;
      continue;
    }
    if (name == "normal_form") {
      const std::string form = value.is_none() ? "none" : std::string(py::str(value));
      if (form == "NFC") {
        options.normal_form = NormalForm::kNfc;
      } else if (form == "NFKC") {
        options.normal_form = NormalForm::kNfkc;
      } else if (form == "none") {
        options.normal_form = NormalForm::kNone;
      } else {
        RaiseConfigError("normal_form must be \"NFC\", \"NFKC\" or None, not " + std::string(py::repr(value)));
      }
      continue;
    }
    bool known = false;
    for (const auto& [flag_name, member] : flags) {
      if (name != flag_name) continue;
      if (!py::isinstance<py::bool_>(value)) RaiseConfigError(name + " must be True or False");
      options.*member = value.cast<bool>();
      known = true;
    }
    if (!known) RaiseConfigError("unknown normalize option \"" + name + "\"");
  }
  return options;
}

namespace {

// A normalised text with both texts and their str-index maps, so that
// spans convert without re-encoding. Built once and never moved: the maps
// point into the strings.
class CleanTextCore {
 public:
  CleanTextCore(std::string raw, NormalizedText normalized)
      : raw_(std::move(raw)),
        normalized_(std::move(normalized)) {}
  CleanTextCore(const CleanTextCore&) = delete;
  CleanTextCore& operator=(const CleanTextCore&) = delete;

  py::str Text() const { return PyFromUtf8(normalized_.text()); }

  // [(kind, (raw_start, raw_end), (clean_start, clean_end))] in str indices.
  py::list Edits() const {
    py::list out;
    for (const Edit& e : normalized_.edits()) {
      out.append(py::make_tuple(std::string(EditKindName(e.kind)), RawMap().ToChars(e.raw),
                                CleanMap().ToChars(e.clean)));
    }
    return out;
  }

  py::tuple ToRaw(std::size_t start, std::size_t end) const {
    return RawMap().ToChars(normalized_.ToRaw(CleanMap().ToBytes(start, end)));
  }

  py::tuple ToClean(std::size_t start, std::size_t end) const {
    return CleanMap().ToChars(normalized_.ToClean(RawMap().ToBytes(start, end)));
  }

 private:
  std::string raw_;
  NormalizedText normalized_;
  // Built on first use: analyze() makes one of these per article, and most
  // callers never map offsets or read the edits. Only called with the GIL
  // held, so no two threads build a map at once.
  const OffsetMap& RawMap() const {
    if (!raw_map_) raw_map_ = std::make_unique<OffsetMap>(raw_);
    return *raw_map_;
  }
  const OffsetMap& CleanMap() const {
    if (!clean_map_) clean_map_ = std::make_unique<OffsetMap>(normalized_.text());
    return *clean_map_;
  }

  mutable std::unique_ptr<OffsetMap> raw_map_;
  mutable std::unique_ptr<OffsetMap> clean_map_;
};

// Below this size the work takes a few microseconds: releasing and taking
// back the GIL would cost a noticeable share of it.
constexpr std::size_t kReleaseGilBytes = 64 * 1024;

constexpr const char* kOptionsCapsuleName = "copydesk.NormalizeOptions";

// NormalizeOptions resolved once from a profile and overrides, held by
// Python (python/copydesk/_normalize.py keeps them) in a capsule, so that a
// call does not convert them again.
py::capsule NormalizeOptionsShim(const std::string& profile, const py::dict& overrides) {
  auto options = std::make_unique<NormalizeOptions>(NormalizeOptionsFromPy(profile, overrides));
  PyObject* capsule = PyCapsule_New(options.get(), kOptionsCapsuleName, [](PyObject* self) {
    delete static_cast<NormalizeOptions*>(PyCapsule_GetPointer(self, kOptionsCapsuleName));
  });
  if (capsule == nullptr) throw py::error_already_set();
  options.release();
  return py::reinterpret_steal<py::capsule>(capsule);
}

const NormalizeOptions& OptionsFromCapsule(PyObject* capsule) {
  auto* options =
      static_cast<const NormalizeOptions*>(PyCapsule_GetPointer(capsule, kOptionsCapsuleName));
  if (options == nullptr) throw py::error_already_set();
  return *options;
}

NormalizedText NormalizeReleasingGil(std::string_view raw, const NormalizeOptions& options) {
  if (raw.size() < kReleaseGilBytes) return Normalize(raw, options);
  py::gil_scoped_release release;
  return Normalize(raw, options);
}

// normalize(text, options) with the CPython calling convention: pybind11's
// argument dispatch costs about as much as normalising a short clean story.
PyObject* NormalizeShim(PyObject* /*module*/, PyObject* const* args, Py_ssize_t nargs) {
  if (nargs != 2) {
    PyErr_SetString(PyExc_TypeError, "normalize(text, options) takes 2 positional arguments");
    return nullptr;
  }
  if (!PyUnicode_Check(args[0])) {
    PyErr_Format(PyExc_TypeError, "text must be str, not %.100s", Py_TYPE(args[0])->tp_name);
    return nullptr;
  }
  try {
    const NormalizeOptions& options = OptionsFromCapsule(args[1]);
    std::string storage;
    const NormalizedText clean = NormalizeReleasingGil(Utf8ViewFromPy(args[0], &storage), options);
    // Nothing to repair (most clean news): the same str, no decoding.
    if (clean.edits().empty()) {
      Py_INCREF(args[0]);
      return args[0];
    }
    return PyFromUtf8(clean.text()).release().ptr();
  } catch (py::error_already_set& e) {
    e.restore();
  } catch (const std::exception& e) {
    PyErr_SetString(PyExc_RuntimeError, e.what());
  }
  return nullptr;
}

std::unique_ptr<CleanTextCore> CleanShim(const py::str& text, const py::capsule& options) {
  std::string raw = Utf8FromPy(text);
  NormalizedText normalized;
  {
    py::gil_scoped_release release;
    normalized = Normalize(raw, OptionsFromCapsule(options.ptr()));
  }
  return std::make_unique<CleanTextCore>(std::move(raw), std::move(normalized));
}

PyMethodDef kNormalizeDef = {
    "normalize", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(&NormalizeShim)),
    METH_FASTCALL,
    "normalize(text, options): the clean text of `text` (options from normalize_options)."};

}  // namespace

py::object CleanTextToPy(std::string raw, NormalizedText normalized) {
  return py::cast(std::make_unique<CleanTextCore>(std::move(raw), std::move(normalized)));
}

void RegisterNormalize(py::module_& m) {
  py::class_<CleanTextCore>(m, "CleanTextCore")
      .def_property_readonly("text", &CleanTextCore::Text)
      .def_property_readonly("edits", &CleanTextCore::Edits)
      .def("to_raw", &CleanTextCore::ToRaw, py::arg("start"), py::arg("end"))
      .def("to_clean", &CleanTextCore::ToClean, py::arg("start"), py::arg("end"));
  m.def("normalize_options", &NormalizeOptionsShim, py::arg("profile"), py::arg("overrides"),
        "The options of `profile` with keyword overrides, resolved once.");
  PyObject* normalize = PyCFunction_NewEx(&kNormalizeDef, nullptr, m.attr("__name__").ptr());
  if (normalize == nullptr) throw py::error_already_set();
  m.add_object("normalize", py::reinterpret_steal<py::object>(normalize));
  m.def("clean", &CleanShim, py::arg("text"), py::arg("options"),
        "The clean text of `text` with its edits and offset maps.");
}

}  // namespace copydesk::python
