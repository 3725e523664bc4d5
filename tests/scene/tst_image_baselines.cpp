// Each camera preset of a small generated model against a baseline image a person has looked at.
// Threshold: a mean absolute difference under 2 levels per channel, and at most 0.5 % of pixels off
// by more than 48 levels in any channel (room for a different Mesa rounding, none for a missing rack).
// To refresh the baselines after a deliberate change: TWIN_UPDATE_BASELINES=1 ctest -R image, then
// look at every PNG in tests/data/baselines before committing them.
#include "datamodel/Facility.h"
#include "datamodel/Store.h"
#include "importers/ColossusGenerator.h"
#include "scene/FacilityScene.h"
#include "scene/OffscreenView.h"

#include <QTemporaryDir>
#include <QTest>
#include <cstdlib>

using namespace twin;

namespace {

constexpr double kMaxMeanDifference = 2.0;
constexpr double kMaxOutlierFraction = 0.005;
constexpr int kOutlierLevel = 48;
const QSize kSize(320, 200);

QString baselinePath(const QString& preset) {
    QString name = preset;
    name.replace(QLatin1Char(':'), QLatin1Char('-'));
    return QStringLiteral(TWIN_SOURCE_DIR "/tests/data/baselines/") + name + QStringLiteral(".png");
}

} // namespace

class ImageBaselineTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    std::shared_ptr<const datamodel::Facility> facility_;

private slots:
    void initTestCase() {
        QVERIFY2(scene::OffscreenView::displayAvailable(), "run under xvfb-run");
        const QString path = dir_.filePath(QStringLiteral("baseline-model.db"));
        importers::GeneratorOptions options;
        options.gpus = 4096;
        options.seed = 7;
        importers::generateColossus(path.toStdString(), options);
        facility_ = std::make_shared<const datamodel::Facility>(
            datamodel::Store::open(path.toStdString(), datamodel::Access::ReadOnly)->load());
    }

    void presetMatchesItsBaseline_data() {
        QTest::addColumn<QString>("preset");
        for (const char* preset : {"overview", "hall:1", "aisle:H1-R01", "rack:H1-R01-K05"})
            QTest::newRow(preset) << QString::fromLatin1(preset);
    }

    void presetMatchesItsBaseline() {
        QFETCH(QString, preset);
        scene::OffscreenView view(kSize);
        scene::FacilityScene scene(facility_, view.renderer());
        const auto camera = scene::cameraPreset(*facility_, preset);
        QVERIFY(camera);
        scene.updateDetail(*camera);
        view.setCameraPose(*camera);
        const QImage image = view.capture().convertToFormat(QImage::Format_RGB888);
        if (qEnvironmentVariableIsSet("TWIN_UPDATE_BASELINES")) {
            QVERIFY(image.save(baselinePath(preset)));
            QSKIP("baseline written; look at it before committing");
        }
        const QImage baseline = QImage(baselinePath(preset)).convertToFormat(QImage::Format_RGB888);
        QVERIFY2(!baseline.isNull(), qPrintable(baselinePath(preset) + QStringLiteral(" is missing")));
        QCOMPARE(image.size(), baseline.size());
        double total = 0;
        int outliers = 0;
        for (int y = 0; y < image.height(); ++y) {
            const uchar* a = image.constScanLine(y);
            const uchar* b = baseline.constScanLine(y);
            for (int x = 0; x < image.width(); ++x) {
                int worst = 0;
                for (int c = 0; c < 3; ++c) {
                    const int difference = std::abs(int(a[3 * x + c]) - int(b[3 * x + c]));
                    total += difference;
                    worst = std::max(worst, difference);
                }
                outliers += worst > kOutlierLevel ? 1 : 0;
            }
        }
        const double pixels = double(image.width()) * image.height();
        const double mean = total / (pixels * 3.0);
        const double outlierFraction = outliers / pixels;
        QVERIFY2(mean < kMaxMeanDifference && outlierFraction < kMaxOutlierFraction,
                 qPrintable(QStringLiteral("%1: mean difference %2, %3 % of pixels far off")
                                .arg(preset)
                                .arg(mean, 0, 'f', 2)
                                .arg(outlierFraction * 100.0, 0, 'f', 2)));
    }

    void aMissingRackWouldBeCaught() {
        // The threshold must not be so loose that it lets a broken picture through: the hall view
        // without its racks has to fail it.
        scene::OffscreenView view(kSize);
        scene::FacilityScene scene(facility_, view.renderer());
        const auto camera = *scene::cameraPreset(*facility_, QStringLiteral("hall:1"));
        scene.updateDetail(camera);
        view.setCameraPose(camera);
        const QImage full = view.capture().convertToFormat(QImage::Format_RGB888);
        scene.setLayerVisible(scene::Layer::Compute, false);
        const QImage without = view.capture().convertToFormat(QImage::Format_RGB888);
        int outliers = 0;
        for (int y = 0; y < full.height(); ++y)
            for (int x = 0; x < full.width(); ++x) {
                const QColor a = full.pixelColor(x, y), b = without.pixelColor(x, y);
                outliers += std::max({std::abs(a.red() - b.red()), std::abs(a.green() - b.green()),
                                      std::abs(a.blue() - b.blue())}) > kOutlierLevel
                                ? 1
                                : 0;
            }
        QVERIFY2(outliers / double(full.width() * full.height()) > kMaxOutlierFraction,
                 qPrintable(QString::number(outliers)));
    }
};

QTEST_GUILESS_MAIN(ImageBaselineTest)
#include "tst_image_baselines.moc"
