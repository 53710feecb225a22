#include "net/fetchresult.h"

namespace bulletin {

QString fetchErrorName(FetchError error)
{
    switch (error) {
    case FetchError::None:
        return QStringLiteral("none");
    case FetchError::InvalidUrl:
        return QStringLiteral("invalid-url");
    case FetchError::UnsupportedScheme:
        return QStringLiteral("unsupported-scheme");
    case FetchError::Dns:
        return QStringLiteral("dns");
    case FetchError::Connection:
        return QStringLiteral("connection");
    case FetchError::Tls:
        return QStringLiteral("tls");
    case FetchError::Timeout:
        return QStringLiteral("timeout");
    case FetchError::Http:
        return QStringLiteral("http");
    case FetchError::TooLarge:
        return QStringLiteral("too-large");
    case FetchError::Truncated:
        return QStringLiteral("truncated");
    case FetchError::TooManyRedirects:
        return QStringLiteral("too-many-redirects");
    case FetchError::RedirectLoop:
        return QStringLiteral("redirect-loop");
    case FetchError::Cancelled:
        return QStringLiteral("cancelled");
    case FetchError::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

FetchResult FetchResult::failure(const FetchRequest &request, FetchError error, const QString &text)
{
    FetchResult result;
    result.cookie = request.cookie;
    result.requestedUrl = request.url;
    result.finalUrl = request.url;
    result.etag = request.etag;
    result.lastModified = request.lastModified;
    result.error = error;
    result.errorText = text;
    return result;
}

} // namespace bulletin
