// The checkout's tests/fixtures, compiled into this one file only (see fixtures.h).
#include "tests/core/fixtures.h"

const char* rd::test::fixtures_dir() {
    return RENEWDESK_FIXTURES_DIR;
}
