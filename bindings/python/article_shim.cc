#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "copydesk/article.h"
#include "offsets.h"
#include "shims.h"

namespace py = pybind11;

namespace copydesk::python {
namespace {

using PublishedDate = std::optional<std::tuple<int, int, int>>;

AnalyzeOptions MakeOptions(const std::string& profile, const py::dict& normalize_overrides,
                           const PublishedDate& published, const SentenceSplitter* splitter) {
  AnalyzeOptions options;
  options.normalize = NormalizeOptionsFromPy(profile, normalize_overrides);
  if (published) {
    options.published = CalendarDate{std::get<0>(*published), std::get<1>(*published),
                                      std::get<2>(*published)};
  }
  options.sentence_splitter = splitter;
  return options;
}

// An Article as plain Python values, spans as str indices into "text".
py::dict ArticleToDict(const Article& article) {
  OffsetMap map(article.text());
  py::dict out;
  const py::str text = PyFromUtf8(article.text());
  out["text"] = text;
  out["cleanup"] = CleanTextToPy(std::string(article.raw()), article.normalized());
  out["blocks"] = BlocksToPy(article.blocks(), map);
  out["dateline"] =
      article.dateline() ? py::object(DatelineToPy(*article.dateline(), map)) : py::none();
  out["sentences"] = SentencesToPy(article.sentences(), map);
  out["quotes"] = QuotesToPy(article.quotes(), map, text);
  return out;
}

py::dict AnalyzeShim(const py::str& text, const std::string& profile,
                     const py::dict& normalize_overrides, const PublishedDate& published,
                     const SentenceSplitter* splitter) {
  std::string utf8 = Utf8FromPy(text);
  const AnalyzeOptions options = MakeOptions(profile, normalize_overrides, published, splitter);
  Article article;
  {
    py::gil_scoped_release release;
    article = Analyze(std::move(utf8), options);
  }
  return ArticleToDict(article);
}

py::list AnalyzeManyShim(const py::iterable& texts, int threads, const std::string& profile,
                         const py::dict& normalize_overrides, const PublishedDate& published,
                         const SentenceSplitter* splitter) {
  const AnalyzeOptions options = MakeOptions(profile, normalize_overrides, published, splitter);
  std::vector<std::string> raws;
  for (const py::handle& text : texts) raws.push_back(Utf8FromPy(text));
  std::vector<Article> articles;
  {
    py::gil_scoped_release release;
    articles = AnalyzeMany(std::move(raws), threads, options);
  }
  py::list out;
  for (const Article& article : articles) out.append(ArticleToDict(article));
  return out;
}

}  // namespace

void RegisterArticle(py::module_& m) {
  m.def("analyze", &AnalyzeShim, py::arg("text"), py::arg("profile"),
        py::arg("normalize_options"), py::arg("published"), py::arg("splitter"),
        "Analyse one story; returns the article as a dict of plain values. `profile` and "
        "`normalize_options` are those of normalize(); `published` is (year, month, day) or "
        "None; `splitter` a _SentenceSplitter or None.");
  m.def("analyze_many", &AnalyzeManyShim, py::arg("texts"), py::arg("threads"), py::arg("profile"),
        py::arg("normalize_options"), py::arg("published"), py::arg("splitter"),
        "Analyse many stories on `threads` threads (0: all cores) without the GIL.");
}

}  // namespace copydesk::python
