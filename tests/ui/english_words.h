// English left in a piece of Chinese UI text: every ASCII word of 3+ letters that is not on the
// allow-list (brands, protocol names, data the test put on screen itself), and every snake_case
// token (a catalog key name would look like that).
#pragma once

#include <cctype>
#include <set>
#include <string>
#include <vector>

namespace rd::test {

inline std::vector<std::string> ascii_words(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text + " ") {
        if (std::isalpha(static_cast<unsigned char>(c))) {
            word += c;
            continue;
        }
        if (!word.empty()) words.push_back(word);
        word.clear();
    }
    return words;
}

// Words any Chinese screen may show: the brand, protocol and file names, command-line options.
inline std::set<std::string> always_allowed() {
    return {"RenewDesk", "Yeastar", "API",    "OpenAPI",    "URL",     "HTTP",     "http",   "https",
            "JSON",      "POST",    "curl",   "TLS",        "English", "settings", "json",   "caBundle",
            "bundle",    "FILE",    "Remote", "Management", "Account", "demo",     "client", "secret"};
}

inline std::vector<std::string> english_left(const std::string& text,
                                             const std::set<std::string>& data_words) {
    std::vector<std::string> left;
    std::set<std::string> allowed = always_allowed();
    for (const std::string& data : data_words) // "insufficient_balance" allows its words too
        for (const std::string& word : ascii_words(data))
            allowed.insert(word);
    for (const std::string& word : ascii_words(text))
        if (word.size() >= 3 && !allowed.count(word)) left.push_back(word);
    // snake_case: a key name such as "sign_in_heading" or "user_count_fmt"
    for (std::size_t at = text.find('_'); at != std::string::npos; at = text.find('_', at + 1)) {
        std::size_t start = at, end = at + 1;
        while (start > 0 &&
               (std::isalnum(static_cast<unsigned char>(text[start - 1])) || text[start - 1] == '_'))
            --start;
        while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_'))
            ++end;
        const std::string token = text.substr(start, end - start);
        if (!data_words.count(token)) left.push_back(token);
    }
    return left;
}

} // namespace rd::test
