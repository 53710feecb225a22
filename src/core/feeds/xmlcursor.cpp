#include "core/feeds/xmlcursor.h"

#include "core/feeds/feedtext.h"
#include "core/html/htmlentities.h"
#include "core/html/htmltext.h"
#include "core/html/htmlurlpolicy.h"
#include "core/html/htmlurlresolver.h"

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

XmlCursor::XmlCursor(const QByteArray &utf8, const QList<SetAsideText> &setAside,
                     const QString &documentUrl)
    : m_setAside(setAside)
    , m_documentUrl(documentUrl)
{
    // Feeds never need DTD entity expansion beyond the internal subset; QXmlStreamReader
    // never fetches external entities, and the limit guards against "billion laughs".
    m_reader.setEntityExpansionLimit(4096);
    m_reader.addData(utf8);
}

QString XmlCursor::characters() const
{
    const QStringView text = m_reader.text();
    if (m_setAside.isEmpty() || !text.contains(QChar(0xE000)))
        return text.toString();
    return expandSetAsideText(text, m_setAside);
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
        ++m_depth;
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
    const qsizetype startDepth = m_depth;
    while (!m_reader.atEnd()) {
        switch (next()) {
        case QXmlStreamReader::Characters: {
            // Most elements hold one run of text: take it as it is (a set-aside run is
            // shared, not copied) rather than appending to an empty string.
            const QString chars = characters();
            if (c.text.isEmpty())
                c.text = chars;
            else
                c.text += chars;
            if (c.hasElements) {
                if (mode == TextIsHtml)
                    c.markup += chars;
                else
                    appendEscaped(c.markup, chars);
            }
            break;
        }
        case QXmlStreamReader::EntityReference: {
            QString decoded;
            appendEntity(decoded);
            c.text += decoded;
            if (c.hasElements)
                appendEscaped(c.markup, decoded);
            break;
        }
        case QXmlStreamReader::StartElement: {
            if (hook && hook(*this))
                break;
            if (!c.hasElements) {
                c.hasElements = true;
                c.markup = mode == TextIsHtml ? c.text : escapeHtml(c.text);
            }
            c.markup += u'<';
            c.markup += m_reader.name();
            // Under an xml:base of its own (RFC 4287 2), an element's links resolve against
            // it; the rest are resolved against the content's base by Content::html().
            const QString nestedBase = base() == c.base ? QString() : base();
            const QXmlStreamAttributes attrs = m_reader.attributes();
            for (const QXmlStreamAttribute &a : attrs) {
                c.markup += u' ';
                c.markup += a.name();
                c.markup += QLatin1StringView("=\"");
                const QString resolved = nestedBase.isEmpty() || !isHtmlUrlAttribute(a.name())
                    ? QString()
                    : resolvedRelativeUrl(a.value(), QUrl(nestedBase));
                appendEscaped(c.markup, resolved.isEmpty() ? a.value() : QStringView(resolved));
                c.markup += u'"';
            }
            c.markup += u'>';
            break;
        }
        case QXmlStreamReader::EndElement:
            if (m_depth < startDepth)
                return c;
            c.markup += QLatin1StringView("</");
            c.markup += m_reader.name();
            c.markup += u'>';
            break;
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return c;
        default:
            break;
        }
    }
    return c;
}

QString XmlCursor::readText(TextScope scope)
{
    QString text;
    const qsizetype startDepth = m_depth;
    while (!m_reader.atEnd()) {
        switch (next()) {
        case QXmlStreamReader::Characters:
            if (scope == AllText || m_depth == startDepth)
                text += characters();
            break;
        case QXmlStreamReader::EntityReference:
            if (scope == AllText || m_depth == startDepth)
                appendEntity(text);
            break;
        case QXmlStreamReader::EndElement:
            if (m_depth < startDepth)
                return collapseWhitespace(text);
            break;
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return collapseWhitespace(text);
        default:
            break;
        }
    }
    return collapseWhitespace(text);
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
    const QXmlStreamAttributes attrs = m_reader.attributes();
    for (const QXmlStreamAttribute &a : attrs) {
        if (a.name() == name && a.namespaceUri().isEmpty())
            return a.value().toString();
    }
    for (const QXmlStreamAttribute &a : attrs) {
        if (a.name() == name)
            return a.value().toString();
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
