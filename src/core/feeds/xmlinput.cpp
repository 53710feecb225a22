#include "core/feeds/xmlinput.h"

#include "core/feeds/xmltext.h"
#include "core/html/htmlentities.h"
#include "core/html/htmlreferences.h"
#include "core/inputlimits.h"

#include <QHash>
#include <QList>
#include <QStringDecoder>

#include <array>
#include <cstring>
#include <limits>
#include <optional>
#include <string_view>

namespace bulletin {

namespace {

// Length of the valid UTF-8 sequence at p (1-4), 0 when the bytes there are not one.
int utf8SequenceLength(const unsigned char *p, const unsigned char *end)
{
    const unsigned char c = p[0];
    if (c < 0x80)
        return 1;
    int len;
    char32_t min;
    if ((c & 0xE0) == 0xC0) {
        len = 2;
        min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    if (end - p < len)
        return 0;
    char32_t cp = c & (0x7F >> len);
    for (int i = 1; i < len; ++i) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

bool isValidUtf8(const QByteArray &bytes, qsizetype from)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData()) + from;
    const auto *end = reinterpret_cast<const unsigned char *>(bytes.constData()) + bytes.size();
    while (p < end) {
        // ASCII 32 bytes at a time, then eight.
        while (end - p >= 32) {
            quint64 w[4];
            std::memcpy(w, p, sizeof w);
            if ((w[0] | w[1] | w[2] | w[3]) & 0x8080808080808080ULL)
                break;
            p += 32;
        }
        while (end - p >= 8) {
            quint64 word;
            std::memcpy(&word, p, sizeof word);
            if (word & 0x8080808080808080ULL)
                break;
            p += 8;
        }
        if (p == end)
            break;
        if (*p < 0x80) {
            ++p;
            continue;
        }
        const int len = utf8SequenceLength(p, end);
        if (!len)
            return false;
        p += len;
    }
    return true;
}

// UTF-8 where valid, Windows-1252 for every byte that is not part of a valid sequence.
QByteArray repairUtf8(const QByteArray &bytes, qsizetype from)
{
    QString out;
    out.reserve(bytes.size() - from);
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData()) + from;
    const auto *end = reinterpret_cast<const unsigned char *>(bytes.constData()) + bytes.size();
    while (p < end) {
        const int len = utf8SequenceLength(p, end);
        if (len == 1) {
            out.append(QChar(char16_t(*p)));
        } else if (len > 1) {
            out.append(QString::fromUtf8(reinterpret_cast<const char *>(p), len));
        } else {
            const unsigned char c = *p;
            out.append(QChar(windows1252Char(c)));
            p += 1;
            continue;
        }
        p += len;
    }
    return out.toUtf8();
}

// Index of needle (two bytes or more) in bytes at or after from, -1 if none. Looks for the
// needle's second byte with memchr: in "<!--", "<![CDATA[" and "<!DOCTYPE" that is '!',
// which is much rarer in a feed than '<'.
qsizetype find(const QByteArray &bytes, std::string_view needle, qsizetype from)
{
    const char *const data = bytes.constData();
    const qsizetype size = bytes.size();
    const qsizetype length = qsizetype(needle.size());
    qsizetype at = from + 1;
    while (at + length - 1 <= size) {
        const void *hit = std::memchr(data + at, needle[1], size_t(size - at));
        if (!hit)
            return -1;
        const qsizetype start = static_cast<const char *>(hit) - data - 1;
        if (start + length <= size && !std::memcmp(data + start, needle.data(), size_t(length)))
            return start;
        at = start + 2;
    }
    return -1;
}

QByteArray normalizedName(QByteArray name)
{
    name = name.trimmed().toLower();
    name.replace('_', '-');
    return name;
}

bool isUtf8Name(const QByteArray &n)
{
    return n == "utf-8" || n == "utf8" || n == "unicode-1-1-utf-8";
}

// The WHATWG Encoding Standard reads these labels as Windows-1252: real feeds labelled
// ISO-8859-1 routinely contain curly quotes in 0x80-0x9F.
bool isWindows1252Alias(const QByteArray &n)
{
    return n == "iso-8859-1" || n == "latin1" || n == "latin-1" || n == "us-ascii" || n == "ascii"
        || n == "iso8859-1" || n == "l1" || n == "cp1252" || n == "windows-1252" || n == "x-cp1252";
}

// The encoding="..." of a leading XML declaration, or empty; declEnd gets the index after
// "?>" (0 when there is no declaration).
QByteArray declaredEncoding(const QByteArray &bytes, qsizetype from, qsizetype *declEnd)
{
    *declEnd = 0;
    if (!bytes.mid(from, 5).startsWith("<?xml"))
        return {};
    const qsizetype end = bytes.indexOf("?>", from);
    if (end < 0 || end - from > 512)
        return {};
    *declEnd = end + 2;
    const QByteArray decl = bytes.mid(from, end - from);
    qsizetype at = decl.indexOf("encoding");
    if (at < 0)
        return {};
    at = decl.indexOf('=', at);
    if (at < 0)
        return {};
    ++at;
    while (at < decl.size()
           && (decl[at] == ' ' || decl[at] == '\t' || decl[at] == '\n' || decl[at] == '\r'))
        ++at;
    if (at >= decl.size() || (decl[at] != '"' && decl[at] != '\''))
        return {};
    const char quote = decl[at];
    const qsizetype close = decl.indexOf(quote, at + 1);
    if (close < 0)
        return {};
    return decl.mid(at + 1, close - at - 1);
}

enum class Bom { None, Utf8, Utf16LE, Utf16BE, Utf32LE, Utf32BE };

Bom detectBom(const QByteArray &b, qsizetype *length)
{
    const auto at = [&](int i) { return i < b.size() ? (unsigned char)b[i] : 0x100; };
    *length = 0;
    if (at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF) {
        *length = 3;
        return Bom::Utf8;
    }
    if (at(0) == 0xFF && at(1) == 0xFE && at(2) == 0 && at(3) == 0) {
        *length = 4;
        return Bom::Utf32LE;
    }
    if (at(0) == 0 && at(1) == 0 && at(2) == 0xFE && at(3) == 0xFF) {
        *length = 4;
        return Bom::Utf32BE;
    }
    if (at(0) == 0xFF && at(1) == 0xFE) {
        *length = 2;
        return Bom::Utf16LE;
    }
    if (at(0) == 0xFE && at(1) == 0xFF) {
        *length = 2;
        return Bom::Utf16BE;
    }
    return Bom::None;
}

// UTF-16/32 without a BOM, from the pattern of zero bytes around the first '<'
// (XML 1.0 appendix F).
const char *detectWideEncoding(const QByteArray &b)
{
    if (b.size() < 4)
        return nullptr;
    const auto c = [&](int i) { return (unsigned char)b[i]; };
    if (c(0) == 0 && c(1) == 0 && c(2) == 0 && c(3) != 0)
        return "UTF-32BE";
    if (c(0) != 0 && c(1) == 0 && c(2) == 0 && c(3) == 0)
        return "UTF-32LE";
    if (c(0) == 0 && c(1) != 0 && c(2) == 0 && c(3) != 0)
        return "UTF-16BE";
    if (c(0) != 0 && c(1) == 0 && c(2) != 0 && c(3) == 0)
        return "UTF-16LE";
    return nullptr;
}

QString windows1252ToString(const char *data, qsizetype size)
{
    QString out(size, Qt::Uninitialized);
    QChar *dst = out.data();
    for (qsizetype i = 0; i < size; ++i) {
        const unsigned char c = (unsigned char)data[i];
        dst[i] = QChar(windows1252Char(c));
    }
    return out;
}

struct Detected
{
    QByteArray name; // normalised encoding name
    qsizetype skip = 0; // BOM length
};

Detected detect(const QByteArray &bytes, const QString &charsetHint)
{
    qsizetype bomLength = 0;
    switch (detectBom(bytes, &bomLength)) {
    case Bom::Utf8:
        return {"utf-8", bomLength};
    case Bom::Utf16LE:
        return {"utf-16le", bomLength};
    case Bom::Utf16BE:
        return {"utf-16be", bomLength};
    case Bom::Utf32LE:
        return {"utf-32le", bomLength};
    case Bom::Utf32BE:
        return {"utf-32be", bomLength};
    case Bom::None:
        break;
    }
    if (const char *wide = detectWideEncoding(bytes))
        return {normalizedName(wide), 0};
    if (!charsetHint.trimmed().isEmpty()) {
        const QByteArray hint = normalizedName(charsetHint.toLatin1());
        // A UTF-16 label on ASCII-compatible bytes is a lie (feedparser's
        // encoding_attribute_crash case); ignore it.
        if (!hint.startsWith("utf-16") && !hint.startsWith("utf-32"))
            return {hint, 0};
    }
    qsizetype declEnd = 0;
    const QByteArray declared = normalizedName(declaredEncoding(bytes, 0, &declEnd));
    if (declared.isEmpty() || declared.startsWith("utf-16") || declared.startsWith("utf-32"))
        return {"utf-8", 0};
    return {declared, 0};
}

constexpr std::array<bool, 256> kNameChars = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 256; ++c) {
        table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '_' || c == '-' || c == '.' || c == ':';
    }
    return table;
}();

inline bool isNameChar(char c)
{
    return kNameChars[static_cast<unsigned char>(c)];
}

// The general entities the internal subset declares, each with the number of characters it
// expands to (its replacement text with the entities that text refers to expanded, up to
// kUnboundedExpansion); "<!ENTITY % x" ones are parameter entities and cannot appear in
// content. An external entity (SYSTEM or PUBLIC) expands to nothing: it is never fetched.
constexpr qint64 kUnboundedExpansion = std::numeric_limits<qint32>::max();

class DeclaredEntities final
{
public:
    explicit DeclaredEntities(const QByteArray &doctype)
    {
        qsizetype at = 0;
        while ((at = doctype.indexOf("<!ENTITY", at)) >= 0) {
            at += 8;
            skipSpace(doctype, at);
            if (at < doctype.size() && doctype[at] == '%')
                continue;
            const qsizetype start = at;
            while (at < doctype.size() && isNameChar(doctype[at]))
                ++at;
            if (at == start)
                continue;
            const QByteArray name = doctype.mid(start, at - start);
            skipSpace(doctype, at);
            QByteArray value;
            if (at < doctype.size() && (doctype[at] == '"' || doctype[at] == '\'')) {
                const qsizetype close = doctype.indexOf(doctype[at], at + 1);
                value = doctype.mid(at + 1, (close < 0 ? doctype.size() : close) - at - 1);
            }
            m_values.insert(name, value); // the first declaration binds, as XML says
        }
    }

    bool contains(QByteArrayView name) const { return m_values.contains(name.toByteArray()); }

    // How many characters a reference to the entity expands to, counted once per entity.
    qint64 expansion(QByteArrayView name) { return expansion(name.toByteArray(), 0); }

private:
    static void skipSpace(const QByteArray &text, qsizetype &at)
    {
        while (at < text.size()
               && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r'))
            ++at;
    }

    qint64 expansion(const QByteArray &name, int depth)
    {
        // Deeper chains than this are no real feed's, and a reference cycle is an error.
        constexpr int kMaxDepth = 32;
        if (const auto known = m_lengths.constFind(name); known != m_lengths.constEnd())
            return *known;
        if (depth > kMaxDepth)
            return kUnboundedExpansion;
        m_lengths.insert(name, kUnboundedExpansion); // until known: a cycle counts as unbounded
        const QByteArray value = m_values.value(name);
        qint64 length = 0;
        for (qsizetype i = 0; i < value.size() && length < kUnboundedExpansion;) {
            const qsizetype semi = value[i] == '&' ? value.indexOf(';', i) : -1;
            if (semi > i + 1) {
                const QByteArray ref = value.mid(i + 1, semi - i - 1);
                length += ref.startsWith('#') || !m_values.contains(ref)
                    ? 1
                    : expansion(ref, depth + 1);
                i = semi + 1;
            } else {
                ++length;
                ++i;
            }
        }
        length = qMin(length, kUnboundedExpansion);
        m_lengths.insert(name, length);
        return length;
    }

    QHash<QByteArray, QByteArray> m_values;
    QHash<QByteArray, qint64> m_lengths;
};

// An XML feed that uses HTML entity names was written against the XHTML 1.0 entity sets
// (xhtml-symbol.ent), which define &lang; and &rang; as U+2329/U+232A; HTML5 later moved
// them to U+27E8/U+27E9. feedparser's entities/lang and entities/rang cases expect the
// XHTML 1.0 values.
char32_t xhtml1Value(QByteArrayView name)
{
    if (name == "lang")
        return 0x2329;
    if (name == "rang")
        return 0x232A;
    return 0;
}

// amp, lt, gt, quot or apos.
bool isXmlEntity(QByteArrayView name)
{
    const char *n = name.data();
    switch (name.size()) {
    case 2:
        return (n[0] == 'l' || n[0] == 'g') && n[1] == 't';
    case 3:
        return n[0] == 'a' && n[1] == 'm' && n[2] == 'p';
    case 4:
        return !std::memcmp(n, "quot", 4) || !std::memcmp(n, "apos", 4);
    default:
        return false;
    }
}

void appendNumericReference(QByteArray &out, char32_t cp)
{
    out.append("&#");
    out.append(QByteArray::number(quint32(cp)));
    out.append(';');
}

// The rewrite described in the header. Returns the input unchanged (shared) when nothing
// needed fixing. *expansion adds up what the references to declared entities expand to.
QByteArray repairEntities(const QByteArray &in, bool *changed, qint64 *expansion)
{
    const char *data = in.constData();
    const qsizetype size = in.size();
    QByteArray out;
    qsizetype copied = 0; // data[0, copied) has been appended to out
    *changed = false;

    std::optional<DeclaredEntities> declared;
    *expansion = 0;
    qsizetype doctypeStart = find(in, "<!DOCTYPE", 0);
    qsizetype doctypeEnd = -1;
    if (doctypeStart >= 0) {
        const qsizetype bracket = in.indexOf('[', doctypeStart);
        const qsizetype gt = in.indexOf('>', doctypeStart);
        if (bracket >= 0 && (gt < 0 || bracket < gt)) {
            const qsizetype close = in.indexOf("]>", bracket);
            doctypeEnd = close < 0 ? size : close + 2;
        } else {
            doctypeEnd = gt < 0 ? size : gt + 1;
        }
        declared.emplace(in.mid(doctypeStart, doctypeEnd - doctypeStart));
    }

    qsizetype nextCdata = -2;
    qsizetype nextComment = -2;
    qsizetype pos = 0;
    while (pos < size) {
        const void *hit = std::memchr(data + pos, '&', size_t(size - pos));
        if (!hit)
            break;
        qsizetype amp = static_cast<const char *>(hit) - data;
        // Skip references inside CDATA sections, comments and the DOCTYPE.
        if (doctypeStart >= 0 && amp >= doctypeStart && amp < doctypeEnd) {
            pos = doctypeEnd;
            continue;
        }
        if (nextCdata != -1 && nextCdata < pos)
            nextCdata = find(in, "<![CDATA[", pos);
        if (nextCdata >= 0 && nextCdata < amp) {
            const qsizetype end = find(in, "]]>", nextCdata + 9);
            pos = end < 0 ? size : end + 3;
            nextCdata = -2;
            continue;
        }
        if (nextComment != -1 && nextComment < pos)
            nextComment = find(in, "<!--", pos);
        if (nextComment >= 0 && nextComment < amp) {
            const qsizetype end = find(in, "-->", nextComment + 4);
            pos = end < 0 ? size : end + 3;
            nextComment = -2;
            continue;
        }

        qsizetype i = amp + 1;
        QByteArray replacement;
        bool keep = false;
        if (i < size && data[i] == '#') {
            // A number however long: one above U+10FFFF is out of range, never wrapped
            // around to a character that XML allows.
            const NumericReference ref = readNumericReference(QByteArrayView(data + i, size - i));
            if (ref.terminated) {
                i += ref.length;
                if (isXmlChar(ref.value))
                    keep = true;
                else
                    replacement = "&#65533;";
            } else {
                replacement = "&amp;";
                i = amp + 1;
            }
        } else {
            while (i < size && i - amp <= 40 && isNameChar(data[i]))
                ++i;
            const QByteArrayView name(data + amp + 1, i - amp - 1);
            if (!name.isEmpty() && i < size && data[i] == ';') {
                if (isXmlEntity(name)) {
                    keep = true;
                } else if (declared && declared->contains(name)) {
                    keep = true;
                    *expansion = qMin(*expansion + declared->expansion(name), kUnboundedExpansion);
                } else {
                    char32_t cps[2] = {0, 0};
                    if (const char32_t legacy = xhtml1Value(name)) {
                        appendNumericReference(replacement, legacy);
                        ++i;
                    } else if (lookupHtmlEntity(QString::fromLatin1(name) + u';', cps)) {
                        appendNumericReference(replacement, cps[0]);
                        if (cps[1])
                            appendNumericReference(replacement, cps[1]);
                        ++i;
                    } else {
                        replacement = "&amp;";
                        i = amp + 1;
                    }
                }
            } else {
                replacement = "&amp;";
                i = amp + 1;
            }
        }
        if (!keep) {
            out.append(data + copied, amp - copied);
            out.append(replacement);
            copied = i;
            *changed = true;
        }
        pos = i;
    }
    if (!*changed)
        return in;
    out.append(data + copied, size - copied);
    return out;
}

} // namespace

QString detectXmlEncoding(const QByteArray &bytes, const QString &charsetHint)
{
    return QString::fromLatin1(detect(bytes, charsetHint).name);
}

XmlInput prepareXmlInput(const QByteArray &bytes, const QString &charsetHint)
{
    XmlInput input;
    const Detected enc = detect(bytes, charsetHint);
    input.encoding = QString::fromLatin1(enc.name);

    QByteArray utf8;
    if (isUtf8Name(enc.name)) {
        const bool hasOtherDecl = [&] {
            qsizetype declEnd = 0;
            const QByteArray d = normalizedName(declaredEncoding(bytes, enc.skip, &declEnd));
            return !d.isEmpty() && !isUtf8Name(d);
        }();
        if (isValidUtf8(bytes, enc.skip)) {
            utf8 = enc.skip || hasOtherDecl ? bytes.mid(enc.skip) : bytes;
        } else {
            utf8 = repairUtf8(bytes, enc.skip);
            input.repaired = true;
        }
        if (hasOtherDecl) {
            // The BOM, detection or hint overrode the declaration: drop it so the reader
            // does not decode again.
            qsizetype declEnd = 0;
            declaredEncoding(utf8, 0, &declEnd);
            utf8.remove(0, declEnd);
        }
    } else {
        QString text;
        const char *data = bytes.constData() + enc.skip;
        const qsizetype size = bytes.size() - enc.skip;
        if (isWindows1252Alias(enc.name)) {
            text = windows1252ToString(data, size);
        } else {
            QStringDecoder decoder(enc.name.constData());
            if (decoder.isValid()) {
                text = decoder.decode(QByteArrayView(data, size));
            } else {
                // Unknown label: read it as UTF-8, repairing what is not.
                input.encoding = QStringLiteral("utf-8");
                text = QString::fromUtf8(repairUtf8(bytes, enc.skip));
            }
        }
        if (text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
        utf8 = text.toUtf8();
        qsizetype declEnd = 0;
        declaredEncoding(utf8, 0, &declEnd);
        utf8.remove(0, declEnd);
    }

    bool changed = false;
    qint64 expansion = 0;
    QByteArray repaired = repairEntities(utf8, &changed, &expansion);
    if (expansion > kMaxEntityExpansion) {
        // "Billion laughs" and its wide variant (one entity just under the reader's
        // per-entity limit, referred to 100,000 times): refused before the reader expands it.
        input.error = QStringLiteral(
                          "not a feed: its entities would expand to more than %1 characters")
                          .arg(formatCount(kMaxEntityExpansion));
        return input;
    }
    input.utf8 = setAsideTextRuns(repaired, &input.setAside);
    input.repaired = input.repaired || changed;
    return input;
}

} // namespace bulletin
