// Quotation marks: tells quotation marks from apostrophes and pairs them
// into quoted stretches, paragraph by paragraph.

#ifndef COPYDESK_INTERNAL_QUOTE_MARKS_H_
#define COPYDESK_INTERNAL_QUOTE_MARKS_H_

#include <string_view>
#include <vector>

#include "copydesk/span.h"

namespace copydesk::internal {

struct QuotedStretch {
  ByteSpan outer;    // opening mark to closing mark, both included
  ByteSpan content;  // strictly between the marks
  // False when the paragraph ended before a closing mark did: the stretch
  // then stops at the end of that paragraph, so a stray mark never swallows
  // the rest of the article.
  bool closed = true;
};

// The outermost quoted stretches of `text`, in order and never overlapping
// (quotes nested inside them are part of their content). `paragraphs` are
// the spans FindParagraphs() returns. Marks pair within a family: double (" “
// ” „), single (' ‘ ’), guillemets (« » and ‹ ›) and corner brackets (「 」
// 『 』). A quotation continues into the next paragraph when that paragraph
// opens with a mark of the same family and the quotation is still open (the
// newsroom convention for a quotation over several paragraphs); the same
// holds for a straight or curly double mark re-opened after a full stop
// inside an open quotation, which is that convention with the paragraph
// break lost. Apostrophes (don't, '90s, rock 'n' roll, O'Brien, the Joneses')
// are not marks. Runs in linear time: nesting deeper than a few levels is
// ignored.
std::vector<QuotedStretch> FindQuotedStretches(std::string_view text,
                                               const std::vector<ByteSpan>& paragraphs);

}  // namespace copydesk::internal

#endif  // COPYDESK_INTERNAL_QUOTE_MARKS_H_
