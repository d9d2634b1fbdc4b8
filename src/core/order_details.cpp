#include "core/order_details.h"

#include "core/text.h"

namespace rd {
namespace {

constexpr std::array<DetailSection, 4> kSections = {DetailSection::basic, DetailSection::billing,
                                                    DetailSection::order, DetailSection::summary};

// Strings as they are, numbers as their exact JSON text (ids above 2^53 stay exact), null as "".
std::string value_text(const Json& value) {
    if (value.is_string()) return value.get_ref<const std::string&>();
    if (value.is_null()) return {};
    return json_text(value);
}

std::string member_text(const Json& object, const char* name) {
    auto it = object.find(name);
    return it == object.end() ? std::string() : value_text(*it);
}

} // namespace

const char* detail_section_member(DetailSection section) {
    switch (section) {
    case DetailSection::basic: return "basicInformation";
    case DetailSection::billing: return "billingInformation";
    case DetailSection::order: return "orderInformation";
    case DetailSection::summary: return "orderSummary";
    }
    return "";
}

OrderDetails decode_order_details(const Json& result) {
    OrderDetails details;
    Json unknown = Json::object();
    for (std::size_t i = 0; i < kSections.size(); ++i)
        details.sections[i].section = kSections[i];
    if (!result.is_object()) {
        if (!result.is_null()) unknown["result"] = result;
        details.unknown_raw = unknown.empty() ? std::string() : json_text(unknown);
        return details;
    }
    for (auto it = result.begin(); it != result.end(); ++it) {
        bool known = false;
        for (DetailSectionRows& section : details.sections) {
            if (it.key() != detail_section_member(section.section)) continue;
            known = it->is_object();
            if (!known) break; // a mistyped section is kept raw, under its own name
            section.present = true;
            for (auto member = it->begin(); member != it->end(); ++member)
                section.rows.push_back({member.key(), value_text(*member)});
        }
        // Appended, not unknown[name]: that walks the members first (result's names are distinct).
        if (!known) unknown.get_ref<Json::object_t&>().emplace_back(it.key(), *it);
    }
    const DetailSectionRows& order = details.sections[2];
    if (order.present) {
        const Json& info = *result.find("orderInformation");
        details.order_no = member_text(info, "orderNo");
        details.order_status = member_text(info, "orderStatus");
    }
    if (!unknown.empty()) details.unknown_raw = json_text(unknown);
    return details;
}

} // namespace rd
