#include "scene/VideoWriter.h"

#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <sys/statvfs.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkOggTheoraWriter.h>
#include <vtkPointData.h>
#include <vtkUnsignedCharArray.h>

namespace twin::scene {

namespace {

// Ogg's page checksum: CRC-32 with polynomial 0x04c11db7, not reflected, over the page with its own
// checksum field read as zero.
std::uint32_t oggChecksum(const char* page, qsizetype length) {
    std::uint32_t crc = 0;
    for (qsizetype i = 0; i < length; ++i) {
        const auto byte = std::uint32_t(quint8(i >= 22 && i < 26 ? 0 : page[i]));
        crc ^= byte << 24;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 0x80000000u) ? (crc << 1) ^ 0x04c11db7u : crc << 1;
    }
    return crc;
}

// vtkOggTheoraWriter does not check its writes: on a full disk it ends "successfully" with a short or
// empty file. A whole Ogg stream ends with a page flagged end-of-stream whose declared length reaches
// exactly to the end of the file and whose checksum holds; anything else was cut short. (Video data
// can hold the bytes "OggS": a candidate whose version or checksum is wrong is no page.)
bool endsWithWholeLastPage(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() < 27)
        return false;
    const qint64 tailBytes = std::min<qint64>(file.size(), 256 * 1024);
    file.seek(file.size() - tailBytes);
    const QByteArray tail = file.read(tailBytes);
    for (qsizetype at = tail.lastIndexOf("OggS"); at >= 0;
         at = at > 0 ? tail.lastIndexOf("OggS", at - 1) : -1) {
        if (tail.size() - at < 27 || tail[at + 4] != 0)
            continue;
        const int segments = quint8(tail[at + 26]);
        if (tail.size() - at < 27 + segments)
            continue;
        qsizetype length = 27 + segments;
        for (int i = 0; i < segments; ++i)
            length += quint8(tail[at + 27 + i]);
        if (at + length > tail.size())
            continue;
        std::uint32_t stored = 0;
        for (int i = 3; i >= 0; --i)
            stored = (stored << 8) | quint8(tail[at + 22 + i]);
        if (oggChecksum(tail.constData() + at, length) != stored)
            continue;
        const auto headerType = quint8(tail[at + 5]);
        return (headerType & 0x04) != 0 && at + length == tail.size();
    }
    return false;
}

QString systemReasonForShortFile(const QString& path) {
    struct statvfs space {};
    if (::statvfs(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), &space) == 0 &&
        space.f_bavail == 0)
        return QString::fromLocal8Bit(std::strerror(ENOSPC));
    return QStringLiteral("the video was cut short (a full disk or a file size limit?)");
}

} // namespace

struct VideoWriter::Private {
    vtkNew<vtkImageData> image;
    vtkNew<vtkOggTheoraWriter> writer;
    QSize size;
    bool started = false, ended = false;
};

VideoWriter::VideoWriter(const QString& path, QSize size, int framesPerSecond)
    : d(std::make_unique<Private>()) {
    // Theora codes 4:2:0 in 16-pixel blocks; even sides keep the chroma planes whole.
    d->size = QSize(size.width() & ~1, size.height() & ~1);
    d->image->SetDimensions(d->size.width(), d->size.height(), 1);
    d->image->AllocateScalars(VTK_UNSIGNED_CHAR, 3);
    d->writer->SetInputData(d->image);
    d->writer->SetFileName(QFile::encodeName(path).constData());
    d->writer->SetRate(framesPerSecond);
    d->writer->SetQuality(2); // the best: slides of racks, sharp edges
    d->writer->SetSubsampling(1);
}

VideoWriter::~VideoWriter() {
    finish();
}

bool VideoWriter::addFrame(const QImage& frame) {
    if (!error_.isEmpty() || d->ended)
        return false;
    QImage rgb = frame.convertToFormat(QImage::Format_RGB888);
    if (rgb.size() != d->size)
        rgb = rgb.scaled(d->size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    // VTK's rows run bottom up.
    auto* pixels = static_cast<unsigned char*>(d->image->GetScalarPointer());
    const int rowBytes = d->size.width() * 3;
    for (int y = 0; y < d->size.height(); ++y)
        std::memcpy(pixels + std::size_t(d->size.height() - 1 - y) * std::size_t(rowBytes),
                    rgb.constScanLine(y), std::size_t(rowBytes));
    d->image->Modified();
    if (!d->started) {
        d->writer->Start();
        d->started = true;
    }
    d->writer->Write();
    if (d->writer->GetError()) {
        error_ = QStringLiteral("%1: cannot be written: %2")
                     .arg(QString::fromLocal8Bit(d->writer->GetFileName()),
                          QString::fromLatin1(
                              vtkGenericMovieWriter::GetStringFromErrorCode(d->writer->GetErrorCode())));
        return false;
    }
    ++frames_;
    return true;
}

QString VideoWriter::finish() {
    if (d->started && !d->ended) {
        d->writer->End();
        d->ended = true;
        const QString path = QString::fromLocal8Bit(d->writer->GetFileName());
        if (error_.isEmpty() && !endsWithWholeLastPage(path))
            error_ = QStringLiteral("%1: cannot be written: %2").arg(path, systemReasonForShortFile(path));
    }
    return error_;
}

} // namespace twin::scene
