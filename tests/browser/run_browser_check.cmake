# Writes the HTML and JSON reports of the examples with the real binary, then checks the
# HTML report in headless Chromium (tests/browser/check_html_report.py): its DOM, that it
# requests nothing from outside, a screenshot that is not blank and a PDF print.
# With -DSELF_TEST=ON it instead proves that the checker rejects bad pages.
# Chromium is looked for now, not at configure time: `./build.sh test` installs it.
find_program(CHROMIUM NAMES chromium PATHS /usr/bin NO_DEFAULT_PATH NO_CACHE)
if(NOT CHROMIUM)
  message(FATAL_ERROR "chromium is not installed (/usr/bin/chromium): run ./build.sh test, which installs it")
endif()
if(NOT PYTHON OR NOT EXISTS "${PYTHON}")
  message(FATAL_ERROR "no system python3 (/usr/bin/python3): run ./build.sh test, which installs it")
endif()

if(SELF_TEST)
  set(work ${WORK_DIR}/browser-self-test)
  file(REMOVE_RECURSE ${work})
  execute_process(COMMAND ${PYTHON} ${SOURCE_DIR}/tests/browser/check_html_report.py --self-test
                          --chromium ${CHROMIUM} --work-dir ${work}
                  RESULT_VARIABLE check_result)
  if(NOT check_result EQUAL 0)
    message(FATAL_ERROR "the browser check's self-test failed: it does not reject what it must (see above)")
  endif()
  return()
endif()

set(work ${WORK_DIR}/browser-report)
# Old outputs go first, so that a report the binary failed to write cannot pass.
file(REMOVE_RECURSE ${work})
file(MAKE_DIRECTORY ${work})
foreach(format html json)
  execute_process(COMMAND ${CENTRIC} assess ${SOURCE_DIR}/examples/acme ${SOURCE_DIR}/examples/acme-extra.jsonl
                          --format ${format} --output ${work}/acme-report.${format}
                  RESULT_VARIABLE assess_result)
  if(NOT assess_result EQUAL 0)
    message(FATAL_ERROR "centric assess --format ${format} failed with ${assess_result}")
  endif()
endforeach()
execute_process(COMMAND ${PYTHON} ${SOURCE_DIR}/tests/browser/check_html_report.py
                        --chromium ${CHROMIUM} --html ${work}/acme-report.html
                        --report-json ${work}/acme-report.json --work-dir ${work}
                RESULT_VARIABLE check_result)
if(NOT check_result EQUAL 0)
  message(FATAL_ERROR "the browser check of the HTML report failed (see above; files in ${work})")
endif()
