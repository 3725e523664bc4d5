#include "gui/workbench/PhotosDialog.h"

#include <QDialogButtonBox>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QVBoxLayout>

namespace twin::app {

namespace {
constexpr int kPictureSide = 320; // px: a phone photo's detail (a leak, a bent pin) still shows
}

PhotosDialog::PhotosDialog(const QString& title, const std::vector<datamodel::NotePhoto>& photos,
                           QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("photosDialog"));
    setWindowTitle(title);
    auto* column = new QVBoxLayout(this);
    list_ = new QListWidget(this);
    list_->setObjectName(QStringLiteral("photosList"));
    list_->setViewMode(QListView::IconMode);
    list_->setIconSize(QSize(kPictureSide, kPictureSide));
    list_->setResizeMode(QListView::Adjust);
    list_->setMovement(QListView::Static);
    list_->setSpacing(8);
    for (const datamodel::NotePhoto& photo : photos) {
        QImage image;
        image.loadFromData(reinterpret_cast<const uchar*>(photo.bytes.data()), int(photo.bytes.size()));
        auto* item = new QListWidgetItem(QString::fromStdString(photo.name), list_);
        if (image.isNull()) {
            item->setText(tr("%1 (not readable as %2)")
                              .arg(QString::fromStdString(photo.name), QString::fromStdString(photo.format)));
            continue;
        }
        item->setIcon(QPixmap::fromImage(
            image.scaled(kPictureSide, kPictureSide, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
        item->setToolTip(tr("%1: %2 x %3, %4 KB")
                             .arg(QString::fromStdString(photo.name))
                             .arg(image.width())
                             .arg(image.height())
                             .arg(photo.bytes.size() / 1024));
    }
    if (photos.empty())
        column->addWidget(new QLabel(tr("This punch item has no photos."), this));
    column->addWidget(list_, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    column->addWidget(buttons);
    resize(2 * kPictureSide + 80, kPictureSide + 140);
}

} // namespace twin::app
