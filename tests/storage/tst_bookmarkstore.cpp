#include "storage/articlestore.h"
#include "storage/bookmarkstore.h"
#include "storage/feedstore.h"
#include "storetestutil.h"

using namespace bulletin;

class TestBookmarkStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bookmarkKeepsSnapshotAfterFeedIsRemoved()
    {
        TestCache cache;
        FeedStore feeds(cache.db.connection());
        ArticleStore articles(cache.db.connection());
        BookmarkStore bookmarks(cache.db.connection());
        const qint64 feed = *feeds.addSubscription(QStringLiteral("https://example.org/feed"), QStringLiteral("Example News"));
        const qint64 id = articles.upsert(feed, makeArticle(QStringLiteral("g"), QStringLiteral("Keep me"), 500,
                                                            QStringLiteral("the words to keep"))).id;
        QVERIFY(bookmarks.add(id, QStringLiteral("read later")));
        QVERIFY(bookmarks.isBookmarked(id));
        QVERIFY(articles.summary(id)->bookmarked);

        QVERIFY(feeds.remove(feed));
        QVERIFY(!articles.summary(id));
        const auto list = bookmarks.bookmarks();
        QCOMPARE(list.size(), 1);
        const BookmarkRecord &b = list.first();
        QVERIFY(!b.articleId);
        QCOMPARE(b.title, QStringLiteral("Keep me"));
        QCOMPARE(b.source, QStringLiteral("Example News"));
        QCOMPARE(b.text, QStringLiteral("the words to keep"));
        QCOMPARE(b.link, QStringLiteral("https://example.org/g"));
        QCOMPARE(b.note, QStringLiteral("read later"));
        QCOMPARE(b.published.toSecsSinceEpoch(), 500);
    }

    void bookmarkSurvivesReopen()
    {
        TestCache cache;
        qint64 id = 0;
        {
            FeedStore feeds(cache.db.connection());
            ArticleStore articles(cache.db.connection());
            BookmarkStore bookmarks(cache.db.connection());
            const qint64 feed = *feeds.localSource(QStringLiteral("Local"));
            id = articles.upsert(feed, makeArticle(QStringLiteral("g"), QStringLiteral("T"), 1)).id;
            QVERIFY(bookmarks.add(id));
        }
        QVERIFY(cache.reopen());
        BookmarkStore bookmarks(cache.db.connection());
        QVERIFY(bookmarks.isBookmarked(id));
    }

    void addTwiceKeepsOneAndUpdatesNote()
    {
        TestCache cache;
        FeedStore feeds(cache.db.connection());
        ArticleStore articles(cache.db.connection());
        BookmarkStore bookmarks(cache.db.connection());
        const qint64 feed = *feeds.localSource(QStringLiteral("Local"));
        const qint64 id = articles.upsert(feed, makeArticle(QStringLiteral("g"), QStringLiteral("T"), 1)).id;
        const auto first = bookmarks.add(id);
        const auto second = bookmarks.add(id, QStringLiteral("a note"));
        QCOMPARE(first, second);
        QCOMPARE(bookmarks.count(), 1);
        QCOMPARE(bookmarks.forArticle(id)->note, QStringLiteral("a note"));
        QVERIFY(bookmarks.removeForArticle(id));
        QCOMPARE(bookmarks.count(), 0);
        QVERIFY(!bookmarks.add(987654)); // no such story
    }
};

QTEST_GUILESS_MAIN(TestBookmarkStore)
#include "tst_bookmarkstore.moc"
