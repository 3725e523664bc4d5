#include "gui/workbench/PunchDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimeZone>

namespace twin::app {

PunchDialog::PunchDialog(const QString& where, QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("punchDialog"));
    setWindowTitle(tr("Add Punch Item: %1").arg(where));
    auto* form = new QFormLayout(this);
    title_ = new QLineEdit(this);
    title_->setObjectName(QStringLiteral("punchTitle"));
    title_->setPlaceholderText(tr("What is wrong, in a few words"));
    form->addRow(tr("&Title:"), title_);
    text_ = new QPlainTextEdit(this);
    text_->setObjectName(QStringLiteral("punchText"));
    text_->setPlaceholderText(tr("Details: where exactly, what was seen, what is needed"));
    text_->setMinimumHeight(80);
    form->addRow(tr("&Details:"), text_);
    priority_ = new QComboBox(this);
    priority_->setObjectName(QStringLiteral("punchPriority"));
    priority_->addItem(tr("Critical"), int(datamodel::NotePriority::Critical));
    priority_->addItem(tr("Major"), int(datamodel::NotePriority::Major));
    priority_->addItem(tr("Minor"), int(datamodel::NotePriority::Minor));
    priority_->setCurrentIndex(1);
    form->addRow(tr("&Priority:"), priority_);
    blocking_ = new QCheckBox(tr("Blocks the installation"), this);
    blocking_->setObjectName(QStringLiteral("punchBlocking"));
    form->addRow(QString(), blocking_);
    assignee_ = new QLineEdit(this);
    assignee_->setObjectName(QStringLiteral("punchAssignee"));
    form->addRow(tr("&Assignee:"), assignee_);
    auto* dueRow = new QHBoxLayout;
    hasDue_ = new QCheckBox(tr("Due"), this);
    hasDue_->setObjectName(QStringLiteral("punchHasDue"));
    due_ = new QDateEdit(QDate::currentDate().addDays(1), this);
    due_->setObjectName(QStringLiteral("punchDue"));
    due_->setCalendarPopup(true);
    due_->setEnabled(false);
    connect(hasDue_, &QCheckBox::toggled, due_, &QWidget::setEnabled);
    dueRow->addWidget(hasDue_);
    dueRow->addWidget(due_);
    dueRow->addStretch(1);
    form->addRow(tr("Due date:"), dueRow);
    photoList_ = new QListWidget(this);
    photoList_->setObjectName(QStringLiteral("punchPhotos"));
    photoList_->setMaximumHeight(70);
    auto* addPhotos = new QPushButton(tr("Add &Photos..."), this);
    addPhotos->setObjectName(QStringLiteral("punchAddPhotos"));
    connect(addPhotos, &QPushButton::clicked, this, [this] {
        for (const QString& path : QFileDialog::getOpenFileNames(
                 this, tr("Add Photos"), QString(), tr("Images (*.png *.jpg *.jpeg *.gif *.webp)")))
            addPhoto(path);
    });
    auto* photoColumn = new QVBoxLayout;
    photoColumn->addWidget(photoList_);
    photoColumn->addWidget(addPhotos, 0, Qt::AlignLeft);
    form->addRow(tr("Photos:"), photoColumn);
    problem_ = new QLabel(this);
    problem_->setObjectName(QStringLiteral("punchProblem"));
    problem_->setStyleSheet(QStringLiteral("color: #c81e1e"));
    problem_->setWordWrap(true);
    problem_->hide();
    form->addRow(problem_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(title_, &QLineEdit::textChanged, this, [buttons, this] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!title_->text().trimmed().isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    resize(520, sizeHint().height());
}

bool PunchDialog::addPhoto(const QString& path) {
    try {
        photos_.push_back(datamodel::readPhoto(QFile::encodeName(path).toStdString()));
    } catch (const std::exception& refused) {
        problem_->setText(QString::fromStdString(refused.what()));
        problem_->show();
        return false;
    }
    photoList_->addItem(QFileInfo(path).fileName());
    problem_->hide();
    return true;
}

QString PunchDialog::problem() const {
    return problem_->isVisible() ? problem_->text() : QString();
}

datamodel::PunchRequest PunchDialog::request() const {
    datamodel::PunchRequest request;
    request.title = title_->text().trimmed().toStdString();
    request.text = text_->toPlainText().trimmed().toStdString();
    request.priority = datamodel::NotePriority(priority_->currentData().toInt());
    request.blocking = blocking_->isChecked();
    request.assignee = assignee_->text().trimmed().toStdString();
    if (hasDue_->isChecked()) // the end of the day it is due, in UTC as every time in the model
        request.due = QDateTime(due_->date(), QTime(23, 59, 59), QTimeZone::utc()).toSecsSinceEpoch();
    request.photos = photos_;
    return request;
}

} // namespace twin::app
