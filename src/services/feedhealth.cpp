#include "services/feedhealth.h"

#include <QRegularExpression>

namespace bulletin {

namespace {

QString kindWords(FetchError error)
{
    switch (error) {
    case FetchError::None:
        return {};
    case FetchError::InvalidUrl:
        return QStringLiteral("invalid address");
    case FetchError::UnsupportedScheme:
        return QStringLiteral("unsupported address");
    case FetchError::Dns:
        return QStringLiteral("DNS failure");
    case FetchError::Connection:
        return QStringLiteral("connection failed");
    case FetchError::Tls:
        return QStringLiteral("TLS error");
    case FetchError::Timeout:
        return QStringLiteral("timed out");
    case FetchError::Http:
        return QStringLiteral("HTTP error");
    case FetchError::TooLarge:
        return QStringLiteral("too large");
    case FetchError::Truncated:
        return QStringLiteral("truncated");
    case FetchError::TooManyRedirects:
        return QStringLiteral("too many redirects");
    case FetchError::RedirectLoop:
        return QStringLiteral("redirect loop");
    case FetchError::Cancelled:
        return QStringLiteral("cancelled");
    case FetchError::Other:
        return QStringLiteral("fetch failed");
    }
    return QStringLiteral("fetch failed");
}

} // namespace

QString fetchFailureWords(const FetchResult &result)
{
    if (result.ok())
        return {};
    // "HTTP 404" is what people recognise; the status says it all.
    const QString kind = result.error == FetchError::Http && result.httpStatus > 0
        ? QStringLiteral("HTTP %1").arg(result.httpStatus)
        : kindWords(result.error);
    if (result.errorText.isEmpty() || result.error == FetchError::Http)
        return kind;
    return QStringLiteral("%1: %2").arg(kind, result.errorText);
}

bool looksLikeHtml(const QByteArray &body, const QString &contentType)
{
    if (contentType == QLatin1String("text/html")
        || contentType == QLatin1String("application/xhtml+xml"))
        return true;
    // Servers label pages text/plain or application/octet-stream too: look at the first tag.
    static const QRegularExpression firstTag(
        QStringLiteral("^\\s*(<\\?xml[^>]*>\\s*)?(<!--.*?-->\\s*)*<(!doctype\\s+html|html)\\b"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    return firstTag.match(QString::fromUtf8(body.left(2048))).hasMatch();
}

QString recoveryWords(const QString &parserWarning, int stories)
{
    if (parserWarning.isEmpty())
        return {};
    const auto count = [stories](const char *what) {
        return stories == 1 ? QStringLiteral("1 story %1").arg(QLatin1String(what))
                            : QStringLiteral("%1 stories %2").arg(stories).arg(QLatin1String(what));
    };
    // The XML reader stopped at the damage: the stories before it are what was recovered.
    static const QRegularExpression xmlError(
        QStringLiteral("^XML error at (line \\d+, column \\d+): (.*?)\\.?$"));
    const QRegularExpressionMatch m = xmlError.match(parserWarning);
    if (!m.hasMatch())
        return QStringLiteral("%1; %2").arg(parserWarning, count("read"));
    QString reason = m.captured(2); // Qt's message, a sentence: "Premature end of document."
    if (!reason.isEmpty())
        reason[0] = reason[0].toLower();
    return QStringLiteral("not well-formed at %1 (%2); %3")
        .arg(m.captured(1), reason, count("recovered"));
}

QString parseFailureWords(const QByteArray &body, const QString &contentType,
                          const QString &parserError)
{
    if (looksLikeHtml(body, contentType))
        return QStringLiteral("not a feed (the address gives a web page)");
    if (body.trimmed().isEmpty())
        return QStringLiteral("not a feed (the response was empty)");
    // The parser already says "not a feed: root element <html>" when it is sure.
    if (parserError.startsWith(QLatin1String("not a feed")))
        return parserError;
    // "XML error at line 4, column 1: ..." reads best as "parse error at line 4, ...".
    static const QLatin1String xmlError("XML error at ");
    if (parserError.startsWith(xmlError))
        return QStringLiteral("parse error at ") + parserError.mid(xmlError.size());
    return QStringLiteral("parse error: %1").arg(parserError);
}

} // namespace bulletin
