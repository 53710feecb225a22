#include "support/scratchmount.h"
#include "support/testdata.h"
#include "support/testhttpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace bulletin;
using namespace bulletin::test;

namespace {

const QByteArray kFeed
    = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loopback News</title>"
      "<item><guid>one</guid><title>One</title><description>First</description></item>"
      "<item><guid>two</guid><title>Two</title><description>Second</description></item>"
      "</channel></rss>";

const QByteArray kAlerts
    = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
      "<title>Civil Protection</title><id>urn:alerts</id><updated>2026-12-01T10:00:00Z</updated>"
      "<entry><id>urn:a1</id><title>Flood warning</title><updated>2026-12-01T10:00:00Z</updated>"
      "<summary>The river is rising.</summary></entry></feed>";

// A page that announces three feeds; the third is gone from its server.
const QByteArray kPage
    = "<html><head>"
      "<link rel=alternate type=application/rss+xml title=\"Loopback: all news\" href=/feed.xml>"
      "<link rel=alternate type=application/atom+xml title=\"Civil protection alerts\" "
      "href=/alerts.atom>"
      "<link rel=alternate type=application/rss+xml title=\"Old archive\" href=/archive.rss>"
      "</head></html>";

} // namespace

// `bulletin subscribe` and `bulletin refresh` through the real executable.
class tst_CliRefresh final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void subscribeFollowsThePageToItsFeed();
    void aPageWithSeveralFeedsIsListedNotGuessed();
    void pickTakesTheNthFeed();
    void subscribeSaysHowManyStoriesInWords();
    void allTakesEveryFeedAndSaysWhichFailed();
    void refusesBadPicks_data();
    void refusesBadPicks();
    void refreshPrintsJson();
    void refreshReportsFailures();
    void refusesBadArguments();
    void refreshOnAFullDiskSaysSoAndKeepsTheCache();

private:
    int run(const QStringList &arguments, QByteArray *out = nullptr, QByteArray *err = nullptr);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestHttpServer> m_server;
};

void tst_CliRefresh::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
    m_server->route(QStringLiteral("/"),
                    TestResponse::ok("<html><head><link rel=alternate type=application/rss+xml "
                                     "href=/feed.xml></head></html>",
                                     "text/html"));
    m_server->route(QStringLiteral("/feed.xml"),
                    TestResponse::ok(kFeed).withHeader("ETag", "\"1\""));
    m_server->route(QStringLiteral("/alerts.atom"),
                    TestResponse::ok(kAlerts, "application/atom+xml"));
    m_server->route(QStringLiteral("/city"), TestResponse::ok(kPage, "text/html"));
}

int tst_CliRefresh::run(const QStringList &arguments, QByteArray *out, QByteArray *err)
{
    QProcess process;
    process.start(QStringLiteral(BULLETIN_EXECUTABLE),
                  QStringList{QStringLiteral("--cache"), m_dir->filePath(QStringLiteral("c.db"))}
                      + arguments);
    if (!process.waitForFinished(60'000))
        return -1;
    if (out)
        *out = process.readAllStandardOutput();
    if (err)
        *err = process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

void tst_CliRefresh::subscribeFollowsThePageToItsFeed()
{
    QByteArray out;
    QCOMPARE(
        run({QStringLiteral("subscribe"), m_server->url().toString(), QStringLiteral("--folder"),
             QStringLiteral("News/Local"), QStringLiteral("--json")},
            &out),
        0);
    const QJsonObject result = QJsonDocument::fromJson(out).object();
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(result.value(QStringLiteral("new")).toInt(), 2);
    QCOMPARE(result.value(QStringLiteral("title")).toString(), QStringLiteral("Loopback News"));
    QCOMPARE(result.value(QStringLiteral("url")).toString(),
             m_server->url(QStringLiteral("/feed.xml")).toString());
}

void tst_CliRefresh::aPageWithSeveralFeedsIsListedNotGuessed()
{
    const QString page = m_server->url(QStringLiteral("/city")).toString();
    QByteArray out;
    QByteArray err;
    QCOMPARE(run({QStringLiteral("subscribe"), page}, &out, &err), 1);
    const QList<QByteArray> lines = out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0),
             "1  Loopback: all news (RSS)  <"
                 + m_server->url(QStringLiteral("/feed.xml")).toString().toUtf8() + ">");
    QVERIFY(lines.at(1).startsWith("2  Civil protection alerts (Atom)  <"));
    QVERIFY(lines.at(2).startsWith("3  Old archive (RSS)  <"));
    QVERIFY2(err.trimmed().split('\n').last().endsWith(
                 "offers 3 feeds: choose one with --pick N, or take them all with --all"),
             err.constData());
    // Nothing was subscribed: the feed was not fetched.
    QVERIFY(m_server->requestsTo(QStringLiteral("/feed.xml")).isEmpty());

    QCOMPARE(run({QStringLiteral("subscribe"), page, QStringLiteral("--json")}, &out), 1);
    const QJsonObject listed = QJsonDocument::fromJson(out).object();
    QCOMPARE(listed.value(QStringLiteral("page")).toString(), page);
    const QJsonArray feeds = listed.value(QStringLiteral("feeds")).toArray();
    QCOMPARE(feeds.size(), 3);
    QCOMPARE(feeds.at(1).toObject().value(QStringLiteral("n")).toInt(), 2);
    QCOMPARE(feeds.at(1).toObject().value(QStringLiteral("title")).toString(),
             QStringLiteral("Civil protection alerts"));
    QCOMPARE(feeds.at(1).toObject().value(QStringLiteral("format")).toString(),
             QStringLiteral("Atom"));
    QCOMPARE(feeds.at(1).toObject().value(QStringLiteral("url")).toString(),
             m_server->url(QStringLiteral("/alerts.atom")).toString());
}

void tst_CliRefresh::pickTakesTheNthFeed()
{
    QByteArray out;
    QCOMPARE(run({QStringLiteral("subscribe"), m_server->url(QStringLiteral("/city")).toString(),
                  QStringLiteral("--pick"), QStringLiteral("2"), QStringLiteral("--json")},
                 &out),
             0);
    const QJsonObject result = QJsonDocument::fromJson(out).object();
    QCOMPARE(result.value(QStringLiteral("title")).toString(), QStringLiteral("Civil Protection"));
    QCOMPARE(result.value(QStringLiteral("new")).toInt(), 1);
    QVERIFY(m_server->requestsTo(QStringLiteral("/feed.xml")).isEmpty());
}

void tst_CliRefresh::subscribeSaysHowManyStoriesInWords()
{
    // The line a person reads: "1 new story", "2 new stories".
    QByteArray out;
    QCOMPARE(
        run({QStringLiteral("subscribe"), m_server->url(QStringLiteral("/alerts.atom")).toString()},
            &out),
        0);
    QVERIFY2(out.trimmed().endsWith(": 1 new story"), out.constData());
    QCOMPARE(
        run({QStringLiteral("subscribe"), m_server->url(QStringLiteral("/feed.xml")).toString()},
            &out),
        0);
    QVERIFY2(out.trimmed().endsWith(": 2 new stories"), out.constData());
}

void tst_CliRefresh::allTakesEveryFeedAndSaysWhichFailed()
{
    QByteArray out;
    QByteArray err;
    QCOMPARE(run({QStringLiteral("subscribe"), m_server->url(QStringLiteral("/city")).toString(),
                  QStringLiteral("--all"), QStringLiteral("--json")},
                 &out, &err),
             1);
    const QJsonArray feeds
        = QJsonDocument::fromJson(out).object().value(QStringLiteral("feeds")).toArray();
    QCOMPARE(feeds.size(), 3);
    QCOMPARE(feeds.at(0).toObject().value(QStringLiteral("title")).toString(),
             QStringLiteral("Loopback News"));
    QCOMPARE(feeds.at(1).toObject().value(QStringLiteral("title")).toString(),
             QStringLiteral("Civil Protection"));
    QCOMPARE(feeds.at(2).toObject().value(QStringLiteral("status")).toString(),
             QStringLiteral("error"));
    QVERIFY(feeds.at(2)
                .toObject()
                .value(QStringLiteral("error"))
                .toString()
                .contains(QStringLiteral("404")));
    QVERIFY2(err.contains("archive.rss: HTTP 404"), err.constData());
    QVERIFY2(err.contains("1 of 3 feeds could not be subscribed"), err.constData());
    // Both subscriptions are there for the next refresh.
    QCOMPARE(run({QStringLiteral("refresh"), QStringLiteral("--json")}, &out), 0);
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("feeds")).toArray().size(),
             2);
}

void tst_CliRefresh::refusesBadPicks_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QByteArray>("error");
    QTest::newRow("zero") << QStringList{QStringLiteral("--pick"), QStringLiteral("0")}
                          << QByteArray("--pick needs the number");
    QTest::newRow("not a number") << QStringList{QStringLiteral("--pick"), QStringLiteral("two")}
                                  << QByteArray("not \"two\"");
    QTest::newRow("beyond the list") << QStringList{QStringLiteral("--pick"), QStringLiteral("4")}
                                     << QByteArray("offers 3 feeds");
    QTest::newRow("pick and all") << QStringList{QStringLiteral("--pick"), QStringLiteral("1"),
                                                 QStringLiteral("--all")}
                                  << QByteArray("cannot go together");
}

void tst_CliRefresh::refusesBadPicks()
{
    QFETCH(QStringList, options);
    QFETCH(QByteArray, error);
    QByteArray err;
    QCOMPARE(run(QStringList{QStringLiteral("subscribe"),
                             m_server->url(QStringLiteral("/city")).toString()}
                     + options,
                 nullptr, &err),
             1);
    QVERIFY2(err.trimmed().split('\n').last().contains(error), err.constData());
}

void tst_CliRefresh::refreshPrintsJson()
{
    QCOMPARE(
        run({QStringLiteral("subscribe"), m_server->url(QStringLiteral("/feed.xml")).toString()}),
        0);
    QByteArray out;
    QCOMPARE(run({QStringLiteral("refresh"), QStringLiteral("--json")}, &out), 0);
    const QJsonObject printed = QJsonDocument::fromJson(out).object();
    const QJsonArray feeds = printed.value(QStringLiteral("feeds")).toArray();
    QCOMPARE(feeds.size(), 1);
    // When the stories were readable, when they were indexed for search, and when the
    // indexes were merged: in that order.
    const QJsonObject timing = printed.value(QStringLiteral("timing")).toObject();
    QVERIFY(timing.value(QStringLiteral("stored_ms")).isDouble());
    QVERIFY(timing.value(QStringLiteral("indexed_ms")).toDouble(-1)
            >= timing.value(QStringLiteral("stored_ms")).toDouble());
    QVERIFY(timing.value(QStringLiteral("merged_ms")).toDouble(-1)
            >= timing.value(QStringLiteral("indexed_ms")).toDouble());
    const QJsonObject feed = feeds.first().toObject();
    for (const char *key : {"id", "url", "status", "new", "updated", "error"})
        QVERIFY2(feed.contains(QLatin1String(key)), key);
    // The server's ETag came back as If-None-Match; this server ignores it and sends all
    // again, which changes nothing.
    QCOMPARE(feed.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(feed.value(QStringLiteral("new")).toInt(), 0);
    QCOMPARE(feed.value(QStringLiteral("updated")).toInt(), 0);
    QVERIFY(feed.value(QStringLiteral("error")).isNull());
    QCOMPARE(m_server->requestsTo(QStringLiteral("/feed.xml")).last().header("If-None-Match"),
             QByteArray("\"1\""));
}

void tst_CliRefresh::refreshReportsFailures()
{
    QCOMPARE(
        run({QStringLiteral("subscribe"), m_server->url(QStringLiteral("/feed.xml")).toString()}),
        0);
    m_server->route(QStringLiteral("/feed.xml"), TestResponse::withStatus(404));
    QByteArray out;
    QByteArray err;
    QCOMPARE(run({QStringLiteral("refresh"), QStringLiteral("--json"), QStringLiteral("--feed"),
                  QStringLiteral("1")},
                 &out, &err),
             1);
    const QJsonObject feed = QJsonDocument::fromJson(out)
                                 .object()
                                 .value(QStringLiteral("feeds"))
                                 .toArray()
                                 .first()
                                 .toObject();
    QCOMPARE(feed.value(QStringLiteral("status")).toString(), QStringLiteral("error"));
    QCOMPARE(feed.value(QStringLiteral("error")).toString(), QStringLiteral("HTTP 404"));
    QVERIFY2(err.contains("bulletin: 1 of 1 feeds did not refresh"), err.constData());
}

void tst_CliRefresh::refusesBadArguments()
{
    QByteArray err;
    QCOMPARE(run({QStringLiteral("subscribe")}, nullptr, &err), 1);
    QVERIFY(err.contains("usage"));
    QCOMPARE(run({QStringLiteral("refresh"), QStringLiteral("--feed"), QStringLiteral("x")},
                 nullptr, &err),
             1);
    QCOMPARE(run({QStringLiteral("refresh"), QStringLiteral("--feed"), QStringLiteral("99")},
                 nullptr, &err),
             1);
    QVERIFY2(err.contains("no feed with id 99"), err.constData());
    QCOMPARE(
        run({QStringLiteral("subscribe"), m_server->url(QStringLiteral("/missing")).toString()},
            nullptr, &err),
        1);
    QVERIFY2(err.contains("HTTP 404"), err.constData());
}

void tst_CliRefresh::refreshOnAFullDiskSaysSoAndKeepsTheCache()
{
    ScratchMount mount(6 * 1024 * 1024);
    if (!mount.isMounted())
        QSKIP(qPrintable(mount.skipReason()));
    const QString cache = mount.filePath(QStringLiteral("c.db"));
    const auto bulletin = [&cache](const QStringList &arguments, QByteArray *out = nullptr,
                                   QByteArray *err = nullptr) {
        QProcess process;
        process.start(QStringLiteral(BULLETIN_EXECUTABLE),
                      QStringList{QStringLiteral("--cache"), cache} + arguments);
        if (!process.waitForFinished(60'000))
            return -1;
        if (out)
            *out = process.readAllStandardOutput();
        if (err)
            *err = process.readAllStandardError();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    };
    QCOMPARE(bulletin({QStringLiteral("subscribe"),
                       m_server->url(QStringLiteral("/feed.xml")).toString()}),
             0);
    QCOMPARE(bulletin({QStringLiteral("bookmark"), QStringLiteral("1")}), 0);
    // The feed grows to about 2 MB, with a quarter of a megabyte left on the disk. Its letters
    // do not repeat: the cache stores texts compressed, and they must not fit.
    QByteArray big
        = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loopback News</title>";
    QRandomGenerator letters(26);
    for (int i = 0; i < 400; ++i)
        big += "<item><guid>big" + QByteArray::number(i) + "</guid><title>Big "
            + QByteArray::number(i) + "</title><description>"
            + lettersThatDoNotRepeat(5000, letters) + "</description></item>";
    big += "</channel></rss>";
    m_server->route(QStringLiteral("/feed.xml"), TestResponse::ok(big));
    QVERIFY(mount.fill(256 * 1024));

    QByteArray out;
    QByteArray err;
    QCOMPARE(bulletin({QStringLiteral("refresh"), QStringLiteral("--json")}, &out, &err), 1);
    const QJsonObject feed = QJsonDocument::fromJson(out)
                                 .object()
                                 .value(QStringLiteral("feeds"))
                                 .toArray()
                                 .first()
                                 .toObject();
    QCOMPARE(feed.value(QStringLiteral("status")).toString(), QStringLiteral("error"));
    QVERIFY2(
        feed.value(QStringLiteral("error")).toString().contains(QLatin1String("the disk is full")),
        out.constData());
    QCOMPARE(feed.value(QStringLiteral("new")).toInt(), 0);

    // What was there before is there, and the next refresh with room stores the feed.
    QVERIFY(mount.fill(0));
    QCOMPARE(bulletin({QStringLiteral("list"), QStringLiteral("--json")}, &out), 0);
    QCOMPARE(
        QJsonDocument::fromJson(out).object().value(QStringLiteral("stories")).toArray().size(), 2);
    QCOMPARE(bulletin({QStringLiteral("bookmarks"), QStringLiteral("--json")}, &out), 0);
    QCOMPARE(
        QJsonDocument::fromJson(out).object().value(QStringLiteral("bookmarks")).toArray().size(),
        1);
    QCOMPARE(bulletin({QStringLiteral("refresh")}), 0);
}

QTEST_GUILESS_MAIN(tst_CliRefresh)
#include "tst_clirefresh.moc"
