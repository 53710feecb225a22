// The dates found in feeds (RFC 822 and its relatives, ISO 8601 and W3C-DTF), as every feed
// format and CAP reads them. A date that parses is a UTC instant, and it reads back the same
// when written again in either form, so a story never moves in the list on a refresh.

#include "fuzzinput.h"

#include "core/feeds/feeddate.h"

#include <QLocale>

using namespace bulletin;

namespace {

void checkDate(const QDateTime &date, const char *parser)
{
    if (!date.isValid())
        return;
    fuzz::check(date.timeSpec() == Qt::UTC, "a feed date is in UTC", QString::fromLatin1(parser));
    const int year = date.date().year();
    if (year < 1 || year > 9999)
        return;
    const QString iso = date.toString(Qt::ISODateWithMs);
    fuzz::check(parseFeedDate(iso) == date, "a feed date reads back as ISO 8601", iso);
    fuzz::check(parseIso8601Date(iso) == date, "ISO 8601 reads back as ISO 8601", iso);
    const QDateTime seconds = date.addMSecs(-date.time().msec());
    const QString rfc = QLocale::c().toString(seconds, u"ddd, dd MMM yyyy hh:mm:ss '+0000'");
    fuzz::check(parseRfc822Date(rfc) == seconds, "a feed date reads back as RFC 822", rfc);
    fuzz::check(parseFeedDate(rfc) == seconds, "a feed date reads back as RFC 822", rfc);
}

void testOne(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    checkDate(parseFeedDate(text), "parseFeedDate");
    checkDate(parseIso8601Date(text), "parseIso8601Date");
    checkDate(parseRfc822Date(text), "parseRfc822Date");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::run(data, size, testOne);
    return 0;
}
