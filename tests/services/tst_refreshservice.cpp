#include "services/refreshservice.h"

#include "net/feedfetcher.h"
#include "net/fetchqueue.h"
#include "services/advisorysettings.h"
#include "services/opmlservice.h"
#include "services/refreshschedule.h"
#include "services/subscriptionservice.h"
#include "storage/accountstore.h"
#include "storage/advisorystore.h"
#include "storage/cache.h"
#include "storage/searchstore.h"
#include "support/testcache.h"
#include "support/testhttpserver.h"

#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <functional>
#include <memory>

using namespace bulletin;
using namespace bulletin::test;
using namespace std::chrono_literals;

namespace {

// An RSS document with items guid-<tag>-1..count (newest first), each body mentioning tag.
// Item i is dated day firstDay + i of January 2024, so later documents can hold newer items.
QByteArray rss(int count, const QString &tag = QStringLiteral("a"), const QString &bodyTag = {},
               int firstDay = 0)
{
    QByteArray xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed "
        + tag.toUtf8() + "</title><link>http://example.org/</link>";
    for (int i = count; i >= 1; --i) {
        const QByteArray n = QByteArray::number(i);
        xml += "<item><guid isPermaLink=\"false\">guid-" + tag.toUtf8() + "-" + n
            + "</guid><title>Story " + tag.toUtf8() + " " + n + "</title><link>http://example.org/"
            + tag.toUtf8() + "/" + n + "</link><pubDate>"
            + QByteArray::number(1 + (firstDay + i) % 28) + " Jan 2024 10:00:00 GMT</pubDate>"
            + "<description>Body " + n + " " + (bodyTag.isEmpty() ? tag : bodyTag).toUtf8()
            + "</description></item>";
    }
    return xml + "</channel></rss>";
}

} // namespace

class tst_RefreshService final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void storesNewStories();
    void indexesForSearchAfterTheBatch();
    void conditionalGetRoundTrip();
    void httpErrorsInWords_data();
    void httpErrorsInWords();
    void readsGzip();
    void permanentRedirectMovesTheSubscription();
    void temporaryRedirectKeepsTheUrl();
    void reportsRedirectLoop();
    void slowResponseTimesOut();
    void oversizedAndTruncatedBodies();
    void honoursRetryAfter();
    void webPageIsNotAFeed();
    void brokenFeedIsAParseError();
    void refreshesManyFeedsOnThreeHosts();
    void storesDuplicatesOnce();
    void keepsReadAndBookmarkAcrossUpdate();
    void retentionKeepsUnreadBookmarkedAndCurrent();
    void refreshesOnlyFolderAndDueFeeds();
    void alertSourcesAreDueWithinMinutes();
    void aSyncAccountsFeedIsLeftToItsServer();
    void cancelReportsEveryFeed();
    void subscribeDiscoversTheFeedOfAPage();
    void subscribeRefusesAPageWithoutFeed();
    void advisoryRulesApplyOnTheWorkerThread();
    void bareCapAlertIsNamedAfterItsSender();
    void undatedStoriesAreNoNewerThanTheirDocument();

private:
    qint64 subscribe(const QUrl &url, qint64 folderId = 0);
    // Runs start() and waits for refreshFinished; the results by feed id.
    bool refresh(const std::function<void()> &start, QHash<qint64, RefreshResult> *results,
                 int timeoutMs = 20000);
    bool refreshAll(QHash<qint64, RefreshResult> *results)
    {
        return refresh([this] { m_service->refreshAll(); }, results);
    }
    QList<StorySummary> stories(qint64 feedId) const;
    std::optional<StorySummary> storyByGuid(qint64 feedId, const QString &guid) const;

    test::TemporaryCache m_cache;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<RefreshService> m_service;
    std::unique_ptr<TestHttpServer> m_server;
};

void tst_RefreshService::init()
{
    QVERIFY2(m_cache.open(), qPrintable(m_cache.error()));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_service = std::make_unique<RefreshService>(*m_cache, m_network.get());
    m_service->queue()->fetcher()->setTimeout(10s);
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
}

void tst_RefreshService::cleanup()
{
    m_service.reset();
    m_network.reset();
    m_server.reset();
    m_cache.close();
}

qint64 tst_RefreshService::subscribe(const QUrl &url, qint64 folderId)
{
    return m_cache->feeds()
        .addSubscription(url.toString(), QStringLiteral("Feed"), folderId)
        .value_or(0);
}

bool tst_RefreshService::refresh(const std::function<void()> &start,
                                 QHash<qint64, RefreshResult> *results, int timeoutMs)
{
    QSignalSpy finished(m_service.get(), &RefreshService::refreshFinished);
    QMetaObject::Connection c = connect(
        m_service.get(), &RefreshService::feedRefreshed, this,
        [results](qint64 id, const RefreshResult &r) { results->insert(id, r); });
    start();
    const bool ok = finished.count() > 0 || finished.wait(timeoutMs);
    disconnect(c);
    return ok;
}

QList<StorySummary> tst_RefreshService::stories(qint64 feedId) const
{
    StoryFilter filter;
    filter.kind = StoryFilter::Kind::Feed;
    filter.id = feedId;
    return m_cache->articles().stories(filter, std::nullopt, 10000);
}

std::optional<StorySummary> tst_RefreshService::storyByGuid(qint64 feedId,
                                                            const QString &guid) const
{
    for (const StorySummary &s : stories(feedId)) {
        if (s.guid == guid)
            return s;
    }
    return std::nullopt;
}

void tst_RefreshService::storesNewStories()
{
    m_server->route(QStringLiteral("/feed"), TestResponse::ok(rss(3)));
    const qint64 id = subscribe(m_server->url(QStringLiteral("/feed")));
    QSignalSpy started(m_service.get(), &RefreshService::refreshStarted);
    QSignalSpy progress(m_service.get(), &RefreshService::progressChanged);
    QHash<qint64, RefreshResult> results;
    QVERIFY(refreshAll(&results));
    QCOMPARE(started.count(), 1);
    QCOMPARE(progress.last(), (QVariantList{1, 1}));
    QCOMPARE(results.value(id).status, RefreshResult::Status::Ok);
    QCOMPARE(results.value(id).added, 3);
    QCOMPARE(stories(id).size(), 3);
    const FeedRecord feed = *m_cache->feeds().feed(id);
    QVERIFY(feed.lastSuccess.isValid());
    QVERIFY(feed.lastError.isEmpty());
    QCOMPARE(feed.failures, 0);
}

void tst_RefreshService::conditionalGetRoundTrip()
{
    const QByteArray body = rss(4);
    m_server->route(QStringLiteral("/feed"), [body](const RecordedRequest &request) {
        if (request.header("If-None-Match") == "\"v1\"")
            return TestResponse::withStatus(304);
        return TestResponse::ok(body)
            .withHeader("ETag", "\"v1\"")
            .withHeader("Last-Modified", "Mon, 01 Jan 2024 10:00:00 GMT")
            .withHeader("Cache-Control", "max-age=7200");
    });
    const qint64 id = subscribe(m_server->url(QStringLiteral("/feed")));
    QHash<qint64, RefreshResult> results;
    QVERIFY(refreshAll(&results));
    QCOMPARE(results.value(id).added, 4);
    FeedRecord feed = *m_cache->feeds().feed(id);
    QCOMPARE(feed.etag, QByteArray("\"v1\""));
    QCOMPARE(feed.lastModified, QStringLiteral("Mon, 01 Jan 2024 10:00:00 GMT"));
    QCOMPARE(feed.ttlMinutes, 120); // max-age is the lower bound of the interval

    results.clear();
    QVERIFY(refreshAll(&results));
    QCOMPARE(results.value(id).status, RefreshResult::Status::NotModified);
    QCOMPARE(results.value(id).added, 0);
    const RecordedRequest second = m_server->requestsTo(QStringLiteral("/feed")).last();
    QCOMPARE(second.header("If-None-Match"), QByteArray("\"v1\""));
    QCOMPARE(second.header("If-Modified-Since"), QByteArray("Mon, 01 Jan 2024 10:00:00 GMT"));
    QCOMPARE(stories(id).size(), 4);
    feed = *m_cache->feeds().feed(id);
    QCOMPARE(feed.etag, QByteArray("\"v1\""));
    // Not due again before the publisher's max-age has passed.
    QVERIFY(nextRefreshTime(feed, m_service->schedule()) >= feed.lastSuccess.addSecs(120 * 60));
}

void tst_RefreshService::httpErrorsInWords_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("words");
    QTest::newRow("not found") << 404 << QStringLiteral("HTTP 404");
    QTest::newRow("server error") << 500 << QStringLiteral("HTTP 500");
    QTest::newRow("gone") << 410 << QStringLiteral("HTTP 410");
}

void tst_RefreshService::httpErrorsInWords()
{
    QFETCH(int, status);
    QFETCH(QString, words);
    m_server->route(QStringLiteral("/feed"), TestResponse::withStatus(status, "nope"));
    const qint64 id = subscribe(m_server->url(QStringLiteral("/feed")));
    QHash<qint64, RefreshResult> results;
    QVERIFY(refreshAll(&results));
    QCOMPARE(results.value(id).status, RefreshResult::Status::Error);
    QCOMPARE(results.value(id).error, words);
    const FeedRecord feed = *m_cache->feeds().feed(id);
    QCOMPARE(feed.lastError, words);
    QCOMPARE(feed.failures, 1);
    QVERIFY(!feed.lastSuccess.isValid());
    // Backing off: not due again right away.
    QVERIFY(!isRefreshDue(feed, QDateTime::currentDateTimeUtc(), m_service->schedule()));
}

void tst_RefreshService::readsGzip()
{
    TestResponse response = TestResponse::ok(rss(5));
    response.encoding = TestResponse::Encoding::Gzip;
    m_server->route(QStringLiteral("/feed"), response);
    const qint64 id = subscribe(m_server->url(QStringLiteral("/feed")));
    QHash<qint64, RefreshResult> results;
    QVERIFY(refreshAll(&results));
    QCOMPARE(results.value(id).status, RefreshResult::Status::Ok);
    QCOMPARE(results.value(id).added, 5);
}

void tst_RefreshService::permanentRedirectMovesTheSubscription()
{
    m_server->route(QStringLiteral("/old"), TestResponse::redirect(301, "/middle"));
    m_server->route(QStringLiteral("/middle"), TestResponse::redirect(308, "/new"));
    m_server->route(QStringLiteral("/new"), TestResponse::ok(rss(2)));
    const qint64 id = subscribe(m_server->url(QStringLiteral("/old")));
    QHash<qint64, RefreshResult> results;
    QVERIFY(refreshAll(&results));
    const QString newUrl = m_server->url(QStringLiteral("/new")).toString();
    QCOMPARE(results.value(id).status, RefreshResult::Status::Ok);
    QCOMPARE(results.value(id).url, newUrl);
    QCOMPARE(results.value(id).movedFrom, m_server->url(QStringLiteral("/old")).toString());
    QCOMPARE(m_cache->feeds().feed(id)->url, newUrl);

    // The next refresh goes straight to the new address.
    m_server->clearRecords();
    results.clear();
    QVERIFY(refreshAll(&results));
    QCOMPARE(m_server->requestsTo(QStringLiteral("/old")).size(), 0);
    QCOMPARE(m_server->requestsTo(QStringLiteral("/new")).size(), 1);
    QCOMPARE(stories(id).size(), 2);
}

void tst_RefreshService::temporaryRedirectKeepsTheUrl()
{
    m_server->route(QStringLiteral("/feed"), TestResponse::redirect(302, "/elsewhere"));
    m_server->route(QStringLiteral("/elsewhere"), TestResponse::ok(rss(1)));
    const qint64 id = subscribe(m_server->url(QStringLiteral("/feed")));
    QHash<qint64, RefreshResult> results;
    QVERIFY(refreshAll(&results));
    QCOMPARE(results.value(id).status, RefreshResult::Status::Ok);
    QCOMPARE(m_cache->feeds().feed(id)->url, m_server->url(QStringLiteral("/feed")).toString());
}

void tst_RefreshService::reportsRedirectLoop()
{
    m_server->route(QStringLiteral("/a"), TestResponse::redirect(302, "/b"));
    m_server->route(QStringLiteral("/b"), TestResponse::redirect(302, "/a"));
    const qint64 id = subscribe(m_server->url(QStringLiteral("/a")));
    QHash<qint64, RefreshResult> results;
    QVERIFY(refreshAll(&results));
    QCOMPARE(results.value(id).status, RefreshResult::Status::Error);
    QVERIFY2(results.value(id).error.startsWith(QLatin1String("redirect loop")),
             qPrintable(results.value(id).error));
    QVERIFY(m_cache->feeds().feed(id)->lastError.startsWith(QLatin1String("redirect loop")));
}

void tst_RefreshService::slowResponseTimesOut()
{
    TestResponse slow = TestResponse::ok(rss(1));
    slow.delayBeforeHeadersMs = 5000;
    m_server->route(QStringLiteral("/slow"), slow);
    m_service->queue()->fetcher()->setTimeout(300ms);
    const qint64 id = subscribe(m_server->url(QStringLiteral("/slow")));
    QHash<qint64, RefreshResult> results;
    QVERIFY(refreshAll(&results));
    QCOMPARE(results.value(id).status, RefreshResult::Status::Error);
    QVERIFY2(results.value(id).error.startsWith(QLatin1String("timed out")),
             qPrintable(results.value(id).error));
}

void tst_RefreshService::oversizedAndTruncatedBodies()
{
    m_server->route(QStringLiteral("/big"), TestResponse::ok(rss(200)));
    TestResponse cut = TestResponse::ok(rss(20));
    cut.closeAfterBodyBytes = 300;
    m_server->route(QStringLiteral("/cut"), cut);
    m_service->queue()->fetcher()->setMaxBodyBytes(8 * 1024);
    const qint64 big = subscribe(m_server->url(QStringLiteral("/big")));
    const qint64 truncated = subscribe(m_server->url(QStringLiteral("/cut")));
    QHash<qint64, RefreshResult> results;
    QVERIFY(refreshAll(&results));
    QCOMPARE(results.value(big).status, RefreshResult::Status::Error);
    QVERIFY2(results.value(big).error.startsWith(QLatin1String("too large")),
             qPrintable(results.value(big).error));
    QCOMPARE(results.value(truncated).status, RefreshResult::Status::Error);
    QVERIFY2(results.value(truncated).error.startsWith(QLatin1String("truncated")),
             qPrintable(results.value(truncated).error));
    QCOMPARE(stories(big).size(), 0);
    QCOMPARE(stories(truncated).size(), 0);
}

void tst_RefreshService::honoursRetryAfter()
{
    m_server->route(QStringLiteral("/busy"),
                    TestResponse::withStatus(503).withHeader("Retry-After", "3600"));
    const qint64 id = subscribe(m_server->url(QStringLiteral("/busy")));
    QHash<qint64, RefreshResult> results;
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QVERIFY(refreshAll(&results));
    QCOMPARE(results.value(id).error, QStringLiteral("HTTP 503"));
    const FeedRecord feed = *m_cache->feeds().feed(id);
    QVERIFY(feed.retryAfter.isValid());
    QVERIFY(feed.retryAfter >= before.addSecs(3590));
    QVERIFY(nextRefreshTime(feed, m_service->schedule()) >= feed.retryAfter);

    // Due refreshes leave it alone until then.
    m_server->clearRecords();
    m_service->refreshDue(before.addSecs(1800));
    QVERIFY(!m_service->isRefreshing());
    QCOMPARE(m_server->requestCount(), 0);
}

void tst_RefreshService::webPageIsNotAFeed()
{
    m_server->route(
        QStringLiteral("/page"),
        TestResponse::ok("<!DOCTYPE html><html><body>Hello</body></html>", "text/html"));
    const qint64 id = subscribe(m_server->url(QStringLiteral("/page")));
    QHash<qint64, RefreshResult> results;
    QVERIFY(refreshAll(&results));
    QCOMPARE(results.value(id).status, RefreshResult::Status::Error);
    QVERIFY2(results.value(id).error.startsWith(QLatin1String("not a feed")),
             qPrintable(results.value(id).error));

    m_server->route(QStringLiteral("/xml"),
                    TestResponse::ok("<?xml version=\"1.0\"?><config/>", "application/xml"));
    const qint64 xml = subscribe(m_server->url(QStringLiteral("/xml")));
    results.clear();
    QVERIFY(refresh([&] { m_service->refreshFeed(xml); }, &results));
    QVERIFY2(results.value(xml).error.startsWith(QLatin1String("not a feed")),
             qPrintable(results.value(xml).error));
}

void tst_RefreshService::brokenFeedIsAParseError()
{
    m_server->route(QStringLiteral("/broken"),
                    TestResponse::ok("<?xml version=\"1.0\"?>\n\n<rss version=\"2.0\"\n<channel>"));
    const qint64 id = subscribe(m_server->url(QStringLiteral("/broken")));
    QHash<qint64, RefreshResult> results;
    QVERIFY(refreshAll(&results));
    const RefreshResult result = results.value(id);
    QCOMPARE(result.status, RefreshResult::Status::Error);
    QVERIFY2(result.error.startsWith(QLatin1String("parse error at line 4")),
             qPrintable(result.error));
    QCOMPARE(m_cache->feeds().feed(id)->lastError, result.error);
    // Validators of a body that did not parse are not kept: the fixed feed comes in full.
    QVERIFY(m_cache->feeds().feed(id)->etag.isEmpty());
}

void tst_RefreshService::refreshesManyFeedsOnThreeHosts()
{
    std::vector<std::unique_ptr<TestHttpServer>> hosts;
    QList<qint64> ids;
    for (int host = 1; host <= 3; ++host) {
        auto server = std::make_unique<TestHttpServer>();
        QVERIFY(server->listen(QHostAddress(QStringLiteral("127.0.0.%1").arg(host))));
        for (int i = 0; i < 17; ++i) {
            const QString path = QStringLiteral("/feed%1").arg(i);
            server->route(path,
                          TestResponse::ok(rss(5, QStringLiteral("h%1f%2").arg(host).arg(i))));
            if (ids.size() < 50)
                ids << subscribe(server->url(path));
        }
        hosts.push_back(std::move(server));
    }
    QCOMPARE(ids.size(), 50);
    QSignalSpy progress(m_service.get(), &RefreshService::progressChanged);
    QHash<qint64, RefreshResult> results;
    QVERIFY(refreshAll(&results));
    QCOMPARE(results.size(), 50);
    for (qint64 id : ids) {
        QCOMPARE(results.value(id).status, RefreshResult::Status::Ok);
        QCOMPARE(results.value(id).added, 5);
    }
    QCOMPARE(progress.last(), (QVariantList{50, 50}));
    QCOMPARE(m_cache->articles().count(StoryFilter{}), 250);
    for (const auto &server : hosts)
        QVERIFY(server->maxConcurrentRequests() <= m_service->queue()->maxPerHost());
}

void tst_RefreshService::storesDuplicatesOnce()
{
    // The same item twice in one document with different text, as some feeds repeat a
    // pinned item: stored once, and not updated back and forth on every refresh.
    QByteArray doc = rss(3);
    const QByteArray item
        = "<item><guid>guid-a-1</guid><title>Story a 1</title>"
          "<link>http://example.org/a/1</link><description>Body 1 a</description></item>";
    doc.replace("</channel>", item + "</channel>");
    m_server->route(QStringLiteral("/feed"), TestResponse::ok(doc));
    const qint64 id = subscribe(m_server->url(QStringLiteral("/feed")));
    QHash<qint64, RefreshResult> results;
    QVERIFY(refreshAll(&results));
    QCOMPARE(results.value(id).added, 3);
    QCOMPARE(stories(id).size(), 3);
    results.clear();
    QVERIFY(refreshAll(&results));
    QCOMPARE(results.value(id).added, 0);
    QCOMPARE(results.value(id).updated, 0);
    QCOMPARE(stories(id).size(), 3);
}

void tst_RefreshService::keepsReadAndBookmarkAcrossUpdate()
{
    QByteArray body = rss(3, QStringLiteral("a"), QStringLiteral("first"));
    m_server->route(QStringLiteral("/feed"),
                    [&body](const RecordedRequest &) { return TestResponse::ok(body); });
    const qint64 id = subscribe(m_server->url(QStringLiteral("/feed")));
    QHash<qint64, RefreshResult> results;
    QVERIFY(refreshAll(&results));
    const StorySummary story = *storyByGuid(id, QStringLiteral("guid-a-2"));
    QVERIFY(m_cache->articles().setRead({story.id}, true));
    QVERIFY(m_cache->bookmarks().add(story.id, QStringLiteral("keep")));

    body = rss(3, QStringLiteral("a"), QStringLiteral("second"));
    results.clear();
    QVERIFY(refreshAll(&results));
    QCOMPARE(results.value(id).updated, 3);
    QCOMPARE(results.value(id).added, 0);
    const StorySummary after = *storyByGuid(id, QStringLiteral("guid-a-2"));
    QCOMPARE(after.id, story.id);
    QVERIFY(after.read);
    QVERIFY(after.bookmarked);
    QVERIFY(m_cache->articles().story(story.id)->text.contains(QLatin1String("second")));
}

void tst_RefreshService::retentionKeepsUnreadBookmarkedAndCurrent()
{
    QByteArray body = rss(6, QStringLiteral("old"));
    m_server->route(QStringLiteral("/feed"),
                    [&body](const RecordedRequest &) { return TestResponse::ok(body); });
    const qint64 id = subscribe(m_server->url(QStringLiteral("/feed")));
    QHash<qint64, RefreshResult> results;
    QVERIFY(refreshAll(&results));
    QList<qint64> all;
    for (const StorySummary &s : stories(id)) {
        if (s.guid != QLatin1String("guid-old-1")) // stays unread
            all << s.id;
    }
    QVERIFY(m_cache->articles().setRead(all, true));
    const qint64 bookmarked = storyByGuid(id, QStringLiteral("guid-old-2"))->id;
    QVERIFY(m_cache->bookmarks().add(bookmarked));

    RetentionPolicy policy;
    policy.global.maxCount = 100;
    policy.perFeed.insert(id, RetentionLimits{2, 0, true, true});
    m_service->setRetention(policy);
    body = rss(2, QStringLiteral("new"), {}, 10);
    results.clear();
    QVERIFY(refreshAll(&results));
    QCOMPARE(results.value(id).added, 2);
    QCOMPARE(results.value(id).removed, 4); // read, not bookmarked, not in the feed any more
    QStringList guids;
    for (const StorySummary &s : stories(id))
        guids << s.guid;
    guids.sort();
    QCOMPARE(guids,
             (QStringList{QStringLiteral("guid-new-1"), QStringLiteral("guid-new-2"),
                          QStringLiteral("guid-old-1"), QStringLiteral("guid-old-2")}));
    QCOMPARE(m_cache->bookmarks().bookmarks().size(), 1);
}

void tst_RefreshService::aSyncAccountsFeedIsLeftToItsServer()
{
    m_server->route(QStringLiteral("/local"), TestResponse::ok(rss(1, QStringLiteral("l"))));
    m_server->route(QStringLiteral("/remote"), TestResponse::ok(rss(1, QStringLiteral("r"))));
    const qint64 news = m_cache->feeds().folderForPath({QStringLiteral("News")});
    const qint64 local = subscribe(m_server->url(QStringLiteral("/local")), news);
    AccountStore accounts(m_cache->database().connection());
    const auto accountId = accounts.add(QStringLiteral("ttrss"),
                                        QStringLiteral("https://rss.example/"),
                                        QStringLiteral("reader"), nullptr);
    QVERIFY(accountId);
    // The same folder holds a feed of the account: its server fetches it, never Bulletin.
    const auto remote = accounts.ensureFeed(
        *accountId,
        AccountFeed{0, QStringLiteral("12"), QStringLiteral("Remote"),
                    m_server->url(QStringLiteral("/remote")).toString(), news});
    QVERIFY(remote);

    QHash<qint64, RefreshResult> results;
    QVERIFY(refreshAll(&results));
    QCOMPARE(results.keys(), QList<qint64>{local});
    results.clear();
    QVERIFY(refresh([&] { m_service->refreshFolder(news); }, &results));
    QCOMPARE(results.keys(), QList<qint64>{local});
    // Asked for by itself ("Refresh" on its row), it is not fetched here either.
    QSignalSpy started(m_service.get(), &RefreshService::refreshStarted);
    m_service->refreshFeed(*remote);
    QCOMPARE(started.count(), 0);
    QVERIFY(m_server->requestsTo(QStringLiteral("/remote")).isEmpty());
    // Its health shows no failed fetch of an address it does not have here.
    const auto record = m_cache->feeds().feed(*remote);
    QVERIFY(record);
    QCOMPARE(record->accountId, *accountId);
    QVERIFY(record->lastError.isEmpty());
    QVERIFY(!record->lastAttempt.isValid());
    QCOMPARE(record->failures, 0);

    // The subscriptions exported are this reader's own; the server's export lists its own.
    const QByteArray opml = OpmlService(*m_cache).exportOpml();
    QVERIFY(opml.contains("/local"));
    QVERIFY(!opml.contains("/remote"));
    QVERIFY(!opml.contains("Remote"));
}

void tst_RefreshService::refreshesOnlyFolderAndDueFeeds()
{
    m_server->route(QStringLiteral("/a"), TestResponse::ok(rss(1, QStringLiteral("a"))));
    m_server->route(QStringLiteral("/b"), TestResponse::ok(rss(1, QStringLiteral("b"))));
    m_server->route(QStringLiteral("/c"), TestResponse::ok(rss(1, QStringLiteral("c"))));
    const qint64 news = m_cache->feeds().folderForPath({QStringLiteral("News")});
    const qint64 europe = m_cache->feeds().folderForPath(
        {QStringLiteral("News"), QStringLiteral("Europe")});
    const qint64 a = subscribe(m_server->url(QStringLiteral("/a")), news);
    const qint64 b = subscribe(m_server->url(QStringLiteral("/b")), europe);
    const qint64 c = subscribe(m_server->url(QStringLiteral("/c")));
    QHash<qint64, RefreshResult> results;
    QVERIFY(refresh([&] { m_service->refreshFolder(news); }, &results));
    QCOMPARE(QSet<qint64>(results.keyBegin(), results.keyEnd()), (QSet<qint64>{a, b}));

    // Only c has never been fetched, so only c is due now.
    results.clear();
    QVERIFY(refresh([&] { m_service->refreshDue(); }, &results));
    QCOMPARE(results.keys(), QList<qint64>{c});
    QVERIFY(!m_service->isRefreshing());
    m_service->refreshDue();
    QVERIFY(!m_service->isRefreshing());
    // ...and all are due once their interval has passed.
    results.clear();
    QVERIFY(
        refresh([&] { m_service->refreshDue(QDateTime::currentDateTimeUtc().addSecs(2 * 3600)); },
                &results));
    QCOMPARE(results.size(), 3);
}

void tst_RefreshService::alertSourcesAreDueWithinMinutes()
{
    // A CAP feed and a news feed the user marked as an alert source are fetched again after a
    // few minutes, the CAP feed with a conditional GET; the other news feed waits its hour.
    const QByteArray alert
        = "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>FL-9</identifier>"
          "<sender>warnings@river-office.example</sender><sent>2026-12-07T06:00:00Z</sent>"
          "<status>Actual</status><msgType>Alert</msgType><scope>Public</scope><info><event>Flood</"
          "event>"
          "<severity>Severe</severity><headline>Flood warning for the "
          "quay</headline></info></alert>";
    m_server->route(QStringLiteral("/alert.cap"), [alert](const RecordedRequest &request) {
        if (request.header("If-None-Match") == "\"fl-9\"")
            return TestResponse::withStatus(304);
        return TestResponse::ok(alert, "application/cap+xml").withHeader("ETag", "\"fl-9\"");
    });
    m_server->route(QStringLiteral("/marked"), TestResponse::ok(rss(1, QStringLiteral("m"))));
    m_server->route(QStringLiteral("/news"), TestResponse::ok(rss(1, QStringLiteral("n"))));
    const qint64 cap = subscribe(m_server->url(QStringLiteral("/alert.cap")));
    const qint64 marked = subscribe(m_server->url(QStringLiteral("/marked")));
    const qint64 news = subscribe(m_server->url(QStringLiteral("/news")));
    QVERIFY(m_cache->feeds().setAlertSource(marked, true));
    QHash<qint64, RefreshResult> results;
    QVERIFY(refreshAll(&results));
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.value(cap).advisories, 1);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    results.clear();
    m_service->refreshDue(now.addSecs(4 * 60));
    QVERIFY(!m_service->isRefreshing()); // nothing is due before the alert interval
    QVERIFY(refresh([&] { m_service->refreshDue(now.addSecs(6 * 60)); }, &results));
    QCOMPARE(QSet<qint64>(results.keyBegin(), results.keyEnd()), (QSet<qint64>{cap, marked}));
    QCOMPARE(results.value(cap).status, RefreshResult::Status::NotModified);
    QCOMPARE(m_server->requestsTo(QStringLiteral("/alert.cap")).constLast().header("If-None-Match"),
             QByteArray("\"fl-9\""));
    QCOMPARE(m_server->requestsTo(QStringLiteral("/news")).size(), 1);

    // A 304 keeps the CAP feed on the short interval; the news feed is due after its hour.
    results.clear();
    QVERIFY(refresh([&] { m_service->refreshDue(now.addSecs(61 * 60)); }, &results));
    QCOMPARE(QSet<qint64>(results.keyBegin(), results.keyEnd()), (QSet<qint64>{cap, marked, news}));
}

void tst_RefreshService::cancelReportsEveryFeed()
{
    TestResponse slow = TestResponse::ok(rss(1));
    slow.delayBeforeHeadersMs = 3000;
    QList<qint64> ids;
    for (int i = 0; i < 5; ++i) {
        m_server->route(QStringLiteral("/slow%1").arg(i), slow);
        ids << subscribe(m_server->url(QStringLiteral("/slow%1").arg(i)));
    }
    QHash<qint64, RefreshResult> results;
    QVERIFY(refresh(
        [&] {
            m_service->refreshAll();
            m_service->cancel();
        },
        &results));
    QCOMPARE(results.size(), 5);
    for (qint64 id : ids) {
        QCOMPARE(results.value(id).status, RefreshResult::Status::Cancelled);
        QCOMPARE(m_cache->feeds().feed(id)->failures, 0); // a cancel is not the feed's fault
    }
}

void tst_RefreshService::subscribeDiscoversTheFeedOfAPage()
{
    m_server->route(QStringLiteral("/"),
                    TestResponse::ok("<!doctype html><html><head><title>Site</title>"
                                     "<link rel=\"stylesheet\" href=\"/style.css\">"
                                     "<link rel=\"alternate\" type=\"application/rss+xml\" "
                                     "title=\"News\" href=\"/news.xml?x=1&amp;y=2\">"
                                     "</head><body></body></html>",
                                     "text/html"));
    m_server->route(QStringLiteral("/news.xml"), TestResponse::ok(rss(3, QStringLiteral("news"))));
    SubscriptionService subscriptions(*m_cache, m_network.get(), m_service.get());
    QSignalSpy done(&subscriptions, &SubscriptionService::subscribed);
    QSignalSpy failed(&subscriptions, &SubscriptionService::subscribeFailed);
    subscriptions.subscribe(
        {m_server->url(QStringLiteral("/")).toString(), {QStringLiteral("Tech")}, {}});
    QVERIFY(done.wait(10000));
    QCOMPARE(failed.count(), 0);
    const qint64 id = done.first().at(0).toLongLong();
    const FeedRecord feed = *m_cache->feeds().feed(id);
    QCOMPARE(feed.url, m_server->url(QStringLiteral("/news.xml?x=1&y=2")).toString());
    QCOMPARE(feed.title, QStringLiteral("Feed news"));
    QCOMPARE(feed.folderId, m_cache->feeds().folderForPath({QStringLiteral("Tech")}));
    QCOMPARE(stories(id).size(), 3);
    QCOMPARE(m_server->requestsTo(QStringLiteral("/news.xml")).size(), 1); // fetched once
}

void tst_RefreshService::subscribeRefusesAPageWithoutFeed()
{
    m_server->route(QStringLiteral("/"),
                    TestResponse::ok("<html><body>No feed here</body></html>", "text/html"));
    m_server->route(QStringLiteral("/junk"),
                    TestResponse::ok("plain words, not a feed", "text/plain"));
    SubscriptionService subscriptions(*m_cache, m_network.get(), m_service.get());
    QSignalSpy failed(&subscriptions, &SubscriptionService::subscribeFailed);
    subscriptions.subscribe({m_server->url(QStringLiteral("/")).toString(), {}, {}});
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.last().at(0).toString().startsWith(QLatin1String("not a feed")),
             qPrintable(failed.last().at(0).toString()));
    subscriptions.subscribe({m_server->url(QStringLiteral("/junk")).toString(), {}, {}});
    QVERIFY(failed.wait(10000));
    QCOMPARE(m_cache->feeds().feeds().size(), 0); // nothing left behind
}

void tst_RefreshService::advisoryRulesApplyOnTheWorkerThread()
{
    // Rules saved through the GUI thread's cache are read by the writer's own connection.
    AdvisoryRules rules;
    rules.keywords = {QStringLiteral("beta")};
    QVERIFY(saveAdvisoryRules(*m_cache, rules));
    m_server->route(QStringLiteral("/alerts"), TestResponse::ok(rss(2, QStringLiteral("alpha"))));
    m_server->route(QStringLiteral("/news"), TestResponse::ok(rss(2, QStringLiteral("beta"))));
    m_server->route(QStringLiteral("/other"), TestResponse::ok(rss(2, QStringLiteral("gamma"))));
    const qint64 alerts = subscribe(m_server->url(QStringLiteral("/alerts")));
    const qint64 news = subscribe(m_server->url(QStringLiteral("/news")));
    const qint64 other = subscribe(m_server->url(QStringLiteral("/other")));
    QVERIFY(m_cache->feeds().setAlertSource(alerts, true));
    QHash<qint64, RefreshResult> results;
    QVERIFY(refreshAll(&results));
    QCOMPARE(results.value(other).added, 2);

    QHash<qint64, int> perFeed;
    for (const AdvisoryStore::Record &r :
         AdvisoryStore(m_cache->database().connection()).advisories(true)) {
        QCOMPARE(r.advisory.origin, QStringLiteral("rule"));
        ++perFeed[m_cache->articles().summary(r.storyId)->feedId];
    }
    QCOMPARE(perFeed.value(alerts), 2); // every story of the alert source
    QCOMPARE(perFeed.value(news), 2); // "Story beta N" matches the keyword
    QCOMPARE(perFeed.value(other), 0);
}

void tst_RefreshService::indexesForSearchAfterTheBatch()
{
    // Stories are stored first (readable at refreshFinished) and indexed for search after the
    // batch, in several small transactions when there are many.
    const qint64 a = subscribe(m_server->url(QStringLiteral("/a.xml")));
    const qint64 b = subscribe(m_server->url(QStringLiteral("/b.xml")));
    m_server->route(QStringLiteral("/a.xml"),
                    TestResponse::ok(rss(300, QStringLiteral("a"), QStringLiteral("kestrel"))));
    m_server->route(QStringLiteral("/b.xml"),
                    TestResponse::ok(rss(20, QStringLiteral("b"), QStringLiteral("kestrel"))));
    QSignalSpy indexed(m_service.get(), &RefreshService::indexingFinished);
    QSignalSpy merged(m_service.get(), &RefreshService::indexesMerged);
    QVERIFY(indexed.wait(5000)); // the start-up pass: nothing waited
    QVERIFY(merged.count() > 0 || merged.wait(5000));
    indexed.clear();
    merged.clear();
    const qint64 fileSize = QFileInfo(m_cache->database().path()).size();
    QHash<qint64, RefreshResult> results;
    QVERIFY(refreshAll(&results));
    QCOMPARE(results.value(a).added, 300);
    QCOMPARE(stories(b).size(), 20); // readable at once
    QVERIFY(indexed.count() > 0 || indexed.wait(20000));
    // Once it is all done, the refresh's pages are in the cache file itself, not only in
    // the write-ahead log (no connection copies them over after its commits).
    QVERIFY(merged.count() > 0 || merged.wait(20000));
    QVERIFY(QFileInfo(m_cache->database().path()).size() > fileSize);
    const SearchStore search(m_cache->database().connection());
    QCOMPARE(search.search(QStringLiteral("kestrel"), {}, 1000).size(), 320);
    QCOMPARE(m_cache->articles().pendingIndexCount(), 0);
    QSqlQuery check(m_cache->database().connection());
    QVERIFY(check.exec(
        QStringLiteral("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")));

    // A story updated while it waits is indexed with its final words; stories a stopped run
    // left unindexed are indexed by the next service.
    m_service.reset();
    m_cache->articles().setDeferIndexing(true);
    Article late;
    late.guid = QStringLiteral("late");
    late.title = QStringLiteral("Late story");
    late.text = QStringLiteral("osprey");
    late.published = QDateTime::currentDateTimeUtc();
    const qint64 lateId = m_cache->articles().upsert(a, late).id;
    late.text = QStringLiteral("harrier");
    QCOMPARE(m_cache->articles().upsert(a, late).id, lateId);
    m_cache->articles().setDeferIndexing(false);
    QVERIFY(search.search(QStringLiteral("harrier"), {}, 10).isEmpty());
    m_service = std::make_unique<RefreshService>(*m_cache, m_network.get());
    QSignalSpy startup(m_service.get(), &RefreshService::indexingFinished);
    QVERIFY(startup.wait(5000));
    QCOMPARE(search.search(QStringLiteral("harrier"), {}, 10).size(), 1);
    QVERIFY(search.search(QStringLiteral("osprey"), {}, 10).isEmpty());
    QVERIFY(check.exec(
        QStringLiteral("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")));
    // Deleting a story that waits, and one that is indexed, keeps the index whole.
    m_cache->articles().setDeferIndexing(true);
    late.guid = QStringLiteral("later");
    m_cache->articles().upsert(a, late);
    m_cache->articles().setDeferIndexing(false);
    QVERIFY(m_cache->feeds().remove(a));
    QCOMPARE(search.search(QStringLiteral("kestrel"), {}, 1000).size(), 20);
    QCOMPARE(m_cache->articles().pendingIndexCount(), 0);
    QVERIFY(check.exec(
        QStringLiteral("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")));
}

void tst_RefreshService::bareCapAlertIsNamedAfterItsSender()
{
    // A single CAP document has no title: it is named after its sender, not its host.
    m_server->route(
        QStringLiteral("/alert.cap"),
        TestResponse::ok(
            "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>Q1</identifier>"
            "<sender>quakes@example.org</sender><sent>2024-05-01T10:00:00Z</sent>"
            "<status>Actual</status><msgType>Alert</msgType><scope>Public</scope><info>"
            "<event>Earthquake</event><senderName>Pacific Tsunami Warning Center</senderName>"
            "<headline>EQ 6.3 near Tonga</headline></info></alert>"));
    const qint64 id = *m_cache->feeds().addSubscription(
        m_server->url(QStringLiteral("/alert.cap")).toString(), {});
    QHash<qint64, RefreshResult> results;
    QVERIFY(refreshAll(&results));
    QCOMPARE(results.value(id).added, 1);
    QCOMPARE(m_cache->feeds().feed(id)->title, QStringLiteral("Pacific Tsunami Warning Center"));
}

void tst_RefreshService::undatedStoriesAreNoNewerThanTheirDocument()
{
    // A hand-made feed without dates, served as a file last changed in 2015: its story sorts
    // below news of 2024, not above everything as if it were new.
    m_server->route(QStringLiteral("/news"), TestResponse::ok(rss(1)));
    m_server->route(
        QStringLiteral("/static.xml"),
        TestResponse::ok("<rss><channel><title>Static</title><item><title>Undated post</title>"
                         "<link>http://example.org/post</link></item></channel></rss>")
            .withHeader("Last-Modified", "Tue, 15 Sep 2015 10:00:00 GMT"));
    const qint64 news = subscribe(m_server->url(QStringLiteral("/news")));
    const qint64 undated = subscribe(m_server->url(QStringLiteral("/static.xml")));
    QHash<qint64, RefreshResult> results;
    QVERIFY(refreshAll(&results));
    QCOMPARE(results.value(undated).added, 1);
    const QList<StorySummary> all = m_cache->articles().stories({}, std::nullopt, 10);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).feedId, news);
    QCOMPARE(all.at(1).title, QStringLiteral("Undated post"));
    QCOMPARE(all.at(1).sortDate,
             QDateTime(QDate(2015, 9, 15), QTime(10, 0), Qt::UTC).toSecsSinceEpoch());
    QVERIFY(!all.at(1).published.isValid());
}

QTEST_GUILESS_MAIN(tst_RefreshService)
#include "tst_refreshservice.moc"
