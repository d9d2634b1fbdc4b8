# rd_warnings: the project's warning flags, in one place. Every target of ours links it PRIVATE;
# third-party code (imgui, gtest) does not. (Aggregate initialisers that leave members at their
# defaults are house style, hence -Wno-missing-field-initializers.)
if(NOT TARGET rd_warnings)
    add_library(rd_warnings INTERFACE)
    target_compile_options(rd_warnings INTERFACE -Wall -Wextra -Wno-missing-field-initializers)
endif()
