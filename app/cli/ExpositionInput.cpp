#include "cli/ExpositionInput.h"

#include <QFile>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace twin::app {

namespace {

// What the SIGBUS handler needs, set before the mapping is read: the mapped range and the line to
// print. Plain data, so that the handler touches nothing that is not async-signal-safe.
struct MappingGuard {
    std::atomic<bool> reported{false}; // the parser's threads may all fault: one line, from the first
    const char* begin = nullptr;
    const char* end = nullptr;
    char message[4096] = {};
    std::size_t messageBytes = 0;
    struct sigaction previous {};
};
MappingGuard guard;

void onBusError(int signal, siginfo_t* info, void* context) {
    const char* address = static_cast<const char*>(info->si_addr);
    if (address >= guard.begin && address < guard.end) {
        // The file is shorter than when it was mapped: its pages beyond the new end are gone.
        if (!guard.reported.exchange(true)) {
            [[maybe_unused]] const ssize_t written =
                ::write(STDERR_FILENO, guard.message, guard.messageBytes);
            ::_exit(1);
        }
        for (;;) // another thread is printing the line and exiting
            ::pause();
    }
    // Not ours: what would have happened without this handler.
    ::sigaction(SIGBUS, &guard.previous, nullptr);
    if (guard.previous.sa_flags & SA_SIGINFO && guard.previous.sa_sigaction)
        guard.previous.sa_sigaction(signal, info, context);
    else
        ::raise(SIGBUS);
}

QString systemError() {
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

ExpositionInput::ExpositionInput(const QString& path, const std::function<void()>& afterMapping,
                                 std::size_t mostStreamBytes)
    : path_(path) {
    const bool standardInput = path == QLatin1String("-");
    fd_ = standardInput ? ::dup(STDIN_FILENO)
                        : ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    struct stat status {};
    if (fd_ < 0 || ::fstat(fd_, &status) != 0) {
        error_ = systemError();
        return;
    }
    if (S_ISDIR(status.st_mode)) {
        error_ = QStringLiteral("is a directory");
        return;
    }
    // Only a regular file's size says how much there is to read: /proc files say 0, pipes and devices
    // say nothing, and a regular file of size 0 may still have content (/proc, /sys).
    // Standard input redirected from a file may have been read from already: map only from the start.
    if (S_ISREG(status.st_mode) && status.st_size > 0 && ::lseek(fd_, 0, SEEK_CUR) == 0) {
        map(fd_, std::size_t(status.st_size));
        if (mapped_ && afterMapping)
            afterMapping();
    } else {
        readStream(fd_, mostStreamBytes);
    }
}

ExpositionInput::~ExpositionInput() {
    if (mapped_) {
        ::munmap(mapped_, mappedBytes_);
        guard.begin = guard.end = nullptr;
        ::sigaction(SIGBUS, &guard.previous, nullptr);
    }
    if (fd_ >= 0)
        ::close(fd_);
}

void ExpositionInput::map(int fd, std::size_t size) {
    // Its pages are not populated up front: the parser's threads fault in their own parts side by side,
    // which measured faster than one MAP_POPULATE.
    void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (mapped == MAP_FAILED) {
        error_ = systemError();
        return;
    }
    mapped_ = mapped;
    mappedBytes_ = size;
    text_ = std::string_view(static_cast<const char*>(mapped), size);

    const QByteArray line =
        QStringLiteral(
            "colossus-twin: %1: the file shrank while it was read (another process truncated it)\n")
            .arg(path_)
            .toUtf8()
            .left(int(sizeof guard.message));
    std::memcpy(guard.message, line.constData(), std::size_t(line.size()));
    guard.messageBytes = std::size_t(line.size());
    guard.begin = text_.data();
    guard.end = text_.data() + text_.size();
    struct sigaction action {};
    action.sa_sigaction = onBusError;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGBUS, &action, &guard.previous);
}

void ExpositionInput::readStream(int fd, std::size_t mostBytes) {
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            error_ = systemError();
            return;
        }
        if (n == 0)
            break;
        if (streamed_.size() + std::size_t(n) > mostBytes) {
            error_ = QStringLiteral("more than %1 MB without an end; not an exposition text")
                         .arg(double(mostBytes) / double(1 << 20));
            streamed_.clear();
            return;
        }
        streamed_.append(buffer, std::size_t(n));
    }
    text_ = streamed_;
}

QString ExpositionInput::changedSinceRead() const {
    struct stat status {};
    if (!mapped_ || fd_ < 0 || ::fstat(fd_, &status) != 0)
        return {};
    if (std::size_t(status.st_size) != mappedBytes_)
        return QStringLiteral("the file changed size while it was read (%1 bytes, now %2)")
            .arg(mappedBytes_)
            .arg(qint64(status.st_size));
    return {};
}

} // namespace twin::app
