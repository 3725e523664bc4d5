#include "scene/Legend.h"

#include "TextImage.h"

#include <algorithm>
#include <cmath>
#include <vtkActor2D.h>
#include <vtkCallbackCommand.h>
#include <vtkCommand.h>
#include <vtkImageData.h>
#include <vtkImageMapper.h>
#include <vtkNew.h>
#include <vtkRenderer.h>
#include <vtkStdString.h>
#include <vtkTextProperty.h>

namespace twin::scene {

namespace {
// Sizes in device pixels, from the lower-left corner of the view.
constexpr int kMargin = 12;
constexpr int kPadding = 8;
constexpr int kSwatch = 14;
constexpr int kLineHeight = 20;
constexpr int kPanelWidth = 190; // at least: a longer title widens it
constexpr int kBarWidth = 120;
constexpr int kFontSize = 13;
constexpr std::array<unsigned char, 3> kPanelColour{20, 22, 28};
} // namespace

struct Legend::Private {
    vtkRenderer* renderer = nullptr;
    QString title;
    std::vector<LegendEntry> entries;
    int panelHeight = 0, panelWidth = kPanelWidth;
    bool drawn = false;
    // The whole legend is one image (panel, swatches and text composed on the CPU), drawn as one 2D
    // actor: a text actor per line cost a textured draw each, a few milliseconds a frame on llvmpipe.
    vtkNew<vtkImageData> image;
    vtkNew<vtkActor2D> actor;
    vtkNew<vtkTextProperty> font;
    vtkNew<vtkCallbackCommand> fitCheck;
    unsigned long fitObserver = 0;

    void startPanel(int height) {
        panelHeight = height;
        font->SetBold(true);
        panelWidth = std::max(kPanelWidth, renderText(font, title).width + 2 * kPadding);
        image->SetDimensions(panelWidth, height, 1);
        image->AllocateScalars(VTK_UNSIGNED_CHAR, 3);
        fill(0, 0, panelWidth, height, kPanelColour);
    }
    // Image coordinates: from the panel's lower-left corner, y up (as VTK's display coordinates).
    void fill(int x0, int y0, int x1, int y1, const std::array<unsigned char, 3>& colour) {
        fillRect(image, x0, y0, x1, y1, colour.data());
    }
    enum class Align { Left, Right };
    // Text with its box's lower corner (left or right) at (x, y), blended by its coverage.
    void text(const QString& line, int x, int y, bool bold, Align align = Align::Left) {
        font->SetBold(bold);
        const RenderedText rendered = renderText(font, line);
        blendText(image, rendered, align == Align::Right ? x - rendered.width : x, y);
    }
    void install() {
        image->Modified();
        fitToView();
    }

    // Shown only where the whole panel fits: a legend cut off by the edge would mislead.
    void fitToView() {
        const int* size = renderer->GetSize();
        drawn = !entries.empty() && size[0] >= kMargin + panelWidth + kMargin &&
                size[1] >= kMargin + panelHeight + kMargin;
        actor->SetVisibility(drawn);
    }
};

Legend::Legend(vtkRenderer* renderer) : d(std::make_unique<Private>()) {
    d->renderer = renderer;
    d->font->SetFontSize(kFontSize);
    d->font->SetColor(0.93, 0.94, 0.96);
    d->font->SetJustificationToLeft();
    d->font->SetVerticalJustificationToBottom();
    d->startPanel(1);
    vtkNew<vtkImageMapper> mapper;
    mapper->SetInputData(d->image);
    mapper->SetColorWindow(255.0);
    mapper->SetColorLevel(127.5);
    d->actor->SetMapper(mapper);
    d->actor->SetPosition(kMargin, kMargin);
    d->actor->SetVisibility(false);
    renderer->AddViewProp(d->actor);
    // The view's size is known only when it renders: check the fit then.
    d->fitCheck->SetClientData(d.get());
    d->fitCheck->SetCallback([](vtkObject*, unsigned long, void* clientData, void*) {
        static_cast<Private*>(clientData)->fitToView();
    });
    d->fitObserver = renderer->AddObserver(vtkCommand::StartEvent, d->fitCheck);
}

Legend::~Legend() {
    d->renderer->RemoveObserver(d->fitObserver);
    d->renderer->RemoveViewProp(d->actor);
}

void Legend::showEntries(const QString& title, std::vector<LegendEntry> entries) {
    d->title = title;
    d->entries = std::move(entries);
    d->startPanel((int(d->entries.size()) + 1) * kLineHeight + 2 * kPadding);
    const int left = kPadding;
    int y = d->panelHeight - kPadding - kLineHeight;
    d->text(title, left, y + 3, true);
    for (const LegendEntry& entry : d->entries) {
        y -= kLineHeight;
        d->fill(left, y + 3, left + kSwatch, y + 3 + kSwatch, entry.colour);
        d->text(entry.label, left + kSwatch + 8, y + 3, false);
    }
    d->install();
}

void Legend::showColourBar(const QString& title, float low, float high,
                           const std::function<std::array<unsigned char, 3>(float)>& colourAt,
                           const LegendEntry& noData, const std::optional<Threshold>& threshold) {
    d->title = title;
    d->entries = {{QString::number(double(low), 'g', 4), colourAt(0.0f)},
                  {QString::number(double(high), 'g', 4), colourAt(1.0f)},
                  noData};
    const float thresholdAt =
        threshold ? std::clamp((threshold->value - low) / (high - low), 0.0f, 1.0f) : 0.0f;
    if (threshold)
        d->entries.push_back({threshold->label, colourAt(thresholdAt)});
    d->startPanel((threshold ? 5 : 4) * kLineHeight + 2 * kPadding);
    const int left = kPadding;
    int y = d->panelHeight - kPadding - kLineHeight;
    d->text(title, left, y + 3, true);
    y -= kLineHeight;
    for (int x = 0; x < kBarWidth; ++x)
        d->fill(left + x, y + 3, left + x + 1, y + 3 + kSwatch, colourAt(float(x) / float(kBarWidth - 1)));
    if (threshold) {
        const int tick = left + int(std::lround(thresholdAt * float(kBarWidth - 1)));
        d->fill(tick - 1, y + 1, tick + 1, y + 5 + kSwatch, {255, 255, 255});
    }
    y -= kLineHeight;
    d->text(d->entries[0].label, left, y + 3, false);
    d->text(d->entries[1].label, left + kBarWidth, y + 3, false, Private::Align::Right);
    y -= kLineHeight;
    d->fill(left, y + 3, left + kSwatch, y + 3 + kSwatch, noData.colour);
    d->text(noData.label, left + kSwatch + 8, y + 3, false);
    if (threshold) {
        y -= kLineHeight;
        d->fill(left + kSwatch / 2 - 1, y + 3, left + kSwatch / 2 + 1, y + 3 + kSwatch, {255, 255, 255});
        d->text(threshold->label, left + kSwatch + 8, y + 3, false);
    }
    d->install();
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
    return {kMargin, viewSize.height() - kMargin - d->panelHeight, d->panelWidth, d->panelHeight};
}

} // namespace twin::scene
