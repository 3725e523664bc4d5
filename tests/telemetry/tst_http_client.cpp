// The telemetry HTTP client against servers that behave and servers that do not: keep-alive, gzip,
// authentication that never leaks into errors, and stalls, resets mid-body, huge and bomb-like bodies,
// redirect loops, server errors (retried with backoff) and client errors (not retried).
#include "ScriptedServer.h"
#include "telemetry/HttpClient.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <functional>
#include <mutex>
#include <thread>
#include <zlib.h>

using namespace twin::telemetry;
using namespace twin::testing;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

std::string gzipped(const std::string& text) {
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&stream, uLong(text.size())) + 64, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    stream.avail_in = uInt(text.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

HttpClientOptions fastOptions() {
    HttpClientOptions options;
    options.connectTimeout = std::chrono::milliseconds(500);
    options.requestTimeout = std::chrono::milliseconds(400);
    options.maxAttempts = 3;
    options.backoffBase = std::chrono::milliseconds(10);
    return options;
}

} // namespace

class HttpClientTest : public QObject {
    Q_OBJECT
private slots:
    void keepsTheConnectionAliveAndSendsTheToken() {
        std::atomic<int> withToken{0};
        ScriptedServer server([&](tcp::socket& socket, int) {
            for (std::string request; !(request = readRequest(socket)).empty();) {
                withToken += request.find("Authorization: Bearer s3cret\r\n") != std::string::npos ? 1 : 0;
                send(socket, response(200, "hello"));
            }
        });
        HttpClientOptions options = fastOptions();
        options.bearerToken = "s3cret";
        HttpClient client(options);
        for (int i = 0; i < 3; ++i) {
            const HttpResponse answer = client.get(server.url()).get();
            QVERIFY2(answer.ok(), answer.error.c_str());
            QCOMPARE(answer.body, std::string("hello"));
            QCOMPARE(answer.attempts, 1);
        }
        QCOMPARE(server.connections(), 1);
        QCOMPARE(client.connectionsOpened(), std::size_t(1));
        QCOMPARE(withToken.load(), 3);
    }

    void basicAuthenticationIsEncoded() {
        std::atomic<bool> seen{false};
        ScriptedServer server([&](tcp::socket& socket, int) {
            seen = readRequest(socket).find("Authorization: Basic dHdpbjpwYXNz\r\n") != std::string::npos;
            send(socket, response(200, "ok"));
        });
        HttpClientOptions options = fastOptions();
        options.basicUser = "twin";
        options.basicPassword = "pass";
        QVERIFY(HttpClient(options).get(server.url()).get().ok());
        QVERIFY(seen);
    }

    void unpacksGzipAndRefusesBadOrBombLikeBodies() {
        const std::string text = "DCGM_FI_DEV_GPU_TEMP{gpu=\"0\"} 41\n";
        std::string body = gzipped(text);
        ScriptedServer server([&](tcp::socket& socket, int) {
            while (!readRequest(socket).empty())
                send(socket, response(200, body, "Content-Encoding: gzip\r\n"));
        });
        HttpClientOptions options = fastOptions();
        options.maxResponseBytes = 1 << 20;
        HttpClient client(options);
        QCOMPARE(client.get(server.url()).get().body, text);

        body = "not gzip at all";
        HttpResponse answer = client.get(server.url()).get();
        QCOMPARE(answer.error, std::string("invalid gzip body"));
        QCOMPARE(answer.attempts, 1); // a broken body would be broken again

        body = gzipped(std::string(8 << 20, '0')); // 8 MB of zeros in a few kilobytes
        QVERIFY(body.size() < 64 * 1024);
        answer = client.get(server.url()).get();
        QCOMPARE(answer.error, "response from " + server.url() + " exceeds 1 MB once decompressed");
        QCOMPARE(client.bytesInFlight(), std::size_t(0));
    }

    void aServerThatNeverAnswersTimesOut() {
        ScriptedServer server([](tcp::socket& socket, int) {
            readRequest(socket);
            std::this_thread::sleep_for(std::chrono::milliseconds(1500)); // and says nothing
        });
        HttpClient client(fastOptions());
        QElapsedTimer clock;
        clock.start();
        const HttpResponse answer = client.get(server.url()).get();
        QVERIFY2(answer.error.find("timed out waiting for") == 0, answer.error.c_str());
        QCOMPARE(answer.status, 0);
        QCOMPARE(answer.attempts, 3);
        QVERIFY(clock.elapsed() < 5000);
    }

    // Each retry is told as it starts, with its reason, so that a window can say "no answer for 15 s,
    // retrying" at the first timeout rather than "connecting" until every try has run out.
    void retriesAreReportedAsTheyHappen() {
        std::atomic<bool> done{false};
        ScriptedServer silent([&](tcp::socket& socket, int) {
            readRequest(socket);
            while (!done) // accepts, reads, and never says a word
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
        });
        ScriptedServer busy([](tcp::socket& socket, int) {
            readRequest(socket);
            send(socket, response(503, "busy", "Connection: close\r\n"));
        });
        std::mutex mutex;
        std::vector<HttpRetry> retries;
        HttpClientOptions options = fastOptions();
        options.onRetry = [&](const HttpRetry& retry) {
            const std::lock_guard lock(mutex);
            retries.push_back(retry);
        };
        HttpClient client(options);
        const HttpResponse answer = client.get(silent.url()).get();
        done = true;
        QCOMPARE(answer.attempts, 3);
        {
            const std::lock_guard lock(mutex);
            QCOMPARE(retries.size(), std::size_t(2)); // none after the last try: that one is the answer
            QCOMPARE(retries[0].describe(), std::string("no answer for 0.4 s, retrying (attempt 2 of 3)"));
            QCOMPARE(retries[1].describe(), std::string("no answer for 0.4 s, retrying (attempt 3 of 3)"));
            QCOMPARE(retries[0].url, silent.url());
            QCOMPARE(retries[1].failedAttempt, 2);
            retries.clear();
        }
        QCOMPARE(client.get(busy.url()).get().status, 503);
        {
            const std::lock_guard lock(mutex);
            QCOMPARE(retries.size(), std::size_t(2));
            QCOMPARE(retries[0].describe(), std::string("HTTP 503, retrying (attempt 2 of 3)"));
        }
    }

    void aResetInTheMiddleOfTheBodyIsAnErrorAndRetried() {
        ScriptedServer server([](tcp::socket& socket, int connection) {
            readRequest(socket);
            if (connection < 3) {
                send(socket, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + std::string(100, 'x'));
                return; // closes with 900 bytes missing
            }
            send(socket, response(200, "whole"));
        });
        HttpClient client(fastOptions());
        const HttpResponse answer = client.get(server.url()).get();
        QVERIFY2(answer.ok(), answer.error.c_str());
        QCOMPARE(answer.body, std::string("whole"));
        QCOMPARE(answer.attempts, 3);

        ScriptedServer alwaysCut([](tcp::socket& socket, int) {
            readRequest(socket);
            send(socket, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + std::string(100, 'x'));
        });
        const HttpResponse cut = client.get(alwaysCut.url()).get();
        QVERIFY2(cut.error.find("no complete response from 127.0.0.1:") == 0, cut.error.c_str());
    }

    void aHugeResponseIsRefusedWithoutReadingIt() {
        ScriptedServer server([](tcp::socket& socket, int) {
            readRequest(socket);
            send(socket, "HTTP/1.1 200 OK\r\nContent-Length: 2147483648\r\n\r\n" + std::string(4096, 'x'));
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        });
        HttpClientOptions options = fastOptions();
        options.maxResponseBytes = 64 << 20;
        HttpClient client(options);
        const HttpResponse answer = client.get(server.url()).get();
        QCOMPARE(answer.error, "response from " + server.url() + " exceeds 64 MB");
        QCOMPARE(answer.attempts, 1);
    }

    // Several requests at once to a server streaming an endless body: what the client holds for them
    // all stays within its one budget (not a per-response cap times the requests), and every request
    // fails saying which URL sent too much.
    void endlessBodiesStayWithinOneBudget() {
        std::atomic<bool> done{false};
        ScriptedServer endless([&](tcp::socket& socket, int) {
            readRequest(socket);
            send(socket, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n");
            const std::string chunk = "10000\r\n" + std::string(0x10000, 'x') + "\r\n"; // 64 KB a chunk
            while (!done && send(socket, chunk)) {
            }
        });
        HttpClientOptions options = fastOptions();
        options.requestTimeout = std::chrono::milliseconds(30000); // the cap ends these, not the clock
        options.maxResponseBytes = std::size_t(8) << 20;
        options.maxBytesInFlight = std::size_t(12) << 20;
        HttpClient client(options);
        constexpr int kRequests = 4;
        std::vector<std::future<HttpResponse>> answers;
        for (int i = 0; i < kRequests; ++i)
            answers.push_back(client.get(endless.url("/endless")));
        int overBudget = 0;
        for (auto& pending : answers) {
            const HttpResponse answer = pending.get();
            QVERIFY2(answer.error.starts_with("response from " + endless.url("/endless") + " exceeds "),
                     answer.error.c_str());
            QCOMPARE(answer.attempts, 1); // an endless body would be endless again
            QVERIFY(answer.body.empty());
            overBudget +=
                answer.error.find(" exceeds the 12 MB budget for responses in flight (") != std::string::npos
                    ? 1
                    : 0;
        }
        done = true;
        // Four bodies of up to 8 MB each cannot all fit in 12 MB: some ran into the budget.
        QVERIFY(overBudget >= 1);
        QVERIFY2(client.peakBytesInFlight() <= options.maxBytesInFlight,
                 std::to_string(client.peakBytesInFlight()).c_str());
        QVERIFY(client.peakBytesInFlight() > options.maxResponseBytes); // they did read at once
        QCOMPARE(client.bytesInFlight(), std::size_t(0));               // and gave it all back
    }

    // A declared length the budget cannot hold is refused at the head, before its body is read.
    void aDeclaredLengthOverTheBudgetIsRefusedAtOnce() {
        ScriptedServer server([](tcp::socket& socket, int) {
            readRequest(socket);
            send(socket, "HTTP/1.1 200 OK\r\nContent-Length: 20971520\r\n\r\n" + std::string(4096, 'x'));
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        });
        HttpClientOptions options = fastOptions();
        options.maxResponseBytes = std::size_t(64) << 20;
        options.maxBytesInFlight = std::size_t(16) << 20;
        HttpClient client(options);
        const HttpResponse answer = client.get(server.url()).get();
        QCOMPARE(answer.error, "response from " + server.url() +
                                   " exceeds the 16 MB budget for responses in flight (0 MB held by others)");
        QVERIFY(client.peakBytesInFlight() < std::size_t(1) << 20);
    }

    void redirectsAreFollowedButNotForever() {
        ScriptedServer server([](tcp::socket& socket, int) {
            for (std::string request; !(request = readRequest(socket)).empty();) {
                if (request.find("GET /old ") == 0)
                    send(socket, response(301, "", "Location: /metrics\r\n"));
                else if (request.find("GET /loop ") == 0)
                    send(socket, response(302, "", "Location: /loop\r\n"));
                else
                    send(socket, response(200, "arrived"));
            }
        });
        HttpClient client(fastOptions());
        QCOMPARE(client.get(server.url("/old")).get().body, std::string("arrived"));
        const HttpResponse loop = client.get(server.url("/loop")).get();
        QVERIFY2(loop.error.find("too many redirects") == 0, loop.error.c_str());
        QCOMPARE(loop.attempts, 1);
    }

    void serverErrorsAreRetriedClientErrorsAreNot() {
        ScriptedServer server([](tcp::socket& socket, int connection) {
            const std::string request = readRequest(socket);
            if (request.find("GET /missing ") == 0)
                send(socket, response(404, "no", "Connection: close\r\n"));
            else
                send(socket, response(connection == 1 ? 503 : 200, connection == 1 ? "busy" : "fine",
                                      "Connection: close\r\n"));
        });
        HttpClient client(fastOptions());
        const HttpResponse retried = client.get(server.url()).get();
        QVERIFY(retried.ok());
        QCOMPARE(retried.attempts, 2);
        const HttpResponse missing = client.get(server.url("/missing")).get();
        QCOMPARE(missing.status, 404);
        QVERIFY(missing.error.empty());
        QCOMPARE(missing.attempts, 1);
    }

    // A POST (fault injection) goes out once with Content-Length: 0, and a 503 is not retried: a POST
    // changes something at the server.
    void aPostIsSentOnceNeverRetried() {
        std::atomic<int> posts = 0;
        std::mutex mutex;
        std::string seen;
        ScriptedServer server([&](tcp::socket& socket, int) {
            const std::string request = readRequest(socket);
            if (request.find("POST /faults/x ") == 0) {
                ++posts;
                const std::lock_guard lock(mutex);
                seen = request;
            }
            send(socket, response(503, "busy", "Connection: close\r\n"));
        });
        HttpClient client(fastOptions());
        const HttpResponse answer = client.post(server.url("/faults/x")).get();
        QCOMPARE(answer.status, 503);
        QCOMPARE(answer.attempts, 1);
        QCOMPARE(posts.load(), 1);
        const std::lock_guard lock(mutex);
        QVERIFY2(seen.find("Content-Length: 0") != std::string::npos, seen.c_str());
    }

    // https: the certificate is verified (against the system's roots, or a CA file) and must be for
    // the host; a self-signed certificate is refused unless trusted or verification is off.
    void tlsVerifiesTheServersCertificate() {
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("key.pem")),
                      cert = dir.filePath(QStringLiteral("cert.pem"));
        QCOMPARE(QProcess::execute(QStringLiteral("openssl"),
                                   {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                    QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                                    QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                                    QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                                    QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                                    QStringLiteral("subjectAltName=IP:127.0.0.1")}),
                 0);
        asio::ssl::context serverTls(asio::ssl::context::tls_server);
        serverTls.use_certificate_chain_file(cert.toStdString());
        serverTls.use_private_key_file(key.toStdString(), asio::ssl::context::pem);
        ScriptedServer server([&](tcp::socket& socket, int) {
            asio::ssl::stream<tcp::socket&> secure(socket, serverTls);
            boost::system::error_code error;
            secure.handshake(asio::ssl::stream_base::server, error);
            if (error)
                return; // the client refused us
            asio::streambuf buffer;
            asio::read_until(secure, buffer, "\r\n\r\n", error);
            const std::string answer = response(200, "secure", "Connection: close\r\n");
            asio::write(secure, asio::buffer(answer), error);
            secure.shutdown(error);
        });
        const std::string url = "https" + server.url().substr(4);
        HttpResponse answer = HttpClient(fastOptions()).get(url).get();
        QVERIFY2(answer.error.find("TLS handshake with 127.0.0.1:") == 0 &&
                     answer.error.find("certificate verify failed") != std::string::npos,
                 answer.error.c_str());
        QCOMPARE(answer.attempts, 1);

        HttpClientOptions trusting = fastOptions();
        trusting.caFile = cert.toStdString();
        answer = HttpClient(trusting).get(url).get();
        QVERIFY2(answer.ok(), answer.error.c_str());
        QCOMPARE(answer.body, std::string("secure"));

        // Trusted, but not for this name.
        const std::string byName = "https://localhost:" + url.substr(url.rfind(':') + 1);
        answer = HttpClient(trusting).get(byName).get();
        QVERIFY2(answer.error.find("TLS handshake with localhost:") == 0, answer.error.c_str());

        HttpClientOptions unverified = fastOptions();
        unverified.verifyPeer = false;
        QCOMPARE(HttpClient(unverified).get(url).get().body, std::string("secure"));

        HttpClientOptions missingCa = fastOptions();
        missingCa.caFile = dir.filePath(QStringLiteral("nope.pem")).toStdString();
        answer = HttpClient(missingCa).get(url).get();
        QVERIFY2(answer.error.find("cannot read the CA file") == 0, answer.error.c_str());
    }

    void refusedUrlsAndClosedPortsAreNamedWithoutSecrets() {
        HttpClientOptions options = fastOptions();
        options.bearerToken = "s3cret";
        HttpClient client(options);
        HttpResponse answer = client.get("http://user:pw@127.0.0.1:1/").get();
        QCOMPARE(answer.error, std::string("credentials belong in the source's settings, not in its URL"));
        QCOMPARE(client.get("ftp://x/").get().error, std::string("not an http:// or https:// URL: ftp://x/"));
        // A port nobody listens on: refused, retried, named.
        std::uint16_t closedPort = 0;
        {
            asio::io_context io;
            tcp::acceptor probe(io, {asio::ip::make_address("127.0.0.1"), 0});
            closedPort = probe.local_endpoint().port();
        }
        answer = client.get("http://127.0.0.1:" + std::to_string(closedPort) + "/metrics").get();
        QVERIFY2(answer.error.find("cannot connect to 127.0.0.1:" + std::to_string(closedPort)) == 0,
                 answer.error.c_str());
        QCOMPARE(answer.attempts, 3);
        QVERIFY(answer.error.find("s3cret") == std::string::npos);
    }
};

QTEST_GUILESS_MAIN(HttpClientTest)
#include "tst_http_client.moc"
