// Help > Keyboard Shortcuts: every menu action that has a key, read from the menus themselves (so the
// list cannot fall behind them), and the 3D view's own keys.
#pragma once

#include <QDialog>
#include <QStringList>

class QMenuBar;

namespace twin::app {

// "Ctrl+F\tFind..." per line: the menus' actions with shortcuts (menu order), then the view's keys.
QStringList keyboardShortcuts(const QMenuBar& menus);

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    ShortcutsDialog(const QMenuBar& menus, QWidget* parent = nullptr);
    const QStringList& shortcuts() const { return shortcuts_; }

private:
    QStringList shortcuts_;
};

} // namespace twin::app
