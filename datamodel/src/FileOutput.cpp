#include "datamodel/FileOutput.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

namespace twin::datamodel {

namespace {

std::string failure(const std::string& path, int error) {
    return path + ": cannot be written: " + std::strerror(error);
}

// Where the bytes really go: an existing symbolic link is followed, so that the rename replaces the
// file it points to rather than the link.
std::string finalTarget(const std::string& path) {
    char resolved[PATH_MAX];
    struct stat status {};
    if (::lstat(path.c_str(), &status) == 0 && S_ISLNK(status.st_mode) && ::realpath(path.c_str(), resolved))
        return resolved;
    return path;
}

// A new hidden file beside `target` (same file system: the rename is atomic). Created with mode 0666
// so that the process's umask applies as to any file the user writes; changing the umask instead
// would race with other threads creating files.
int createTemporaryBeside(const std::string& target, std::string& temporary) {
    const std::filesystem::path path(target);
    const std::string directory = path.has_parent_path() ? path.parent_path().string() : std::string(".");
    std::random_device entropy;
    for (int attempt = 0; attempt < 100; ++attempt) {
        temporary = directory;
        temporary.append("/.").append(path.filename().string()).append(".").append(std::to_string(entropy()));
        const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1;
}

} // namespace

std::string writeFileAtomically(const std::string& path, std::string_view bytes) {
    const std::string target = finalTarget(path);
    std::string temporary;
    const int fd = createTemporaryBeside(target, temporary);
    if (fd < 0)
        return failure(path, errno);
    auto abandon = [&](int error) {
        ::close(fd);
        ::unlink(temporary.c_str());
        return failure(path, error);
    };
    for (std::size_t written = 0; written < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return abandon(n < 0 ? errno : ENOSPC);
        written += std::size_t(n);
    }
    // A file replaced keeps its permissions, as an editor's save does.
    struct stat existing {};
    if (::stat(target.c_str(), &existing) == 0 && ::fchmod(fd, existing.st_mode & 07777) != 0)
        return abandon(errno);
    if (::fsync(fd) != 0)
        return abandon(errno);
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        return failure(path, error);
    }
    if (::rename(temporary.c_str(), target.c_str()) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        return failure(path, error);
    }
    return {};
}

bool sameFile(const std::string& a, const std::string& b) {
    struct stat first {
    }, second{};
    return ::stat(a.c_str(), &first) == 0 && ::stat(b.c_str(), &second) == 0 &&
           first.st_dev == second.st_dev && first.st_ino == second.st_ino;
}

std::string refuseOverwritingModel(const std::string& output, const std::string& model) {
    if (!sameFile(output, model))
        return {};
    return output + ": is the model itself (" + model + "); choose another file";
}

} // namespace twin::datamodel
