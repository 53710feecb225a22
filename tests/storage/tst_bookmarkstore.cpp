#include "storage/articlestore.h"
#include "storage/bookmarkstore.h"
#include "storage/feedstore.h"
#include "storetestutil.h"

#include <QSqlQuery>

using namespace bulletin;

class tst_BookmarkStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bookmarkKeepsSnapshotAfterFeedIsRemoved()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        FeedStore feeds(cache->database().connection());
        ArticleStore articles(cache->database().connection());
        BookmarkStore bookmarks(cache->database().connection());
        const qint64 feed = *feeds.addSubscription(QStringLiteral("https://example.org/feed"),
                                                   QStringLiteral("Example News"));
        const qint64 id = articles
                              .upsert(feed,
                                      makeArticle(QStringLiteral("g"), QStringLiteral("Keep me"),
                                                  500, QStringLiteral("the words to keep")))
                              .id;
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
        // What an old relative link is resolved against when the bookmark is exported.
        QCOMPARE(b.feedUrl, QStringLiteral("https://example.org/feed"));
        QCOMPARE(b.note, QStringLiteral("read later"));
        QCOMPARE(b.published.toSecsSinceEpoch(), 500);
    }

    void bookmarkSurvivesReopen()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        qint64 id = 0;
        {
            FeedStore feeds(cache->database().connection());
            ArticleStore articles(cache->database().connection());
            BookmarkStore bookmarks(cache->database().connection());
            const qint64 feed = *feeds.localSource(QStringLiteral("Local"));
            id = articles.upsert(feed, makeArticle(QStringLiteral("g"), QStringLiteral("T"), 1)).id;
            QVERIFY(bookmarks.add(id));
        }
        QVERIFY(cache.reopen());
        BookmarkStore bookmarks(cache->database().connection());
        QVERIFY(bookmarks.isBookmarked(id));
    }

    void addTwiceKeepsOneAndUpdatesNote()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        FeedStore feeds(cache->database().connection());
        ArticleStore articles(cache->database().connection());
        BookmarkStore bookmarks(cache->database().connection());
        const qint64 feed = *feeds.localSource(QStringLiteral("Local"));
        const qint64 id
            = articles.upsert(feed, makeArticle(QStringLiteral("g"), QStringLiteral("T"), 1)).id;
        const auto first = bookmarks.add(id);
        const auto second = bookmarks.add(id, QStringLiteral("a note"));
        QCOMPARE(first, second);
        QCOMPARE(bookmarks.count(), 1);
        QCOMPARE(bookmarks.forArticle(id)->note, QStringLiteral("a note"));
        QVERIFY(bookmarks.removeForArticle(id));
        QCOMPARE(bookmarks.count(), 0);
        QVERIFY(!bookmarks.add(987654)); // no such story
    }

    void theListReadsNotesAsWritten()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        FeedStore feeds(cache->database().connection());
        ArticleStore articles(cache->database().connection());
        BookmarkStore bookmarks(cache->database().connection());
        const qint64 feed = *feeds.localSource(QStringLiteral("Local"));
        const qint64 first
            = articles.upsert(feed, makeArticle(QStringLiteral("a"), QStringLiteral("A"), 1)).id;
        const qint64 second
            = articles.upsert(feed, makeArticle(QStringLiteral("b"), QStringLiteral("B"), 2)).id;
        const QString note = QStringLiteral(
            "Call the harbour office\n\n- ask about the ferry\n- and the bridge");
        const qint64 noted = *bookmarks.add(first,
                                            QStringLiteral("\n") + note + QStringLiteral("\n\n"));
        const qint64 plain = *bookmarks.add(second);
        // The list's page, which leaves the snapshots out, has the notes, line breaks kept.
        const QList<BookmarkRecord> page = bookmarks.bookmarkPage(std::nullopt, 10);
        QCOMPARE(page.size(), 2);
        for (const BookmarkRecord &b : page) {
            QVERIFY(b.html.isEmpty());
            QCOMPARE(b.note, b.bookmarkId == noted ? note : QString());
        }
        QVERIFY(bookmarks.setNote(plain, QStringLiteral("second thoughts")));
        QCOMPARE(bookmarks.bookmark(plain)->note, QStringLiteral("second thoughts"));
        QVERIFY(bookmarks.setNote(plain, QStringLiteral("  ")));
        QCOMPARE(bookmarks.bookmark(plain)->note, QString());
        QVERIFY(!bookmarks.setNote(987654, QStringLiteral("nowhere"))); // no such bookmark
        // Removing the bookmark removes its note with it.
        QVERIFY(bookmarks.remove(noted));
        QSqlQuery q(cache->database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM bookmark_notes")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_BookmarkStore)
#include "tst_bookmarkstore.moc"
