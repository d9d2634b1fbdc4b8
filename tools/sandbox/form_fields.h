// Fields of a token request's form body, from either documented encoding:
// application/x-www-form-urlencoded or multipart/form-data. The query string is never consulted.
#pragma once

#include <httplib.h>

#include <map>
#include <string>

namespace sandbox {

// Lower-cased media type without parameters ("application/json; charset=utf-8" -> "application/json").
std::string media_type(const std::string& content_type);

// Form fields of the body; the first value wins when a name repeats.
std::map<std::string, std::string> form_fields(const httplib::Request& request);

} // namespace sandbox
