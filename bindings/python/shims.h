// Registration functions, one per *_shim.cc, called from module.cc, and the
// conversions that several shims share.

#ifndef COPYDESK_BINDINGS_PYTHON_SHIMS_H_
#define COPYDESK_BINDINGS_PYTHON_SHIMS_H_

#include <pybind11/pybind11.h>

#include <string>
#include <vector>

#include "copydesk/dateline.h"
#include "copydesk/layout.h"
#include "copydesk/normalize.h"
#include "copydesk/quotes.h"
#include "copydesk/sentences.h"
#include "offsets.h"

namespace copydesk::python {

void RegisterLayout(pybind11::module_& m);
void RegisterSentences(pybind11::module_& m);
void RegisterDateline(pybind11::module_& m);
void RegisterArticle(pybind11::module_& m);
void RegisterNormalize(pybind11::module_& m);
void RegisterQuotes(pybind11::module_& m);

// Each capability's results as plain Python values with str indices, shared
// by its own shim and the article shim. python/copydesk names the fields.

// [(kind name, start, end)].
pybind11::list BlocksToPy(const std::vector<Block>& blocks, const OffsetMap& map);
// [(start, end)].
pybind11::list SentencesToPy(const std::vector<Sentence>& sentences, const OffsetMap& map);
// See dateline_shim.cc for the fields.
pybind11::tuple DatelineToPy(const Dateline& dateline, const OffsetMap& map);
// A CleanTextCore (see normalize_shim.cc) that maps between `raw` and the
// text it was cleaned into.
pybind11::object CleanTextToPy(std::string raw, NormalizedText normalized);
// [copydesk.Quote] (QuoteRecord instances, see quotes_shim.cc) for the
// quotes of `text`, the str that `map` maps.
pybind11::list QuotesToPy(const std::vector<Quote>& quotes, const OffsetMap& map,
                          const pybind11::handle& text);
// NormalizeOptions of `profile` with keyword overrides; raises ConfigError.
NormalizeOptions NormalizeOptionsFromPy(const std::string& profile,
                                        const pybind11::dict& overrides);

}  // namespace copydesk::python

#endif  // COPYDESK_BINDINGS_PYTHON_SHIMS_H_
