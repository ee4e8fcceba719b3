# Has the real binary write the JSON reports of many small random organisations (and of the
# structures of the anonymity issue), then checks with an independent reader
# (tests/anonymity/check_recoverability.py, Python 3 + numpy) that no figure, alone or added
# to and subtracted from the others, describes 1 to min_group - 1 respondents (formats.md §3.9).
# With -DSELF_TEST=ON it instead proves that the checker flags synthetic reports that break
# the promise (Employees - Sales = one person, and others) and passes a safe one.
# The answers of an organisation with a violation are kept in WORK_DIR/anonymity-check.
if(NOT PYTHON OR NOT EXISTS "${PYTHON}")
  message(FATAL_ERROR "no system python3 (/usr/bin/python3): run ./build.sh test, which installs it")
endif()
execute_process(COMMAND ${PYTHON} -c "import numpy" RESULT_VARIABLE numpy_result OUTPUT_QUIET ERROR_QUIET)
if(NOT numpy_result EQUAL 0)
  message(FATAL_ERROR "python3-numpy is not installed: run ./build.sh test, which installs it")
endif()

if(SELF_TEST)
  execute_process(COMMAND ${PYTHON} ${SOURCE_DIR}/tests/anonymity/check_recoverability.py --self-test
                  RESULT_VARIABLE check_result)
  if(NOT check_result EQUAL 0)
    message(FATAL_ERROR "the anonymity check's self-test failed: it does not flag what it must (see above)")
  endif()
  return()
endif()

set(work ${WORK_DIR}/anonymity-check)
file(REMOVE_RECURSE ${work})
execute_process(COMMAND ${PYTHON} ${SOURCE_DIR}/tests/anonymity/check_recoverability.py
                        --centric ${CENTRIC} --work-dir ${work}
                RESULT_VARIABLE check_result)
if(NOT check_result EQUAL 0)
  message(FATAL_ERROR "a report breaks the anonymity promise (see above; the answers are kept in ${work})")
endif()
