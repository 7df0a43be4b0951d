// -----------------------------------------------------------------------------
// File: dateline.h
// -----------------------------------------------------------------------------
//
// Finds the dateline that opens a wire story and splits it into places, date
// and agency, and says where the story body begins.
//
//   std::string_view story = "SEOUL, Nov. 15 (Yonhap) -- North Korea ...";
//   std::optional<copydesk::Dateline> d = copydesk::ParseDateline(story);
//   // Slice(story, d->locations[0].city) == "SEOUL"
//   // d->month == 11, d->day == 15, d->agency->name == "Yonhap"
//   // story.substr(d->body_start) == "North Korea ..."
//
// Recognised forms (see docs/datelines.md for the full table):
//   WASHINGTON (AP) —                     COLUMBUS, Ohio (AP) —
//   LONDON, March 3 (Reuters) -           SYDNEY/BEIJING, Nov 15 (Reuters) -
//   Jan 5 (Reuters) -                     (Reuters) -        (CNN) —
//       BASLE, March 3 -                  AMSTERDAM, 2 March -
//   PUTRAJAYA, 15 Nov (Bernama) --        MADRID, 15 nov (EFE).-
//   MOSCOW, November 15. /TASS/.          New Delhi, Nov 15 (IANS) The ...
//   Damascus [Syria], June 9 (ANI):       FOXBOROUGH --
//   AUSTIN, Texas, Nov. 15, 2023 /PRNewswire/ --
//   SAN JOSE, Calif.--(BUSINESS WIRE)--   Washington/Seoul, Nov 15 <newline>
//   AP - (an agency credit with no place)
// The dateline may follow preamble lines: a section label, a headline, a
// byline ("By ..."), advisories ("(ATTN: ...)", "(Adds ...)", "REPEAT ...")
// and a source credit ("Canadian Press - VANCOUVER (CP) - ...").
//
// Only the opening of the text is read (DatelineOptions::max_prefix_bytes),
// so the cost does not grow with the length of the story. Text that only
// looks like a dateline ("Washington, however, disagreed.", "March 3 is the
// deadline.") gives std::nullopt.
//
// Thread safety: ParseDateline() may be called concurrently.
// All spans are byte offsets into the text that was passed in.

#ifndef COPYDESK_DATELINE_H_
#define COPYDESK_DATELINE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/span.h"

namespace copydesk {

// A day of the Gregorian calendar: year, month 1-12, day 1-31.
struct CalendarDate {
  int year = 0;
  int month = 0;
  int day = 0;

  friend constexpr bool operator==(const CalendarDate& a, const CalendarDate& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend constexpr bool operator!=(const CalendarDate& a, const CalendarDate& b) {
    return !(a == b);
  }
};

struct DatelineOptions {
  // Longest opening (in bytes) searched for a dateline, preamble lines
  // included. Bounds the work per story; datelines further in are not found.
  uint32_t max_prefix_bytes = 640;
  // Accept place names that start with a lower-case letter
  // ("washington, Nov 15 (Reuters) -"), as in lower-cased corpora.
  bool allow_lowercase = false;
  // When the story was published. Datelines rarely write the year; with this
  // set, Dateline::year is resolved from it (see Dateline::year). Leave unset
  // when unknown: the year is then only reported when written.
  std::optional<CalendarDate> published;
};

// One place of a dateline: "COLUMBUS, Ohio", "Srinagar (Jammu and Kashmir)
// [India]", or one of the places of "TOKYO/SINGAPORE".
struct DatelinePlace {
  ByteSpan span;                  // as written with its qualifiers: "COLUMBUS, Ohio"
  ByteSpan city;                  // "COLUMBUS"
  std::vector<ByteSpan> regions;  // state/country qualifiers without brackets: "Ohio"
  std::string name;               // the city for display: "ST. LOUIS" -> "St. Louis";
                                  // mixed-case cities are kept as written
};

// The agency or outlet credited in a dateline.
struct DatelineAgency {
  ByteSpan span;     // as written, without brackets or slashes: "BUSINESS WIRE"
  std::string name;  // canonical name: "Business Wire"; an agency copydesk does
                     // not know keeps its written form
};

struct Dateline {
  // From the first place (or date, or agency) to the end of the separator:
  // "SEOUL, Nov. 15 (Yonhap) --". Preamble lines are not included.
  ByteSpan span;
  // The places, in order; empty for "(CNN) —", "Jan 5 (Reuters) -", "AP -".
  std::vector<DatelinePlace> locations;
  // The date as written, with a written year: "Nov. 15", "15 nov",
  // "Nov. 15, 2023". Unset when the dateline carries no date (AP style).
  std::optional<ByteSpan> date;
  // Month 1-12 and day 1-31 of `date`; 0 when there is no date.
  int month = 0;
  int day = 0;
  // The year of the dateline: the written year if any; else, given
  // DatelineOptions::published, the latest year that puts month/day no later
  // than the day after publication (a dateline "Dec 31" published Jan 1 is
  // the previous year; one day of slack for time zones); for a dateline
  // without date, the year of publication. Unset otherwise.
  std::optional<int> year;
  // True when `year` was written in the dateline rather than resolved.
  bool year_written = false;
  // The credited agency, if any: "(AP)", "/PRNewswire/", "(BUSINESS WIRE)".
  std::optional<DatelineAgency> agency;
  // Byte offset where the story body begins: after the separator ("--",
  // "—", ":", ".-", or none for IANS/PTI) and the white space after it.
  std::size_t body_start = 0;
};

// Returns std::nullopt when the opening of `text` holds no dateline. Any
// bytes are accepted; invalid UTF-8 is read as U+FFFD and never matches a
// place name.
std::optional<Dateline> ParseDateline(std::string_view text,
                                      const DatelineOptions& options = {});

// Parses an ISO date "YYYY-MM-DD" (as DatelineOptions::published wants);
// std::nullopt when `iso` is not a valid calendar date in that form.
std::optional<CalendarDate> ParseIsoDate(std::string_view iso);

}  // namespace copydesk

#endif  // COPYDESK_DATELINE_H_
