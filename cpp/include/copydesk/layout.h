// -----------------------------------------------------------------------------
// File: layout.h
// -----------------------------------------------------------------------------
//
// Paragraphs: the blocks of a story. Wire copy marks them with blank lines,
// scraped pages with one line each; a quote that runs over
// paragraphs, a headline without a full stop and a dateline on its own line
// are all recognised by where paragraphs begin and end.
//
//   std::string_view text = "Headline\n\nFirst paragraph.\n  \nSecond.";
//   std::vector<copydesk::ByteSpan> p = copydesk::FindParagraphs(text);
//   // Slice(text, p[0]) == "Headline", p.size() == 3
//
// FindBlocks() goes one step further and says what each paragraph is on a
// scraped page: a section label, the headline, the story body, or the tail of
// unrelated links and headlines that pages append ("2 hours ago").
//
// Thread safety: both functions may be called concurrently.

#ifndef COPYDESK_LAYOUT_H_
#define COPYDESK_LAYOUT_H_

#include <string_view>
#include <vector>

#include "copydesk/span.h"

namespace copydesk {

// Spans of the paragraphs of `text`, in order, each trimmed of white space at
// both ends. A blank line (only spaces, tabs, \r or \f) always ends a
// paragraph. A single line break ends one too, unless the text is
// hard-wrapped: no line longer than 100 bytes and some line of 50 bytes or
// more continued on the next line (old wire copy, e-mail). Scraped pages,
// which put one paragraph on each line, therefore split line by line. Text
// that is empty or all white space has no paragraphs. Runs in linear time.
std::vector<ByteSpan> FindParagraphs(std::string_view text);

enum class BlockKind {
  kLabel,     // a section label or kicker before the headline ("Europe")
  kHeadline,  // the story's headline
  kBody,      // the story: dateline, paragraphs, quotes
  kTail,      // what follows the story: "Most read", related headlines
};

struct Block {
  ByteSpan span;  // as FindParagraphs() gives it
  BlockKind kind;
};

// The paragraphs of `text` with their kinds, in order. Headline-like
// paragraphs (under 200 bytes, no sentence-final punctuation) at the start are
// labels and then the headline (the first of them with four or more words);
// any after the headline belong to the body (a dateline on its own line). A
// run of two or more headline-like paragraphs at the end is the tail. Text
// made only of headline-like paragraphs is all body: with no story there is
// nothing to set apart.
std::vector<Block> FindBlocks(std::string_view text);

}  // namespace copydesk

#endif  // COPYDESK_LAYOUT_H_
