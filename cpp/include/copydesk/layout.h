// -----------------------------------------------------------------------------
// File: layout.h
// -----------------------------------------------------------------------------
//
// Paragraphs: the blocks of a story separated by blank lines. Wire copy and
// scraped pages mark paragraphs with blank lines; a quote that runs over
// paragraphs, a headline without a full stop and a dateline on its own line
// are all recognised by where paragraphs begin and end.
//
//   std::string_view text = "Headline\n\nFirst paragraph.\n  \nSecond.";
//   std::vector<copydesk::ByteSpan> p = copydesk::FindParagraphs(text);
//   // Slice(text, p[0]) == "Headline", p.size() == 3
//
// Thread safety: FindParagraphs() may be called concurrently.

#ifndef COPYDESK_LAYOUT_H_
#define COPYDESK_LAYOUT_H_

#include <string_view>
#include <vector>

#include "copydesk/span.h"

namespace copydesk {

// Spans of the paragraphs of `text`, in order. A paragraph ends at a blank
// line (only spaces, tabs, \r or \f between two line breaks) or at the end of
// the text; each span is trimmed of white space at both ends. Text that is
// empty or all white space has no paragraphs. Runs in linear time.
std::vector<ByteSpan> FindParagraphs(std::string_view text);

}  // namespace copydesk

#endif  // COPYDESK_LAYOUT_H_
