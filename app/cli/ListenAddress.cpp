#include "cli/ListenAddress.h"

#include <QStringList>
#include <arpa/inet.h>

namespace twin::app {

namespace {

bool isIpLiteral(const QString& text) {
    const QByteArray bytes = text.toLatin1();
    unsigned char parsed[16];
    return ::inet_pton(AF_INET, bytes.constData(), parsed) == 1 ||
           ::inet_pton(AF_INET6, bytes.constData(), parsed) == 1;
}

bool isLabel(QStringView label) {
    if (label.isEmpty() || label.size() > 63 || label.front() == QLatin1Char('-') ||
        label.back() == QLatin1Char('-'))
        return false;
    for (const QChar c : label)
        if (!(c.isDigit() || c == QLatin1Char('-') || (c.unicode() < 128 && c.isLetter())))
            return false;
    return true;
}

} // namespace

bool isHostNameShape(const QString& text) {
    if (text.isEmpty() || text.size() > 253)
        return false;
    const QStringList labels = text.split(QLatin1Char('.'));
    for (const QString& label : labels)
        if (!isLabel(label))
            return false;
    bool allDigits = true;
    for (const QChar c : labels.back())
        allDigits = allDigits && c.isDigit();
    return !allDigits;
}

std::variant<ListenAddress, QString> parseListenAddress(const QString& text) {
    QString host, port;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QStringLiteral("]:"));
        if (close < 0)
            return QStringLiteral("is not [IPV6]:PORT");
        host = text.mid(1, close - 1);
        port = text.mid(close + 2);
    } else {
        const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
        if (colon <= 0)
            return QStringLiteral("is not ADDRESS:PORT");
        host = text.left(colon);
        port = text.mid(colon + 1);
    }
    bool portOk = false;
    const int number = port.toInt(&portOk);
    if (!portOk || number < 0 || number > 65535 || port.startsWith(QLatin1Char('+')))
        return QStringLiteral("has no port from 0 to 65535");
    // Brackets hold an IPv6 literal only; bare, an IPv4 or IPv6 literal or a host name.
    const bool bracketed = text.startsWith(QLatin1Char('['));
    const bool literal = isIpLiteral(host);
    if (bracketed ? !(literal && host.contains(QLatin1Char(':'))) : !(literal || isHostNameShape(host)))
        return QStringLiteral("'%1' is neither an IP address nor a host name").arg(host);
    return ListenAddress{host, std::uint16_t(number)};
}

} // namespace twin::app
