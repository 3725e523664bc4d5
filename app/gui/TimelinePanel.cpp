#include "gui/TimelinePanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QTimer>
#include <QToolButton>

namespace twin::app {

namespace {
constexpr int kPlayDaysPerSecond[] = {1, 2, 4, 8};
}

TimelinePanel::TimelinePanel(QWidget* parent) : QDockWidget(tr("Timeline"), parent) {
    setObjectName(QStringLiteral("timelinePanel"));
    auto* body = new QWidget(this);
    mode_ = new QComboBox(body);
    mode_->setObjectName(QStringLiteral("timelineMode"));
    mode_->addItems({tr("Off"), tr("Planned"), tr("Actual"), tr("Actual vs planned")});
    auto* back = new QToolButton(body);
    back->setObjectName(QStringLiteral("timelineBack"));
    back->setText(QStringLiteral("◀"));
    back->setToolTip(tr("A day back"));
    auto* forward = new QToolButton(body);
    forward->setObjectName(QStringLiteral("timelineForward"));
    forward->setText(QStringLiteral("▶"));
    forward->setToolTip(tr("A day forward"));
    play_ = new QToolButton(body);
    play_->setObjectName(QStringLiteral("timelinePlay"));
    play_->setText(tr("Play"));
    play_->setCheckable(true);
    speed_ = new QComboBox(body);
    speed_->setObjectName(QStringLiteral("timelineSpeed"));
    for (const int days : kPlayDaysPerSecond)
        speed_->addItem(tr("%n day(s)/s", nullptr, days));
    slider_ = new QSlider(Qt::Horizontal, body);
    slider_->setObjectName(QStringLiteral("timelineSlider"));
    slider_->setPageStep(7);
    date_ = new QLabel(body);
    date_->setObjectName(QStringLiteral("timelineDate"));
    date_->setMinimumWidth(date_->fontMetrics().horizontalAdvance(QStringLiteral("2024-07-22 (day 19)")));
    auto* row = new QHBoxLayout(body);
    row->addWidget(mode_);
    row->addWidget(back);
    row->addWidget(forward);
    row->addWidget(play_);
    row->addWidget(speed_);
    row->addWidget(slider_, 1);
    row->addWidget(date_);
    setWidget(body);

    player_ = new QTimer(this);
    connect(player_, &QTimer::timeout, this, [this] {
        if (slider_->value() >= slider_->maximum())
            setPlaying(false); // the end of the roll-out
        else
            stepDays(1);
    });
    connect(back, &QToolButton::clicked, this, [this] { stepDays(-1); });
    connect(forward, &QToolButton::clicked, this, [this] { stepDays(1); });
    connect(play_, &QToolButton::toggled, this, &TimelinePanel::setPlaying);
    connect(speed_, &QComboBox::currentIndexChanged, this,
            [this](int index) { player_->setInterval(1000 / kPlayDaysPerSecond[std::max(0, index)]); });
    connect(slider_, &QSlider::valueChanged, this, [this] {
        showDay();
        emit changed(day(), mode());
    });
    connect(mode_, &QComboBox::currentIndexChanged, this, [this] { emit changed(day(), mode()); });
    player_->setInterval(1000 / kPlayDaysPerSecond[0]);
    setSchedule(0, 0);
}

void TimelinePanel::setSchedule(datamodel::TimePoint start, datamodel::TimePoint end) {
    const auto midnight = [](datamodel::TimePoint time) {
        return time -
               ((time % datamodel::kSecondsPerDay) + datamodel::kSecondsPerDay) % datamodel::kSecondsPerDay;
    };
    firstDay_ = midnight(start) - datamodel::kSecondsPerDay;
    const int days = int((midnight(end) - firstDay_) / datamodel::kSecondsPerDay) + 1;
    const QSignalBlocker quiet(slider_);
    slider_->setRange(0, std::max(0, days));
    slider_->setValue(0);
    showDay();
}

datamodel::TimePoint TimelinePanel::day() const {
    return firstDay_ + datamodel::TimePoint(slider_->value()) * datamodel::kSecondsPerDay;
}

void TimelinePanel::setDay(datamodel::TimePoint day) {
    slider_->setValue(int((day - firstDay_) / datamodel::kSecondsPerDay));
}

TimelinePanel::Mode TimelinePanel::mode() const {
    return Mode(mode_->currentIndex());
}

void TimelinePanel::setMode(Mode mode) {
    mode_->setCurrentIndex(int(mode));
}

void TimelinePanel::stepDays(int days) {
    slider_->setValue(slider_->value() + days);
}

void TimelinePanel::setPlaying(bool playing) {
    if (playing && mode() == Mode::Off)
        setMode(Mode::ActualVsPlanned); // playing with nothing shown would show nothing
    if (playing && slider_->value() >= slider_->maximum())
        slider_->setValue(0); // play again from the start
    const QSignalBlocker quiet(play_);
    play_->setChecked(playing);
    play_->setText(playing ? tr("Pause") : tr("Play"));
    if (playing)
        player_->start();
    else
        player_->stop();
}

bool TimelinePanel::playing() const {
    return player_->isActive();
}

void TimelinePanel::showDay() {
    date_->setText(
        tr("%1 (day %2)").arg(QString::fromStdString(datamodel::formatDate(day()))).arg(slider_->value()));
}

} // namespace twin::app
