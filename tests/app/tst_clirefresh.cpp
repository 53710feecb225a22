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

const QByteArray kFeed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loopback News</title>"
                         "<item><guid>one</guid><title>One</title><description>First</description></item>"
                         "<item><guid>two</guid><title>Two</title><description>Second</description></item>"
                         "</channel></rss>";

} // namespace

// `bulletin subscribe` and `bulletin refresh` through the real executable.
class TestCliRefresh final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void subscribeFollowsThePageToItsFeed();
    void refreshPrintsJson();
    void refreshReportsFailures();
    void refusesBadArguments();

private:
    int run(const QStringList &arguments, QByteArray *out = nullptr, QByteArray *err = nullptr);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestHttpServer> m_server;
};

void TestCliRefresh::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
    m_server->route(QStringLiteral("/"), TestResponse::ok(
        "<html><head><link rel=alternate type=application/rss+xml href=/feed.xml></head></html>", "text/html"));
    m_server->route(QStringLiteral("/feed.xml"), TestResponse::ok(kFeed).withHeader("ETag", "\"1\""));
}

int TestCliRefresh::run(const QStringList &arguments, QByteArray *out, QByteArray *err)
{
    QProcess process;
    process.start(QStringLiteral(BULLETIN_EXECUTABLE),
                  QStringList{QStringLiteral("--cache"), m_dir->filePath(QStringLiteral("c.db"))} + arguments);
    if (!process.waitForFinished(60'000))
        return -1;
    if (out)
        *out = process.readAllStandardOutput();
    if (err)
        *err = process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

void TestCliRefresh::subscribeFollowsThePageToItsFeed()
{
    QByteArray out;
    QCOMPARE(run({QStringLiteral("subscribe"), m_server->url().toString(), QStringLiteral("--folder"),
                  QStringLiteral("News/Local"), QStringLiteral("--json")}, &out), 0);
    const QJsonObject result = QJsonDocument::fromJson(out).object();
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(result.value(QStringLiteral("new")).toInt(), 2);
    QCOMPARE(result.value(QStringLiteral("title")).toString(), QStringLiteral("Loopback News"));
    QCOMPARE(result.value(QStringLiteral("url")).toString(), m_server->url(QStringLiteral("/feed.xml")).toString());
}

void TestCliRefresh::refreshPrintsJson()
{
    QCOMPARE(run({QStringLiteral("subscribe"), m_server->url(QStringLiteral("/feed.xml")).toString()}), 0);
    QByteArray out;
    QCOMPARE(run({QStringLiteral("refresh"), QStringLiteral("--json")}, &out), 0);
    const QJsonObject printed = QJsonDocument::fromJson(out).object();
    const QJsonArray feeds = printed.value(QStringLiteral("feeds")).toArray();
    QCOMPARE(feeds.size(), 1);
    // When the stories were readable, when they were indexed for search, and when the
    // indexes were merged: in that order.
    const QJsonObject timing = printed.value(QStringLiteral("timing")).toObject();
    QVERIFY(timing.value(QStringLiteral("stored_ms")).isDouble());
    QVERIFY(timing.value(QStringLiteral("indexed_ms")).toDouble(-1) >= timing.value(QStringLiteral("stored_ms")).toDouble());
    QVERIFY(timing.value(QStringLiteral("merged_ms")).toDouble(-1) >= timing.value(QStringLiteral("indexed_ms")).toDouble());
    const QJsonObject feed = feeds.first().toObject();
    for (const char *key : {"id", "url", "status", "new", "updated", "error"})
        QVERIFY2(feed.contains(QLatin1String(key)), key);
    // The server's ETag came back as If-None-Match; this server ignores it and sends all
    // again, which changes nothing.
    QCOMPARE(feed.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(feed.value(QStringLiteral("new")).toInt(), 0);
    QCOMPARE(feed.value(QStringLiteral("updated")).toInt(), 0);
    QVERIFY(feed.value(QStringLiteral("error")).isNull());
    QCOMPARE(m_server->requestsTo(QStringLiteral("/feed.xml")).last().header("If-None-Match"), QByteArray("\"1\""));
}

void TestCliRefresh::refreshReportsFailures()
{
    QCOMPARE(run({QStringLiteral("subscribe"), m_server->url(QStringLiteral("/feed.xml")).toString()}), 0);
    m_server->route(QStringLiteral("/feed.xml"), TestResponse::withStatus(404));
    QByteArray out;
    QByteArray err;
    QCOMPARE(run({QStringLiteral("refresh"), QStringLiteral("--json"), QStringLiteral("--feed"), QStringLiteral("1")},
                 &out, &err),
             1);
    const QJsonObject feed =
        QJsonDocument::fromJson(out).object().value(QStringLiteral("feeds")).toArray().first().toObject();
    QCOMPARE(feed.value(QStringLiteral("status")).toString(), QStringLiteral("error"));
    QCOMPARE(feed.value(QStringLiteral("error")).toString(), QStringLiteral("HTTP 404"));
    QVERIFY2(err.contains("bulletin: 1 of 1 feeds did not refresh"), err.constData());
}

void TestCliRefresh::refusesBadArguments()
{
    QByteArray err;
    QCOMPARE(run({QStringLiteral("subscribe")}, nullptr, &err), 1);
    QVERIFY(err.contains("usage"));
    QCOMPARE(run({QStringLiteral("refresh"), QStringLiteral("--feed"), QStringLiteral("x")}, nullptr, &err), 1);
    QCOMPARE(run({QStringLiteral("refresh"), QStringLiteral("--feed"), QStringLiteral("99")}, nullptr, &err), 1);
    QVERIFY2(err.contains("no feed with id 99"), err.constData());
    QCOMPARE(run({QStringLiteral("subscribe"), m_server->url(QStringLiteral("/missing")).toString()}, nullptr, &err), 1);
    QVERIFY2(err.contains("HTTP 404"), err.constData());
}

QTEST_GUILESS_MAIN(TestCliRefresh)
#include "tst_clirefresh.moc"
