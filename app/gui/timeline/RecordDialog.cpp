#include "gui/timeline/RecordDialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTimeZone>

namespace twin::app {

namespace {
constexpr int kDefaultDays = 20;
QDate dateOf(datamodel::TimePoint time) {
    return QDateTime::fromSecsSinceEpoch(time, QTimeZone::utc()).date();
}
} // namespace

RecordDialog::RecordDialog(datamodel::TimePoint firstDay, datamodel::TimePoint lastDay,
                           const QStringList& presets, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Record Roll-out"));
    setObjectName(QStringLiteral("recordDialog"));
    directory_ = new QLineEdit(QDir(QStandardPaths::writableLocation(QStandardPaths::MoviesLocation))
                                   .filePath(QStringLiteral("rollout")),
                               this);
    directory_->setObjectName(QStringLiteral("recordDirectory"));
    auto* browse = new QPushButton(tr("Browse..."), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getExistingDirectory(this, tr("Record Into"), directory_->text());
        if (!chosen.isEmpty())
            directory_->setText(QDir(chosen).filePath(QStringLiteral("rollout")));
    });
    auto* where = new QHBoxLayout;
    where->addWidget(directory_, 1);
    where->addWidget(browse);
    camera_ = new QLineEdit(QStringLiteral("overview"), this);
    camera_->setObjectName(QStringLiteral("recordCamera"));
    camera_->setToolTip(tr("Presets passed through in order: overview, hall:N, aisle:ROW, rack:NAME; e.g. "
                           "overview,hall:1,hall:4"));
    // The path picked stop by stop from the model's presets (the text stays editable for rack:NAME).
    presets_ = new QComboBox(this);
    presets_->setObjectName(QStringLiteral("recordCameraPresets"));
    presets_->addItem(tr("Add a stop..."));
    for (const QString& preset : presets)
        presets_->addItem(preset);
    connect(presets_, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        if (index <= 0)
            return;
        const QString path = camera_->text().trimmed();
        camera_->setText(path.isEmpty() ? presets_->itemText(index)
                                        : path + QLatin1Char(',') + presets_->itemText(index));
        presets_->setCurrentIndex(0);
    });
    auto* clearPath = new QPushButton(tr("Clear"), this);
    clearPath->setObjectName(QStringLiteral("recordCameraClear"));
    connect(clearPath, &QPushButton::clicked, camera_, &QLineEdit::clear);
    auto* path = new QHBoxLayout;
    path->addWidget(camera_, 1);
    path->addWidget(presets_);
    path->addWidget(clearPath);
    from_ = new QDateEdit(this);
    to_ = new QDateEdit(this);
    for (QDateEdit* edit : {from_, to_}) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setDateRange(dateOf(firstDay), dateOf(lastDay));
        edit->setCalendarPopup(true);
    }
    to_->setDate(dateOf(lastDay));
    from_->setDate(dateOf(std::max(firstDay, lastDay - kDefaultDays * datamodel::kSecondsPerDay)));
    framesPerDay_ = new QSpinBox(this);
    framesPerDay_->setRange(1, 24);
    framesPerDay_->setValue(4);
    framesPerDay_->setToolTip(
        tr("More frames make a smoother video; each shows the end of its part of the day"));
    fps_ = new QSpinBox(this);
    fps_->setRange(1, 60);
    fps_->setValue(8);
    size_ = new QComboBox(this);
    size_->addItems({QStringLiteral("1280x720"), QStringLiteral("1920x1080"), QStringLiteral("640x360")});
    auto* form = new QFormLayout;
    form->addRow(tr("Directory:"), where);
    form->addRow(tr("From:"), from_);
    form->addRow(tr("To:"), to_);
    form->addRow(tr("Camera path:"), path);
    form->addRow(tr("Frames per day:"), framesPerDay_);
    form->addRow(tr("Video frames per second:"), fps_);
    form->addRow(tr("Size:"), size_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Record"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* column = new QVBoxLayout(this);
    column->addLayout(form);
    column->addWidget(buttons);
}

QStringList RecordDialog::arguments() const {
    return {QStringLiteral("-o"),
            directory_->text(),
            QStringLiteral("--from"),
            from_->date().toString(Qt::ISODate),
            QStringLiteral("--to"),
            to_->date().toString(Qt::ISODate),
            QStringLiteral("--camera"),
            camera_->text().remove(QLatin1Char(' ')),
            QStringLiteral("--frames-per-day"),
            QString::number(framesPerDay_->value()),
            QStringLiteral("--fps"),
            QString::number(fps_->value()),
            QStringLiteral("--size"),
            size_->currentText()};
}

} // namespace twin::app
