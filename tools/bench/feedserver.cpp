#include "feedserver.h"

#include "textgen.h"

#include "support/testhttpserver.h"

namespace bench {

QByteArray generateRss(int feedNumber, int items, int itemBytes, quint64 seed)
{
    TextGen g(seed);
    const QDateTime now = QDateTime(QDate(2026, 1, 15), QTime(12, 0), Qt::UTC);
    QString xml;
    xml.reserve(items * (itemBytes + 600) + 1000);
    xml += QStringLiteral(
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n"
               "<title>Loopback Source %1</title>\n<link>http://127.0.0.1/site/%1</link>\n"
               "<description>Generated feed %1 for the "
               "benchmark</description>\n<language>en</language>\n")
               .arg(feedNumber);
    for (int i = 0; i < items; ++i) {
        const QString html = g.articleHtml(itemBytes, nullptr);
        xml += QStringLiteral(
                   "<item>\n<title>%1</title>\n<link>http://127.0.0.1/site/%2/story/%3</link>\n"
                   "<guid isPermaLink=\"false\">loopback-%2-%3</guid>\n<pubDate>%4</pubDate>\n"
                   "<dc:creator>Reporter %5</dc:creator>\n<category>%6</category>\n"
                   "<description>%7</description>\n</item>\n")
                   .arg(xmlEscape(g.headline()))
                   .arg(feedNumber)
                   .arg(i)
                   .arg(rfc822(now.addSecs(-qint64(i) * 1800 - feedNumber * 7)))
                   .arg(g.below(300))
                   .arg(g.contentWord())
                   .arg(xmlEscape(html));
    }
    xml += QStringLiteral("</channel>\n</rss>\n");
    return xml.toUtf8();
}

FeedServer::FeedServer(int feeds, int itemsPerFeed)
    : m_server(std::make_unique<bulletin::test::TestHttpServer>())
    , m_stats(std::make_shared<Stats>())
{
    for (int f = 0; f < feeds; ++f)
        m_bodies << generateRss(f, itemsPerFeed, 1500, 5000 + quint64(f));
}

FeedServer::~FeedServer() = default;

bool FeedServer::start()
{
    if (!m_server->listen(QHostAddress::LocalHost))
        return false;
    for (int f = 0; f < m_bodies.size(); ++f) {
        const QByteArray body = m_bodies.at(f);
        const QByteArray etag = "\"loopback-" + QByteArray::number(f) + "-v1\"";
        const QByteArray lastModified = "Thu, 15 Jan 2026 12:00:00 GMT";
        const std::shared_ptr<Stats> stats = m_stats;
        m_server->route(
            QStringLiteral("/feed/%1.xml").arg(f),
            [body, etag, lastModified, stats](const bulletin::test::RecordedRequest &request) {
                // As a real server: If-None-Match decides when sent, else
                // If-Modified-Since (the feeds never change).
                const bool notModified = request.hasHeader("If-None-Match")
                    ? request.header("If-None-Match").contains(etag)
                    : request.header("If-Modified-Since") == lastModified;
                if (notModified) {
                    ++stats->notModified;
                    return bulletin::test::TestResponse::withStatus(304)
                        .withHeader("ETag", etag)
                        .withHeader("Last-Modified", lastModified);
                }
                ++stats->full;
                return bulletin::test::TestResponse::ok(body)
                    .withHeader("ETag", etag)
                    .withHeader("Last-Modified", lastModified);
            });
    }
    return true;
}

QStringList FeedServer::urls() const
{
    QStringList list;
    for (int f = 0; f < m_bodies.size(); ++f)
        list << m_server->url(QStringLiteral("/feed/%1.xml").arg(f)).toString();
    return list;
}

qint64 FeedServer::totalBytes() const
{
    qint64 n = 0;
    for (const QByteArray &b : m_bodies)
        n += b.size();
    return n;
}

void FeedServer::resetCounts()
{
    m_stats->full = 0;
    m_stats->notModified = 0;
    m_server->clearRecords();
}

} // namespace bench
