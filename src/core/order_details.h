// OrderDetails: Get Order Details (partner-openapi.md §11) decoded tolerantly. The result's four documented
// objects become sections of label/value rows (labels are the API's member names, values their text:
// nested objects and arrays as compact JSON); a missing or mistyped section is marked absent and any
// member the document does not list is kept as raw JSON. Decoding never fails and never throws.
#pragma once

#include "core/json.h"

#include <array>
#include <string>
#include <vector>

namespace rd {

enum class DetailSection { basic, billing, order, summary };

struct DetailRow {
    std::string label;
    std::string value;
};

struct DetailSectionRows {
    DetailSection section = DetailSection::basic;
    bool present = false; // the member was there and was an object
    std::vector<DetailRow> rows;
};

struct OrderDetails {
    std::array<DetailSectionRows, 4> sections; // basic, billing, order, summary: always in that order
    std::string unknown_raw;                   // JSON object of every other member ("" when none)
    std::string order_no;                      // from orderInformation, "" when not there
    std::string order_status;                  // from orderInformation, "" when not there
};

// "basicInformation", "billingInformation", "orderInformation", "orderSummary".
const char* detail_section_member(DetailSection section);

OrderDetails decode_order_details(const Json& result);

} // namespace rd
