#include "platform/windows/winhttp_failure.h"

#include "platform/windows/wide_text.h"
#include "platform/windows/winhttp_text.h"

namespace rd {
namespace {

struct Description {
    DWORD error;
    const char* text;
};

// The errors a person may meet, in the words of Microsoft's WinHTTP error list, shortened.
constexpr Description descriptions[] = {
    {ERROR_WINHTTP_TIMEOUT, "The request timed out."},
    {ERROR_WINHTTP_INTERNAL_ERROR, "An internal error occurred in WinHTTP."},
    {ERROR_WINHTTP_INVALID_URL, "The URL is not valid."},
    {ERROR_WINHTTP_UNRECOGNIZED_SCHEME, "The URL does not use http or https."},
    {ERROR_WINHTTP_NAME_NOT_RESOLVED, "The server name could not be resolved."},
    {ERROR_WINHTTP_OPERATION_CANCELLED, "The operation was cancelled."},
    {ERROR_WINHTTP_CANNOT_CONNECT, "Could not connect to the server (refused or unreachable)."},
    {ERROR_WINHTTP_CONNECTION_ERROR, "The connection with the server was reset or closed."},
    {ERROR_WINHTTP_SECURE_CERT_DATE_INVALID, "The server's certificate has expired or is not valid yet."},
    {ERROR_WINHTTP_SECURE_CERT_CN_INVALID, "The server's certificate is for another name."},
    {ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED, "The server asked for a client certificate."},
    {ERROR_WINHTTP_SECURE_INVALID_CA, "The server's certificate is not signed by a trusted authority."},
    {ERROR_WINHTTP_SECURE_CERT_REV_FAILED,
     "The revocation of the server's certificate could not be checked."},
    {ERROR_WINHTTP_INVALID_SERVER_RESPONSE, "The server's reply could not be understood."},
    {ERROR_WINHTTP_SECURE_CHANNEL_ERROR, "The secure (TLS) connection to the server failed."},
    {ERROR_WINHTTP_BAD_AUTO_PROXY_SCRIPT, "The proxy configuration script has an error."},
    {ERROR_WINHTTP_UNABLE_TO_DOWNLOAD_SCRIPT, "The proxy configuration script could not be downloaded."},
    {ERROR_WINHTTP_SECURE_INVALID_CERT, "The server's certificate is not valid."},
    {ERROR_WINHTTP_SECURE_CERT_REVOKED, "The server's certificate has been revoked."},
    {ERROR_WINHTTP_SECURE_FAILURE, "The server's certificate is not trusted."},
    {ERROR_WINHTTP_AUTO_PROXY_SERVICE_ERROR, "The system's proxy settings could not be read."},
    {ERROR_WINHTTP_SECURE_CERT_WRONG_USAGE, "The server's certificate is not meant for a web server."},
    {ERROR_WINHTTP_AUTODETECTION_FAILED, "The proxy could not be detected automatically."},
    {ERROR_WINHTTP_HEADER_SIZE_OVERFLOW, "The server's reply headers were too large."},
    {ERROR_WINHTTP_SECURE_FAILURE_PROXY, "The proxy's certificate is not trusted."},
};

// The system's own description, in US English when the system has it.
std::string system_text(DWORD error) {
    wchar_t* text = nullptr;
    const DWORD flags = FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_HMODULE |
                        FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS;
    const DWORD length = FormatMessageW(flags, GetModuleHandleW(L"winhttp.dll"), error,
                                        MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US),
                                        reinterpret_cast<wchar_t*>(&text), 0, nullptr);
    std::string out = length ? windows::narrow(std::wstring(text, length)) : std::string();
    if (text) LocalFree(text);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r' || out.back() == ' '))
        out.pop_back();
    return out;
}

} // namespace

std::string winhttp_error_text(DWORD error) {
    std::string text;
    for (const Description& d : descriptions)
        if (d.error == error) text = d.text;
    if (text.empty()) text = system_text(error);
    if (text.empty()) text = "A network error occurred.";
    return text + " (WinHTTP error " + std::to_string(error) + ")";
}

} // namespace rd
