// HTML character references: the HTML5 named ones (cpp/data/html_entities.txt)
// and numeric ones, decoded as HTML5 says.

#ifndef COPYDESK_INTERNAL_HTML_ENTITIES_H_
#define COPYDESK_INTERNAL_HTML_ENTITIES_H_

#include <cstddef>
#include <string_view>

namespace copydesk::internal {

struct DecodedEntity {
  std::size_t length = 0;      // bytes of the reference, 0 when there is none
  char32_t code_points[2] = {0, 0};
  int count = 0;               // code points it decodes to (1 or 2)
};

// The character reference that starts at text[pos] (an '&'): "&name;",
// "&#ddd;" or "&#xhh;", the ';' required. Numeric references follow HTML5:
// 0x80-0x9F are Windows-1252 bytes ("&#146;" is ’), 0, surrogates and values
// past U+10FFFF are U+FFFD. length == 0 when text[pos] starts none.
DecodedEntity DecodeEntity(std::string_view text, std::size_t pos);

}  // namespace copydesk::internal

#endif  // COPYDESK_INTERNAL_HTML_ENTITIES_H_
