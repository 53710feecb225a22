#pragma once

#include "core/feeds/xmltext.h"

#include <QBuffer>
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>
#include <QXmlStreamReader>

#include <functional>
#include <utility>

namespace bulletin {

// A forward-only walk over an XML document for the feed readers: QXmlStreamReader plus the
// bookkeeping every format needs (xml:base scoping, entity references QXmlStreamReader
// leaves unexpanded, collecting an element's text and markup in one pass). Bounded
// (inputlimits.h): an element nested deeper than kMaxNestingDepth is an XML error, and a
// text longer than kMaxTextChars is cut.
// Not copyable; one per parse, single thread.
class XmlCursor final
{
public:
    // `setAside`: the runs of character data prepareXmlInput() took out of `utf8`. Each run
    // is let go of once it has been read: pass the list (std::move) rather than share it.
    // `documentUrl`: where the document came from (after redirects), the base of relative
    // URLs outside any xml:base (RFC 3986 5.1.3); empty when unknown (a file), and then
    // only xml:base resolves anything.
    explicit XmlCursor(const QByteArray &utf8, QList<SetAsideText> setAside = {},
                       const QString &documentUrl = {});
    XmlCursor(const XmlCursor &) = delete;
    XmlCursor &operator=(const XmlCursor &) = delete;

    // Text and markup of the current element. markup is the inner content serialised as
    // HTML (tags by local name, text escaped); it is only built once a child element shows
    // up, so simple elements cost one string.
    struct Content
    {
        QString text; // character data of the element and all descendants
        QString markup; // valid when hasElements
        bool hasElements = false;
        QString base; // the element's base URL (see base()); empty when none
        QString markupOrEscapedText() const;
        // The content read as HTML: the markup when there are child elements, else the
        // text (HTML escaped in the feed), its relative href/src made absolute against base
        // (resolveHtmlUrls). In the markup, an href or src under a nested xml:base is
        // already resolved against that one.
        QString html() const;
        // The content read as XHTML: the markup, resolved as html() does, when there are
        // child elements; else the text, which is plain, escaped.
        QString xhtml() const;
    };

    // Called for each child start element inside readContent(); returning true means the
    // handler consumed the element (up to and including its end). Used to pick CAP alerts
    // out of Atom <content>.
    using ElementHook = std::function<bool(XmlCursor &)>;

    QXmlStreamReader::TokenType next();
    // Moves to the next child start element of the current element; false at the end of
    // the current element, at the end of the document or on an error.
    bool nextChild();
    // With TextIsHtml, character data goes into markup unescaped: for type="html" content
    // that a publisher also wrapped in elements (Typepad's <div xmlns=xhtml> around
    // escaped HTML), the text is the HTML.
    enum MarkupMode { EscapeText, TextIsHtml };
    Content readContent(const ElementHook &hook = {}, MarkupMode mode = EscapeText);
    // Character data only, white space collapsed (CAP and other plain-text elements).
    enum TextScope { AllText, OwnTextOnly };
    QString readText(TextScope scope = AllText);
    void skipElement(const ElementHook &hook = {});

    QStringView namespaceUri() const { return m_reader.namespaceUri(); }
    QStringView name() const { return m_reader.name(); }
    QString attribute(QStringView name) const;
    bool hasError() const { return m_reader.hasError(); }
    bool endedTooEarly() const
    {
        return m_reader.error() == QXmlStreamReader::PrematureEndOfDocumentError;
    }
    QString errorLine() const;
    qsizetype depth() const { return m_depth; }
    // How many texts (readContent's text or markup, readText's text) were longer than
    // kMaxTextChars (inputlimits.h) and were cut, ending with the cut notice.
    int cutTexts() const { return m_cutTexts; }

    // The absolute base URL in scope: the innermost xml:base, resolved against the ones
    // around it and the document's address; the document's address outside any xml:base.
    QString base() const { return m_bases.isEmpty() ? m_documentUrl : m_bases.last().second; }
    // Whether an xml:base is in scope (the base is more than the document's address).
    bool hasXmlBase() const { return !m_bases.isEmpty(); }
    QString resolve(const QString &url) const;

private:
    void appendEntity(QString &out) const;
    // The current Characters token's text, set-aside runs put back; at most kMaxTextChars
    // characters (*cut set when there were more).
    QString characters(bool *cut);
    // Appends text to out as far as out stays within kMaxTextChars; sets *cut (and appends
    // nothing more) once it would not. Returns whether all of text went in.
    static bool appendCapped(QString &out, QStringView text, bool *cut);
    // A text that was cut ends with the cut notice.
    static void finishText(QString &text, bool cut);

    QBuffer m_input;
    QXmlStreamReader m_reader;
    QList<SetAsideText> m_setAside;
    qsizetype m_depth = 0;
    QString m_documentUrl;
    int m_cutTexts = 0;
    QList<std::pair<qsizetype, QString>> m_bases; // (depth of the element, absolute base)
};

} // namespace bulletin
