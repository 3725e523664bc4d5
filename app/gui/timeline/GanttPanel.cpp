#include "gui/timeline/GanttPanel.h"

#include "gui/timeline/GanttChart.h"
#include "gui/window/Utf8.h"
#include "scene/FacilityScene.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace twin::app {

using datamodel::kNoEntity;
using datamodel::kNoTime;
using datamodel::TimePoint;

namespace {
constexpr int kChartHeight = 200;
QString date(TimePoint time) {
    return QString::fromStdString(datamodel::formatDate(time));
}
// Spelled out: tr's %n reads "task(s)" without a translation loaded.
QString taskCountText(std::size_t count) {
    return count == 1 ? GanttPanel::tr("1 task") : GanttPanel::tr("%1 tasks").arg(count);
}
} // namespace

GanttPanel::GanttPanel(QWidget* parent) : QDockWidget(tr("Gantt"), parent) {
    setObjectName(QStringLiteral("ganttPanel"));
    auto* body = new QWidget(this);
    header_ = new QLabel(body);
    header_->setObjectName(QStringLiteral("ganttHeader"));
    project_ = new QLabel(body);
    project_->setObjectName(QStringLiteral("ganttProject"));
    project_->setWordWrap(true);
    // The key to the bars, in the timeline's actual-vs-planned colours.
    QString key = QStringLiteral("<span style='color:#96989f'>▬</span> %1").arg(tr("planned"));
    for (datamodel::Progress progress : {datamodel::Progress::Early, datamodel::Progress::OnTime,
                                         datamodel::Progress::Late, datamodel::Progress::InProgress})
        key += QStringLiteral("&nbsp;&nbsp;<span style='color:%1'>█</span> %2")
                   .arg(GanttChart::progressColour(progress).name(),
                        scene::FacilityScene::progressPalette()[std::size_t(progress)].label.toLower());
    key += QStringLiteral("&nbsp;&nbsp;<b style='color:#960000'>◆</b> %1").arg(tr("critical path"));
    auto* legend = new QLabel(key, body);
    legend->setObjectName(QStringLiteral("ganttLegend"));
    tasks_ = new GanttTaskModel(this);
    chart_ = new GanttChart(body);
    chart_->setTaskModel(tasks_);
    chart_->setMinimumHeight(kChartHeight);
    auto* fit = new QToolButton(body);
    fit->setObjectName(QStringLiteral("ganttFit"));
    fit->setText(tr("Fit"));
    fit->setToolTip(tr("Fit the time axis to the tasks shown (Ctrl+wheel zooms, Shift+wheel pans, a "
                       "double-click on the dates fits)"));
    connect(fit, &QToolButton::clicked, chart_, &GanttChart::fitToRows);
    auto* top = new QHBoxLayout;
    top->addWidget(header_, 1);
    top->addWidget(legend);
    top->addWidget(fit);
    auto* column = new QVBoxLayout(body);
    column->addLayout(top);
    column->addWidget(project_);
    column->addWidget(chart_, 1);
    setWidget(body);
    showHeader();
}

void GanttPanel::setModel(std::shared_ptr<const LoadedModel> model) {
    tasks_->setModel(std::move(model));
    showProject();
    showHeader();
}

void GanttPanel::showProject() {
    const LoadedModel* model = tasks_->loaded();
    const datamodel::CriticalPath& critical = tasks_->criticalPath();
    if (!model) {
        project_->clear();
    } else if (!critical.ok()) {
        project_->setText(tr("No critical path: %1").arg(QString::fromStdString(critical.error)));
    } else if (critical.path.empty()) {
        project_->setText(tr("The model has no tasks."));
    } else {
        // Say what decides the end of the roll-out, and how early the plan's durations allow it.
        const auto& tasks = model->facility->tasks();
        const std::uint32_t last = critical.path.back();
        QString text = tr("Critical path: %1, from \"%2\" to \"%3\"; the plan's durations allow it by %4")
                           .arg(taskCountText(critical.path.size()), utf8(tasks.name[critical.path.front()]),
                                utf8(tasks.name[last]), date(critical.finish));
        if (tasks.plannedEnd[last] > critical.finish + datamodel::kSecondsPerDay)
            text += tr(" (planned for %1)").arg(date(tasks.plannedEnd[last]));
        project_->setText(text);
    }
}

void GanttPanel::showEntity(datamodel::EntityIndex entity) {
    tasks_->showEntity(entity);
    showHeader();
}

void GanttPanel::setDay(TimePoint day) {
    tasks_->setDay(day);
    showHeader();
}

void GanttPanel::showHeader() {
    const LoadedModel* model = tasks_->loaded();
    if (!model || shownEntity() == kNoEntity) {
        header_->setText(tr("Select a hall, row or rack to see its tasks."));
        return;
    }
    const auto& tasks = model->facility->tasks();
    const QString name = utf8(model->facility->name(shownEntity()));
    if (chart_->rows().empty()) {
        header_->setText(tr("%1: no tasks").arg(name));
        return;
    }
    // As of the end of the timeline's day, like the bars.
    const TimePoint endOfDay = chart_->day() + datamodel::kSecondsPerDay - 1;
    TimePoint planned = kNoTime, actual = kNoTime;
    bool done = true;
    for (const GanttRow& row : chart_->rows()) {
        planned = std::max(planned, tasks.plannedEnd[row.task]);
        actual = std::max(actual, tasks.actualEnd[row.task]);
        done = done && tasks.actualEnd[row.task] != kNoTime && tasks.actualEnd[row.task] <= endOfDay;
    }
    const QString finish = done ? tr("finished %1 (planned %2)").arg(date(actual), date(planned))
                                : tr("planned to finish %1").arg(date(planned));
    header_->setText(tr("<b>%1</b>: %2, %3 on the critical path; %4")
                         .arg(name.toHtmlEscaped(), taskCountText(std::size_t(taskCount())),
                              QString::number(criticalCount()), finish));
}

QString GanttPanel::header() const {
    return header_->text();
}

int GanttPanel::taskCount() const {
    return int(chart_->rows().size());
}

int GanttPanel::criticalCount() const {
    return int(std::count_if(chart_->rows().begin(), chart_->rows().end(),
                             [](const GanttRow& row) { return row.critical; }));
}

std::uint32_t GanttPanel::taskAt(int row) const {
    return chart_->rows().at(std::size_t(row)).task;
}

QString GanttPanel::taskName(int row) const {
    return utf8(tasks_->tasks()->name[taskAt(row)]);
}

bool GanttPanel::rowIsCritical(int row) const {
    return chart_->rows().at(std::size_t(row)).critical;
}

QRect GanttPanel::plannedBarRect(int row) const {
    return chart_->plannedBarRect(row);
}

QRect GanttPanel::actualBarRect(int row) const {
    return chart_->actualBarRect(row);
}

void GanttPanel::scrollToRow(int row) {
    chart_->scrollToRow(row);
}

} // namespace twin::app
