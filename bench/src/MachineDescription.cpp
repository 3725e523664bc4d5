#include "bench/MachineDescription.h"

#include <QFile>
#include <QThread>

namespace twin::bench {

namespace {

QString cpuModel() {
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    if (!cpuinfo.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown CPU");
    // /proc files report size 0, so QFile::atEnd() is true at once: read it whole instead.
    const QList<QByteArray> lines = cpuinfo.readAll().split('\n');
    for (const QByteArray& line : lines) {
        if (line.startsWith("model name")) {
            const qsizetype colon = line.indexOf(':');
            return QString::fromLatin1(line.mid(colon + 1)).simplified();
        }
    }
    return QStringLiteral("unknown CPU");
}

double memoryGiB() {
    QFile meminfo(QStringLiteral("/proc/meminfo"));
    if (!meminfo.open(QIODevice::ReadOnly))
        return 0.0;
    const QList<QByteArray> fields = meminfo.readLine().simplified().split(' '); // MemTotal: N kB
    return fields.size() >= 2 ? fields[1].toDouble() / (1024.0 * 1024.0) : 0.0;
}

} // namespace

QString describeMachine(const QString& openGLRenderer) {
    QString text = QStringLiteral("%1, %2 cores, %3 GiB")
                       .arg(cpuModel())
                       .arg(QThread::idealThreadCount())
                       .arg(memoryGiB(), 0, 'f', 1);
    if (!openGLRenderer.isEmpty())
        text += QStringLiteral(", OpenGL: ") + openGLRenderer;
    return text;
}

} // namespace twin::bench
