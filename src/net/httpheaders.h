#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>
#include <utility>

namespace bulletin {

// Small, pure parsers for the response headers a feed fetch cares about. No Qt Network, so
// they are tested directly with the odd values real servers send.

// An HTTP date in any of the three forms RFC 9110 requires recipients to accept
// (IMF-fixdate, RFC 850, asctime), as UTC. Nothing on garbage.
std::optional<QDateTime> parseHttpDate(const QByteArray &value);

// Retry-After is either delay-seconds or an HTTP date; the result is an absolute UTC time.
// Nothing when the value is neither.
std::optional<QDateTime> parseRetryAfter(const QByteArray &value, const QDateTime &now);

// Cache-Control max-age in seconds, or -1 when absent or malformed.
int parseMaxAge(const QByteArray &cacheControl);

// "Application/RSS+XML; Charset=\"UTF-8\"" -> {"application/rss+xml", "utf-8"}.
std::pair<QString, QString> splitContentType(const QByteArray &contentType);

// The standard phrase for a status, for HTTP/2 (which sends none) and terse servers.
QString httpReasonPhrase(int status);

} // namespace bulletin
