// File > Save Image... (Ctrl+Shift+S): a still of the view as it is (camera, layers, x-ray, colouring,
// impact, live values) rendered again off screen at up to 3840x2160 for slides, through the painter
// the window and `snapshot` share; the view itself is never resized.
#include "cli/ImageFile.h"
#include "gui/live/LiveTelemetry.h"
#include "gui/window/MainWindow.h"
#include "gui/window/MainWindowShared.h"
#include "gui/window/ViewState.h"
#include "scene/FacilityScene.h"
#include "scene/OffscreenView.h"
#include "scene/ViewWidget.h"
#include "view/ViewPainter.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QStatusBar>

namespace twin::app {

using window::kStatusMessageMs;

QString MainWindow::saveImage(const QString& path, QSize size) {
    if (size.width() > kMaxStillSize.width() || size.height() > kMaxStillSize.height() || size.width() < 16 ||
        size.height() < 16)
        return tr("A still is 16x16 to %1x%2 pixels; %3x%4 was asked for")
            .arg(kMaxStillSize.width())
            .arg(kMaxStillSize.height())
            .arg(size.width())
            .arg(size.height());
    if (!model_)
        return tr("No model is open");
    if (!scene::OffscreenView::displayAvailable())
        return tr("No display to render the still on");
    scene::OffscreenView view(size);
    scene::FacilityScene still(model_->facility, view.renderer());
    ViewSettings settings = viewState_->settings();
    settings.camera = view_->cameraPose(); // where it is now, not where a flight is going
    const ColouringSources sources{*facility(), *schedule(),
                                   lastLive_ && lastLive_->values ? lastLive_->values.get() : nullptr,
                                   impact_ ? &*impact_ : nullptr};
    ViewPainter().paintAll(settings, sources, still);
    view.setCameraPose(*settings.camera);
    const QImage image = view.capture();
    if (image.isNull() || image.size() != size)
        return tr("OpenGL rendering produced no image");
    return writePng(image, path);
}

void MainWindow::askForStill() {
    if (!model_)
        return;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save Image"), QString(), tr("PNG image (*.png)"));
    if (path.isEmpty())
        return;
    bool chosen = false;
    const QString size = QInputDialog::getItem(
        this, tr("Save Image"), tr("Size:"),
        {QStringLiteral("3840x2160"), QStringLiteral("2560x1440"), QStringLiteral("1920x1080")}, 0, false,
        &chosen);
    if (!chosen)
        return;
    const QStringList sides = size.split(QLatin1Char('x'));
    const QString error = saveImage(path, QSize(sides.value(0).toInt(), sides.value(1).toInt()));
    statusBar()->showMessage(error.isEmpty() ? tr("Saved %1 (%2)").arg(path, size) : error, kStatusMessageMs);
}

} // namespace twin::app
