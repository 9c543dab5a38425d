/* Shared by the cmocka unit tests: TAP output for automake's tap-driver,
 * so that every test case is counted, and the path of the fixtures. */
#ifndef CURSUS_TEST_UNIT_H
#define CURSUS_TEST_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#ifndef TEST_DATA_DIR
#error "TEST_DATA_DIR must point at tests/data"
#endif

#define RUN_TESTS(tests)                                  \
	(cmocka_set_message_output(CM_OUTPUT_TAP),       \
	 cmocka_run_group_tests(tests, NULL, NULL))

#endif
