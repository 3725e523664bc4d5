#include "gui/live/SourcesDialog.h"

#include "datamodel/Facility.h"
#include "telemetry/HttpClient.h"
#include "telemetry/Ingest.h"
#include "telemetry/UnexpectedBody.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

namespace twin::app {

namespace {
constexpr std::chrono::milliseconds kTestTimeout{8000};

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

// What an exporter's answer holds: samples, and how many land on the loaded model.
QString describeScrape(const std::string& body, const datamodel::Facility* facility,
                       const telemetry::MappingRules& rules) {
    const QLocale locale;
    if (!facility) {
        const telemetry::ExpositionResult result = telemetry::parseExposition(body);
        return result.error ? QObject::tr("answered, but line %1: %2")
                                  .arg(result.error->line)
                                  .arg(qs(result.error->message))
                            : QObject::tr("%1 samples").arg(locale.toString(qulonglong(result.samples)));
    }
    telemetry::SampleStore store(facility->entityCount(), 1);
    const telemetry::IngestReport report =
        telemetry::ingestExposition(body, telemetry::SeriesMapper(*facility, rules), store, 0.0);
    if (report.error)
        return QObject::tr("answered, but line %1: %2")
            .arg(report.error->line)
            .arg(qs(report.error->message));
    QString text =
        QObject::tr("%1 samples, %2 map onto this model")
            .arg(locale.toString(qulonglong(report.samples)), locale.toString(qulonglong(report.mapped)));
    if (report.unmapped > 0 && !report.unmappedExamples.empty())
        text += QObject::tr("; %1 do not, e.g. %2")
                    .arg(locale.toString(qulonglong(report.unmapped)), qs(report.unmappedExamples.front()));
    return text;
}
} // namespace

SourcesDialog::SourcesDialog(SourceSettings settings, std::shared_ptr<const datamodel::Facility> facility,
                             QWidget* parent)
    : QDialog(parent), settings_(std::move(settings)), facility_(std::move(facility)) {
    setObjectName(QStringLiteral("sourcesDialog"));
    setWindowTitle(tr("Telemetry Sources"));
    list_ = new QListWidget(this);
    list_->setObjectName(QStringLiteral("sourceList"));
    auto* add = new QPushButton(tr("&Add"), this);
    add->setObjectName(QStringLiteral("addSource"));
    auto* remove = new QPushButton(tr("&Remove"), this);
    remove->setObjectName(QStringLiteral("removeSource"));

    name_ = new QLineEdit(this);
    name_->setObjectName(QStringLiteral("sourceName"));
    kind_ = new QComboBox(this);
    kind_->setObjectName(QStringLiteral("sourceKind"));
    kind_->addItems({tr("Prometheus (HTTP API)"), tr("Exporters (scraped directly)")});
    urls_ = new QPlainTextEdit(this);
    urls_->setObjectName(QStringLiteral("sourceUrls"));
    urls_->setPlaceholderText(tr("Prometheus: its base URL, e.g. https://prometheus.site:9090\n"
                                 "Exporters: one scrape URL per line, e.g. http://node1:9400/metrics"));
    auth_ = new QComboBox(this);
    auth_->setObjectName(QStringLiteral("sourceAuth"));
    auth_->addItems({tr("None"), tr("Bearer token from a file"), tr("Basic, password from a file")});
    user_ = new QLineEdit(this);
    user_->setObjectName(QStringLiteral("sourceUser"));
    secretFile_ = new QLineEdit(this);
    secretFile_->setObjectName(QStringLiteral("sourceSecretFile"));
    secretFile_->setPlaceholderText(tr("a file only you can read (chmod 600) holding the token or password"));
    verifyTls_ = new QCheckBox(tr("Verify the server's certificate (https)"), this);
    verifyTls_->setObjectName(QStringLiteral("sourceVerifyTls"));
    caFile_ = new QLineEdit(this);
    caFile_->setObjectName(QStringLiteral("sourceCaFile"));
    caFile_->setPlaceholderText(tr("optional: the site CA's PEM file"));
    rackLabel_ =
        new QCheckBox(tr("GPU series carry a \"rack\" label (ask for one value per rack from afar)"), this);
    rackLabel_->setObjectName(QStringLiteral("sourceRackLabel"));
    labels_ = new QLineEdit(this);
    labels_->setObjectName(QStringLiteral("sourceLabels"));
    labels_->setPlaceholderText(tr("host, GPU index, UUID, rack: default Hostname, gpu, UUID, rack"));
    active_ = new QCheckBox(tr("Read live values from this source when not simulating"), this);
    active_->setObjectName(QStringLiteral("sourceActive"));
    test_ = new QPushButton(tr("&Test"), this);
    test_->setObjectName(QStringLiteral("testSource"));
    result_ = new QLabel(this);
    result_->setObjectName(QStringLiteral("testResult"));
    result_->setWordWrap(true);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* form = new QFormLayout;
    form->addRow(tr("Name"), name_);
    form->addRow(tr("Kind"), kind_);
    form->addRow(tr("URLs"), urls_);
    form->addRow(tr("Authentication"), auth_);
    form->addRow(tr("User"), user_);
    form->addRow(tr("Secret file"), secretFile_);
    form->addRow(QString(), verifyTls_);
    form->addRow(tr("CA file"), caFile_);
    form->addRow(QString(), rackLabel_);
    form->addRow(tr("Label names"), labels_);
    form->addRow(QString(), active_);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(test_);
    testRow->addWidget(result_, 1);
    form->addRow(testRow);

    auto* listColumn = new QVBoxLayout;
    listColumn->addWidget(list_);
    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(remove);
    listColumn->addLayout(listButtons);
    auto* columns = new QHBoxLayout;
    columns->addLayout(listColumn, 1);
    columns->addLayout(form, 2);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(buttons);

    for (const telemetry::TelemetrySource& source : settings_.sources)
        list_->addItem(qs(source.name));
    connect(list_, &QListWidget::currentRowChanged, this, [this](int row) {
        storeForm();
        showSource(row);
    });
    connect(add, &QPushButton::clicked, this, &SourcesDialog::addSource);
    connect(remove, &QPushButton::clicked, this, &SourcesDialog::removeSource);
    connect(test_, &QPushButton::clicked, this, &SourcesDialog::testCurrent);
    connect(name_, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (QListWidgetItem* item = list_->item(current_))
            item->setText(text);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    showSource(settings_.sources.empty() ? -1 : 0);
    if (!settings_.sources.empty())
        list_->setCurrentRow(0);
}

SourcesDialog::~SourcesDialog() = default;

void SourcesDialog::addSource() {
    storeForm();
    telemetry::TelemetrySource source;
    source.name = tr("Source %1").arg(settings_.sources.size() + 1).toStdString();
    settings_.sources.push_back(source);
    list_->addItem(qs(source.name));
    current_ = -1; // nothing to store from the form: the new row shows next
    list_->setCurrentRow(int(settings_.sources.size()) - 1);
}

void SourcesDialog::removeSource() {
    if (current_ < 0)
        return;
    if (settings_.active == qs(settings_.sources[std::size_t(current_)].name))
        settings_.active.clear();
    settings_.sources.erase(settings_.sources.begin() + current_);
    const int row = current_;
    current_ = -1;
    delete list_->takeItem(row);
    showSource(list_->currentRow());
}

void SourcesDialog::showSource(int row) {
    current_ = row;
    const bool any = row >= 0 && std::size_t(row) < settings_.sources.size();
    for (QWidget* field :
         std::initializer_list<QWidget*>{name_, kind_, urls_, auth_, user_, secretFile_, verifyTls_, caFile_,
                                         rackLabel_, labels_, active_, test_})
        field->setEnabled(any);
    result_->clear();
    if (!any)
        return;
    const telemetry::TelemetrySource& source = settings_.sources[std::size_t(row)];
    name_->setText(qs(source.name));
    kind_->setCurrentIndex(source.kind == telemetry::SourceKind::Prometheus ? 0 : 1);
    QStringList urls;
    for (const std::string& url : source.urls)
        urls << qs(url);
    urls_->setPlainText(urls.join(QLatin1Char('\n')));
    auth_->setCurrentIndex(int(source.auth));
    user_->setText(qs(source.user));
    secretFile_->setText(qs(source.secretFile));
    verifyTls_->setChecked(source.verifyTls);
    caFile_->setText(qs(source.caFile));
    rackLabel_->setChecked(source.rackLabel);
    const QStringList labels{qs(source.hostLabel), qs(source.gpuLabel), qs(source.uuidLabel),
                             qs(source.rackLabelName)};
    labels_->setText(std::all_of(labels.begin(), labels.end(), [](const QString& l) { return l.isEmpty(); })
                         ? QString()
                         : labels.join(QStringLiteral(", ")));
    active_->setChecked(!settings_.active.isEmpty() && settings_.active == qs(source.name));
}

void SourcesDialog::storeForm() {
    if (current_ < 0 || std::size_t(current_) >= settings_.sources.size())
        return;
    telemetry::TelemetrySource& source = settings_.sources[std::size_t(current_)];
    const QString oldName = qs(source.name);
    source.name = name_->text().trimmed().toStdString();
    source.kind =
        kind_->currentIndex() == 0 ? telemetry::SourceKind::Prometheus : telemetry::SourceKind::Exporters;
    source.urls.clear();
    for (const QString& line : urls_->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (!line.trimmed().isEmpty())
            source.urls.push_back(line.trimmed().toStdString());
    source.auth = telemetry::SourceAuth(auth_->currentIndex());
    source.user = user_->text().trimmed().toStdString();
    source.secretFile = secretFile_->text().trimmed().toStdString();
    source.verifyTls = verifyTls_->isChecked();
    source.caFile = caFile_->text().trimmed().toStdString();
    source.rackLabel = rackLabel_->isChecked();
    // "host, gpu, uuid, rack", any of them empty for its default.
    QStringList labels = labels_->text().split(QLatin1Char(','));
    while (labels.size() < 4)
        labels << QString();
    source.hostLabel = labels[0].trimmed().toStdString();
    source.gpuLabel = labels[1].trimmed().toStdString();
    source.uuidLabel = labels[2].trimmed().toStdString();
    source.rackLabelName = labels[3].trimmed().toStdString();
    if (active_->isChecked())
        settings_.active = qs(source.name);
    else if (settings_.active == oldName)
        settings_.active.clear();
}

SourceSettings SourcesDialog::settings() {
    storeForm();
    return settings_;
}

QString SourcesDialog::testResult() const {
    return result_->text();
}

void SourcesDialog::testCurrent() {
    storeForm();
    if (current_ < 0)
        return;
    const telemetry::TelemetrySource source = settings_.sources[std::size_t(current_)];
    if (const auto problem = telemetry::validateSource(source)) {
        finishTest(false, qs(*problem));
        return;
    }
    telemetry::SourceClient setup = telemetry::clientOptionsFor(source);
    if (setup.error) {
        finishTest(false, qs(*setup.error));
        return;
    }
    setup.options.maxAttempts = 1;
    setup.options.connectTimeout = kTestTimeout;
    setup.options.requestTimeout = kTestTimeout;
    client_ = std::make_unique<telemetry::HttpClient>(setup.options);
    result_->setText(tr("Testing %1 ...").arg(qs(telemetry::testUrl(source))));
    const quint64 generation = ++testGeneration_;
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    client_->get(telemetry::testUrl(source), [this, generation, clock,
                                              rules = telemetry::mappingRulesFor(source),
                                              prometheus = source.kind == telemetry::SourceKind::Prometheus](
                                                 telemetry::HttpResponse response) {
        // Parsed here, on the client's thread: a whole exporter page can be megabytes.
        bool ok = response.ok();
        QString text;
        if (!response.error.empty())
            text = tr("Failed: %1").arg(qs(response.error));
        else if (!ok)
            text = tr("Failed: HTTP %1").arg(response.status);
        else if (const auto what =
                     telemetry::unexpectedBody(response.contentType, response.body,
                                               prometheus ? telemetry::ExpectedBody::PrometheusJson
                                                          : telemetry::ExpectedBody::Exposition)) {
            ok = false;
            text = tr("Failed: answered %1").arg(qs(*what));
        } else if (prometheus) {
            const std::size_t at = response.body.find("\"version\":\"");
            ok = response.body.find("\"status\":\"success\"") != std::string::npos;
            text =
                !ok ? tr("Failed: the answer is not the Prometheus API's")
                : at == std::string::npos
                    ? tr("Connected to Prometheus")
                    : tr("Connected to Prometheus %1")
                          .arg(qs(response.body.substr(at + 11, response.body.find('"', at + 11) - at - 11)));
        } else {
            text = tr("Connected: %1").arg(describeScrape(response.body, facility_.get(), rules));
        }
        text += tr(" (%1 ms)").arg(clock->elapsed());
        QMetaObject::invokeMethod(
            this,
            [this, generation, ok, text] {
                if (generation == testGeneration_)
                    finishTest(ok, text);
            },
            Qt::QueuedConnection);
    });
}

void SourcesDialog::finishTest(bool ok, const QString& result) {
    result_->setText(result);
    result_->setStyleSheet(ok ? QString() : QStringLiteral("color: #c0392b"));
    emit testFinished(ok, result);
}

} // namespace twin::app
