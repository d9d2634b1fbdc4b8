// The 64-bit ids: parse_id and parse_typed_id on the raw bytes (text a person types or pastes), and
// id_from_json / opaque_id_from_json on the bytes as a JSON value, inside an envelope's result as they
// always arrive (decode_envelope's nesting limit applies, as it does to every id the API sends).
#include "core/envelope.h"
#include "core/ids.h"
#include "core/json.h"
#include "tests/fuzz/fuzz_support.h"
#include "ui/words/error_words.h"

#include <charconv>

using namespace rd;

namespace {

// Reference reading: 1-20 ASCII digits whose value fits in 64 bits.
std::optional<std::uint64_t> reference_digits(std::string_view text) {
    if (text.empty() || text.size() > 20) return std::nullopt;
    unsigned __int128 value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<unsigned>(c - '0');
    }
    if (value > UINT64_MAX) return std::nullopt;
    return static_cast<std::uint64_t>(value);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = fuzz::bytes(data, size);

    const auto id = parse_id(text);
    const auto expected = reference_digits(text);
    FUZZ_CHECK(id.has_value() == expected.has_value());
    if (id) {
        FUZZ_CHECK(id->value == *expected);
        FUZZ_CHECK(parse_id(id->to_string()) == id); // written back exactly
    }

    const auto typed = parse_typed_id(text, TypedId::plan);
    const auto first = text.find_first_not_of(" \t\r\n");
    const std::string trimmed =
        first == std::string::npos ? "" : text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
    FUZZ_CHECK(typed.ok() == reference_digits(trimmed).has_value());
    if (typed) FUZZ_CHECK(typed.value().value == *reference_digits(trimmed));
    else
        FUZZ_CHECK(typed.error().kind == ErrorKind::input &&
                   typed.error().detail.kind == DetailKind::typed_id_invalid &&
                   !ui::error_detail_words(typed.error(), ui::Language::en).empty());

    // The same bytes as a JSON value in a success envelope's result.
    const HttpResponse response{.status = 200,
                                .body = R"({"code":"success","requestId":"r","result":)" + text + "}"};
    const Result<ApiReply> reply = decode_envelope(response);
    if (!reply) return 0;
    const Json& value = reply.value().result;
    const Result<Id64> from_json = id_from_json(value, "planId");
    if (from_json) {
        FUZZ_CHECK(value.is_number_unsigned() || value.is_string());
        if (value.is_number_unsigned()) FUZZ_CHECK(from_json.value().value == value.get<std::uint64_t>());
        else FUZZ_CHECK(from_json.value() == *parse_id(value.get<std::string>()));
    } else {
        FUZZ_CHECK(from_json.error().kind == ErrorKind::parse);
        FUZZ_CHECK(from_json.error().detail.kind == DetailKind::id_unreadable);
        FUZZ_CHECK(
            fuzz::valid_utf8(ui::error_detail_words(from_json.error(), ui::Language::zh))); // on screen
    }
    if (const auto opaque = opaque_id_from_json(value)) {
        FUZZ_CHECK(value.is_string() || value.is_number_integer());
        if (value.is_number_integer()) FUZZ_CHECK(*opaque == value.dump());
    }
    return 0;
}
