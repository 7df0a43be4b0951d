# Finds what copydesk links against. Used by the build and by the installed
# copydeskConfig.cmake, so a consumer of the static library gets the same
# targets: ICU::uc, ICU::i18n, re2::re2 and the Abseil targets.
#
# Debian 12 ships RE2 2022 (pkg-config only, no Abseil); Debian 13 ships RE2
# 2024 (built on Abseil, with a CMake config). Both are handled here.

include(CMakeFindDependencyMacro)

find_dependency(ICU 70 COMPONENTS uc i18n)
find_dependency(absl CONFIG)

if(NOT TARGET re2::re2)
  find_package(re2 CONFIG QUIET)
endif()
if(NOT TARGET re2::re2)
  find_package(PkgConfig QUIET)
  if(PkgConfig_FOUND)
    pkg_check_modules(COPYDESK_RE2 QUIET IMPORTED_TARGET GLOBAL re2)
  endif()
  if(NOT TARGET PkgConfig::COPYDESK_RE2)
    set(${CMAKE_FIND_PACKAGE_NAME}_FOUND FALSE)
    set(${CMAKE_FIND_PACKAGE_NAME}_NOT_FOUND_MESSAGE
        "RE2 not found: install libre2-dev (it provides re2.pc or re2Config.cmake)")
    if(NOT CMAKE_FIND_PACKAGE_NAME)
      message(FATAL_ERROR "RE2 not found: install libre2-dev")
    endif()
    return()
  endif()
  add_library(re2::re2 INTERFACE IMPORTED GLOBAL)
  target_link_libraries(re2::re2 INTERFACE PkgConfig::COPYDESK_RE2)
endif()
