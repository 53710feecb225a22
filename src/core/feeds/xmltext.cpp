#include "core/feeds/xmltext.h"

#include "core/inputlimits.h"

#include <QByteArrayView>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <string_view>
#include <utility>

namespace bulletin {

bool isXmlChar(char32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

namespace {

char *writeUtf8(char *w, char32_t cp)
{
    if (cp < 0x80) {
        *w++ = char(cp);
    } else if (cp < 0x800) {
        *w++ = char(0xC0 | (cp >> 6));
        *w++ = char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *w++ = char(0xE0 | (cp >> 12));
        *w++ = char(0x80 | ((cp >> 6) & 0x3F));
        *w++ = char(0x80 | (cp & 0x3F));
    } else {
        *w++ = char(0xF0 | (cp >> 18));
        *w++ = char(0x80 | ((cp >> 12) & 0x3F));
        *w++ = char(0x80 | ((cp >> 6) & 0x3F));
        *w++ = char(0x80 | (cp & 0x3F));
    }
    return w;
}

// The character a reference [amp, semi] stands for; 0 when it is not one of the five XML
// ones or a numeric one to a character XML allows (repairEntities left only those and
// declared ones).
char32_t referencedCharacter(const char *amp, const char *semi)
{
    const QByteArrayView name(amp + 1, semi - amp - 1);
    if (name == "lt")
        return '<';
    if (name == "gt")
        return '>';
    if (name == "amp")
        return '&';
    if (name == "quot")
        return '"';
    if (name == "apos")
        return '\'';
    if (name.size() < 2 || name[0] != '#')
        return 0;
    const bool hex = name[1] == 'x' || name[1] == 'X';
    bool ok = false;
    const char32_t cp = char32_t(name.sliced(hex ? 2 : 1).toUInt(&ok, hex ? 16 : 10));
    return ok && isXmlChar(cp) ? cp : 0;
}

// What a run is: character data, or the inside of a CDATA section (no references, and '>'
// is just a character).
enum class RunKind { Text, Cdata };

// The characters the run of character data [begin, end) stands for, as QXmlStreamReader
// would report them (references resolved, line ends normalised), in utf8 (cleared first).
// False when the reader would not accept the run as it is (a character XML forbids, a
// reference it does not know, "]]>"): such a run is left for the reader to report.
bool decodeRun(const char *begin, const char *end, QByteArray &utf8, int *lineBreaks,
               RunKind kind = RunKind::Text)
{
    // The bytes the loop below looks at; the others are copied as they are, a span at once.
    static constexpr auto kLooked = [] {
        std::array<bool, 256> looked{};
        for (int c = 0; c < 0x20; ++c)
            looked[c] = true;
        looked['&'] = looked['>'] = looked[0xEF] = true;
        return looked;
    }();
    utf8.resize(end - begin); // a reference is never shorter than the UTF-8 of its character
    char *w = utf8.data();
    *lineBreaks = 0;
    for (const char *p = begin; p < end;) {
        const char *const span = p;
        while (p < end && !kLooked[static_cast<unsigned char>(*p)])
            ++p;
        std::memcpy(w, span, size_t(p - span));
        w += p - span;
        if (p == end)
            break;
        const unsigned char c = static_cast<unsigned char>(*p);
        if (kind == RunKind::Cdata && (c == '&' || c == '>')) {
            *w++ = char(c);
            ++p;
            continue;
        }
        if (c == '&') {
            const char *semi = static_cast<const char *>(
                std::memchr(p, ';', size_t(std::min<qsizetype>(end - p, 12))));
            const char32_t cp = semi ? referencedCharacter(p, semi) : 0;
            if (cp == 0)
                return false;
            w = writeUtf8(w, cp);
            p = semi + 1;
            continue;
        }
        if (c < 0x20) {
            if (c == '\r') {
                *w++ = '\n'; // "\r\n" and a lone "\r" both end a line
                ++*lineBreaks;
                p += p + 1 < end && p[1] == '\n' ? 2 : 1;
                continue;
            }
            if (c != '\t' && c != '\n')
                return false;
            *lineBreaks += c == '\n';
        } else if (c == '>' && p - begin >= 2 && p[-1] == ']' && p[-2] == ']') {
            return false;
        } else if (c == 0xEF && end - p >= 3 && static_cast<unsigned char>(p[1]) == 0xBF
                   && (static_cast<unsigned char>(p[2]) & 0xFE) == 0xBE) {
            return false; // U+FFFE, U+FFFF
        }
        *w++ = char(c);
        ++p;
    }
    utf8.truncate(w - utf8.constData());
    return true;
}

constexpr char kMarkStart[] = "\xEE\x80\x80"; // U+E000
constexpr char kMarkEnd[] = "\xEE\x80\x81"; // U+E001

// Where a run longer than any text Bulletin keeps stops being decoded: four times as many
// bytes as a text keeps characters (references make escaped HTML longer than its text, by
// four to six bytes a character only where it is all markup), never inside a UTF-8
// sequence, a reference or a "\r\n".
const char *cutPoint(const char *begin, const char *end)
{
    constexpr qsizetype kMaxRunBytes = 4 * kMaxTextChars;
    if (end - begin <= kMaxRunBytes)
        return end;
    const char *p = begin + kMaxRunBytes; // the first byte left out
    while (p > begin && (static_cast<unsigned char>(*p) & 0xC0) == 0x80)
        --p;
    // A reference the run may hold is at most 12 bytes long ("&#x10FFFF;").
    for (const char *q = p - 1; q >= begin && q >= p - 12; --q) {
        if (*q == ';')
            break;
        if (*q == '&') {
            p = q;
            break;
        }
    }
    if (p > begin && p[-1] == '\r' && *p == '\n')
        --p;
    return p;
}

// Line ends in [begin, end) as the reader counts them: "\r\n", "\r" and "\n" are one each.
int countLineBreaks(const char *begin, const char *end)
{
    qsizetype n = std::count(begin, end, '\n');
    for (const char *p = begin;
         (p = static_cast<const char *>(std::memchr(p, '\r', size_t(end - p))));) {
        if (++p == end || *p != '\n')
            ++n;
    }
    return int(qMin<qsizetype>(n, std::numeric_limits<int>::max()));
}

} // namespace

// QXmlStreamReader reads character data one character at a time, with a slower path for each
// reference: ~80 instructions a character, most of a feed's parse when its items carry
// kilobytes of HTML. So each run of character data that is long or holds references, and
// each long CDATA section, is decoded here, at once, and the reader gets a short marker in
// its place: U+E000, the run's index, U+E001, and the run's line breaks (so that the
// reader's line numbers stay right).
// XmlCursor puts the runs back (expandSetAsideText). Documents with a DOCTYPE (which may
// declare entities) or with U+E000 of their own, runs the reader would reject, and
// anything after markup this scan does not follow (an unclosed tag) are left as they are;
// so is the whole document when a rejected run holds a reference.
QByteArray setAsideTextRuns(const QByteArray &in, QList<SetAsideText> *runs)
{
    constexpr qsizetype kLongRun = 64;
    // (std::string_view finds the first byte with memchr: QByteArray::contains took a tenth of
    // parsing a feed for these two.)
    const auto contains =
        [view = std::string_view(in.constData(), size_t(in.size()))](std::string_view what) {
            return view.find(what) != std::string_view::npos;
        };
    if (contains("<!DOCTYPE") || contains(kMarkStart))
        return in;
    const char *const data = in.constData();
    const char *const end = data + in.size();
    QByteArray out;
    QByteArray utf8;
    const char *copied = data; // [data, copied) is in out

    // Sets aside the characters of [begin, end) (a text run, or the inside of a CDATA
    // section), putting the marker in place of [replaced, replacedEnd). A run longer than
    // any text Bulletin keeps is decoded only as far as it is kept (inputlimits.h).
    enum class Outcome { SetAside, Left, Refused };
    const auto setAside = [&](const char *begin, const char *runEnd, const char *replaced,
                              const char *replacedEnd, RunKind kind) {
        const char *const decodeEnd = cutPoint(begin, runEnd);
        int lineBreaks = 0;
        if (!decodeRun(begin, decodeEnd, utf8, &lineBreaks, kind)) {
            // Left for the reader, a reference to U+E000 would read as a marker.
            return kind == RunKind::Text && std::memchr(begin, '&', size_t(runEnd - begin))
                ? Outcome::Refused
                : Outcome::Left;
        }
        if (decodeEnd != runEnd) {
            const qint64 all = qint64(lineBreaks) + countLineBreaks(decodeEnd, runEnd);
            lineBreaks = int(qMin<qint64>(all, std::numeric_limits<int>::max()));
        }
        // (UTF-8 has at least as many bytes as characters: only a long run needs counting.)
        const qsizetype kept = utf8.size() > kMaxTextChars ? utf8PrefixFor(utf8, kMaxTextChars)
                                                           : utf8.size();
        const bool cut = decodeEnd != runEnd || kept < utf8.size();
        out.append(copied, replaced - copied);
        out.append(kMarkStart);
        out.append(QByteArray::number(runs->size()));
        out.append(kMarkEnd);
        out.append(lineBreaks, '\n');
        QByteArray text(utf8.constData(), kept);
        if (cut) {
            QString tidied = QString::fromUtf8(text);
            endCutText(tidied);
            text = tidied.toUtf8();
        }
        runs->append({std::move(text), lineBreaks, cut});
        copied = replacedEnd;
        return Outcome::SetAside;
    };
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };

    const char *p = data;
    while (p < end) {
        const char *lt = static_cast<const char *>(std::memchr(p, '<', size_t(end - p)));
        if (!lt)
            break;
        // Skip the markup at lt; character data may follow it.
        const auto skipTo = [&](std::string_view close) -> const char * {
            const qsizetype at = in.indexOf(QByteArrayView(close.data(), qsizetype(close.size())),
                                            lt - data + 1);
            return at < 0 ? nullptr : data + at + close.size();
        };
        const QByteArrayView rest(lt, std::min<qsizetype>(end - lt, 9));
        const char *after = nullptr;
        if (rest.startsWith("<!--")) {
            after = skipTo("-->");
        } else if (rest.startsWith("<![CDATA[")) {
            after = skipTo("]]>");
            // A long CDATA section (escaped HTML, as many feeds write it) is set aside like
            // character data: the reader would read it a character at a time too.
            const char *const inner = lt + 9;
            if (after && after - 3 - inner >= kLongRun && !std::all_of(inner, after - 3, blank))
                setAside(inner, after - 3, lt, after, RunKind::Cdata);
        } else if (rest.startsWith("<?")) {
            after = skipTo("?>");
        } else if (!rest.startsWith("<!")) {
            char quote = 0;
            for (const char *q = lt + 1; q < end; ++q) {
                if (quote) {
                    if (*q == quote)
                        quote = 0;
                } else if (*q == '"' || *q == '\'') {
                    quote = *q;
                } else if (*q == '>') {
                    after = q + 1;
                    break;
                } else if (*q == '<') {
                    break;
                }
            }
        }
        if (!after)
            break; // left for the reader to report
        const char *next = static_cast<const char *>(std::memchr(after, '<', size_t(end - after)));
        if (!next)
            next = end;
        const bool worthIt = next - after >= kLongRun
            || std::memchr(after, '&', size_t(next - after));
        if (worthIt && !std::all_of(after, next, blank)
            && setAside(after, next, after, next, RunKind::Text) == Outcome::Refused) {
            runs->clear();
            return in;
        }
        p = next;
    }
    if (copied == data)
        return in;
    out.append(copied, end - copied);
    return out;
}

namespace {

// Puts the runs back into text; runText(index) gives the characters of run `index`.
template<typename RunText>
QString expand(QStringView text, const QList<SetAsideText> &runs, bool *cut, RunText runText)
{
    QString out;
    qsizetype at = 0;
    while (at < text.size()) {
        const qsizetype mark = text.indexOf(QChar(0xE000), at);
        const qsizetype close = mark < 0 ? -1 : text.indexOf(QChar(0xE001), mark + 1);
        bool ok = false;
        const qsizetype index = close < 0 ? -1
                                          : text.sliced(mark + 1, close - mark - 1).toLongLong(&ok);
        if (!ok || index < 0 || index >= runs.size()) {
            out += text.sliced(at); // not a marker of this document's runs
            break;
        }
        const SetAsideText &run = runs.at(index);
        if (cut && run.cut)
            *cut = true;
        qsizetype skip = close + 1;
        for (int n = 0; n < run.lineBreaks && skip < text.size() && text[skip] == u'\n'; ++n)
            ++skip;
        // The common case, a whole token that is one run.
        if (mark == 0 && at == 0 && skip == text.size())
            return runText(index);
        out += text.sliced(at, mark - at);
        const QString characters = runText(index);
        if (out.size() + characters.size() > kMaxTextChars) {
            // Adjacent runs (CDATA sections one after another) add up to no more than one
            // text keeps either.
            out += QStringView(characters).first(qMax<qsizetype>(0, kMaxTextChars - out.size()));
            if (cut)
                *cut = true;
            return out;
        }
        out += characters;
        at = skip;
    }
    return out;
}

} // namespace

QString expandSetAsideText(QStringView text, const QList<SetAsideText> &runs, bool *cut)
{
    return expand(text, runs, cut,
                  [&runs](qsizetype index) { return QString::fromUtf8(runs.at(index).utf8); });
}

QString takeSetAsideText(QStringView text, QList<SetAsideText> &runs, bool *cut)
{
    return expand(text, runs, cut, [&runs](qsizetype index) {
        return QString::fromUtf8(std::exchange(runs[index].utf8, QByteArray()));
    });
}

} // namespace bulletin
