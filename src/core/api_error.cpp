#include "api_error.h"

namespace rd {

std::string ApiError::describe() const {
    std::string text;
    switch (kind) {
    case ErrorKind::network:
        if (untrusted_certificate)
            text =
                "The server's certificate is not trusted, so nothing was sent. If your network inspects TLS "
                "with its own CA, the desktop app can trust that CA: --ca-bundle FILE or \"caBundle\" in "
                "settings.json.";
        else if (timed_out) text = "The server did not answer in time.";
        else if (request_may_have_left)
            text = "The connection to the server was lost after the request was sent.";
        else text = "The server could not be reached.";
        break;
    case ErrorKind::http: text = "The server answered with an HTTP error instead of the API's reply."; break;
    case ErrorKind::api: text = "The Partner Portal refused the request."; break;
    case ErrorKind::auth: text = "The Partner Portal did not accept the sign-in."; break;
    case ErrorKind::parse: text = "The server's reply could not be read."; break;
    case ErrorKind::input: text = "That value cannot be used."; break;
    }
    if (!detail_message.empty()) text += " " + detail_message;
    if (!code.empty()) text += " (code: " + code + ")";
    if (http_status != 0) text += " HTTP status " + std::to_string(http_status) + ".";
    if (!excerpt.empty()) text += " Reply began: \"" + excerpt + "\"";
    if (!request_id.empty()) text += " Request id: " + request_id + ".";
    return text;
}

} // namespace rd
