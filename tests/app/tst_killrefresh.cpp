#include "storage/cache.h"
#include "support/testhttpserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <memory>
#include <vector>

using namespace bulletin;
using namespace bulletin::test;

namespace {

constexpr int kHosts = 4;
constexpr int kFeeds = 100;
constexpr int kItems = 50;
constexpr int kMinRounds = 20;

// Feed n in round r: the same 50 guids each round with new text (updates), plus items that
// are new in this round (inserts), so every round writes.
QByteArray feedBody(int feed, int round)
{
    QByteArray xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed "
        + QByteArray::number(feed) + "</title><link>http://example.org/</link>";
    for (int i = 0; i < kItems; ++i) {
        const bool fresh = i < 3;
        const QByteArray guid = fresh
            ? "f" + QByteArray::number(feed) + "-r" + QByteArray::number(round) + "-"
                + QByteArray::number(i)
            : "f" + QByteArray::number(feed) + "-" + QByteArray::number(i);
        xml += "<item><guid>" + guid + "</guid><title>Story " + guid
            + "</title><link>http://example.org/" + guid + "</link><description>Round "
            + QByteArray::number(round)
            + " text of the story, long enough to make the write take a little while. "
              "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod "
              "tempor.</description>"
              "</item>";
    }
    return xml + "</channel></rss>";
}

} // namespace

class tst_KillRefresh final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cacheSurvivesKillsDuringRefresh();
    void theWindowWritesWhileARefreshWrites();

private:
    bool runRefresh(int timeoutMs);
    std::unique_ptr<Cache> openCache();

    QTemporaryDir m_dir;
    QString m_cachePath;
    qint64 m_wholeMs = 0;
    std::vector<std::unique_ptr<TestHttpServer>> m_servers;
    std::shared_ptr<std::atomic<int>> m_round = std::make_shared<std::atomic<int>>(0);
};

std::unique_ptr<Cache> tst_KillRefresh::openCache()
{
    QString error;
    auto cache = Cache::open(m_cachePath, &error);
    if (!cache)
        qWarning("cannot open the cache: %s", qPrintable(error));
    return cache;
}

bool tst_KillRefresh::runRefresh(int timeoutMs)
{
    QProcess process;
    process.start(QStringLiteral(BULLETIN_EXECUTABLE),
                  {QStringLiteral("--cache"), m_cachePath, QStringLiteral("refresh"),
                   QStringLiteral("--json")});
    return process.waitForFinished(timeoutMs) && process.exitStatus() == QProcess::NormalExit
        && process.exitCode() == 0;
}

void tst_KillRefresh::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cachePath = m_dir.filePath(QStringLiteral("cache.db"));
    for (int host = 1; host <= kHosts; ++host) {
        auto server = std::make_unique<TestHttpServer>();
        QVERIFY(server->listen(QHostAddress(QStringLiteral("127.0.0.%1").arg(host))));
        m_servers.push_back(std::move(server));
    }
    auto cache = openCache();
    QVERIFY(cache);
    for (int feed = 0; feed < kFeeds; ++feed) {
        TestHttpServer &server = *m_servers[size_t(feed % kHosts)];
        const QString path = QStringLiteral("/feed%1").arg(feed);
        server.route(path, [feed, round = m_round](const RecordedRequest &) {
            return TestResponse::ok(feedBody(feed, round->load()));
        });
        QVERIFY(cache->feeds().addSubscription(server.url(path).toString(),
                                               QStringLiteral("Feed %1").arg(feed)));
    }
    cache.reset();
    // One whole refresh first, so there are stories to read and bookmark; timed, so kills
    // can land across all of a refresh: start-up, fetching, writing.
    QElapsedTimer whole;
    whole.start();
    QVERIFY(runRefresh(60'000));
    m_wholeMs = whole.elapsed();
}

void tst_KillRefresh::cacheSurvivesKillsDuringRefresh()
{
    const quint32 seed = qEnvironmentVariableIsSet("BULLETIN_KILL_SEED")
        ? quint32(qEnvironmentVariableIntValue("BULLETIN_KILL_SEED"))
        : quint32(QDateTime::currentMSecsSinceEpoch());
    qInfo("kill test seed %u (set BULLETIN_KILL_SEED to repeat)", seed);
    QRandomGenerator random(seed);

    // Capped so that twenty rounds stay within about a minute on a busy machine.
    const int span = int(std::clamp<qint64>(m_wholeMs * 5 / 4, 200, 2000));
    qInfo("a whole refresh took %lld ms; killing within 0-%d ms", m_wholeMs, span);

    int stories = 0;
    int roundsThatWrote = 0;
    QList<qint64> readIds;
    QList<qint64> bookmarkedIds;
    QElapsedTimer budget;
    budget.start();
    int round = 0;
    for (; round < kMinRounds; ++round) {
        {
            // The user reads and bookmarks between refreshes.
            auto cache = openCache();
            QVERIFY(cache);
            const QList<StorySummary> list = cache->articles().stories(StoryFilter{}, std::nullopt,
                                                                       5000);
            QVERIFY(!list.isEmpty());
            const qint64 toRead = list.at(int(random.bounded(quint32(list.size())))).id;
            const qint64 toBookmark = list.at(int(random.bounded(quint32(list.size())))).id;
            QVERIFY(cache->articles().setRead({toRead}, true));
            readIds << toRead;
            if (!bookmarkedIds.contains(toBookmark)) {
                QVERIFY(cache->bookmarks().add(toBookmark, QStringLiteral("round %1").arg(round)));
                bookmarkedIds << toBookmark;
            }
        }

        ++*m_round;
        const int delay = int(random.bounded(quint32(span)));
        QProcess process;
        process.start(QStringLiteral(BULLETIN_EXECUTABLE),
                      {QStringLiteral("--cache"), m_cachePath, QStringLiteral("refresh")});
        QVERIFY(process.waitForStarted(10'000));
        // The kill's moment is the point of this test, so here a timed wait is the tool.
        process.waitForFinished(delay);
        const bool killed = process.state() != QProcess::NotRunning;
        process.kill(); // SIGKILL: no handler, no cleanup, like a crash or a power cut
        // waitForFinished() is false for a process that had already finished.
        QVERIFY(!killed || process.waitForFinished(10'000));
        auto cache = openCache();
        QVERIFY2(cache, "the cache must open after a kill");
        // Each round's feeds carry new items, so a growing count shows the kill hit writes.
        const int count = cache->articles().count(StoryFilter{});
        qInfo("round %d: %s after %d ms; %d stories (+%d)", round,
              killed ? "killed" : "finished before the kill", delay, count, count - stories);
        if (round > 0 && count > stories)
            ++roundsThatWrote;
        stories = count;
        QSqlQuery check(cache->database().connection());
        QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")));
        QVERIFY(check.next());
        QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
        for (qint64 id : std::as_const(readIds)) {
            const std::optional<StorySummary> story = cache->articles().summary(id);
            QVERIFY2(story, qPrintable(QStringLiteral("story %1 is gone").arg(id)));
            QVERIFY2(story->read,
                     qPrintable(QStringLiteral("story %1 lost its read mark").arg(id)));
        }
        QList<qint64> stillBookmarked;
        for (const BookmarkRecord &bookmark : cache->bookmarks().bookmarks()) {
            if (bookmark.articleId)
                stillBookmarked << *bookmark.articleId;
        }
        for (qint64 id : std::as_const(bookmarkedIds))
            QVERIFY2(stillBookmarked.contains(id),
                     qPrintable(QStringLiteral("bookmark of %1 lost").arg(id)));
    }
    qInfo("%d rounds in %lld ms, %d of them stored stories before the kill", round,
          budget.elapsed(), roundsThatWrote);
    QVERIFY2(roundsThatWrote > 0, "no round got as far as writing: the kills tested nothing");
}

void tst_KillRefresh::theWindowWritesWhileARefreshWrites()
{
    // Two processes write at once: `bulletin refresh` stores every feed while this one, as
    // the window does, marks stories read and bookmarks them, each in a transaction of its
    // own. Each waits for the other's lock; none of the writes fails or is lost.
    ++*m_round;
    QList<qint64> ids;
    {
        auto cache = openCache();
        QVERIFY(cache);
        for (const StorySummary &story :
             cache->articles().stories(StoryFilter{}, std::nullopt, 5000)) {
            if (!story.bookmarked)
                ids << story.id;
        }
    }
    const int before = [this] { return openCache()->articles().count(StoryFilter{}); }();
    QProcess process;
    process.start(QStringLiteral(BULLETIN_EXECUTABLE),
                  {QStringLiteral("--cache"), m_cachePath, QStringLiteral("refresh"),
                   QStringLiteral("--json")});
    QVERIFY(process.waitForStarted(10'000));
    auto cache = openCache();
    QVERIFY(cache);
    QList<qint64> written;
    for (const qint64 id : std::as_const(ids)) {
        if (process.state() == QProcess::NotRunning && written.size() >= 20)
            break;
        QVERIFY2(cache->articles().setRead({id}, id % 2 == 0),
                 qPrintable(QStringLiteral("marking %1").arg(id)));
        QVERIFY2(cache->bookmarks().add(id, QStringLiteral("while refreshing")),
                 qPrintable(QStringLiteral("bookmarking %1").arg(id)));
        written << id;
    }
    QVERIFY(process.waitForFinished(60'000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    const QJsonArray feeds = QJsonDocument::fromJson(process.readAllStandardOutput())
                                 .object()
                                 .value(QStringLiteral("feeds"))
                                 .toArray();
    QCOMPARE(feeds.size(), kFeeds);
    for (const QJsonValue &feed : feeds)
        QVERIFY2(feed.toObject().value(QStringLiteral("status")).toString() == QLatin1String("ok"),
                 qPrintable(feed.toObject().value(QStringLiteral("error")).toString()));
    qInfo("%lld stories marked and bookmarked while the refresh ran", qint64(written.size()));

    cache = openCache();
    QVERIFY(cache);
    QCOMPARE(cache->articles().count(StoryFilter{}), before + kFeeds * 3); // 3 new items a feed
    QSet<qint64> bookmarked;
    for (const BookmarkRecord &bookmark : cache->bookmarks().bookmarks()) {
        if (bookmark.articleId && bookmark.note == QLatin1String("while refreshing"))
            bookmarked << *bookmark.articleId;
    }
    for (const qint64 id : std::as_const(written)) {
        QVERIFY2(bookmarked.contains(id),
                 qPrintable(QStringLiteral("bookmark of %1 lost").arg(id)));
        QCOMPARE(cache->articles().summary(id)->read, id % 2 == 0);
    }
}

QTEST_GUILESS_MAIN(tst_KillRefresh)
#include "tst_killrefresh.moc"
