#include "internal/edit_map.h"

#include <algorithm>

namespace copydesk::internal {
namespace {

using SpanMember = ByteSpan Edit::*;

// Where offset `pos` of side `from` lands on side `to`. With `at_begin`, an
// offset inside an edit goes to the edit's start and removals at `pos` count
// as before it; otherwise to the edit's end, and removals at `pos` as after.
std::size_t MapOffset(const std::vector<Edit>& edits, std::size_t pos, SpanMember from,
                      SpanMember to, bool at_begin) {
  // First edit not wholly before `pos` (edits are sorted on both sides).
  auto not_before = std::partition_point(edits.begin(), edits.end(), [&](const Edit& e) {
    const ByteSpan& s = e.*from;
    return at_begin ? s.end <= pos : (s.end < pos || (s.end == pos && s.begin < pos));
  });
  if (not_before != edits.end() && (*not_before.*from).begin < pos &&
      pos < (*not_before.*from).end) {
    return at_begin ? (*not_before.*to).begin : (*not_before.*to).end;
  }
  if (not_before == edits.begin()) return pos;
  const Edit& previous = *(not_before - 1);
  return (previous.*to).end + (pos - (previous.*from).end);
}

}  // namespace

ByteSpan MapSpan(const std::vector<Edit>& edits, ByteSpan span, MapSide from) {
  const SpanMember from_member = from == MapSide::kRaw ? &Edit::raw : &Edit::clean;
  const SpanMember to_member = from == MapSide::kRaw ? &Edit::clean : &Edit::raw;
  const std::size_t begin = MapOffset(edits, span.begin, from_member, to_member, true);
  if (span.empty()) return {begin, begin};
  const std::size_t end = MapOffset(edits, span.end, from_member, to_member, false);
  return {begin, std::max(begin, end)};
}

std::vector<Edit> ComposeEdits(const std::vector<Edit>& first, const std::vector<Edit>& second) {
  if (second.empty()) return first;
  if (first.empty()) return second;
  std::vector<Edit> out;
  out.reserve(first.size() + second.size());
  // Growth of the middle text into the clean text over the `second` edits
  // passed so far, and of the raw text into the middle over `first`.
  std::ptrdiff_t second_shift = 0;
  std::size_t i = 0;
  for (const Edit& s : second) {
    const ByteSpan middle = s.raw;
    // `first` edits wholly before this one keep their raw span.
    while (i < first.size() && (first[i].clean.end < middle.begin ||
                                (first[i].clean.end == middle.begin &&
                                 (first[i].clean.begin < middle.begin ||
                                  first[i].clean.empty())))) {
      Edit e = first[i++];
      e.clean = {e.clean.begin + second_shift, e.clean.end + second_shift};
      out.push_back(e);
    }
    Edit merged{s.kind, MapSpan(first, middle, MapSide::kClean), s.clean};
    // `first` edits that overlap this one merge into it; where one reaches
    // past it, the merged edit reaches as far on both sides.
    bool overlapped = false;
    while (i < first.size() && first[i].clean.begin < middle.end) {
      if (!overlapped) merged.kind = first[i].kind;
      overlapped = true;
      merged.raw.begin = std::min(merged.raw.begin, first[i].raw.begin);
      merged.raw.end = std::max(merged.raw.end, first[i].raw.end);
      const ByteSpan reach = MapSpan(second, first[i].clean, MapSide::kRaw);
      merged.clean.begin = std::min(merged.clean.begin, reach.begin);
      merged.clean.end = std::max(merged.clean.end, reach.end);
      ++i;
    }
    out.push_back(merged);
    second_shift += static_cast<std::ptrdiff_t>(s.clean.size()) -
                    static_cast<std::ptrdiff_t>(s.raw.size());
  }
  for (; i < first.size(); ++i) {
    Edit e = first[i];
    e.clean = {e.clean.begin + second_shift, e.clean.end + second_shift};
    out.push_back(e);
  }
  // A `first` edit that spans two `second` edits leaves them overlapping on
  // the raw side: join such neighbours so edits stay disjoint.
  std::vector<Edit> joined;
  joined.reserve(out.size());
  for (const Edit& e : out) {
    if (!joined.empty() &&
        (e.raw.begin < joined.back().raw.end || e.clean.begin < joined.back().clean.end)) {
      joined.back().raw.end = std::max(joined.back().raw.end, e.raw.end);
      joined.back().clean.end = std::max(joined.back().clean.end, e.clean.end);
    } else {
      joined.push_back(e);
    }
  }
  return joined;
}

}  // namespace copydesk::internal
