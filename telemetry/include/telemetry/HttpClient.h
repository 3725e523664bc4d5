// The HTTP client the telemetry sources use (Boost.Asio + Beast 1.74, on a thread of its own): GET
// with keep-alive connections per host, `Accept-Encoding: gzip` (zlib), a timeout for connecting and
// one for each request, a cap on the response size (the decompressed body too) and one budget for all
// responses being read at once, redirects up to a limit, retries with exponential backoff and jitter
// for network errors, 5xx and 429 (each told as it starts), and bearer or basic authentication, and
// https with OpenSSL (the peer's certificate verified against the system's roots, or a CA file, and its
// name, unless verification is turned off for a source). Credentials go into the request headers only:
// never into errors or logs.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <string>

namespace twin::telemetry {

// A try that failed and is about to be repeated, told as it happens (a source that never answers
// would otherwise look like "connecting" for the whole minute that all its tries take).
struct HttpRetry {
    std::string url;
    // "no answer for 15 s", "no connection within 3 s", "cannot connect to ...", "HTTP 503"
    std::string reason;
    int failedAttempt = 0;              // from 1
    int attempts = 0;                   // in all
    std::chrono::milliseconds delay{0}; // before the next try
    // "no answer for 15 s, retrying (attempt 2 of 4)"
    std::string describe() const;
};

struct HttpClientOptions {
    std::chrono::milliseconds connectTimeout{3000};
    std::chrono::milliseconds requestTimeout{15000}; // sending the request and reading the whole answer
    // One response's body (decompressed too): the biggest a site sends is Prometheus's answer for every
    // GPU, about 35 MB of JSON for 100,000 GPUs and 70 MB for 200,000 (an exporter shard: 5 to 10 MB).
    std::size_t maxResponseBytes = std::size_t(128) << 20;
    // All responses being read at once, together (buffers as allocated, a compressed body and its
    // inflated copy both): a response that would take more fails, "response from URL exceeds the 256 MB
    // budget for responses in flight", rather than the process growing by a cap per request.
    std::size_t maxBytesInFlight = std::size_t(256) << 20;
    int maxAttempts = 4;
    std::chrono::milliseconds backoffBase{250}; // doubled per retry, then 50-150 % jitter
    std::chrono::milliseconds backoffMax{8000};
    int maxRedirects = 5;
    bool acceptGzip = true;
    std::string bearerToken;
    std::string basicUser, basicPassword;
    bool verifyPeer = true; // https: the certificate must be valid and for the host
    std::string caFile;     // https: a PEM file of extra trusted certificates (a site's own CA)
    // Runs on the client's thread before each retry's wait; never with a secret in it.
    std::function<void(const HttpRetry&)> onRetry;
};

struct HttpResponse {
    int status = 0;   // 0 when no response arrived
    std::string body; // decompressed
    std::string contentType;
    int attempts = 0;
    std::string error; // empty when a response arrived (whatever its status)
    bool ok() const { return error.empty() && status >= 200 && status < 300; }
};

class HttpClient {
public:
    explicit HttpClient(HttpClientOptions options = {});
    ~HttpClient(); // requests still running end with the error "client stopped"
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // `done` runs on the client's thread.
    void get(const std::string& url, std::function<void(HttpResponse)> done);
    std::future<HttpResponse> get(const std::string& url);
    // A POST with an empty body (a simulator's fault injection); sent once, never retried.
    std::future<HttpResponse> post(const std::string& url);

    // Connections opened so far (keep-alive reuses them), for tests and the status panel.
    std::size_t connectionsOpened() const;
    // Bytes held now for responses being read (maxBytesInFlight bounds it), and the most ever held.
    std::size_t bytesInFlight() const;
    std::size_t peakBytesInFlight() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace twin::telemetry
