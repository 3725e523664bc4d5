#include "scene/DateStamp.h"

#include "TextImage.h"

#include <algorithm>
#include <vtkActor2D.h>
#include <vtkCallbackCommand.h>
#include <vtkCommand.h>
#include <vtkImageData.h>
#include <vtkImageMapper.h>
#include <vtkNew.h>
#include <vtkRenderer.h>
#include <vtkTextProperty.h>

namespace twin::scene {

namespace {
// Device pixels. Opaque like the legend (a translucent overlay would add a render pass).
constexpr int kMargin = 12;
constexpr int kPadding = 10;
constexpr int kGap = 4;
constexpr int kHeadlineSize = 30;
constexpr int kDetailSize = 14;
constexpr unsigned char kPanelColour[3] = {20, 22, 28};
} // namespace

struct DateStamp::Private {
    vtkRenderer* renderer = nullptr;
    QString headline, detail;
    int width = 0, height = 0;
    bool drawn = false;
    vtkNew<vtkImageData> image;
    vtkNew<vtkActor2D> actor;
    vtkNew<vtkTextProperty> headlineFont, detailFont;
    vtkNew<vtkCallbackCommand> placeCheck;
    unsigned long placeObserver = 0;

    // The corner moves with the view's size, known only when it renders: place it then.
    void place() {
        const int* size = renderer->GetSize();
        drawn = !headline.isEmpty() && size[0] >= 2 * kMargin + width && size[1] >= 2 * kMargin + height;
        actor->SetVisibility(drawn);
        if (drawn)
            actor->SetPosition(size[0] - kMargin - width, size[1] - kMargin - height);
    }
};

DateStamp::DateStamp(vtkRenderer* renderer) : d(std::make_unique<Private>()) {
    d->renderer = renderer;
    for (vtkTextProperty* font : {d->headlineFont.Get(), d->detailFont.Get()}) {
        font->SetColor(0.95, 0.96, 0.98);
        font->SetJustificationToLeft();
        font->SetVerticalJustificationToBottom();
    }
    d->headlineFont->SetFontSize(kHeadlineSize);
    d->headlineFont->SetBold(true);
    d->detailFont->SetFontSize(kDetailSize);
    d->image->SetDimensions(1, 1, 1);
    d->image->AllocateScalars(VTK_UNSIGNED_CHAR, 3);
    vtkNew<vtkImageMapper> mapper;
    mapper->SetInputData(d->image);
    mapper->SetColorWindow(255.0);
    mapper->SetColorLevel(127.5);
    d->actor->SetMapper(mapper);
    d->actor->SetVisibility(false);
    renderer->AddViewProp(d->actor);
    d->placeCheck->SetClientData(d.get());
    d->placeCheck->SetCallback([](vtkObject*, unsigned long, void* clientData, void*) {
        static_cast<Private*>(clientData)->place();
    });
    d->placeObserver = renderer->AddObserver(vtkCommand::StartEvent, d->placeCheck);
}

DateStamp::~DateStamp() {
    d->renderer->RemoveObserver(d->placeObserver);
    d->renderer->RemoveViewProp(d->actor);
}

void DateStamp::show(const QString& headline, const QString& detail) {
    if (headline == d->headline && detail == d->detail)
        return; // playback asks every frame; the image is the same
    d->headline = headline;
    d->detail = detail;
    const RenderedText big = renderText(d->headlineFont, headline);
    const RenderedText small = renderText(d->detailFont, detail);
    d->width = std::max(big.width, small.width) + 2 * kPadding;
    d->height = big.height + (detail.isEmpty() ? 0 : kGap + small.height) + 2 * kPadding;
    d->image->SetDimensions(d->width, d->height, 1);
    d->image->AllocateScalars(VTK_UNSIGNED_CHAR, 3);
    fillRect(d->image, 0, 0, d->width, d->height, kPanelColour);
    // Right-aligned, as the corner it sits in.
    blendText(d->image, big, d->width - kPadding - big.width, d->height - kPadding - big.height);
    if (!detail.isEmpty())
        blendText(d->image, small, d->width - kPadding - small.width, kPadding);
    d->image->Modified();
    d->place();
}

void DateStamp::hide() {
    d->headline.clear();
    d->detail.clear();
    d->place();
}

const QString& DateStamp::headline() const {
    return d->headline;
}

const QString& DateStamp::detail() const {
    return d->detail;
}

bool DateStamp::drawn() const {
    return d->drawn;
}

QRect DateStamp::area(QSize viewSize) const {
    if (!d->drawn)
        return {};
    return {viewSize.width() - kMargin - d->width, kMargin, d->width, d->height};
}

} // namespace twin::scene
