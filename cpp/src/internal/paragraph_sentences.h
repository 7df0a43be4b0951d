#ifndef COPYDESK_INTERNAL_PARAGRAPH_SENTENCES_H_
#define COPYDESK_INTERNAL_PARAGRAPH_SENTENCES_H_

#include <string_view>
#include <vector>

#include "copydesk/sentences.h"
#include "copydesk/span.h"

namespace copydesk::internal {

// SplitSentences(text) with the default options, for a caller that has
// already found the paragraphs (FindParagraphs(text)) and needs them too,
// so the text is not divided twice.
std::vector<Sentence> SplitParagraphsIntoSentences(std::string_view text,
                                                   const std::vector<ByteSpan>& paragraphs);

}  // namespace copydesk::internal

#endif  // COPYDESK_INTERNAL_PARAGRAPH_SENTENCES_H_
