// Registration functions, one per *_shim.cc, called from module.cc.

#ifndef COPYDESK_BINDINGS_PYTHON_SHIMS_H_
#define COPYDESK_BINDINGS_PYTHON_SHIMS_H_

#include <pybind11/pybind11.h>

namespace copydesk::python {

void RegisterLayout(pybind11::module_& m);
void RegisterArticle(pybind11::module_& m);
void RegisterQuotes(pybind11::module_& m);
void RegisterSentences(pybind11::module_& m);

}  // namespace copydesk::python

#endif  // COPYDESK_BINDINGS_PYTHON_SHIMS_H_
