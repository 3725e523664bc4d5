// A generated Colossus model made once per test class, and fresh copies of it: each case edits a
// file of its own and none sees another's. Header-only.
#pragma once

#include "importers/ColossusGenerator.h"

#include <QFile>
#include <QString>
#include <QTemporaryDir>

namespace twin::testing {

class ModelCopies {
public:
    // Writes the original: `gpus` GPUs (deterministic for the generator's default seed).
    void generate(std::size_t gpus) {
        original_ = dir_.filePath(QStringLiteral("original.db"));
        importers::GeneratorOptions options;
        options.gpus = gpus;
        importers::generateColossus(original_.toStdString(), options);
    }
    const QString& original() const { return original_; }
    // A copy of the original named `name` in the same directory (replacing one made before).
    QString fresh(const QString& name) const {
        const QString path = dir_.filePath(name);
        QFile::remove(path);
        QFile::copy(original_, path);
        return path;
    }
    // Another file's place in that directory (an image, a text file).
    QString path(const QString& name) const { return dir_.filePath(name); }

private:
    QTemporaryDir dir_;
    QString original_;
};

} // namespace twin::testing
