// The window's bookmarks and tours (issue 17): the Bookmarks dock's edits, each one undo step written
// at once (datamodel/edits/TourEdit); a bookmark's whole view restored with a flight; and tour playback:
// the TourPlayer's flights drive the camera, each landing puts the stop's view in place, its caption
// shows at the bottom of the view, its timeline span plays the scene's colours (and the presentation
// band's figures) a day at a time. While a tour plays, Space, the arrows (and a presenter's Page Up and
// Down) and Esc belong to it, wherever the focus is.
#include "datamodel/edits/TourEdit.h"
#include "gui/document/Document.h"
#include "gui/tour/BookmarksPanel.h"
#include "gui/tour/FlightScale.h"
#include "gui/tour/TourPlayer.h"
#include "gui/window/MainWindow.h"
#include "gui/window/MainWindowShared.h"
#include "gui/window/ViewState.h"
#include "scene/FacilityScene.h"
#include "scene/ViewWidget.h"
#include "view/BookmarkView.h"
#include "view/TourTimeline.h"

#include <QAction>
#include <QApplication>
#include <QInputDialog>
#include <QKeyEvent>
#include <QMenu>
#include <QStatusBar>
#include <algorithm>
#include <iterator>

namespace twin::app {

using window::kStatusMessageMs;

void MainWindow::buildBookmarks(QMenu* viewMenu) {
    bookmarks_ = new BookmarksPanel(this);
    addDockWidget(Qt::RightDockWidgetArea, bookmarks_);
    bookmarks_->hide();
    // A third of a 1280-pixel window the first time it shows (its table alone would ask for half).
    connect(bookmarks_, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && !bookmarksSized_) {
            bookmarksSized_ = true;
            resizeDocks({bookmarks_}, {440}, Qt::Horizontal);
        }
    });
    QAction* show = bookmarks_->toggleViewAction();
    show->setText(tr("&Bookmarks and Tours"));
    show->setObjectName(QStringLiteral("actionBookmarks"));
    show->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    viewMenu->addSeparator();
    viewMenu->addAction(show);
    QAction* save = viewMenu->addAction(tr("Save View as &Bookmark..."), this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save View as Bookmark"), tr("Name:"),
                                                   QLineEdit::Normal, QString(), &ok);
        if (ok)
            saveBookmark(name);
    });
    save->setObjectName(QStringLiteral("actionSaveBookmark"));
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    QAction* play = viewMenu->addAction(tr("Play &Tour"), this, [this] { playTour(); });
    play->setObjectName(QStringLiteral("actionPlayTour"));
    play->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    play->setToolTip(tr("Play the tour chosen in the Bookmarks dock (Space pauses, arrows step, Esc stops)"));

    connect(bookmarks_, &BookmarksPanel::saveRequested, save, &QAction::trigger);
    connect(bookmarks_, &BookmarksPanel::goRequested, this, [this](std::int64_t id) { goToBookmark(id); });
    connect(bookmarks_, &BookmarksPanel::updateRequested, this, &MainWindow::updateBookmark);
    connect(bookmarks_, &BookmarksPanel::renameRequested, this, [this](std::int64_t id) {
        const datamodel::Bookmark* bookmark = model_ ? facility()->tourBook().bookmark(id) : nullptr;
        if (!bookmark)
            return;
        bool ok = false;
        const QString name =
            QInputDialog::getText(this, tr("Rename Bookmark"), tr("Name:"), QLineEdit::Normal,
                                  QString::fromStdString(bookmark->name), &ok);
        if (ok)
            renameBookmark(id, name);
    });
    connect(bookmarks_, &BookmarksPanel::moveRequested, this, &MainWindow::moveBookmark);
    connect(bookmarks_, &BookmarksPanel::deleteRequested, this, &MainWindow::deleteBookmark);
    connect(bookmarks_, &BookmarksPanel::tourEdited, this, &MainWindow::editTour);
    connect(bookmarks_, &BookmarksPanel::newTourRequested, this, [this] {
        bool ok = false;
        const QString name =
            QInputDialog::getText(this, tr("New Tour"), tr("Name:"), QLineEdit::Normal, QString(), &ok);
        if (ok)
            newTour(name);
    });
    connect(bookmarks_, &BookmarksPanel::deleteTourRequested, this, &MainWindow::deleteTour);
    connect(bookmarks_, &BookmarksPanel::playRequested, this, &MainWindow::playTour);
    connect(bookmarks_, &BookmarksPanel::inputRefused, this, [this](const QString& why) {
        statusBar()->showMessage(why, kStatusMessageMs);
        emit editRefused(why);
        bookmarks_->setModel(model_); // the table as the model has it
    });
    // After the window has adopted the model (connected after adoptModel's connection).
    connect(document_, &Document::changed, this, [this] {
        bookmarks_->setModel(model_);
        chooseWhatWasMade();
    });
    connect(document_, &Document::editFailed, this, [this] { bookmarks_->setModel(model_); });

    player_ = new TourPlayer(this);
    connect(view_, &scene::ViewWidget::frameShown, player_, &TourPlayer::frameShown);
    // A tour's flights render a share of the pixels, stretched (on llvmpipe at 1920x1080 a close view
    // fills the screen with racks and a whole frame takes 50 ms): the share follows the frame times.
    connect(view_, &scene::ViewWidget::frameShown, this, [this] {
        if (!player_->playing() || !player_->flying() || player_->paused()) {
            sinceFlightFrame_.invalidate();
            return;
        }
        if (sinceFlightFrame_.isValid())
            view_->setRenderScale(flightScale_.frameShown(double(sinceFlightFrame_.nsecsElapsed()) / 1e6));
        sinceFlightFrame_.start();
    });
    connect(player_, &TourPlayer::stopStarted, this, [this](int stop, const QString& caption) {
        tourStop_ = stop;
        if (facilityScene_)
            facilityScene_->caption().show(caption, int(view_->width() * view_->devicePixelRatioF()));
        showTourInMotion(!player_->paused()); // a step while paused shows the stop still
        statusBar()->showMessage(tr("Tour '%1': stop %2 of %3")
                                     .arg(QString::fromStdString(player_->tour().name),
                                          QString::number(stop + 1),
                                          QString::number(player_->tour().stops.size())));
    });
    connect(player_, &TourPlayer::cameraAt, this,
            [this](const scene::CameraPose& pose) { viewState_->setCamera(pose, CameraMove::Jump); });
    connect(player_, &TourPlayer::arrived, this, [this](int stop) {
        showTourInMotion(false);
        if (!model_ || stop < 0 || std::size_t(stop) >= player_->tour().stops.size())
            return;
        const datamodel::Bookmark& bookmark = player_->tour().stops[std::size_t(stop)].bookmark;
        viewState_->setSettings(settingsOf(bookmark, viewState_->settings(), *facility()), CameraMove::Jump);
        refreshKpiBand();
    });
    connect(player_, &TourPlayer::dayShown, this, [this](qint64 day) { showTourDay(day); });
    connect(player_, &TourPlayer::pausedChanged, this,
            [this](bool paused) { showTourInMotion(!paused && player_->flying()); });
    connect(player_, &TourPlayer::finished, this, [this] {
        tourStop_ = -1;
        showTourInMotion(false);
        if (facilityScene_) {
            facilityScene_->caption().hide();
            view_->requestRender();
        }
        if (!presenting_)
            qApp->removeEventFilter(this);
        statusBar()->showMessage(tr("Tour ended"), kStatusMessageMs);
    });
}

bool MainWindow::applyTourBookEdit(const std::function<datamodel::Edit()>& make, const QString& text) {
    if (!model_)
        return false;
    datamodel::Edit edit;
    try {
        edit = make();
    } catch (const datamodel::EditRefused& refused) {
        const QString why = QString::fromStdString(refused.what());
        statusBar()->showMessage(why, kStatusMessageMs);
        emit editRefused(why);
        bookmarks_->setModel(model_);
        return false;
    }
    if (edit.empty())
        return true; // nothing to change
    return document_->apply(std::move(edit), text);
}

datamodel::Bookmark MainWindow::bookmarkOfView(const QString& name) const {
    ViewSettings settings = viewState_->settings();
    settings.camera = view_->cameraPose(); // where it is now, a flight under way or not
    return bookmarkOf(name.trimmed().toStdString(), settings, *facility());
}

bool MainWindow::saveBookmark(const QString& name) {
    const bool saved = applyTourBookEdit(
        [&] { return datamodel::saveBookmarkEdit(facility()->tourBook(), bookmarkOfView(name)); },
        tr("Save bookmark '%1'").arg(name.trimmed()));
    if (saved) {
        bookmarks_->show();
        bookmarkToChoose_ = name.trimmed();
        chooseWhatWasMade(); // now, or when the model is read again (a session's first edit)
    }
    return saved;
}

void MainWindow::chooseWhatWasMade() {
    if (!model_)
        return;
    const datamodel::TourBook& book = facility()->tourBook();
    for (const datamodel::Bookmark& bookmark : book.bookmarks)
        if (!bookmarkToChoose_.isEmpty() && QString::fromStdString(bookmark.name) == bookmarkToChoose_) {
            bookmarks_->chooseBookmark(bookmark.id);
            bookmarkToChoose_.clear();
        }
    if (const datamodel::Tour* tour = book.tourNamed(tourToChoose_.toStdString());
        tour && !tourToChoose_.isEmpty()) {
        bookmarks_->chooseTour(tour->id);
        tourToChoose_.clear();
    }
}

bool MainWindow::updateBookmark(std::int64_t id) {
    const datamodel::Bookmark* bookmark = model_ ? facility()->tourBook().bookmark(id) : nullptr;
    if (!bookmark)
        return false;
    const QString name = QString::fromStdString(bookmark->name);
    return applyTourBookEdit(
        [&] { return datamodel::updateBookmarkEdit(facility()->tourBook(), id, bookmarkOfView(name)); },
        tr("Update bookmark '%1'").arg(name));
}

bool MainWindow::renameBookmark(std::int64_t id, const QString& name) {
    return applyTourBookEdit(
        [&] {
            return datamodel::renameBookmarkEdit(facility()->tourBook(), id, name.trimmed().toStdString());
        },
        tr("Rename bookmark to '%1'").arg(name.trimmed()));
}

bool MainWindow::moveBookmark(std::int64_t id, int by) {
    return applyTourBookEdit([&] { return datamodel::moveBookmarkEdit(facility()->tourBook(), id, by); },
                             by < 0 ? tr("Move bookmark up") : tr("Move bookmark down"));
}

bool MainWindow::deleteBookmark(std::int64_t id) {
    const datamodel::Bookmark* bookmark = model_ ? facility()->tourBook().bookmark(id) : nullptr;
    const QString name = bookmark ? QString::fromStdString(bookmark->name) : QString::number(id);
    return applyTourBookEdit([&] { return datamodel::deleteBookmarkEdit(facility()->tourBook(), id); },
                             tr("Delete bookmark '%1'").arg(name));
}

bool MainWindow::editTour(const datamodel::Tour& tour) {
    return applyTourBookEdit([&] { return datamodel::tourEdit(facility()->tourBook(), tour); },
                             tr("Edit tour '%1'").arg(QString::fromStdString(tour.name)));
}

bool MainWindow::newTour(const QString& name) {
    datamodel::Tour tour;
    tour.name = name.trimmed().toStdString();
    const bool added = applyTourBookEdit([&] { return datamodel::tourEdit(facility()->tourBook(), tour); },
                                         tr("New tour '%1'").arg(name.trimmed()));
    if (added) {
        tourToChoose_ = name.trimmed();
        chooseWhatWasMade();
    }
    return added;
}

bool MainWindow::deleteTour(std::int64_t id) {
    return applyTourBookEdit([&] { return datamodel::deleteTourEdit(facility()->tourBook(), id); },
                             tr("Delete tour"));
}

bool MainWindow::goToBookmark(std::int64_t id, CameraMove move) {
    const datamodel::Bookmark* bookmark = model_ ? facility()->tourBook().bookmark(id) : nullptr;
    if (!bookmark)
        return false;
    QStringList problems;
    const ViewSettings settings = settingsOf(*bookmark, viewState_->settings(), *facility(), &problems);
    viewState_->setSettings(settings, move);
    statusBar()->showMessage(
        problems.isEmpty()
            ? tr("Bookmark '%1'").arg(QString::fromStdString(bookmark->name))
            : tr("Bookmark '%1', not all of it: %2")
                  .arg(QString::fromStdString(bookmark->name), problems.join(QStringLiteral("; "))),
        kStatusMessageMs);
    return true;
}

bool MainWindow::playTour(std::int64_t id) {
    if (!model_)
        return false;
    const datamodel::TourBook& book = facility()->tourBook();
    if (id == 0)
        id = bookmarks_->chosenTour();
    const datamodel::Tour* tour = id != 0              ? book.tour(id)
                                  : book.tours.empty() ? nullptr
                                                       : &book.tours.front();
    if (!tour) {
        statusBar()->showMessage(tr("The model has no tour to play"), kStatusMessageMs);
        return false;
    }
    QString problem;
    if (!player_->play(*tour, view_->cameraPose(), &problem)) {
        statusBar()->showMessage(problem, kStatusMessageMs);
        emit editRefused(problem);
        return false;
    }
    qApp->installEventFilter(this); // the tour's keys, wherever the focus is
    return true;
}

void MainWindow::showTourInMotion(bool moving) {
    if (moving)
        flightScale_.startFlight();
    sinceFlightFrame_.invalidate();
    view_->setRenderScale(moving ? flightScale_.scale() : 1.0);
    if (facilityScene_)
        facilityScene_->setOverlaysSuppressed(moving);
    view_->requestRender();
}

void MainWindow::showTourDay(qint64 day) {
    if (!model_ || tourStop_ < 0)
        return;
    viewState_->setColouring(spanDayColouring(viewState_->colouring(), datamodel::TimePoint(day)));
    refreshKpiBand();
}

bool MainWindow::handleTourKey(QObject* target, QKeyEvent* key) {
    if (!player_ || !player_->playing())
        return false;
    static constexpr int kTourKeys[] = {Qt::Key_Space, Qt::Key_Right,  Qt::Key_PageDown,
                                        Qt::Key_Left,  Qt::Key_PageUp, Qt::Key_Escape};
    if (std::find(std::begin(kTourKeys), std::end(kTourKeys), key->key()) == std::end(kTourKeys))
        return false;
    // Plain keys only, and not while a dialog asks something or a text field or table cell is being
    // typed into (out of presentation mode): a space in a bookmark's name is a space.
    if ((key->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier || QApplication::activeModalWidget())
        return false;
    if (!presenting_) {
        const QObject* typedInto = QApplication::focusWidget();
        for (const QObject* widget : {typedInto, static_cast<const QObject*>(target)})
            if (widget && (widget->inherits("QLineEdit") || widget->inherits("QTextEdit") ||
                           widget->inherits("QAbstractSpinBox")))
                return false; // a table cell's editor is a QLineEdit too
    }
    if (key->type() == QEvent::ShortcutOverride) {
        key->accept(); // the tour's, not a shortcut's (Esc would clear an impact instead)
        return true;
    }
    if (key->type() != QEvent::KeyPress)
        return false;
    switch (key->key()) {
    case Qt::Key_Space:
        player_->togglePause();
        statusBar()->showMessage(player_->paused() ? tr("Tour paused (Space goes on)") : tr("Tour playing"));
        return true;
    case Qt::Key_Right:
    case Qt::Key_PageDown:
        player_->next();
        return true;
    case Qt::Key_Left:
    case Qt::Key_PageUp:
        player_->previous();
        return true;
    case Qt::Key_Escape:
        player_->stop();
        return true;
    default:
        return false;
    }
}

} // namespace twin::app
