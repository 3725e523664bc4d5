#include "scene/Caption.h"

#include "OverlayPanel.h"
#include "TextImage.h"
#include "scene/Legend.h"

#include <QStringList>
#include <algorithm>
#include <vtkTextProperty.h>

namespace twin::scene {

namespace {
constexpr int kPadding = 12; // device pixels
constexpr int kLineGap = 6;
} // namespace

struct Caption::Private {
    explicit Private(vtkRenderer* renderer) : panel(renderer, OverlayPanel::Corner::LowerCentre) {}
    QString text;
    int size = 0, width = 0;
    OverlayPanel panel;
    vtkNew<vtkTextProperty> font;
};

Caption::Caption(vtkRenderer* renderer) : d(std::make_unique<Private>(renderer)) {
    d->font->SetColor(0.97, 0.97, 0.99);
    d->font->SetBold(true);
    d->font->SetJustificationToLeft();
    d->font->SetVerticalJustificationToBottom();
}

Caption::~Caption() = default;

void Caption::keepClearOf(const Legend& legend) {
    d->panel.keepClearOf(legend.overlayPanel());
}

int Caption::typeSizeFor(int viewWidth) {
    return std::clamp(viewWidth / 48, 14, 48);
}

void Caption::show(const QString& text, int viewWidth) {
    if (text.isEmpty()) {
        hide();
        return;
    }
    if (text == d->text && viewWidth == d->width)
        return; // playback asks every frame; the image is the same
    d->text = text;
    d->width = viewWidth;
    d->size = typeSizeFor(viewWidth);
    d->font->SetFontSize(d->size);
    // One line if it fits in nine tenths of the view, else two, split at the space nearest the middle
    // (after a colon when there is one: "The power yard: 1 substation, ...").
    QStringList lines{text};
    const int room = viewWidth * 9 / 10 - 2 * kPadding;
    if (renderText(d->font, text).width > room) {
        const int colon = text.indexOf(QStringLiteral(": "));
        int split = colon > 0 ? colon + 1 : -1;
        if (split < 0)
            for (int offset = 0; offset < text.size() / 2 && split < 0; ++offset)
                for (const int at : {int(text.size() / 2) + offset, int(text.size() / 2) - offset})
                    if (split < 0 && at > 0 && at < text.size() && text[at] == QLatin1Char(' '))
                        split = at;
        if (split > 0)
            lines = {text.left(split).trimmed(), text.mid(split).trimmed()};
    }
    std::vector<RenderedText> rendered;
    int width = 0, height = 2 * kPadding;
    for (const QString& line : lines) {
        rendered.push_back(renderText(d->font, line));
        width = std::max(width, rendered.back().width);
        height += rendered.back().height + (rendered.size() > 1 ? kLineGap : 0);
    }
    width += 2 * kPadding;
    vtkImageData* image = d->panel.start(width, height);
    int y = height - kPadding;
    for (const RenderedText& line : rendered) {
        y -= line.height;
        blendText(image, line, (width - line.width) / 2, y);
        y -= kLineGap;
    }
    d->panel.show();
}

void Caption::hide() {
    d->text.clear();
    d->size = 0;
    d->width = 0;
    d->panel.hide();
}

const QString& Caption::text() const {
    return d->text;
}

int Caption::pointSize() const {
    return d->size;
}

bool Caption::drawn() const {
    return d->panel.drawn();
}

QRect Caption::area(QSize viewSize) const {
    return d->panel.area(viewSize);
}

void Caption::setSuppressed(bool suppressed) {
    d->panel.setSuppressed(suppressed);
}

} // namespace twin::scene
