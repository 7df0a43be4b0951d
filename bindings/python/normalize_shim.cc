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

py::str NormalizeShim(const py::str& text, const std::string& profile, const py::dict& overrides) {
  const NormalizeOptions options = NormalizeOptionsFromPy(profile, overrides);
  std::string storage;
  const std::string_view raw = Utf8ViewFromPy(text, &storage);
  NormalizedText clean;
  if (raw.size() < kReleaseGilBytes) {
    clean = Normalize(raw, options);
  } else {
    py::gil_scoped_release release;
    clean = Normalize(raw, options);
  }
  // Nothing to repair (most clean news): the same str, no decoding.
  if (clean.edits().empty()) return text;
  return PyFromUtf8(clean.text());
}

std::unique_ptr<CleanTextCore> CleanShim(const py::str& text, const std::string& profile,
                                         const py::dict& overrides) {
  const NormalizeOptions options = NormalizeOptionsFromPy(profile, overrides);
  std::string raw = Utf8FromPy(text);
  NormalizedText normalized;
  {
    py::gil_scoped_release release;
    normalized = Normalize(raw, options);
  }
  return std::make_unique<CleanTextCore>(std::move(raw), std::move(normalized));
}

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
  m.def("normalize", &NormalizeShim, py::arg("text"), py::arg("profile"), py::arg("options"),
        "The clean text of `text` under `profile` with option overrides.");
  m.def("clean", &CleanShim, py::arg("text"), py::arg("profile"), py::arg("options"),
        "The clean text of `text` with its edits and offset maps.");
}

}  // namespace copydesk::python
