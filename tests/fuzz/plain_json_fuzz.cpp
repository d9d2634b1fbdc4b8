// parse_plain_json, the quick reader under parse_strict and the users reader, against nlohmann's own
// parser on the same bytes: whatever the quick reader accepts, nlohmann accepts too and builds the
// same document (types included: an id read as unsigned stays unsigned; members in the same order).
// It may refuse anything.
#include "core/json.h"
#include "core/plain_json.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = rd::fuzz::bytes(data, size);
    const auto quick = rd::parse_plain_json(text, 64);
    if (!quick) return 0;
    const rd::Json reference = rd::Json::parse(text, nullptr, /*allow_exceptions=*/false);
    FUZZ_CHECK(!reference.is_discarded());
    FUZZ_CHECK(*quick == reference);
    FUZZ_CHECK(quick->dump() == reference.dump()); // same types, not only equal values
    return 0;
}
