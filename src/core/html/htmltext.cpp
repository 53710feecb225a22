#include "core/html/htmltext.h"

#include "core/html/htmlelementpolicy.h"

#include <QtAlgorithms>

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace bulletin {

namespace {

bool isAsciiAlpha(char16_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// ASCII first; the Unicode category lookup only above U+007F.
inline bool isSpace(char16_t c)
{
    if (c <= ' ')
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (c < 0x80)
        return false;
    return c == 0xA0 || QChar::isSpace(c);
}

// ASCII characters as plain text: white space becomes ' '; 0 marks '<', '&' and NUL, which
// the caller looks at.
constexpr std::array<char16_t, 128> kAsciiText = [] {
    std::array<char16_t, 128> map{};
    for (char16_t c = 0; c < 128; ++c)
        map[c] = c;
    map['\t'] = map['\n'] = map['\r'] = map['\f'] = u' ';
    map['<'] = map['&'] = 0;
    return map;
}();

// Where plain text is written: white space is collapsed as it arrives (runs of it become
// one space, none at either end), into one buffer sized up front, so that a fragment costs
// one allocation and one pass. A space is written when it arrives unless the last character
// written is a space (or nothing was written yet); a trailing one is dropped at the end.
class CollapsingWriter
{
public:
    explicit CollapsingWriter(qsizetype sizeHint)
        : m_out(sizeHint, Qt::Uninitialized)
    {
        m_begin = m_out.data();
        m_dst = m_begin;
        m_end = m_begin + sizeHint;
    }

    void append(QChar ch) { append(ch.unicode()); }
    void append(char16_t c)
    {
        reserve(1);
        put(isSpace(c) ? u' ' : c);
    }
    void append(QStringView text)
    {
        appendUntilMarkup(text.data(), text.data() + text.size(), false);
    }
    // Appends text up to the first '<' or '&' when stopAtMarkup, else all of it; returns
    // where it stopped.
    const QChar *appendUntilMarkup(const QChar *p, const QChar *end, bool stopAtMarkup)
    {
        reserve(end - p);
        QChar *dst = m_dst;
        char16_t last = m_last;
        for (;;) {
            const QChar *stop = end;
#if defined(__SSE2__)
            // Printable ASCII with single spaces, the bulk of any article, eight characters
            // at a time: such characters are written as they are. At the first other one
            // the characters before it are kept and it goes through the path below, or the
            // next eight do when it is the first of the block.
            if (end - p >= 8) {
                const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
                const __m128i printable = _mm_and_si128(_mm_cmpgt_epi16(v, _mm_set1_epi16(0x1f)),
                                                        _mm_cmplt_epi16(v, _mm_set1_epi16(0x80)));
                const __m128i markup = _mm_or_si128(_mm_cmpeq_epi16(v, _mm_set1_epi16('<')),
                                                    _mm_cmpeq_epi16(v, _mm_set1_epi16('&')));
                const __m128i space = _mm_cmpeq_epi16(v, _mm_set1_epi16(' '));
                const unsigned plain = unsigned(
                    _mm_movemask_epi8(_mm_andnot_si128(markup, printable)));
                const unsigned spaces = unsigned(_mm_movemask_epi8(space));
                // Two mask bits per character: those of a space right after a space.
                const unsigned doubled = spaces & ((spaces << 2) | (last == u' ' ? 3u : 0u));
                const unsigned special = (~plain & 0xFFFFu) | doubled;
                _mm_storeu_si128(reinterpret_cast<__m128i *>(dst), v);
                if (!special) {
                    dst += 8;
                    p += 8;
                    last = p[-1].unicode();
                    continue;
                }
                const int kept = qCountTrailingZeroBits(special) / 2;
                if (kept) {
                    dst += kept;
                    p += kept;
                    last = p[-1].unicode();
                    stop = p + 1; // the special character alone
                } else {
                    stop = p + 8; // text that is not ASCII, say: eight characters here
                }
            }
#endif
            for (; p != stop; ++p) {
                const char16_t c = p->unicode();
                char16_t t;
                if (c < 0x80) {
                    t = kAsciiText[c];
                    if (t == 0) {
                        if (stopAtMarkup && c != 0) {
                            m_dst = dst;
                            m_last = last;
                            return p;
                        }
                        t = c;
                    }
                } else {
                    t = isSpace(c) ? u' ' : c;
                }
                // Branch-free: the character is always stored, and kept unless it is a
                // second space.
                *dst = QChar(t);
                dst += t != u' ' || last != u' ';
                last = t;
            }
            if (p == end)
                break;
        }
        m_dst = dst;
        m_last = last;
        return p;
    }
    // A word break: the same as a space character.
    void appendSpace()
    {
        reserve(1);
        put(u' ');
    }

    QString take()
    {
        if (m_last == u' ' && m_dst != m_begin && m_dst[-1] == u' ')
            --m_dst;
        m_out.truncate(m_dst - m_begin);
        // Give back what collapsing and dropped markup left unused: in place, without a copy,
        // and the memory is reused by the next string.
        if (m_out.capacity() - m_out.size() > 64)
            m_out.squeeze();
        return std::move(m_out);
    }

private:
    void put(char16_t t)
    {
        *m_dst = QChar(t);
        m_dst += t != u' ' || m_last != u' ';
        m_last = t;
    }
    void reserve(qsizetype n)
    {
        if (m_end - m_dst >= n)
            return;
        const qsizetype used = m_dst - m_begin;
        m_out.resize(std::max(2 * m_out.size(), used + n));
        m_begin = m_out.data();
        m_dst = m_begin + used;
        m_end = m_begin + m_out.size();
    }

    QString m_out;
    QChar *m_begin;
    QChar *m_dst;
    QChar *m_end;
    char16_t m_last = u' '; // as if after a space: leading white space is dropped
};

// Lower-cases an ASCII tag name into buf and returns it up to its first NUL, if any (so
// "<script\0x>" is still a script); nullopt when it is too long or not ASCII, in which case
// it is no element we treat specially.
std::optional<std::string_view> lowerName(QStringView name, char (&buf)[16])
{
    if (name.size() >= qsizetype(sizeof buf))
        return std::nullopt;
    qsizetype length = name.size();
    for (qsizetype i = 0; i < name.size(); ++i) {
        char16_t c = name[i].unicode();
        if (c > 0x7f)
            return std::nullopt;
        if (c >= 'A' && c <= 'Z')
            c += 'a' - 'A';
        if (c == 0 && length == name.size())
            length = i;
        buf[i] = char(c);
    }
    return std::string_view(buf, std::size_t(length));
}

// Elements whose content is never text (the corpus README's "Text" rules; template and head
// hold no visible text either).
bool isDroppedElement(std::string_view lower)
{
    return lower == "script" || lower == "style" || lower == "applet" || lower == "template"
        || lower == "head";
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

QString collapseWhitespace(QStringView text)
{
    CollapsingWriter out(text.size());
    out.append(text);
    return out.take();
}

QString collapseWhitespace(const QString &text)
{
    const QChar *const begin = text.constData();
    const QChar *const end = begin + text.size();
    bool collapsed = !text.isEmpty() && *begin != u' ' && end[-1] != u' ';
    for (const QChar *p = begin; collapsed && p != end; ++p) {
        const char16_t c = p->unicode();
        if (c == ' ')
            collapsed = p[1] != u' '; // p[1] exists: the last character is no space
        else if (isSpace(c))
            collapsed = false;
    }
    return collapsed ? text : collapseWhitespace(QStringView(text));
}

QString htmlToPlainText(QStringView html)
{
    // One pass: references are decoded, tags dropped and white space collapsed as the text
    // is written.
    CollapsingWriter out(html.size());
    const QChar *const data = html.data();
    const qsizetype n = html.size();
    qsizetype i = 0;
    while (i < n) {
        const char16_t c = data[i].unicode();
        if (c == '&') {
            const DecodedReference ref = decodeHtmlReferenceAt(html, i);
            for (int k = 0; k < ref.size; ++k)
                out.append(ref.units[k]);
            i = ref.end;
            continue;
        }
        if (c != '<') {
            out.append(c);
            i = out.appendUntilMarkup(data + i + 1, data + n, true) - data;
            continue;
        }
        if (i + 1 >= n) {
            out.append(c);
            ++i;
            continue;
        }
        const char16_t next = data[i + 1].unicode();
        if (next == '!') {
            if (html.mid(i, 4) == u"<!--") {
                const qsizetype end = html.indexOf(u"-->", i + 4);
                i = end < 0 ? n : end + 3;
            } else if (html.mid(i, 9) == u"<![CDATA[") {
                const qsizetype end = html.indexOf(u"]]>", i + 9);
                out.append(html.mid(i + 9, (end < 0 ? n : end) - (i + 9)));
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
        if (nameStart >= n || !isAsciiAlpha(data[nameStart].unicode())) {
            // "1 < 2" and "a </ b": not a tag, keep the text as written.
            out.append(c);
            ++i;
            continue;
        }
        qsizetype nameEnd = nameStart;
        while (nameEnd < n) {
            const char16_t d = data[nameEnd].unicode();
            if (isSpace(d) || d == '>' || d == '/')
                break;
            ++nameEnd;
        }
        const QStringView name = html.mid(nameStart, nameEnd - nameStart);
        bool selfClosing = false;
        i = skipTagRest(html, nameEnd, &selfClosing);
        char buf[16];
        const std::optional<std::string_view> lower = lowerName(name, buf);
        if (lower && elementBreaksText(*lower))
            out.appendSpace();
        if (lower && !closing && !selfClosing && isDroppedElement(*lower)) {
            const QString endTag = QLatin1StringView("</") + name.toString();
            const qsizetype end = indexOfCI(html, QLatin1StringView(endTag.toLatin1()), i);
            if (end < 0) {
                i = n;
            } else {
                i = skipTagRest(html, end + endTag.size(), nullptr);
            }
        }
    }
    return out.take();
}

} // namespace bulletin
