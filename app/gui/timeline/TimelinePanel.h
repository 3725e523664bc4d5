// The Timeline dock: step through the installation schedule day by day, planned against actual, as
// 4D tools do. A slider over the whole schedule in days, or zoomed in to a week or a day in hours; a
// day back and forward, play and pause at a chosen speed, today, and the mode: Planned, Actual, or
// Actual vs Planned. The window recolours the scene through its overlay arrays for every change
// (never a rebuild).
#pragma once

#include "datamodel/ProgressReport.h"
#include "datamodel/Time.h"
#include "view/ViewSettings.h"

#include <QDockWidget>

class QChart;
class QDateTimeAxis;
class QCheckBox;
class QComboBox;
class QLineSeries;
class QLabel;
class QSlider;
class QPushButton;
class QTimer;
class QTreeWidget;
class QToolButton;

namespace twin::app {

class TimelinePanel : public QDockWidget {
    Q_OBJECT
public:
    using Mode = TimelineMode; // the ViewState's: the window colours by it
    // What the slider spans: the whole schedule a day a step, or a week or a day an hour a step.
    enum class Zoom { Schedule, Week, Day };

    explicit TimelinePanel(QWidget* parent = nullptr);

    // The days the slider spans: a day before the first task to a day after the last.
    void setSchedule(datamodel::TimePoint start, datamodel::TimePoint end);
    datamodel::TimePoint day() const;    // midnight UTC of the day shown
    datamodel::TimePoint moment() const; // the start of the day, or of the hour when zoomed in
    // The last second of the day or hour shown: the state drawn is the state then.
    datamodel::TimePoint shownUntil() const;
    void setMoment(datamodel::TimePoint moment); // to its day, or hour when zoomed in
    Zoom zoom() const;
    void setZoom(Zoom zoom);
    // "Today" (the wall clock; tests set their own): the Today button goes there (or to the nearer end
    // of the schedule) and the S-curve marks it when it falls within the schedule.
    void setNow(datamodel::TimePoint now);
    void goToToday();
    int dayNumber() const; // days since firstDay(): the slider's first day is day 0
    datamodel::TimePoint firstDay() const;
    datamodel::TimePoint lastDay() const;
    void setDay(datamodel::TimePoint day);
    Mode mode() const;
    void setMode(Mode mode);
    // Leave out what is not installed yet (rather than ghost it).
    bool hidesNotInstalled() const;
    void setHidesNotInstalled(bool hide);
    void stepDays(int days);
    void setPlaying(bool playing);
    bool playing() const;
    // The S-curve of GPUs installed per day, planned (dashed) against actual, with the slider's day as
    // a cursor.
    void setCurve(const std::vector<datamodel::CurvePoint>& curve, std::size_t total);
    // The day's report: per hall (and its rows) planned, actual and percent complete, with the day's
    // installs and late tasks above.
    // `tasks`: the model's, to list the late tasks by name under the halls (a click on one: taskChosen).
    void showReport(const datamodel::ProgressReport& report, const datamodel::TaskColumns* tasks = nullptr);
    // The late tasks listed (at most kLateTasksListed), for tests: their rows' task indexes.
    std::vector<std::uint32_t> listedLateTasks() const;
    static constexpr int kLateTasksListed = 200;
    QString summary() const;
    // What the chart holds (for tests): points per line, and the cursor's day.
    int curvePoints() const;
    datamodel::TimePoint cursorDay() const;
    // The S-curve's time axis, from and to.
    std::pair<datamodel::TimePoint, datamodel::TimePoint> chartSpan() const;
    // What the chart says under its time axis: the slider's day when it is far off the roll-out, and
    // how many GPUs went in after it. Empty when the chart shows everything.
    QString chartNote() const;
    // Where the today marker stands on the S-curve, or kNoTime when today is outside it.
    datamodel::TimePoint todayMarker() const;

signals:
    // `moment`: the day's midnight, or the hour's start when zoomed in.
    void changed(datamodel::TimePoint moment, twin::app::TimelinePanel::Mode mode);
    void exportRequested();
    // A late task in the report was clicked: show where it is.
    void taskChosen(std::uint32_t task);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitDateTicks(); // dates on the S-curve's axis: as many as its width holds
    void showDay();
    // Slider positions from and to times, for the zoom in force.
    void layOutSlider();
    datamodel::TimePoint timeAt(int position) const;
    datamodel::TimePoint lastMoment() const; // the last day, or its last hour when zoomed in
    void showToday();
    void labelSpeeds(); // days or hours a second, as the zoom steps
    // The S-curve's time axis: the roll-out (and the slider's day), or the slider's week or day.
    void fitChartToSlider();

    datamodel::TimePoint firstDay_ = 0, lastDay_ = 0;
    datamodel::TimePoint moment_ = 0;      // master: what the slider shows
    datamodel::TimePoint windowStart_ = 0; // zoomed in: the first hour the slider spans
    datamodel::TimePoint now_ = 0;
    QComboBox* zoom_ = nullptr;
    QToolButton* today_ = nullptr;
    QLineSeries* todayLine_ = nullptr;
    QDateTimeAxis* timeAxis_ = nullptr;
    datamodel::TimePoint curveStart_ = 0, curveEnd_ = 0;
    datamodel::CurveSpan rollOut_; // what the chart spans in the whole-schedule zoom
    QComboBox* mode_ = nullptr;
    QCheckBox* hide_ = nullptr;
    QSlider* slider_ = nullptr;
    QLabel* date_ = nullptr;
    QToolButton* play_ = nullptr;
    QComboBox* speed_ = nullptr;
    QTimer* player_ = nullptr;
    QChart* chart_ = nullptr;
    QWidget* curveView_ = nullptr;
    QLineSeries* planned_ = nullptr;
    QLineSeries* actual_ = nullptr;
    QLineSeries* cursor_ = nullptr;
    std::size_t total_ = 0;
    QLabel* summary_ = nullptr;
    QTreeWidget* report_ = nullptr;
};

} // namespace twin::app
