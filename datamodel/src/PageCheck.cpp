#include "PageCheck.h"

#include "datamodel/FileOutput.h"

#include <cstdlib>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>
#include <vector>

namespace twin::datamodel {

namespace {

constexpr std::size_t kVersionsRemembered = 64;
// A file changed this recently may change again within its timestamps' resolution (a few ms on ext4,
// seconds elsewhere) and keep its key: such a version is checked and not remembered (git's "racily
// clean" rule).
constexpr std::int64_t kSettledSeconds = 2;

// Network and FUSE file systems may serve cached attributes: a key read there proves nothing.
bool onLocalFileSystem(const std::string& path) {
    struct statfs system {};
    if (::statfs(path.c_str(), &system) != 0)
        return false;
    constexpr long kNfs = 0x6969, kSmb = 0x517b, kCifs = 0xff534d42, kSmb2 = 0xfe534d42, kFuse = 0x65735546;
    const long type = long(system.f_type);
    return type != kNfs && type != kSmb && type != kCifs && type != kSmb2 && type != kFuse;
}

// The file (and its write-ahead log) last changed long enough ago for its key to be trusted.
bool settled(const std::string& path) {
    const std::int64_t now = std::int64_t(::time(nullptr));
    for (const std::string& file : {path, path + "-wal"}) {
        struct stat status {};
        if (::stat(file.c_str(), &status) != 0)
            continue;
        if (now - std::int64_t(status.st_mtim.tv_sec) < kSettledSeconds ||
            now - std::int64_t(status.st_ctim.tv_sec) < kSettledSeconds)
            return false;
    }
    return true;
}

std::string cacheFile() {
    if (const char* explicitPath = std::getenv("TWIN_CHECKED_MODELS"); explicitPath && *explicitPath)
        return explicitPath;
    std::string directory;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        directory = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        directory = std::string(home) + "/.cache";
    else
        return {};
    return directory + "/colossus-twin/checked-models";
}

void appendStat(std::ostringstream& key, const std::string& path) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) {
        key << " -";
        return;
    }
    key << ' ' << status.st_dev << ':' << status.st_ino << ':' << status.st_size << ':'
        << status.st_mtim.tv_sec << '.' << status.st_mtim.tv_nsec << ':' << status.st_ctim.tv_sec << '.'
        << status.st_ctim.tv_nsec;
}

// What tells one version of the file from another: the file's identity, size and times, SQLite's
// change counter (header bytes 24-27), and the same of its write-ahead log, whose pages are read too.
std::string versionKey(sqlite::Connection& connection) {
    const std::string& path = connection.path();
    std::ostringstream key;
    appendStat(key, path);
    // Read through SQLite's own descriptor: closing one of our own on the file would drop every POSIX
    // lock this process holds on it, the connection's included, and another process could then
    // checkpoint the write-ahead log away under its reads (seen as "database disk image is malformed").
    unsigned char counter[4] = {};
    sqlite3_file* file = nullptr;
    if (sqlite3_file_control(connection.handle(), "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK ||
        !file || !file->pMethods || file->pMethods->xRead(file, counter, sizeof counter, 24) != SQLITE_OK)
        counter[0] = counter[1] = counter[2] = counter[3] = 0;
    key << " c"
        << ((unsigned(counter[0]) << 24) | (unsigned(counter[1]) << 16) | (unsigned(counter[2]) << 8) |
            unsigned(counter[3]));
    appendStat(key, path + "-wal");
    return key.str();
}

std::vector<std::string> rememberedVersions(const std::string& file) {
    std::vector<std::string> lines;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            lines.push_back(line);
    return lines;
}

void remember(const std::string& file, std::vector<std::string> lines, const std::string& key) {
    lines.push_back(key);
    if (lines.size() > kVersionsRemembered)
        lines.erase(lines.begin(), lines.end() - std::ptrdiff_t(kVersionsRemembered));
    std::string text;
    for (const std::string& line : lines)
        text.append(line).append("\n");
    std::error_code ignored;
    std::filesystem::create_directories(std::filesystem::path(file).parent_path(), ignored);
    writeFileAtomically(file, text); // a cache: when it cannot be written, the next open checks again
}

} // namespace

void checkPagesOnce(sqlite::Connection& connection) {
    const std::string& path = connection.path();
    const std::string file = cacheFile();
    const std::string key = versionKey(connection);
    std::vector<std::string> remembered =
        file.empty() ? std::vector<std::string>() : rememberedVersions(file);
    for (const std::string& line : remembered)
        if (line == key)
            return;

    // One line of problems, however SQLite splits them: the first few say enough. In one read
    // transaction: another process may be writing (the window and a command on one model).
    std::string problems;
    connection.execute("BEGIN");
    try {
        sqlite::Statement check(connection, "PRAGMA quick_check(3)");
        while (check.step()) {
            std::istringstream lines{std::string(check.text(0))};
            for (std::string line; std::getline(lines, line);) {
                if (line == "ok" || line.empty() || line.starts_with("***"))
                    continue;
                problems.append(problems.empty() ? "" : "; ").append(line);
            }
        }
    } catch (...) {
        sqlite3_exec(connection.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
    connection.execute("COMMIT");
    if (!problems.empty())
        throw ModelError(path + ": the file is damaged (SQLite's quick_check: " + problems +
                         "); restore it from a backup or generate it again");
    // Remembered only when the key read before the check still holds after it and can be trusted.
    if (!file.empty() && settled(path) && onLocalFileSystem(path) && versionKey(connection) == key)
        remember(file, std::move(remembered), key);
}

} // namespace twin::datamodel
