// copydesk._copydesk: the private extension behind the copydesk package.
// Shims convert types and offsets and release the GIL; everything Pythonic
// lives in python/copydesk/.

#include <pybind11/pybind11.h>

#include "copydesk/version.h"
#include "shims.h"

PYBIND11_MODULE(_copydesk, m) {
  m.doc() = "Private core of the copydesk package; use `import copydesk`.";
  m.attr("__version__") = COPYDESK_VERSION;
  copydesk::python::RegisterLayout(m);
  copydesk::python::RegisterArticle(m);
  copydesk::python::RegisterQuotes(m);
  copydesk::python::RegisterSentences(m);
  copydesk::python::RegisterDateline(m);
  copydesk::python::RegisterNormalize(m);
}
