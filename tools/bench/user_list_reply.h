// The reply the decoder benchmarks read: a successful partner_list envelope with `users` generated
// users of every documented member (about 3.2 MB for 10,000), shared by core_bench.cpp (native) and
// decode_timing.cpp (wasm) so both time the same bytes.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace rd::bench {

inline std::string user_list_reply(int users) {
    nlohmann::json list = nlohmann::json::array();
    for (int i = 0; i < users; ++i)
        list.push_back({{"partnerId", std::to_string(7205759403792793600ULL + 1000003ULL * i)},
                        {"company", "Generated Customer " + std::to_string(i) + " Ltd"},
                        {"email", "customer" + std::to_string(i) + "@generated.example.invalid"},
                        {"firstName", "Alex"},
                        {"lastName", "Andersen"},
                        {"userType", "Enduser"},
                        {"country", "Denmark"},
                        {"city", "Aarhus"},
                        {"phoneNumber", "+4500000000"},
                        {"street", "1 Example Street"},
                        {"zipCode", "8000"},
                        {"taxNum", ""},
                        {"remark", ""}});
    nlohmann::json body = {{"code", "success"},
                           {"detailMessage", ""},
                           {"requestId", std::string(32, 'a')},
                           {"result", list},
                           {"status", 200}};
    return body.dump();
}

} // namespace rd::bench
