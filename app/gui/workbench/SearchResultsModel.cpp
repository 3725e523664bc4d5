#include "gui/workbench/SearchResultsModel.h"

#include "gui/window/Utf8.h"

#include <QLocale>

namespace twin::app {

void SearchResultsModel::setIndexes(std::shared_ptr<const WorkbenchIndexes> indexes) {
    beginResetModel();
    indexes_ = std::move(indexes);
    result_ = {};
    endResetModel();
    if (!query_.isEmpty())
        setQuery(query_);
}

void SearchResultsModel::setQuery(const QString& query) {
    beginResetModel();
    query_ = query;
    result_ = indexes_ ? indexes_->search->search(query.toStdString(), kListed, std::nullopt, kCountedUpTo)
                       : datamodel::SearchResult{};
    endResetModel();
}

QString SearchResultsModel::countText() const {
    if (query_.trimmed().isEmpty())
        return {};
    const QString number = QLocale().toString(qulonglong(result_.count));
    if (result_.countIsAtLeast)
        return tr("%1+ matches").arg(number);
    return result_.count == 1 ? tr("1 match") : tr("%1 matches").arg(number);
}

datamodel::EntityIndex SearchResultsModel::entityAt(int row) const {
    if (!indexes_ || row < 0 || std::size_t(row) >= result_.matches.size())
        return datamodel::kNoEntity;
    return indexes_->entityOf(result_.matches[std::size_t(row)]);
}

int SearchResultsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(result_.matches.size());
}

QVariant SearchResultsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !indexes_ || std::size_t(index.row()) >= result_.matches.size())
        return {};
    const datamodel::SearchMatch& match = result_.matches[std::size_t(index.row())];
    const datamodel::Facility& f = indexes_->facility();
    QString kind, name;
    switch (match.target.kind) {
    case datamodel::SearchTarget::Kind::Entity:
        kind = utf8(datamodel::entityKindName(f.kind(datamodel::EntityIndex(match.target.index))));
        name = utf8(f.name(datamodel::EntityIndex(match.target.index)));
        break;
    case datamodel::SearchTarget::Kind::Task:
        kind = tr("task");
        name = utf8(f.tasks().name[match.target.index]);
        break;
    case datamodel::SearchTarget::Kind::Cable:
        kind = tr("cable");
        name = tr("Cable %1").arg(f.cables().id[match.target.index]);
        break;
    }
    switch (role) {
    case Qt::DisplayRole: {
        // The name, the kind beside it, and the field it was found in when that is not the name.
        QString text =
            QStringLiteral("%1    (%2)").arg(name, kind.replace(QLatin1Char('_'), QLatin1Char(' ')));
        if (match.field != datamodel::SearchField::Name && match.field != datamodel::SearchField::Task &&
            match.field != datamodel::SearchField::Cable)
            text += QStringLiteral("  %1 %2").arg(utf8(datamodel::searchFieldName(match.field)),
                                                  QString::fromStdString(datamodel::searchValue(f, match)));
        return text;
    }
    case Qt::EditRole: // what the field shows once a row is chosen
        return name;
    case Qt::ToolTipRole:
        return QString::fromStdString(datamodel::searchValue(f, match));
    case kEntityRole:
        return int(entityAt(index.row()));
    case kKindRole:
        return kind;
    default:
        return {};
    }
}

} // namespace twin::app
