#include "core/html/htmlsanitizer.h"

#include "core/html/htmlelementpolicy.h"
#include "core/html/htmlreferences.h"
#include "core/html/htmltokenizer.h"
#include "core/html/htmlurlpolicy.h"
#include "core/html/linkcheck.h"

#include <QList>
#include <QUrl>

#include <array>

namespace bulletin {

namespace {

// Deeper nesting than this is flattened: real articles never need it, and deeply nested
// markup is a classic way to make a rich-text engine recurse until it falls over.
constexpr int kMaxDepth = 64;

// Visible stand-in for a remote image without alt text.
constexpr char16_t kImagePlaceholder[] = u"[image]";
// Shown after a link whose text misleads about its destination.
constexpr char16_t kDeceptiveMarker[] = u" \u26A0";

bool isOneOf(const QString &name, std::initializer_list<QLatin1String> names)
{
    for (const QLatin1String n : names) {
        if (name == n)
            return true;
    }
    return false;
}

bool isDigits(QStringView s, int maxLength)
{
    if (s.isEmpty() || s.size() > maxLength)
        return false;
    for (const QChar c : s) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

// What TextBuilder::addText does with an ASCII character outside <pre>: keeps it, collapses
// it with the white space around it, or drops it (C0 controls other than TAB and LF, DEL).
enum class AsciiKind : quint8 { Kept, Space, Dropped };
constexpr std::array<AsciiKind, 128> kAsciiKind = [] {
    std::array<AsciiKind, 128> kinds{};
    for (int c = 0; c < 128; ++c) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
            kinds[c] = AsciiKind::Space;
        else if (c < 0x20 || c == 0x7F)
            kinds[c] = AsciiKind::Dropped;
    }
    return kinds;
}();

// Builds the plain text the reader shows: HTML white-space rules (runs collapse, except in
// <pre>), block elements separated by line breaks.
class TextBuilder final
{
public:
    void addText(QStringView text, bool preformatted)
    {
        const QChar *p = text.begin();
        const QChar *const end = text.end();
        const auto collapses = [preformatted](char16_t u) {
            return !preformatted && (u == ' ' || u == '\t' || u == '\n' || u == '\r' || u == '\f');
        };
        const auto dropped = [](char16_t u) {
            return (u < 0x20 && u != '\t' && u != '\n') || u == 0x7F || u >= 0xFFFE;
        };
        while (p != end) {
            const char16_t u = p->unicode();
            if (collapses(u)) {
                if (m_pending == TextBreak::None)
                    m_pending = TextBreak::Space;
                ++p;
                continue;
            }
            if (dropped(u)) {
                ++p;
                continue;
            }
            // A run of characters kept as they are goes in at once, with the single spaces
            // between its words: collapsing one would give the same space back (unless it
            // follows a character that is already white space, such as U+00A0).
            const QChar *const run = p;
            while (p != end) {
                const char16_t c = p->unicode();
                if (c >= 0x80) {
                    if (c >= 0xFFFE)
                        break;
                } else if (kAsciiKind[c] != AsciiKind::Kept) {
                    if (c == u' ' && !preformatted && p != run && p + 1 != end) {
                        const char16_t next = p[1].unicode();
                        if (collapses(next) || dropped(next) || QChar::isSpace(p[-1].unicode()))
                            break;
                    } else if (!preformatted || kAsciiKind[c] != AsciiKind::Space || c == u'\r'
                               || c == u'\f') {
                        break;
                    }
                }
                ++p;
            }
            flush();
            m_text.append(run, p - run);
        }
    }
    void reserve(qsizetype size) { m_text.reserve(size); }
    qsizetype size() const { return m_text.size(); }
    void addBreak(TextBreak b)
    {
        if (b > m_pending)
            m_pending = b;
    }
    QString finish()
    {
        m_pending = TextBreak::None;
        while (!m_text.isEmpty() && m_text.back().isSpace())
            m_text.chop(1);
        return m_text;
    }

private:
    void flush()
    {
        if (!m_text.isEmpty()) {
            switch (m_pending) {
            case TextBreak::None:
                break;
            case TextBreak::Space:
                if (!m_text.back().isSpace())
                    m_text += u' ';
                break;
            case TextBreak::Line:
                if (!m_text.endsWith(u'\n'))
                    m_text += u'\n';
                break;
            case TextBreak::Paragraph:
                while (m_text.endsWith(u' '))
                    m_text.chop(1);
                m_text += m_text.endsWith(u'\n') ? QStringLiteral("\n") : QStringLiteral("\n\n");
                if (m_text.endsWith(QStringLiteral("\n\n\n")))
                    m_text.chop(1);
                break;
            }
        }
        m_pending = TextBreak::None;
    }

    QString m_text;
    TextBreak m_pending = TextBreak::None;
};

// One element open in the output.
struct OpenElement
{
    QString name; // output name
    bool writesTags = true; // false for <q>, which is rendered as quotation marks
    qsizetype titlePos = -1; // <a>: where its title attribute goes once its text is known
    QString title; // <a>: the article's own title for the link
    QString href; // <a>: the sanitised target
    QString linkText; // <a>: visible text so far
};

// The allow-list tree builder: turns tokens into balanced, escaped output. It follows the
// parts of HTML5 tree construction that decide which element text ends up in (implied end
// tags for p, li, dt/dd, headings, table parts; end tags out of scope ignored), without
// the adoption agency for misnested formatting, which only changes styling.
class Sanitizer final
{
public:
    explicit Sanitizer(const SanitizeOptions &options)
        : m_options(options)
        , m_base(options.baseUrl, QUrl::TolerantMode)
        , m_wantHtml(!options.textOnly)
    {
    }

    SanitizedHtml run(QStringView input, const SanitizeObserver &observer = {})
    {
        // The output is about as long as the input: grow once, not on every append.
        m_text.reserve(input.size());
        if (m_wantHtml)
            m_html.reserve(input.size() + input.size() / 8);
        HtmlTokenizer tokenizer(input);
        for (HtmlToken token = tokenizer.next(); token.type != HtmlToken::Type::EndOfFile;
             token = tokenizer.next()) {
            switch (token.type) {
            case HtmlToken::Type::Text:
                text(token);
                break;
            case HtmlToken::Type::StartTag:
                startTag(token);
                break;
            case HtmlToken::Type::EndTag:
                endTag(token.name);
                break;
            default:
                break; // comments and doctypes are dropped
            }
            if (observer)
                observer(token, tokenizer.position(), m_text.size());
        }
        while (!m_stack.isEmpty())
            closeTop();
        SanitizedHtml result;
        result.html = m_html;
        result.text = m_text.finish();
        result.blockedUrls = m_blocked;
        result.blockedUrls.removeDuplicates();
        result.flaggedLinks = m_flagged;
        return result;
    }

private:
    void text(const HtmlToken &token)
    {
        if (!m_skipElement.isEmpty())
            return;
        if (token.rawText && m_dropRawText) {
            m_dropRawText = false;
            return;
        }
        m_dropRawText = false;
        QStringView data = token.data;
        if (m_afterPreStart && data.startsWith(u'\n'))
            data = data.mid(1); // HTML5 ignores the newline right after <pre>
        m_afterPreStart = false;
        appendText(data);
    }

    void appendText(QStringView data)
    {
        if (m_wantHtml)
            appendHtmlEscaped(m_html, data, HtmlEscape::Text);
        m_text.addText(data, inPre());
        if (m_anchor >= 0)
            m_stack[m_anchor].linkText += data;
    }

    bool inPre() const
    {
        for (const OpenElement &e : m_stack) {
            if (e.name == u"pre")
                return true;
        }
        return false;
    }

    void startTag(const HtmlToken &token)
    {
        m_dropRawText = false;
        m_afterPreStart = false;
        QString name = token.name == u"image" ? QStringLiteral("img") : token.name;
        if (!m_skipElement.isEmpty()) {
            if (m_skipForeign && elementPolicy(name).has(ElementPolicy::BreaksOutOfForeign)) {
                m_skipElement.clear();
            } else {
                if (name == m_skipElement && !token.selfClosing)
                    ++m_skipDepth;
                return;
            }
        }
        const ElementPolicy &in = elementPolicy(name);
        if (in.has(ElementPolicy::DropsRawText)) {
            m_dropRawText = true;
            m_text.addBreak(in.textBreak);
            if (name == u"iframe")
                embeddedFrame(token);
            return;
        }
        if (in.has(ElementPolicy::DropsSubtree)) {
            if (!token.selfClosing) {
                m_skipElement = name;
                m_skipDepth = 1;
                m_skipForeign = name != u"template";
            }
            return;
        }
        const QString &out = in.output;
        if (out.isEmpty() || m_stack.size() >= kMaxDepth) {
            m_text.addBreak(in.textBreak);
            return;
        }
        if (out == u"img") {
            image(token);
            return;
        }
        if (!prepareFor(out)) {
            m_text.addBreak(in.textBreak);
            return;
        }
        m_text.addBreak(elementPolicy(out).textBreak);
        if (out == u"br" || out == u"hr") {
            if (m_wantHtml)
                m_html += QLatin1Char('<') + out + QLatin1Char('>');
            return;
        }
        OpenElement element;
        element.name = out;
        if (out == u"a") {
            element.href = safeLinkUrl(token.attribute(u"href"), m_base);
            if (element.href.isEmpty())
                return; // a link without a safe target is just its text
            element.title = token.attribute(u"title");
            if (m_wantHtml) {
                m_html += QStringLiteral("<a href=\"") + escapeHtml(element.href) + u'"';
                element.titlePos = m_html.size();
                m_html += u'>';
            }
            m_stack.append(element);
            m_anchor = m_stack.size() - 1;
            return;
        }
        if (out == u"q") {
            element.writesTags = false;
            m_stack.append(element);
            appendText(u"\u201C");
            return;
        }
        if (m_wantHtml)
            m_html += u'<' + out + attributesFor(out, token) + u'>';
        m_stack.append(element);
        m_afterPreStart = out == u"pre" && name != u"textarea" && name != u"plaintext";
    }

    QString attributesFor(const QString &out, const HtmlToken &token) const
    {
        QString attrs;
        auto add = [&](QStringView attrName, QStringView value) {
            attrs += u' ' + attrName.toString() + QStringLiteral("=\"") + escapeHtml(value) + u'"';
        };
        for (const HtmlAttribute &a : token.attributes) {
            const QString v = a.value.trimmed();
            if (a.name == u"dir"
                && isOneOf(v.toLower(),
                           {QLatin1String("ltr"), QLatin1String("rtl"), QLatin1String("auto")}))
                add(a.name, v.toLower());
            else if (a.name == u"title"
                     && isOneOf(
                         out, {QLatin1String("abbr"), QLatin1String("span"), QLatin1String("dfn")}))
                add(a.name, a.value);
            else if ((a.name == u"colspan" || a.name == u"rowspan")
                     && elementPolicy(out).has(ElementPolicy::Cell) && isDigits(v, 3))
                add(a.name, v);
            else if (a.name == u"start" && out == u"ol" && isDigits(v, 6))
                add(a.name, v);
            else if (a.name == u"value" && out == u"li" && isDigits(v, 6))
                add(a.name, v);
        }
        return attrs;
    }

    void image(const HtmlToken &token)
    {
        const ImageSource source = classifyImageSource(token.attribute(u"src"), m_base);
        const QString alt = token.attribute(u"alt").simplified();
        const QString width = token.attribute(u"width").trimmed();
        const QString height = token.attribute(u"height").trimmed();
        // A 1x1 (or 0x0) remote image is a tracking pixel: never worth loading or showing.
        const bool pixel = (isDigits(width, 1) && width.toInt() <= 1)
            || (isDigits(height, 1) && height.toInt() <= 1);
        const bool load = source.kind == ImageSource::Kind::Inline
            || (source.kind == ImageSource::Kind::Remote && m_options.allowRemoteContent && !pixel);
        // Duplicates go once the whole input is read (a hash), not by a scan per image: a
        // scan makes a story with 100,000 images quadratic, each time it is shown.
        if (source.kind == ImageSource::Kind::Remote && (!m_options.allowRemoteContent || pixel))
            m_blocked.append(source.url);
        m_text.addBreak(TextBreak::Space);
        if (load && m_wantHtml) {
            QString tag = QStringLiteral("<img src=\"") + escapeHtml(source.url) + u'"';
            if (token.hasAttribute(u"alt"))
                tag += QStringLiteral(" alt=\"") + escapeHtml(alt) + u'"';
            const QString title = token.attribute(u"title");
            if (!title.isEmpty())
                tag += QStringLiteral(" title=\"") + escapeHtml(title) + u'"';
            if (isDigits(width, 4))
                tag += QStringLiteral(" width=\"") + width + u'"';
            if (isDigits(height, 4))
                tag += QStringLiteral(" height=\"") + height + u'"';
            m_html += tag + u'>';
        }
        if (load) {
            m_text.addText(alt, false);
            if (m_anchor >= 0)
                m_stack[m_anchor].linkText += alt;
        } else if (!alt.isEmpty()) {
            appendText(u'[' + alt + u']');
        } else if (source.kind == ImageSource::Kind::Remote && !pixel
                   && !token.hasAttribute(u"alt")) {
            appendText(kImagePlaceholder);
        }
        m_text.addBreak(TextBreak::Space);
    }

    // A frame (a YouTube player, a map) is never loaded in the reader; a link to it is shown
    // instead, so the reader knows something was there and can open it in the browser.
    void embeddedFrame(const HtmlToken &token)
    {
        const QString target = safeLinkUrl(token.attribute(u"src"), m_base);
        if (target.isEmpty() || m_anchor >= 0)
            return;
        const QString label = QStringLiteral("[embedded content: %1]").arg(QUrl(target).host());
        if (m_wantHtml) {
            m_html += QStringLiteral("<a href=\"") + escapeHtml(target) + QStringLiteral("\">");
            m_html += escapeHtml(label, HtmlEscape::Text) + QStringLiteral("</a>");
        }
        m_text.addText(label, false);
        m_text.addBreak(TextBreak::Line);
    }

    // Index of the innermost open element named name, or -1 when it is not open within the
    // scope the element belongs to (a cell or table boundary in between hides it).
    qsizetype findInScope(const QString &name) const
    {
        const bool tablePart = elementPolicy(name).has(ElementPolicy::TablePart);
        const bool listPart = elementPolicy(name).has(ElementPolicy::ListItem);
        for (qsizetype i = m_stack.size() - 1; i >= 0; --i) {
            const QString &n = m_stack[i].name;
            if (n == name)
                return i;
            if (name == u"table")
                continue;
            if (n == u"table")
                return -1;
            if (!tablePart && elementPolicy(n).has(ElementPolicy::Cell))
                return -1;
            if (listPart && elementPolicy(n).has(ElementPolicy::ListContainer))
                return -1;
        }
        return -1;
    }

    void closeDownTo(qsizetype index)
    {
        while (m_stack.size() > index)
            closeTop();
    }

    // Implied end tags and table structure before an element opens; false when the element
    // cannot go here (a table part outside any table).
    bool prepareFor(const QString &out)
    {
        const ElementPolicy &p = elementPolicy(out);
        if (p.has(ElementPolicy::Block)) {
            const qsizetype para = findInScope(QStringLiteral("p"));
            if (para >= 0)
                closeDownTo(para);
        }
        if (p.has(ElementPolicy::Heading) && !m_stack.isEmpty()
            && elementPolicy(m_stack.last().name).has(ElementPolicy::Heading))
            closeTop();
        if (out == u"li") {
            const qsizetype li = findInScope(QStringLiteral("li"));
            if (li >= 0)
                closeDownTo(li);
        } else if (out == u"dt" || out == u"dd") {
            const qsizetype dt = findInScope(QStringLiteral("dt"));
            const qsizetype dd = findInScope(QStringLiteral("dd"));
            const qsizetype at = std::max(dt, dd);
            if (at >= 0)
                closeDownTo(at);
        } else if (out == u"a") {
            const qsizetype a = findInScope(QStringLiteral("a"));
            if (a >= 0)
                closeDownTo(a);
        } else if (p.has(ElementPolicy::TablePart)) {
            const qsizetype table = findInScope(QStringLiteral("table"));
            if (table < 0)
                return false;
            if (out == u"td" || out == u"th") {
                const qsizetype cell = std::max(findInScope(QStringLiteral("td")),
                                                findInScope(QStringLiteral("th")));
                if (cell > table)
                    closeDownTo(cell);
                if (findInScope(QStringLiteral("tr")) < table) {
                    closeDownToTableContext(table);
                    if (m_wantHtml)
                        m_html += QStringLiteral("<tr>");
                    OpenElement row;
                    row.name = QStringLiteral("tr");
                    m_stack.append(row);
                }
            } else {
                const qsizetype row = findInScope(QStringLiteral("tr"));
                if (out != u"tr")
                    closeDownTo(table + 1); // sections and captions end rows and sections
                else if (row > table)
                    closeDownTo(row);
                else
                    closeDownToTableContext(table);
            }
        }
        return true;
    }

    // Closes everything inside the table except an open thead/tbody/tfoot.
    void closeDownToTableContext(qsizetype table)
    {
        qsizetype keep = table + 1;
        if (m_stack.size() > keep
            && elementPolicy(m_stack[keep].name).has(ElementPolicy::TableSection))
            ++keep;
        closeDownTo(keep);
    }

    void endTag(const QString &name)
    {
        m_dropRawText = false;
        m_afterPreStart = false;
        if (!m_skipElement.isEmpty()) {
            if (name == m_skipElement && --m_skipDepth == 0)
                m_skipElement.clear();
            return;
        }
        if (name == u"br") { // HTML5 reads </br> as <br>
            if (m_wantHtml)
                m_html += QStringLiteral("<br>");
            m_text.addBreak(TextBreak::Line);
            return;
        }
        const ElementPolicy &in = elementPolicy(name);
        const QString &out = in.output;
        m_text.addBreak(out.isEmpty() ? in.textBreak : elementPolicy(out).textBreak);
        if (out.isEmpty())
            return;
        const qsizetype at = findInScope(out);
        if (at >= 0)
            closeDownTo(at);
    }

    void closeTop()
    {
        OpenElement element = m_stack.takeLast();
        m_text.addBreak(elementPolicy(element.name).textBreak);
        if (element.name == u"q") {
            appendText(u"\u201D");
            return;
        }
        if (element.name == u"a") {
            m_anchor = -1;
            for (qsizetype i = m_stack.size() - 1; i >= 0 && m_anchor < 0; --i) {
                if (m_stack[i].name == u"a")
                    m_anchor = i;
            }
            closeLink(element);
            return;
        }
        if (m_wantHtml)
            m_html += QStringLiteral("</") + element.name + u'>';
    }

    // Ends a link: its title (the article's, or the warning for a deceptive link) goes into
    // the start tag now that the visible text is known, and a deceptive link gets a marker.
    void closeLink(const OpenElement &element)
    {
        const LinkAssessment assessment = assessLink(element.linkText, element.href);
        QString title = element.title;
        if (assessment.deceptive) {
            title = assessment.reason;
            m_flagged.append(FlaggedLink{element.href, assessment.reason});
        }
        if (m_wantHtml) {
            if (!title.isEmpty())
                m_html.insert(element.titlePos,
                              QStringLiteral(" title=\"") + escapeHtml(title) + u'"');
            m_html += QStringLiteral("</a>");
            if (assessment.deceptive)
                m_html += kDeceptiveMarker;
        }
        if (assessment.deceptive) {
            m_text.addText(kDeceptiveMarker, true);
        }
    }

    const SanitizeOptions &m_options;
    QUrl m_base;
    const bool m_wantHtml;
    QString m_html;
    TextBuilder m_text;
    QStringList m_blocked;
    QList<FlaggedLink> m_flagged;
    QList<OpenElement> m_stack;
    qsizetype m_anchor = -1; // index of the open <a> in m_stack
    QString m_skipElement; // dropping a subtree that this element opened
    int m_skipDepth = 0;
    bool m_skipForeign = false; // the subtree is SVG/MathML (HTML elements break out)
    bool m_dropRawText = false; // the next raw-text token belongs to a dropped element
    bool m_afterPreStart = false;
};

} // namespace

QString htmlWithLineFeeds(QStringView html)
{
    QString input = html.toString();
    if (input.contains(u'\r')) {
        input.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        input.replace(u'\r', u'\n');
    }
    return input;
}

SanitizedHtml sanitizeHtml(QStringView html, const SanitizeOptions &options)
{
    return Sanitizer(options).run(htmlWithLineFeeds(html));
}

SanitizedHtml sanitizeHtml(QStringView html, const SanitizeOptions &options,
                           const SanitizeObserver &observer)
{
    return Sanitizer(options).run(htmlWithLineFeeds(html), observer);
}

} // namespace bulletin
