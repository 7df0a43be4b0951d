// The offset map behind NormalizedText: a sorted list of non-overlapping
// edits, with byte-for-byte copies between them. Lookups are binary searches,
// so mapping a span costs O(log edits).

#ifndef COPYDESK_INTERNAL_EDIT_MAP_H_
#define COPYDESK_INTERNAL_EDIT_MAP_H_

#include <cstddef>
#include <vector>

#include "copydesk/normalize.h"
#include "copydesk/span.h"

namespace copydesk::internal {

// Which side of the edits an offset is on.
enum class MapSide { kRaw, kClean };

// Maps `span`, given on side `from`, to the other side. A span edge inside an
// edit moves outward to the edit's edge; removals (edits with an empty side)
// that sit exactly at an edge are left outside the result.
ByteSpan MapSpan(const std::vector<Edit>& edits, ByteSpan span, MapSide from);

// The edits of doing `first` (raw -> middle) and then `second`
// (middle -> clean), as edits raw -> clean. Edits of the two that overlap
// merge into one that keeps the kind of the earliest. Linear in the sizes.
std::vector<Edit> ComposeEdits(const std::vector<Edit>& first, const std::vector<Edit>& second);

}  // namespace copydesk::internal

#endif  // COPYDESK_INTERNAL_EDIT_MAP_H_
