// The window's part of recording progress (issue 16): Edit > Undo and Redo over the Document's stack,
// and Edit > Record Progress on the selection (Started, Done, Blocked with a reason, Reopen), now. Each
// is one edit, written at once; the views follow when the Document has read the model again.
#include "gui/document/Document.h"
#include "gui/window/MainWindow.h"
#include "gui/window/MainWindowShared.h"
#include "gui/window/PreferencesDialog.h"
#include "gui/window/ViewState.h"
#include "gui/workbench/ProgressDialog.h"
#include "scene/ViewWidget.h"

#include <QAction>
#include <QDateTime>
#include <QDockWidget>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QUndoStack>
#include <QUndoView>
#include <algorithm>

namespace twin::app {

using datamodel::ProgressAction;
using window::kStatusMessageMs;

void MainWindow::buildUndoActions(QMenu* editMenu) {
    QAction* undo = document_->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = document_->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    editMenu->addSeparator();
    connect(document_, &Document::editFailed, this, [this](const QString& error) {
        statusBar()->showMessage(error, kStatusMessageMs);
        emit editRefused(error);
    });
    // Read-only: said where it is seen all the time, not only when an edit is refused.
    auto* banner = new QLabel(this);
    banner->setObjectName(QStringLiteral("readOnlyBanner"));
    banner->setStyleSheet(QStringLiteral("QLabel { background: #f3c64b; color: #222; padding: 1px 8px; }"));
    banner->hide();
    statusBar()->insertPermanentWidget(0, banner);
    connect(document_, &Document::readOnlyChanged, this, [banner](const QString& reason) {
        banner->setText(tr("Read-only: %1").arg(reason));
        banner->setToolTip(tr("Progress, punch items and edits cannot be recorded in this model"));
        banner->setVisible(!reason.isEmpty());
    });
    connect(document_, &Document::changedOnDisk, this, [this] {
        statusBar()->showMessage(tr("The model was changed by another program; showing its changes"),
                                 kStatusMessageMs);
        emit modelChangedOnDisk();
    });
    connect(document_, &Document::edited, this, [this](const QString& action) {
        statusBar()->showMessage(tr("Recorded: %1 (Edit > Undo takes it back)").arg(action),
                                 kStatusMessageMs);
        emit progressRecorded(action);
    });
}

void MainWindow::buildUndoHistory(QMenu* viewMenu) {
    // Every step of this session, the current one marked; a click goes back (or forward) to it, each
    // step written and logged as it passes.
    auto* dock = new QDockWidget(tr("Undo History"), this);
    dock->setObjectName(QStringLiteral("undoHistoryPanel"));
    auto* view = new QUndoView(document_->undoStack(), dock);
    view->setObjectName(QStringLiteral("undoHistoryView"));
    view->setEmptyLabel(tr("<as opened>"));
    dock->setWidget(view);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    dock->hide();
    QAction* show = dock->toggleViewAction();
    show->setText(tr("&Undo History"));
    show->setObjectName(QStringLiteral("actionUndoHistory"));
    viewMenu->addAction(show);
}

void MainWindow::buildProgressMenu(QMenu* editMenu) {
    editMenu->addSeparator();
    QMenu* progress = editMenu->addMenu(tr("Record &Progress"));
    progress->setObjectName(QStringLiteral("menuProgress"));
    const struct {
        const char* name;
        QString text;
        ProgressAction action;
    } entries[] = {
        {"actionMarkStarted", tr("Mark &Started (now)"), ProgressAction::Start},
        {"actionMarkDone", tr("Mark &Done (now)"), ProgressAction::Done},
        {"actionMarkBlocked", tr("Mark &Blocked..."), ProgressAction::Block},
        {"actionReopen", tr("&Reopen"), ProgressAction::Reopen},
    };
    for (const auto& entry : entries) {
        QAction* action = progress->addAction(entry.text);
        action->setObjectName(QLatin1String(entry.name));
        const ProgressAction what = entry.action;
        connect(action, &QAction::triggered, this, [this, what] {
            if (what == ProgressAction::Block)
                askForBlockReason();
            else
                recordProgress(what);
        });
    }
    progress->addSeparator();
    QAction* chosen = progress->addAction(tr("Record &Progress..."), this, &MainWindow::askForProgress);
    chosen->setObjectName(QStringLiteral("actionRecordProgress"));
    chosen->setToolTip(tr("On one task or all, now or at a time picked"));
    QAction* box = editMenu->addAction(tr("Select in &Box"), this, [this] {
        view_->startBoxSelection();
        statusBar()->showMessage(tr("Drag a box over the racks to select (Ctrl: add to the selection; "
                                    "Esc: cancel)"),
                                 kStatusMessageMs);
    });
    box->setObjectName(QStringLiteral("actionSelectInBox"));
    box->setShortcut(QKeySequence(Qt::Key_B));
    box->setToolTip(tr("Select the racks in a box dragged over the view; Ctrl+click adds one"));
    QAction* name = editMenu->addAction(tr("Your &Name..."), this, &MainWindow::askForAuthor);
    name->setObjectName(QStringLiteral("actionYourName"));
    name->setToolTip(tr("Who the audit log names for your edits (default: your login name)"));
    connect(progress, &QMenu::aboutToShow, this, [this, progress] {
        const bool selected = model_ && viewState_->selection() != datamodel::kNoEntity;
        for (QAction* action : progress->actions())
            action->setEnabled(selected && document_->readOnlyReason().isEmpty());
    });
}

void MainWindow::askForPreferences() {
    const QString login = QString::fromStdString(datamodel::loginName());
    const QString author = document_->author();
    auto* dialog = new PreferencesDialog(author == login ? QString() : author, login, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, login] { setAuthor(dialog->author().isEmpty() ? login : dialog->author()); });
    dialog->open();
}

bool MainWindow::setAuthor(const QString& name) {
    const std::string problem = datamodel::authorProblem(name.toStdString());
    if (!problem.empty()) {
        const QString why = tr("Your name was not changed: %1").arg(QString::fromStdString(problem));
        statusBar()->showMessage(why, kStatusMessageMs);
        emit editRefused(why);
        return false;
    }
    document_->setAuthor(name);
    statusBar()->showMessage(tr("Edits are recorded as %1").arg(name), kStatusMessageMs);
    return true;
}

void MainWindow::askForAuthor() {
    auto* dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("authorDialog"));
    dialog->setWindowTitle(tr("Your Name"));
    dialog->setLabelText(tr("The audit log names you as:"));
    dialog->setTextValue(document_->author());
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this](const QString& name) { setAuthor(name.trimmed()); });
    dialog->open();
}

void MainWindow::askForProgress() {
    const std::vector<datamodel::EntityIndex> selected = viewState_->selectedEntities();
    if (!model_ || selected.empty())
        return;
    auto* dialog = new ProgressDialog(*facility(), selected, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The task chosen by its id: another writer's import may read the model again while it is open.
    connect(dialog, &QDialog::accepted, this, [this, dialog, shown = model_] {
        std::vector<std::uint32_t> tasks;
        for (const std::uint32_t task : dialog->tasks()) {
            const std::int64_t id = shown->facility->tasks().id[task];
            const auto& ids = facility()->tasks().id;
            const auto at = std::lower_bound(ids.begin(), ids.end(), id);
            if (at == ids.end() || *at != id) {
                statusBar()->showMessage(tr("The task chosen is no longer in the model"), kStatusMessageMs);
                return;
            }
            tasks.push_back(std::uint32_t(at - ids.begin()));
        }
        recordProgressAt(dialog->action(), dialog->reason(), dialog->at(), tasks);
    });
    dialog->open();
}

void MainWindow::askForBlockReason() {
    auto* dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("blockReasonDialog"));
    dialog->setWindowTitle(tr("Mark Blocked"));
    dialog->setLabelText(tr("Why is the work blocked?"));
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this](const QString& reason) { recordProgress(ProgressAction::Block, reason.trimmed()); });
    dialog->open();
}

void MainWindow::confirmOutOfOrder(const QString& why, ProgressAction action, const QString& reason,
                                   datamodel::TimePoint at, const std::vector<std::uint32_t>& tasks) {
    auto* box =
        new QMessageBox(QMessageBox::Question, tr("Record Progress"), why, QMessageBox::NoButton, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("outOfOrderBox"));
    box->setInformativeText(tr("Record it anyway?"));
    QPushButton* anyway = box->addButton(tr("Record Anyway"), QMessageBox::AcceptRole);
    QPushButton* cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    connect(box, &QMessageBox::finished, this, [this, box, anyway, action, reason, at, tasks] {
        if (box->clickedButton() == anyway)
            recordProgressAt(action, reason, at, tasks, true);
    });
    box->open();
}

bool MainWindow::recordProgress(ProgressAction action, const QString& reason, bool allowOutOfOrder) {
    return recordProgressAt(action, reason, datamodel::kNoTime, {}, allowOutOfOrder);
}

bool MainWindow::recordProgressAt(ProgressAction action, const QString& reason, datamodel::TimePoint at,
                                  const std::vector<std::uint32_t>& tasks, bool allowOutOfOrder) {
    // Everything selected, as one edit (a row of 30 racks done is one undo); or the chosen tasks.
    const std::vector<datamodel::EntityIndex> selected = viewState_->selectedEntities();
    if (!model_ || (selected.empty() && tasks.empty()))
        return false;
    for (const std::uint32_t task : tasks)
        if (task >= facility()->tasks().size())
            return false; // chosen in a model read before
    const auto taskEntities = tasks.empty() ? std::span<const datamodel::EntityIndex>()
                                            : facility()->tasks().entities.row(tasks.front());
    const datamodel::EntityIndex entity = !selected.empty()       ? selected.front()
                                          : !taskEntities.empty() ? taskEntities.front()
                                                                  : datamodel::kNoEntity;
    datamodel::ProgressRequest request;
    request.action = action;
    if (tasks.empty())
        request.entities = selected;
    else
        request.tasks = tasks;
    request.now = QDateTime::currentSecsSinceEpoch();
    request.at = at == datamodel::kNoTime ? request.now : at;
    request.reason = reason.toStdString();
    request.allowOutOfOrder = allowOutOfOrder;
    datamodel::Edit edit;
    try {
        edit = datamodel::progressEdit(*facility(), request);
    } catch (const datamodel::EditRefused& refused) {
        const QString why = QString::fromStdString(refused.what());
        if (refused.outOfOrder) {
            confirmOutOfOrder(why, action, reason, at, tasks);
        } else {
            statusBar()->showMessage(why, kStatusMessageMs);
            emit editRefused(why);
        }
        return false;
    }
    const QString name =
        !tasks.empty() && (tasks.size() == 1 || entity == datamodel::kNoEntity)
            ? utf8(facility()->tasks().name[tasks.front()])
        : selected.size() <= 1
            ? utf8(facility()->name(entity))
            : tr("%1 and %2 more").arg(utf8(facility()->name(entity))).arg(selected.size() - 1);
    if (edit.empty()) {
        const QString why = tr("Nothing to record: %1's tasks are %2 already")
                                .arg(name, QString::fromLatin1(datamodel::progressActionName(action).data()));
        statusBar()->showMessage(why, kStatusMessageMs);
        emit editRefused(why);
        return false;
    }
    QString text = tr("%1: %2 (%3 tasks)")
                       .arg(name, QString::fromLatin1(datamodel::progressActionName(action).data()),
                            QString::number(edit.tasks.size()));
    if (at != datamodel::kNoTime)
        text += tr(" at %1").arg(QString::fromStdString(datamodel::formatTime(at)));
    return document_->apply(std::move(edit), text);
}

} // namespace twin::app
