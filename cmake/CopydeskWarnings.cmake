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

# COPYDESK_SANITIZE=address turns on AddressSanitizer and UndefinedBehaviorSanitizer;
# COPYDESK_SANITIZE=thread turns on ThreadSanitizer. Applies to everything built here.
macro(copydesk_apply_sanitizers)
  if(COPYDESK_SANITIZE STREQUAL "address")
    add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                        -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
  elseif(COPYDESK_SANITIZE STREQUAL "thread")
    add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
    add_link_options(-fsanitize=thread)
  elseif(NOT COPYDESK_SANITIZE STREQUAL "")
    message(FATAL_ERROR "COPYDESK_SANITIZE must be empty, 'address' or 'thread', "
                        "not '${COPYDESK_SANITIZE}'")
  endif()
endmacro()
