# Writes CSV and JSON reports of the examples with the real binary (by default, with
# --min-group 1 and in Hungarian), then checks with an independent reader (Python's csv
# module) that both say the same thing, with the names the questionnaire has.
foreach(variant default min1 hu)
  if(variant STREQUAL "min1")
    set(extra --min-group 1)
  elseif(variant STREQUAL "hu")
    set(extra --lang hu)
  else()
    set(extra "")
  endif()
  foreach(format csv json)
    execute_process(COMMAND ${CENTRIC} assess ${SOURCE_DIR}/examples/acme ${SOURCE_DIR}/examples/acme-extra.jsonl
                            ${extra} --format ${format} --output ${WORK_DIR}/csv-check-${variant}.${format}
                    RESULT_VARIABLE assess_result)
    if(NOT assess_result EQUAL 0)
      message(FATAL_ERROR "centric assess --format ${format} (${variant}) failed with ${assess_result}")
    endif()
  endforeach()
endforeach()
execute_process(COMMAND ${CENTRIC} questionnaire --json OUTPUT_FILE ${WORK_DIR}/csv-check-questionnaire.json
                RESULT_VARIABLE questionnaire_result)
if(NOT questionnaire_result EQUAL 0)
  message(FATAL_ERROR "centric questionnaire --json failed with ${questionnaire_result}")
endif()
execute_process(COMMAND ${PYTHON} ${SOURCE_DIR}/tests/schema/check_csv.py
                        --csv ${WORK_DIR}/csv-check-default.csv ${WORK_DIR}/csv-check-min1.csv
                              ${WORK_DIR}/csv-check-hu.csv
                        --json ${WORK_DIR}/csv-check-default.json ${WORK_DIR}/csv-check-min1.json
                               ${WORK_DIR}/csv-check-hu.json
                        --questionnaire ${WORK_DIR}/csv-check-questionnaire.json
                RESULT_VARIABLE check_result)
if(NOT check_result EQUAL 0)
  message(FATAL_ERROR "csv check failed")
endif()

# Hostile texts (tests/data/hostile): department ids and questionnaire names that start
# with =, +, -, @, TAB or CR, and a negative ci95_low. The checker requires the guarding '
# on exactly those text cells, drops it, and compares with the JSON report as above.
set(hostile ${SOURCE_DIR}/tests/data/hostile)
foreach(format csv json)
  execute_process(COMMAND ${CENTRIC} assess --questionnaire ${hostile}/questionnaire.json --min-group 1
                          ${hostile}/answers.jsonl --format ${format}
                          --output ${WORK_DIR}/csv-check-hostile.${format}
                  RESULT_VARIABLE assess_result)
  if(NOT assess_result EQUAL 0)
    message(FATAL_ERROR "centric assess --format ${format} (hostile) failed with ${assess_result}")
  endif()
endforeach()
execute_process(COMMAND ${CENTRIC} questionnaire --questionnaire ${hostile}/questionnaire.json --json
                OUTPUT_FILE ${WORK_DIR}/csv-check-hostile-questionnaire.json RESULT_VARIABLE questionnaire_result)
if(NOT questionnaire_result EQUAL 0)
  message(FATAL_ERROR "centric questionnaire --json (hostile) failed with ${questionnaire_result}")
endif()
execute_process(COMMAND ${PYTHON} ${SOURCE_DIR}/tests/schema/check_csv.py
                        --csv ${WORK_DIR}/csv-check-hostile.csv --json ${WORK_DIR}/csv-check-hostile.json
                        --questionnaire ${WORK_DIR}/csv-check-hostile-questionnaire.json
                RESULT_VARIABLE check_result)
if(NOT check_result EQUAL 0)
  message(FATAL_ERROR "csv check of hostile texts failed")
endif()
