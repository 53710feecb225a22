#include "core/related/coveragescorer.h"
#include "core/related/relatedterms.h"

#include <QTest>

using namespace bulletin;

namespace {

const QDateTime kNoon = QDateTime(QDate(2014, 4, 2), QTime(12, 0), Qt::UTC);

CoverageCandidate story(qint64 id, qint64 feed, const QString &title, int hours = 0,
                        const QString &category = QStringLiteral("business"))
{
    CoverageCandidate c;
    c.id = id;
    c.feedId = feed;
    c.title = title;
    c.published = kNoon.addSecs(hours * 3600);
    if (!category.isEmpty())
        c.categories = {category};
    return c;
}

// Frequencies as a cache of 1,000 headlines might have them: common topic words are
// frequent, event words and names are rare.
QHash<QString, int> frequencies()
{
    return {{QStringLiteral("gm"), 20},      {QStringLiteral("recall"), 30},
            {QStringLiteral("recalls"), 25}, {QStringLiteral("ignition"), 4},
            {QStringLiteral("switch"), 6},   {QStringLiteral("car"), 60},
            {QStringLiteral("cars"), 40},    {QStringLiteral("million"), 80},
            {QStringLiteral("1"), 90},       {QStringLiteral("6"), 70},
            {QStringLiteral("faulty"), 5},   {QStringLiteral("stocks"), 90},
            {QStringLiteral("close"), 60},   {QStringLiteral("higher"), 50},
            {QStringLiteral("barra"), 5},    {QStringLiteral("expands"), 10},
            {QStringLiteral("general"), 30}, {QStringLiteral("motors"), 25}};
}

} // namespace

Q_DECLARE_METATYPE(bulletin::CoverageCandidate)

class tst_CoverageScorer : public QObject
{
    Q_OBJECT

private slots:
    void headlineTerms_data();
    void headlineTerms();
    void names_data();
    void names();
    void syndicationKey_data();
    void syndicationKey();
    void ranking_data();
    void ranking();
    void syndicatedCopiesCollapse();
    void windowCoversThreshold();
    void candidatesAreFetchedByWordsThatPickOutAnEvent_data();
    void candidatesAreFetchedByWordsThatPickOutAnEvent();
    void aSmallCacheWeighsWordsAsALargeOneDoes_data();
    void aSmallCacheWeighsWordsAsALargeOneDoes();
};

void tst_CoverageScorer::headlineTerms_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QStringList>("stems");

    QTest::newRow("stop words dropped")
        << QStringLiteral("The Fed says it will hold rates")
        << QStringList{QStringLiteral("fed"), QStringLiteral("hold"), QStringLiteral("rate")};
    QTest::newRow("plurals stemmed, -ss kept")
        << QStringLiteral("Companies brace for glass shortages")
        << QStringList{QStringLiteral("company"), QStringLiteral("brace"), QStringLiteral("glass"),
                       QStringLiteral("shortage")};
    QTest::newRow("entity and possessive, as unicode61 splits them")
        << QStringLiteral("Apple&#39;s iPhone sales")
        << QStringList{QStringLiteral("apple"), QStringLiteral("iphone"), QStringLiteral("sale")};
    QTest::newRow("diacritics folded like remove_diacritics")
        << QStringLiteral("Pokémon café")
        << QStringList{QStringLiteral("pokemon"), QStringLiteral("cafe")};
    QTest::newRow("repeated word once")
        << QStringLiteral("Recall after recall") << QStringList{QStringLiteral("recall")};
}

void tst_CoverageScorer::headlineTerms()
{
    QFETCH(QString, title);
    QFETCH(QStringList, stems);
    QStringList got;
    for (const RelatedTerm &t : bulletin::headlineTerms(title))
        got.append(t.stem);
    QCOMPARE(got, stems);
}

void tst_CoverageScorer::names_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QStringList>("names");

    QTest::newRow("sentence case: capitalised words are names")
        << QStringLiteral("Strong quake rattles Iquique in northern Chile")
        << QStringList{QStringLiteral("iquique"), QStringLiteral("chile")};
    QTest::newRow("title case: only acronyms")
        << QStringLiteral("GM Recalls Cars Over Faulty Ignition Switch")
        << QStringList{QStringLiteral("gm")};
    QTest::newRow("first word is not a name by its capital")
        << QStringLiteral("Markets slip as Yellen speaks") << QStringList{QStringLiteral("yellen")};
}

void tst_CoverageScorer::names()
{
    QFETCH(QString, title);
    QFETCH(QStringList, names);
    QStringList got;
    for (const RelatedTerm &t : bulletin::headlineTerms(title))
        if (t.name)
            got.append(t.surface);
    QCOMPARE(got, names);
}

void tst_CoverageScorer::syndicationKey_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");

    QTest::newRow("case and punctuation")
        << QStringLiteral("GM recalls 1.6 million cars")
        << QStringLiteral("GM Recalls 1.6 Million Cars...") << true;
    QTest::newRow("entities") << QStringLiteral("AT&amp;T buys DirecTV")
                              << QStringLiteral("AT&T buys DirecTV") << true;
    QTest::newRow("different words")
        << QStringLiteral("GM recalls cars") << QStringLiteral("GM recalls trucks") << false;
}

void tst_CoverageScorer::syndicationKey()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(bulletin::syndicationKey(a) == bulletin::syndicationKey(b), same);
}

void tst_CoverageScorer::ranking_data()
{
    QTest::addColumn<CoverageCandidate>("candidate");
    QTest::addColumn<bool>("listed");

    // Against "GM recalls 1.6 million cars over faulty ignition switch" (feed 1, noon).
    QTest::newRow("same event, other feed, hours later")
        << story(2, 2, QStringLiteral("General Motors expands ignition switch recall"), 5) << true;
    QTest::newRow("same event, a week later")
        << story(3, 2, QStringLiteral("General Motors expands ignition switch recall"), 24 * 7)
        << false;
    QTest::newRow("same topic word only")
        << story(4, 2, QStringLiteral("Stocks close higher as car makers rally"), 2) << false;
    QTest::newRow("same words, unrelated category")
        << story(5, 2, QStringLiteral("Ignition switch recall"), 2, QStringLiteral("entertainment"))
        << true;
    QTest::newRow("no shared word")
        << story(6, 2, QStringLiteral("Barra apologises to families"), 1) << false;
}

void tst_CoverageScorer::ranking()
{
    QFETCH(CoverageCandidate, candidate);
    QFETCH(bool, listed);
    CoverageScorer scorer(
        story(1, 1, QStringLiteral("GM recalls 1.6 million cars over faulty ignition switch")),
        1000);
    scorer.addDocumentFrequencies(frequencies());
    QCOMPARE(!scorer.rank({candidate}, 5).isEmpty(), listed);
}

void tst_CoverageScorer::syndicatedCopiesCollapse()
{
    CoverageScorer scorer(
        story(1, 1, QStringLiteral("GM recalls 1.6 million cars over faulty ignition switch")),
        1000);
    scorer.addDocumentFrequencies(frequencies());
    const QList<ScoredCoverage> ranked = scorer.rank(
        {story(2, 2, QStringLiteral("General Motors expands ignition switch recall"), 3),
         story(3, 3, QStringLiteral("General Motors Expands Ignition Switch Recall"), 4),
         story(4, 4, QStringLiteral("GM recalls 1.6 million cars over faulty ignition switch"), 1),
         story(5, 1, QStringLiteral("GM ignition switch recall widens"), 2)},
        5);
    QList<qint64> ids;
    for (const ScoredCoverage &s : ranked)
        ids.append(s.candidate.id);
    // 4 is a copy of the query itself and 3 a copy of 2: one of 2 and 3 stays, and the
    // same feed's own follow-up (5) still counts.
    QCOMPARE(ids.size(), 2);
    QVERIFY(ids.contains(5));
    QVERIFY(ids.contains(2) != ids.contains(3));
}

void tst_CoverageScorer::windowCoversThreshold()
{
    CoverageScorer scorer(story(1, 1, QStringLiteral("Ignition switch recall")), 1000);
    scorer.addDocumentFrequencies(frequencies());
    const qint64 window = scorer.windowSeconds();
    // An identical headline just outside the window must already be below the threshold.
    CoverageCandidate far = story(2, 2, QStringLiteral("Ignition switch recall expands"));
    far.published = kNoon.addSecs(window);
    QVERIFY(scorer.rank({far}, 5).isEmpty());
}

void tst_CoverageScorer::candidatesAreFetchedByWordsThatPickOutAnEvent_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<int>("headlines");
    QTest::addColumn<QStringList>("fetched");
    // A word in more than a quarter of the cache's headlines (and in more than 200) fetches
    // nothing; the others do, the rarest first.
    QTest::newRow("a feed's numbered titles")
        << QStringLiteral("Story 123") << 1000 << QStringList{QStringLiteral("123")};
    QTest::newRow("words of a fifth of the headlines or fewer")
        << QStringLiteral("Flood warning for Hull") << 1000
        << QStringList{QStringLiteral("hull"), QStringLiteral("warning"), QStringLiteral("flood")};
    QTest::newRow("half and almost a third of the headlines")
        << QStringLiteral("Weather update for Hull") << 1000 << QStringList{QStringLiteral("hull")};
    QTest::newRow("nothing but common words")
        << QStringLiteral("Weather update") << 1000 << QStringList{};
    QTest::newRow("a small cache: half its headlines are few")
        << QStringLiteral("Weather update for Hull") << 300
        << QStringList{QStringLiteral("hull"), QStringLiteral("update"), QStringLiteral("weather")};
}

void tst_CoverageScorer::candidatesAreFetchedByWordsThatPickOutAnEvent()
{
    QFETCH(QString, title);
    QFETCH(int, headlines);
    QFETCH(QStringList, fetched);
    CoverageScorer scorer(story(1, 1, title), headlines);
    const double scale = headlines / 1000.0;
    scorer.addDocumentFrequencies({{QStringLiteral("story"), int(1000 * scale)},
                                   {QStringLiteral("123"), 1},
                                   {QStringLiteral("flood"), int(200 * scale)},
                                   {QStringLiteral("warning"), int(100 * scale)},
                                   {QStringLiteral("hull"), 5},
                                   {QStringLiteral("weather"), int(500 * scale)},
                                   {QStringLiteral("update"), int(300 * scale)}});
    QCOMPARE(scorer.distinctiveSurfaces(8), fetched);
}

void tst_CoverageScorer::aSmallCacheWeighsWordsAsALargeOneDoes_data()
{
    QTest::addColumn<int>("headlines");
    QTest::addColumn<QString>("title");
    QTest::addColumn<bool>("listed");
    // Two reports of one event that share its word and little else. In a cache of a day's
    // 113 headlines "gluten" is in 6 of them: counted out of 113 it weighs little more than
    // a common word and the reports do not meet; a cache of weeks lists them.
    const QString kimmel = QStringLiteral(
        "Kimmel Can't Find One Gluten-Free Person Who Knows What Gluten Is");
    QTest::newRow("a day's cache, the event's word") << 113 << kimmel << true;
    QTest::newRow("a cache of weeks, the event's word") << 20000 << kimmel << true;
    // A word common in the small cache still picks out nothing.
    const QString alibaba = QStringLiteral(
        "Speakers' China tour as Alibaba aims to raise $1B in IPO");
    QTest::newRow("a day's cache, a common word") << 113 << alibaba << false;
    QTest::newRow("a cache of weeks, a common word") << 20000 << alibaba << false;
}

void tst_CoverageScorer::aSmallCacheWeighsWordsAsALargeOneDoes()
{
    QFETCH(int, headlines);
    QFETCH(QString, title);
    QFETCH(bool, listed);
    CoverageScorer scorer(
        story(1, 1, QStringLiteral("Gluten-free isn't necessarily healthful, speakers say")),
        headlines);
    const double scale = headlines / 113.0;
    scorer.addDocumentFrequencies({{QStringLiteral("gluten"), 6},
                                   {QStringLiteral("free"), 3},
                                   {QStringLiteral("isn"), 1},
                                   {QStringLiteral("necessarily"), 1},
                                   {QStringLiteral("healthful"), 1},
                                   {QStringLiteral("speakers"), int(8 * scale)},
                                   {QStringLiteral("speaker"), int(8 * scale)}});
    QCOMPARE(!scorer.rank({story(2, 2, title, 3)}, 5).isEmpty(), listed);
}

QTEST_GUILESS_MAIN(tst_CoverageScorer)
#include "tst_coveragescorer.moc"
