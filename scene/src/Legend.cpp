#include "scene/Legend.h"

#include "OverlayPanel.h"
#include "TextImage.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkTextProperty.h>

namespace twin::scene {

namespace {
// Sizes in device pixels.
constexpr int kPadding = 8;
constexpr int kSwatch = 14;
constexpr int kLineHeight = 20;
constexpr int kPanelWidth = 190; // at least: a longer title widens it
constexpr int kBarWidth = 120;
constexpr int kFontSize = 13;
} // namespace

struct Legend::Private {
    explicit Private(vtkRenderer* renderer) : panel(renderer, OverlayPanel::Corner::LowerLeft) {}

    QString title;
    std::vector<LegendEntry> entries;
    std::vector<LegendEntry> ownColours;
    std::function<void()> redraw; // the last show, again (with other own colours)

    // The own-colour swatches below the overlay's, from `y` down.
    void ownColourLines(int left, int y) {
        for (const LegendEntry& entry : ownColours) {
            y -= kLineHeight;
            fill(left, y + 3, left + kSwatch, y + 3 + kSwatch, entry.colour);
            text(entry.label, left + kSwatch + 8, y + 3, false);
        }
        entries.insert(entries.end(), ownColours.begin(), ownColours.end());
    }
    OverlayPanel panel;
    vtkImageData* image = nullptr;
    int panelHeight = 0;
    vtkNew<vtkTextProperty> font;

    void startPanel(int height) {
        panelHeight = height;
        font->SetBold(true);
        int width = std::max(kPanelWidth, renderText(font, title).width + 2 * kPadding);
        // Wide enough for every swatch's label ("Supply pipe (own colour)" was cut at the edge).
        font->SetBold(false);
        for (const auto* list : {&entries, &ownColours})
            for (const LegendEntry& entry : *list)
                width = std::max(width, 2 * kPadding + kSwatch + 8 + renderText(font, entry.label).width);
        image = panel.start(width, height);
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
        if (entries.empty())
            panel.hide();
        else
            panel.show();
    }
};

Legend::Legend(vtkRenderer* renderer) : d(std::make_unique<Private>(renderer)) {
    d->font->SetFontSize(kFontSize);
    d->font->SetColor(0.93, 0.94, 0.96);
    d->font->SetJustificationToLeft();
    d->font->SetVerticalJustificationToBottom();
}

Legend::~Legend() = default;

void Legend::setOwnColours(std::vector<LegendEntry> entries) {
    if (entries.size() == d->ownColours.size() &&
        std::equal(entries.begin(), entries.end(), d->ownColours.begin(),
                   [](const LegendEntry& a, const LegendEntry& b) {
                       return a.label == b.label && a.colour == b.colour;
                   }))
        return;
    d->ownColours = std::move(entries);
    if (d->redraw) {
        // A copy: the show it calls replaces d->redraw, whose captures are the arguments in use.
        const std::function<void()> again = d->redraw;
        again();
    }
}

void Legend::showEntries(const QString& title, std::vector<LegendEntry> entries) {
    d->redraw = [this, title, entries] {
        showEntries(title, entries);
    };
    d->title = title;
    d->entries = std::move(entries);
    d->startPanel((int(d->entries.size() + d->ownColours.size()) + 1) * kLineHeight + 2 * kPadding);
    const int left = kPadding;
    int y = d->panelHeight - kPadding - kLineHeight;
    d->text(title, left, y + 3, true);
    for (const LegendEntry& entry : d->entries) {
        y -= kLineHeight;
        d->fill(left, y + 3, left + kSwatch, y + 3 + kSwatch, entry.colour);
        d->text(entry.label, left + kSwatch + 8, y + 3, false);
    }
    d->ownColourLines(left, y);
    d->install();
}

void Legend::showColourBar(const QString& title, float low, float high,
                           const std::function<std::array<unsigned char, 3>(float)>& colourAt,
                           const LegendEntry& noData, const std::optional<Threshold>& threshold) {
    d->redraw = [this, title, low, high, colourAt, noData, threshold] {
        showColourBar(title, low, high, colourAt, noData, threshold);
    };
    d->title = title;
    d->entries = {{QString::number(double(low), 'g', 4), colourAt(0.0f)},
                  {QString::number(double(high), 'g', 4), colourAt(1.0f)},
                  noData};
    const float thresholdAt =
        threshold ? std::clamp((threshold->value - low) / (high - low), 0.0f, 1.0f) : 0.0f;
    if (threshold)
        d->entries.push_back({threshold->label, colourAt(thresholdAt)});
    d->startPanel(((threshold ? 5 : 4) + int(d->ownColours.size())) * kLineHeight + 2 * kPadding);
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
    d->ownColourLines(left, y);
    d->install();
}

const QString& Legend::title() const {
    return d->title;
}

const std::vector<LegendEntry>& Legend::entries() const {
    return d->entries;
}

bool Legend::drawn() const {
    return d->panel.drawn();
}

QRect Legend::area(QSize viewSize) const {
    return d->panel.area(viewSize);
}

const OverlayPanel* Legend::overlayPanel() const {
    return &d->panel;
}

void Legend::setSuppressed(bool suppressed) {
    d->panel.setSuppressed(suppressed);
}

} // namespace twin::scene
