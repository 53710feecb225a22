#include "core/html/htmltokenizer.h"

#include "core/html/htmlreferences.h"

namespace bulletin {

namespace {

constexpr qsizetype kMaxAttributes = 64;

bool isAsciiAlpha(char16_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The tokenizer's white space: TAB, LF, FF, CR (not yet normalised) and SPACE.
bool isTagSpace(char16_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

char16_t toAsciiLower(char16_t c)
{
    return (c >= 'A' && c <= 'Z') ? char16_t(c + 32) : c;
}

bool startsWithCI(QStringView text, qsizetype pos, QLatin1StringView what)
{
    return text.mid(pos, what.size()).compare(what, Qt::CaseInsensitive) == 0;
}

enum class RawKind { None, RcData, RawText, ScriptData, PlainText };

RawKind rawKindOf(QStringView tag)
{
    if (tag == u"script")
        return RawKind::ScriptData;
    if (tag == u"title" || tag == u"textarea")
        return RawKind::RcData;
    if (tag == u"plaintext")
        return RawKind::PlainText;
    if (tag == u"style" || tag == u"xmp" || tag == u"iframe" || tag == u"noembed"
        || tag == u"noframes" || tag == u"noscript")
        return RawKind::RawText;
    return RawKind::None;
}

} // namespace

QString HtmlToken::attribute(QStringView attrName) const
{
    for (const HtmlAttribute &a : attributes) {
        if (a.name == attrName)
            return a.value;
    }
    return {};
}

bool HtmlToken::hasAttribute(QStringView attrName) const
{
    for (const HtmlAttribute &a : attributes) {
        if (a.name == attrName)
            return true;
    }
    return false;
}

HtmlTokenizer::HtmlTokenizer(QStringView input)
    : m_input(input)
{
}

HtmlToken HtmlTokenizer::next()
{
    const qsizetype n = m_input.size();
    while (m_pos < n) {
        if (m_model != ContentModel::Data) {
            HtmlToken raw = readRawText();
            if (!raw.data.isEmpty())
                return raw;
            continue;
        }
        if (m_input[m_pos] != u'<' || m_pos + 1 >= n)
            return readText();
        const char16_t c = m_input[m_pos + 1].unicode();
        if (c == '!')
            return readMarkupDeclaration();
        if (c == '?')
            return readBogusComment(m_pos + 1);
        if (isAsciiAlpha(c)) {
            HtmlToken tag = readTag(false);
            if (tag.type != HtmlToken::Type::EndOfFile)
                return tag;
            continue;
        }
        if (c == '/') {
            if (m_pos + 2 >= n)
                return readText(); // "</" at the end is text
            const char16_t d = m_input[m_pos + 2].unicode();
            if (isAsciiAlpha(d)) {
                HtmlToken tag = readTag(true);
                if (tag.type != HtmlToken::Type::EndOfFile)
                    return tag;
                continue;
            }
            if (d == '>') { // "</>" is dropped
                m_pos += 3;
                continue;
            }
            return readBogusComment(m_pos + 2);
        }
        return readText(); // "<" not followed by a tag is text ("1 < 2")
    }
    return {};
}

HtmlToken HtmlTokenizer::readText()
{
    const qsizetype n = m_input.size();
    const qsizetype start = m_pos;
    qsizetype i = m_pos;
    // The first character is text even when it is '<' (next() decided it opens no tag).
    if (i < n)
        ++i;
    while (i < n) {
        const qsizetype lt = m_input.indexOf(u'<', i);
        if (lt < 0) {
            i = n;
            break;
        }
        if (lt + 1 < n) {
            const char16_t c = m_input[lt + 1].unicode();
            if (c == '!' || c == '?' || isAsciiAlpha(c) || (c == '/' && lt + 2 < n)) {
                i = lt;
                break;
            }
        }
        i = lt + 1;
    }
    m_pos = i;
    HtmlToken token;
    token.type = HtmlToken::Type::Text;
    token.data = decodeHtmlCharacterReferences(m_input.mid(start, i - start));
    token.data.remove(QChar(u'\0'));
    return token;
}

HtmlToken HtmlTokenizer::readRawText()
{
    const qsizetype n = m_input.size();
    qsizetype end = n;
    if (m_model == ContentModel::ScriptData)
        end = findScriptDataEnd(m_pos);
    else if (m_model != ContentModel::PlainText)
        end = findRawTextEnd(m_pos);
    HtmlToken token;
    token.type = HtmlToken::Type::Text;
    token.rawText = true;
    const QStringView body = m_input.mid(m_pos, end - m_pos);
    token.data = m_model == ContentModel::RcData ? decodeHtmlCharacterReferences(body)
                                                 : body.toString();
    token.data.replace(QChar(u'\0'), QChar(0xFFFD));
    m_pos = end;
    if (m_model != ContentModel::PlainText)
        m_model = ContentModel::Data;
    return token;
}

bool HtmlTokenizer::isAppropriateEndTagAt(qsizetype pos) const
{
    const qsizetype n = m_input.size();
    if (pos + 2 >= n || m_input[pos] != u'<' || m_input[pos + 1] != u'/')
        return false;
    if (!startsWithCI(m_input, pos + 2, QLatin1StringView(m_rawTextTag.toLatin1())))
        return false;
    const qsizetype after = pos + 2 + m_rawTextTag.size();
    if (after >= n)
        return false; // "</style" at the very end is text
    const char16_t c = m_input[after].unicode();
    return isTagSpace(c) || c == '/' || c == '>';
}

qsizetype HtmlTokenizer::findRawTextEnd(qsizetype from) const
{
    qsizetype i = from;
    while ((i = m_input.indexOf(u"</", i)) >= 0) {
        if (isAppropriateEndTagAt(i))
            return i;
        i += 2;
    }
    return m_input.size();
}

// Script data with its escape states: inside "<!--" a nested "<script>" makes the next
// "</script>" part of the script text (HTML5 13.2.5.20-13.2.5.31), which is how
// "<script><!--<script></script>--></script>" reaches the real end tag in a browser.
qsizetype HtmlTokenizer::findScriptDataEnd(qsizetype from) const
{
    enum { Normal, Escaped, DoubleEscaped } state = Normal;
    const qsizetype n = m_input.size();
    auto tagDelimitedAt = [&](qsizetype pos) {
        return pos < n
            && (isTagSpace(m_input[pos].unicode()) || m_input[pos] == u'/' || m_input[pos] == u'>');
    };
    qsizetype i = from;
    while (i < n) {
        const char16_t c = m_input[i].unicode();
        if (c != '<' && c != '-') {
            ++i;
            continue;
        }
        switch (state) {
        case Normal:
            if (startsWithCI(m_input, i, QLatin1StringView("<!--"))) {
                state = Escaped;
                i += 2; // the "--" may also start the closing "-->"
                continue;
            }
            if (isAppropriateEndTagAt(i))
                return i;
            break;
        case Escaped:
            if (startsWithCI(m_input, i, QLatin1StringView("-->"))) {
                state = Normal;
                i += 3;
                continue;
            }
            if (isAppropriateEndTagAt(i))
                return i;
            if (startsWithCI(m_input, i, QLatin1StringView("<script")) && tagDelimitedAt(i + 7)) {
                state = DoubleEscaped;
                i += 7;
                continue;
            }
            break;
        case DoubleEscaped:
            if (startsWithCI(m_input, i, QLatin1StringView("-->"))) {
                state = Normal;
                i += 3;
                continue;
            }
            if (startsWithCI(m_input, i, QLatin1StringView("</script")) && tagDelimitedAt(i + 8)) {
                state = Escaped;
                i += 8;
                continue;
            }
            break;
        }
        ++i;
    }
    return n;
}

HtmlToken HtmlTokenizer::readMarkupDeclaration()
{
    const qsizetype n = m_input.size();
    const qsizetype start = m_pos + 2; // after "<!"
    HtmlToken token;
    if (startsWithCI(m_input, start, QLatin1StringView("--"))) {
        token.type = HtmlToken::Type::Comment;
        const qsizetype body = start + 2;
        // "<!-->" and "<!--->" are complete (empty) comments.
        if (body < n && m_input[body] == u'>') {
            m_pos = body + 1;
            return token;
        }
        if (startsWithCI(m_input, body, QLatin1StringView("->"))) {
            m_pos = body + 2;
            return token;
        }
        qsizetype end = m_input.indexOf(u"--", body);
        while (end >= 0) {
            if (end + 2 < n && m_input[end + 2] == u'>') {
                token.data = m_input.mid(body, end - body).toString();
                m_pos = end + 3;
                return token;
            }
            if (startsWithCI(m_input, end + 2, QLatin1StringView("!>"))) {
                token.data = m_input.mid(body, end - body).toString();
                m_pos = end + 4;
                return token;
            }
            end = m_input.indexOf(u"--", end + 1);
        }
        token.data = m_input.mid(body).toString();
        m_pos = n;
        return token;
    }
    if (startsWithCI(m_input, start, QLatin1StringView("doctype"))) {
        token.type = HtmlToken::Type::Doctype;
        const qsizetype end = m_input.indexOf(u'>', start);
        token.data = m_input.mid(start + 7, (end < 0 ? n : end) - start - 7).trimmed().toString();
        m_pos = end < 0 ? n : end + 1;
        return token;
    }
    // "<![CDATA[" outside foreign content, and anything else after "<!", is a bogus comment.
    return readBogusComment(start);
}

HtmlToken HtmlTokenizer::readBogusComment(qsizetype bodyStart)
{
    const qsizetype n = m_input.size();
    const qsizetype end = m_input.indexOf(u'>', bodyStart);
    HtmlToken token;
    token.type = HtmlToken::Type::Comment;
    token.data = m_input.mid(bodyStart, (end < 0 ? n : end) - bodyStart).toString();
    m_pos = end < 0 ? n : end + 1;
    return token;
}

HtmlToken HtmlTokenizer::readTag(bool endTag)
{
    const qsizetype n = m_input.size();
    HtmlToken token;
    token.type = endTag ? HtmlToken::Type::EndTag : HtmlToken::Type::StartTag;
    m_pos += endTag ? 2 : 1;
    while (m_pos < n) {
        const char16_t c = m_input[m_pos].unicode();
        if (isTagSpace(c) || c == '/' || c == '>')
            break;
        token.name.append(c == 0 ? QChar(0xFFFD) : QChar(toAsciiLower(c)));
        ++m_pos;
    }
    if (!readAttributes(token)) {
        m_pos = n; // a tag cut off by the end of input is dropped (HTML5 "eof-in-tag")
        return {};
    }
    if (endTag) {
        token.attributes.clear();
        token.selfClosing = false;
        return token;
    }
    switch (rawKindOf(token.name)) {
    case RawKind::None:
        break;
    case RawKind::RcData:
        m_model = ContentModel::RcData;
        break;
    case RawKind::RawText:
        m_model = ContentModel::RawText;
        break;
    case RawKind::ScriptData:
        m_model = ContentModel::ScriptData;
        break;
    case RawKind::PlainText:
        m_model = ContentModel::PlainText;
        break;
    }
    if (m_model != ContentModel::Data)
        m_rawTextTag = token.name;
    return token;
}

// From just after the tag name to just after '>'. Returns false at the end of input.
bool HtmlTokenizer::readAttributes(HtmlToken &token)
{
    const qsizetype n = m_input.size();
    while (true) {
        while (m_pos < n && isTagSpace(m_input[m_pos].unicode()))
            ++m_pos;
        if (m_pos >= n)
            return false;
        char16_t c = m_input[m_pos].unicode();
        if (c == '>') {
            ++m_pos;
            return true;
        }
        if (c == '/') {
            ++m_pos;
            if (m_pos < n && m_input[m_pos] == u'>') {
                token.selfClosing = true;
                ++m_pos;
                return true;
            }
            continue;
        }
        // Attribute name; a leading '=' belongs to the name ("<a =x>").
        HtmlAttribute attr;
        attr.name.append(QChar(toAsciiLower(c)));
        ++m_pos;
        while (m_pos < n) {
            c = m_input[m_pos].unicode();
            if (isTagSpace(c) || c == '/' || c == '>' || c == '=')
                break;
            attr.name.append(c == 0 ? QChar(0xFFFD) : QChar(toAsciiLower(c)));
            ++m_pos;
        }
        while (m_pos < n && isTagSpace(m_input[m_pos].unicode()))
            ++m_pos;
        if (m_pos < n && m_input[m_pos] == u'=') {
            ++m_pos;
            while (m_pos < n && isTagSpace(m_input[m_pos].unicode()))
                ++m_pos;
            if (m_pos >= n)
                return false;
            readAttributeValue(attr);
            if (m_pos > n)
                return false;
        }
        // The first of duplicate attributes wins. Past kMaxAttributes the rest are read and
        // ignored, so that a tag with 100,000 attributes cannot make the duplicate check
        // quadratic.
        if (token.attributes.size() < kMaxAttributes && !token.hasAttribute(attr.name))
            token.attributes.append(attr);
    }
}

// The value and where it is written; at an unterminated quote, m_pos goes past the end.
void HtmlTokenizer::readAttributeValue(HtmlAttribute &attr)
{
    const qsizetype n = m_input.size();
    const char16_t quote = m_input[m_pos].unicode();
    qsizetype start = m_pos;
    qsizetype end;
    if (quote == '"' || quote == '\'') {
        ++start;
        end = m_input.indexOf(QChar(quote), start);
        if (end < 0) {
            m_pos = n + 1; // unterminated: the tag runs to the end and is dropped
            return;
        }
        m_pos = end + 1;
    } else {
        end = start;
        while (end < n && !isTagSpace(m_input[end].unicode()) && m_input[end] != u'>')
            ++end;
        m_pos = end;
    }
    attr.valueStart = start;
    attr.valueEnd = end;
    attr.value = decodeHtmlCharacterReferences(m_input.mid(start, end - start),
                                               ReferenceContext::AttributeValue);
    attr.value.replace(QChar(u'\0'), QChar(0xFFFD));
}

} // namespace bulletin
