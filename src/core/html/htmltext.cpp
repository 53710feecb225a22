#include "core/html/htmltext.h"

#include "core/html/htmlentities.h"

#include <array>
#include <cstring>

namespace bulletin {

namespace {

// HTML5 "numeric character reference end state": C1 controls are read as Windows-1252,
// because that is what pages labelled ISO-8859-1 really contain (&#146; for ’ is common in
// feeds produced by Windows tools, e.g. feedparser's entities/146 cases).
constexpr std::array<char16_t, 32> kWindows1252C1 = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

void appendCodePoint(QString &out, char32_t cp)
{
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    else if (cp >= 0x80 && cp <= 0x9F)
        cp = kWindows1252C1[cp - 0x80];
    if (QChar::requiresSurrogates(cp)) {
        out.append(QChar(QChar::highSurrogate(cp)));
        out.append(QChar(QChar::lowSurrogate(cp)));
    } else {
        out.append(QChar(char16_t(cp)));
    }
}

bool isAsciiAlpha(char16_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isSpace(char16_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0
        || (c > 0x7f && QChar::isSpace(c));
}

// Decodes the character reference starting at text[pos] == '&'. Appends the result to out and
// returns the index after it; when it is not a reference, appends '&' and returns pos + 1.
qsizetype decodeReferenceAt(QStringView text, qsizetype pos, QString &out)
{
    const qsizetype n = text.size();
    qsizetype i = pos + 1;
    if (i < n && text[i] == u'#') {
        ++i;
        const bool hex = i < n && (text[i] == u'x' || text[i] == u'X');
        if (hex)
            ++i;
        const qsizetype digitsStart = i;
        char32_t value = 0;
        bool overflow = false;
        for (; i < n; ++i) {
            const char16_t c = text[i].unicode();
            int d;
            if (c >= '0' && c <= '9')
                d = c - '0';
            else if (hex && c >= 'a' && c <= 'f')
                d = c - 'a' + 10;
            else if (hex && c >= 'A' && c <= 'F')
                d = c - 'A' + 10;
            else
                break;
            if (!overflow) {
                value = value * (hex ? 16 : 10) + char32_t(d);
                if (value > 0x10FFFF)
                    overflow = true;
            }
        }
        if (i == digitsStart) {
            out.append(u'&');
            return pos + 1;
        }
        if (i < n && text[i] == u';')
            ++i;
        appendCodePoint(out, overflow ? 0xFFFD : value);
        return i;
    }
    char32_t cps[2];
    const int len = matchHtmlEntityPrefix(text.mid(i), cps);
    if (len == 0) {
        out.append(u'&');
        return pos + 1;
    }
    appendCodePoint(out, cps[0]);
    if (cps[1])
        appendCodePoint(out, cps[1]);
    return i + len;
}

// Lower-cases an ASCII tag name into buf; false when it is too long or not ASCII, in which
// case it is no element we treat specially.
bool lowerName(QStringView name, char (&buf)[16])
{
    if (name.size() >= qsizetype(sizeof buf))
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        char16_t c = name[i].unicode();
        if (c > 0x7f)
            return false;
        if (c >= 'A' && c <= 'Z')
            c += 'a' - 'A';
        buf[i] = char(c);
    }
    buf[name.size()] = '\0';
    return true;
}


// Elements whose content is never text (the corpus README's "Text" rules; template and head
// hold no visible text either).
bool isDroppedElement(QStringView name)
{
    char n[16];
    if (!lowerName(name, n))
        return false;
    return !std::strcmp(n, "script") || !std::strcmp(n, "style") || !std::strcmp(n, "applet")
        || !std::strcmp(n, "template") || !std::strcmp(n, "head");
}

// Tags that separate words when rendered; everything else (b, a, span...) is inline.
bool isBreakingElement(QStringView name)
{
    static constexpr const char *kNames[] = {
        "br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4",
        "h5", "h6", "blockquote", "pre", "hr", "dt", "dd", "dl", "section", "article",
        "header", "footer", "img", "title", "body", "html", "figure", "figcaption"};
    char lower[16];
    if (!lowerName(name, lower))
        return false;
    for (const char *n : kNames) {
        if (!std::strcmp(lower, n))
            return true;
    }
    return false;
}

// Index just after the '>' that ends the tag whose name ends at pos, honouring quoted
// attribute values; text.size() when the tag never ends.
qsizetype skipTagRest(QStringView text, qsizetype pos, bool *selfClosing)
{
    const qsizetype n = text.size();
    char16_t quote = 0;
    char16_t prev = 0;
    for (qsizetype i = pos; i < n; ++i) {
        const char16_t c = text[i].unicode();
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            // Only a quote that opens an attribute value (after '=') starts a quoted run.
            if (prev == '=')
                quote = c;
        } else if (c == '>') {
            if (selfClosing)
                *selfClosing = prev == '/';
            return i + 1;
        }
        if (!isSpace(c))
            prev = c;
    }
    return n;
}

qsizetype indexOfCI(QStringView text, QLatin1StringView needle, qsizetype from)
{
    return text.indexOf(needle, from, Qt::CaseInsensitive);
}

} // namespace

QString decodeHtmlEntities(QStringView text)
{
    qsizetype amp = text.indexOf(u'&');
    if (amp < 0)
        return text.toString();
    QString out;
    out.reserve(text.size());
    qsizetype pos = 0;
    while (amp >= 0) {
        out.append(text.mid(pos, amp - pos));
        pos = decodeReferenceAt(text, amp, out);
        amp = text.indexOf(u'&', pos);
    }
    out.append(text.mid(pos));
    return out;
}

QString escapeHtml(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&':
            out += QLatin1StringView("&amp;");
            break;
        case '<':
            out += QLatin1StringView("&lt;");
            break;
        case '>':
            out += QLatin1StringView("&gt;");
            break;
        case '"':
            out += QLatin1StringView("&quot;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString collapseWhitespace(QStringView text)
{
    QString out;
    out.reserve(text.size());
    bool pendingSpace = false;
    for (const QChar ch : text) {
        if (isSpace(ch.unicode())) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace) {
            out.append(u' ');
            pendingSpace = false;
        }
        out.append(ch);
    }
    return out;
}

QString htmlToPlainText(QStringView html)
{
    QString raw;
    raw.reserve(html.size());
    const qsizetype n = html.size();
    qsizetype i = 0;
    while (i < n) {
        const char16_t c = html[i].unicode();
        if (c == '&') {
            i = decodeReferenceAt(html, i, raw);
            continue;
        }
        if (c != '<') {
            qsizetype end = i + 1;
            while (end < n && html[end] != u'<' && html[end] != u'&')
                ++end;
            raw.append(html.mid(i, end - i));
            i = end;
            continue;
        }
        if (i + 1 >= n) {
            raw.append(QChar(c));
            ++i;
            continue;
        }
        const char16_t next = html[i + 1].unicode();
        if (next == '!') {
            if (html.mid(i, 4) == u"<!--") {
                const qsizetype end = html.indexOf(u"-->", i + 4);
                i = end < 0 ? n : end + 3;
            } else if (html.mid(i, 9) == u"<![CDATA[") {
                const qsizetype end = html.indexOf(u"]]>", i + 9);
                raw.append(html.mid(i + 9, (end < 0 ? n : end) - (i + 9)));
                i = end < 0 ? n : end + 3;
            } else {
                const qsizetype end = html.indexOf(u'>', i);
                i = end < 0 ? n : end + 1;
            }
            continue;
        }
        if (next == '?') {
            const qsizetype end = html.indexOf(u'>', i);
            i = end < 0 ? n : end + 1;
            continue;
        }
        const bool closing = next == '/';
        const qsizetype nameStart = i + (closing ? 2 : 1);
        if (nameStart >= n || !isAsciiAlpha(html[nameStart].unicode())) {
            // "1 < 2" and "a </ b": not a tag, keep the text as written.
            raw.append(QChar(c));
            ++i;
            continue;
        }
        qsizetype nameEnd = nameStart;
        while (nameEnd < n) {
            const char16_t d = html[nameEnd].unicode();
            if (isSpace(d) || d == '>' || d == '/')
                break;
            ++nameEnd;
        }
        const QStringView name = html.mid(nameStart, nameEnd - nameStart);
        bool selfClosing = false;
        i = skipTagRest(html, nameEnd, &selfClosing);
        if (isBreakingElement(name))
            raw.append(u' ');
        if (!closing && !selfClosing && isDroppedElement(name)) {
            const QString endTag = QLatin1StringView("</") + name.toString();
            const qsizetype end = indexOfCI(html, QLatin1StringView(endTag.toLatin1()), i);
            if (end < 0) {
                i = n;
            } else {
                i = skipTagRest(html, end + endTag.size(), nullptr);
            }
        }
    }
    return collapseWhitespace(raw);
}

} // namespace bulletin
