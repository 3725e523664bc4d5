// `--listen ADDRESS:PORT` for the serving subcommands: an IPv4 or IPv6 literal (IPv6 in brackets,
// `[::1]:9400`, or bare, `::1:9400`) or a host name, and a port. Checked before anything binds, so that
// a typo is a usage error naming the option rather than an environment error from the socket layer.
#pragma once

#include <QString>
#include <cstdint>
#include <variant>

namespace twin::app {

struct ListenAddress {
    QString host; // without brackets
    std::uint16_t port = 0;
};

// The address, or the reason it is not one (without the option's name: the caller says which).
std::variant<ListenAddress, QString> parseListenAddress(const QString& text);

// RFC 1123 host name shape: dot-separated labels of letters, digits and inner hyphens, 1-63 each, 253 in
// all, and a last label that is not all digits (so `1.2.3.4.5` is no host name).
bool isHostNameShape(const QString& text);

} // namespace twin::app
