#include "core/feeds/feedtext.h"

#include "core/html/htmlentities.h"
#include "core/html/htmltext.h"
#include "core/html/htmlurlpolicy.h"

#include <QStringList>
#include <QUrl>

namespace bulletin {

namespace {

bool isAsciiAlpha(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

// Element names that make "<name>" in an RSS title read as markup. Not the sanitiser's
// table (elementPolicy): the question is whether a feed wrote HTML, so html, link, time,
// wbr and the like count although the sanitiser has no rule for them.
bool isKnownHtmlElement(QStringView name)
{
    static constexpr const char *kElements[] = {
        "a",      "abbr",    "acronym",    "address",    "area",    "article", "aside",    "audio",
        "b",      "big",     "blockquote", "body",       "br",      "button",  "caption",  "center",
        "cite",   "code",    "col",        "dd",         "del",     "dfn",     "div",      "dl",
        "dt",     "em",      "embed",      "figcaption", "figure",  "font",    "footer",   "form",
        "h1",     "h2",      "h3",         "h4",         "h5",      "h6",      "head",     "header",
        "hr",     "html",    "i",          "iframe",     "img",     "input",   "ins",      "kbd",
        "label",  "li",      "link",       "main",       "map",     "mark",    "meta",     "nav",
        "object", "ol",      "p",          "param",      "pre",     "q",       "s",        "samp",
        "script", "section", "select",     "small",      "source",  "span",    "strike",   "strong",
        "style",  "sub",     "sup",        "table",      "tbody",   "td",      "textarea", "tfoot",
        "th",     "thead",   "time",       "title",      "tr",      "tt",      "u",        "ul",
        "var",    "video",   "wbr",        "applet",     "noscript"};
    for (const char *e : kElements) {
        if (name.compare(QLatin1StringView(e), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

bool rssTitleLooksLikeHtml(QStringView t)
{
    bool htmlEvidence = false;
    const qsizetype n = t.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = t[i];
        if (c == u'<') {
            const bool closing = i + 1 < n && t[i + 1] == u'/';
            qsizetype j = i + (closing ? 2 : 1);
            const qsizetype start = j;
            while (j < n && (isAsciiAlpha(t[j]) || t[j].isDigit()))
                ++j;
            if (j == start || !isAsciiAlpha(t[start]))
                continue; // "1 < 2"
            const QStringView name = t.mid(start, j - start);
            const qsizetype close = t.indexOf(u'>', j);
            if (close < 0)
                continue;
            if (!isKnownHtmlElement(name))
                return false;
            if (closing)
                htmlEvidence = true;
        } else if (c == u'&') {
            qsizetype j = i + 1;
            if (j < n && t[j] == u'#') {
                if (readNumericReference(t.sliced(j)).terminated)
                    htmlEvidence = true;
                continue;
            }
            const qsizetype start = j;
            while (j < n && (isAsciiAlpha(t[j]) || t[j].isDigit()))
                ++j;
            if (j == start || j >= n || t[j] != u';')
                continue;
            char32_t cps[2];
            if (!lookupHtmlEntity(t.mid(start, j - start + 1), cps))
                return false;
            htmlEvidence = true;
        }
    }
    return htmlEvidence;
}

TextKind textKindOf(QStringView type, QStringView mode, bool hasElements)
{
    const QString t = type.trimmed().toString().toLower();
    TextKind kind;
    if (t.isEmpty() || t == u"text" || t == u"text/plain")
        kind = TextKind::Text;
    else if (t == u"html" || t == u"text/html")
        kind = TextKind::Html;
    else if (t == u"xhtml" || t == u"application/xhtml+xml")
        kind = TextKind::Xhtml;
    else
        kind = hasElements ? TextKind::Xhtml : TextKind::Text;
    if (mode.compare(u"escaped", Qt::CaseInsensitive) == 0 && kind == TextKind::Xhtml)
        kind = TextKind::Html;
    // Markup inside a construct that says "text" is still markup.
    if (hasElements && kind == TextKind::Text)
        kind = TextKind::Xhtml;
    return kind;
}

QString authorName(QStringView rssAuthor)
{
    const QStringView a = rssAuthor.trimmed();
    const qsizetype open = a.indexOf(u'(');
    if (open > 0 && a.endsWith(u')')) {
        const QStringView name = a.mid(open + 1, a.size() - open - 2).trimmed();
        const QStringView before = a.left(open).trimmed();
        if (!name.isEmpty() && before.contains(u'@'))
            return collapseWhitespace(name);
        // "Name (email)", as dc:creator is often written.
        if (!before.isEmpty() && name.contains(u'@') && !before.contains(u'@'))
            return collapseWhitespace(before);
    }
    const qsizetype lt = a.indexOf(u'<');
    if (lt > 0 && a.endsWith(u'>') && a.mid(lt).contains(u'@'))
        return collapseWhitespace(a.left(lt));
    return collapseWhitespace(a);
}

QString resolveUrl(const QString &base, const QString &url)
{
    // Most feeds' links are absolute: they need no QUrl (a refresh resolves every link).
    if (base.isEmpty() || url.isEmpty() || startsWithScheme(url))
        return url;
    const QUrl resolved = QUrl(base).resolved(QUrl(url));
    return resolved.isValid() ? resolved.toString() : url;
}

std::optional<qint64> parseDuration(const QString &text)
{
    constexpr qint64 kYear = 366LL * 24 * 3600;
    const QStringList parts = text.trimmed().split(QLatin1Char(':'));
    if (parts.size() > 3)
        return std::nullopt;
    qint64 seconds = 0;
    for (int i = 0; i < parts.size(); ++i) {
        bool ok = false;
        const bool last = i == parts.size() - 1;
        // Only the seconds may have a fraction; it is dropped.
        const double value = last ? parts.at(i).toDouble(&ok) : double(parts.at(i).toUInt(&ok));
        if (!ok || !(value >= 0) || value > double(kYear) || (i > 0 && value >= 60))
            return std::nullopt;
        seconds = seconds * 60 + qint64(value);
    }
    if (seconds > kYear)
        return std::nullopt;
    return seconds;
}

} // namespace bulletin
