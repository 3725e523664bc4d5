#include "scene/VideoWriter.h"

#include <QFile>
#include <cstring>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkOggTheoraWriter.h>
#include <vtkPointData.h>
#include <vtkUnsignedCharArray.h>

namespace twin::scene {

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
        error_ = QStringLiteral("%1: cannot write the video (%2)")
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
    }
    return error_;
}

} // namespace twin::scene
