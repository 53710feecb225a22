// Parsing a large feed with the real parser (parseFeed), next to a bare QXmlStreamReader
// pass (readNext until the end) over the same bytes.

#include "feedserver.h"
#include "measure.h"

#include "core/advisory/advisoryrules.h"
#include "core/feeds/feedparser.h"
#include "services/feedarticles.h"

#include <QTextStream>
#include <QXmlStreamReader>

namespace bench {

namespace {

const QUrl kDocumentUrl(QStringLiteral("http://127.0.0.1/feeds/large.rss"));

} // namespace

void measureParsing(const Setup &setup, Results &results, int megabytes)
{
    // ~3.3 KB per item once escaped.
    const int items = std::max(10, megabytes * 1024 * 1024 / 3400);
    const QByteArray bytes = generateRss(9999, items, 3000, 77);
    const double mb = double(bytes.size()) / 1e6;
    Figure &parser = results.add(QStringLiteral("parse_mb_s"),
                                 QStringLiteral("parseFeed throughput"), QStringLiteral("MB/s"));
    Figure &bare = results.add(QStringLiteral("bare_xml_mb_s"),
                               QStringLiteral("bare QXmlStreamReader pass"),
                               QStringLiteral("MB/s"));
    Figure &ratio = results.add(QStringLiteral("parse_ratio_pct"),
                                QStringLiteral("parseFeed / bare pass"), QStringLiteral("%"),
                                Figure::Goal::AtLeast, 80);
    Figure &stories = results.add(QStringLiteral("stories_mb_s"),
                                  QStringLiteral("items into stories (articlesFromFeed)"),
                                  QStringLiteral("MB/s"));
    int entries = 0;
    for (int r = 0; r < setup.runs; ++r) {
        qint64 t0 = monotonicNs();
        QXmlStreamReader reader(bytes);
        qint64 tokens = 0;
        while (!reader.atEnd()) {
            reader.readNext();
            ++tokens;
        }
        const double bareMs = msSince(t0);
        t0 = monotonicNs();
        // With the address the feed came from, as a refresh parses it: relative links are
        // looked for and resolved against it.
        const bulletin::FeedParseResult parsed = bulletin::parseFeed(bytes, {}, kDocumentUrl);
        const double parseMs = msSince(t0);
        entries = parsed.feed ? int(parsed.feed->items.size()) : 0;
        // What a refresh does next with each item: its text for search and advisory sections.
        t0 = monotonicNs();
        const QList<bulletin::Article> made = parsed.feed
            ? bulletin::articlesFromFeed(*parsed.feed, QDateTime::currentDateTimeUtc(),
                                         bulletin::AdvisoryRules::defaultHeadings())
            : QList<bulletin::Article>();
        const double storiesMs = msSince(t0);
        stories.samples << mb / (storiesMs / 1000.0);
        bare.samples << mb / (bareMs / 1000.0);
        parser.samples << mb / (parseMs / 1000.0);
        ratio.samples << 100.0 * bareMs / parseMs;
        out() << QStringLiteral("  parse run %1: %2 MB, bare pass %3 ms (%4 tokens), parseFeed %5 "
                                "ms (%6 items), "
                                "articlesFromFeed %7 ms (%8 stories)")
                     .arg(r + 1)
                     .arg(mb, 0, 'f', 1)
                     .arg(bareMs, 0, 'f', 0)
                     .arg(tokens)
                     .arg(parseMs, 0, 'f', 0)
                     .arg(entries)
                     .arg(storiesMs, 0, 'f', 0)
                     .arg(made.size())
              << Qt::endl;
    }
    parser.note = QStringLiteral("a %1 MB RSS 2.0 document of %2 items with ~3 KB of escaped "
                                 "HTML each, parsed with its address; %3 items parsed")
                      .arg(mb, 0, 'f', 1)
                      .arg(items)
                      .arg(entries);
    stories.note = QStringLiteral(
        "the parsed items of the same document turned into stories as a refresh does: each "
        "story's text through the sanitiser, advisory sections looked for");
}

} // namespace bench
