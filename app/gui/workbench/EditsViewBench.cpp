#include "gui/workbench/EditsViewBench.h"

#include "bench/MachineDescription.h"
#include "bench/Measure.h"
#include "datamodel/edits/ProgressEdit.h"
#include "gui/document/Document.h"
#include "gui/timeline/TimelinePanel.h"
#include "gui/window/MainWindow.h"
#include "gui/window/ViewState.h"
#include "scene/CameraPresets.h"
#include "scene/ViewWidget.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLocale>
#include <QTemporaryDir>
#include <QUndoStack>
#include <stdexcept>

namespace twin::app {

using bench::median;
using bench::millisecondsSince;
using bench::spinUntil;
using datamodel::ProgressAction;

bench::BenchReport runEditsViewBench(const EditsViewBenchOptions& options) {
    bench::BenchReport report;
    report.bench = QStringLiteral("edits-view");
    // On a copy: the bench writes, and the model it was given stays as it was.
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("edits-view.db"));
    if (!dir.isValid() || !QFile::copy(options.modelPath, copy))
        throw std::runtime_error(options.modelPath.toStdString() +
                                 ": could not copy it to a temporary folder");
    MainWindow window;
    window.resize(options.size);
    window.show();
    bool loaded = false;
    QString failure;
    int recorded = 0;
    QObject::connect(&window, &MainWindow::modelLoaded, [&] { loaded = true; });
    QObject::connect(&window, &MainWindow::modelOpenFailed, [&](const QString& error) { failure = error; });
    QObject::connect(&window, &MainWindow::progressRecorded, [&] { ++recorded; });
    QObject::connect(&window, &MainWindow::editRefused, [&](const QString& why) { failure = why; });
    if (const QString error = window.openModel(copy); !error.isEmpty())
        throw std::runtime_error(error.toStdString());
    if (!spinUntil([&] { return loaded || !failure.isEmpty(); }, 120000) || !failure.isEmpty())
        throw std::runtime_error(failure.isEmpty() ? "the model did not load" : failure.toStdString());
    report.machine = bench::describeMachine(window.view()->openGLRenderer());
    const datamodel::Facility* f = window.facility().get();
    const auto racks = f->ofKind(datamodel::EntityKind::Rack);
    const auto halls = f->ofKind(datamodel::EntityKind::Hall);
    if (racks.size() < std::size_t(options.repeats) + 1 || halls.empty())
        throw std::runtime_error(options.modelPath.toStdString() + ": too few racks or no hall to edit");
    const QString gpus =
        QLocale::c().toString(qulonglong(f->count(datamodel::EntityKind::Gpu))) + QStringLiteral(" GPUs");
    // As on site: the Timeline on the actual state, the camera on the rack being marked.
    window.timelinePanel()->show();
    window.timelinePanel()->setMode(TimelineMode::Actual);
    window.timelinePanel()->setDay(window.timelinePanel()->lastDay());

    // One edit, timed from the call to the frame drawn; it must reach the views (progressRecorded).
    const auto timed = [&](datamodel::EntityIndex entity, ProgressAction action, bool undo) {
        window.viewState()->setSelection(entity);
        QCoreApplication::processEvents();
        const int before = recorded;
        failure.clear();
        QElapsedTimer clock;
        clock.start();
        if (undo)
            window.document()->undoStack()->undo();
        else if (!window.recordProgress(action, QString(), true))
            throw std::runtime_error("the edit was refused: " + failure.toStdString());
        if (!spinUntil([&] { return recorded > before; }, 120000))
            throw std::runtime_error("the edit did not reach the views within two minutes");
        window.view()->renderNow();
        return millisecondsSince(clock);
    };
    const auto rackAt = [&](std::size_t i) {
        return racks[racks.size() / 2 + i];
    };
    window.view()->setCameraPose(*scene::cameraPreset(
        *f, QStringLiteral("rack:") +
                QString::fromUtf8(f->name(rackAt(0)).data(), qsizetype(f->name(rackAt(0)).size()))));
    const double first = timed(rackAt(0), ProgressAction::Reopen, false);
    report.rows.push_back({QStringLiteral("first edit of a session"), QStringLiteral("to frame"), first,
                           QStringLiteral("ms: a rack reopened, the model read again, ") + gpus});

    std::vector<double> done, undone;
    for (int r = 0; r < options.repeats; ++r) {
        // Reopened first (not timed), then done: the rack's tasks change each time.
        timed(rackAt(std::size_t(r) + 1), ProgressAction::Reopen, false);
        done.push_back(timed(rackAt(std::size_t(r) + 1), ProgressAction::Done, false));
        undone.push_back(timed(rackAt(std::size_t(r) + 1), ProgressAction::Done, true));
    }
    report.rows.push_back(
        {QStringLiteral("rack marked done"), QStringLiteral("to frame median"), median(done),
         QStringLiteral("ms: committed, model updated, timeline and report redone, drawn")});
    report.rows.push_back({QStringLiteral("its undo"), QStringLiteral("to frame median"), median(undone),
                           QStringLiteral("ms, the same")});

    const datamodel::EntityIndex hall = halls.back();
    const std::size_t hallTasks = datamodel::tasksOfEntities(*window.facility(), {&hall, 1}).size();
    window.view()->setCameraPose(*scene::cameraPreset(*f, QStringLiteral("overview")));
    const double hallReopened = timed(hall, ProgressAction::Reopen, false);
    const double hallDone = timed(hall, ProgressAction::Done, false);
    report.rows.push_back({QStringLiteral("a hall reopened"), QStringLiteral("to frame"), hallReopened,
                           QStringLiteral("ms, %1 tasks in one edit").arg(hallTasks)});
    report.rows.push_back({QStringLiteral("a hall marked done"), QStringLiteral("to frame"), hallDone,
                           QStringLiteral("ms, %1 tasks in one edit").arg(hallTasks)});
    return report;
}

} // namespace twin::app
