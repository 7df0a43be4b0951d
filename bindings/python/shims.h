// Registration functions, one per *_shim.cc, called from module.cc, and the
// conversions that several shims share.

#ifndef COPYDESK_BINDINGS_PYTHON_SHIMS_H_
#define COPYDESK_BINDINGS_PYTHON_SHIMS_H_

#include <pybind11/pybind11.h>

#include <string_view>
#include <vector>

#include "copydesk/layout.h"
#include "copydesk/quotes.h"
#include "offsets.h"

namespace copydesk::python {

void RegisterLayout(pybind11::module_& m);

// Blocks as [(kind name, start, end)] in str indices; shared by the layout
// and article shims.
pybind11::list BlocksToPy(const std::vector<Block>& blocks, const OffsetMap& map);
void RegisterArticle(pybind11::module_& m);
void RegisterQuotes(pybind11::module_& m);

// Quotes of the UTF-8 text `utf8` as a list of tuples of plain values, str
// indices for spans: (start, end, kind, cue (s, e) | None, speaker (s, e) |
// None, speaker_name | None, confidence). copydesk._quotes.quotes_from_core()
// turns them into Quote objects (for Article, too).
pybind11::list QuotesToPy(std::string_view utf8, const std::vector<Quote>& quotes);
void RegisterSentences(pybind11::module_& m);
void RegisterDateline(pybind11::module_& m);

}  // namespace copydesk::python

#endif  // COPYDESK_BINDINGS_PYTHON_SHIMS_H_
