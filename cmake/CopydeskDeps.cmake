# Dependencies of the library (via copydeskDependencies.cmake, shared with the
# installed package config) and of the optional parts: tests, benchmarks,
# Python bindings.

include(copydeskDependencies)

# RE2 comes in two flavours: before 2023 it takes its own re2::StringPiece;
# later releases are built on Abseil and take absl::string_view. Tell them
# apart by what the header pulls in, not by a version number (Debian 12's
# re2.pc says version 0.0.0).
include(CheckCXXSourceCompiles)
include(CMakePushCheckState)
cmake_push_check_state(RESET)
set(CMAKE_REQUIRED_LIBRARIES re2::re2)
set(CMAKE_REQUIRED_QUIET ON)
check_cxx_source_compiles([[
  #include <re2/re2.h>
  #ifndef ABSL_STRINGS_STRING_VIEW_H_
  #error RE2 is not built on Abseil
  #endif
  int main() { return 0; }
]] COPYDESK_RE2_USES_ABSL)
cmake_pop_check_state()
if(COPYDESK_RE2_USES_ABSL)
  message(STATUS "copydesk: RE2 uses absl::string_view")
else()
  message(STATUS "copydesk: RE2 has its own StringPiece")
endif()

if(COPYDESK_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(COPYDESK_BUILD_BENCHMARKS)
  find_package(benchmark REQUIRED)
endif()
if(COPYDESK_BUILD_PYTHON)
  find_package(Python 3.9 REQUIRED COMPONENTS Interpreter Development.Module)
  find_package(pybind11 2.10 CONFIG REQUIRED)
endif()
