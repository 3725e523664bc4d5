// The text metrics-check reads, from whatever it is given: a regular file is mapped (a 100,000-GPU
// scrape is over 100 MB and a copy would cost more than the parse), anything else (standard input as
// "-", a pipe, <(...), a /proc file, a device) is read as a stream up to mostStreamBytes(). A mapped
// file that shrinks while it is read (another process truncating it) ends the process with exit 1 and
// "FILE: the file shrank while it was read" rather than SIGBUS.
#pragma once

#include <QString>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace twin::app {

class ExpositionInput {
public:
    // A stream longer than this is no scrape (a 200,000-GPU dcgm-exporter text is about 240 MB).
    static constexpr std::size_t kMostStreamBytes = std::size_t(512) << 20;

    // `afterMapping` runs between mapping a file and reading it: where a test truncates it, as another
    // process could at that moment.
    explicit ExpositionInput(const QString& path, const std::function<void()>& afterMapping = {},
                             std::size_t mostStreamBytes = kMostStreamBytes);
    ~ExpositionInput();
    ExpositionInput(const ExpositionInput&) = delete;
    ExpositionInput& operator=(const ExpositionInput&) = delete;

    // Empty when the input was read; else the problem, to follow "FILE: ".
    const QString& error() const { return error_; }
    std::string_view text() const { return text_; }
    // After the parse: empty, or the problem when a mapped file changed size while it was read.
    QString changedSinceRead() const;

private:
    void map(int fd, std::size_t size);
    void readStream(int fd, std::size_t mostBytes);

    QString path_, error_;
    std::string_view text_;
    std::string streamed_;
    void* mapped_ = nullptr;
    std::size_t mappedBytes_ = 0;
    int fd_ = -1;
};

} // namespace twin::app
