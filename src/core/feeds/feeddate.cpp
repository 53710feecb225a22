#include "core/feeds/feeddate.h"

#include <QDate>
#include <QTime>

#include <optional>

namespace bulletin {

namespace {

bool isDigit(QChar c)
{
    return c.unicode() >= '0' && c.unicode() <= '9';
}

bool isAsciiAlpha(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

// Reads exactly `count` digits at pos; -1 when they are not there.
int readDigits(QStringView s, qsizetype &pos, int count)
{
    if (pos + count > s.size())
        return -1;
    int v = 0;
    for (int k = 0; k < count; ++k) {
        const QChar c = s[pos + k];
        if (!isDigit(c))
            return -1;
        v = v * 10 + (c.unicode() - '0');
    }
    pos += count;
    return v;
}

QDateTime makeUtc(int year, int month, int day, int hour, int minute, int second, int msec,
                  int offsetSeconds)
{
    // A leap second (":60") is read as the last second of the minute.
    if (second == 60)
        second = 59;
    const QDate date(year, month, day);
    bool endOfDay = false;
    if (hour == 24 && minute == 0 && second == 0) {
        hour = 0;
        endOfDay = true;
    }
    const QTime time(hour, minute, second, msec);
    if (!date.isValid() || !time.isValid())
        return {};
    QDateTime dt(date, time, Qt::UTC);
    if (endOfDay)
        dt = dt.addDays(1);
    return dt.addSecs(-offsetSeconds);
}

// "+hh:mm", "+hhmm", "+hh", "Z"; returns false when pos is not at a valid zone.
bool readNumericZone(QStringView s, qsizetype &pos, int &offsetSeconds)
{
    if (pos >= s.size())
        return false;
    const QChar c = s[pos];
    if (c == u'Z' || c == u'z') {
        ++pos;
        offsetSeconds = 0;
        return true;
    }
    if (c != u'+' && c != u'-' && c != QChar(0x2212))
        return false;
    const int sign = c == u'+' ? 1 : -1;
    qsizetype p = pos + 1;
    const int hh = readDigits(s, p, 2);
    if (hh < 0)
        return false;
    int mm = 0;
    if (p < s.size() && s[p] == u':')
        ++p;
    if (p < s.size() && isDigit(s[p])) {
        mm = readDigits(s, p, 2);
        if (mm < 0)
            return false;
    }
    if (hh > 23 || mm > 59)
        return false;
    offsetSeconds = sign * (hh * 3600 + mm * 60);
    pos = p;
    return true;
}

std::optional<int> namedZoneOffset(QStringView name)
{
    struct Zone
    {
        const char *name;
        int hours;
    };
    // RFC 822 section 5 plus zones that real feeds use anyway (e.g. "AEST" from Australian
    // publishers, "CEST" from European ones).
    static constexpr Zone kZones[] = {
        {"UT", 0},    {"UTC", 0},   {"GMT", 0},   {"Z", 0},     {"WET", 0},  {"EST", -5},
        {"EDT", -4},  {"CST", -6},  {"CDT", -5},  {"MST", -7},  {"MDT", -6}, {"PST", -8},
        {"PDT", -7},  {"AKST", -9}, {"AKDT", -8}, {"HST", -10}, {"AST", -4}, {"ADT", -3},
        {"NZST", 12}, {"NZDT", 13}, {"BST", 1},   {"IST", 1},   {"CET", 1},  {"CEST", 2},
        {"MET", 1},   {"MEST", 2},  {"EET", 2},   {"EEST", 3},  {"WEST", 1}, {"JST", 9},
        {"KST", 9},   {"AEST", 10}, {"AEDT", 11}, {"ACST", 9},  {"AWST", 8},
    };
    for (const Zone &z : kZones) {
        if (name.compare(QLatin1StringView(z.name), Qt::CaseInsensitive) == 0)
            return z.hours * 3600;
    }
    // Single-letter military zones: RFC 1123 notes their signs were published backwards, so
    // their meaning is unknown; read them as UTC like RFC 2822 section 4.3 recommends.
    if (name.size() == 1 && isAsciiAlpha(name[0]))
        return 0;
    return std::nullopt;
}

int monthFromName(QStringView token)
{
    static constexpr const char *kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                              "jul", "aug", "sep", "oct", "nov", "dec"};
    if (token.size() < 3)
        return 0;
    const QStringView prefix = token.left(3);
    const char16_t a = prefix[0].unicode();
    const char16_t b = prefix[1].unicode();
    const char16_t c = prefix[2].unicode();
    if (a >= 0x80 || b >= 0x80 || c >= 0x80) {
        // Case folding outside ASCII (U+212A KELVIN SIGN folds to 'k'...) as Qt does it.
        for (int m = 0; m < 12; ++m) {
            if (prefix.compare(QLatin1StringView(kMonths[m]), Qt::CaseInsensitive) == 0)
                return m + 1;
        }
        return 0;
    }
    const auto lower = [](char16_t ch) { return ch >= 'A' && ch <= 'Z' ? char16_t(ch + 32) : ch; };
    for (int m = 0; m < 12; ++m) {
        if (lower(a) == kMonths[m][0] && lower(b) == kMonths[m][1] && lower(c) == kMonths[m][2])
            return m + 1;
    }
    return 0;
}

// "hh:mm[:ss[.fff]]" at the start of token, then possibly a zone glued on.
bool parseTime(QStringView token, int &h, int &m, int &s, int &ms, std::optional<int> &zone)
{
    qsizetype p = 0;
    auto readNumber = [&](int maxDigits) {
        int v = 0;
        int n = 0;
        while (p < token.size() && isDigit(token[p]) && n < maxDigits) {
            v = v * 10 + (token[p].unicode() - '0');
            ++p;
            ++n;
        }
        return n ? v : -1;
    };
    h = readNumber(2);
    if (h < 0 || p >= token.size() || token[p] != u':')
        return false;
    ++p;
    m = readNumber(2);
    if (m < 0)
        return false;
    s = 0;
    ms = 0;
    if (p < token.size() && token[p] == u':') {
        ++p;
        s = readNumber(2);
        if (s < 0)
            return false;
        if (p < token.size() && (token[p] == u'.' || token[p] == u',')) {
            ++p;
            int scale = 100;
            while (p < token.size() && isDigit(token[p])) {
                ms += (token[p].unicode() - '0') * scale;
                scale /= 10;
                ++p;
            }
        }
    }
    if (p < token.size()) {
        int off = 0;
        if (readNumericZone(token, p, off) && p == token.size()) {
            zone = off;
            return true;
        }
        const auto named = namedZoneOffset(token.mid(p));
        if (!named)
            return false;
        zone = *named;
    }
    return true;
}

} // namespace

QDateTime parseIso8601Date(QStringView text)
{
    const QStringView s = text.trimmed();
    qsizetype p = 0;
    const int year = readDigits(s, p, 4);
    if (year < 0)
        return {};
    int month = 1;
    int day = 1;
    // W3C-DTF allows "YYYY" and "YYYY-MM"; ISO 8601 basic format writes "YYYYMMDD".
    const bool extended = p < s.size() && s[p] == u'-';
    if (extended) {
        ++p;
        month = readDigits(s, p, 2);
        if (month < 0)
            return {};
        if (p < s.size() && s[p] == u'-') {
            ++p;
            day = readDigits(s, p, 2);
            if (day < 0)
                return {};
        }
    } else if (p < s.size() && isDigit(s[p])) {
        month = readDigits(s, p, 2);
        day = readDigits(s, p, 2);
        if (month < 0 || day < 0)
            return {};
    }
    int hour = 0;
    int minute = 0;
    int second = 0;
    int msec = 0;
    int offset = 0;
    if (p < s.size() && (s[p] == u'T' || s[p] == u't' || s[p] == u' ')) {
        ++p;
        while (p < s.size() && s[p] == u' ')
            ++p;
        hour = readDigits(s, p, 2);
        if (hour < 0)
            return {};
        const bool colon = p < s.size() && s[p] == u':';
        if (colon)
            ++p;
        if (p < s.size() && isDigit(s[p])) {
            minute = readDigits(s, p, 2);
            if (minute < 0)
                return {};
            if (p < s.size() && (s[p] == u':' || (!colon && isDigit(s[p])))) {
                if (s[p] == u':')
                    ++p;
                second = readDigits(s, p, 2);
                if (second < 0)
                    return {};
                if (p < s.size() && (s[p] == u'.' || s[p] == u',')) {
                    ++p;
                    int scale = 100;
                    while (p < s.size() && isDigit(s[p])) {
                        msec += (s[p].unicode() - '0') * scale;
                        scale /= 10;
                        ++p;
                    }
                }
            }
        }
        while (p < s.size() && s[p] == u' ')
            ++p;
        if (p < s.size()) {
            if (!readNumericZone(s, p, offset)) {
                const auto named = namedZoneOffset(s.mid(p));
                if (!named)
                    return {};
                offset = *named;
                p = s.size();
            }
        }
    }
    if (p != s.size())
        return {};
    return makeUtc(year, month, day, hour, minute, second, msec, offset);
}

QDateTime parseRfc822Date(QStringView text)
{
    int day = -1;
    int month = 0;
    int year = -1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int msec = 0;
    bool haveTime = false;
    std::optional<int> zone;

    const QStringView s = text.trimmed();
    qsizetype p = 0;
    while (p < s.size()) {
        while (p < s.size() && (s[p].isSpace() || s[p] == u','))
            ++p;
        qsizetype end = p;
        while (end < s.size() && !s[end].isSpace() && s[end] != u',')
            ++end;
        if (end == p)
            break;
        QStringView token = s.mid(p, end - p);
        p = end;

        // "01-Jan-2004" (seen in old RSS 0.91 feeds): split on the dashes.
        if (token.count(u'-') == 2 && isDigit(token[0])) {
            const auto parts = token.split(u'-');
            const int m = monthFromName(parts[1]);
            bool okDay = false;
            bool okYear = false;
            const int d = parts[0].toInt(&okDay);
            const int y = parts[2].toInt(&okYear);
            if (m && okDay && okYear && day < 0) {
                day = d;
                month = m;
                year = parts[2].size() <= 2 ? (y < 50 ? 2000 + y : 1900 + y) : y;
                continue;
            }
            return {};
        }
        if (isDigit(token[0]) && token.contains(u':')) {
            if (haveTime || !parseTime(token, hour, minute, second, msec, zone))
                return {};
            haveTime = true;
            continue;
        }
        if (token[0] == u'+' || token[0] == u'-') {
            qsizetype zp = 0;
            int off = 0;
            if (!readNumericZone(token, zp, off) || zp != token.size())
                return {};
            zone = off;
            continue;
        }
        if (isDigit(token[0])) {
            bool ok = false;
            const int v = token.toInt(&ok);
            if (!ok)
                return {};
            if (day < 0 && token.size() <= 2 && year < 0)
                day = v;
            else if (year < 0 && token.size() == 4)
                year = v;
            else if (year < 0 && token.size() <= 3 && day >= 0)
                year = token.size() == 3 ? 1900 + v : (v < 50 ? 2000 + v : 1900 + v);
            else if (day < 0 && token.size() <= 2)
                day = v;
            else
                return {};
            continue;
        }
        if (isAsciiAlpha(token[0])) {
            if (!month) {
                if (const int m = monthFromName(token)) {
                    // Month names are matched on three letters; a day name such as "Mar"
                    // (Catalan Tuesday) would be ambiguous, but it comes before the day.
                    if (day >= 0 || token.size() == 3 || token.size() > 3) {
                        month = m;
                        continue;
                    }
                }
            }
            if (haveTime && !zone) {
                // "GMT+2" and "UT" style zones after the time.
                const qsizetype sign = token.indexOf(u'+') >= 0 ? token.indexOf(u'+')
                                                                : token.indexOf(u'-');
                const QStringView name = sign > 0 ? token.left(sign) : token;
                if (const auto named = namedZoneOffset(name)) {
                    int off = *named;
                    if (sign > 0) {
                        qsizetype zp = sign;
                        int extra = 0;
                        if (!readNumericZone(token, zp, extra))
                            return {};
                        off += extra;
                    }
                    zone = off;
                    continue;
                }
            }
            // Day names in any language, "at", and other words are skipped.
            continue;
        }
        // Anything else ("(comment)", punctuation) is ignored.
    }
    if (day < 0 || month == 0 || year < 0)
        return {};
    return makeUtc(year, month, day, hour, minute, second, msec, zone.value_or(0));
}

QDateTime parseFeedDate(QStringView text)
{
    const QStringView s = text.trimmed();
    if (s.isEmpty())
        return {};
    if (s.size() >= 4 && isDigit(s[0]) && isDigit(s[1]) && isDigit(s[2]) && isDigit(s[3])
        && (s.size() == 4 || s[4] == u'-' || isDigit(s[4]))) {
        const QDateTime iso = parseIso8601Date(s);
        if (iso.isValid())
            return iso;
    }
    return parseRfc822Date(s);
}

} // namespace bulletin
