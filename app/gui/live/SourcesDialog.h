// Telemetry > Sources: add, edit, remove and test the sources the window reads when it is not
// simulating (a site's Prometheus, or its exporters scraped directly). The test runs in the
// background and says what it found: Prometheus's version, or how many samples an exporter serves
// and how many of them map onto the loaded model. Secrets stay in their files: the dialog asks for
// the file's path, never for the secret.
#pragma once

#include "gui/live/SourceSettings.h"

#include <QDialog>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace twin::datamodel {
class Facility;
}
namespace twin::telemetry {
class HttpClient;
}

namespace twin::app {

class SourcesDialog : public QDialog {
    Q_OBJECT
public:
    // `facility` (may be null): the loaded model, to count how many tested series map onto it.
    SourcesDialog(SourceSettings settings, std::shared_ptr<const datamodel::Facility> facility,
                  QWidget* parent = nullptr);
    ~SourcesDialog() override;

    // The sources as edited (the form's edits included).
    SourceSettings settings();
    // Tests the source in the form; testFinished says how it went.
    void testCurrent();
    QString testResult() const;

signals:
    void testFinished(bool ok, const QString& result);

private:
    void addSource();
    void removeSource();
    void showSource(int row);
    void storeForm();
    void finishTest(bool ok, const QString& result);

    SourceSettings settings_;
    std::shared_ptr<const datamodel::Facility> facility_;
    int current_ = -1;
    QListWidget* list_ = nullptr;
    QLineEdit* name_ = nullptr;
    QComboBox* kind_ = nullptr;
    QPlainTextEdit* urls_ = nullptr;
    QComboBox* auth_ = nullptr;
    QLineEdit* user_ = nullptr;
    QLineEdit* secretFile_ = nullptr;
    QCheckBox* verifyTls_ = nullptr;
    QLineEdit* caFile_ = nullptr;
    QCheckBox* rackLabel_ = nullptr;
    QLineEdit* labels_ = nullptr;
    QCheckBox* active_ = nullptr;
    QPushButton* test_ = nullptr;
    QLabel* result_ = nullptr;
    std::unique_ptr<telemetry::HttpClient> client_;
    quint64 testGeneration_ = 0;
};

} // namespace twin::app
