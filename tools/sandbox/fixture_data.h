// The sandbox's data: users, products, plans and billing contacts, read from JSON files and kept as the
// raw JSON the API answers with, plus `generated_users` extra subordinate users made deterministically.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace sandbox {

struct Fixtures {
    nlohmann::json users;            // partner_list result: array of User_Info (all members strings)
    nlohmann::json products;         // product_list result: array of {name, productId}
    nlohmann::json product_details;  // purchase_product_info results keyed by productId as decimal text
    nlohmann::json billing_contacts; // billing_contact_list result: array of Contact_Info (all strings)
};

// sandbox-fixtures/ beside the program (the build copies tools/sandbox/fixtures there), else
// ../share/renewdesk/sandbox-fixtures from it (installed). No source path is compiled in.
std::string default_fixtures_dir();

// Reads users.json, products.json, purchase_product_info.json, billing_contacts.json from `dir`
// and appends `generated_users` users. Throws std::runtime_error naming the file on any problem.
Fixtures load_fixtures(const std::string& dir, int generated_users);

// User number `index` (0-based) of the generated ones: same input, same user.
nlohmann::json generated_user(int index);

// Lookups by exact id text; nullptr when unknown.
const nlohmann::json* find_user(const Fixtures& fixtures, const std::string& partner_id);
const nlohmann::json* find_billing_contact(const Fixtures& fixtures, const std::string& billing_contact_id);
// A plan of product 15 whose planId has exactly these digits.
const nlohmann::json* find_renewal_plan(const Fixtures& fixtures, const std::string& plan_id_digits);

} // namespace sandbox
