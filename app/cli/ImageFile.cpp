#include "cli/ImageFile.h"

#include "datamodel/FileOutput.h"

#include <QBuffer>
#include <QFile>

namespace twin::app {

QString writePng(const QImage& image, const QString& path) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly) || !image.save(&buffer, "PNG"))
        return QStringLiteral("%1: cannot encode the image as PNG").arg(path);
    const std::string error = datamodel::writeFileAtomically(QFile::encodeName(path).toStdString(),
                                                             {bytes.constData(), std::size_t(bytes.size())});
    return QString::fromLocal8Bit(error.c_str());
}

} // namespace twin::app
