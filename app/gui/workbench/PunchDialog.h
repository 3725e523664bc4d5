// Edit > Add Punch Item...: what is wrong with the selection: a title, text, priority, blocking or
// not, an assignee, a due date and photos (image files, checked as they are added). The window pins it
// to the selected entity and the camera as it is now.
#pragma once

#include "datamodel/edits/PunchEdit.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace twin::app {

class PunchDialog : public QDialog {
    Q_OBJECT
public:
    // `where`: the entity's name, for the title bar.
    PunchDialog(const QString& where, QWidget* parent = nullptr);

    // The request as filled in (entity, author, pin and time are the window's to set).
    datamodel::PunchRequest request() const;
    // Reads and checks `path` as a photo; false (and the reason shown in the dialog) when refused.
    bool addPhoto(const QString& path);
    QString problem() const;

private:
    QLineEdit* title_ = nullptr;
    QPlainTextEdit* text_ = nullptr;
    QComboBox* priority_ = nullptr;
    QCheckBox* blocking_ = nullptr;
    QLineEdit* assignee_ = nullptr;
    QCheckBox* hasDue_ = nullptr;
    QDateEdit* due_ = nullptr;
    QListWidget* photoList_ = nullptr;
    QLabel* problem_ = nullptr;
    std::vector<datamodel::NotePhoto> photos_;
};

} // namespace twin::app
