#include "storage/articlestore.h"
#include "storage/feedstore.h"
#include "storage/searchstore.h"
#include "storetestutil.h"

using namespace bulletin;

// SearchStore over a real cache: what a search finds, in which order, and its snippets.
class TestSearchStore final : public QObject
{
    Q_OBJECT

private:
    static QStringList titles(const QList<SearchStore::Result> &results)
    {
        QStringList list;
        for (const SearchStore::Result &r : results)
            list << r.story.title;
        return list;
    }

private Q_SLOTS:
    void ranksTitlesFirstThenNewer()
    {
        TestCache cache;
        FeedStore feeds(cache.db.connection());
        ArticleStore articles(cache.db.connection());
        const qint64 feed = *feeds.localSource(QStringLiteral("Local"));
        articles.upsert(feed, makeArticle(QStringLiteral("a"), QStringLiteral("Harbour reopens"), 100,
                                          QStringLiteral("ships return after the storm")));
        articles.upsert(feed, makeArticle(QStringLiteral("b"), QStringLiteral("Storm damage counted"), 200,
                                          QStringLiteral("roofs and trees down")));
        articles.upsert(feed, makeArticle(QStringLiteral("c"), QStringLiteral("Markets calm"), 300,
                                          QStringLiteral("traders shrug off the storm")));
        const SearchStore search(cache.db.connection());
        QString error;
        const auto found = search.search(QStringLiteral("storm"), {}, 50, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // The headline match first; the two text matches are equally good, the newer wins.
        QCOMPARE(titles(found), (QStringList{QStringLiteral("Storm damage counted"), QStringLiteral("Markets calm"),
                                             QStringLiteral("Harbour reopens")}));
        QCOMPARE(found.at(1).snippet, QStringLiteral("traders shrug off the [storm]"));
        QCOMPARE(found.at(0).story.source, QStringLiteral("Local"));
        QVERIFY(!found.at(0).story.read);
        // The limit keeps the best ones.
        QCOMPARE(titles(search.search(QStringLiteral("storm"), {}, 1)), QStringList{QStringLiteral("Storm damage counted")});
    }

    void phrasesPrefixesAndExclusions()
    {
        TestCache cache;
        FeedStore feeds(cache.db.connection());
        ArticleStore articles(cache.db.connection());
        const qint64 feed = *feeds.localSource(QStringLiteral("Local"));
        articles.upsert(feed, makeArticle(QStringLiteral("a"), QStringLiteral("One"), 100, QStringLiteral("the river flooded the town")));
        articles.upsert(feed, makeArticle(QStringLiteral("b"), QStringLiteral("Two"), 200, QStringLiteral("the town flooded the river")));
        articles.upsert(feed, makeArticle(QStringLiteral("c"), QStringLiteral("Three"), 300, QStringLiteral("floodwater reached the town")));
        const SearchStore search(cache.db.connection());
        QCOMPARE(titles(search.search(QStringLiteral("\"river flooded\""), {}, 50)), QStringList{QStringLiteral("One")});
        QCOMPARE(titles(search.search(QStringLiteral("flood* -river"), {}, 50)), QStringList{QStringLiteral("Three")});
        QString error;
        QVERIFY(search.search(QStringLiteral("-river"), {}, 50, &error).isEmpty());
        QVERIFY(!error.isEmpty()); // nothing to look for is said, not silently empty
    }

    void scopesAndReadState()
    {
        TestCache cache;
        FeedStore feeds(cache.db.connection());
        ArticleStore articles(cache.db.connection());
        const qint64 local = *feeds.localSource(QStringLiteral("Local"));
        const qint64 wire = *feeds.addSubscription(QStringLiteral("https://wire.example/feed"), QStringLiteral("Wire"));
        const qint64 a = articles.upsert(local, makeArticle(QStringLiteral("a"), QStringLiteral("Local bridge"), 100, QStringLiteral("bridge works"))).id;
        articles.upsert(wire, makeArticle(QStringLiteral("b"), QStringLiteral("Wire bridge"), 200, QStringLiteral("bridge closed")));
        const SearchStore search(cache.db.connection());
        QCOMPARE(search.search(QStringLiteral("bridge"), {}, 50).size(), 2);
        QCOMPARE(titles(search.search(QStringLiteral("bridge"), {StoryFilter::Kind::Feed, wire}, 50)),
                 QStringList{QStringLiteral("Wire bridge")});
        QVERIFY(articles.setRead({a}, true));
        QCOMPARE(titles(search.search(QStringLiteral("bridge"), {StoryFilter::Kind::Unread}, 50)),
                 QStringList{QStringLiteral("Wire bridge")});
        const auto all = search.search(QStringLiteral("bridge"), {}, 50);
        QCOMPARE(all.size(), 2);
        QVERIFY(all.at(1).story.read); // the read story says so in the results
        // An edited story is found by its new words only.
        Article edited = makeArticle(QStringLiteral("a"), QStringLiteral("Local tunnel"), 100, QStringLiteral("tunnel works"));
        articles.upsert(local, edited);
        QCOMPARE(titles(search.search(QStringLiteral("bridge"), {}, 50)), QStringList{QStringLiteral("Wire bridge")});
        QCOMPARE(titles(search.search(QStringLiteral("tunnel"), {}, 50)), QStringList{QStringLiteral("Local tunnel")});
    }
};

QTEST_GUILESS_MAIN(TestSearchStore)
#include "tst_searchstore.moc"
