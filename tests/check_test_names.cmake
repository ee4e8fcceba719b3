# CTest cuts a discovered test's name at a ";" (it separates list items), runs a filter
# that matches nothing, and Catch, finding no test, exits 0: the test is reported passed
# without running. So no TEST_CASE name may hold one. Run: cmake -DSOURCE_DIR=... -P this.
file(GLOB sources ${SOURCE_DIR}/tests/unit/*.cpp ${SOURCE_DIR}/tests/e2e/*.cpp)
set(bad "")
foreach(source IN LISTS sources)
  file(STRINGS ${source} lines REGEX "TEST_CASE\\(\"[^\"]*;")
  foreach(line IN LISTS lines)
    string(APPEND bad "\n  ${source}: ${line}")
  endforeach()
endforeach()
if(bad)
  message(FATAL_ERROR "a test name holds a \";\" (CTest would report it passed without running it):${bad}")
endif()
