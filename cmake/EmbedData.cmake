# copydesk_embed_data(OUTPUT file.cc FILES a.txt b.txt ...)
#
# Compiles plain-text lexicons into the library: writes a .cc file that holds
# each file's bytes and a lookup by file stem (cpp/data/speech_verbs.txt is
# "speech_verbs"). Nothing is read from disk at run time.
function(copydesk_embed_data)
  cmake_parse_arguments(ARG "" "OUTPUT" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT "${ARG_OUTPUT}"
    COMMAND "${CMAKE_COMMAND}" "-DOUTPUT=${ARG_OUTPUT}" "-DFILES=${ARG_FILES}"
            -P "${PROJECT_SOURCE_DIR}/cmake/EmbedDataScript.cmake"
    DEPENDS ${ARG_FILES} "${PROJECT_SOURCE_DIR}/cmake/EmbedDataScript.cmake"
    COMMENT "Compiling lexicons into ${ARG_OUTPUT}"
    VERBATIM)
endfunction()
