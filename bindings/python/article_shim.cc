#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <utility>
#include <vector>

#include "copydesk/article.h"
#include "offsets.h"
#include "shims.h"

namespace py = pybind11;

namespace copydesk::python {
namespace {

// An Article as plain Python values, spans as str indices into "text".
py::dict ArticleToDict(const Article& article) {
  OffsetMap map(article.text());
  py::dict out;
  out["text"] = PyFromUtf8(article.text());
  out["blocks"] = BlocksToPy(article.blocks(), map);
  return out;
}

py::dict AnalyzeShim(const py::str& text) {
  std::string utf8 = Utf8FromPy(text);
  Article article;
  {
    py::gil_scoped_release release;
    article = Analyze(std::move(utf8));
  }
  return ArticleToDict(article);
}

py::list AnalyzeManyShim(const py::iterable& texts, int threads) {
  std::vector<std::string> raws;
  for (const py::handle& text : texts) raws.push_back(Utf8FromPy(text));
  std::vector<Article> articles;
  {
    py::gil_scoped_release release;
    articles = AnalyzeMany(std::move(raws), threads);
  }
  py::list out;
  for (const Article& article : articles) out.append(ArticleToDict(article));
  return out;
}

}  // namespace

void RegisterArticle(py::module_& m) {
  m.def("analyze", &AnalyzeShim, py::arg("text"),
        "Analyse one story; returns the article as a dict of plain values.");
  m.def("analyze_many", &AnalyzeManyShim, py::arg("texts"), py::arg("threads") = 0,
        "Analyse many stories on `threads` threads (0: all cores) without the GIL.");
}

}  // namespace copydesk::python
