#include "core/html/htmlurlpolicy.h"

namespace bulletin {

namespace {

// Characters a browser ignores around a URL, plus the invisible ones that payloads put in
// front of "javascript:" (U+00A0, U+1680, U+2028, U+FEFF...) hoping a filter misses them.
bool isIgnorableAround(QChar c)
{
    const char16_t u = c.unicode();
    return u <= 0x20 || c.isSpace() || u == 0xFEFF || (u >= 0x200B && u <= 0x200F) || u == 0x2060
        || u == 0x7F;
}

QString cleanRawUrl(QStringView raw)
{
    QString s;
    s.reserve(raw.size());
    for (const QChar c : raw) {
        if (c != u'\t' && c != u'\n' && c != u'\r')
            s.append(c);
    }
    qsizetype start = 0;
    qsizetype end = s.size();
    while (start < end && isIgnorableAround(s[start]))
        ++start;
    while (end > start && isIgnorableAround(s[end - 1]))
        --end;
    return s.mid(start, end - start);
}

// The scheme in lower case, empty for a relative URL, or "?" when something before the
// first ':' (ahead of any '/', '?', '#') is not a valid scheme, e.g. "java\x01script:".
// Such URLs are rejected outright rather than guessed at.
QString schemeOf(const QString &url)
{
    const qsizetype colon = url.indexOf(u':');
    if (colon < 0)
        return {};
    for (qsizetype i = 0; i < colon; ++i) {
        const QChar c = url[i];
        if (c == u'/' || c == u'?' || c == u'#')
            return {};
    }
    if (colon == 0)
        return QStringLiteral("?");
    for (qsizetype i = 0; i < colon; ++i) {
        const char16_t c = url[i].unicode();
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool other = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
        if (!alpha && !(i > 0 && other))
            return QStringLiteral("?");
    }
    return url.left(colon).toLower();
}

// An absolute http(s) URL with a host, or an invalid QUrl.
QUrl resolveWeb(const QString &cleaned, const QString &scheme, const QUrl &base)
{
    QUrl url;
    if (scheme.isEmpty()) {
        if (!base.isValid() || base.isRelative())
            return {};
        url = base.resolved(QUrl(cleaned, QUrl::TolerantMode));
    } else {
        url = QUrl(cleaned, QUrl::TolerantMode);
    }
    const QString resolvedScheme = url.scheme().toLower();
    if (!url.isValid() || (resolvedScheme != u"http" && resolvedScheme != u"https")
        || url.host().isEmpty())
        return {};
    return url;
}

} // namespace

QString safeLinkUrl(QStringView raw, const QUrl &base)
{
    const QString cleaned = cleanRawUrl(raw);
    if (cleaned.isEmpty())
        return {};
    const QString scheme = schemeOf(cleaned);
    if (scheme == u"mailto") {
        const QUrl url(cleaned, QUrl::TolerantMode);
        return url.isValid() ? url.toString(QUrl::FullyEncoded) : QString();
    }
    if (!scheme.isEmpty() && scheme != u"http" && scheme != u"https")
        return {};
    const QUrl url = resolveWeb(cleaned, scheme, base);
    return url.isValid() ? url.toString(QUrl::FullyEncoded) : QString();
}

ImageSource classifyImageSource(QStringView raw, const QUrl &base)
{
    ImageSource result;
    const QString cleaned = cleanRawUrl(raw);
    if (cleaned.isEmpty())
        return result;
    const QString scheme = schemeOf(cleaned);
    if (scheme == u"data") {
        // Raster images only: an SVG document can carry script and remote references. The
        // media type is case-insensitive (RFC 2397); it is written in lower case, so whatever
        // reads the sanitized page sees one spelling of "data:image/".
        const qsizetype comma = cleaned.indexOf(u',');
        if (comma < 0)
            return result;
        const QString header = cleaned.mid(5, comma - 5).toLower().remove(u' ');
        // The media type is a token (RFC 2045): a character outside it, such as a control
        // character before "svg", makes the URL no image here, whatever a later reader of
        // it would make of it.
        const qsizetype semicolon = header.indexOf(u';');
        const QStringView type = QStringView(header).left(semicolon < 0 ? header.size()
                                                                        : semicolon);
        bool token = type.size() > 6;
        for (const QChar c : type) {
            const char16_t u = c.unicode();
            token = token
                && ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '/' || u == '+'
                    || u == '-' || u == '.');
        }
        if (token && type.startsWith(u"image/") && !type.startsWith(u"image/svg")) {
            result.kind = ImageSource::Kind::Inline;
            result.url = QStringLiteral("data:") + header + cleaned.mid(comma);
        }
        return result;
    }
    if (!scheme.isEmpty() && scheme != u"http" && scheme != u"https")
        return result;
    const QUrl url = resolveWeb(cleaned, scheme, base);
    if (url.isValid()) {
        result.kind = ImageSource::Kind::Remote;
        result.url = url.toString(QUrl::FullyEncoded);
    }
    return result;
}

bool startsWithScheme(QStringView url)
{
    qsizetype i = 0;
    for (; i < url.size(); ++i) {
        const char16_t c = url[i].unicode();
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool other = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
        if (!alpha && !(i > 0 && other))
            break;
    }
    return i > 0 && i < url.size() && url[i] == u':';
}

QString resolvedRelativeUrl(QStringView raw, const QUrl &base)
{
    const QString cleaned = cleanRawUrl(raw);
    if (cleaned.isEmpty() || cleaned.startsWith(u'#') || !schemeOf(cleaned).isEmpty())
        return {};
    const QUrl url = resolveWeb(cleaned, {}, base);
    return url.isValid() ? url.toString(QUrl::FullyEncoded) : QString();
}

} // namespace bulletin
