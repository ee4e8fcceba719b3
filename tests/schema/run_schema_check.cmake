# Writes a report of the examples with the real binary, then validates everything.
execute_process(COMMAND ${CENTRIC} assess ${SOURCE_DIR}/examples/acme ${SOURCE_DIR}/examples/acme-extra.jsonl
                        --format json --output ${WORK_DIR}/schema-sample-report.json
                RESULT_VARIABLE assess_result)
if(NOT assess_result EQUAL 0)
  message(FATAL_ERROR "centric assess failed with ${assess_result}")
endif()
execute_process(COMMAND ${CENTRIC} assess ${SOURCE_DIR}/examples/acme --min-group 1 --format json
                        --output ${WORK_DIR}/schema-sample-report-unsuppressed.json
                RESULT_VARIABLE assess_result)
if(NOT assess_result EQUAL 0)
  message(FATAL_ERROR "centric assess --min-group 1 failed with ${assess_result}")
endif()
# The mapping centric infers from an export, as --write-mapping writes it.
file(REMOVE ${WORK_DIR}/schema-sample-mapping.json)
execute_process(COMMAND ${CENTRIC} import ${SOURCE_DIR}/examples/forms/store-survey.csv
                        --write-mapping ${WORK_DIR}/schema-sample-mapping.json
                RESULT_VARIABLE import_result)
if(NOT import_result EQUAL 0)
  message(FATAL_ERROR "centric import --write-mapping failed with ${import_result}")
endif()
execute_process(COMMAND ${PYTHON} ${SOURCE_DIR}/tests/schema/check_schemas.py
                        --schemas ${SOURCE_DIR}/schemas
                        --questionnaire ${SOURCE_DIR}/questionnaires/customer-centricity.json
                                        ${SOURCE_DIR}/tests/data/bad-questionnaires/valid.json
                        --answers ${SOURCE_DIR}/examples/acme ${SOURCE_DIR}/examples/acme-extra.jsonl
                        --mapping ${SOURCE_DIR}/examples/forms/mapping.json ${WORK_DIR}/schema-sample-mapping.json
                        --report ${WORK_DIR}/schema-sample-report.json ${WORK_DIR}/schema-sample-report-unsuppressed.json
                        --expect-invalid ${SOURCE_DIR}/tests/data/bad-questionnaires/scale-at-int-edge.json
                                         ${SOURCE_DIR}/tests/data/bad-questionnaires/language-names-not-codes.json
                                         ${SOURCE_DIR}/tests/data/bad-questionnaires/misspelt-reverse.json
                                         ${SOURCE_DIR}/tests/data/bad-mappings/misspelt-columns.json
                RESULT_VARIABLE check_result)
if(NOT check_result EQUAL 0)
  message(FATAL_ERROR "schema check failed")
endif()
