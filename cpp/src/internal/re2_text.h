// The text type RE2 takes, which differs between RE2 releases (see
// cmake/CopydeskDeps.cmake). Convert std::string_view with ToRe2().

#ifndef COPYDESK_INTERNAL_RE2_TEXT_H_
#define COPYDESK_INTERNAL_RE2_TEXT_H_

#include <string_view>

#include <re2/re2.h>

#include "internal/build_config.h"

namespace copydesk::internal {

#if COPYDESK_RE2_USES_ABSL
using Re2Text = absl::string_view;
#else
using Re2Text = re2::StringPiece;
#endif

inline Re2Text ToRe2(std::string_view text) { return Re2Text(text.data(), text.size()); }
inline std::string_view FromRe2(Re2Text text) { return {text.data(), text.size()}; }

}  // namespace copydesk::internal

#endif  // COPYDESK_INTERNAL_RE2_TEXT_H_
