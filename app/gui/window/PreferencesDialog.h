// File > Preferences...: the settings a person on site sets once. For now who the audit log names
// (the login name until set); the window checks the name (authorProblem) before it keeps it.
#pragma once

#include <QDialog>

class QLineEdit;

namespace twin::app {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    // `author`: the name used now; `loginName`: the default, shown as the field's hint.
    PreferencesDialog(const QString& author, const QString& loginName, QWidget* parent = nullptr);
    QString author() const;
    QLineEdit* authorEdit() const { return author_; }

private:
    QLineEdit* author_ = nullptr;
};

} // namespace twin::app
