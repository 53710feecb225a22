#pragma once

#include "net/fetchrequest.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

#include <optional>

namespace bulletin {

enum class FetchError {
    None,
    InvalidUrl, // not a usable address at all
    UnsupportedScheme, // not http or https (also when a redirect leads elsewhere)
    Dns, // host name did not resolve
    Connection, // refused, reset, unreachable, proxy trouble
    Tls, // handshake or certificate failure
    Timeout, // no data for the inactivity timeout, or over the total limit
    Http, // the server answered with an error status (see httpStatus)
    TooLarge, // body over the size cap; the transfer was aborted
    Truncated, // the connection ended before the announced body did
    TooManyRedirects,
    RedirectLoop,
    Cancelled,
    Other,
};

// A stable lower-case name for logs and JSON ("dns", "http", "too-large", ...).
QString fetchErrorName(FetchError error);

// Everything a refresh needs to know about one fetch. Plain value; never partially filled
// in an inconsistent way: when error != None, body is empty.
struct FetchResult
{
    int cookie = 0;
    QUrl requestedUrl;
    QUrl finalUrl; // the URL the last response came from
    int redirectCount = 0;
    // True when at least one redirect was followed and every one was permanent (301/308):
    // the subscription may be moved to finalUrl.
    bool permanentRedirect = false;
    // Where the leading run of permanent redirects leads, even if a temporary one followed
    // (a 301 to a new host that then 302s to a CDN); empty when the first hop was temporary.
    QUrl permanentUrl;

    // The response's Content-Location, resolved against finalUrl (it may be relative to the
    // request); empty when absent or not http(s). A server that answers for a feed from one
    // address while the document lives at another says where here.
    QUrl contentLocation;

    int httpStatus = 0; // of the last response; 0 when none arrived
    bool notModified = false; // 304: the cached copy is current, body is empty
    QByteArray body; // decompressed
    QString contentType; // lower-case MIME type without parameters
    QString charset; // lower-case, empty when not given
    // Validators to send next time. On 304 or a failure the request's are kept unless the
    // server sent new ones, so the caller can always store these.
    QByteArray etag;
    QString lastModified;
    std::optional<QDateTime> retryAfter; // from Retry-After on 429 and 503, in UTC
    int maxAgeSeconds = -1; // Cache-Control max-age; -1 when absent

    FetchError error = FetchError::None;
    QString errorText; // for people: "DNS lookup failed for example.org"

    bool ok() const { return error == FetchError::None; }
    // A new copy of the feed arrived (not a 304, not a failure): there is a body to parse.
    bool hasNewBody() const { return ok() && !notModified; }
    // The base of the body's relative addresses where the document sets none (no xml:base):
    // contentLocation when the server gave one, else finalUrl (after redirects).
    QUrl documentUrl() const { return contentLocation.isEmpty() ? finalUrl : contentLocation; }

    // A result that failed before (or instead of) any response, for the given request.
    static FetchResult failure(const FetchRequest &request, FetchError error, const QString &text);
};

} // namespace bulletin
