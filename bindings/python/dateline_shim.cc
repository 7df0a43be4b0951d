#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <tuple>

#include "copydesk/dateline.h"
#include "offsets.h"
#include "shims.h"

namespace py = pybind11;

namespace copydesk::python {
namespace {

// ParseDateline() reads at most max_prefix_bytes bytes, and the body may
// start after some white space past them; converting the whole of a long
// str would only cost time.
constexpr Py_ssize_t kBodyStartSlackChars = 4096;

// The opening of `text` long enough for ParseDateline(): a str index never
// exceeds the byte offset of the same place, so `max_prefix_bytes` characters
// hold at least that many bytes.
py::str Opening(const py::str& text, uint32_t max_prefix_bytes) {
  const Py_ssize_t length = PyUnicode_GetLength(text.ptr());
  if (length < 0) throw py::error_already_set();
  const Py_ssize_t keep = static_cast<Py_ssize_t>(max_prefix_bytes) + kBodyStartSlackChars;
  if (length <= keep) return text;
  PyObject* head = PyUnicode_Substring(text.ptr(), 0, keep);
  if (!head) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(head);
}

// The dateline as a tuple of plain values with str indices, or None:
// (start, end, [(start, end, city_start, city_end, [(s, e) region], name)],
//  (s, e) date or None, month, day, year or None, year_written,
//  (start, end, name) agency or None, body_start).
py::object ParseDatelineShim(const py::str& text,
                             std::optional<std::tuple<int, int, int>> published,
                             uint32_t max_prefix_bytes, bool allow_lowercase) {
  if (!PyUnicode_Check(text.ptr())) {
    throw py::type_error("copydesk expects text as str");
  }
  DatelineOptions options;
  options.max_prefix_bytes = max_prefix_bytes;
  options.allow_lowercase = allow_lowercase;
  if (published) {
    options.published = CalendarDate{std::get<0>(*published), std::get<1>(*published),
                                     std::get<2>(*published)};
  }
  const std::string utf8 = Utf8FromPy(Opening(text, max_prefix_bytes));
  std::optional<Dateline> dateline;
  {
    py::gil_scoped_release release;
    dateline = ParseDateline(utf8, options);
  }
  if (!dateline) return py::none();

  // Tuples, not dicts: building a dict of named fields per place would cost
  // more than the parse. python/copydesk/_dateline.py names the fields.
  OffsetMap map(utf8);
  py::list locations;
  for (const DatelinePlace& place : dateline->locations) {
    py::list regions;
    for (const ByteSpan& region : place.regions) regions.append(map.ToChars(region));
    locations.append(py::make_tuple(map.ToChar(place.span.begin), map.ToChar(place.span.end),
                                    map.ToChar(place.city.begin), map.ToChar(place.city.end),
                                    regions, PyFromUtf8(place.name)));
  }
  py::object date = dateline->date ? py::object(map.ToChars(*dateline->date)) : py::none();
  py::object year = dateline->year ? py::object(py::int_(*dateline->year)) : py::none();
  py::object agency = py::none();
  if (dateline->agency) {
    agency = py::make_tuple(map.ToChar(dateline->agency->span.begin),
                            map.ToChar(dateline->agency->span.end),
                            PyFromUtf8(dateline->agency->name));
  }
  return py::make_tuple(map.ToChar(dateline->span.begin), map.ToChar(dateline->span.end),
                        locations, date, dateline->month, dateline->day, year,
                        dateline->year_written, agency, map.ToChar(dateline->body_start));
}

}  // namespace

void RegisterDateline(py::module_& m) {
  m.def("parse_dateline", &ParseDatelineShim, py::arg("text"), py::arg("published"),
        py::arg("max_prefix_bytes"), py::arg("allow_lowercase"),
        "The dateline opening `text` as a tuple of plain values (str indices), or None. "
        "`published` is (year, month, day) or None.");
}

}  // namespace copydesk::python
