#include "scene/Legend.h"

#include <vtkActor2D.h>
#include <vtkCallbackCommand.h>
#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkCommand.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper2D.h>
#include <vtkProperty2D.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>
#include <vtkUnsignedCharArray.h>

namespace twin::scene {

namespace {
// Sizes in device pixels, from the lower-left corner of the view.
constexpr int kMargin = 12;
constexpr int kPadding = 8;
constexpr int kSwatch = 14;
constexpr int kLineHeight = 20;
constexpr int kPanelWidth = 190;
constexpr int kBarWidth = 120;
constexpr int kFontSize = 13;
constexpr int kColourBarSteps = 24; // quads along the bar; colours are interpolated within each
constexpr std::array<unsigned char, 4> kPanelColour{20, 22, 28, 200};
} // namespace

struct Legend::Private {
    vtkRenderer* renderer = nullptr;
    QString title;
    std::vector<LegendEntry> entries;
    int panelHeight = 0;
    bool drawn = false;
    vtkNew<vtkPolyData> shapes; // the panel and the swatches (or the bar), in pixels
    vtkNew<vtkActor2D> shapeActor;
    std::vector<vtkSmartPointer<vtkTextActor>> texts; // the title first
    vtkNew<vtkCallbackCommand> fitCheck;
    unsigned long fitObserver = 0;

    struct Shapes {
        vtkNew<vtkPoints> points;
        vtkNew<vtkCellArray> quads;
        vtkNew<vtkUnsignedCharArray> colours; // per point, so a bar can shade along its length
        Shapes() { colours->SetNumberOfComponents(4); }
        void quad(double x0, double y0, double x1, double y1, std::array<unsigned char, 4> left,
                  std::array<unsigned char, 4> right) {
            const vtkIdType first = points->GetNumberOfPoints();
            points->InsertNextPoint(x0, y0, 0.0);
            points->InsertNextPoint(x1, y0, 0.0);
            points->InsertNextPoint(x1, y1, 0.0);
            points->InsertNextPoint(x0, y1, 0.0);
            for (const auto* colour : {&left, &right, &right, &left})
                colours->InsertNextTypedTuple(colour->data());
            const vtkIdType ids[] = {first, first + 1, first + 2, first + 3};
            quads->InsertNextCell(4, ids);
        }
    };

    static std::array<unsigned char, 4> opaque(const std::array<unsigned char, 3>& rgb) {
        return {rgb[0], rgb[1], rgb[2], 255};
    }

    void addText(const QString& text, int x, int y, bool bold) {
        auto actor = vtkSmartPointer<vtkTextActor>::New();
        actor->SetInput(text.toUtf8().constData());
        actor->SetDisplayPosition(x, y);
        actor->GetTextProperty()->SetFontSize(kFontSize);
        actor->GetTextProperty()->SetColor(0.93, 0.94, 0.96);
        actor->GetTextProperty()->SetBold(bold);
        actor->GetTextProperty()->SetVerticalJustificationToBottom();
        renderer->AddViewProp(actor);
        texts.push_back(actor);
    }

    void clearTexts() {
        for (const auto& text : texts)
            renderer->RemoveViewProp(text);
        texts.clear();
    }

    void install(Shapes& built) {
        shapes->Initialize();
        shapes->SetPoints(built.points);
        shapes->SetPolys(built.quads);
        shapes->GetPointData()->SetScalars(built.colours);
        shapes->Modified();
        fitToView();
    }

    // Shown only where the whole panel fits: a legend cut off by the edge would mislead.
    void fitToView() {
        const int* size = renderer->GetSize();
        drawn = !entries.empty() && size[0] >= kMargin + kPanelWidth + kMargin &&
                size[1] >= kMargin + panelHeight + kMargin;
        shapeActor->SetVisibility(drawn);
        for (const auto& text : texts)
            text->SetVisibility(drawn);
    }
};

Legend::Legend(vtkRenderer* renderer) : d(std::make_unique<Private>()) {
    d->renderer = renderer;
    vtkNew<vtkPolyDataMapper2D> mapper;
    mapper->SetInputData(d->shapes);
    mapper->SetColorModeToDirectScalars();
    d->shapeActor->SetMapper(mapper);
    d->shapeActor->SetVisibility(false);
    renderer->AddViewProp(d->shapeActor);
    d->fitCheck->SetClientData(d.get());
    d->fitCheck->SetCallback([](vtkObject*, unsigned long, void* clientData, void*) {
        static_cast<Private*>(clientData)->fitToView();
    });
    d->fitObserver = renderer->AddObserver(vtkCommand::StartEvent, d->fitCheck);
}

Legend::~Legend() {
    d->renderer->RemoveObserver(d->fitObserver);
    d->clearTexts();
    d->renderer->RemoveViewProp(d->shapeActor);
}

void Legend::showEntries(const QString& title, std::vector<LegendEntry> entries) {
    d->title = title;
    d->entries = std::move(entries);
    d->clearTexts();
    const int rows = int(d->entries.size()) + 1;
    d->panelHeight = rows * kLineHeight + 2 * kPadding;
    Private::Shapes built;
    built.quad(kMargin, kMargin, kMargin + kPanelWidth, kMargin + d->panelHeight, kPanelColour, kPanelColour);
    const int left = kMargin + kPadding;
    int y = kMargin + d->panelHeight - kPadding - kLineHeight;
    d->addText(title, left, y + 3, true);
    for (const LegendEntry& entry : d->entries) {
        y -= kLineHeight;
        built.quad(left, y + 3, left + kSwatch, y + 3 + kSwatch, Private::opaque(entry.colour),
                   Private::opaque(entry.colour));
        d->addText(entry.label, left + kSwatch + 8, y + 3, false);
    }
    d->install(built);
}

void Legend::showColourBar(const QString& title, float low, float high,
                           const std::function<std::array<unsigned char, 3>(float)>& colourAt,
                           const LegendEntry& noData) {
    d->title = title;
    d->entries = {{QString::number(double(low), 'g', 4), colourAt(0.0f)},
                  {QString::number(double(high), 'g', 4), colourAt(1.0f)},
                  noData};
    d->clearTexts();
    d->panelHeight = 4 * kLineHeight + 2 * kPadding;
    Private::Shapes built;
    built.quad(kMargin, kMargin, kMargin + kPanelWidth, kMargin + d->panelHeight, kPanelColour, kPanelColour);
    const int left = kMargin + kPadding;
    int y = kMargin + d->panelHeight - kPadding - kLineHeight;
    d->addText(title, left, y + 3, true);
    y -= kLineHeight;
    for (int step = 0; step < kColourBarSteps; ++step) {
        const float t0 = float(step) / kColourBarSteps, t1 = float(step + 1) / kColourBarSteps;
        built.quad(left + kBarWidth * double(t0), y + 3, left + kBarWidth * double(t1), y + 3 + kSwatch,
                   Private::opaque(colourAt(t0)), Private::opaque(colourAt(t1)));
    }
    y -= kLineHeight;
    d->addText(d->entries[0].label, left, y + 3, false);
    auto highText = d->entries[1].label;
    d->addText(highText, left + kBarWidth - 8 * int(highText.size()), y + 3, false);
    y -= kLineHeight;
    built.quad(left, y + 3, left + kSwatch, y + 3 + kSwatch, Private::opaque(noData.colour),
               Private::opaque(noData.colour));
    d->addText(noData.label, left + kSwatch + 8, y + 3, false);
    d->install(built);
}

const QString& Legend::title() const {
    return d->title;
}

const std::vector<LegendEntry>& Legend::entries() const {
    return d->entries;
}

bool Legend::drawn() const {
    return d->drawn;
}

QRect Legend::area(QSize viewSize) const {
    if (!d->drawn)
        return {};
    return {kMargin, viewSize.height() - kMargin - d->panelHeight, kPanelWidth, d->panelHeight};
}

} // namespace twin::scene
