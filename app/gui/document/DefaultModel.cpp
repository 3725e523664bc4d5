#include "gui/document/DefaultModel.h"

#include "datamodel/ModelError.h"
#include "importers/ColossusGenerator.h"
#include "view/DefaultTour.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPointer>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

namespace twin::app {

namespace {
constexpr int kDefaultGpus = 100000;
constexpr std::uint64_t kDefaultSeed = 1;
} // namespace

QString defaultModelPath() {
    // By the generator's edition: a newer build makes its own model beside an older one, which it leaves
    // alone (it may hold someone's records).
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/colossus-100k-edition-%1.db").arg(importers::kGeneratorEdition);
}

DefaultModelPreparer::DefaultModelPreparer(QWidget* dialogParent)
    : QObject(dialogParent), dialogParent_(dialogParent) {}

void DefaultModelPreparer::start() {
    const QString path = defaultModelPath();
    if (QFileInfo::exists(path)) {
        QMetaObject::invokeMethod(
            this,
            [this, path] {
                emit ready(path);
                deleteLater();
            },
            Qt::QueuedConnection);
        return;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto* dialog = new QProgressDialog(tr("Generating the default Colossus model (100,000 GPUs)..."),
                                       QString(), 0, 100, dialogParent_);
    dialog->setObjectName(QStringLiteral("generateProgress"));
    dialog->setWindowTitle(tr("First start"));
    dialog->setMinimumDuration(0);
    dialog->setAutoClose(false);
    dialog->setValue(0);

    QPointer<QProgressDialog> progress(dialog);
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, dialog, path] {
        const QString error = watcher->result();
        dialog->deleteLater();
        if (error.isEmpty())
            emit ready(path);
        else
            emit failed(error);
        deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([path, progress]() -> QString {
        importers::GeneratorOptions options;
        options.gpus = kDefaultGpus;
        options.seed = kDefaultSeed;
        // Progress crosses to the GUI thread as a queued call; the worker never touches the widget.
        options.progress = [progress](double fraction, std::string_view stage) {
            const QString label = QString::fromUtf8(stage.data(), qsizetype(stage.size()));
            QMetaObject::invokeMethod(
                progress.data(),
                [progress, fraction, label] {
                    if (progress) {
                        progress->setValue(int(fraction * 100));
                        progress->setLabelText(
                            QObject::tr("Generating the default Colossus model: %1").arg(label));
                    }
                },
                Qt::QueuedConnection);
        };
        try {
            importers::generateColossus(path.toStdString(), options);
            writeDefaultTour(path.toStdString());
        } catch (const std::exception& error) {
            return QString::fromStdString(error.what());
        }
        return {};
    }));
}

} // namespace twin::app
