#include "core/html/htmlparts.h"

#include "core/html/htmlelementpolicy.h"

#include <QList>

#include <optional>

namespace bulletin {

namespace {

// How far back from a part's limit a white space is looked for, to end the part between
// two words.
constexpr qsizetype kWordLookBack = 1000;

bool isVoidElement(QStringView name)
{
    return name == u"br" || name == u"hr" || name == u"img" || name == u"wbr";
}

// Elements after whose end a part ends best: the next part starts with a new block. The
// sanitiser's blocks (paragraphs, headings, lists and their items, divs, tables) and a
// table's rows, from its element table.
bool endsBlock(QStringView name)
{
    return name == u"tr" || elementPolicy(name.toString()).has(ElementPolicy::Block);
}

struct OpenTag
{
    QStringView name;
    QStringView startTag; // as written, with its attributes
};

// A place in the HTML where a part can start, with the elements open there.
struct Cut
{
    qsizetype pos = 0;
    QList<OpenTag> open;
};

// The name of the tag [lt, gt]: after "<" or "</", up to white space or ">".
QStringView tagName(QStringView tag)
{
    const qsizetype from = tag.startsWith(u"</") ? 2 : 1;
    qsizetype end = from;
    while (end < tag.size() && tag[end] != u'>' && tag[end] != u' ' && tag[end] != u'/'
           && !tag[end].isSpace())
        ++end;
    return tag.sliced(from, end - from);
}

class Splitter final
{
public:
    Splitter(QStringView html, qsizetype maxChars)
        : m_html(html)
        , m_max(qMax<qsizetype>(1, maxChars))
    {
    }

    // Where the part that starts at `start` ends; *content counts what it holds.
    Cut partEnd(const Cut &start, qsizetype *content) const
    {
        const qsizetype n = m_html.size();
        QList<OpenTag> open = start.open;
        std::optional<Cut> afterBlock; // the last block end in the part's last quarter
        qsizetype count = 0;
        bool substantive = false; // anything but white space and end tags
        const auto ended = [&](Cut cut) {
            *content = substantive ? count : 0;
            return cut;
        };
        qsizetype p = start.pos;
        while (p < n) {
            if (m_html[p] == u'<') {
                qsizetype gt = m_html.indexOf(u'>', p);
                if (gt < 0)
                    gt = n - 1;
                const QStringView tag = m_html.sliced(p, gt + 1 - p);
                const QStringView name = tagName(tag);
                p = gt + 1;
                if (tag.startsWith(u"</")) {
                    for (qsizetype i = open.size() - 1; i >= 0; --i) {
                        if (open[i].name == name) {
                            open.resize(i);
                            break;
                        }
                    }
                    if (endsBlock(name) && count >= m_max - m_max / 4)
                        afterBlock = Cut{p, open};
                } else {
                    ++count;
                    substantive = true;
                    if (!isVoidElement(name) && !tag.endsWith(u"/>"))
                        open.append({name, tag});
                }
                if (count >= m_max)
                    return ended(afterBlock ? *afterBlock : Cut{p, open});
                continue;
            }
            qsizetype end = m_html.indexOf(u'<', p);
            if (end < 0)
                end = n;
            const qsizetype runStart = p;
            while (p < end) {
                if (m_html[p] == u'&') {
                    const qsizetype semi = m_html.indexOf(u';', p);
                    p = semi >= 0 && semi < end && semi - p <= 32 ? semi + 1 : p + 1;
                } else {
                    p += m_html[p].isHighSurrogate() && p + 1 < end ? 2 : 1;
                }
                substantive = substantive || !m_html[p - 1].isSpace();
                if (++count < m_max)
                    continue;
                if (afterBlock)
                    return ended(*afterBlock);
                for (qsizetype q = p - 1; q > runStart && q >= p - kWordLookBack; --q) {
                    if (m_html[q].isSpace())
                        return ended(Cut{q + 1, open});
                }
                return ended(Cut{p, open});
            }
        }
        return ended(Cut{n, open});
    }

    // The part [start, end) as balanced HTML, with endless words made breakable.
    QString partHtml(const Cut &start, const Cut &end) const
    {
        QString out;
        out.reserve(end.pos - start.pos + (end.pos - start.pos) / kUnbreakableRun + 256);
        for (const OpenTag &tag : start.open)
            out += tag.startTag;
        qsizetype run = 0; // characters since the last break opportunity
        qsizetype p = start.pos;
        while (p < end.pos) {
            if (m_html[p] == u'<') {
                qsizetype gt = m_html.indexOf(u'>', p);
                gt = gt < 0 || gt >= end.pos ? end.pos - 1 : gt;
                out += m_html.sliced(p, gt + 1 - p);
                p = gt + 1;
                continue;
            }
            const QChar c = m_html[p];
            qsizetype length = 1;
            if (c == u'&') {
                const qsizetype semi = m_html.indexOf(u';', p);
                if (semi >= 0 && semi < end.pos && semi - p <= 32)
                    length = semi + 1 - p;
            } else if (c.isHighSurrogate() && p + 1 < end.pos) {
                length = 2;
            }
            if (c.isSpace() || c == QChar(0x200B)) {
                run = 0;
            } else if (++run > kUnbreakableRun) {
                out += QChar(0x200B);
                run = 1;
            }
            out += m_html.sliced(p, length);
            p += length;
        }
        for (qsizetype i = end.open.size() - 1; i >= 0; --i) {
            out += QLatin1StringView("</");
            out += end.open[i].name;
            out += u'>';
        }
        return out;
    }

private:
    QStringView m_html;
    qsizetype m_max;
};

} // namespace

HtmlPart htmlPart(QStringView html, int index, qsizetype maxChars)
{
    const Splitter splitter(html, maxChars);
    HtmlPart part;
    part.index = qMax(0, index);
    Cut start;
    Cut wantedStart;
    Cut wantedEnd;
    int count = 0;
    while (true) {
        qsizetype content = 0;
        Cut end = splitter.partEnd(start, &content);
        if (content == 0 && count > 0) {
            // Only closing tags and white space after the last cut: they end the last part.
            if (count - 1 == part.index || part.index >= count)
                wantedEnd = end;
            break;
        }
        if (count == part.index || count == 0 || part.index > count) {
            wantedStart = start;
            wantedEnd = end;
        }
        ++count;
        if (end.pos >= html.size())
            break;
        start = std::move(end);
    }
    part.count = count;
    part.index = qMin(part.index, count - 1);
    part.html = splitter.partHtml(wantedStart, wantedEnd);
    return part;
}

} // namespace bulletin
