# Warning flags and sanitizers shared by every copydesk target.

function(copydesk_set_warnings target)
  if(MSVC)
    target_compile_options(${target} PRIVATE /W4)
    if(COPYDESK_WERROR)
      target_compile_options(${target} PRIVATE /WX)
    endif()
  else()
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                             -Wnon-virtual-dtor -Wimplicit-fallthrough)
    if(COPYDESK_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
endfunction()

# Whether Abseil's hash containers compile with -fsanitize=undefined as is.
function(copydesk_check_abseil_under_ubsan)
  include(CheckCXXSourceCompiles)
  include(CMakePushCheckState)
  cmake_push_check_state(RESET)
  set(CMAKE_REQUIRED_FLAGS "-fsanitize=address,undefined")
  set(CMAKE_REQUIRED_LINK_OPTIONS "-fsanitize=address,undefined")
  set(CMAKE_REQUIRED_LIBRARIES absl::flat_hash_map)
  set(CMAKE_REQUIRED_QUIET ON)
  check_cxx_source_compiles([[
    #include <string>
    #include "absl/container/flat_hash_map.h"
    int main() {
      absl::flat_hash_map<std::string, int> map;
      map["key"] = 1;
      return static_cast<int>(map.size()) - 1;
    }
  ]] COPYDESK_ABSEIL_BUILDS_UNDER_UBSAN)
  cmake_pop_check_state()
endfunction()

# COPYDESK_SANITIZE=address turns on AddressSanitizer and UndefinedBehaviorSanitizer;
# COPYDESK_SANITIZE=thread turns on ThreadSanitizer. Applies to everything built here.
macro(copydesk_apply_sanitizers)
  if(COPYDESK_SANITIZE STREQUAL "address")
    add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                        -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
    # The system's Abseil is built without ASan, while its hash tables are
    # mostly inline code that is. Abseil 2023 and later add generation fields
    # to the tables under ASan unless NDEBUG_SANITIZER is set, and poison
    # free slots that the uninstrumented part then touches, so the layouts
    # must agree and the tests run with user poisoning off (copydesk poisons
    # nothing itself).
    add_compile_definitions(NDEBUG_SANITIZER)
    set(COPYDESK_TEST_ENVIRONMENT "ASAN_OPTIONS=allow_user_poisoning=0")
    copydesk_check_abseil_under_ubsan()
    if(NOT COPYDESK_ABSEIL_BUILDS_UNDER_UBSAN)
      # GCC's null-pointer checks make Abseil's constexpr comparisons of
      # function pointers non-constant (GCC bug 71962), which breaks the
      # hash containers of Abseil 2024 and later (Debian 13). Every other
      # UBSan check stays on.
      message(STATUS "copydesk: Abseil needs UBSan's null checks off with this compiler")
      add_compile_options(-fno-sanitize=null,nonnull-attribute,returns-nonnull-attribute)
    endif()
  elseif(COPYDESK_SANITIZE STREQUAL "thread")
    add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
    add_link_options(-fsanitize=thread)
  elseif(NOT COPYDESK_SANITIZE STREQUAL "")
    message(FATAL_ERROR "COPYDESK_SANITIZE must be empty, 'address' or 'thread', "
                        "not '${COPYDESK_SANITIZE}'")
  endif()
endmacro()
