// Reading an Ogg Theora file for tests: what it says of itself. Header-only.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QSize>
#include <QString>

// What an Ogg Theora file says of itself: the picture size and frame rate in the identification header,
// and the frame count in the last page's granule position (keyframe number and frames since it).
struct TheoraStream {
    QSize size;
    double framesPerSecond = 0;
    int frames = 0;
};

inline TheoraStream readTheora(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray data = file.readAll();
    const qsizetype header = data.indexOf(QByteArray("\x80theora", 7));
    const qsizetype lastPage = data.lastIndexOf("OggS");
    if (header < 0 || lastPage < 0 || data.size() < header + 42 || data.size() < lastPage + 14)
        return {};
    auto bigEndian = [&](qsizetype at, int bytes) {
        quint64 value = 0;
        for (int i = 0; i < bytes; ++i)
            value = (value << 8) | quint8(data[at + i]);
        return value;
    };
    TheoraStream stream;
    stream.size = QSize(int(bigEndian(header + 14, 3)), int(bigEndian(header + 17, 3)));
    stream.framesPerSecond = double(bigEndian(header + 22, 4)) / double(bigEndian(header + 26, 4));
    const int shift = ((quint8(data[header + 40]) & 3) << 3) | (quint8(data[header + 41]) >> 5);
    quint64 granule = 0;
    for (int i = 7; i >= 0; --i)
        granule = (granule << 8) | quint8(data[lastPage + 6 + i]);
    stream.frames = int((granule >> shift) + (granule & ((quint64(1) << shift) - 1)));
    return stream;
}
