// Edit > Record Progress > Record Progress...: progress on the selection with every choice the menu's
// quick entries leave out: one chosen task or all of them, now or at a date and time picked (UTC, as
// the model keeps times), and the reason for a block. The window checks and writes it (progressEdit).
#pragma once

#include "datamodel/edits/ProgressEdit.h"

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QRadioButton;

namespace twin::app {

class ProgressDialog : public QDialog {
    Q_OBJECT
public:
    ProgressDialog(const datamodel::Facility& facility, const std::vector<datamodel::EntityIndex>& selection,
                   QWidget* parent = nullptr);

    datamodel::ProgressAction action() const;
    // The chosen task (an index into Facility::tasks()), or empty for all of the selection's.
    std::vector<std::uint32_t> tasks() const;
    // The time picked, or kNoTime for now.
    datamodel::TimePoint at() const;
    QString reason() const;

    QComboBox* actionBox() const { return action_; }
    QComboBox* taskBox() const { return task_; }
    QRadioButton* atButton() const { return atTime_; }
    QDateTimeEdit* timeEdit() const { return time_; }
    QLineEdit* reasonEdit() const { return reason_; }

private:
    QComboBox* action_ = nullptr;
    QComboBox* task_ = nullptr;
    QRadioButton* atTime_ = nullptr;
    QDateTimeEdit* time_ = nullptr;
    QLineEdit* reason_ = nullptr;
};

} // namespace twin::app
