# Turns a file into a C++ byte array: -DINPUT= -DOUTPUT= -DSYMBOL=
file(READ ${INPUT} hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(REGEX REPLACE "(('\\\\x[0-9a-f][0-9a-f]',){16})" "\\1\n" bytes "${bytes}")
file(WRITE ${OUTPUT}.tmp "// Generated from ${INPUT}; do not edit.\n#include <string_view>\n\nnamespace centric::embedded {\nstatic const char data[] = {\n${bytes}\n};\nextern const std::string_view ${SYMBOL}{data, ${size}};\n}\n")
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
