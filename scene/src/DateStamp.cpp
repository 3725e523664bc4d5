#include "scene/DateStamp.h"

#include "OverlayPanel.h"
#include "TextImage.h"

#include <algorithm>
#include <vtkNew.h>
#include <vtkTextProperty.h>

namespace twin::scene {

namespace {
// Device pixels.
constexpr int kPadding = 10;
constexpr int kGap = 4;
constexpr int kHeadlineSize = 30;
constexpr int kDetailSize = 14;
} // namespace

struct DateStamp::Private {
    explicit Private(vtkRenderer* renderer) : panel(renderer, OverlayPanel::Corner::UpperRight) {}

    QString headline, detail;
    OverlayPanel panel;
    vtkNew<vtkTextProperty> headlineFont, detailFont;
};

DateStamp::DateStamp(vtkRenderer* renderer) : d(std::make_unique<Private>(renderer)) {
    for (vtkTextProperty* font : {d->headlineFont.Get(), d->detailFont.Get()}) {
        font->SetColor(0.95, 0.96, 0.98);
        font->SetJustificationToLeft();
        font->SetVerticalJustificationToBottom();
    }
    d->headlineFont->SetFontSize(kHeadlineSize);
    d->headlineFont->SetBold(true);
    d->detailFont->SetFontSize(kDetailSize);
}

DateStamp::~DateStamp() = default;

void DateStamp::show(const QString& headline, const QString& detail) {
    if (headline == d->headline && detail == d->detail)
        return; // playback asks every frame; the image is the same
    d->headline = headline;
    d->detail = detail;
    const RenderedText big = renderText(d->headlineFont, headline);
    const RenderedText small = renderText(d->detailFont, detail);
    const int width = std::max(big.width, small.width) + 2 * kPadding;
    const int height = big.height + (detail.isEmpty() ? 0 : kGap + small.height) + 2 * kPadding;
    vtkImageData* image = d->panel.start(width, height);
    // Right-aligned, as the corner it sits in.
    blendText(image, big, width - kPadding - big.width, height - kPadding - big.height);
    if (!detail.isEmpty())
        blendText(image, small, width - kPadding - small.width, kPadding);
    d->panel.show();
}

void DateStamp::hide() {
    d->headline.clear();
    d->detail.clear();
    d->panel.hide();
}

const QString& DateStamp::headline() const {
    return d->headline;
}

const QString& DateStamp::detail() const {
    return d->detail;
}

bool DateStamp::drawn() const {
    return d->panel.drawn();
}

QRect DateStamp::area(QSize viewSize) const {
    return d->panel.area(viewSize);
}

void DateStamp::setSuppressed(bool suppressed) {
    d->panel.setSuppressed(suppressed);
}

} // namespace twin::scene
