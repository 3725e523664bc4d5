#include "telemetry/HttpClient.h"

#include "ResponseBudget.h"

// First: Boost 1.74's asio/awaitable.hpp uses std::exchange without including <utility>.
// clang-format off
#include <utility>
// clang-format on

#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl/rfc2818_verification.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <cstdio>
#include <fcntl.h>
#include <map>
#include <optional>
#include <random>
#include <thread>
#include <zlib.h>

namespace twin::telemetry {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

struct Url {
    bool secure = false; // https
    std::string host;
    std::string port;
    std::string target;
    std::string hostPort() const { return host + ":" + port; }
    std::string origin() const { return (secure ? "https://" : "http://") + hostPort(); }
};

// http[s]://host[:port][/path[?query]]; an error message instead when it is not that.
std::optional<Url> parseUrl(const std::string& url, std::string& error) {
    constexpr std::string_view kHttp = "http://", kHttps = "https://";
    std::string_view rest(url);
    Url parsed;
    if (rest.substr(0, kHttps.size()) == kHttps) {
        parsed.secure = true;
        rest.remove_prefix(kHttps.size());
    } else if (rest.substr(0, kHttp.size()) == kHttp) {
        rest.remove_prefix(kHttp.size());
    } else {
        error = "not an http:// or https:// URL: " + url;
        return std::nullopt;
    }
    const std::size_t slash = rest.find('/');
    std::string_view authority = rest.substr(0, slash);
    parsed.target = slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
    if (authority.find('@') != std::string_view::npos) {
        error = "credentials belong in the source's settings, not in its URL";
        return std::nullopt;
    }
    const std::size_t colon = authority.rfind(':');
    parsed.host = std::string(authority.substr(0, colon));
    parsed.port = colon == std::string_view::npos ? (parsed.secure ? "443" : "80")
                                                  : std::string(authority.substr(colon + 1));
    if (parsed.host.empty() || parsed.port.empty() ||
        parsed.port.find_first_not_of("0123456789") != std::string::npos) {
        error = "not an http[s]://host:port URL: " + url;
        return std::nullopt;
    }
    return parsed;
}

std::string base64(std::string_view text) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < text.size(); i += 3) {
        const std::uint32_t n = std::uint32_t(std::uint8_t(text[i])) << 16 |
                                std::uint32_t(std::uint8_t(text[i + 1])) << 8 | std::uint8_t(text[i + 2]);
        for (int shift : {18, 12, 6, 0})
            out += kAlphabet[(n >> shift) & 63];
    }
    if (i + 1 == text.size()) {
        const std::uint32_t n = std::uint32_t(std::uint8_t(text[i])) << 16;
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        out += "==";
    } else if (i + 2 == text.size()) {
        const std::uint32_t n =
            std::uint32_t(std::uint8_t(text[i])) << 16 | std::uint32_t(std::uint8_t(text[i + 1])) << 8;
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        out += kAlphabet[(n >> 6) & 63];
        out += '=';
    }
    return out;
}

// "128 MB", "1.5 MB": sizes in errors (MB of 2^20 bytes, as the caps are set).
std::string megabytes(std::size_t bytes) {
    const std::size_t mb = std::size_t(1) << 20;
    if (bytes % mb == 0)
        return std::to_string(bytes / mb) + " MB";
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", double(bytes) / double(mb));
    return text;
}

// Inflates a gzip body, refusing to grow past `limit` (a small body may unpack to gigabytes) or past
// what `lease` may hold (the compressed body and the inflated one, both in memory meanwhile). `error`
// is a reason without the URL: "exceeds ..." for the caller to prefix, or the body's fault.
bool gunzip(const std::string& compressed, std::size_t limit, BudgetLease& lease, std::string& out,
            std::string& error) {
    z_stream stream{};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) {
        error = "cannot start gzip decompression";
        return false;
    }
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    stream.avail_in = uInt(compressed.size());
    out.clear();
    char chunk[1 << 16];
    int result = Z_OK;
    while (result != Z_STREAM_END) {
        stream.next_out = reinterpret_cast<Bytef*>(chunk);
        stream.avail_out = sizeof chunk;
        result = inflate(&stream, Z_NO_FLUSH);
        if (result != Z_OK && result != Z_STREAM_END) {
            error = "invalid gzip body";
            break;
        }
        if (!lease.reserve(out, sizeof chunk - stream.avail_out, compressed.capacity())) {
            error = "budget";
            break;
        }
        out.append(chunk, sizeof chunk - stream.avail_out);
        if (out.size() > limit) {
            error = "exceeds " + megabytes(limit) + " once decompressed";
            break;
        }
        if (result == Z_OK && stream.avail_in == 0 && stream.avail_out != 0) {
            error = "gzip body ends early";
            break;
        }
    }
    inflateEnd(&stream);
    return error.empty();
}

// "15 s", "0.4 s", "1.5 s": how long a timeout waited, as a person says it.
std::string duration(std::chrono::milliseconds span) {
    const auto ms = span.count();
    if (ms % 1000 == 0)
        return std::to_string(ms / 1000) + " s";
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", double(ms) / 1000.0);
    return text;
}

bool retryable(const HttpResponse& response) {
    if (!response.error.empty())
        return response.status == 0; // network trouble; a refused URL or a size cap would not change
    return response.status >= 500 || response.status == 429;
}

} // namespace

// A kept-alive connection: plain, or TLS over the same kind of TCP stream.
struct Connection {
    std::unique_ptr<beast::tcp_stream> plain;
    std::unique_ptr<beast::ssl_stream<beast::tcp_stream>> secure;
    beast::tcp_stream& tcp() { return secure ? beast::get_lowest_layer(*secure) : *plain; }
};

// The most one read of a body adds to it beyond what the buffer already holds (Beast reads 64 KB at most).
constexpr std::size_t kReadPiece = 64 * 1024;

// Sends the request and reads the answer's head, then (unless it declares too much) its body, a
// piece at a time, holding what its buffers take in `lease`: past the budget it stops, the error
// body_limit and the lease refused().
template <class Stream>
asio::awaitable<beast::error_code>
exchange(Stream& stream, const http::request<http::empty_body>& request, beast::flat_buffer& buffer,
         http::response_parser<http::string_body>& parser, std::size_t cap, BudgetLease& lease) {
    beast::error_code error;
    co_await http::async_write(stream, request, asio::redirect_error(asio::use_awaitable, error));
    if (!error)
        co_await http::async_read_header(stream, buffer, parser,
                                         asio::redirect_error(asio::use_awaitable, error));
    // A declared length over the cap, or over what the budget has left, is refused before a byte of
    // the body is read (the body is reserved at that length as reading starts).
    if (!error && parser.content_length() && *parser.content_length() > cap)
        error = http::error::body_limit;
    if (!error && parser.content_length() && !lease.holdExactly(buffer.capacity() + *parser.content_length()))
        error = http::error::body_limit;
    while (!error && !parser.is_done()) {
        // Of a body of unknown length (chunked, or up to the end), room for what one read can add (at
        // most the buffer's worth) is made here under the budget so that the body never doubles on its
        // own (a declared length was reserved whole). Capacities, not sizes: what is really allocated.
        if (!parser.content_length() &&
            !lease.reserve(parser.get().body(), kReadPiece + buffer.capacity(), buffer.capacity())) {
            error = http::error::body_limit;
            break;
        }
        co_await http::async_read_some(stream, buffer, parser,
                                       asio::redirect_error(asio::use_awaitable, error));
        if (!error && !lease.holdExactly(buffer.capacity() + parser.get().body().capacity()))
            error = http::error::body_limit;
    }
    co_return error;
}

struct HttpClient::Private {
    HttpClientOptions options;
    asio::io_context io;
    asio::executor_work_guard<asio::io_context::executor_type> work{io.get_executor()};
    std::thread thread;
    std::map<std::string, Connection> idle; // kept-alive, by origin
    asio::ssl::context tls{asio::ssl::context::tls_client};
    std::string tlsSetupError; // a CA file that could not be read: every https request says so
    std::atomic<std::size_t> opened{0};
    std::mt19937_64 random{std::random_device{}()};
    std::unique_ptr<ResponseBudget> budget; // every response being read, together

    // One request, following redirects; no retries here. `why` gets a short reason a retry can give
    // ("no answer for 15 s") where the error itself is the final word ("timed out waiting for URL").
    asio::awaitable<HttpResponse> once(std::string url, http::verb verb, std::string& why) {
        HttpResponse response;
        for (int redirects = 0;; ++redirects) {
            const std::optional<Url> parsed = parseUrl(url, response.error);
            if (!parsed) {
                response.status = -1; // not retryable
                co_return response;
            }
            if (parsed->secure && !tlsSetupError.empty()) {
                response.status = -1;
                response.error = tlsSetupError;
                co_return response;
            }
            Connection connection;
            if (auto kept = idle.find(parsed->origin()); kept != idle.end()) {
                connection = std::move(kept->second);
                idle.erase(kept);
            }
            const bool reused = connection.plain || connection.secure;
            if (!reused) {
                auto stream = std::make_unique<beast::tcp_stream>(io);
                tcp::resolver resolver(io);
                beast::error_code resolveError;
                const auto endpoints = co_await resolver.async_resolve(
                    parsed->host, parsed->port, asio::redirect_error(asio::use_awaitable, resolveError));
                if (resolveError) {
                    response.error = "cannot resolve " + parsed->host + ": " + resolveError.message();
                    co_return response;
                }
                stream->expires_after(options.connectTimeout);
                beast::error_code connectError;
                co_await stream->async_connect(endpoints,
                                               asio::redirect_error(asio::use_awaitable, connectError));
                if (connectError) {
                    why = connectError == beast::error::timeout
                              ? "no connection within " + duration(options.connectTimeout)
                              : std::string();
                    response.error =
                        (connectError == beast::error::timeout ? "timed out connecting to "
                                                               : "cannot connect to ") +
                        parsed->hostPort() +
                        (connectError == beast::error::timeout ? "" : ": " + connectError.message());
                    co_return response;
                }
                ::fcntl(stream->socket().native_handle(), F_SETFD, FD_CLOEXEC); // not for child processes
                ++opened;
                if (parsed->secure) {
                    connection.secure =
                        std::make_unique<beast::ssl_stream<beast::tcp_stream>>(std::move(*stream), tls);
                    // The server's name for SNI, and the certificate must be for it (verification is on
                    // unless the source turned it off).
                    SSL_set_tlsext_host_name(connection.secure->native_handle(), parsed->host.c_str());
                    connection.secure->set_verify_callback(asio::ssl::rfc2818_verification(parsed->host));
                    beast::error_code handshakeError;
                    co_await connection.secure->async_handshake(
                        asio::ssl::stream_base::client,
                        asio::redirect_error(asio::use_awaitable, handshakeError));
                    if (handshakeError) {
                        response.status = -1; // a certificate does not fix itself on retry
                        response.error = "TLS handshake with " + parsed->hostPort() +
                                         " failed: " + handshakeError.message();
                        co_return response;
                    }
                } else {
                    connection.plain = std::move(stream);
                }
            }
            http::request<http::empty_body> request{verb, parsed->target, 11};
            request.prepare_payload(); // a POST says Content-Length: 0
            request.set(http::field::host, parsed->host);
            request.set(http::field::user_agent, "colossus-twin");
            if (options.acceptGzip)
                request.set(http::field::accept_encoding, "gzip");
            if (!options.bearerToken.empty())
                request.set(http::field::authorization, "Bearer " + options.bearerToken);
            else if (!options.basicUser.empty())
                request.set(http::field::authorization,
                            "Basic " + base64(options.basicUser + ":" + options.basicPassword));
            request.keep_alive(true);
            connection.tcp().expires_after(options.requestTimeout);
            BudgetLease lease(*budget); // before the buffers: given back after they are freed
            beast::flat_buffer buffer;
            http::response_parser<http::string_body> parser;
            parser.header_limit(64 * 1024);
            parser.body_limit(options.maxResponseBytes);
            const beast::error_code readError =
                connection.secure ? co_await exchange(*connection.secure, request, buffer, parser,
                                                      options.maxResponseBytes, lease)
                                  : co_await exchange(*connection.plain, request, buffer, parser,
                                                      options.maxResponseBytes, lease);
            if (readError && reused && !parser.is_header_done()) {
                // The server closed a kept-alive connection while it sat idle: once more on a new one.
                --redirects;
                continue;
            }
            if (readError) {
                if (readError == beast::error::timeout)
                    why = "no answer for " + duration(options.requestTimeout);
                if (readError == http::error::body_limit)
                    response.status = -1; // not retryable
                response.error =
                    readError == beast::error::timeout                        ? "timed out waiting for " + url
                    : readError == http::error::body_limit && lease.refused() ? overBudget(url)
                    : readError == http::error::body_limit
                        ? "response from " + url + " exceeds " + megabytes(options.maxResponseBytes)
                        : "no complete response from " + parsed->hostPort() + ": " + readError.message();
                co_return response;
            }
            auto message = parser.release();
            if (message.keep_alive())
                idle[parsed->origin()] = std::move(connection);
            const int status = int(message.result_int());
            if (status >= 300 && status < 400 && message.count(http::field::location)) {
                if (redirects >= options.maxRedirects) {
                    response.status = -1;
                    response.error = "too many redirects (more than " + std::to_string(options.maxRedirects) +
                                     ") from " + url;
                    co_return response;
                }
                const std::string location(message[http::field::location]);
                url = location.front() == '/' ? parsed->origin() + location : location;
                continue;
            }
            response.status = status;
            response.contentType = std::string(message[http::field::content_type]);
            if (message[http::field::content_encoding] == "gzip") {
                std::string why;
                if (!gunzip(message.body(), options.maxResponseBytes, lease, response.body, why)) {
                    response.status = -1;
                    response.error = lease.refused()              ? overBudget(url)
                                     : why.starts_with("exceeds") ? "response from " + url + " " + why
                                                                  : why;
                    response.body.clear();
                    co_return response;
                }
            } else {
                response.body = std::move(message.body());
            }
            co_return response;
        }
    }

    std::string overBudget(const std::string& url) const {
        return "response from " + url + " exceeds the " + megabytes(budget->limit()) +
               " budget for responses in flight (" + megabytes(budget->inFlight()) + " held by others)";
    }

    asio::awaitable<HttpResponse> withRetries(std::string url, http::verb verb) {
        HttpResponse response;
        // A POST changes something at the server: it is sent once, never repeated on a failure.
        const int attempts = verb == http::verb::get ? std::max(1, options.maxAttempts) : 1;
        for (int attempt = 1; attempt <= attempts; ++attempt) {
            std::string why;
            response = co_await once(url, verb, why);
            response.attempts = attempt;
            if (!retryable(response) || attempt == attempts)
                break;
            const double base =
                std::min<double>(double(options.backoffMax.count()),
                                 double(options.backoffBase.count()) * double(1 << (attempt - 1)));
            const double jitter = std::uniform_real_distribution<double>(0.5, 1.5)(random);
            const std::chrono::milliseconds delay(std::int64_t(base * jitter));
            if (options.onRetry) {
                HttpRetry retry{url, why, attempt, attempts, delay};
                if (retry.reason.empty())
                    retry.reason =
                        response.error.empty() ? "HTTP " + std::to_string(response.status) : response.error;
                options.onRetry(retry);
            }
            asio::steady_timer wait(io, delay);
            co_await wait.async_wait(asio::use_awaitable);
        }
        if (response.status < 0)
            response.status = 0;
        co_return response;
    }
};

std::string HttpRetry::describe() const {
    return reason + ", retrying (attempt " + std::to_string(failedAttempt + 1) + " of " +
           std::to_string(attempts) + ")";
}

HttpClient::HttpClient(HttpClientOptions options) : d(std::make_unique<Private>()) {
    d->options = std::move(options);
    d->budget = std::make_unique<ResponseBudget>(d->options.maxBytesInFlight);
    beast::error_code error;
    d->tls.set_default_verify_paths(error);
    if (!d->options.caFile.empty())
        d->tls.load_verify_file(d->options.caFile, error);
    if (error)
        d->tlsSetupError = "cannot read the CA file " + d->options.caFile + ": " + error.message();
    d->tls.set_verify_mode(d->options.verifyPeer ? asio::ssl::verify_peer : asio::ssl::verify_none);
    d->thread = std::thread([this] { d->io.run(); });
}

HttpClient::~HttpClient() {
    d->work.reset();
    asio::post(d->io, [this] {
        d->idle.clear();
        d->io.stop();
    });
    d->thread.join();
}

void HttpClient::get(const std::string& url, std::function<void(HttpResponse)> done) {
    asio::co_spawn(d->io, d->withRetries(url, http::verb::get),
                   [done = std::move(done)](std::exception_ptr failure, HttpResponse response) {
                       if (failure) {
                           response = {};
                           response.error = "client stopped";
                       }
                       done(std::move(response));
                   });
}

std::future<HttpResponse> HttpClient::get(const std::string& url) {
    auto promise = std::make_shared<std::promise<HttpResponse>>();
    std::future<HttpResponse> future = promise->get_future();
    get(url, [promise](HttpResponse response) { promise->set_value(std::move(response)); });
    return future;
}

std::future<HttpResponse> HttpClient::post(const std::string& url) {
    auto promise = std::make_shared<std::promise<HttpResponse>>();
    std::future<HttpResponse> future = promise->get_future();
    asio::co_spawn(d->io, d->withRetries(url, http::verb::post),
                   [promise](std::exception_ptr failure, HttpResponse response) {
                       if (failure) {
                           response = {};
                           response.error = "client stopped";
                       }
                       promise->set_value(std::move(response));
                   });
    return future;
}

std::size_t HttpClient::connectionsOpened() const {
    return d->opened;
}

std::size_t HttpClient::bytesInFlight() const {
    return d->budget->inFlight();
}

std::size_t HttpClient::peakBytesInFlight() const {
    return d->budget->peak();
}

} // namespace twin::telemetry
