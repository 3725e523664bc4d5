#include "gui/window/PreferencesDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace twin::app {

PreferencesDialog::PreferencesDialog(const QString& author, const QString& loginName, QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    auto* form = new QFormLayout(this);
    author_ = new QLineEdit(author, this);
    author_->setObjectName(QStringLiteral("preferencesAuthor"));
    author_->setPlaceholderText(loginName);
    form->addRow(tr("Your &name:"), author_);
    auto* hint = new QLabel(tr("The audit log names you as this for every edit you record (empty: your login "
                               "name, %1).")
                                .arg(loginName),
                            this);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: #666"));
    form->addRow(hint);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    resize(420, sizeHint().height());
}

QString PreferencesDialog::author() const {
    return author_->text().trimmed();
}

} // namespace twin::app
