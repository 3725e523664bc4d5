// A tiny HTTP server for tests, on 127.0.0.1 (a free port): each accepted connection goes to `serve` on a
// thread of its own, which reads and writes the raw bytes it likes (well-behaved, stalling, endless,
// an HTML login page...). Header-only; Boost.Asio, blocking calls.
#pragma once

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace twin::testing {

class ScriptedServer {
public:
    using Socket = boost::asio::ip::tcp::socket;
    using Serve = std::function<void(Socket&, int connection)>;
    explicit ScriptedServer(Serve serve)
        : serve_(std::move(serve)), acceptor_(io_, {boost::asio::ip::make_address("127.0.0.1"), 0}) {
        thread_ = std::thread([this] {
            for (;;) {
                Socket socket(io_);
                boost::system::error_code error;
                acceptor_.accept(socket, error);
                if (error || stopping_)
                    return;
                const int connection = ++connections_;
                workers_.emplace_back(
                    [this, connection, s = std::move(socket)]() mutable { serve_(s, connection); });
            }
        });
    }
    ~ScriptedServer() {
        stopping_ = true;
        boost::system::error_code ignored;
        Socket poke(io_);
        poke.connect(acceptor_.local_endpoint(), ignored); // wakes the blocking accept
        thread_.join();
        for (std::thread& worker : workers_)
            worker.join();
    }
    ScriptedServer(const ScriptedServer&) = delete;
    ScriptedServer& operator=(const ScriptedServer&) = delete;

    std::string url(const std::string& path = "/metrics") const {
        return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()) + path;
    }
    int connections() const { return connections_; }
    bool stopping() const { return stopping_; } // for `serve` loops that would otherwise never end

private:
    Serve serve_;
    boost::asio::io_context io_;
    boost::asio::ip::tcp::acceptor acceptor_;
    std::thread thread_;
    std::vector<std::thread> workers_;
    std::atomic<int> connections_{0};
    std::atomic<bool> stopping_{false};
};

// Reads one request's head; empty when the client went away.
inline std::string readRequest(ScriptedServer::Socket& socket) {
    boost::asio::streambuf buffer;
    boost::system::error_code error;
    boost::asio::read_until(socket, buffer, "\r\n\r\n", error);
    if (error)
        return {};
    return std::string(boost::asio::buffers_begin(buffer.data()), boost::asio::buffers_end(buffer.data()));
}

// Writes all of `bytes`; false once the client has gone.
inline bool send(ScriptedServer::Socket& socket, const std::string& bytes) {
    boost::system::error_code error;
    boost::asio::write(socket, boost::asio::buffer(bytes), error);
    return !error;
}

inline std::string response(int status, const std::string& body, const std::string& extraHeaders = {},
                            const std::string& contentType = "text/plain") {
    return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\nContent-Type: " + contentType + "\r\n" + extraHeaders + "\r\n" + body;
}

} // namespace twin::testing
