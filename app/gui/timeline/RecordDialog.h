// File > Record Roll-out: where the frames go, which days, the camera path (presets in order), frames
// per day, the video's frame rate and the picture size; turned into `record` arguments.
#pragma once

#include "datamodel/Time.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QSpinBox;

namespace twin::app {

class RecordDialog : public QDialog {
    Q_OBJECT
public:
    // Days offered: the schedule's; chosen at first: its last 20. `presets`: the camera presets of the
    // model (overview, hall:N, aisle:ROW), offered in a list; each picked is the path's next stop.
    RecordDialog(datamodel::TimePoint firstDay, datamodel::TimePoint lastDay, const QStringList& presets = {},
                 QWidget* parent = nullptr);

    // The arguments after `record MODEL`.
    QStringList arguments() const;

private:
    QLineEdit* directory_ = nullptr;
    QLineEdit* camera_ = nullptr;
    QComboBox* presets_ = nullptr;
    QDateEdit* from_ = nullptr;
    QDateEdit* to_ = nullptr;
    QSpinBox* framesPerDay_ = nullptr;
    QSpinBox* fps_ = nullptr;
    QComboBox* size_ = nullptr;
};

} // namespace twin::app
