// The Bookmarks dock (issue 17): the model's bookmarks, each a whole view (camera, layers, x-ray,
// colouring, timeline day, selection), to save, jump to (a double click flies there), update, rename,
// move and delete; and below them the tour editor: a tour's stops, each a bookmark with its caption,
// dwell and a timeline span to play, with Play. The dock asks; the window makes each change one edit
// on the Document's undo stack (refused input comes back as the model was, the reason in the status).
#pragma once

#include "datamodel/Tours.h"
#include "gui/document/LoadedModel.h"

#include <QDockWidget>
#include <memory>
#include <optional>

class QComboBox;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace twin::app {

class BookmarksPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit BookmarksPanel(QWidget* parent = nullptr);

    // The model shown; the chosen bookmark and tour stay chosen when they are still there.
    void setModel(std::shared_ptr<const LoadedModel> model);
    QListWidget* bookmarkList() const { return bookmarks_; }
    QTableWidget* stopTable() const { return stops_; }
    QComboBox* tourChoice() const { return tours_; }
    // The bookmark chosen in the list (0: none) and the tour shown in the editor (0: none).
    std::int64_t chosenBookmark() const;
    std::int64_t chosenTour() const;
    void chooseTour(std::int64_t id);
    void chooseBookmark(std::int64_t id);
    // The tour as the editor's table holds it now (stops by bookmark id); nothing when a cell is no
    // number or day (`problem` names the stop and the cell). The edit checks the rest (a dwell of -1 s).
    std::optional<datamodel::Tour> editedTour(QString* problem = nullptr) const;

    enum Column {
        BookmarkColumn,
        CaptionColumn,
        DwellColumn,
        FromColumn,
        ToColumn,
        SpeedColumn,
        ColumnCount
    };

signals:
    void saveRequested();                              // Save View...: the window asks the name
    void goRequested(std::int64_t bookmark);           // a double click, or Go
    void updateRequested(std::int64_t bookmark);       // to the view as it is now
    void renameRequested(std::int64_t bookmark);       // the window asks the new name
    void moveRequested(std::int64_t bookmark, int by); // -1 up, +1 down
    void deleteRequested(std::int64_t bookmark);
    void tourEdited(const twin::datamodel::Tour& tour); // a stop added, removed, moved or a cell edited
    void newTourRequested();                            // the window asks the name
    void deleteTourRequested(std::int64_t tour);
    void playRequested(std::int64_t tour);
    void inputRefused(const QString& why);

private:
    void fillTours();
    void fillStops();
    void updateButtons();
    void moveStop(int by);

    std::shared_ptr<const LoadedModel> loaded_;
    QListWidget* bookmarks_ = nullptr;
    QComboBox* tours_ = nullptr;
    QTableWidget* stops_ = nullptr;
    QPushButton *go_ = nullptr, *update_ = nullptr, *rename_ = nullptr, *up_ = nullptr, *down_ = nullptr,
                *delete_ = nullptr;
    QPushButton *deleteTour_ = nullptr, *addStop_ = nullptr, *removeStop_ = nullptr, *stopUp_ = nullptr,
                *stopDown_ = nullptr, *play_ = nullptr;
    bool filling_ = false; // the table is being filled from the model: its changes are no edits
};

} // namespace twin::app
