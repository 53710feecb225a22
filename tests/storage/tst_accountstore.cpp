#include "storage/accountstore.h"
#include "storage/articlestore.h"
#include "storage/bookmarkstore.h"
#include "storage/feedstore.h"
#include "storetestutil.h"

#include <QSqlQuery>

using namespace bulletin;

namespace {

// A cache with one account, one feed of it and one of its stories (remote id "r1"), and a
// local feed with a story of its own.
struct AccountCache
{
    test::TemporaryCache cache;
    AccountStore accounts{cache.requireOpen().database().connection()};
    ArticleStore articles{cache->database().connection()};
    BookmarkStore bookmarks{cache->database().connection()};
    FeedStore feeds{cache->database().connection()};
    qint64 accountId = 0;
    qint64 feedId = 0;
    qint64 storyId = 0;
    qint64 localStoryId = 0;

    AccountCache()
    {
        QString error;
        accountId = accounts
                        .add(QStringLiteral("ttrss"), QStringLiteral("http://127.0.0.1/tt/"),
                             QStringLiteral("me"), &error)
                        .value_or(0);
        AccountFeed feed;
        feed.remoteId = QStringLiteral("7");
        feed.title = QStringLiteral("Remote feed");
        feedId = accounts.ensureFeed(accountId, feed).value_or(0);
        storyId = articles
                      .upsert(
                          feedId,
                          makeArticle(QStringLiteral("g1"), QStringLiteral("Remote story"), 100))
                      .id;
        accounts.mapStories(accountId, {{storyId, QStringLiteral("r1")}});
        const qint64 local = *feeds.addSubscription(QStringLiteral("https://example.org/feed"),
                                                    QStringLiteral("Local"));
        localStoryId
            = articles
                  .upsert(local,
                          makeArticle(QStringLiteral("g2"), QStringLiteral("Local story"), 100))
                  .id;
    }

    QList<PendingChange> pending() const { return accounts.pending(accountId); }
};

} // namespace

class tst_AccountStore final : public QObject
{
    Q_OBJECT

private slots:
    void readMarksOfAnAccountStoryWaitToBeSent();
    void localStoriesQueueNothing();
    void theServersStateIsNotQueuedBack();
    void aChangeRolledBackQueuesNothing();
    void bookmarksAndNotesWaitAsStarsAndNotes();
    void deletingStoriesQueuesNoReadMark();
    void changesQueuedAgainWhileSendingStay();
    void removingAnAccountKeepsItsBookmarks();
    void anAccountsFeedIsMappedApartFromALocalOne();
    void storiesAreReadAPartAtATime();
};

void tst_AccountStore::readMarksOfAnAccountStoryWaitToBeSent()
{
    AccountCache c;
    QVERIFY(c.accountId > 0 && c.feedId > 0 && c.storyId > 0);
    QVERIFY(c.pending().isEmpty());
    QVERIFY(c.articles.setRead({c.storyId}, true));
    QList<PendingChange> pending = c.pending();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first().remoteId, QStringLiteral("r1"));
    QCOMPARE(pending.first().field, PendingChange::Field::Read);
    QCOMPARE(pending.first().value, true);
    // Marked unread again before any sync: one change, the latest.
    QVERIFY(c.articles.setRead({c.storyId}, false));
    pending = c.pending();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first().value, false);
    QCOMPARE(c.accounts.account(c.accountId)->pending, 1);
}

void tst_AccountStore::localStoriesQueueNothing()
{
    AccountCache c;
    QVERIFY(c.articles.setRead({c.localStoryId}, true));
    QVERIFY(c.bookmarks.add(c.localStoryId, QStringLiteral("mine")));
    QVERIFY(c.pending().isEmpty());
}

void tst_AccountStore::theServersStateIsNotQueuedBack()
{
    AccountCache c;
    {
        Transaction transaction(c.cache->database().connection());
        QVERIFY(c.accounts.beginApplying());
        QVERIFY(c.articles.setRead({c.storyId}, true));
        QVERIFY(c.bookmarks.add(c.storyId, QStringLiteral("from the server")));
        QVERIFY(c.accounts.endApplying());
        QVERIFY(transaction.commit());
    }
    QVERIFY(c.pending().isEmpty());
    // The mark does not outlive the transaction: the user's next change is queued.
    QVERIFY(c.articles.setRead({c.storyId}, false));
    QCOMPARE(c.pending().size(), 1);
}

void tst_AccountStore::aChangeRolledBackQueuesNothing()
{
    AccountCache c;
    {
        Transaction transaction(c.cache->database().connection());
        QVERIFY(c.articles.setRead({c.storyId}, true));
        // No commit: as after a kill, the mark and its queued change go together.
    }
    QVERIFY(c.pending().isEmpty());
    QVERIFY(!c.articles.summary(c.storyId)->read);
}

void tst_AccountStore::bookmarksAndNotesWaitAsStarsAndNotes()
{
    AccountCache c;
    const auto bookmarkId = c.bookmarks.add(c.storyId, QStringLiteral("first note"));
    QVERIFY(bookmarkId);
    QList<PendingChange> pending = c.pending();
    QCOMPARE(pending.size(), 2);
    QCOMPARE(pending.at(0).field, PendingChange::Field::Starred);
    QCOMPARE(pending.at(0).value, true);
    QCOMPARE(pending.at(1).field, PendingChange::Field::Note);
    QCOMPARE(pending.at(1).note, QStringLiteral("first note"));

    QVERIFY(c.bookmarks.setNote(*bookmarkId, QStringLiteral("second note")));
    pending = c.pending();
    QCOMPARE(pending.size(), 2);
    QCOMPARE(pending.at(1).note, QStringLiteral("second note"));
    // A note cleared is a change too: the server's note is emptied.
    QVERIFY(c.bookmarks.setNote(*bookmarkId, QString()));
    pending = c.pending();
    QCOMPARE(pending.size(), 2);
    QCOMPARE(pending.at(1).field, PendingChange::Field::Note);
    QCOMPARE(pending.at(1).note, QString());
    QVERIFY(c.bookmarks.setNote(*bookmarkId, QStringLiteral("third note")));

    // Unbookmarking unstars it and leaves its note alone, as the server keeps an unstarred
    // story's note.
    QVERIFY(c.bookmarks.removeForArticle(c.storyId));
    const QSet<QString> starred = c.accounts.pendingIds(c.accountId, PendingChange::Field::Starred);
    QCOMPARE(starred, QSet<QString>{QStringLiteral("r1")});
    pending = c.pending();
    QCOMPARE(pending.size(), 2);
    QCOMPARE(pending.first().field, PendingChange::Field::Note);
    QCOMPARE(pending.first().note, QStringLiteral("third note"));
    QCOMPARE(pending.last().field, PendingChange::Field::Starred);
    QCOMPARE(pending.last().value, false);
}

void tst_AccountStore::deletingStoriesQueuesNoReadMark()
{
    AccountCache c;
    QVERIFY(c.feeds.remove(c.feedId));
    QVERIFY(!c.articles.summary(c.storyId));
    QVERIFY(c.pending().isEmpty());
}

void tst_AccountStore::changesQueuedAgainWhileSendingStay()
{
    AccountCache c;
    QVERIFY(c.articles.setRead({c.storyId}, true));
    const QList<PendingChange> sent = c.pending();
    // The user marks the story unread while the batch is on its way.
    QVERIFY(c.articles.setRead({c.storyId}, false));
    QVERIFY(c.accounts.clearPending({sent.first().id}));
    const QList<PendingChange> left = c.pending();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.first().value, false);
}

void tst_AccountStore::removingAnAccountKeepsItsBookmarks()
{
    AccountCache c;
    QVERIFY(c.bookmarks.add(c.storyId, QStringLiteral("keep this note")));
    QVERIFY(c.articles.setRead({c.storyId}, true));
    QVERIFY(c.accounts.beginRemove(c.accountId));
    // Gone from every list at once, with the changes it had waiting.
    QVERIFY(c.accounts.accounts().isEmpty());
    QVERIFY(!c.accounts.account(c.accountId));
    int left = 1;
    while (left > 0)
        left = c.feeds.purgeRemoved(1);
    QCOMPARE(left, 0);
    QVERIFY(c.accounts.purgeRemovedAccounts());
    QVERIFY(!c.articles.summary(c.storyId));

    const QList<BookmarkRecord> bookmarks = c.bookmarks.bookmarks();
    QCOMPARE(bookmarks.size(), 1);
    QCOMPARE(bookmarks.first().title, QStringLiteral("Remote story"));
    QCOMPARE(bookmarks.first().note, QStringLiteral("keep this note"));
    QVERIFY(!bookmarks.first().articleId);
    QSqlQuery q(c.cache->database().connection());
    QVERIFY(q.exec(QStringLiteral(
        "SELECT (SELECT count(*) FROM accounts), (SELECT count(*) FROM sync_pending), "
        "(SELECT count(*) FROM account_articles)")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    QCOMPARE(q.value(1).toInt(), 0);
    QCOMPARE(q.value(2).toInt(), 0);
}

void tst_AccountStore::anAccountsFeedIsMappedApartFromALocalOne()
{
    AccountCache c;
    const auto feed = c.feeds.feed(c.feedId);
    QVERIFY(feed);
    QCOMPARE(feed->accountId, c.accountId);
    QVERIFY(c.accounts.feedAccount(c.feedId) == std::optional<qint64>(c.accountId));
    // The same address subscribed locally is a subscription of its own.
    AccountFeed remote;
    remote.remoteId = QStringLiteral("8");
    remote.title = QStringLiteral("Same address");
    remote.url = QStringLiteral("https://example.org/feed");
    const auto accountFeed = c.accounts.ensureFeed(c.accountId, remote);
    QVERIFY(accountFeed);
    QCOMPARE(c.feeds.feedByUrl(QStringLiteral("https://example.org/feed"))->kind,
             QStringLiteral("feed"));
    QVERIFY(c.accounts.storyAccount(c.storyId) == std::optional<qint64>(c.accountId));
    QVERIFY(!c.accounts.storyAccount(c.localStoryId));
    QCOMPARE(c.accounts.feedAccounts().value(c.feedId), c.accountId);
}

// What a sync compares, read a part at a time: stories by remote id (more than one slice of
// bound values), those bookmarked, those unread, and the unread count of each feed.
void tst_AccountStore::storiesAreReadAPartAtATime()
{
    AccountCache c;
    QList<std::pair<qint64, QString>> mapped;
    QList<qint64> read;
    for (int n = 2; n <= 1201; ++n) {
        const qint64 id = c.articles
                              .upsert(c.feedId,
                                      makeArticle(QStringLiteral("g-%1").arg(n),
                                                  QStringLiteral("Story %1").arg(n), 100 + n))
                              .id;
        mapped.append({id, QStringLiteral("r%1").arg(n)});
        if (n % 3 == 0)
            read << id;
    }
    QVERIFY(c.accounts.mapStories(c.accountId, mapped));
    QVERIFY(c.articles.setRead(read, true));
    QVERIFY(c.bookmarks.add(mapped.at(9).first, QStringLiteral("a note")));

    QSet<QString> wanted;
    for (int n = 1; n <= 1201; n += 2)
        wanted << QStringLiteral("r%1").arg(n);
    wanted << QStringLiteral("not here");
    const QHash<QString, AccountStory> some = c.accounts.stories(c.accountId, wanted);
    QCOMPARE(some.size(), 601);
    QVERIFY(some.value(QStringLiteral("r3")).articleId > 0);
    QVERIFY(!some.value(QStringLiteral("r3")).unread);
    QVERIFY(some.value(QStringLiteral("r1201")).unread);
    QCOMPARE(some.value(QStringLiteral("r1201")).feedId, c.feedId);
    QVERIFY(c.accounts.stories(c.accountId, {}).isEmpty());

    const QHash<QString, AccountStory> starred = c.accounts.starredStories(c.accountId);
    QCOMPARE(starred.size(), 1);
    QCOMPARE(starred.value(QStringLiteral("r11")).note, QStringLiteral("a note"));
    // 1,201 stories, 400 of them read; the local feed's story is no account's.
    QCOMPARE(c.accounts.unreadStories(c.accountId).size(), 801);
    QCOMPARE(c.accounts.unreadStories(c.accountId, c.feedId).size(), 801);
    QCOMPARE(c.accounts.unreadCounts(c.accountId), (QHash<qint64, int>{{c.feedId, 801}}));
}

QTEST_GUILESS_MAIN(tst_AccountStore)
#include "tst_accountstore.moc"
