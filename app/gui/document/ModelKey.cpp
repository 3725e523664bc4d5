#include "gui/document/ModelKey.h"

#include <QCryptographicHash>
#include <QFileInfo>

namespace twin::app {

QString modelFileKey(const QString& modelPath) {
    const QFileInfo file(modelPath);
    const QString canonical = file.canonicalFilePath(); // empty for a file that is not (yet) there
    return QString::fromLatin1(
        QCryptographicHash::hash((canonical.isEmpty() ? file.absoluteFilePath() : canonical).toUtf8(),
                                 QCryptographicHash::Sha256)
            .toHex()
            .left(16));
}

} // namespace twin::app
