// MainWindow and the workbench: the search field, the model tree, the inspector and impact, the
// selection's history (Alt+Left, Alt+Right). Each dock talks to the ViewState and the window, never to
// another dock: a choice anywhere sets the ViewState's selection, and the window shows it everywhere.
#include "gui/document/Document.h"
#include "gui/live/LiveTelemetry.h"
#include "gui/window/MainWindow.h"
#include "gui/window/MainWindowShared.h"
#include "gui/workbench/ImpactPanel.h"
#include "gui/workbench/InspectorPanel.h"
#include "gui/workbench/ModelTreePanel.h"
#include "gui/workbench/SearchField.h"
#include "scene/FacilityScene.h"
#include "scene/ViewWidget.h"

#include <QAction>
#include <QFutureWatcher>
#include <QMenu>
#include <QStatusBar>
#include <QTime>
#include <QToolBar>
#include <QTreeView>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>

namespace twin::app {

using window::kStatusMessageMs;

namespace {
constexpr std::size_t kHistoryDepth = 100;
} // namespace

void MainWindow::buildWorkbench() {
    search_ = new SearchField(this);
    QToolBar* searchBar = addToolBar(tr("Search"));
    searchBar->setObjectName(QStringLiteral("searchToolBar"));
    searchBar->setMovable(false);
    searchBar->addWidget(search_);
    // A search asks "what is this?": the inspector opens with the first answer. A click in the view does
    // not open it (it would shrink the view under the pointer that just clicked; the status bar names
    // what was clicked, View > Inspector shows more).
    connect(search_, &SearchField::entityChosen, this, [this](int entity) {
        flyToAndSelect(entity);
        if (!inspectorOpened_) {
            inspectorOpened_ = true; // once; then the user's to close
            inspector_->show();
        }
    });

    tree_ = new ModelTreePanel(this);
    addDockWidget(Qt::LeftDockWidgetArea, tree_);
    tree_->hide(); // View > Model Tree
    connect(tree_, &ModelTreePanel::entityChosen, this, [this](int entity) { flyToAndSelect(entity); });
    tree_->tree()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(tree_->tree(), &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        const datamodel::EntityIndex entity = tree_->treeModel()->entityOf(tree_->tree()->indexAt(at));
        if (entity == datamodel::kNoEntity)
            return;
        QMenu menu;
        menu.addAction(tr("What Fails with This?"), this, [this, entity] { showImpactOf(entity); });
        menu.exec(tree_->tree()->viewport()->mapToGlobal(at));
    });

    // A right click in the view: what is there, and what fails with it.
    connect(view_, &scene::ViewWidget::contextClicked, this, [this](int x, int y, QPoint global) {
        if (!facilityScene_)
            return;
        const datamodel::EntityIndex entity = facilityScene_->pick(x, y);
        if (entity == datamodel::kNoEntity)
            return;
        QMenu menu;
        menu.setObjectName(QStringLiteral("viewContextMenu"));
        menu.addAction(tr("Select %1").arg(utf8(facility()->name(entity))), this,
                       [this, entity] { viewState_->setSelection(entity); });
        menu.addAction(tr("Inspect"), this, [this, entity] {
            viewState_->setSelection(entity);
            inspector_->show();
            inspector_->raise();
        });
        QAction* impact = menu.addAction(tr("What Fails with This?"), this, [this, entity] {
            viewState_->setSelection(entity);
            showImpactOf(entity);
        });
        impact->setEnabled(indexes_ && indexes_->inspector->domainOf(entity).has_value());
        menu.exec(global);
    });

    inspector_ = new InspectorPanel(this);
    addDockWidget(Qt::RightDockWidgetArea, inspector_);
    inspector_->hide(); // opened by the first search, or View > Inspector
    connect(inspector_, &QDockWidget::visibilityChanged, this,
            [this](bool visible) { inspectorOpened_ |= visible; });
    connect(inspector_, &InspectorPanel::entityChosen, this, [this](int entity) { flyToAndSelect(entity); });
    connect(inspector_, &InspectorPanel::impactRequested, this, [this](int entity) { showImpactOf(entity); });
    // Its history: what was recorded on it, or (a GPU, a server) on the rack whose tasks decide it.
    inspector_->setHistorySource([this](datamodel::EntityIndex entity) {
        constexpr std::size_t kHistoryLines = 12;
        std::vector<datamodel::AuditRecord> lines = document_->history(entity, kHistoryLines);
        if (lines.empty() && model_ && entity != datamodel::kNoEntity) {
            const datamodel::EntityIndex owner = model_->schedule.owner(entity);
            if (owner != datamodel::kNoEntity && owner != entity)
                lines = document_->history(owner, kHistoryLines);
        }
        return lines;
    });
    connect(inspector_, &InspectorPanel::attributesRequested, this, &MainWindow::askForAttributes);
    connect(inspector_, &InspectorPanel::revertRequested, this,
            [this](const datamodel::AuditRecord& line) { document_->revert(line); });

    impactPanel_ = new ImpactPanel(this);
    addDockWidget(Qt::RightDockWidgetArea, impactPanel_);
    impactPanel_->hide();
    connect(impactPanel_, &ImpactPanel::entityChosen, this, [this](int entity) { flyToAndSelect(entity); });
    connect(impactPanel_, &ImpactPanel::cleared, this, [this] { viewState_->setImpact(std::nullopt); });

    indexing_ = new QFutureWatcher<std::shared_ptr<const WorkbenchIndexes>>(this);
    connect(indexing_, &QFutureWatcherBase::finished, this, [this] {
        std::shared_ptr<const WorkbenchIndexes> built = indexing_->result();
        if (!built || !model_)
            return;
        if (!sameIndexedParts(*built->model, *model_)) {
            // The model moved on while this was built (an attribute edit; the watcher reports only
            // its latest build, so none other is under way): build again for the model as it is.
            indexModel();
            return;
        }
        // An edit since only moved progress or punch items: the indexes serve the model as it is.
        indexes_ = built->model == model_ ? std::move(built) : built->following(model_);
        search_->setIndexes(indexes_);
        inspector_->setIndexes(indexes_);
        showSelectionInDocks();
        emit workbenchReady();
    });
}

bool MainWindow::sameIndexedParts(const LoadedModel& a, const LoadedModel& b) {
    // Edited copies share the parts they leave alone (Facility): the same entities (names, serials)
    // and the same cables mean the same search index and graphs.
    return &a.facility->entities() == &b.facility->entities() &&
           &a.facility->cables() == &b.facility->cables() &&
           a.facility->tasks().name == b.facility->tasks().name;
}

void MainWindow::followEditInWorkbench() {
    if (indexes_ && sameIndexedParts(*indexes_->model, *model_)) {
        indexes_ = indexes_->following(model_);
        search_->setIndexes(indexes_);
        inspector_->setIndexes(indexes_);
    } else if (indexes_) {
        indexModel(); // new names (an attribute edit)
    }
    // No indexes yet: the build under way follows the model when it is done (or builds again).
}

void MainWindow::indexModel() {
    // The search index and the graphs, off the GUI thread; the field says "Indexing..." meanwhile.
    indexes_.reset();
    search_->setIndexes(nullptr);
    inspector_->setIndexes(nullptr);
    indexing_->setFuture(QtConcurrent::run([model = model_] {
        return std::shared_ptr<const WorkbenchIndexes>(std::make_shared<WorkbenchIndexes>(model));
    }));
}

void MainWindow::showSelectionInDocks() {
    const datamodel::EntityIndex entity = viewState_->selection();
    tree_->showSelection(entity);
    std::optional<LiveReading> live;
    if (lastLive_ && lastLive_->values && entity != datamodel::kNoEntity &&
        std::size_t(entity) < lastLive_->values->size())
        live = LiveReading{utf8(lastLive_->metric->title), (*lastLive_->values)[std::size_t(entity)],
                           lastLiveAt_.isValid()
                               ? tr("updated %1").arg(lastLiveAt_.toString(QStringLiteral("HH:mm:ss")))
                               : QString()};
    if (live && std::isnan(live->value))
        live->age = tr("stale or not reported");
    inspector_->showEntity(entity, live);
}

void MainWindow::rememberSelection(datamodel::EntityIndex previous) {
    if (walkingHistory_ || previous == datamodel::kNoEntity)
        return;
    selectionBack_.push_back(previous);
    if (selectionBack_.size() > kHistoryDepth)
        selectionBack_.erase(selectionBack_.begin());
    selectionForward_.clear();
}

void MainWindow::stepSelectionHistory(bool back) {
    auto& from = back ? selectionBack_ : selectionForward_;
    auto& to = back ? selectionForward_ : selectionBack_;
    if (from.empty())
        return;
    const datamodel::EntityIndex target = from.back();
    from.pop_back();
    if (viewState_->selection() != datamodel::kNoEntity)
        to.push_back(viewState_->selection());
    walkingHistory_ = true;
    flyToAndSelect(target);
    walkingHistory_ = false;
}

void MainWindow::showImpactOf(datamodel::EntityIndex entity) {
    if (!indexes_ || entity == datamodel::kNoEntity) {
        statusBar()->showMessage(
            indexes_ ? tr("Select what might fail first") : tr("Still indexing the model"), kStatusMessageMs);
        return;
    }
    const std::optional<datamodel::GraphDomain> domain = indexes_->inspector->domainOf(entity);
    if (!domain) {
        statusBar()->showMessage(
            tr("Nothing depends on %1 for cooling, power or network").arg(utf8(facility()->name(entity))),
            kStatusMessageMs);
        return;
    }
    viewState_->setImpact(ImpactHighlight{entity, *domain});
}

void MainWindow::applyImpact() {
    const std::optional<ImpactHighlight>& highlight = viewState_->impact();
    impact_.reset();
    if (highlight && indexes_)
        impact_ = indexes_->inspector->impact(highlight->failed, highlight->domain);
    if (QAction* clear = findChild<QAction*>(QStringLiteral("actionClearImpact")))
        clear->setEnabled(impact_.has_value()); // Esc belongs to walk mode otherwise
    if (impact_) {
        impactPanel_->showImpact(*indexes_, *impact_);
        impactPanel_->show();
        impactPanel_->raise();
        statusBar()->showMessage(
            impactPanel_->summary().remove(QStringLiteral("<b>")).remove(QStringLiteral("</b>")),
            kStatusMessageMs);
    } else {
        impactPanel_->clear();
    }
    applyColouring();
    emit impactShown();
}

void MainWindow::buildWorkbenchMenus(QMenu* viewMenu, QMenu* editMenu) {
    QAction* find = editMenu->addAction(tr("&Find..."), search_, &SearchField::focusField);
    find->setObjectName(QStringLiteral("actionFind"));
    find->setShortcuts({QKeySequence::Find, QKeySequence(Qt::CTRL | Qt::Key_K)});
    QAction* impact = editMenu->addAction(tr("What Fails with This? (&Impact)"), this,
                                          [this] { showImpactOf(viewState_->selection()); });
    impact->setObjectName(QStringLiteral("actionImpact"));
    // I in the view (and the inspector): a lone letter elsewhere belongs to the lists' type-ahead.
    impact->setShortcut(QKeySequence(Qt::Key_I));
    impact->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    view_->addAction(impact);
    inspector_->addAction(impact);
    QAction* clear = editMenu->addAction(tr("Clear Impact"), this, [this] {
        if (view_->walkMode()) { // Esc leaves walk mode first, as its menu entry says
            view_->setWalkMode(false);
            return;
        }
        viewState_->setImpact(std::nullopt);
    });
    clear->setObjectName(QStringLiteral("actionClearImpact"));
    clear->setShortcut(QKeySequence(Qt::Key_Escape));
    clear->setEnabled(false);
    editMenu->addSeparator();
    QAction* back =
        editMenu->addAction(tr("&Back (previous selection)"), this, [this] { stepSelectionHistory(true); });
    back->setObjectName(QStringLiteral("actionSelectionBack"));
    back->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    QAction* forward = editMenu->addAction(tr("For&ward"), this, [this] { stepSelectionHistory(false); });
    forward->setObjectName(QStringLiteral("actionSelectionForward"));
    forward->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));

    for (auto [dock, text, name] :
         {std::tuple{static_cast<QDockWidget*>(tree_), tr("&Model Tree"), "actionModelTree"},
          std::tuple{static_cast<QDockWidget*>(inspector_), tr("&Inspector"), "actionInspector"},
          std::tuple{static_cast<QDockWidget*>(impactPanel_), tr("Im&pact"), "actionImpactPanel"}}) {
        QAction* show = dock->toggleViewAction();
        show->setText(text);
        show->setObjectName(QLatin1String(name));
        viewMenu->addAction(show);
    }
}

} // namespace twin::app
