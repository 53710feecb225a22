#include "storage/cache.h"
#include "storage/searchstore.h"
#include "support/testcache.h"
#include "support/ttrssserver.h"
#include "sync/syncengine.h"
#include "sync/ttrssaccount.h"

#include <QSqlQuery>
#include <QTest>

using namespace bulletin;
using namespace bulletin::test;

namespace {

// One test's world: a user of its own on the real server with feeds of its own, another
// client of that user (a phone, say) driving the API, and a cache with the account.
struct World
{
    TtrssServer &server;
    QString user;
    test::TemporaryCache cache;
    qint64 accountId = 0;
    std::unique_ptr<TtrssAccount> remote;
    std::unique_ptr<TtrssApiClient> other;
    QHash<QString, int> feedIds; // feed name -> the server's id

    AccountStore accounts() const { return AccountStore(cache->database().connection()); }

    explicit World(TtrssServer &s)
        : server(s)
    {
    }

    bool setUp(const QString &prefix)
    {
        user = server.addUser(prefix);
        if (user.isEmpty() || !cache.open())
            return false;
        QString error;
        accountId
            = accounts().add(QStringLiteral("ttrss"), server.baseUrl(), user, &error).value_or(0);
        remote = std::make_unique<TtrssAccount>(QUrl(server.baseUrl()), user,
                                                TtrssServer::password());
        other = std::make_unique<TtrssApiClient>(server.baseUrl(), user, TtrssServer::password());
        return accountId > 0;
    }

    // The other client subscribes to a feed of `items` stories, and the server fetches it.
    bool addFeed(const QString &name, int items)
    {
        const QString url = server.writeFeed(user + QLatin1Char('-') + name, items);
        const QJsonObject answer
            = other->call(QStringLiteral("subscribeToFeed"), {{QStringLiteral("feed_url"), url}})
                  .toObject();
        const int id = answer.value(QStringLiteral("status"))
                           .toObject()
                           .value(QStringLiteral("feed_id"))
                           .toInt();
        if (id <= 0)
            return false;
        feedIds.insert(name, id);
        return !other->call(QStringLiteral("updateFeed"), {{QStringLiteral("feed_id"), id}})
                    .isNull();
    }
    bool growFeed(const QString &name, int items, int firstItem)
    {
        return !server.writeFeed(user + QLatin1Char('-') + name, items, firstItem).isEmpty()
            && !other
                    ->call(QStringLiteral("updateFeed"),
                           {{QStringLiteral("feed_id"), feedIds.value(name)}})
                    .isNull();
    }

    QString title(const QString &feed, int n) const
    {
        return QStringLiteral("%1-%2 story %3").arg(user, feed).arg(n);
    }
    // The cache's id of a story, by its headline.
    qint64 storyId(const QString &feed, int n) const
    {
        QSqlQuery q(cache->database().connection());
        q.prepare(QStringLiteral("SELECT id FROM articles WHERE title = ?"));
        q.addBindValue(title(feed, n));
        return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    }
    QString remoteId(const QString &feed, int n) const { return other->idOfTitle(title(feed, n)); }
    bool remoteUnread(const QString &feed, int n) const
    {
        return other->article(remoteId(feed, n)).value(QStringLiteral("unread")).toBool();
    }
    QJsonObject remoteArticle(const QString &feed, int n) const
    {
        return other->article(remoteId(feed, n));
    }
    bool mark(const QString &feed, int n, int field, int mode, const QString &data = {}) const
    {
        return !other
                    ->call(QStringLiteral("updateArticle"),
                           {{QStringLiteral("article_ids"), remoteId(feed, n)},
                            {QStringLiteral("field"), field},
                            {QStringLiteral("mode"), mode},
                            {QStringLiteral("data"), data}})
                    .isNull();
    }
    // The server's ids of stories `from` to `to` of the feed, by their headlines.
    QStringList remoteIds(const QString &feed, int from, int to) const
    {
        QHash<QString, QString> byTitle;
        for (const QJsonValue &value : other->headlines(feedIds.value(feed))) {
            const QJsonObject headline = value.toObject();
            byTitle.insert(headline.value(QStringLiteral("title")).toString(),
                           QString::number(headline.value(QStringLiteral("id")).toInt()));
        }
        QStringList ids;
        for (int n = from; n <= to; ++n)
            ids << byTitle.value(title(feed, n));
        return ids.contains(QString()) ? QStringList() : ids;
    }
    // The other client marks them all in one call.
    bool markAll(const QStringList &ids, int field, int mode) const
    {
        return !ids.isEmpty()
            && !other
                    ->call(QStringLiteral("updateArticle"),
                           {{QStringLiteral("article_ids"), ids.join(QLatin1Char(','))},
                            {QStringLiteral("field"), field},
                            {QStringLiteral("mode"), mode}})
                    .isNull();
    }
    int count(const QString &sql) const
    {
        QSqlQuery q(cache->database().connection());
        return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
    }
    // How many stories are bookmarked, and how many read, here.
    int bookmarkCount() const
    {
        return count(QStringLiteral("SELECT count(*) FROM bookmarks WHERE article_id IS NOT NULL"));
    }
    int readCount() const
    {
        return count(QStringLiteral(
            "SELECT count(*) FROM articles WHERE id NOT IN (SELECT id FROM unread_articles)"));
    }
    SyncReport sync() const
    {
        SyncEngine engine(*cache, accountId, *remote);
        return engine.sync();
    }
    int storyCount() const { return cache->articles().count({}); }
    bool isRead(const QString &feed, int n) const
    {
        return cache->articles().summary(storyId(feed, n))->read;
    }
    bool isBookmarked(const QString &feed, int n) const
    {
        return cache->bookmarks().isBookmarked(storyId(feed, n));
    }
};

constexpr int kRead = 2; // updateArticle fields
constexpr int kStar = 0;
constexpr int kNote = 3;

} // namespace

#define REQUIRE_SERVER() \
    if (!m_server) \
    QSKIP(qPrintable(m_skip))

#define VERIFY_SYNC(report) QVERIFY2((report).ok, qPrintable((report).error.words))

class tst_SyncEngine final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void firstSyncStoresFeedsStoriesAndTheirState();
    void incrementalSyncTakesOnlyWhatIsNew();
    void changesMadeHereReachTheServer();
    void changesMadeByAnotherClientComeBack();
    void anIncrementalSyncMissesNoChangeMadeElsewhere_data();
    void anIncrementalSyncMissesNoChangeMadeElsewhere();
    void aChangeNotYetSentWinsOverTheServer();
    void aServerDownLosesNothing();
    void aFeedUnsubscribedElsewhereLeavesAndItsBookmarksStay();
    void subscribingGoesThroughTheServer();
    void movingAFeedGoesThroughTheServer();

private:
    std::optional<TtrssServer> m_server;
    QString m_skip;
};

void tst_SyncEngine::initTestCase()
{
    m_server = TtrssServer::open(&m_skip);
}

void tst_SyncEngine::firstSyncStoresFeedsStoriesAndTheirState()
{
    REQUIRE_SERVER();
    World w(*m_server);
    QVERIFY(w.setUp(QStringLiteral("first")));
    QVERIFY(w.addFeed(QStringLiteral("a"), 3));
    QVERIFY(w.addFeed(QStringLiteral("b"), 2));
    // Before the first sync, on the phone: one story read, one starred with a note.
    QVERIFY(w.mark(QStringLiteral("a"), 1, kRead, 0));
    QVERIFY(w.mark(QStringLiteral("a"), 2, kStar, 1));
    QVERIFY(w.mark(QStringLiteral("a"), 2, kNote, 1, QStringLiteral("read this later")));

    const SyncReport report = w.sync();
    VERIFY_SYNC(report);
    QCOMPARE(report.pushed, 0);
    QCOMPARE(w.storyCount(), 5);
    QCOMPARE(report.pulled, 5);

    const QList<FeedRecord> feeds = w.cache->feeds().feeds();
    QCOMPARE(feeds.size(), 2);
    for (const FeedRecord &feed : feeds) {
        QCOMPARE(feed.accountId, w.accountId);
        QVERIFY(w.accounts().feedAccount(feed.id) == std::optional(w.accountId));
    }
    QVERIFY(w.isRead(QStringLiteral("a"), 1));
    QVERIFY(!w.isRead(QStringLiteral("a"), 3));
    QVERIFY(!w.isRead(QStringLiteral("b"), 1));
    QVERIFY(w.isBookmarked(QStringLiteral("a"), 2));
    QCOMPARE(w.cache->bookmarks().forArticle(w.storyId(QStringLiteral("a"), 2))->note,
             QStringLiteral("read this later"));
    // The server's state came in without going back as changes of ours.
    QCOMPARE(w.accounts().pendingCount(w.accountId), 0);
    // Ordinary stories: their text is there and search finds them.
    const auto story = w.cache->articles().story(w.storyId(QStringLiteral("b"), 2));
    QVERIFY(story);
    QVERIFY2(story->text.contains(QStringLiteral("The text of %1-b-2.").arg(w.user)),
             qPrintable(story->text));
    QVERIFY(w.accounts().storyAccount(story->summary.id) == std::optional(w.accountId));
    SearchStore search(w.cache->database().connection());
    QCOMPARE(search.search(QStringLiteral("\"text of %1-b-2\"").arg(w.user), {}, 10).size(), 1);
    const auto account = w.accounts().account(w.accountId);
    QVERIFY(account->lastSync.isValid());
    QVERIFY(account->lastError.isEmpty());
}

void tst_SyncEngine::incrementalSyncTakesOnlyWhatIsNew()
{
    REQUIRE_SERVER();
    World w(*m_server);
    QVERIFY(w.setUp(QStringLiteral("incremental")));
    QVERIFY(w.addFeed(QStringLiteral("a"), 3));
    VERIFY_SYNC(w.sync());
    QCOMPARE(w.storyCount(), 3);

    // Nothing new: nothing stored, nothing changed.
    SyncReport report = w.sync();
    VERIFY_SYNC(report);
    QCOMPARE(report.pulled, 0);
    QCOMPARE(w.storyCount(), 3);

    QVERIFY(w.growFeed(QStringLiteral("a"), 5, 1)); // stories 1-5: two new
    report = w.sync();
    VERIFY_SYNC(report);
    QCOMPARE(report.pulled, 2);
    QCOMPARE(w.storyCount(), 5);
    QVERIFY(w.storyId(QStringLiteral("a"), 5) > 0);
}

void tst_SyncEngine::changesMadeHereReachTheServer()
{
    REQUIRE_SERVER();
    World w(*m_server);
    QVERIFY(w.setUp(QStringLiteral("push")));
    QVERIFY(w.addFeed(QStringLiteral("a"), 4));
    VERIFY_SYNC(w.sync());

    QVERIFY(w.cache->articles().setRead(
        {w.storyId(QStringLiteral("a"), 1), w.storyId(QStringLiteral("a"), 2)}, true));
    QVERIFY(w.cache->bookmarks().add(w.storyId(QStringLiteral("a"), 3),
                                     QStringLiteral("a note from here")));
    QCOMPARE(w.accounts().pendingCount(w.accountId), 4);

    const SyncReport report = w.sync();
    VERIFY_SYNC(report);
    QCOMPARE(report.pushed, 4);
    QCOMPARE(w.accounts().pendingCount(w.accountId), 0);
    QVERIFY(!w.remoteUnread(QStringLiteral("a"), 1));
    QVERIFY(!w.remoteUnread(QStringLiteral("a"), 2));
    QVERIFY(w.remoteUnread(QStringLiteral("a"), 4));
    const QJsonObject starred = w.remoteArticle(QStringLiteral("a"), 3);
    QVERIFY(starred.value(QStringLiteral("marked")).toBool());
    QCOMPARE(starred.value(QStringLiteral("note")).toString(), QStringLiteral("a note from here"));
    // The server's answer does not undo anything here.
    QVERIFY(w.isRead(QStringLiteral("a"), 1));
    QVERIFY(w.isBookmarked(QStringLiteral("a"), 3));

    // Unbookmarked and marked unread here: the server follows.
    QVERIFY(w.cache->bookmarks().removeForArticle(w.storyId(QStringLiteral("a"), 3)));
    QVERIFY(w.cache->articles().setRead({w.storyId(QStringLiteral("a"), 1)}, false));
    VERIFY_SYNC(w.sync());
    QVERIFY(!w.remoteArticle(QStringLiteral("a"), 3).value(QStringLiteral("marked")).toBool());
    QVERIFY(w.remoteUnread(QStringLiteral("a"), 1));
}

void tst_SyncEngine::changesMadeByAnotherClientComeBack()
{
    REQUIRE_SERVER();
    World w(*m_server);
    QVERIFY(w.setUp(QStringLiteral("remote")));
    QVERIFY(w.addFeed(QStringLiteral("a"), 3));
    QVERIFY(w.addFeed(QStringLiteral("b"), 3));
    QVERIFY(w.mark(QStringLiteral("a"), 1, kRead, 0));
    QVERIFY(w.mark(QStringLiteral("a"), 2, kStar, 1));
    VERIFY_SYNC(w.sync());

    // On the phone: a read story marked unread, an unread one read, in the same feed (the
    // unread count stays the same), a star moved from one story to another, a note.
    QVERIFY(w.mark(QStringLiteral("a"), 1, kRead, 1));
    QVERIFY(w.mark(QStringLiteral("a"), 3, kRead, 0));
    QVERIFY(w.mark(QStringLiteral("b"), 2, kRead, 0));
    QVERIFY(w.mark(QStringLiteral("a"), 2, kStar, 0));
    QVERIFY(w.mark(QStringLiteral("b"), 1, kStar, 1));
    QVERIFY(w.mark(QStringLiteral("b"), 1, kNote, 1, QStringLiteral("from the phone")));

    const SyncReport report = w.sync();
    VERIFY_SYNC(report);
    QVERIFY(!w.isRead(QStringLiteral("a"), 1));
    QVERIFY(w.isRead(QStringLiteral("a"), 3));
    QVERIFY(w.isRead(QStringLiteral("b"), 2));
    QVERIFY(!w.isRead(QStringLiteral("b"), 3));
    QVERIFY(!w.isBookmarked(QStringLiteral("a"), 2));
    QVERIFY(w.isBookmarked(QStringLiteral("b"), 1));
    QCOMPARE(w.cache->bookmarks().forArticle(w.storyId(QStringLiteral("b"), 1))->note,
             QStringLiteral("from the phone"));
    QCOMPARE(w.accounts().pendingCount(w.accountId), 0);
}

void tst_SyncEngine::anIncrementalSyncMissesNoChangeMadeElsewhere_data()
{
    QTest::addColumn<int>("stories");
    QTest::addColumn<int>("starredBefore"); // starred before the first sync
    QTest::addColumn<int>("starredThere"); // starred elsewhere after it
    QTest::addColumn<int>("readThere"); // read elsewhere after it
    QTest::newRow("a few") << 12 << 3 << 2 << 4;
    // The sync asks for as many pages of the starred list as the stories starred here fill
    // (and one more): here two, where the server then has three. More than a page read.
    QTest::newRow("lists longer than the pages asked first") << 460 << 200 << 202 << 230;
}

// The sync asks for the first pages of its lists together and goes on only where a list is
// longer: whatever their length, every change made elsewhere comes back.
void tst_SyncEngine::anIncrementalSyncMissesNoChangeMadeElsewhere()
{
    REQUIRE_SERVER();
    QFETCH(int, stories);
    QFETCH(int, starredBefore);
    QFETCH(int, starredThere);
    QFETCH(int, readThere);
    const QString a = QStringLiteral("a");
    World w(*m_server);
    QVERIFY(w.setUp(QStringLiteral("elsewhere")));
    QVERIFY(w.addFeed(a, stories));
    QVERIFY(w.markAll(w.remoteIds(a, 1, starredBefore), kStar, 1));
    VERIFY_SYNC(w.sync());
    QCOMPARE(w.storyCount(), stories);
    QCOMPARE(w.bookmarkCount(), starredBefore);
    QCOMPARE(w.readCount(), 0);

    // On the phone: stories starred and read, one unstarred, a note, and a new story.
    QVERIFY(w.markAll(w.remoteIds(a, starredBefore + 1, starredBefore + starredThere), kStar, 1));
    QVERIFY(w.markAll(w.remoteIds(a, stories - readThere + 1, stories), kRead, 0));
    QVERIFY(w.mark(a, 1, kStar, 0));
    QVERIFY(w.mark(a, 2, kNote, 1, QStringLiteral("from the phone")));
    QVERIFY(w.growFeed(a, stories + 1, 1));

    const SyncReport report = w.sync();
    VERIFY_SYNC(report);
    QCOMPARE(w.storyCount(), stories + 1);
    QVERIFY(w.storyId(a, stories + 1) > 0);
    QCOMPARE(w.bookmarkCount(), starredBefore + starredThere - 1);
    QVERIFY(!w.isBookmarked(a, 1));
    QVERIFY(w.isBookmarked(a, starredBefore + starredThere));
    QCOMPARE(w.cache->bookmarks().forArticle(w.storyId(a, 2))->note,
             QStringLiteral("from the phone"));
    QCOMPARE(w.readCount(), readThere);
    QVERIFY(w.isRead(a, stories - readThere + 1));
    QVERIFY(!w.isRead(a, stories - readThere));
    QCOMPARE(w.accounts().pendingCount(w.accountId), 0);

    // And nothing more the next time.
    const SyncReport again = w.sync();
    VERIFY_SYNC(again);
    QCOMPARE(again.pulled, 0);
}

void tst_SyncEngine::aChangeNotYetSentWinsOverTheServer()
{
    REQUIRE_SERVER();
    World w(*m_server);
    QVERIFY(w.setUp(QStringLiteral("conflict")));
    QVERIFY(w.addFeed(QStringLiteral("a"), 2));
    VERIFY_SYNC(w.sync());

    // Here: story 1 read. On the phone, before that reached the server: story 1 starred,
    // and read and unread again (the server now says unread).
    QVERIFY(w.cache->articles().setRead({w.storyId(QStringLiteral("a"), 1)}, true));
    QVERIFY(w.mark(QStringLiteral("a"), 1, kStar, 1));
    QVERIFY(w.mark(QStringLiteral("a"), 1, kRead, 0));
    QVERIFY(w.mark(QStringLiteral("a"), 1, kRead, 1));

    // Taking the server's state first (the push is still to come): the read mark made here
    // stands, the star made there comes in.
    SyncEngine engine(*w.cache, w.accountId, *w.remote);
    int pulled = 0;
    const RemoteError failure = engine.pull(&pulled);
    QVERIFY2(!failure, qPrintable(failure.words));
    QVERIFY(w.isRead(QStringLiteral("a"), 1));
    QVERIFY(w.isBookmarked(QStringLiteral("a"), 1));
    QCOMPARE(w.accounts().pendingCount(w.accountId), 1);

    VERIFY_SYNC(w.sync());
    QVERIFY(!w.remoteUnread(QStringLiteral("a"), 1));
    QVERIFY(w.isRead(QStringLiteral("a"), 1));
}

void tst_SyncEngine::aServerDownLosesNothing()
{
    REQUIRE_SERVER();
    World w(*m_server);
    QVERIFY(w.setUp(QStringLiteral("down")));
    QVERIFY(w.addFeed(QStringLiteral("a"), 3));
    VERIFY_SYNC(w.sync());
    QVERIFY(w.cache->bookmarks().add(w.storyId(QStringLiteral("a"), 2),
                                     QStringLiteral("made offline")));
    QVERIFY(w.cache->articles().setRead({w.storyId(QStringLiteral("a"), 3)}, true));

    QVERIFY(m_server->stopWeb());
    const SyncReport down = w.sync();
    QVERIFY(m_server->startWeb());
    QVERIFY(!down.ok);
    QCOMPARE(down.error.kind, RemoteError::Kind::Unreachable);
    QCOMPARE(down.error.words, QStringLiteral("the server cannot be reached (Connection refused)"));
    QCOMPARE(w.accounts().account(w.accountId)->lastError, down.error.words);
    // Nothing local went: stories, bookmark, read mark and the changes waiting.
    QCOMPARE(w.storyCount(), 3);
    QVERIFY(w.isBookmarked(QStringLiteral("a"), 2));
    QVERIFY(w.isRead(QStringLiteral("a"), 3));
    QCOMPARE(w.accounts().pendingCount(w.accountId), 3);

    // Back: everything goes through, and the error is gone.
    const SyncReport back = w.sync();
    VERIFY_SYNC(back);
    QCOMPARE(back.pushed, 3);
    QVERIFY(w.remoteArticle(QStringLiteral("a"), 2).value(QStringLiteral("marked")).toBool());
    QVERIFY(!w.remoteUnread(QStringLiteral("a"), 3));
    QVERIFY(w.accounts().account(w.accountId)->lastError.isEmpty());
}

void tst_SyncEngine::aFeedUnsubscribedElsewhereLeavesAndItsBookmarksStay()
{
    REQUIRE_SERVER();
    World w(*m_server);
    QVERIFY(w.setUp(QStringLiteral("gone")));
    QVERIFY(w.addFeed(QStringLiteral("a"), 2));
    QVERIFY(w.addFeed(QStringLiteral("b"), 2));
    VERIFY_SYNC(w.sync());
    QVERIFY(w.cache->bookmarks().add(w.storyId(QStringLiteral("b"), 1), QStringLiteral("keep")));
    VERIFY_SYNC(w.sync());

    QVERIFY(!w.other
                 ->call(QStringLiteral("unsubscribeFeed"),
                        {{QStringLiteral("feed_id"), w.feedIds.value(QStringLiteral("b"))}})
                 .isNull());
    VERIFY_SYNC(w.sync());
    while (w.cache->feeds().purgeRemoved(100) > 0) {
    }
    QCOMPARE(w.cache->feeds().feeds().size(), 1);
    QCOMPARE(w.storyCount(), 2);
    const QList<BookmarkRecord> bookmarks = w.cache->bookmarks().bookmarks();
    QCOMPARE(bookmarks.size(), 1);
    QCOMPARE(bookmarks.first().title, w.title(QStringLiteral("b"), 1));
    QCOMPARE(bookmarks.first().note, QStringLiteral("keep"));
}

void tst_SyncEngine::subscribingGoesThroughTheServer()
{
    REQUIRE_SERVER();
    World w(*m_server);
    QVERIFY(w.setUp(QStringLiteral("subscribe")));
    const QString url = m_server->writeFeed(w.user + QStringLiteral("-n"), 2);
    SyncEngine engine(*w.cache, w.accountId, *w.remote);
    qint64 feedId = 0;
    const RemoteError failure = engine.subscribe(url, 0, &feedId);
    QVERIFY2(!failure, qPrintable(failure.words));
    QVERIFY(feedId > 0);
    QCOMPARE(w.cache->feeds().feed(feedId)->accountId, w.accountId);
    QCOMPARE(w.cache->articles().count({StoryFilter::Kind::Feed, feedId}), 2);
    QCOMPARE(w.other->call(QStringLiteral("getFeeds"), {{QStringLiteral("cat_id"), -3}})
                 .toArray()
                 .size(),
             1);

    QVERIFY(!engine.unsubscribe(feedId));
    QCOMPARE(w.other->call(QStringLiteral("getFeeds"), {{QStringLiteral("cat_id"), -3}})
                 .toArray()
                 .size(),
             0);
    QVERIFY(w.cache->feeds().feeds().isEmpty());
}

void tst_SyncEngine::movingAFeedGoesThroughTheServer()
{
    REQUIRE_SERVER();
    World w(*m_server);
    QVERIFY(w.setUp(QStringLiteral("move")));
    const QString category = m_server->addCategory(w.user, QStringLiteral("Harbour"));
    QVERIFY(!category.isEmpty());
    QVERIFY(w.addFeed(QStringLiteral("a"), 2));
    QVERIFY(w.sync().ok);
    const qint64 feedId = w.accounts()
                              .feeds(w.accountId)
                              .value(QString::number(w.feedIds.value(QStringLiteral("a"))))
                              .feedId;
    const qint64 folderId = w.accounts().folders(w.accountId).value(category);
    QVERIFY(feedId > 0 && folderId > 0);
    QCOMPARE(w.cache->feeds().feed(feedId)->folderId, qint64(0));

    // A client of its own each time: the sessions are ended below.
    const auto remoteCategory = [&w] {
        TtrssApiClient phone(w.server.baseUrl(), w.user, TtrssServer::password());
        const QJsonArray feeds
            = phone.call(QStringLiteral("getFeeds"), {{QStringLiteral("cat_id"), -3}}).toArray();
        return feeds.isEmpty() ? -1
                               : feeds.first().toObject().value(QStringLiteral("cat_id")).toInt();
    };
    SyncEngine engine(*w.cache, w.accountId, *w.remote);
    RemoteError failure = engine.moveFeed(feedId, folderId);
    QVERIFY2(!failure, qPrintable(failure.words));
    QCOMPARE(remoteCategory(), category.toInt());
    QCOMPARE(w.cache->feeds().feed(feedId)->folderId, folderId);
    // Its stories and their state stay where they were.
    QCOMPARE(w.cache->articles().count({StoryFilter::Kind::Feed, feedId}), 2);

    // Back to the top level, also after the session ended.
    QVERIFY(m_server->expireSessions());
    failure = engine.moveFeed(feedId, 0);
    QVERIFY2(!failure, qPrintable(failure.words));
    QCOMPARE(remoteCategory(), 0);
    QCOMPARE(w.cache->feeds().feed(feedId)->folderId, qint64(0));
    // A folder that is no category of the account is refused before anything is sent.
    const qint64 local = w.cache->feeds().folderForPath({QStringLiteral("Mine")});
    QCOMPARE(int(engine.moveFeed(feedId, local).kind), int(RemoteError::Kind::Refused));
}

QTEST_GUILESS_MAIN(tst_SyncEngine)
#include "tst_syncengine.moc"
