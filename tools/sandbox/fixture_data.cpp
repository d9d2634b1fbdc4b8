#include "tools/sandbox/fixture_data.h"

#include "tools/sandbox/json_ids.h"

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace sandbox {

namespace {

using nlohmann::json;

json read_json_file(const std::string& dir, const std::string& name) {
    const std::string path = dir + "/" + name;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("sandbox fixtures: cannot open " + path);
    std::stringstream text;
    text << in.rdbuf();
    try {
        return json::parse(text.str());
    } catch (const json::exception& e) {
        throw std::runtime_error("sandbox fixtures: " + path + " is not valid JSON: " + e.what());
    }
}

void require_string_members(const json& list, const char* id_member, const std::string& file) {
    if (!list.is_array()) throw std::runtime_error("sandbox fixtures: " + file + " must hold an array");
    for (const auto& item : list) {
        if (!item.is_object() || !item.contains(id_member))
            throw std::runtime_error("sandbox fixtures: every item of " + file + " needs " + id_member);
        for (const auto& [key, value] : item.items())
            if (!value.is_string())
                throw std::runtime_error("sandbox fixtures: " + file + ": member " + key +
                                         " must be a string");
    }
}

void check_product_details(const json& details, const std::string& file) {
    if (!details.is_object()) throw std::runtime_error("sandbox fixtures: " + file + " must hold an object");
    for (const auto& [product, info] : details.items()) {
        if (!is_digit_string(product) || !info.is_object() || !info.value("planList", json()).is_array())
            throw std::runtime_error("sandbox fixtures: " + file + ": entry " + product + " is malformed");
        for (const auto& plan : info["planList"])
            if (!integer_digits(plan.value("planId", json())))
                throw std::runtime_error("sandbox fixtures: " + file + ": planId must be a JSON integer");
    }
}

} // namespace

std::string default_fixtures_dir() {
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path exe = fs::read_symlink("/proc/self/exe", error);
    const fs::path dir = error ? fs::current_path() : exe.parent_path();
    const fs::path beside = dir / "sandbox-fixtures";
    const fs::path installed = dir.parent_path() / "share" / "renewdesk" / "sandbox-fixtures";
    if (!fs::is_directory(beside, error) && fs::is_directory(installed, error)) return installed.string();
    return beside.string();
}

json generated_user(int index) {
    static constexpr std::array<const char*, 12> kFirst = {"Alex",  "Bea",  "Chidi", "Dana", "Emil",  "Farah",
                                                           "Goran", "Hana", "Ivo",   "Jun",  "Kemal", "Lena"};
    static constexpr std::array<const char*, 10> kLast = {"Andersen", "Bianchi",  "Costa",  "Dubois",
                                                          "Eriksen",  "Fischer",  "García", "Haddad",
                                                          "Ito",      "Jovanović"};
    static constexpr std::array<const char*, 6> kCountry = {"Germany", "Italy",  "Brazil",
                                                            "Japan",   "Canada", "South Africa"};
    const auto n = static_cast<unsigned>(index);
    char number[16];
    std::snprintf(number, sizeof number, "%05u", n + 1);
    // 19 digits, above 2^53, distinct for every index and from the fixture users' ids.
    const std::uint64_t partner_id = 7205759403792793600ULL + 1000003ULL * (n + 1ULL);
    return {
        {"partnerId", std::to_string(partner_id)},
        {"email", std::string("customer") + number + "@generated.example.invalid"},
        {"firstName", kFirst[n % kFirst.size()]},
        {"lastName", kLast[(n / kFirst.size()) % kLast.size()]},
        {"company", std::string("Generated Customer ") + number + " Ltd"},
        {"userType", "Enduser"},
        {"country", kCountry[n % kCountry.size()]},
        {"stateProvince", ""},
        {"city", std::string("Town ") + number},
        {"street", std::to_string(n % 200 + 1) + " Generated Street"},
        {"zipCode", number},
        {"phoneNumber", std::string("+1 555 ") + number},
        {"taxNum", ""},
        {"remark", "generated"},
    };
}

Fixtures load_fixtures(const std::string& dir, int generated_users) {
    Fixtures fixtures;
    fixtures.users = read_json_file(dir, "users.json");
    require_string_members(fixtures.users, "partnerId", "users.json");
    fixtures.products = read_json_file(dir, "products.json");
    if (!fixtures.products.is_array())
        throw std::runtime_error("sandbox fixtures: products.json must hold an array");
    fixtures.product_details = read_json_file(dir, "purchase_product_info.json");
    check_product_details(fixtures.product_details, "purchase_product_info.json");
    fixtures.billing_contacts = read_json_file(dir, "billing_contacts.json");
    require_string_members(fixtures.billing_contacts, "billingContactId", "billing_contacts.json");
    for (int i = 0; i < generated_users; ++i)
        fixtures.users.push_back(generated_user(i));
    return fixtures;
}

const json* find_user(const Fixtures& fixtures, const std::string& partner_id) {
    for (const auto& user : fixtures.users)
        if (user["partnerId"].get_ref<const std::string&>() == partner_id) return &user;
    return nullptr;
}

const json* find_billing_contact(const Fixtures& fixtures, const std::string& billing_contact_id) {
    for (const auto& contact : fixtures.billing_contacts)
        if (contact["billingContactId"].get_ref<const std::string&>() == billing_contact_id) return &contact;
    return nullptr;
}

const json* find_renewal_plan(const Fixtures& fixtures, const std::string& plan_id_digits) {
    const auto product = fixtures.product_details.find("15");
    if (product == fixtures.product_details.end()) return nullptr;
    for (const auto& plan : (*product)["planList"])
        if (integer_digits(plan["planId"]) == plan_id_digits) return &plan;
    return nullptr;
}

} // namespace sandbox
