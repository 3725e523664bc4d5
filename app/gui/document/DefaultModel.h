// The default Colossus model a newcomer sees: generated on first use into the user's data directory
// (XDG: ~/.local/share/ColossusTwin/colossus-twin/), opened at once on later runs.
#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace twin::app {

QString defaultModelPath();

// Generates the default model in a worker thread with a progress dialog, unless it exists already.
// Emits ready(path) or failed(message) on the GUI thread, then deletes itself.
class DefaultModelPreparer : public QObject {
    Q_OBJECT
public:
    explicit DefaultModelPreparer(QWidget* dialogParent);
    void start();

signals:
    void ready(const QString& path);
    void failed(const QString& message);

private:
    QWidget* dialogParent_;
};

} // namespace twin::app
