#include "tools/sandbox/reply_faults.h"

#include "tools/sandbox/api_replies.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <thread>

namespace sandbox {

namespace {

using nlohmann::json;

// Members that hold a person's or a product's name: invalid_utf8 appends its bytes to them.
constexpr std::array<const char*, 7> kNameMembers = {"company",  "firstName",   "lastName",   "city",
                                                     "planName", "productName", "serviceName"};
// Members that hold an id (and the token's lifetime): odd_numbers writes its number there.
constexpr std::array<const char*, 7> kNumberMembers = {
    "partnerId", "billingContactId", "planId", "serviceId", "orderId", "id", "expiresIn"};
// Members duplicate_keys repeats: the ids, the order number and the access token.
constexpr std::array<const char*, 8> kDuplicatedMembers = {
    "partnerId", "billingContactId", "planId", "serviceId", "orderId", "orderNo", "id", "token"};

// Placeholders put into the document and replaced in its text: nlohmann can neither hold bytes that are
// not UTF-8 in a dump, nor a member twice, nor a number as written.
constexpr const char* kInvalidUtf8Marker = "~sandbox-invalid-utf8~";
constexpr const char* kNumberMarker = "~sandbox-odd-number~";
// '~' sorts after every letter, so in the dump the repeated member follows its original (objects are
// written in key order): a parser that keeps the last value keeps the wrong one.
constexpr const char* kDuplicatePrefix = "~sandbox-duplicate~";

constexpr std::size_t kChunkBytes = 64 * 1024;

template <typename Visit> void for_each_object(json& node, const Visit& visit) {
    if (node.is_object()) {
        visit(node);
        for (auto& [key, child] : node.items())
            for_each_object(child, visit);
    } else if (node.is_array()) {
        for (auto& child : node)
            for_each_object(child, visit);
    }
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

// Another value of the same type: "3197218168379846218" -> "3197218168379846219", 7 -> 6.
std::optional<json> other_value(const json& value) {
    if (value.is_string()) {
        std::string text = value.get<std::string>();
        if (!text.empty() &&
            std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
            text.back() = static_cast<char>('0' + (text.back() - '0' + 1) % 10);
        else text += "-duplicate";
        return json(text);
    }
    if (value.is_number_unsigned()) return json(value.get<std::uint64_t>() ^ 1u);
    if (value.is_number_integer()) return json(value.get<std::int64_t>() + 1);
    if (value.is_number_float()) return json(value.get<double>() + 1);
    return std::nullopt;
}

std::string with_invalid_utf8(json body) {
    if (body.contains("result"))
        for_each_object(body["result"], [](json& object) {
            for (const char* name : kNameMembers)
                if (object.contains(name) && object[name].is_string())
                    object[name] = object[name].get<std::string>() + kInvalidUtf8Marker;
        });
    // Every reply gets some: the envelope's own text too.
    body["detailMessage"] = body.value("detailMessage", "") + kInvalidUtf8Marker;
    std::string text = to_text(body);
    replace_all(text, kInvalidUtf8Marker, kInvalidUtf8Bytes);
    return text;
}

std::string with_duplicate_keys(json body) {
    const std::string prefix = kDuplicatePrefix;
    const auto repeat = [&prefix](json& object, const char* name) {
        if (!object.contains(name)) return;
        if (auto other = other_value(object[name])) object[prefix + name] = *other;
    };
    if (body.contains("result"))
        for_each_object(body["result"], [&repeat](json& object) {
            for (const char* name : kDuplicatedMembers)
                repeat(object, name);
        });
    repeat(body, "requestId"); // every reply gets one
    std::string text = to_text(body);
    replace_all(text, "\"" + prefix, "\"");
    return text;
}

std::string with_odd_numbers(json body, const std::string& number) {
    if (body.contains("result"))
        for_each_object(body["result"], [](json& object) {
            for (const char* name : kNumberMembers)
                if (object.contains(name)) object[name] = kNumberMarker;
        });
    std::string text = to_text(body);
    replace_all(text, std::string("\"") + kNumberMarker + "\"", number);
    return text;
}

// The envelope with a "padding" member of 'x's, so that the whole body is `bytes` long (or as short as
// the envelope allows). Only the envelope's two halves are kept; the padding is generated as it is sent.
struct PaddedBody {
    std::string prefix; // ... "padding":"
    std::uint64_t padding = 0;
    std::string suffix; // ", "requestId": ...

    std::uint64_t size() const { return prefix.size() + padding + suffix.size(); }

    // Writes the next piece at `offset` (at most kChunkBytes of padding); false when nothing is left.
    // A failed write needs no answer here: httplib sees it and stops asking.
    bool write_from(std::uint64_t offset, httplib::DataSink& sink) const {
        static const std::string filler(kChunkBytes, 'x');
        if (offset < prefix.size()) {
            sink.write(prefix.data() + offset, prefix.size() - offset);
        } else if (offset - prefix.size() < padding) {
            const std::uint64_t left = padding - (offset - prefix.size());
            sink.write(filler.data(), static_cast<std::size_t>(std::min<std::uint64_t>(kChunkBytes, left)));
        } else if (offset - prefix.size() - padding < suffix.size()) {
            const std::size_t at = static_cast<std::size_t>(offset - prefix.size() - padding);
            sink.write(suffix.data() + at, suffix.size() - at);
        } else {
            return false;
        }
        return true;
    }
};

PaddedBody padded_body(json body, std::uint64_t bytes) {
    body["padding"] = "";
    const std::string text = to_text(body);
    const std::string member = "\"padding\":\"\"";
    const std::size_t at = text.find(member);
    PaddedBody padded;
    padded.prefix = text.substr(0, at + member.size() - 1);
    padded.suffix = text.substr(at + member.size() - 1);
    const std::uint64_t envelope = padded.prefix.size() + padded.suffix.size();
    padded.padding = bytes > envelope ? bytes - envelope : 0;
    return padded;
}

void write_huge_body(httplib::Response& response, const ApiReply& reply, const Fault& fault) {
    auto body = std::make_shared<const PaddedBody>(padded_body(reply.body, fault.bytes));
    response.status = reply.status;
    if (fault.chunked) {
        response.set_chunked_content_provider(kApiContentType,
                                              [body](std::size_t offset, httplib::DataSink& sink) {
                                                  if (!body->write_from(offset, sink)) sink.done();
                                                  return true;
                                              });
        return;
    }
    response.set_content_provider(static_cast<std::size_t>(body->size()), kApiContentType,
                                  [body](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                                      body->write_from(offset, sink);
                                      return true;
                                  });
}

void write_trickle(httplib::Response& response, const ApiReply& reply, const Fault& fault) {
    auto text = std::make_shared<const std::string>(to_text(reply.body));
    const auto pause =
        std::chrono::microseconds(fault.delay_ms * 1000LL / static_cast<long long>(text->size()));
    response.status = reply.status;
    response.set_content_provider(text->size(), kApiContentType,
                                  [text, pause](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                                      if (offset > 0) std::this_thread::sleep_for(pause);
                                      sink.write(text->data() + offset, 1);
                                      return true;
                                  });
}

void write_reset_mid_body(httplib::Response& response, const ApiReply& reply, ConnectionPorts ports) {
    auto text = std::make_shared<const std::string>(to_text(reply.body));
    const std::size_t half = std::max<std::size_t>(1, text->size() / 2);
    response.status = reply.status;
    response.set_content_provider(
        text->size(), kApiContentType,
        [text, half, ports](std::size_t offset, std::size_t, httplib::DataSink& sink) {
            if (offset < half) {
                sink.write(text->data() + offset, half - offset);
                return true;
            }
            reset_connection(ports);
            return false; // httplib gives up on the connection
        });
}

} // namespace

bool reshapes_reply(FaultKind kind) {
    switch (kind) {
    case FaultKind::trickle:
    case FaultKind::huge_body:
    case FaultKind::wrong_content_type:
    case FaultKind::reset_mid_body:
    case FaultKind::invalid_utf8:
    case FaultKind::duplicate_keys:
    case FaultKind::odd_numbers: return true;
    default: return false;
    }
}

std::string reshaped_text(const ApiReply& reply, const Fault& fault) {
    switch (fault.kind) {
    case FaultKind::invalid_utf8: return with_invalid_utf8(reply.body);
    case FaultKind::duplicate_keys: return with_duplicate_keys(reply.body);
    case FaultKind::odd_numbers: return with_odd_numbers(reply.body, fault.number);
    default: return to_text(reply.body);
    }
}

void write_reshaped_reply(httplib::Response& response, const ApiReply& reply, const Fault& fault,
                          ConnectionPorts ports) {
    response.set_header("X-Sandbox-Fault", kind_name(fault.kind));
    switch (fault.kind) {
    case FaultKind::trickle: write_trickle(response, reply, fault); return;
    case FaultKind::huge_body: write_huge_body(response, reply, fault); return;
    case FaultKind::reset_mid_body: write_reset_mid_body(response, reply, ports); return;
    case FaultKind::wrong_content_type:
        response.status = reply.status;
        response.set_content(to_text(reply.body), fault.content_type.value_or("text/html"));
        return;
    default:
        response.status = reply.status;
        response.set_content(reshaped_text(reply, fault), kApiContentType);
        return;
    }
}

} // namespace sandbox
