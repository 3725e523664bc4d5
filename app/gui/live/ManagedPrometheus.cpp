#include "gui/live/ManagedPrometheus.h"

#include "gui/document/ModelKey.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace twin::app {

namespace {

constexpr int kStopWaitMs = 5000;
constexpr qsizetype kKeptOutputBytes = 4096;
constexpr int kNiceness = 10;

// A port nobody listens on now: bind to port 0 on 127.0.0.1 and read what the kernel chose. (Another
// process could take it before prometheus binds; prometheus then exits and says so.)
std::uint16_t freeLoopbackPort() {
    const int probe = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (probe < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    std::uint16_t port = 0;
    if (::bind(probe, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        ::getsockname(probe, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(probe);
    return port;
}

} // namespace

QString ManagedPrometheus::executable() {
    return QStandardPaths::findExecutable(QStringLiteral("prometheus"));
}

QString prometheusDataDirectory(const QString& modelPath) {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation))
        .filePath(QStringLiteral("colossus-twin/prometheus/") + modelFileKey(modelPath));
}

ManagedPrometheus::ManagedPrometheus(const std::string& configYaml, const QString& dataDirectory,
                                     QObject* parent)
    : QObject(parent) {
    const QString binary = executable();
    port_ = freeLoopbackPort();
    if (binary.isEmpty() || !directory_.isValid() || port_ == 0)
        return;
    dataDirectory_ = dataDirectory.isEmpty() ? directory_.filePath(QStringLiteral("tsdb")) : dataDirectory;
    if (!QDir().mkpath(dataDirectory_))
        return;
    QFile config(directory_.filePath(QStringLiteral("prometheus.yml")));
    if (!config.open(QIODevice::WriteOnly) || config.write(configYaml.data(), qint64(configYaml.size())) < 0)
        return;
    config.close();
    process_.setProcessChannelMode(QProcess::MergedChannels);
    connect(&process_, &QProcess::readyRead, this, [this] {
        output_ += process_.readAll();
        if (output_.size() > kKeptOutputBytes)
            output_ = output_.right(kKeptOutputBytes);
    });
    connect(&process_, &QProcess::finished, this, [this](int code, QProcess::ExitStatus) {
        emit exited(tr("prometheus exited (%1): %2").arg(code).arg(lastOutput()));
    });
    // Dies with us: a crash of the window must not leave a server running. And yields to us: on a
    // workstation without a GPU the view's software rasteriser wants every core, and a scrape that
    // waits a few milliseconds costs nothing (bench live: fewer slow frames while it ingests).
    process_.setChildProcessModifier([] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        ::setpriority(PRIO_PROCESS, 0, kNiceness);
    });
    process_.start(binary, {QStringLiteral("--config.file=") + config.fileName(),
                            QStringLiteral("--storage.tsdb.path=") + dataDirectory_,
                            QStringLiteral("--storage.tsdb.retention.time=2d"),
                            QStringLiteral("--storage.tsdb.retention.size=2GB"),
                            QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port_),
                            QStringLiteral("--log.level=warn")});
    process_.waitForStarted();
}

ManagedPrometheus::~ManagedPrometheus() {
    if (process_.state() == QProcess::NotRunning)
        return;
    disconnect(&process_, nullptr, this, nullptr);
    process_.terminate();
    if (!process_.waitForFinished(kStopWaitMs))
        process_.kill();
    process_.waitForFinished();
}

bool ManagedPrometheus::started() const {
    return process_.state() == QProcess::Running;
}

QString ManagedPrometheus::endpoint() const {
    return QStringLiteral("http://127.0.0.1:%1").arg(port_);
}

QString ManagedPrometheus::lastOutput() const {
    const QList<QByteArray> lines = output_.trimmed().split('\n');
    return QString::fromUtf8(lines.isEmpty() ? QByteArray() : lines.back());
}

} // namespace twin::app
