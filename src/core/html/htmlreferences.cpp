#include "core/html/htmlreferences.h"

#include "core/html/htmlentities.h"

#include <array>

namespace bulletin {

namespace {

// HTML5 "numeric character reference end state" and the WHATWG index of windows-1252.
constexpr std::array<char16_t, 32> kWindows1252C1 = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

char16_t unitOf(QChar c)
{
    return c.unicode();
}

char16_t unitOf(char c)
{
    return char16_t(static_cast<unsigned char>(c));
}

bool isAsciiAlnum(char16_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

template<typename View>
NumericReference readNumeric(View text)
{
    NumericReference ref;
    const qsizetype n = text.size();
    if (n == 0 || unitOf(text[0]) != '#')
        return ref;
    qsizetype i = 1;
    const bool hex = i < n && (unitOf(text[i]) == 'x' || unitOf(text[i]) == 'X');
    if (hex)
        ++i;
    const qsizetype digitsStart = i;
    char32_t value = 0;
    for (; i < n; ++i) {
        const char16_t c = unitOf(text[i]);
        char32_t d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (hex && c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            break;
        // Once out of range it stays there: more digits never bring it back by wrapping.
        if (value != NumericReference::kOutOfRange) {
            value = value * (hex ? 16 : 10) + d;
            if (value > 0x10FFFF)
                value = NumericReference::kOutOfRange;
        }
    }
    if (i == digitsStart)
        return ref;
    ref.value = value;
    ref.terminated = i < n && unitOf(text[i]) == ';';
    ref.length = ref.terminated ? i + 1 : i;
    return ref;
}

// Appends a code point as HTML5 reads a numeric reference to it.
void appendCodePoint(DecodedReference &out, char32_t cp)
{
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    else
        cp = cp < 0x100 ? windows1252Char(cp) : cp;
    if (QChar::requiresSurrogates(cp)) {
        out.units[out.size++] = QChar::highSurrogate(cp);
        out.units[out.size++] = QChar::lowSurrogate(cp);
    } else {
        out.units[out.size++] = char16_t(cp);
    }
}

DecodedReference notAReference(qsizetype pos)
{
    DecodedReference out;
    out.end = pos + 1;
    out.units[0] = u'&';
    out.size = 1;
    return out;
}

} // namespace

char16_t windows1252Char(char32_t c)
{
    return c >= 0x80 && c <= 0x9F ? kWindows1252C1[c - 0x80] : char16_t(c);
}

NumericReference readNumericReference(QStringView text)
{
    return readNumeric(text);
}

NumericReference readNumericReference(QByteArrayView text)
{
    return readNumeric(text);
}

DecodedReference decodeHtmlReferenceAt(QStringView text, qsizetype pos, ReferenceContext context)
{
    const QStringView rest = text.sliced(pos + 1);
    const NumericReference numeric = readNumericReference(rest);
    if (numeric.length > 0) {
        DecodedReference out;
        out.end = pos + 1 + numeric.length;
        appendCodePoint(out, numeric.value);
        return out;
    }
    if (!rest.isEmpty() && rest[0] == u'#')
        return notAReference(pos); // "&#" without digits
    char32_t cps[2] = {0, 0};
    const qsizetype len = matchHtmlEntityPrefix(rest, cps);
    if (len == 0)
        return notAReference(pos);
    const qsizetype after = pos + 1 + len;
    if (context == ReferenceContext::AttributeValue && rest[len - 1] != u';' && after < text.size()
        && (text[after] == u'=' || isAsciiAlnum(text[after].unicode())))
        return notAReference(pos);
    DecodedReference out;
    out.end = after;
    appendCodePoint(out, cps[0]);
    if (cps[1])
        appendCodePoint(out, cps[1]);
    return out;
}

QString decodeHtmlCharacterReferences(QStringView text, ReferenceContext context)
{
    qsizetype amp = text.indexOf(u'&');
    if (amp < 0)
        return text.toString();
    QString out;
    out.reserve(text.size());
    qsizetype pos = 0;
    while (amp >= 0) {
        out.append(text.mid(pos, amp - pos));
        const DecodedReference ref = decodeHtmlReferenceAt(text, amp, context);
        out.append(ref.text());
        pos = ref.end;
        amp = text.indexOf(u'&', pos);
    }
    out.append(text.mid(pos));
    return out;
}

void appendHtmlEscaped(QString &out, QStringView text, HtmlEscape escape)
{
    const bool attribute = escape == HtmlEscape::AttributeValue;
    const QChar *p = text.begin();
    const QChar *const end = text.end();
    const auto plain = [attribute](char16_t u) {
        if (u >= 0x80)
            return u < 0xFFFE;
        return u >= 0x20 ? u != '&' && u != '<' && u != '>' && u != 0x7F && (u != '"' || !attribute)
                         : u == '\t' || u == '\n';
    };
    while (p != end) {
        const QChar *const run = p;
        while (p != end && plain(p->unicode()))
            ++p;
        out.append(run, p - run);
        if (p == end)
            break;
        switch (p->unicode()) {
        case '&':
            out += u"&amp;";
            break;
        case '<':
            out += u"&lt;";
            break;
        case '>':
            out += u"&gt;";
            break;
        case '"':
            out += u"&quot;";
            break;
        default:
            break; // dropped
        }
        ++p;
    }
}

QString escapeHtml(QStringView text, HtmlEscape escape)
{
    QString out;
    out.reserve(text.size() + 8);
    appendHtmlEscaped(out, text, escape);
    return out;
}

} // namespace bulletin
