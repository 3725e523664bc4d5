#include "gui/workbench/AttributesDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>

namespace twin::app {

namespace {

constexpr const char* kAssetTag = "asset_tag";

QJsonObject objectOf(const std::string& json) {
    return QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
}

// A value as the table shows it: strings as they are, anything else as its JSON.
QString shown(const QJsonValue& value) {
    if (value.isString())
        return value.toString();
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

} // namespace

AttributesDialog::AttributesDialog(const QString& entityName, const datamodel::EntityFields& fields,
                                   QWidget* parent)
    : QDialog(parent), original_(fields) {
    setObjectName(QStringLiteral("attributesDialog"));
    setWindowTitle(tr("Edit Attributes: %1").arg(entityName));
    auto* form = new QFormLayout(this);
    const auto line = [&](const char* name, const std::string& value, const QString& label) {
        auto* edit = new QLineEdit(QString::fromStdString(value), this);
        edit->setObjectName(QLatin1String(name));
        form->addRow(label, edit);
        return edit;
    };
    const QJsonObject attributes = objectOf(fields.attributes);
    model_ = line("attributeModel", fields.model, tr("&Model:"));
    serial_ = line("attributeSerial", fields.serial, tr("&Serial:"));
    hostname_ = line("attributeHostname", fields.hostname, tr("&Hostname:"));
    uuid_ = line("attributeUuid", fields.uuid, tr("&UUID:"));
    const QJsonValue assetTag = attributes.value(QLatin1String(kAssetTag));
    assetTag_ =
        line("attributeAssetTag", assetTag.isUndefined() ? std::string() : shown(assetTag).toStdString(),
             tr("&Asset tag:"));
    table_ = new QTableWidget(0, 2, this);
    table_->setObjectName(QStringLiteral("attributeTable"));
    table_->setHorizontalHeaderLabels({tr("Attribute"), tr("Value")});
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        if (it.key() == QLatin1String(kAssetTag))
            continue;
        const int row = table_->rowCount();
        table_->insertRow(row);
        table_->setItem(row, 0, new QTableWidgetItem(it.key()));
        table_->setItem(row, 1, new QTableWidgetItem(shown(it.value())));
    }
    table_->insertRow(table_->rowCount()); // a free row to add one
    connect(table_, &QTableWidget::cellChanged, this, [this](int row) {
        if (row == table_->rowCount() - 1 && table_->item(row, 0) && !table_->item(row, 0)->text().isEmpty())
            table_->insertRow(table_->rowCount());
    });
    form->addRow(tr("Other:"), table_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Save"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    resize(460, sizeHint().height());
}

QLineEdit* AttributesDialog::field(const char* objectName) const {
    return findChild<QLineEdit*>(QLatin1String(objectName));
}

datamodel::EntityFields AttributesDialog::fields() const {
    datamodel::EntityFields fields;
    fields.model = model_->text().trimmed().toStdString();
    fields.serial = serial_->text().trimmed().toStdString();
    fields.hostname = hostname_->text().trimmed().toStdString();
    fields.uuid = uuid_->text().trimmed().toStdString();
    // Values keep their JSON type where the text still shows the same value (a number stays a number).
    const QJsonObject before = objectOf(original_.attributes);
    QJsonObject attributes;
    for (int row = 0; row < table_->rowCount(); ++row) {
        const QString key = table_->item(row, 0) ? table_->item(row, 0)->text().trimmed() : QString();
        if (key.isEmpty())
            continue;
        const QString text = table_->item(row, 1) ? table_->item(row, 1)->text() : QString();
        const QJsonValue was = before.value(key);
        attributes.insert(key, !was.isUndefined() && shown(was) == text ? was : QJsonValue(text));
    }
    // The asset tag keeps its JSON type (a number stays a number) while its text is unchanged.
    if (const QString tag = assetTag_->text().trimmed(); !tag.isEmpty()) {
        const QJsonValue was = before.value(QLatin1String(kAssetTag));
        attributes.insert(QLatin1String(kAssetTag),
                          !was.isUndefined() && shown(was) == tag ? was : QJsonValue(tag));
    }
    // Unchanged attributes keep their bytes (the file's own spelling of the object).
    if (attributes == before)
        fields.attributes = original_.attributes;
    else if (!attributes.isEmpty())
        fields.attributes = QJsonDocument(attributes).toJson(QJsonDocument::Compact).toStdString();
    return fields;
}

} // namespace twin::app
