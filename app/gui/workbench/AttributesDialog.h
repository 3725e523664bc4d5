// The Inspector's Edit Attributes...: an entity's model, serial, hostname, UUID, asset tag and free
// attributes (name and value rows; an empty name drops its row). The window checks and writes it as
// one edit (attributeEdit): a serial, UUID or hostname another entity holds is refused naming it.
#pragma once

#include "datamodel/edits/Edit.h"

#include <QDialog>

class QLineEdit;
class QTableWidget;

namespace twin::app {

class AttributesDialog : public QDialog {
    Q_OBJECT
public:
    AttributesDialog(const QString& entityName, const datamodel::EntityFields& fields,
                     QWidget* parent = nullptr);

    // The fields as edited; the attributes as a JSON object (empty when there are none).
    datamodel::EntityFields fields() const;
    QLineEdit* field(const char* objectName) const;
    QTableWidget* attributeTable() const { return table_; }

private:
    datamodel::EntityFields original_;
    QLineEdit *model_ = nullptr, *serial_ = nullptr, *hostname_ = nullptr, *uuid_ = nullptr,
              *assetTag_ = nullptr;
    QTableWidget* table_ = nullptr;
};

} // namespace twin::app
