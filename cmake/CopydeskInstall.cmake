# Installs headers, the library, the CMake package (copydeskConfig.cmake with
# its version file and the dependency finder) and copydesk.pc.
include(CMakePackageConfigHelpers)

set(COPYDESK_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/copydesk")

install(TARGETS copydesk EXPORT copydeskTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/cpp/include/copydesk"
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES "${PROJECT_BINARY_DIR}/generated/include/copydesk/version.h"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/copydesk")
install(EXPORT copydeskTargets NAMESPACE copydesk:: DESTINATION ${COPYDESK_CMAKE_DIR})

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/copydeskConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/copydeskConfig.cmake"
  INSTALL_DESTINATION ${COPYDESK_CMAKE_DIR})
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/copydeskConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/copydeskConfig.cmake"
              "${PROJECT_BINARY_DIR}/copydeskConfigVersion.cmake"
              "${PROJECT_SOURCE_DIR}/cmake/copydeskDependencies.cmake"
        DESTINATION ${COPYDESK_CMAKE_DIR})

# pkg-config: a static copydesk needs its dependencies on the link line too.
if(BUILD_SHARED_LIBS)
  set(COPYDESK_PC_REQUIRES "")
  set(COPYDESK_PC_REQUIRES_PRIVATE "icu-uc icu-i18n re2 absl_flat_hash_map absl_flat_hash_set absl_strings")
else()
  set(COPYDESK_PC_REQUIRES "icu-uc icu-i18n re2 absl_flat_hash_map absl_flat_hash_set absl_strings")
  set(COPYDESK_PC_REQUIRES_PRIVATE "")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/copydesk.pc.in"
               "${PROJECT_BINARY_DIR}/copydesk.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/copydesk.pc"
        DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
