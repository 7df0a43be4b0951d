// Lexicons compiled into the library from cpp/data/*.txt (see
// cmake/EmbedData.cmake). Nothing is read from disk at run time.

#ifndef COPYDESK_INTERNAL_EMBEDDED_DATA_H_
#define COPYDESK_INTERNAL_EMBEDDED_DATA_H_

#include <string_view>

namespace copydesk::internal {

// The bytes of cpp/data/<name>.txt, or an empty view if there is no such file.
std::string_view EmbeddedData(std::string_view name);

}  // namespace copydesk::internal

#endif  // COPYDESK_INTERNAL_EMBEDDED_DATA_H_
