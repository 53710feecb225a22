#include "core/feeds/xmlcursor.h"

#include "core/feeds/feedtext.h"
#include "core/html/htmlentities.h"
#include "core/html/htmltext.h"
#include "core/html/htmlurlpolicy.h"
#include "core/html/htmlurlresolver.h"
#include "core/inputlimits.h"

#include <QUrl>

namespace bulletin {

namespace {

const QString kXmlNamespace = QStringLiteral("http://www.w3.org/XML/1998/namespace");

// Text (or an attribute value) of XHTML content written out as HTML markup.
void appendEscaped(QString &out, QStringView text)
{
    appendHtmlEscaped(out, text);
}

} // namespace

XmlCursor::XmlCursor(const QByteArray &utf8, QList<SetAsideText> setAside,
                     const QString &documentUrl)
    : m_setAside(std::move(setAside))
    , m_documentUrl(documentUrl)
{
    // Feeds never need DTD entity expansion beyond the internal subset; QXmlStreamReader
    // never fetches external entities, and the limit guards against "billion laughs".
    m_reader.setEntityExpansionLimit(4096);
    // Read through a device: given the whole document at once, QXmlStreamReader decodes all
    // of it to UTF-16 first (twice its size again); from a device it decodes a block at a time.
    m_input.setData(utf8);
    m_input.open(QIODevice::ReadOnly);
    m_reader.setDevice(&m_input);
}

QString XmlCursor::characters(bool *cut)
{
    const QStringView text = m_reader.text();
    if (m_setAside.isEmpty() || !text.contains(QChar(0xE000))) {
        if (text.size() <= kMaxTextChars)
            return text.toString();
        *cut = true;
        return text.first(kMaxTextChars).toString();
    }
    return takeSetAsideText(text, m_setAside, cut);
}

bool XmlCursor::appendCapped(QString &out, QStringView text, bool *cut)
{
    if (*cut)
        return false;
    if (out.size() + text.size() > kMaxTextChars) {
        out += text.first(qMax<qsizetype>(0, kMaxTextChars - out.size()));
        *cut = true;
        return false;
    }
    out += text;
    return true;
}

void XmlCursor::finishText(QString &text, bool cut)
{
    if (!cut)
        return;
    if (!text.endsWith(textCutNotice()))
        endCutText(text);
}

QString XmlCursor::Content::markupOrEscapedText() const
{
    return hasElements ? markup : escapeHtml(text);
}

QString XmlCursor::Content::html() const
{
    return resolveHtmlUrls(hasElements ? markup : text, base);
}

QString XmlCursor::Content::xhtml() const
{
    return hasElements ? resolveHtmlUrls(markup, base) : escapeHtml(text);
}

QXmlStreamReader::TokenType XmlCursor::next()
{
    const auto token = m_reader.readNext();
    if (token == QXmlStreamReader::StartElement) {
        if (++m_depth > kMaxNestingDepth) {
            m_reader.raiseError(QStringLiteral("elements nested deeper than %1 levels")
                                    .arg(formatCount(kMaxNestingDepth)));
            return QXmlStreamReader::Invalid;
        }
        const QXmlStreamAttributes attrs = m_reader.attributes();
        for (const QXmlStreamAttribute &a : attrs) {
            if (a.name() == u"base" && a.namespaceUri() == kXmlNamespace) {
                // xml:base="" names the base in scope itself (RFC 3986 5.2.2).
                const QString value = a.value().trimmed().toString();
                m_bases.append({m_depth, value.isEmpty() ? base() : resolve(value)});
                break;
            }
        }
    } else if (token == QXmlStreamReader::EndElement) {
        if (!m_bases.isEmpty() && m_bases.last().first == m_depth)
            m_bases.removeLast();
        --m_depth;
    }
    return token;
}

bool XmlCursor::nextChild()
{
    while (!m_reader.atEnd()) {
        switch (next()) {
        case QXmlStreamReader::StartElement:
            return true;
        case QXmlStreamReader::EndElement:
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return false;
        default:
            break;
        }
    }
    return false;
}

void XmlCursor::appendEntity(QString &out) const
{
    // Only references the reader could not expand get here: HTML names in a document with
    // an external DTD, and external entities such as &xxe; in google/cap-library's XXE test,
    // which are dropped (never fetched).
    char32_t cps[2] = {0, 0};
    if (lookupHtmlEntity(m_reader.name().toString() + u';', cps)) {
        for (const char32_t cp : cps) {
            if (cp)
                out += QString::fromUcs4(&cp, 1);
        }
    }
}

XmlCursor::Content XmlCursor::readContent(const ElementHook &hook, MarkupMode mode)
{
    Content c;
    c.base = base();
    // The text and the markup each keep at most kMaxTextChars characters; what comes after
    // is read (to find the element's end) and dropped.
    bool textCut = false;
    bool markupCut = false;
    const auto finish = [&] {
        finishText(c.text, textCut);
        if (c.hasElements)
            finishText(c.markup, markupCut);
        if (textCut || markupCut)
            ++m_cutTexts;
        return std::move(c);
    };
    const qsizetype startDepth = m_depth;
    while (!m_reader.atEnd()) {
        switch (next()) {
        case QXmlStreamReader::Characters: {
            if (textCut && (markupCut || !c.hasElements))
                break;
            // Most elements hold one run of text: take it as it is (a set-aside run is
            // shared, not copied) rather than appending to an empty string.
            bool charsCut = false;
            const QString chars = characters(&charsCut);
            if (c.text.isEmpty() && !textCut)
                c.text = chars;
            else
                appendCapped(c.text, chars, &textCut);
            textCut = textCut || charsCut;
            if (c.hasElements && !markupCut) {
                if (mode == TextIsHtml) {
                    appendCapped(c.markup, chars, &markupCut);
                } else {
                    QString escaped;
                    appendEscaped(escaped, chars);
                    appendCapped(c.markup, escaped, &markupCut);
                }
                markupCut = markupCut || charsCut;
            }
            break;
        }
        case QXmlStreamReader::EntityReference: {
            QString decoded;
            appendEntity(decoded);
            appendCapped(c.text, decoded, &textCut);
            if (c.hasElements && !markupCut) {
                QString escaped;
                appendEscaped(escaped, decoded);
                appendCapped(c.markup, escaped, &markupCut);
            }
            break;
        }
        case QXmlStreamReader::StartElement: {
            if (hook && hook(*this))
                break;
            if (!c.hasElements) {
                c.hasElements = true;
                c.markup = mode == TextIsHtml ? c.text : escapeHtml(c.text);
                markupCut = textCut || c.markup.size() > kMaxTextChars;
                if (c.markup.size() > kMaxTextChars)
                    c.markup.truncate(kMaxTextChars);
            }
            if (markupCut)
                break;
            QString tag;
            tag += u'<';
            tag += m_reader.name();
            // Under an xml:base of its own (RFC 4287 2), an element's links resolve against
            // it; the rest are resolved against the content's base by Content::html().
            const QString nestedBase = base() == c.base ? QString() : base();
            const QXmlStreamAttributes attrs = m_reader.attributes();
            for (const QXmlStreamAttribute &a : attrs) {
                tag += u' ';
                tag += a.name();
                tag += QLatin1StringView("=\"");
                const QString resolved = nestedBase.isEmpty() || !isHtmlUrlAttribute(a.name())
                    ? QString()
                    : resolvedRelativeUrl(a.value(), QUrl(nestedBase));
                appendEscaped(tag, resolved.isEmpty() ? a.value() : QStringView(resolved));
                tag += u'"';
            }
            tag += u'>';
            appendCapped(c.markup, tag, &markupCut);
            break;
        }
        case QXmlStreamReader::EndElement:
            if (m_depth < startDepth)
                return finish();
            if (!markupCut) {
                c.markup += QLatin1StringView("</");
                c.markup += m_reader.name();
                c.markup += u'>';
            }
            break;
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return finish();
        default:
            break;
        }
    }
    return finish();
}

QString XmlCursor::readText(TextScope scope)
{
    QString text;
    bool cut = false;
    const auto finish = [&] {
        QString collapsed = collapseWhitespace(text);
        if (cut)
            ++m_cutTexts;
        finishText(collapsed, cut);
        return collapsed;
    };
    const qsizetype startDepth = m_depth;
    while (!m_reader.atEnd()) {
        switch (next()) {
        case QXmlStreamReader::Characters:
            if (!cut && (scope == AllText || m_depth == startDepth)) {
                bool charsCut = false;
                const QString chars = characters(&charsCut);
                appendCapped(text, chars, &cut);
                cut = cut || charsCut;
            }
            break;
        case QXmlStreamReader::EntityReference:
            if (!cut && (scope == AllText || m_depth == startDepth)) {
                QString decoded;
                appendEntity(decoded);
                appendCapped(text, decoded, &cut);
            }
            break;
        case QXmlStreamReader::EndElement:
            if (m_depth < startDepth)
                return finish();
            break;
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return finish();
        default:
            break;
        }
    }
    return finish();
}

void XmlCursor::skipElement(const ElementHook &hook)
{
    const qsizetype startDepth = m_depth;
    while (!m_reader.atEnd()) {
        switch (next()) {
        case QXmlStreamReader::StartElement:
            if (hook)
                hook(*this);
            break;
        case QXmlStreamReader::EndElement:
            if (m_depth < startDepth)
                return;
            break;
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return;
        default:
            break;
        }
    }
}

QString XmlCursor::attribute(QStringView name) const
{
    // An attribute value is a link, a type or a date: one longer than a text may be is cut
    // to that length, without a notice (it is no use either way).
    const QXmlStreamAttributes attrs = m_reader.attributes();
    for (const QXmlStreamAttribute &a : attrs) {
        if (a.name() == name && a.namespaceUri().isEmpty())
            return a.value().first(qMin(a.value().size(), kMaxTextChars)).toString();
    }
    for (const QXmlStreamAttribute &a : attrs) {
        if (a.name() == name)
            return a.value().first(qMin(a.value().size(), kMaxTextChars)).toString();
    }
    return {};
}

QString XmlCursor::errorLine() const
{
    return QStringLiteral("XML error at line %1, column %2: %3")
        .arg(m_reader.lineNumber())
        .arg(m_reader.columnNumber())
        .arg(m_reader.errorString());
}

QString XmlCursor::resolve(const QString &url) const
{
    return resolveUrl(base(), url);
}

} // namespace bulletin
