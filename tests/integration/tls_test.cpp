// The desktop transport verifies TLS peers: a loopback HTTPS server with a certificate nobody vouches
// for is refused before the request leaves, and accepted once its certificate is the trusted CA.
#include "platform/platform_transport.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <thread>

using namespace rd;

namespace {

struct LocalHttpsServer {
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() /
        ("renewdesk-tls-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    std::optional<httplib::SSLServer> server;
    std::thread thread;
    int port = 0;

    LocalHttpsServer() {
        std::filesystem::create_directories(dir);
        // A self-signed certificate for 127.0.0.1, made fresh for this test.
        std::string command = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
                              "-addext subjectAltName=IP:127.0.0.1 -keyout " +
                              (dir / "key.pem").string() + " -out " + (dir / "cert.pem").string() +
                              " 2>/dev/null";
        if (std::system(command.c_str()) != 0)
            throw std::runtime_error("openssl could not make a certificate");
        server.emplace((dir / "cert.pem").c_str(), (dir / "key.pem").c_str());
        server->Get("/", [](const httplib::Request&, httplib::Response& response) {
            response.set_content("{}", "application/json");
        });
        port = server->bind_to_any_port("127.0.0.1");
        thread = std::thread([this] { server->listen_after_bind(); });
        while (!server->is_running())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~LocalHttpsServer() {
        server->stop();
        thread.join();
        std::filesystem::remove_all(dir);
    }
    std::string cert() const { return (dir / "cert.pem").string(); }
};

HttpResponse get(Transport& transport, const std::string& url) {
    std::optional<HttpResponse> response;
    transport.send({.url = url, .timeout_ms = 5000}, [&](HttpResponse r) { response = std::move(r); });
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!response && std::chrono::steady_clock::now() < deadline) {
        transport.poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (!response) throw std::runtime_error("no response");
    return *response;
}

} // namespace

TEST(Tls, UntrustedCertificateIsRefusedBeforeTheRequestLeaves) {
    LocalHttpsServer server;
    auto transport = make_platform_transport();
    HttpResponse response = get(*transport, "https://127.0.0.1:" + std::to_string(server.port) + "/");
    EXPECT_EQ(response.failure, TransportFailure::untrusted_certificate) << response.failure_text;
    EXPECT_EQ(response.status, 0);
}

TEST(Tls, CertificateSignedByTheGivenCaIsAccepted) {
    LocalHttpsServer server;
    const std::string ca = server.cert();
    auto transport = make_platform_transport({.ca_bundle_path = ca.c_str()});
    HttpResponse response = get(*transport, "https://127.0.0.1:" + std::to_string(server.port) + "/");
    EXPECT_EQ(response.failure, TransportFailure::none) << response.failure_text;
    EXPECT_EQ(response.status, 200);
}
