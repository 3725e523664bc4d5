#include "gui/tour/BookmarksPanel.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <charconv>
#include <cmath>

namespace twin::app {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

QPushButton* button(const QString& text, const QString& name, const QString& tip, QWidget* parent) {
    auto* b = new QPushButton(text, parent);
    b->setObjectName(name);
    b->setToolTip(tip);
    return b;
}

// The shortest text that reads back as `value` (6 digits would change a dwell of 2.1234567 s that
// nobody touched when another cell of the tour is edited).
QString numberText(double value) {
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, value).ptr;
    return QString::fromLatin1(text, qsizetype(end - text));
}

QString dayText(datamodel::TimePoint time) {
    return time == datamodel::kNoTime ? QString()
                                      : QString::fromStdString(datamodel::formatTime(time)).left(10);
}

} // namespace

BookmarksPanel::BookmarksPanel(QWidget* parent) : QDockWidget(tr("Bookmarks and Tours"), parent) {
    setObjectName(QStringLiteral("bookmarksDock"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);

    bookmarks_ = new QListWidget(body);
    bookmarks_->setObjectName(QStringLiteral("bookmarkList"));
    bookmarks_->setToolTip(
        tr("Double click to fly there with its view: layers, x-ray, colours, day, selection"));
    layout->addWidget(bookmarks_, 1);
    // Two rows of buttons: in one, seven of them held the dock at half a 1280-pixel window.
    auto* bookmarkButtons = new QGridLayout;
    auto* save = button(tr("Save View..."), QStringLiteral("saveBookmark"),
                        tr("Save the view as it is now under a name (Ctrl+D)"), body);
    go_ = button(tr("Go"), QStringLiteral("goToBookmark"), tr("Fly to the chosen bookmark"), body);
    update_ = button(tr("Update"), QStringLiteral("updateBookmark"),
                     tr("Make the chosen bookmark the view as it is now"), body);
    rename_ =
        button(tr("Rename..."), QStringLiteral("renameBookmark"), tr("Rename the chosen bookmark"), body);
    up_ = button(QStringLiteral("\u25b2"), QStringLiteral("bookmarkUp"), tr("One place up"), body);
    down_ = button(QStringLiteral("\u25bc"), QStringLiteral("bookmarkDown"), tr("One place down"), body);
    delete_ = button(tr("Delete"), QStringLiteral("deleteBookmark"),
                     tr("Delete the chosen bookmark, and the tours' stops at it"), body);
    int cell = 0;
    for (QPushButton* b : {save, go_, update_, rename_, up_, down_, delete_}) {
        bookmarkButtons->addWidget(b, cell / 4, cell % 4);
        ++cell;
    }
    layout->addLayout(bookmarkButtons);

    auto* tourRow = new QHBoxLayout;
    tourRow->addWidget(new QLabel(tr("Tour:"), body));
    tours_ = new QComboBox(body);
    tours_->setObjectName(QStringLiteral("tourChoice"));
    tours_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    tourRow->addWidget(tours_, 1);
    auto* newTour = button(tr("New..."), QStringLiteral("newTour"), tr("A new tour, without stops"), body);
    deleteTour_ = button(tr("Delete"), QStringLiteral("deleteTour"), tr("Delete this tour"), body);
    play_ = button(tr("\u25b6 Play"), QStringLiteral("playTour"),
                   tr("Play this tour: Space pauses, the arrows go to the next or previous stop, Esc stops"),
                   body);
    layout->addLayout(tourRow);
    // The buttons on a row of their own: beside them a tour's name was cut ("Colossus in 19 d...").
    auto* tourButtons = new QHBoxLayout;
    for (QPushButton* b : {newTour, deleteTour_, play_})
        tourButtons->addWidget(b);
    layout->addLayout(tourButtons);

    stops_ = new QTableWidget(0, ColumnCount, body);
    stops_->setObjectName(QStringLiteral("tourStops"));
    stops_->setHorizontalHeaderLabels(
        {tr("Bookmark"), tr("Caption"), tr("Dwell, s"), tr("Span from"), tr("Span to"), tr("Days/s")});
    stops_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    stops_->horizontalHeader()->setSectionResizeMode(CaptionColumn, QHeaderView::Interactive);
    stops_->setColumnWidth(CaptionColumn, 320); // the rest fit their contents; the caption scrolls
    stops_->setWordWrap(false);
    stops_->verticalHeader()->setVisible(true);
    stops_->setSelectionBehavior(QAbstractItemView::SelectRows);
    stops_->setSelectionMode(QAbstractItemView::SingleSelection);
    stops_->setToolTip(tr("Double click a cell to edit it: a caption, a dwell (0 to 600 s), a timeline span "
                          "(YYYY-MM-DD) and how many days a second it plays"));
    layout->addWidget(stops_, 3);
    auto* stopButtons = new QHBoxLayout;
    addStop_ = button(tr("Add Stop"), QStringLiteral("addStop"),
                      tr("Add the chosen bookmark as the last stop"), body);
    removeStop_ = button(tr("Remove Stop"), QStringLiteral("removeStop"), tr("Remove the chosen stop"), body);
    stopUp_ =
        button(QStringLiteral("\u25b2"), QStringLiteral("stopUp"), tr("The stop one place earlier"), body);
    stopDown_ =
        button(QStringLiteral("\u25bc"), QStringLiteral("stopDown"), tr("The stop one place later"), body);
    for (QPushButton* b : {addStop_, removeStop_, stopUp_, stopDown_})
        stopButtons->addWidget(b);
    stopButtons->addStretch(1);
    layout->addLayout(stopButtons);
    setWidget(body);

    connect(save, &QPushButton::clicked, this, &BookmarksPanel::saveRequested);
    connect(go_, &QPushButton::clicked, this, [this] { emit goRequested(chosenBookmark()); });
    connect(bookmarks_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { emit goRequested(item->data(kIdRole).toLongLong()); });
    connect(update_, &QPushButton::clicked, this, [this] { emit updateRequested(chosenBookmark()); });
    connect(rename_, &QPushButton::clicked, this, [this] { emit renameRequested(chosenBookmark()); });
    connect(up_, &QPushButton::clicked, this, [this] { emit moveRequested(chosenBookmark(), -1); });
    connect(down_, &QPushButton::clicked, this, [this] { emit moveRequested(chosenBookmark(), +1); });
    connect(delete_, &QPushButton::clicked, this, [this] { emit deleteRequested(chosenBookmark()); });
    connect(bookmarks_, &QListWidget::currentRowChanged, this, &BookmarksPanel::updateButtons);
    connect(tours_, &QComboBox::currentIndexChanged, this, [this] {
        if (!filling_)
            fillStops();
    });
    connect(newTour, &QPushButton::clicked, this, &BookmarksPanel::newTourRequested);
    connect(deleteTour_, &QPushButton::clicked, this, [this] { emit deleteTourRequested(chosenTour()); });
    connect(play_, &QPushButton::clicked, this, [this] { emit playRequested(chosenTour()); });
    connect(stops_, &QTableWidget::itemChanged, this, [this] {
        if (filling_)
            return;
        QString problem;
        if (const auto tour = editedTour(&problem))
            emit tourEdited(*tour);
        else
            emit inputRefused(problem); // the window shows why, and the model as it is
    });
    connect(stops_, &QTableWidget::itemSelectionChanged, this, &BookmarksPanel::updateButtons);
    connect(addStop_, &QPushButton::clicked, this, [this] {
        const datamodel::Bookmark* bookmark =
            loaded_ ? loaded_->facility->tourBook().bookmark(chosenBookmark()) : nullptr;
        if (!bookmark || chosenTour() == 0)
            return;
        std::optional<datamodel::Tour> tour = editedTour();
        if (!tour)
            return;
        datamodel::TourStop stop;
        stop.bookmark = *bookmark;
        stop.caption = bookmark->name;
        tour->stops.push_back(stop);
        emit tourEdited(*tour);
    });
    connect(removeStop_, &QPushButton::clicked, this, [this] {
        const int row = stops_->currentRow();
        std::optional<datamodel::Tour> tour = editedTour();
        if (!tour || row < 0 || row >= int(tour->stops.size()))
            return;
        tour->stops.erase(tour->stops.begin() + row);
        emit tourEdited(*tour);
    });
    connect(stopUp_, &QPushButton::clicked, this, [this] { moveStop(-1); });
    connect(stopDown_, &QPushButton::clicked, this, [this] { moveStop(+1); });
    updateButtons();
}

void BookmarksPanel::setModel(std::shared_ptr<const LoadedModel> model) {
    const std::int64_t bookmark = chosenBookmark(), tour = chosenTour();
    loaded_ = std::move(model);
    {
        const QSignalBlocker quiet(bookmarks_);
        bookmarks_->clear();
        if (loaded_)
            for (const datamodel::Bookmark& b : loaded_->facility->tourBook().bookmarks) {
                auto* item = new QListWidgetItem(QString::fromStdString(b.name), bookmarks_);
                item->setData(kIdRole, qlonglong(b.id));
            }
    }
    chooseBookmark(bookmark);
    fillTours();
    chooseTour(tour);
    fillStops();
    updateButtons();
}

std::int64_t BookmarksPanel::chosenBookmark() const {
    const QListWidgetItem* item = bookmarks_->currentItem();
    return item ? item->data(kIdRole).toLongLong() : 0;
}

std::int64_t BookmarksPanel::chosenTour() const {
    return tours_->currentIndex() < 0 ? 0 : tours_->currentData().toLongLong();
}

void BookmarksPanel::chooseBookmark(std::int64_t id) {
    for (int row = 0; row < bookmarks_->count(); ++row)
        if (bookmarks_->item(row)->data(kIdRole).toLongLong() == id)
            bookmarks_->setCurrentRow(row);
}

void BookmarksPanel::chooseTour(std::int64_t id) {
    const int index = tours_->findData(qlonglong(id));
    if (index >= 0 && index != tours_->currentIndex())
        tours_->setCurrentIndex(index); // fills the stops
}

void BookmarksPanel::fillTours() {
    filling_ = true;
    tours_->clear();
    if (loaded_)
        for (const datamodel::Tour& t : loaded_->facility->tourBook().tours)
            tours_->addItem(QString::fromStdString(t.name), qlonglong(t.id));
    filling_ = false;
}

void BookmarksPanel::fillStops() {
    filling_ = true;
    const int row = stops_->currentRow();
    stops_->setRowCount(0);
    const datamodel::Tour* tour = loaded_ ? loaded_->facility->tourBook().tour(chosenTour()) : nullptr;
    if (tour) {
        stops_->setRowCount(int(tour->stops.size()));
        for (int r = 0; r < int(tour->stops.size()); ++r) {
            const datamodel::TourStop& stop = tour->stops[std::size_t(r)];
            auto* name =
                new QTableWidgetItem(stop.bookmarkMissing ? tr("bookmark %1 (missing)").arg(stop.bookmark.id)
                                                          : QString::fromStdString(stop.bookmark.name));
            name->setData(kIdRole, qlonglong(stop.bookmark.id));
            name->setFlags(name->flags() & ~Qt::ItemIsEditable);
            stops_->setItem(r, BookmarkColumn, name);
            stops_->setItem(r, CaptionColumn, new QTableWidgetItem(QString::fromStdString(stop.caption)));
            stops_->setItem(r, DwellColumn, new QTableWidgetItem(numberText(stop.dwellSeconds)));
            stops_->setItem(r, FromColumn, new QTableWidgetItem(dayText(stop.span.from)));
            stops_->setItem(r, ToColumn, new QTableWidgetItem(dayText(stop.span.to)));
            stops_->setItem(
                r, SpeedColumn,
                new QTableWidgetItem(stop.span.empty() ? QString() : numberText(stop.span.daysPerSecond)));
            stops_->item(r, CaptionColumn)->setToolTip(QString::fromStdString(stop.caption));
        }
        if (row >= 0 && row < stops_->rowCount())
            stops_->selectRow(row);
    }
    filling_ = false;
    updateButtons();
}

std::optional<datamodel::Tour> BookmarksPanel::editedTour(QString* problem) const {
    datamodel::Tour tour;
    const datamodel::Tour* shown = loaded_ ? loaded_->facility->tourBook().tour(chosenTour()) : nullptr;
    if (!shown)
        return std::nullopt;
    tour.id = shown->id;
    tour.name = shown->name;
    const auto refuse = [&](int row, const QString& why) {
        if (problem)
            *problem =
                tr("Tour '%1': stop %2: %3").arg(QString::fromStdString(tour.name)).arg(row + 1).arg(why);
        return std::nullopt;
    };
    for (int r = 0; r < stops_->rowCount(); ++r) {
        const auto text = [&](int column) {
            const QTableWidgetItem* item = stops_->item(r, column);
            return item ? item->text().trimmed() : QString();
        };
        datamodel::TourStop stop;
        stop.bookmark.id = stops_->item(r, BookmarkColumn)->data(kIdRole).toLongLong();
        stop.caption = text(CaptionColumn).toStdString();
        bool ok = false;
        stop.dwellSeconds = text(DwellColumn).toDouble(&ok);
        if (!ok)
            return refuse(r, tr("the dwell '%1' is not a number of seconds").arg(text(DwellColumn)));
        for (const auto& [column, day] :
             {std::pair{FromColumn, &stop.span.from}, {ToColumn, &stop.span.to}}) {
            if (text(column).isEmpty())
                continue;
            const auto time = datamodel::parseTime(text(column).toStdString());
            if (!time)
                return refuse(r, tr("'%1' is not a day (YYYY-MM-DD)").arg(text(column)));
            *day = datamodel::startOfDay(*time);
        }
        // Empty for a stop without a span: the value it had (the table shows none).
        const bool sameStop = std::size_t(r) < shown->stops.size() &&
                              shown->stops[std::size_t(r)].bookmark.id == stop.bookmark.id;
        ok = true;
        stop.span.daysPerSecond = !text(SpeedColumn).isEmpty() ? text(SpeedColumn).toDouble(&ok)
                                  : sameStop ? shown->stops[std::size_t(r)].span.daysPerSecond
                                             : 2.0;
        if (!ok)
            return refuse(r, tr("'%1' is not a number of days a second").arg(text(SpeedColumn)));
        tour.stops.push_back(std::move(stop));
    }
    return tour;
}

void BookmarksPanel::moveStop(int by) {
    const int row = stops_->currentRow(), to = row + by;
    std::optional<datamodel::Tour> tour = editedTour();
    if (!tour || row < 0 || to < 0 || to >= int(tour->stops.size()))
        return;
    std::swap(tour->stops[std::size_t(row)], tour->stops[std::size_t(to)]);
    emit tourEdited(*tour);
    stops_->selectRow(to);
}

void BookmarksPanel::updateButtons() {
    const bool bookmark = chosenBookmark() != 0, tour = chosenTour() != 0;
    for (QPushButton* b : {go_, update_, rename_, up_, down_, delete_})
        b->setEnabled(bookmark);
    const int row = stops_->currentRow();
    deleteTour_->setEnabled(tour);
    play_->setEnabled(tour && stops_->rowCount() > 0);
    addStop_->setEnabled(tour && bookmark);
    removeStop_->setEnabled(tour && row >= 0);
    stopUp_->setEnabled(tour && row > 0);
    stopDown_->setEnabled(tour && row >= 0 && row + 1 < stops_->rowCount());
}

} // namespace twin::app
