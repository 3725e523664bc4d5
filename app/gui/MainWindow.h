// The main window: the 3D view in the centre, menus, status bar, geometry remembered between runs.
#pragma once

#include "gui/RecentModels.h"

#include <QMainWindow>

class QLabel;
class QMenu;

namespace twin::scene {
class ViewWidget;
}

namespace twin::app {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    scene::ViewWidget* view() const { return view_; }
    QString currentModelPath() const { return modelPath_; }

    // Checks and opens a model file. On failure the window is unchanged, the error is shown
    // (status bar and a non-blocking message box) and returned; on success it returns an empty string.
    QString openModel(const QString& path);

    static QString aboutText();

public slots:
    void showAbout();
    void chooseAndOpenModel();

signals:
    void modelOpenFailed(const QString& error);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void rebuildRecentMenu();
    void restoreGeometryFromSettings();
    void saveGeometryToSettings();
    void showError(const QString& error);

    scene::ViewWidget* view_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QLabel* sceneSummary_ = nullptr;
    RecentModels recent_;
    QString modelPath_;
};

} // namespace twin::app
