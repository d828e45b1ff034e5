# Test registration, included from CMakeLists.txt. Labels: the kind (unit, py, threads) and
# the strategy (gil, brc, atomic), so `ctest -L py` or `ctest -L threads` runs a slice.

# Python programs: every tests/py/<area>/<name>.py with a <name>.out beside it (the output
# CPython 3.11 printed for it). Multi-file tests keep their helper modules without .out files.
file(GLOB_RECURSE FT_PY_EXPECTED CONFIGURE_DEPENDS
     ${CMAKE_SOURCE_DIR}/tests/py/*.out ${CMAKE_SOURCE_DIR}/tests/threads/*.out)
foreach(out ${FT_PY_EXPECTED})
  string(REGEX REPLACE "\\.out$" ".py" script ${out})
  if(NOT EXISTS ${script})
    continue()
  endif()
  file(RELATIVE_PATH rel ${CMAKE_SOURCE_DIR}/tests ${script})
  string(REGEX MATCH "^[a-z]+" kind ${rel})                 # py or threads
  file(RELATIVE_PATH inkind ${CMAKE_SOURCE_DIR}/tests/${kind} ${script})
  string(REGEX REPLACE "\\.py$" "" name ${rel})
  add_test(NAME ${name}
           COMMAND ${CMAKE_SOURCE_DIR}/tests/py/check $<TARGET_FILE:ftpy> ${CMAKE_SOURCE_DIR}/tests/${kind}/${inkind})
  set_tests_properties(${name} PROPERTIES LABELS "${kind};${FTPY_LOCKING}")
endforeach()

# C unit tests (Criterion): every tests/unit/test_*.c is one test binary.
if(FTPY_TESTS)
  pkg_check_modules(CRITERION criterion)
  if(NOT CRITERION_FOUND)
    message(FATAL_ERROR "Criterion not found: install the Debian package libcriterion-dev "
                        "(apt-get install libcriterion-dev), or configure with -DFTPY_TESTS=OFF.")
  endif()
  file(GLOB FT_UNIT_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/unit/test_*.c)
  foreach(src ${FT_UNIT_TESTS})
    get_filename_component(stem ${src} NAME_WE)
    add_executable(${stem} ${src})
    target_include_directories(${stem} PRIVATE ${CRITERION_INCLUDE_DIRS})
    target_link_libraries(${stem} PRIVATE ftcore ${CRITERION_LINK_LIBRARIES})
    add_test(NAME unit/${stem} COMMAND ${stem} --jobs 1)
    set_tests_properties(unit/${stem} PROPERTIES LABELS "unit;${FTPY_LOCKING}")
  endforeach()
endif()

# The benchmark driver's own tests (bench/run, bench/harness): python3's unittest, fixed
# synthetic data, no benchmark runs.
add_test(NAME bench/driver
         COMMAND python3 -m unittest discover -s ${CMAKE_SOURCE_DIR}/tests/bench)
set_tests_properties(bench/driver PROPERTIES LABELS "bench;${FTPY_LOCKING}")
