#include "gui/window/ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace twin::app {

namespace {

void collect(const QMenu& menu, const QString& path, QStringList& out) {
    for (QAction* action : menu.actions()) {
        const QString text = action->text().remove(QLatin1Char('&'));
        if (QMenu* sub = action->menu())
            collect(*sub, path + QStringLiteral(" > ") + text, out);
        else if (!action->shortcuts().isEmpty()) {
            QStringList keys;
            for (const QKeySequence& key : action->shortcuts())
                keys << key.toString(QKeySequence::NativeText);
            out << QStringLiteral("%1\t%2 > %3").arg(keys.join(QStringLiteral(", ")), path, text);
        }
    }
}

} // namespace

QStringList keyboardShortcuts(const QMenuBar& menus) {
    QStringList out;
    for (QAction* top : menus.actions())
        if (QMenu* menu = top->menu())
            collect(*menu, top->text().remove(QLatin1Char('&')), out);
    // The view's keys, which are no menu's.
    out << QObject::tr("Drag\tIn the view: orbit (Shift+drag or middle-drag: pan; right-drag or wheel: zoom)")
        << QObject::tr("Arrows, +, -\tIn the view: orbit in steps, zoom")
        << QObject::tr("R\tIn the view: back to the overview")
        << QObject::tr("Double-click\tIn the view: fly to what is under the pointer")
        << QObject::tr("W, A, S, D\tWalk mode: walk; Esc leaves it");
    return out;
}

ShortcutsDialog::ShortcutsDialog(const QMenuBar& menus, QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    shortcuts_ = keyboardShortcuts(menus);
    auto* table = new QTableWidget(int(shortcuts_.size()), 2, this);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setHorizontalHeaderLabels({tr("Keys"), tr("What it does")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < shortcuts_.size(); ++row) {
        const QStringList parts = shortcuts_[row].split(QLatin1Char('\t'));
        table->setItem(row, 0, new QTableWidgetItem(parts.value(0)));
        table->setItem(row, 1, new QTableWidgetItem(parts.value(1)));
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* column = new QVBoxLayout(this);
    column->addWidget(table);
    column->addWidget(buttons);
    resize(640, 520);
}

} // namespace twin::app
