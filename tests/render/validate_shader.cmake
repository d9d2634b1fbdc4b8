# cmake -DVALIDATOR=glslangValidator -DSHADER=shaders/x.vert -DVERSION=es300|core330 -DOUT_DIR=dir -P this
# Writes the shader with the #version line the build would prefix, then runs glslangValidator on it.
if(VERSION STREQUAL "es300")
    set(version_line "#version 300 es")
elseif(VERSION STREQUAL "core330")
    set(version_line "#version 330 core")
else()
    message(FATAL_ERROR "VERSION must be es300 or core330, not '${VERSION}'")
endif()

get_filename_component(name "${SHADER}" NAME_WE)
get_filename_component(stage "${SHADER}" LAST_EXT) # .vert / .frag: glslangValidator picks the stage from it
file(READ "${SHADER}" body)
set(prefixed "${OUT_DIR}/${name}.${VERSION}${stage}")
file(WRITE "${prefixed}" "${version_line}\n${body}")

execute_process(COMMAND "${VALIDATOR}" "${prefixed}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${SHADER} with '${version_line}' does not validate:\n${out}")
endif()
message(STATUS "${SHADER} validates with '${version_line}'")
