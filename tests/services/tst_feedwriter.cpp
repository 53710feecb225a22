// What the refresh's writer records about a feed's health when the feed it read was broken
// but readable: a truncated or malformed document keeps the stories before the damage, and
// its health says what was wrong instead of looking like a clean read.

#include "services/feedwriter.h"
#include "services/refreshschedule.h"
#include "storage/articlestore.h"
#include "storage/cache.h"
#include "storage/feedstore.h"
#include "support/testcache.h"

#include <QTest>

using namespace bulletin;

namespace {

QByteArray rss(int items)
{
    QByteArray xml = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<title>Harbour "
                     "Gazette</title>\n";
    for (int i = 1; i <= items; ++i) {
        const QByteArray n = QByteArray::number(i);
        xml += "<item><guid>story-" + n + "</guid><title>Story " + n + "</title>"
            + "<description>Text of story " + n + "</description></item>\n";
    }
    return xml + "</channel>\n</rss>\n";
}

// The feed cut off as its fourth item begins, as a server that died mid-write sends it.
QByteArray truncatedRss()
{
    const QByteArray full = rss(5);
    return full.left(full.indexOf("<item><guid>story-4") + 8);
}

FetchResult response(const QByteArray &body, const QByteArray &etag = {})
{
    FetchResult result;
    result.requestedUrl = QUrl(QStringLiteral("http://127.0.0.1/feed.xml"));
    result.finalUrl = result.requestedUrl;
    result.httpStatus = 200;
    result.body = body;
    result.etag = etag;
    return result;
}

// A public warning as a bare CAP document, in force for a day from now.
QByteArray capAlert(const QByteArray &id)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray sent = now.toString(Qt::ISODate).toUtf8();
    const QByteArray expires = now.addDays(1).toString(Qt::ISODate).toUtf8();
    return "<?xml version=\"1.0\"?><alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"
           "<identifier>"
        + id + "</identifier><sender>alerts@example.org</sender><sent>" + sent
        + "</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope><info>"
          "<event>Flood</event><urgency>Immediate</urgency><severity>Severe</severity>"
          "<certainty>Observed</certainty><expires>"
        + expires
        + "</expires>"
          "<senderName>River Office</senderName><headline>Flood warning for the quay</headline>"
          "<description>The river is over the quay walls.</description>"
          "<area><areaDesc>Lower Harbour</areaDesc></area></info></alert>";
}

FetchResult notModified(const QByteArray &etag)
{
    FetchResult result = response({}, etag);
    result.httpStatus = 304;
    result.notModified = true;
    return result;
}

} // namespace

class tst_FeedWriter final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY2(m_cache.open(), qPrintable(m_cache.error()));
        m_feed = m_cache->feeds()
                     .addSubscription(QStringLiteral("http://127.0.0.1/feed.xml"), {})
                     .value_or(0);
        QVERIFY(m_feed);
    }

    void cleanup() { m_cache.close(); }

    void healthSaysWhatARecoveredReadWasMissing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("stories");
        QTest::addColumn<QString>("warning"); // how it starts, and how it ends

        QTest::newRow("clean feed") << rss(5) << 5 << QString();
        // Line 8 is the fourth item's, where the document ends.
        QTest::newRow("truncated feed")
            << truncatedRss() << 3
            << QStringLiteral("not well-formed at line 8, column 8 (premature end of document); 3 "
                              "stories recovered");
        QTest::newRow("unclosed element")
            << QByteArray("<rss version=\"2.0\"><channel><title>T</title>"
                          "<item><guid>a</guid><title>Only <b>one</title></item></channel></rss>")
            << 1
            << QStringLiteral("not well-formed at line 1, column 90 (opening and ending tag "
                              "mismatch); 1 story recovered");
        QTest::newRow("undeclared entities")
            << QByteArray("<rss version=\"2.0\"><channel><title>T</title>"
                          "<item><guid>a</guid><title>Caf&eacute;</title></item>"
                          "<item><guid>b</guid><title>Tea&nbsp;time</title></item>"
                          "</channel></rss>")
            << 2 << QStringLiteral("repaired invalid bytes or undeclared entities; 2 stories read");
    }

    void healthSaysWhatARecoveredReadWasMissing()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, stories);
        QFETCH(QString, warning);
        const RefreshResult result = FeedWriter(*m_cache).write(m_feed, response(body), {});
        QCOMPARE(result.status, RefreshResult::Status::Ok);
        QCOMPARE(result.added, stories);
        QCOMPARE(result.warning, warning);
        const FeedRecord feed = *m_cache->feeds().feed(m_feed);
        QCOMPARE(feed.lastWarning, warning);
        QVERIFY(feed.lastError.isEmpty()); // stories were stored: not a failing feed
        QCOMPARE(feed.failures, 0);
        QCOMPARE(m_cache->articles().count({StoryFilter::Kind::Feed, m_feed}), stories);
    }

    void warningLastsUntilACleanRead()
    {
        FeedWriter writer(*m_cache);
        const QString warning
            = writer.write(m_feed, response(truncatedRss(), "\"cut\""), {}).warning;
        QVERIFY(!warning.isEmpty());

        // A 304 stands for the same broken body.
        QCOMPARE(writer.write(m_feed, notModified("\"cut\""), {}).status,
                 RefreshResult::Status::NotModified);
        QCOMPARE(m_cache->feeds().feed(m_feed)->lastWarning, warning);

        // A failed fetch is the last error; the warning still describes the last read.
        FetchResult failed = response({});
        failed.error = FetchError::Http;
        failed.httpStatus = 503;
        QCOMPARE(writer.write(m_feed, failed, {}).status, RefreshResult::Status::Error);
        QCOMPARE(m_cache->feeds().feed(m_feed)->lastWarning, warning);

        // The publisher fixes the feed: the two missing stories come, and the warning goes.
        const RefreshResult fixed = writer.write(m_feed, response(rss(5), "\"whole\""), {});
        QCOMPARE(fixed.added, 2);
        QVERIFY(fixed.warning.isEmpty());
        QVERIFY(m_cache->feeds().feed(m_feed)->lastWarning.isEmpty());
    }

    // A feed of public warnings goes on the alert sources' short interval, from its first
    // read; a news feed stays on the default hour.
    void alertFeedsAreDueOnTheAlertInterval()
    {
        FeedWriter writer(*m_cache);
        const RefreshResult alert = writer.write(m_feed, response(capAlert("FL-1")), {});
        QCOMPARE(alert.status, RefreshResult::Status::Ok);
        QCOMPARE(alert.advisories, 1);
        FeedRecord feed = *m_cache->feeds().feedSettings(m_feed);
        QVERIFY(feed.carriesAlerts);
        const QDateTime read = feed.lastSuccess;
        QVERIFY(!isRefreshDue(feed, read.addSecs(4 * 60), RefreshSchedule{}));
        QVERIFY(isRefreshDue(feed, read.addSecs(5 * 60), RefreshSchedule{}));

        // The same address turns into a news feed: back on the hour.
        const RefreshResult news = writer.write(m_feed, response(rss(2)), {});
        QCOMPARE(news.advisories, 0);
        feed = *m_cache->feeds().feedSettings(m_feed);
        QVERIFY(!feed.carriesAlerts);
        QVERIFY(!isRefreshDue(feed, feed.lastSuccess.addSecs(30 * 60), RefreshSchedule{}));

        // A news feed the user marks as an alert source is on the alert interval too.
        QVERIFY(m_cache->feeds().setAlertSource(m_feed, true));
        feed = *m_cache->feeds().feedSettings(m_feed);
        QVERIFY(isRefreshDue(feed, feed.lastSuccess.addSecs(5 * 60), RefreshSchedule{}));
    }

private:
    test::TemporaryCache m_cache;
    qint64 m_feed = 0;
};

QTEST_GUILESS_MAIN(tst_FeedWriter)
#include "tst_feedwriter.moc"
