#include "net/httpheaders.h"

#include <QList>

#include <limits>

namespace bulletin {

namespace {

int monthNumber(QByteArrayView name)
{
    static constexpr const char *months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                             "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; ++i) {
        if (name.size() == 3 && qstrnicmp(name.data(), months[i], 3) == 0)
            return i + 1;
    }
    return 0;
}

std::optional<QTime> parseClock(QByteArrayView text)
{
    const QList<QByteArray> parts = QByteArray(text.data(), text.size()).split(':');
    if (parts.size() != 3)
        return std::nullopt;
    bool okH = false, okM = false, okS = false;
    const int h = parts[0].toInt(&okH), m = parts[1].toInt(&okM), s = parts[2].toInt(&okS);
    const QTime time(h, m, s);
    if (!okH || !okM || !okS || !time.isValid())
        return std::nullopt;
    return time;
}

std::optional<QDateTime> makeUtc(int year, int month, int day, QByteArrayView clock)
{
    // HTTP dates have four-digit years (RFC 9110 section 5.6.7); a larger one is garbage, and
    // one beyond QDateTime's range would give an invalid time.
    if (year < 1 || year > 9999)
        return std::nullopt;
    const QDate date(year, month, day);
    const std::optional<QTime> time = parseClock(clock);
    if (!date.isValid() || !time)
        return std::nullopt;
    return QDateTime(date, *time, Qt::UTC);
}

} // namespace

std::optional<QDateTime> parseHttpDate(const QByteArray &value)
{
    const QList<QByteArray> f = value.simplified().split(' ');
    bool okDay = false, okYear = false;
    if (f.size() == 6 && f[0].endsWith(',')) {
        // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
        const int day = f[1].toInt(&okDay);
        const int year = f[3].toInt(&okYear);
        if (okDay && okYear && f[5].compare("GMT", Qt::CaseInsensitive) == 0)
            return makeUtc(year, monthNumber(f[2]), day, f[4]);
        return std::nullopt;
    }
    if (f.size() == 4 && f[0].endsWith(',')) {
        // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"; two-digit years are taken as 19xx/20xx
        // by the 50-year rule of RFC 9110 section 5.6.7.
        const QList<QByteArray> d = f[1].split('-');
        if (d.size() != 3 || f[3].compare("GMT", Qt::CaseInsensitive) != 0)
            return std::nullopt;
        const int day = d[0].toInt(&okDay);
        int year = d[2].toInt(&okYear);
        if (!okDay || !okYear)
            return std::nullopt;
        if (d[2].size() == 2) {
            const int thisYear = QDate::currentDate().year();
            year += (thisYear / 100) * 100;
            if (year > thisYear + 50)
                year -= 100;
        }
        return makeUtc(year, monthNumber(d[1]), day, f[2]);
    }
    if (f.size() == 5) {
        // asctime: "Sun Nov  6 08:49:37 1994"
        const int day = f[2].toInt(&okDay);
        const int year = f[4].toInt(&okYear);
        if (okDay && okYear)
            return makeUtc(year, monthNumber(f[1]), day, f[3]);
    }
    return std::nullopt;
}

std::optional<QDateTime> parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool isNumber = true;
    for (const char c : trimmed)
        isNumber = isNumber && c >= '0' && c <= '9';
    if (isNumber) {
        // Absurd delays are clamped rather than overflowing; the backoff caps them anyway.
        constexpr qint64 kTenYears = 10LL * 365 * 24 * 3600;
        bool ok = false;
        qint64 seconds = trimmed.toLongLong(&ok);
        if (!ok || seconds > kTenYears)
            seconds = kTenYears;
        return now.toUTC().addSecs(seconds);
    }
    return parseHttpDate(trimmed);
}

int parseMaxAge(const QByteArray &cacheControl)
{
    for (const QByteArray &rawDirective : cacheControl.split(',')) {
        const QByteArray directive = rawDirective.trimmed();
        const qsizetype eq = directive.indexOf('=');
        if (eq < 0 || directive.left(eq).trimmed().compare("max-age", Qt::CaseInsensitive) != 0)
            continue;
        QByteArray number = directive.mid(eq + 1).trimmed();
        if (number.size() >= 2 && number.startsWith('"') && number.endsWith('"'))
            number = number.mid(1, number.size() - 2);
        bool ok = false;
        const qlonglong seconds = number.toLongLong(&ok);
        if (!ok || seconds < 0)
            return -1;
        return int(std::min<qlonglong>(seconds, std::numeric_limits<int>::max()));
    }
    return -1;
}

std::pair<QString, QString> splitContentType(const QByteArray &contentType)
{
    const QList<QByteArray> parts = contentType.split(';');
    const QString mime = QString::fromLatin1(parts.value(0).trimmed()).toLower();
    QString charset;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray parameter = parts.at(i).trimmed();
        const qsizetype eq = parameter.indexOf('=');
        if (eq < 0 || parameter.left(eq).trimmed().compare("charset", Qt::CaseInsensitive) != 0)
            continue;
        QByteArray value = parameter.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        charset = QString::fromLatin1(value).toLower();
    }
    return {mime, charset};
}

QString httpReasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QStringLiteral("OK");
    case 301:
        return QStringLiteral("Moved Permanently");
    case 302:
        return QStringLiteral("Found");
    case 303:
        return QStringLiteral("See Other");
    case 304:
        return QStringLiteral("Not Modified");
    case 307:
        return QStringLiteral("Temporary Redirect");
    case 308:
        return QStringLiteral("Permanent Redirect");
    case 400:
        return QStringLiteral("Bad Request");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("Not Found");
    case 405:
        return QStringLiteral("Method Not Allowed");
    case 406:
        return QStringLiteral("Not Acceptable");
    case 408:
        return QStringLiteral("Request Timeout");
    case 410:
        return QStringLiteral("Gone");
    case 429:
        return QStringLiteral("Too Many Requests");
    case 500:
        return QStringLiteral("Internal Server Error");
    case 502:
        return QStringLiteral("Bad Gateway");
    case 503:
        return QStringLiteral("Service Unavailable");
    case 504:
        return QStringLiteral("Gateway Timeout");
    default:
        return {};
    }
}

} // namespace bulletin
