// The response headers a feed fetch reads: HTTP dates (Last-Modified, Expires), Retry-After,
// Cache-Control max-age and Content-Type with its charset. Besides never crashing: a date
// that parses reads back the same when written as an IMF-fixdate, and the values are in range.

#include "fuzzinput.h"

#include "net/httpheaders.h"

#include <QLocale>

#include <algorithm>

using namespace bulletin;

namespace {

void testOne(const QByteArray &value)
{
    if (const std::optional<QDateTime> date = parseHttpDate(value)) {
        fuzz::check(date->isValid() && date->timeSpec() == Qt::UTC,
                    "an HTTP date is a valid UTC time");
        if (date->date().year() >= 1 && date->date().year() <= 9999) {
            const QString written = QLocale::c().toString(*date,
                                                          u"ddd, dd MMM yyyy hh:mm:ss 'GMT'");
            fuzz::check(parseHttpDate(written.toLatin1()) == date,
                        "an HTTP date reads back as written", written);
        }
    }

    const QDateTime now = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    if (const std::optional<QDateTime> retry = parseRetryAfter(value, now)) {
        fuzz::check(retry->isValid(), "Retry-After gives a valid time");
        const QByteArray trimmed = value.trimmed();
        const bool delay = std::all_of(trimmed.cbegin(), trimmed.cend(),
                                       [](char c) { return c >= '0' && c <= '9'; });
        if (delay)
            fuzz::check(*retry >= now, "a Retry-After delay is never in the past");
    }

    fuzz::check(parseMaxAge(value) >= -1, "max-age is a number of seconds or -1");

    // HTTP's optional white space around a value is spaces and tabs (RFC 9110 5.6.3).
    const auto isOws = [](QChar c) { return c == u' ' || c == u'\t'; };
    const auto [mime, charset] = splitContentType(value);
    fuzz::check(mime.isEmpty() || (!isOws(mime.front()) && !isOws(mime.back())),
                "the media type has no white space around it", mime);
    fuzz::check(mime == mime.toLower() && !mime.contains(u';'),
                "the media type is in lower case, without parameters", mime);
    fuzz::check(charset == charset.toLower(), "the charset is in lower case", charset);

    bool ok = false;
    const int status = value.left(3).toInt(&ok);
    if (ok)
        httpReasonPhrase(status);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::run(data, size, testOne);
    return 0;
}
