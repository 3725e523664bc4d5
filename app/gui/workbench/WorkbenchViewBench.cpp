#include "gui/workbench/WorkbenchViewBench.h"

#include "bench/MachineDescription.h"
#include "bench/Measure.h"
#include "gui/window/MainWindow.h"
#include "gui/window/ViewState.h"
#include "gui/workbench/InspectorPanel.h"
#include "gui/workbench/ModelTreePanel.h"
#include "gui/workbench/SearchField.h"
#include "scene/CameraPresets.h"
#include "scene/ViewWidget.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QLocale>
#include <QScreen>
#include <QTemporaryDir>
#include <QTreeView>
#include <stdexcept>

namespace twin::app {

using bench::slowestOf;
using bench::spinUntil;

bench::BenchReport runWorkbenchViewBench(const WorkbenchViewBenchOptions& options) {
    bench::BenchReport report;
    report.bench = QStringLiteral("workbench-view");
    MainWindow window;
    window.resize(options.size);
    window.show();
    bool loaded = false, ready = false;
    QString failure;
    QObject::connect(&window, &MainWindow::modelLoaded, [&] { loaded = true; });
    QObject::connect(&window, &MainWindow::workbenchReady, [&] { ready = true; });
    QObject::connect(&window, &MainWindow::modelOpenFailed, [&](const QString& error) { failure = error; });
    if (const QString error = window.openModel(options.modelPath); !error.isEmpty())
        throw std::runtime_error(error.toStdString());
    if (!spinUntil([&] { return loaded || !failure.isEmpty(); }, 120000) || !failure.isEmpty())
        throw std::runtime_error(failure.isEmpty() ? "the model did not load" : failure.toStdString());
    QElapsedTimer sinceLoaded;
    sinceLoaded.start();
    if (!spinUntil([&] { return ready; }, 120000))
        throw std::runtime_error("the workbench's indexes were not built within two minutes");
    report.machine = bench::describeMachine(window.view()->openGLRenderer());
    const datamodel::Facility& f = *window.facility();
    const QString gpus =
        QLocale::c().toString(qulonglong(f.count(datamodel::EntityKind::Gpu))) + QStringLiteral(" GPUs");
    report.rows.push_back({QStringLiteral("indexes after load"), QStringLiteral("time"),
                           double(sinceLoaded.elapsed()), QStringLiteral("ms on a worker thread, ") + gpus});

    // Search: the field's text set as typing does, Enter: the selection made and the flight started.
    // A different rack each time (the field ignores the same choice twice within a keystroke's time).
    const auto racks = f.ofKind(datamodel::EntityKind::Rack);
    datamodel::EntityIndex rack = datamodel::kNoEntity;
    int next = 0;
    QLineEdit* edit = window.searchField()->lineEdit();
    const double searchMs = slowestOf(options.repeats, [&] {
        rack = racks[(racks.size() / 2 + std::size_t(next++)) % racks.size()];
        const QString rackName = QString::fromUtf8(f.name(rack).data(), qsizetype(f.name(rack).size()));
        edit->setText(rackName);
        emit edit->textEdited(rackName);
        emit edit->returnPressed();
    });
    if (window.viewState()->selection() != rack)
        throw std::runtime_error("the search did not select the rack");
    report.rows.push_back({QStringLiteral("search, Enter"), QStringLiteral("time max"), searchMs,
                           QStringLiteral("ms: the query, the list, the selection, the inspector page")});

    // The tree: a hall opened (its rows, their racks counted) and laid out.
    window.modelTreePanel()->show();
    QCoreApplication::processEvents();
    QTreeView* tree = window.modelTreePanel()->tree();
    const datamodel::EntityIndex hall = f.ofKind(datamodel::EntityKind::Hall).back();
    const QModelIndex hallIndex = window.modelTreePanel()->treeModel()->indexOf(hall);
    const double treeMs = slowestOf(options.repeats, [&] {
        tree->collapse(hallIndex);
        QCoreApplication::processEvents();
        tree->expand(hallIndex);
        tree->scrollTo(hallIndex);
        tree->viewport()->repaint();
    });
    report.rows.push_back(
        {QStringLiteral("tree: open a hall"), QStringLiteral("time max"), treeMs,
         QStringLiteral("ms, %1 children, expanded and painted").arg(f.children(hall).size())});

    // Impact: requested, computed, coloured and the frame drawn.
    const auto impactRow = [&](datamodel::EntityKind kind, const char* label) {
        const auto ofKind = f.ofKind(kind);
        if (ofKind.empty())
            return;
        const datamodel::EntityIndex element = ofKind.front();
        const double ms = slowestOf(options.repeats, [&] {
            window.viewState()->setImpact(std::nullopt);
            QCoreApplication::processEvents();
            window.showImpactOf(element);
            window.view()->renderNow();
        });
        report.rows.push_back({QStringLiteral("impact ") + QLatin1String(label),
                               QStringLiteral("to frame max"), ms,
                               QStringLiteral("ms: computed, coloured, drawn")});
    };
    // TWIN_BENCH_SHOTS=DIR: what the user sees after a search (the list open) and with an impact shown.
    const QString shots = qEnvironmentVariable("TWIN_BENCH_SHOTS");
    if (!shots.isEmpty()) {
        edit->setFocus();
        edit->setText(QStringLiteral("h2-r05-k1"));
        emit edit->textEdited(edit->text());
        QCoreApplication::processEvents();
        window.view()->renderNow();
        if (QScreen* screen = window.screen())
            screen->grabWindow(0)
                .scaledToWidth(960, Qt::SmoothTransformation)
                .save(shots + QStringLiteral("/search.png"));
    }
    impactRow(datamodel::EntityKind::Cdu, "cdu");
    if (!shots.isEmpty()) {
        QCoreApplication::processEvents();
        window.view()->renderNow();
        window.screenshot()
            .scaledToWidth(960, Qt::SmoothTransformation)
            .save(shots + QStringLiteral("/impact.png"));
    }
    impactRow(datamodel::EntityKind::Substation, "substation");
    impactRow(datamodel::EntityKind::Chiller, "chiller");
    window.viewState()->setImpact(std::nullopt);
    // File > Save Image at its largest, from the overview: rendered again off screen and written.
    {
        QTemporaryDir still;
        window.view()->setCameraPose(*scene::cameraPreset(f, QStringLiteral("overview")));
        QString error;
        const double stillMs = slowestOf(1, [&] {
            error = window.saveImage(still.filePath(QStringLiteral("still.png")), MainWindow::kMaxStillSize);
        });
        if (!error.isEmpty())
            throw std::runtime_error(error.toStdString());
        report.rows.push_back({QStringLiteral("still 3840x2160"), QStringLiteral("time"), stillMs,
                               QStringLiteral("ms: the overview rendered off screen and written as PNG")});
    }
    return report;
}

} // namespace twin::app
