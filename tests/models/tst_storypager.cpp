#include "models/storypager.h"
#include "storage/database.h"
#include "support/testcache.h"

#include <QSet>
#include <QTest>

#include <algorithm>

using namespace bulletin;

// The story list's queries on a real cache: every view comes a page at a time, in its order,
// each story once, and says when it is at its end without asking for an empty page.
class tst_StoryPager : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void storiesComeInPagesWithoutGapsOrRepeats_data();
    void storiesComeInPagesWithoutGapsOrRepeats();
    void aFeedsViewListsOnlyItsStories();
    void bookmarksComeNewestBookmarkFirst();
    void searchGivesTheBestMatchesAtOnce();
    void viewsWithoutTheirStoreListNothing();

private:
    static constexpr int kStories = 450; // two full pages and part of a third
    // Every page of the view, in order, checking each page's size and the end.
    QList<StoryRow> everyPage(StoryPager &pager, const StoryPager::View &view);

    test::TemporaryCache m_cache;
    qint64 m_feedA = 0;
    qint64 m_feedB = 0;
    QList<qint64> m_ids; // story i is published i minutes after the first
};

void tst_StoryPager::init()
{
    QVERIFY2(m_cache.open(), qPrintable(m_cache.error()));
    m_feedA = m_cache->feeds().localSource(QStringLiteral("Alpha News")).value_or(0);
    m_feedB = m_cache->feeds().localSource(QStringLiteral("Beta Wire")).value_or(0);
    QVERIFY(m_feedA && m_feedB);
    m_ids.clear();
    const QDateTime first(QDate(2024, 1, 1), QTime(8, 0), Qt::UTC);
    Transaction transaction(m_cache->database().connection());
    for (int i = 0; i < kStories; ++i) {
        Article article;
        article.guid = QStringLiteral("story-%1").arg(i);
        // Headlines that do not sort as the dates do, and repeat (the id breaks the tie).
        article.title = QStringLiteral("Harbour report %1").arg((i * 37) % 101);
        article.link = QStringLiteral("https://example.org/%1").arg(i);
        article.published = first.addSecs(qint64(i) * 60);
        article.html = QStringLiteral("<p>The harbour crossing, part %1</p>").arg(i);
        article.text = QStringLiteral("The harbour crossing, part %1").arg(i);
        const auto result = m_cache->articles().upsert(i % 3 ? m_feedA : m_feedB, article);
        QCOMPARE(result.state, ArticleStore::UpsertState::Inserted);
        m_ids << result.id;
    }
    QVERIFY(transaction.commit());
}

void tst_StoryPager::cleanup()
{
    m_cache.close();
}

QList<StoryRow> tst_StoryPager::everyPage(StoryPager &pager, const StoryPager::View &view)
{
    QList<StoryRow> rows = pager.start(view);
    int pages = 1;
    while (!pager.atEnd()) {
        if (rows.size() != pages * StoryPager::kPageSize) {
            qWarning("page %d is short although more follow", pages);
            return {};
        }
        rows << pager.next();
        ++pages;
    }
    if (!pager.next().isEmpty()) {
        qWarning("a page after the end");
        return {};
    }
    return rows;
}

void tst_StoryPager::storiesComeInPagesWithoutGapsOrRepeats_data()
{
    QTest::addColumn<QString>("order");
    QTest::newRow("newest first") << QStringLiteral("date");
    QTest::newRow("oldest first") << QStringLiteral("-date");
    QTest::newRow("headline A to Z") << QStringLiteral("headline");
    QTest::newRow("source Z to A") << QStringLiteral("-source");
}

void tst_StoryPager::storiesComeInPagesWithoutGapsOrRepeats()
{
    QFETCH(QString, order);
    const StoryOrder storyOrder = StoryOrder::fromString(order);
    StoryPager pager(m_cache->articles(), m_cache->bookmarks());
    const QList<StoryRow> rows = everyPage(
        pager, {StoryPager::Source::Stories, StoryFilter{}, storyOrder, {}});
    QCOMPARE(rows.size(), kStories);
    QSet<qint64> seen;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QVERIFY2(!seen.contains(rows.at(i).storyId), "a story came twice");
        seen.insert(rows.at(i).storyId);
        if (i > 0)
            QVERIFY2(storyOrder.precedes(rows.at(i - 1).cursor, rows.at(i).cursor), "out of order");
    }
    if (order == QLatin1String("date")) {
        QCOMPARE(rows.constFirst().storyId, m_ids.constLast());
        QCOMPARE(rows.constLast().storyId, m_ids.constFirst());
    }
}

void tst_StoryPager::aFeedsViewListsOnlyItsStories()
{
    StoryPager pager(m_cache->articles(), m_cache->bookmarks());
    const QList<StoryRow> rows = everyPage(
        pager, {StoryPager::Source::Stories, {StoryFilter::Kind::Feed, m_feedB}, StoryOrder{}, {}});
    QCOMPARE(rows.size(), kStories / 3); // stories 0, 3, 6, ...
    for (const StoryRow &row : rows)
        QCOMPARE(row.source, QStringLiteral("Beta Wire"));
    QCOMPARE(rows.constFirst().storyId, m_ids.at(kStories - 3));
}

void tst_StoryPager::bookmarksComeNewestBookmarkFirst()
{
    // Bookmarked oldest story first, most within the same second: the newest bookmark leads,
    // with its note, and each comes once.
    QList<qint64> bookmarkIds;
    for (int i = 0; i < 230; ++i) {
        const auto id = m_cache->bookmarks().add(
            m_ids.at(i), i == 229 ? QStringLiteral("read later") : QString());
        QVERIFY(id);
        bookmarkIds.prepend(*id);
    }
    StoryPager pager(m_cache->articles(), m_cache->bookmarks());
    const QList<StoryRow> rows = everyPage(
        pager, {StoryPager::Source::Bookmarks, {StoryFilter::Kind::Bookmarked}, {}, {}});
    QList<qint64> listed;
    for (const StoryRow &row : rows) {
        QVERIFY(row.bookmarked);
        listed << row.bookmarkId;
    }
    QCOMPARE(listed, bookmarkIds);
    QCOMPARE(rows.constFirst().storyId, m_ids.at(229));
    QCOMPARE(rows.constFirst().note, QStringLiteral("read later"));
}

void tst_StoryPager::searchGivesTheBestMatchesAtOnce()
{
    // Every story matches: the first kSearchLimit come at once and there is no next page.
    QVERIFY(kStories < StoryPager::kSearchLimit);
    StoryPager pager(m_cache->articles(), m_cache->bookmarks());
    pager.setSearchStore(SearchStore(m_cache->database().connection()));
    QList<StoryRow> rows = pager.start(
        {StoryPager::Source::Search, StoryFilter{}, {}, QStringLiteral("harbour")});
    QCOMPARE(rows.size(), kStories);
    QVERIFY(pager.atEnd());
    QVERIFY(pager.next().isEmpty());

    rows = pager.start({StoryPager::Source::Search,
                        {StoryFilter::Kind::Feed, m_feedB},
                        {},
                        QStringLiteral("harbour")});
    QCOMPARE(rows.size(), kStories / 3); // the scope holds
    rows = pager.start(
        {StoryPager::Source::Search, StoryFilter{}, {}, QStringLiteral("\"part 17\"")});
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.constFirst().storyId, m_ids.at(17));
}

void tst_StoryPager::viewsWithoutTheirStoreListNothing()
{
    StoryPager pager(m_cache->articles(), m_cache->bookmarks());
    QVERIFY(!pager.searchStore());
    QVERIFY(pager.start({StoryPager::Source::Search, StoryFilter{}, {}, QStringLiteral("harbour")})
                .isEmpty());
    QVERIFY(pager.atEnd());
    QVERIFY(!pager.hasAdvisoryStore());
    QVERIFY(pager.start({StoryPager::Source::Advisories, {StoryFilter::Kind::Advisories}, {}, {}})
                .isEmpty());
    QVERIFY(pager.atEnd());
}

QTEST_GUILESS_MAIN(tst_StoryPager)
#include "tst_storypager.moc"
