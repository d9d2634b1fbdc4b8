#include "core/json_scan.h"

#include "core/strict_json.h"
#include "core/text.h"

namespace rd {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

} // namespace

std::string_view utf8_text(std::string_view text, std::string& repaired) {
    if (is_valid_utf8(text)) return text;
    bool changed = false;
    repaired = valid_utf8(text, changed);
    return repaired;
}

bool JsonCursor::escaped_rest(std::string& out, bool& non_ascii) {
    while (at_ != end_) {
        const auto c = static_cast<unsigned char>(*at_);
        if (c == '"') {
            ++at_;
            return true;
        }
        if (c < 0x20) return false;
        if (c != '\\') {
            non_ascii |= c >= 0x80;
            out += static_cast<char>(c);
            ++at_;
            continue;
        }
        if (++at_ == end_) return false;
        switch (*at_++) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
            std::uint32_t code_point = 0;
            if (!hex4(code_point)) return false;
            if (code_point >= 0xDC00 && code_point <= 0xDFFF) return false; // a low surrogate alone
            if (code_point >= 0xD800 && code_point <= 0xDBFF) {
                std::uint32_t low = 0;
                if (end_ - at_ < 2 || at_[0] != '\\' || at_[1] != 'u') return false;
                at_ += 2;
                if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
                code_point = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00);
            }
            append_utf8(out, code_point);
            break;
        }
        default: return false;
        }
    }
    return false;
}

bool JsonCursor::hex4(std::uint32_t& out) {
    if (end_ - at_ < 4) return false;
    for (int k = 0; k < 4; ++k) {
        const int digit = hex_value(*at_++);
        if (digit < 0) return false;
        out = out * 16 + static_cast<std::uint32_t>(digit);
    }
    return true;
}

} // namespace rd
