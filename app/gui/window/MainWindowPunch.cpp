// The window's part of punch items and attribute edits (issue 16): Edit > Add Punch Item... on the selection,
// pinned to the entity and the camera as it is; the Punch List dock (View > Punch List) with its filters, its
// status buttons and a double click that flies back to what the item's author saw. Each change is one
// edit on the Document's undo stack, written at once.
#include "datamodel/edits/AttributeEdit.h"
#include "datamodel/edits/PunchEdit.h"
#include "gui/document/Document.h"
#include "gui/window/MainWindow.h"
#include "gui/window/MainWindowShared.h"
#include "gui/window/ViewState.h"
#include "gui/workbench/AttributesDialog.h"
#include "gui/workbench/PhotosDialog.h"
#include "gui/workbench/PunchDialog.h"
#include "gui/workbench/PunchListPanel.h"
#include "scene/ViewWidget.h"

#include <QAction>
#include <QDateTime>
#include <QMenu>
#include <QStatusBar>

namespace twin::app {

using window::kStatusMessageMs;

void MainWindow::buildPunchList(QMenu* editMenu, QMenu* viewMenu) {
    punchList_ = new PunchListPanel(this);
    addDockWidget(Qt::BottomDockWidgetArea, punchList_);
    punchList_->hide();
    QAction* show = punchList_->toggleViewAction();
    show->setText(tr("&Punch List"));
    show->setObjectName(QStringLiteral("actionPunchList"));
    viewMenu->addAction(show);
    QAction* add = editMenu->addAction(tr("Add P&unch Item..."), this, &MainWindow::askForPunchItem);
    add->setObjectName(QStringLiteral("actionAddPunchItem"));
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    add->setToolTip(tr("Record what is wrong with the selection, pinned to the view as it is now"));
    connect(punchList_, &PunchListPanel::addRequested, this, &MainWindow::askForPunchItem);
    connect(punchList_, &PunchListPanel::statusRequested, this,
            [this](std::int64_t id, datamodel::NoteStatus status) { setPunchStatus(id, status); });
    connect(punchList_, &PunchListPanel::itemActivated, this, &MainWindow::showPunchItem);
    connect(punchList_, &PunchListPanel::photosRequested, this, [this](std::uint32_t note) {
        if (!model_ || note >= facility()->notes().size())
            return;
        const datamodel::NoteColumns& notes = facility()->notes();
        auto* dialog =
            new PhotosDialog(tr("Photos of punch item %1: %2")
                                 .arg(notes.id[note])
                                 .arg(utf8(notes.title[note].empty() ? notes.text[note] : notes.title[note])),
                             document_->photosOf(notes.id[note]), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    // After the window has adopted the model (connected after adoptModel's connection).
    connect(document_, &Document::changed, this,
            [this] { punchList_->setModel(model_, QDateTime::currentSecsSinceEpoch()); });
}

void MainWindow::askForPunchItem() {
    const datamodel::EntityIndex entity = viewState_->selection();
    if (!model_ || entity == datamodel::kNoEntity) {
        statusBar()->showMessage(tr("Select what the punch item is about first"), kStatusMessageMs);
        return;
    }
    auto* dialog = new PunchDialog(utf8(facility()->name(entity)), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The pin: the entity and the camera when the dialog opened, which is what the author looked at.
    const std::string pin = scene::cameraPoseText(view_->cameraPose());
    connect(dialog, &QDialog::accepted, this, [this, dialog, entity, pin] {
        datamodel::PunchRequest request = dialog->request();
        request.entity = entity;
        request.pin = pin;
        addPunchItem(std::move(request));
    });
    dialog->open();
}

bool MainWindow::addPunchItem(datamodel::PunchRequest request) {
    if (!model_)
        return false;
    if (request.entity == datamodel::kNoEntity)
        request.entity = viewState_->selection();
    if (request.pin.empty())
        request.pin = scene::cameraPoseText(view_->cameraPose());
    request.author = document_->author().toStdString();
    request.now = QDateTime::currentSecsSinceEpoch();
    datamodel::Edit edit;
    try {
        edit = datamodel::punchAddEdit(*facility(), request);
    } catch (const datamodel::EditRefused& refused) {
        const QString why = QString::fromStdString(refused.what());
        statusBar()->showMessage(why, kStatusMessageMs);
        emit editRefused(why);
        return false;
    }
    const QString text =
        tr("Punch item on %1: %2")
            .arg(utf8(facility()->name(request.entity)), QString::fromStdString(request.title));
    return document_->apply(std::move(edit), text);
}

bool MainWindow::setPunchStatus(std::int64_t noteId, datamodel::NoteStatus status) {
    if (!model_)
        return false;
    datamodel::Edit edit;
    try {
        edit = datamodel::punchStatusEdit(*facility(), noteId, status, QDateTime::currentSecsSinceEpoch());
    } catch (const datamodel::EditRefused& refused) {
        const QString why = QString::fromStdString(refused.what());
        statusBar()->showMessage(why, kStatusMessageMs);
        emit editRefused(why);
        return false;
    }
    return document_->apply(std::move(edit),
                            tr("Punch item %1: %2")
                                .arg(noteId)
                                .arg(QString::fromLatin1(datamodel::noteStatusName(status).data())));
}

void MainWindow::askForAttributes(int entity) {
    if (!model_ || entity < 0 || std::size_t(entity) >= facility()->entityCount())
        return;
    auto* dialog = new AttributesDialog(utf8(facility()->name(entity)),
                                        datamodel::entityFieldsOf(*facility(), entity), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, entity] { editAttributes(entity, dialog->fields()); });
    dialog->open();
}

bool MainWindow::editAttributes(datamodel::EntityIndex entity, const datamodel::EntityFields& fields) {
    if (!model_)
        return false;
    datamodel::Edit edit;
    try {
        edit = datamodel::attributeEdit(*facility(), entity, fields);
    } catch (const datamodel::EditRefused& refused) {
        const QString why = QString::fromStdString(refused.what());
        statusBar()->showMessage(why, kStatusMessageMs);
        emit editRefused(why);
        return false;
    }
    if (edit.empty())
        return false;
    return document_->apply(std::move(edit), tr("Attributes of %1").arg(utf8(facility()->name(entity))));
}

void MainWindow::showPunchItem(std::uint32_t note) {
    if (!model_ || note >= facility()->notes().size())
        return;
    const datamodel::NoteColumns& notes = facility()->notes();
    const datamodel::EntityIndex entity = notes.entity[note];
    // Back to exactly what its author saw, when it has a pin; else to the entity.
    if (const std::optional<scene::CameraPose> pose = scene::cameraPoseFromText(notes.pin[note])) {
        viewState_->setSelection(entity);
        viewState_->setCamera(*pose, CameraMove::Fly);
    } else {
        flyToAndSelect(int(entity));
    }
    statusBar()->showMessage(tr("Punch item %1 on %2: %3")
                                 .arg(notes.id[note])
                                 .arg(utf8(facility()->name(entity)),
                                      utf8(notes.title[note].empty() ? notes.text[note] : notes.title[note])),
                             kStatusMessageMs);
}

} // namespace twin::app
