#include "cli/SizeOption.h"

#include <QRegularExpression>

namespace twin::app {

std::optional<QSize> parseImageSize(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,5})[xX](\\d{1,5})$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const int width = match.captured(1).toInt();
    const int height = match.captured(2).toInt();
    if (width < kMinImageSide || height < kMinImageSide || width > kMaxImageSide || height > kMaxImageSide)
        return std::nullopt;
    return QSize(width, height);
}

} // namespace twin::app
