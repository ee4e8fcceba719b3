# Writes realistic exports of five form tools with their answer sets (make_exports.py, with
# openpyxl for the XLSX files) and checks through the real binary that each is read as those
# answer sets: the same report as the JSON Lines, the same answer sets from `centric import`,
# every column explained and no personal data anywhere (check_exports.py). Then the bad
# exports too large to keep: a 100 MB cell, a ZIP bomb. The exports are kept in
# WORK_DIR/exports-check when something fails.
if(NOT PYTHON OR NOT EXISTS "${PYTHON}")
  message(FATAL_ERROR "no system python3 (/usr/bin/python3): run ./build.sh test, which installs it")
endif()
execute_process(COMMAND ${PYTHON} -c "import openpyxl" RESULT_VARIABLE openpyxl_result OUTPUT_QUIET ERROR_QUIET)
if(NOT openpyxl_result EQUAL 0)
  message(FATAL_ERROR "python3-openpyxl is not installed: run ./build.sh test, which installs it")
endif()
execute_process(COMMAND ${PYTHON} ${SOURCE_DIR}/tests/exports/check_exports.py --centric ${CENTRIC}
                        --source-dir ${SOURCE_DIR} --work-dir ${WORK_DIR}/exports-check
                RESULT_VARIABLE check_result)
if(NOT check_result EQUAL 0)
  message(FATAL_ERROR "an export is not read as the answer sets it holds (see above)")
endif()
