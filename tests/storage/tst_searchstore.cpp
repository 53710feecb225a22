#include "storage/articlestore.h"
#include "storage/feedstore.h"
#include "storage/searchstore.h"
#include "storetestutil.h"

#include <QSqlQuery>

using namespace bulletin;

// SearchStore over a real cache: what a search finds, in which order, and its snippets.
class tst_SearchStore final : public QObject
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
    // The query language (core/searchquery.h) as FTS5 is asked: each term one quoted
    // phrase, the excluded ones in one NOT.
    void translatesTheQueryForTheIndex_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("expression");
        QTest::newRow("words") << "harbour bridge"
                               << "\"harbour\" \"bridge\"";
        QTest::newRow("phrase and prefix") << "\"harbour bridge\" ferr*"
                                           << "\"harbour bridge\" \"ferr\"*";
        QTest::newRow("exclusions in one NOT") << "bridge -storm -\"high winds\""
                                               << "(\"bridge\") NOT (\"storm\" OR \"high winds\")";
        QTest::newRow("FTS5 syntax is only words") << "bridge AND NEAR(x) col:y"
                                                   << "\"bridge\" \"AND\" \"NEAR x\" \"col y\"";
        QTest::newRow("only exclusions: nothing to find") << "-storm"
                                                          << "";
        QTest::newRow("empty") << ""
                               << "";
    }
    void translatesTheQueryForTheIndex()
    {
        QFETCH(QString, query);
        QFETCH(QString, expression);
        QCOMPARE(SearchStore::ftsExpression(query), expression);
    }

    void ranksTitlesFirstThenNewer()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        FeedStore feeds(cache->database().connection());
        ArticleStore articles(cache->database().connection());
        const qint64 feed = *feeds.localSource(QStringLiteral("Local"));
        articles.upsert(feed,
                        makeArticle(QStringLiteral("a"), QStringLiteral("Harbour reopens"), 100,
                                    QStringLiteral("ships return after the storm")));
        articles.upsert(feed,
                        makeArticle(QStringLiteral("b"), QStringLiteral("Storm damage counted"),
                                    200, QStringLiteral("roofs and trees down")));
        articles.upsert(feed,
                        makeArticle(QStringLiteral("c"), QStringLiteral("Markets calm"), 300,
                                    QStringLiteral("traders shrug off the storm")));
        const SearchStore search(cache->database().connection());
        QString error;
        const auto found = search.search(QStringLiteral("storm"), {}, 50, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // The headline match first; the two text matches are equally good, the newer wins.
        QCOMPARE(titles(found),
                 (QStringList{QStringLiteral("Storm damage counted"),
                              QStringLiteral("Markets calm"), QStringLiteral("Harbour reopens")}));
        QCOMPARE(found.at(1).snippet, QStringLiteral("traders shrug off the [storm]"));
        QCOMPARE(found.at(0).story.source, QStringLiteral("Local"));
        QVERIFY(!found.at(0).story.read);
        // The limit keeps the best ones.
        QCOMPARE(titles(search.search(QStringLiteral("storm"), {}, 1)),
                 QStringList{QStringLiteral("Storm damage counted")});
        // The same results with their snippets left for later, and each snippet when asked.
        const auto later = search.search(QStringLiteral("storm"), {}, 50, nullptr,
                                         SearchStore::Snippets::OnRequest);
        QCOMPARE(titles(later), titles(found));
        for (qsizetype i = 0; i < later.size(); ++i) {
            QVERIFY(later.at(i).snippet.isEmpty());
            QCOMPARE(later.at(i).rank, found.at(i).rank);
            QCOMPARE(search.snippetOf(later.at(i).story.id, QStringLiteral("storm")),
                     found.at(i).snippet);
        }
    }

    void weighsRareWordsAboveCommonOnes()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        FeedStore feeds(cache->database().connection());
        ArticleStore articles(cache->database().connection());
        const qint64 feed = *feeds.localSource(QStringLiteral("Local"));
        {
            Transaction transaction(cache->database().connection());
            for (int i = 0; i < 30; ++i)
                articles.upsert(feed,
                                makeArticle(QStringLiteral("n%1").arg(i),
                                            QStringLiteral("Council news %1").arg(i), 100 + i,
                                            QStringLiteral("the council met")));
            // Both have both words; the older one has the rare word in its headline, the
            // newer (and shorter) one the common word.
            articles.upsert(feed,
                            makeArticle(QStringLiteral("q"), QStringLiteral("Quokka sighted"), 500,
                                        QStringLiteral("the council heard of it")));
            articles.upsert(feed,
                            makeArticle(QStringLiteral("c"), QStringLiteral("Council votes"), 600,
                                        QStringLiteral("a quokka was seen")));
            QVERIFY(transaction.commit());
        }
        const SearchStore search(cache->database().connection());
        const auto found = search.search(QStringLiteral("council quokka"), {}, 50);
        QCOMPARE(titles(found),
                 (QStringList{QStringLiteral("Quokka sighted"), QStringLiteral("Council votes")}));
        QVERIFY(found.at(0).rank < found.at(1).rank);
        // Below kRaritySample stories the scores are FTS5's own bm25().
        QSqlQuery q(cache->database().connection());
        QVERIFY(
            q.exec(QStringLiteral("SELECT rowid, bm25(articles_fts, 10.0, 1.0) FROM articles_fts "
                                  "WHERE articles_fts MATCH '\"council\" \"quokka\"'")));
        int compared = 0;
        while (q.next()) {
            for (const SearchStore::Result &r : found) {
                if (r.story.id == q.value(0).toLongLong()) {
                    QVERIFY2(qFuzzyCompare(r.rank, q.value(1).toDouble()),
                             qPrintable(QString::number(r.rank)));
                    ++compared;
                }
            }
        }
        QCOMPARE(compared, 2);
    }

    void phrasesPrefixesAndExclusions()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        FeedStore feeds(cache->database().connection());
        ArticleStore articles(cache->database().connection());
        const qint64 feed = *feeds.localSource(QStringLiteral("Local"));
        articles.upsert(feed,
                        makeArticle(QStringLiteral("a"), QStringLiteral("One"), 100,
                                    QStringLiteral("the river flooded the town")));
        articles.upsert(feed,
                        makeArticle(QStringLiteral("b"), QStringLiteral("Two"), 200,
                                    QStringLiteral("the town flooded the river")));
        articles.upsert(feed,
                        makeArticle(QStringLiteral("c"), QStringLiteral("Three"), 300,
                                    QStringLiteral("floodwater reached the town")));
        const SearchStore search(cache->database().connection());
        QCOMPARE(titles(search.search(QStringLiteral("\"river flooded\""), {}, 50)),
                 QStringList{QStringLiteral("One")});
        QCOMPARE(titles(search.search(QStringLiteral("flood* -river"), {}, 50)),
                 QStringList{QStringLiteral("Three")});
        QString error;
        QVERIFY(search.search(QStringLiteral("-river"), {}, 50, &error).isEmpty());
        QVERIFY(!error.isEmpty()); // nothing to look for is said, not silently empty
    }

    void scopesAndReadState()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        FeedStore feeds(cache->database().connection());
        ArticleStore articles(cache->database().connection());
        const qint64 local = *feeds.localSource(QStringLiteral("Local"));
        const qint64 wire = *feeds.addSubscription(QStringLiteral("https://wire.example/feed"),
                                                   QStringLiteral("Wire"));
        const qint64 a = articles
                             .upsert(local,
                                     makeArticle(QStringLiteral("a"),
                                                 QStringLiteral("Local bridge"), 100,
                                                 QStringLiteral("bridge works")))
                             .id;
        articles.upsert(wire,
                        makeArticle(QStringLiteral("b"), QStringLiteral("Wire bridge"), 200,
                                    QStringLiteral("bridge closed")));
        const SearchStore search(cache->database().connection());
        QCOMPARE(search.search(QStringLiteral("bridge"), {}, 50).size(), 2);
        QCOMPARE(
            titles(search.search(QStringLiteral("bridge"), {StoryFilter::Kind::Feed, wire}, 50)),
            QStringList{QStringLiteral("Wire bridge")});
        QVERIFY(articles.setRead({a}, true));
        QCOMPARE(titles(search.search(QStringLiteral("bridge"), {StoryFilter::Kind::Unread}, 50)),
                 QStringList{QStringLiteral("Wire bridge")});
        const auto all = search.search(QStringLiteral("bridge"), {}, 50);
        QCOMPARE(all.size(), 2);
        QVERIFY(all.at(1).story.read); // the read story says so in the results
        // An edited story is found by its new words only.
        Article edited = makeArticle(QStringLiteral("a"), QStringLiteral("Local tunnel"), 100,
                                     QStringLiteral("tunnel works"));
        articles.upsert(local, edited);
        QCOMPARE(titles(search.search(QStringLiteral("bridge"), {}, 50)),
                 QStringList{QStringLiteral("Wire bridge")});
        QCOMPARE(titles(search.search(QStringLiteral("tunnel"), {}, 50)),
                 QStringList{QStringLiteral("Local tunnel")});
    }

    void snippetsShowTheBestMatch()
    {
        QStringList words;
        for (int i = 0; i < 40; ++i)
            words << QStringLiteral("w%1").arg(i);
        words[5] = QStringLiteral("storm");
        words[25] = QStringLiteral("Storm,");
        words[28] = QStringLiteral("budget");
        const QString text = words.join(QLatin1Char(' '));
        // Both words beat the earlier lone one; the window is centred on them and the cut
        // ends are marked.
        const QString both = SearchStore::snippet(text, QStringLiteral("storm budget"));
        QCOMPARE(
            both,
            QStringLiteral(
                "\u2026w20 w21 w22 w23 w24 [Storm], w26 w27 [budget] w29 w30 w31 w32 w33\u2026"));
        // One word: its first place, the text's start kept whole.
        QCOMPARE(SearchStore::snippet(text, QStringLiteral("storm -budget")),
                 QStringLiteral("w0 w1 w2 w3 w4 [storm] w6 w7 w8 w9 w10 w11 w12 w13\u2026"));
        // Nothing in the text (a headline match): the text's beginning.
        QCOMPARE(SearchStore::snippet(text, QStringLiteral("harbour")),
                 QStringLiteral("w0 w1 w2 w3 w4 storm w6 w7 w8 w9 w10 w11 w12 w13\u2026"));
        // Case, diacritics and prefixes match as in the index.
        QCOMPARE(SearchStore::snippet(QStringLiteral("Caf\u00e9 in Z\u00fcrich: FLOODING."),
                                      QStringLiteral("cafe zurich flood*")),
                 QStringLiteral("[Caf\u00e9] in [Z\u00fcrich]: [FLOODING]."));
        QCOMPARE(SearchStore::snippet(QString(), QStringLiteral("storm")), QString());
    }

    void ranksTheNewestMatchesWhenManyMatch()
    {
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        FeedStore feeds(cache->database().connection());
        ArticleStore articles(cache->database().connection());
        const qint64 local = *feeds.localSource(QStringLiteral("Local"));
        const qint64 wire = *feeds.addSubscription(QStringLiteral("https://wire.example/feed"),
                                                   QStringLiteral("Wire"));
        {
            Transaction transaction(cache->database().connection());
            // Stored first: the best match of all, a headline with both words.
            articles.upsert(wire,
                            makeArticle(QStringLiteral("old"),
                                        QStringLiteral("Storm budget agreed"), 100,
                                        QStringLiteral("the storm budget passed; a rare quokka")));
            // Then more text-only matches than a search ranks, then one headline match.
            for (int i = 0; i < SearchStore::kRankedMatches; ++i)
                articles.upsert(local,
                                makeArticle(QStringLiteral("n%1").arg(i),
                                            QStringLiteral("Council news %1").arg(i), 200 + i,
                                            QStringLiteral("the storm and the budget")));
            articles.upsert(local,
                            makeArticle(QStringLiteral("new"), QStringLiteral("Storm budget vote"),
                                        5000, QStringLiteral("the storm budget vote")));
            QVERIFY(transaction.commit());
        }
        const SearchStore search(cache->database().connection());
        // Everywhere, the newest matches are ranked: the newest headline match leads, and the
        // oldest story, though the better match, is not among them.
        const QStringList everywhere = titles(
            search.search(QStringLiteral("storm budget"), {}, 50));
        QCOMPARE(everywhere.size(), 50);
        QCOMPARE(everywhere.first(), QStringLiteral("Storm budget vote"));
        QVERIFY(!everywhere.contains(QStringLiteral("Storm budget agreed")));
        // The newest matches are counted in the scope searched: the wire's one story is found.
        QCOMPARE(titles(search.search(QStringLiteral("storm budget"),
                                      {StoryFilter::Kind::Feed, wire}, 50)),
                 QStringList{QStringLiteral("Storm budget agreed")});
        // A word that few stories have finds the old story everywhere.
        QCOMPARE(titles(search.search(QStringLiteral("quokka storm"), {}, 50)),
                 QStringList{QStringLiteral("Storm budget agreed")});
    }

    // A long paste into the search box is a query too: hundreds of words to find, or to
    // leave out, run like any other query (SQLite limits a function to 127 arguments and
    // FTS5 its parser's nesting; neither may show through).
    void longQueriesRun_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("found");
        QStringList words;
        QStringList excluded;
        for (int i = 0; i < 3000; ++i) {
            words << QStringLiteral("w%1").arg(i);
            excluded << QStringLiteral("-x%1").arg(i);
        }
        QTest::newRow("3,000 words, a whole story pasted")
            << words.join(u' ') << QStringList{QStringLiteral("Every word")};
        QTest::newRow("300 words left out")
            << QStringLiteral("storm ") + excluded.mid(0, 300).join(u' ')
            << QStringList{QStringLiteral("Storm at sea"), QStringLiteral("Every word")};
        QTest::newRow("3,000 words left out, one of them in a story")
            << QStringLiteral("storm -w7 ") + excluded.join(u' ')
            << QStringList{QStringLiteral("Storm at sea")};
    }

    void longQueriesRun()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, found);
        test::TemporaryCache cache;
        QVERIFY2(cache.open(), qPrintable(cache.error()));
        FeedStore feeds(cache->database().connection());
        ArticleStore articles(cache->database().connection());
        const qint64 feed = *feeds.localSource(QStringLiteral("Local"));
        QStringList every;
        for (int i = 0; i < 3000; ++i)
            every << QStringLiteral("w%1").arg(i);
        articles.upsert(feed,
                        makeArticle(QStringLiteral("a"), QStringLiteral("Storm at sea"), 100,
                                    QStringLiteral("ships return after the storm")));
        articles.upsert(feed,
                        makeArticle(QStringLiteral("b"), QStringLiteral("Every word"), 200,
                                    QStringLiteral("the storm, and ") + every.join(u' ')));
        articles.upsert(feed,
                        makeArticle(QStringLiteral("c"), QStringLiteral("Calm"), 300,
                                    QStringLiteral("no wind today")));
        const SearchStore search(cache->database().connection());
        QString error;
        const auto results = search.search(query, {}, 50, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error.left(300)));
        QCOMPARE(titles(results), found);
        QVERIFY(!SearchStore::snippet(every.join(u' '), query).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_SearchStore)
#include "tst_searchstore.moc"
