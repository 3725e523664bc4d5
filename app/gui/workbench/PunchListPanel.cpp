#include "gui/workbench/PunchListPanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QVBoxLayout>

namespace twin::app {

namespace {

QString utf8(std::string_view text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// The status box's entries: what PunchFilter they stand for.
enum StatusChoice { NotClosed, OnlyOpen, ReadyForReview, Closed, Every };

} // namespace

PunchListPanel::PunchListPanel(QWidget* parent) : QDockWidget(tr("Punch List"), parent) {
    setObjectName(QStringLiteral("punchListPanel"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* filters = new QHBoxLayout;
    status_ = new QComboBox(body);
    status_->setObjectName(QStringLiteral("punchStatusFilter"));
    status_->addItems({tr("Not closed"), tr("Open"), tr("Ready for review"), tr("Closed"), tr("All")});
    priority_ = new QComboBox(body);
    priority_->setObjectName(QStringLiteral("punchPriorityFilter"));
    priority_->addItems({tr("Any priority"), tr("Critical"), tr("Major"), tr("Minor")});
    assignee_ = new QComboBox(body);
    assignee_->setObjectName(QStringLiteral("punchAssigneeFilter"));
    hall_ = new QComboBox(body);
    hall_->setObjectName(QStringLiteral("punchHallFilter"));
    for (QComboBox* box : {status_, priority_, assignee_, hall_}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        filters->addWidget(box);
        connect(box, &QComboBox::activated, this, &PunchListPanel::applyFilters);
    }
    filters->addStretch(1);
    count_ = new QLabel(body);
    count_->setObjectName(QStringLiteral("punchCount"));
    filters->addWidget(count_);
    layout->addLayout(filters);

    model_ = new PunchListModel(this);
    table_ = new QTableView(body);
    table_->setObjectName(QStringLiteral("punchTable"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->horizontalHeader()->setSectionResizeMode(PunchListModel::Title, QHeaderView::Stretch);
    table_->setWordWrap(false);
    layout->addWidget(table_, 1);
    connect(table_, &QTableView::activated, this,
            [this](const QModelIndex& index) { emit itemActivated(model_->noteAt(index.row())); });
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PunchListPanel::updateButtons);

    auto* buttons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add..."), body);
    add->setObjectName(QStringLiteral("punchAdd"));
    add->setToolTip(tr("A punch item on the selection, pinned to the view as it is now"));
    connect(add, &QPushButton::clicked, this, &PunchListPanel::addRequested);
    review_ = new QPushButton(tr("Ready for Review"), body);
    review_->setObjectName(QStringLiteral("punchReview"));
    close_ = new QPushButton(tr("Close"), body);
    close_->setObjectName(QStringLiteral("punchClose"));
    reopen_ = new QPushButton(tr("Reopen"), body);
    reopen_->setObjectName(QStringLiteral("punchReopen"));
    photos_ = new QPushButton(tr("Photos..."), body);
    photos_->setObjectName(QStringLiteral("punchPhotos"));
    connect(photos_, &QPushButton::clicked, this, [this] {
        if (const std::optional<std::uint32_t> note = chosen())
            emit photosRequested(*note);
    });
    buttons->addWidget(add);
    buttons->addWidget(photos_);
    buttons->addStretch(1);
    for (const auto& [button, status] : {std::pair{review_, datamodel::NoteStatus::ReadyForReview},
                                         std::pair{close_, datamodel::NoteStatus::Closed},
                                         std::pair{reopen_, datamodel::NoteStatus::Open}}) {
        buttons->addWidget(button);
        const datamodel::NoteStatus to = status;
        connect(button, &QPushButton::clicked, this, [this, to] {
            if (const std::optional<std::uint32_t> note = chosen())
                emit statusRequested(loaded_->facility->notes().id[*note], to);
        });
    }
    layout->addLayout(buttons);
    setWidget(body);
    fillChoices();
    updateButtons();
}

void PunchListPanel::setModel(std::shared_ptr<const LoadedModel> model, datamodel::TimePoint now) {
    // The chosen item by id: its row may move (an item added above it).
    const std::optional<std::uint32_t> before = chosen();
    const std::int64_t chosenId = before && loaded_ ? loaded_->facility->notes().id[*before] : 0;
    loaded_ = std::move(model);
    model_->setModel(loaded_, now);
    fillChoices();
    applyFilters();
    if (chosenId != 0)
        for (int row = 0; row < model_->rowCount(); ++row)
            if (loaded_->facility->notes().id[model_->noteAt(row)] == chosenId)
                table_->selectRow(row);
    updateButtons();
}

void PunchListPanel::fillChoices() {
    // Assignees and halls as the model has them; what was chosen stays chosen where it still exists.
    const QString assignee = assignee_->currentData().toString();
    const QVariant hall = hall_->currentData();
    assignee_->clear();
    assignee_->addItem(tr("Anyone"), QString());
    hall_->clear();
    hall_->addItem(tr("All halls"), QVariant());
    if (loaded_) {
        const datamodel::Facility& f = *loaded_->facility;
        QStringList names;
        QSet<QString> seen;
        for (std::size_t n = 0; n < f.notes().size(); ++n) {
            const QString name = utf8(f.notes().assignee[n]);
            if (!name.isEmpty() && !seen.contains(name)) {
                seen.insert(name);
                names.push_back(name);
            }
        }
        names.sort(Qt::CaseInsensitive);
        for (const QString& name : names)
            assignee_->addItem(name, name);
        for (const datamodel::EntityIndex h : f.ofKind(datamodel::EntityKind::Hall))
            hall_->addItem(utf8(f.name(h)), int(h));
    }
    assignee_->setCurrentIndex(std::max(0, assignee_->findData(assignee)));
    hall_->setCurrentIndex(hall.isValid() ? std::max(0, hall_->findData(hall)) : 0);
}

void PunchListPanel::applyFilters() {
    PunchFilter filter;
    switch (StatusChoice(status_->currentIndex())) {
    case NotClosed:
        break;
    case OnlyOpen:
        filter.status = datamodel::NoteStatus::Open;
        break;
    case ReadyForReview:
        filter.status = datamodel::NoteStatus::ReadyForReview;
        break;
    case Closed:
        filter.status = datamodel::NoteStatus::Closed;
        break;
    case Every:
        filter.all = true;
        break;
    }
    if (priority_->currentIndex() > 0)
        filter.priority = datamodel::NotePriority(priority_->currentIndex()); // Critical, Major, Minor
    filter.assignee = assignee_->currentData().toString();
    filter.hall = hall_->currentData().isValid() ? datamodel::EntityIndex(hall_->currentData().toInt())
                                                 : datamodel::kNoEntity;
    model_->setFilter(filter);
    count_->setText(countText());
    count_->setStyleSheet(model_->overdueCount() > 0 ? QStringLiteral("color: #c81e1e; font-weight: bold")
                                                     : QString());
    table_->resizeColumnsToContents();
    updateButtons();
}

QString PunchListPanel::countText() const {
    const int rows = model_->rowCount();
    QString text = rows == 1 ? tr("1 item") : tr("%1 items").arg(rows);
    if (model_->overdueCount() > 0)
        text += tr(", %1 overdue").arg(model_->overdueCount());
    return text;
}

std::optional<std::uint32_t> PunchListPanel::chosen() const {
    const QModelIndexList rows = table_->selectionModel()->selectedRows();
    if (rows.isEmpty() || !loaded_)
        return std::nullopt;
    return model_->noteAt(rows.front().row());
}

void PunchListPanel::updateButtons() {
    const std::optional<std::uint32_t> note = chosen();
    const std::optional<datamodel::NoteStatus> status =
        note ? std::optional(loaded_->facility->notes().status[*note]) : std::nullopt;
    review_->setEnabled(status == datamodel::NoteStatus::Open);
    photos_->setEnabled(note.has_value());
    close_->setEnabled(status && *status != datamodel::NoteStatus::Closed);
    reopen_->setEnabled(status && *status != datamodel::NoteStatus::Open);
}

} // namespace twin::app
