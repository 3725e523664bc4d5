#include "gui/workbench/ProgressDialog.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTimeZone>

namespace twin::app {

namespace {

constexpr std::size_t kTasksListed = 500; // one to choose from; more than this is "all of them"

QString utf8(std::string_view text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace

ProgressDialog::ProgressDialog(const datamodel::Facility& facility,
                               const std::vector<datamodel::EntityIndex>& selection, QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("progressDialog"));
    setWindowTitle(selection.size() == 1
                       ? tr("Record Progress: %1").arg(utf8(facility.name(selection.front())))
                       : tr("Record Progress: %1 selected").arg(selection.size()));
    auto* form = new QFormLayout(this);
    action_ = new QComboBox(this);
    action_->setObjectName(QStringLiteral("progressAction"));
    action_->addItem(tr("Started"), int(datamodel::ProgressAction::Start));
    action_->addItem(tr("Done"), int(datamodel::ProgressAction::Done));
    action_->addItem(tr("Blocked"), int(datamodel::ProgressAction::Block));
    action_->addItem(tr("Reopened"), int(datamodel::ProgressAction::Reopen));
    action_->setCurrentIndex(1);
    form->addRow(tr("&Mark:"), action_);
    task_ = new QComboBox(this);
    task_->setObjectName(QStringLiteral("progressTask"));
    const std::vector<std::uint32_t> tasks = datamodel::tasksOfEntities(facility, selection);
    task_->addItem(tr("All %1 tasks of the selection").arg(tasks.size()), -1);
    const datamodel::TaskColumns& columns = facility.tasks();
    for (std::size_t i = 0; i < tasks.size() && i < kTasksListed; ++i)
        task_->addItem(
            QStringLiteral("%1 (%2)").arg(utf8(columns.name[tasks[i]]),
                                          utf8(datamodel::taskStatusName(columns.status[tasks[i]]))),
            int(tasks[i]));
    form->addRow(tr("&Task:"), task_);
    auto* when = new QHBoxLayout;
    auto* now = new QRadioButton(tr("&Now"), this);
    now->setObjectName(QStringLiteral("progressNow"));
    now->setChecked(true);
    atTime_ = new QRadioButton(tr("&At (UTC):"), this);
    atTime_->setObjectName(QStringLiteral("progressAtTime"));
    time_ = new QDateTimeEdit(QDateTime::currentDateTimeUtc(), this);
    time_->setObjectName(QStringLiteral("progressTime"));
    time_->setTimeSpec(Qt::UTC);
    time_->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    time_->setCalendarPopup(true);
    time_->setEnabled(false);
    connect(atTime_, &QRadioButton::toggled, time_, &QWidget::setEnabled);
    when->addWidget(now);
    when->addWidget(atTime_);
    when->addWidget(time_, 1);
    form->addRow(tr("When:"), when);
    reason_ = new QLineEdit(this);
    reason_->setObjectName(QStringLiteral("progressReason"));
    reason_->setPlaceholderText(tr("Why the work is blocked"));
    form->addRow(tr("&Reason:"), reason_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Record"));
    // A block needs its reason; the rest need none.
    const auto update = [this, buttons] {
        const bool block = action() == datamodel::ProgressAction::Block;
        reason_->setEnabled(block);
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!block || !reason_->text().trimmed().isEmpty());
    };
    connect(action_, &QComboBox::currentIndexChanged, this, update);
    connect(reason_, &QLineEdit::textChanged, this, update);
    update();
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    resize(480, sizeHint().height());
}

datamodel::ProgressAction ProgressDialog::action() const {
    return datamodel::ProgressAction(action_->currentData().toInt());
}

std::vector<std::uint32_t> ProgressDialog::tasks() const {
    const int task = task_->currentData().toInt();
    return task < 0 ? std::vector<std::uint32_t>() : std::vector<std::uint32_t>{std::uint32_t(task)};
}

datamodel::TimePoint ProgressDialog::at() const {
    return atTime_->isChecked() ? time_->dateTime().toSecsSinceEpoch() : datamodel::kNoTime;
}

QString ProgressDialog::reason() const {
    return reason_->text().trimmed();
}

} // namespace twin::app
