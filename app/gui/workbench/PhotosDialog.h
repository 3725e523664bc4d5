// A punch item's photos, as the Punch List's Photos... shows them: each as a picture with its file's
// name, large enough to see what is wrong; one that no longer decodes says so instead of a picture.
#pragma once

#include "datamodel/edits/Edit.h"

#include <QDialog>

class QListWidget;

namespace twin::app {

class PhotosDialog : public QDialog {
    Q_OBJECT
public:
    PhotosDialog(const QString& title, const std::vector<datamodel::NotePhoto>& photos,
                 QWidget* parent = nullptr);
    QListWidget* list() const { return list_; }

private:
    QListWidget* list_ = nullptr;
};

} // namespace twin::app
