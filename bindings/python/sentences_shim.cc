#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <utility>
#include <vector>

#include "copydesk/sentences.h"
#include "offsets.h"
#include "shims.h"

namespace py = pybind11;

namespace copydesk::python {
namespace {

std::vector<Sentence> SplitWithoutGil(const SentenceSplitter& splitter, const std::string& utf8) {
  py::gil_scoped_release release;
  return splitter.Split(utf8);
}

py::list SpansShim(const SentenceSplitter& splitter, const py::str& text) {
  const std::string utf8 = Utf8FromPy(text);
  const std::vector<Sentence> sentences = SplitWithoutGil(splitter, utf8);
  OffsetMap map(utf8);
  py::list out;
  for (const Sentence& s : sentences) out.append(map.ToChars(s.span));
  return out;
}

// The sentences as substrings of `text` itself, so every character
// (a lone surrogate too) comes back exactly as given.
py::list SplitShim(const SentenceSplitter& splitter, const py::str& text) {
  const std::string utf8 = Utf8FromPy(text);
  const std::vector<Sentence> sentences = SplitWithoutGil(splitter, utf8);
  OffsetMap map(utf8);
  py::list out;
  for (const Sentence& s : sentences) {
    PyObject* piece = PyUnicode_Substring(text.ptr(), static_cast<Py_ssize_t>(map.ToChar(s.span.begin)),
                                          static_cast<Py_ssize_t>(map.ToChar(s.span.end)));
    if (!piece) throw py::error_already_set();
    out.append(py::reinterpret_steal<py::str>(piece));
  }
  return out;
}

// (splitter, "") or (None, why the configuration is wrong).
py::tuple MakeSplitterShim(const std::string& language,
                           std::vector<std::string> extra_abbreviations,
                           std::vector<std::string> non_breaking_words) {
  SentenceSplitterConfig config;
  config.language = language;
  config.extra_abbreviations = std::move(extra_abbreviations);
  config.non_breaking_words = std::move(non_breaking_words);
  Result<SentenceSplitter> splitter = SentenceSplitter::Create(config);
  if (!splitter.ok()) return py::make_tuple(py::none(), std::string(splitter.status().message()));
  return py::make_tuple(py::cast(std::move(splitter).value()), std::string());
}

}  // namespace

void RegisterSentences(py::module_& m) {
  py::class_<SentenceSplitter>(m, "_SentenceSplitter")
      .def("spans", &SpansShim, py::arg("text"),
           "(start, end) str indices of each sentence of `text`.")
      .def("split", &SplitShim, py::arg("text"), "The sentences of `text` as str.");
  m.def("make_sentence_splitter", &MakeSplitterShim, py::arg("language"),
        py::arg("extra_abbreviations"), py::arg("non_breaking_words"),
        "(splitter, '') or (None, message) when the configuration is invalid.");
  m.def("sentence_languages", &SentenceLanguages, "Language codes with built-in sentence rules.");
}

}  // namespace copydesk::python
