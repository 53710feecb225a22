#include "models/storylistmodel.h"
#include "storage/advisorystore.h"
#include "storage/cache.h"
#include "storage/coveragestore.h"
#include "storage/database.h"
#include "storage/searchstore.h"
#include "support/testcache.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QIcon>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace bulletin;

class tst_StoryListModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void modelTester();
    void pagesNewestFirst();
    void unreadRowsAreBold();
    void markers();
    void filters();
    void locateStoryPagesOnDemand();
    void sortedViewsPageInTheCachesOrder_data();
    void sortedViewsPageInTheCachesOrder();
    void eachViewKeepsItsOrder();
    void advisoriesViewPagesInAdvisoryOrder();
    void bookmarkViewKeepsStoryThatLeftTheCache();
    void bookmarkViewPagesNewestFirst();
    void searchingInBookmarksListsTheResults();
    void opensLargeCacheWithOnePage();
    void eventsShowTheirSourcesAndGroup();
    void eventsFollowNewCoverageInPlace();

private:
    static constexpr int kStories = 1200;
    QDateTime publishedFor(int i) const { return m_base.addSecs(qint64(i) * 60); }

    test::TemporaryCache m_cache;
    qint64 m_feedA = 0;
    qint64 m_feedB = 0;
    QList<qint64> m_ids; // by i: story i is published at m_base + i minutes
    QDateTime m_base = QDateTime(QDate(2024, 1, 1), QTime(8, 0), Qt::UTC);
};

void tst_StoryListModel::init()
{
    // One cache per test function and data row.
    QVERIFY2(m_cache.open(), qPrintable(m_cache.error()));
    m_feedA = m_cache->feeds().localSource(QStringLiteral("Alpha News")).value_or(0);
    m_feedB = m_cache->feeds().localSource(QStringLiteral("Beta Wire")).value_or(0);
    QVERIFY(m_feedA && m_feedB);

    m_ids.clear();
    Transaction transaction(m_cache->database().connection());
    for (int i = 0; i < kStories; ++i) {
        Article article;
        article.guid = QStringLiteral("story-%1").arg(i);
        article.title = QStringLiteral("Story %1").arg(i);
        article.link = QStringLiteral("https://example.org/%1").arg(i);
        article.published = publishedFor(i);
        article.html = QStringLiteral("<p>Body %1</p>").arg(i);
        article.text = QStringLiteral("Body %1").arg(i);
        if (i % 100 == 7) {
            Advisory advisory;
            advisory.headline = QStringLiteral("Advisory %1").arg(i);
            advisory.text = QStringLiteral("Take care.");
            advisory.severity = QStringLiteral("Moderate");
            advisory.status = QStringLiteral("active");
            advisory.origin = QStringLiteral("section");
            article.advisory = advisory;
        }
        const auto result = m_cache->articles().upsert(i % 2 ? m_feedB : m_feedA, article);
        QCOMPARE(result.state, ArticleStore::UpsertState::Inserted);
        m_ids << result.id;
    }
    QVERIFY(transaction.commit());
}

void tst_StoryListModel::cleanup()
{
    m_cache.close();
}

void tst_StoryListModel::modelTester()
{
    StoryListModel model(m_cache->articles(), m_cache->bookmarks());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), kStories);
    model.setFilter({StoryFilter::Kind::Feed, m_feedB});
    model.setStoryRead(m_ids.at(kStories - 1), true);
    model.setFilter({StoryFilter::Kind::Bookmarked});
}

void tst_StoryListModel::pagesNewestFirst()
{
    StoryListModel model(m_cache->articles(), m_cache->bookmarks());
    QCOMPARE(model.rowCount(), StoryListModel::kPageSize);
    QVERIFY(model.canFetchMore({}));
    QCOMPARE(model.columnCount(), 4); // headline, source, date and (for bookmarks) the note
    QCOMPARE(model.headerData(StoryListModel::HeadlineColumn, Qt::Horizontal).toString(),
             QStringLiteral("Headline"));

    int pages = 1;
    while (model.canFetchMore({})) {
        const int before = model.rowCount();
        model.fetchMore({});
        QVERIFY(model.rowCount() > before);
        ++pages;
    }
    QCOMPARE(pages, (kStories + StoryListModel::kPageSize - 1) / StoryListModel::kPageSize);
    QCOMPARE(model.rowCount(), kStories);
    for (int row = 0; row < model.rowCount(); ++row) {
        const int i = kStories - 1 - row;
        QCOMPARE(model.storyIdAt(row), m_ids.at(i));
        QCOMPARE(model.index(row, StoryListModel::HeadlineColumn).data().toString(),
                 QStringLiteral("Story %1").arg(i));
    }
    QCOMPARE(model.index(0, StoryListModel::SourceColumn).data().toString(),
             QStringLiteral("Beta Wire"));
    QVERIFY(!model.index(0, StoryListModel::DateColumn).data().toString().isEmpty());
}

void tst_StoryListModel::unreadRowsAreBold()
{
    const qint64 newest = m_ids.last();
    QVERIFY(m_cache->articles().setRead({newest}, true));
    StoryListModel model(m_cache->articles(), m_cache->bookmarks());
    const auto isBold = [&](int row) {
        return model.index(row, StoryListModel::HeadlineColumn)
            .data(Qt::FontRole)
            .value<QFont>()
            .bold();
    };
    QVERIFY(!isBold(0));
    QVERIFY(isBold(1));
    QCOMPARE(model.index(1, 0).data(StoryListModel::ReadRole).toBool(), false);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setStoryRead(m_ids.at(kStories - 2), true);
    QCOMPARE(changed.size(), 1);
    QVERIFY(!isBold(1));
}

void tst_StoryListModel::markers()
{
    const qint64 bookmarked = m_ids.at(kStories - 2);
    QVERIFY(m_cache->bookmarks().add(bookmarked));
    StoryListModel model(m_cache->articles(), m_cache->bookmarks());

    const int bookmarkedRow = model.rowForStory(bookmarked);
    QCOMPARE(bookmarkedRow, 1);
    QVERIFY(model.index(bookmarkedRow, 0).data(StoryListModel::BookmarkedRole).toBool());
    QVERIFY(model.index(bookmarkedRow, 0)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Bookmarked")));
    // Story 1107 (i % 100 == 7) carries an advisory; it is on the first page.
    const int advisoryRow = model.rowForStory(m_ids.at(1107));
    QVERIFY(advisoryRow >= 0);
    QVERIFY(model.index(advisoryRow, 0).data(StoryListModel::AdvisoryRole).toBool());
    QVERIFY(!model.index(0, 0).data(StoryListModel::AdvisoryRole).toBool());

    // Every row carries a same-sized icon, so headlines line up; marked rows differ.
    const QIcon plain = model.index(0, 0).data(Qt::DecorationRole).value<QIcon>();
    const QIcon star = model.index(bookmarkedRow, 0).data(Qt::DecorationRole).value<QIcon>();
    const QIcon warning = model.index(advisoryRow, 0).data(Qt::DecorationRole).value<QIcon>();
    QVERIFY(!plain.isNull() && !star.isNull() && !warning.isNull());
    QVERIFY(plain.cacheKey() != star.cacheKey());
    QVERIFY(star.cacheKey() != warning.cacheKey());
    QVERIFY(model.index(0, StoryListModel::SourceColumn).data(Qt::DecorationRole).isNull());

    model.setStoryBookmarked(bookmarked, false);
    QVERIFY(!model.index(bookmarkedRow, 0).data(StoryListModel::BookmarkedRole).toBool());
}

void tst_StoryListModel::filters()
{
    StoryListModel model(m_cache->articles(), m_cache->bookmarks());
    model.setFilter({StoryFilter::Kind::Feed, m_feedA});
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), kStories / 2);
    QCOMPARE(model.index(0, StoryListModel::SourceColumn).data().toString(),
             QStringLiteral("Alpha News"));

    model.setFilter({StoryFilter::Kind::Advisories});
    QCOMPARE(model.rowCount(), kStories / 100);
    QVERIFY(!model.canFetchMore({}));

    QVERIFY(m_cache->articles().setRead({m_ids.last()}, true));
    model.setFilter({StoryFilter::Kind::Unread});
    QCOMPARE(model.storyIdAt(0), m_ids.at(kStories - 2));
}

void tst_StoryListModel::advisoriesViewPagesInAdvisoryOrder()
{
    // 450 more advisories: every tenth Severe (expiring later the later it was added), the
    // rest Minor. The view lists the Severe ones first, soonest expiry first, a page at a time.
    {
        Transaction transaction(m_cache->database().connection());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 450; ++i) {
            Article article;
            article.guid = QStringLiteral("alert-%1").arg(i);
            article.title = QStringLiteral("Alert %1").arg(i);
            article.published = publishedFor(i);
            Advisory advisory;
            advisory.headline = article.title;
            advisory.severity = i % 10 == 0 ? QStringLiteral("Severe") : QStringLiteral("Minor");
            advisory.status = QStringLiteral("active");
            advisory.expires = now.addDays(1 + i);
            article.advisory = advisory;
            QCOMPARE(m_cache->articles().upsert(m_feedA, article).state,
                     ArticleStore::UpsertState::Inserted);
        }
        QVERIFY(transaction.commit());
    }
    StoryListModel model(m_cache->articles(), m_cache->bookmarks());
    model.setAdvisoryStore(AdvisoryStore(m_cache->database().connection()));
    model.setFilter({StoryFilter::Kind::Advisories});
    QCOMPARE(model.rowCount(), int(StoryListModel::kPageSize));
    QVERIFY(model.canFetchMore({}));
    const QString title = model.index(0, StoryListModel::HeadlineColumn).data().toString();
    QVERIFY2(title.startsWith(QLatin1String("Alert 0")), qPrintable(title));
    QVERIFY(model.index(44, StoryListModel::HeadlineColumn)
                .data()
                .toString()
                .startsWith(QLatin1String("Alert 440")));
    // The story at the end is found by paging on.
    const int expected = 450 + kStories / 100;
    const qint64 last = m_cache->articles()
                            .resolve({}, QStringLiteral("Alert 449"))
                            .value_or(0); // Minor, expiring last
    QVERIFY(last);
    const int row = model.locateStory(last, expected);
    QCOMPARE(row, expected - 1);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), expected);
}

void tst_StoryListModel::locateStoryPagesOnDemand()
{
    StoryListModel model(m_cache->articles(), m_cache->bookmarks());
    const qint64 old = m_ids.at(300); // row kStories - 1 - 300 = 899: page 5
    QCOMPARE(model.rowForStory(old), -1);
    QCOMPARE(model.locateStory(old), kStories - 1 - 300);
    QVERIFY(model.rowCount() < kStories); // stopped paging once found

    // A story outside the view is not found, and looking costs no paging past it.
    model.setFilter({StoryFilter::Kind::Feed, m_feedA});
    const qint64 inB = m_ids.at(kStories - 1);
    QCOMPARE(model.locateStory(inB), -1);
    QCOMPARE(model.rowCount(), StoryListModel::kPageSize);
}

void tst_StoryListModel::sortedViewsPageInTheCachesOrder_data()
{
    QTest::addColumn<QString>("view");
    QTest::addColumn<QString>("order");
    for (const char *view : {"all", "unread", "feed", "folder"}) {
        for (const char *order : {"date", "-date", "headline", "-headline", "source", "-source"})
            QTest::addRow("%s by %s", view, order)
                << QString::fromLatin1(view) << QString::fromLatin1(order);
    }
}

void tst_StoryListModel::sortedViewsPageInTheCachesOrder()
{
    QFETCH(QString, view);
    QFETCH(QString, order);
    // Headlines that tie once case is folded, many times over (ties straddle every page
    // boundary), with non-ASCII and punctuation that sort differently folded and not; a
    // third source whose name sorts first only when case is folded, in a folder with Alpha.
    const qint64 able = m_cache->feeds().localSource(QStringLiteral("able Times")).value_or(0);
    QVERIFY(able);
    const qint64 folder = m_cache->feeds().folderForPath({QStringLiteral("Europe")});
    QVERIFY(m_cache->feeds().moveToFolder(able, folder));
    QVERIFY(m_cache->feeds().moveToFolder(m_feedA, folder));
    const QStringList titles = {QStringLiteral("apple pie"),   QStringLiteral("Apple Pie"),
                                QStringLiteral("\u00c9clair"), QStringLiteral("_memo"),
                                QStringLiteral("Zebra"),       QStringLiteral("zebra"),
                                QStringLiteral("[brackets]")};
    {
        Transaction transaction(m_cache->database().connection());
        for (int i = 0; i < 700; ++i) {
            Article article;
            article.guid = QStringLiteral("tie-%1").arg(i);
            article.title = titles.at(i % titles.size());
            article.published = publishedFor(i % 50); // dates tie too
            article.text = QStringLiteral("Tie %1").arg(i);
            QVERIFY(m_cache->articles().upsert(i % 3 ? able : m_feedA, article).id > 0);
        }
        QVERIFY(transaction.commit());
    }
    QList<qint64> readIds;
    for (int i = 0; i < m_ids.size(); i += 3)
        readIds << m_ids.at(i);
    QVERIFY(m_cache->articles().setRead(readIds, true));

    StoryFilter filter;
    QString where = QStringLiteral("1");
    if (view == QLatin1String("unread")) {
        filter.kind = StoryFilter::Kind::Unread;
        where = QStringLiteral("a.id IN (SELECT id FROM unread_articles)");
    } else if (view == QLatin1String("feed")) {
        filter = {StoryFilter::Kind::Feed, m_feedA};
        where = QStringLiteral("a.feed_id = %1").arg(m_feedA);
    } else if (view == QLatin1String("folder")) {
        filter = {StoryFilter::Kind::Folder, folder};
        where = QStringLiteral("f.folder_id = %1").arg(folder);
    }
    const QHash<QString, QString> orderBy = {
        {QStringLiteral("date"), QStringLiteral("a.sort_date DESC, a.id DESC")},
        {QStringLiteral("-date"), QStringLiteral("a.sort_date, a.id")},
        {QStringLiteral("headline"), QStringLiteral("a.title COLLATE NOCASE, a.id")},
        {QStringLiteral("-headline"), QStringLiteral("a.title COLLATE NOCASE DESC, a.id DESC")},
        {QStringLiteral("source"),
         QStringLiteral("f.title COLLATE NOCASE, f.id, a.sort_date DESC, a.id DESC")},
        {QStringLiteral("-source"),
         QStringLiteral("f.title COLLATE NOCASE DESC, f.id DESC, a.sort_date DESC, a.id DESC")},
    };
    // What the cache itself says, in one query over the whole view.
    QList<qint64> expected;
    QSqlQuery q(m_cache->database().connection());
    QVERIFY(q.exec(
        QStringLiteral(
            "SELECT a.id FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE %1 ORDER BY %2")
            .arg(where, orderBy.value(order))));
    while (q.next())
        expected << q.value(0).toLongLong();
    QVERIFY(expected.size() > 2 * StoryListModel::kPageSize);

    StoryListModel model(m_cache->articles(), m_cache->bookmarks());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilter(filter);
    QVERIFY(model.isSortable());
    model.setOrder(StoryOrder::fromString(order));
    QCOMPARE(model.order().toString(), order);
    QCOMPARE(model.rowCount(), StoryListModel::kPageSize); // one page, as in the date order
    while (model.canFetchMore({}))
        model.fetchMore({});
    QList<qint64> listed;
    for (int row = 0; row < model.rowCount(); ++row)
        listed << model.storyIdAt(row);
    QCOMPARE(listed, expected);

    // Following a link to a story far down the list pages to it, and only that far.
    model.reload();
    const int deep = int(expected.size()) - StoryListModel::kPageSize - 3;
    QCOMPARE(model.locateStory(expected.at(deep)), deep);
    QVERIFY(model.rowCount() < expected.size());
}

void tst_StoryListModel::eachViewKeepsItsOrder()
{
    StoryListModel model(m_cache->articles(), m_cache->bookmarks());
    model.setOrder({StoryOrder::Key::Headline, false});
    QCOMPARE(model.index(0, StoryListModel::HeadlineColumn).data().toString(),
             QStringLiteral("Story 0"));
    QCOMPARE(model.index(2, StoryListModel::HeadlineColumn).data().toString(),
             QStringLiteral("Story 10"));

    model.setFilter({StoryFilter::Kind::Feed, m_feedA});
    QCOMPARE(model.order(), StoryOrder{}); // a view not sorted yet: newest first
    QCOMPARE(model.storyIdAt(0), m_ids.at(kStories - 2));
    model.setFilter({});
    QCOMPARE(model.order().key, StoryOrder::Key::Headline);
    QCOMPARE(model.index(0, StoryListModel::HeadlineColumn).data().toString(),
             QStringLiteral("Story 0"));

    // Views with an order of their own do not sort, and say so.
    model.setFilter({StoryFilter::Kind::Bookmarked});
    QVERIFY(!model.isSortable());
    model.setFilter({StoryFilter::Kind::Advisories});
    QVERIFY(!model.isSortable());
    model.setFilter({});
    model.setSearchStore(SearchStore(m_cache->database().connection()));
    QVERIFY(model.setSearch(QStringLiteral("Body"), {}));
    QVERIFY(!model.isSortable());
    QCOMPARE(model.order(), StoryOrder{});
}

void tst_StoryListModel::bookmarkViewKeepsStoryThatLeftTheCache()
{
    QVERIFY(m_cache->bookmarks().add(m_ids.at(0), QStringLiteral("from Alpha")));
    QVERIFY(m_cache->bookmarks().add(m_ids.at(1)));
    QVERIFY(m_cache->feeds().remove(m_feedA)); // story 0 goes with its feed

    StoryListModel model(m_cache->articles(), m_cache->bookmarks());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilter({StoryFilter::Kind::Bookmarked});
    QVERIFY(model.isBookmarkView());
    QCOMPARE(model.rowCount(), 2);
    QStringList titles;
    int goneRow = -1;
    for (int row = 0; row < 2; ++row) {
        titles << model.index(row, 0).data().toString();
        QVERIFY(model.bookmarkIdAt(row) != 0);
        QVERIFY(model.index(row, 0).data(StoryListModel::BookmarkedRole).toBool());
        if (model.storyIdAt(row) == 0)
            goneRow = row;
    }
    QVERIFY(titles.contains(QStringLiteral("Story 0")));
    QVERIFY(goneRow >= 0);
    QCOMPARE(model.index(goneRow, 0).data().toString(), QStringLiteral("Story 0"));
    QCOMPARE(model.index(goneRow, StoryListModel::SourceColumn).data().toString(),
             QStringLiteral("Alpha News"));
    QVERIFY(model.index(goneRow, 0).data(Qt::FontRole).value<QFont>().italic());
    QCOMPARE(model.rowForStory(m_ids.at(1)), 1 - goneRow);
}

void tst_StoryListModel::searchingInBookmarksListsTheResults()
{
    QVERIFY(m_cache->bookmarks().add(m_ids.at(3)));
    QVERIFY(m_cache->bookmarks().add(m_ids.at(5), QStringLiteral("a note")));
    StoryListModel model(m_cache->articles(), m_cache->bookmarks());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSearchStore(SearchStore(m_cache->database().connection()));
    model.setFilter({StoryFilter::Kind::Bookmarked});
    QCOMPARE(model.rowCount(), 2);
    // A search in the Bookmarks view lists the bookmarked stories that match, not every
    // bookmark.
    QVERIFY(model.setSearch(QStringLiteral("\"body 5\""), {StoryFilter::Kind::Bookmarked}));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.storyIdAt(0), m_ids.at(5));
    QVERIFY(!model.isBookmarkView());
    QVERIFY(model.setSearch(QString(), {StoryFilter::Kind::Bookmarked}));
    QVERIFY(model.isBookmarkView());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(
        model.index(model.rowForStory(m_ids.at(5)), StoryListModel::NoteColumn).data().toString(),
        QStringLiteral("a note"));
}

void tst_StoryListModel::bookmarkViewPagesNewestFirst()
{
    // 450 bookmarks, most of them made within the same second: the list shows the newest
    // first, a page at a time, each bookmark once.
    QList<qint64> bookmarkIds;
    {
        Transaction transaction(m_cache->database().connection());
        for (int i = 0; i < 450; ++i) {
            const std::optional<qint64> id = m_cache->bookmarks().add(m_ids.at(i * 2));
            QVERIFY(id);
            bookmarkIds << *id;
        }
        QVERIFY(transaction.commit());
    }
    StoryListModel model(m_cache->articles(), m_cache->bookmarks());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilter({StoryFilter::Kind::Bookmarked});
    QCOMPARE(model.rowCount(), StoryListModel::kPageSize);
    QVERIFY(model.canFetchMore({}));
    QCOMPARE(model.bookmarkIdAt(0), bookmarkIds.last());

    // A story that is not bookmarked is not looked for page by page.
    QCOMPARE(model.locateStory(m_ids.at(1)), -1);
    QCOMPARE(model.rowCount(), StoryListModel::kPageSize);
    // The first bookmark is on the last page: found by paging on.
    QCOMPARE(model.locateBookmark(bookmarkIds.first()), 449);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.rowCount(), 450);
    for (int row = 0; row < 450; ++row)
        QCOMPARE(model.bookmarkIdAt(row), bookmarkIds.at(449 - row));
    QCOMPARE(model.locateStory(m_ids.at(2 * 100)), 449 - 100);
}

void tst_StoryListModel::opensLargeCacheWithOnePage()
{
    // The list must not grow with the cache: constructing loads one page, whatever its size.
    QElapsedTimer timer;
    timer.start();
    StoryListModel model(m_cache->articles(), m_cache->bookmarks());
    QCOMPARE(model.rowCount(), StoryListModel::kPageSize);
    QVERIFY2(timer.elapsed() < 500, qPrintable(QString::number(timer.elapsed())));
}

void tst_StoryListModel::eventsShowTheirSourcesAndGroup()
{
    // Three events: A with the newest story and two older reports, one of them a page
    // further down; B with two neighbouring stories; everything else alone.
    CoverageStore events(m_cache->database().connection());
    {
        Transaction transaction(m_cache->database().connection());
        for (int i = 0; i < kStories; ++i)
            QVERIFY(events.setEvent(m_ids[i], m_ids[i]));
        for (int i : {1150, 900})
            QVERIFY(events.setEvent(m_ids[i], m_ids[1199]));
        QVERIFY(events.setEvent(m_ids[1197], m_ids[1198]));
        QVERIFY(transaction.commit());
    }
    StoryListModel model(m_cache->articles(), m_cache->bookmarks());
    QAbstractItemModelTester tester(&model);
    model.setCoverageStore(events);
    model.reload();
    // Story 1199 (Beta Wire) and 1150, 900 (Alpha News): two sources.
    QCOMPARE(model.index(0, 0).data(StoryListModel::SourcesRole).toInt(), 2);
    QCOMPARE(model.index(0, StoryListModel::SourceColumn).data().toString(),
             QStringLiteral("Beta Wire  +1 source"));
    QCOMPARE(model.index(3, 0).data(StoryListModel::SourcesRole).toInt(), 1);
    QCOMPARE(model.index(3, StoryListModel::SourceColumn).data().toString(),
             QStringLiteral("Alpha News"));

    model.setGrouped(true);
    // Newest first, one row per event: 1199 (A), 1198 (B, with 1197 under it), 1196, ...
    QCOMPARE(model.storyIdAt(0), m_ids[1199]);
    QCOMPARE(model.storyIdAt(1), m_ids[1198]);
    QCOMPARE(model.storyIdAt(2), m_ids[1196]);
    QCOMPARE(model.rowForStory(m_ids[1197]), -1);
    QCOMPARE(model.rowForStory(m_ids[1150]), -1);
    QCOMPARE(model.index(0, 0).data(StoryListModel::EventReportsRole).toInt(), 1);
    QCOMPARE(model.index(1, 0).data(StoryListModel::EventReportsRole).toInt(), 1);
    QVERIFY(model.index(1, 0).data().toString().startsWith(QStringLiteral("\u25b8 Story 1198")));
    QCOMPARE(model.index(2, 0).data(StoryListModel::EventReportsRole).toInt(), 0);

    // Opened: its report right below, set in. The model tester pages from the signals of
    // the insertion; no page may come in while the report is being inserted.
    const int firstPage = model.rowCount();
    QVERIFY(model.setEventExpanded(0, true));
    QCOMPARE(model.rowCount(), firstPage + 1);
    QCOMPARE(model.storyIdAt(1), m_ids[1150]);
    QCOMPARE(model.index(1, 0).data(StoryListModel::EventDepthRole).toInt(), 1);
    QVERIFY(model.index(0, 0).data().toString().startsWith(QStringLiteral("\u25be ")));

    // A later page brings story 900 under the open event, below 1150: newest first.
    while (model.rowForStory(m_ids[899]) < 0 && model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.index(0, 0).data(StoryListModel::EventReportsRole).toInt(), 2);
    QCOMPARE(model.storyIdAt(2), m_ids[900]);
    QCOMPARE(model.rowForStory(m_ids[1198]), 3);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.rowForStory(model.storyIdAt(row)), row);

    // Closed: both reports gone, the rows below moved up; opened again: both back.
    const int rows = model.rowCount();
    QVERIFY(model.setEventExpanded(0, false));
    QCOMPARE(model.rowCount(), rows - 2);
    QCOMPARE(model.rowForStory(m_ids[900]), -1);
    QCOMPARE(model.rowForStory(m_ids[1198]), 1);
    QVERIFY(model.index(0, 0).data().toString().startsWith(QStringLiteral("\u25b8 ")));
    QVERIFY(model.setEventExpanded(0, true));
    QCOMPARE(model.rowCount(), rows);
    QCOMPARE(model.storyIdAt(1), m_ids[1150]);
    QCOMPARE(model.storyIdAt(2), m_ids[900]);
    QVERIFY(model.setEventExpanded(0, false));
    QCOMPARE(model.rowForStory(m_ids[1198]), 1);
    QVERIFY(!model.setEventExpanded(2, true)); // an event alone has nothing to open

    // Going to a report under a closed event opens it; read marks reach hidden reports.
    model.setStoryRead(m_ids[1197], true);
    const int row = model.locateStory(m_ids[1197]);
    QCOMPARE(row, 2);
    QVERIFY(model.index(row, 0).data(StoryListModel::ReadRole).toBool());

    // Back to one row per story.
    model.setGrouped(false);
    QCOMPARE(model.storyIdAt(1), m_ids[1198]);
    QCOMPARE(model.storyIdAt(2), m_ids[1197]);
}

void tst_StoryListModel::eventsFollowNewCoverageInPlace()
{
    // Event A: 1199 with 1150 under it; B: 1198 with 1197. The user opened A, paged down to
    // the third page and holds rows 1100 and 1000 (a view's selection).
    CoverageStore events(m_cache->database().connection());
    const auto place = [&](const QList<std::pair<int, int>> &storyAndEvent) {
        Transaction transaction(m_cache->database().connection());
        for (const auto &[story, event] : storyAndEvent)
            QVERIFY(events.setEvent(m_ids[story], m_ids[event]));
        QVERIFY(transaction.commit());
    };
    place({{1199, 1199},
           {1150, 1199},
           {1198, 1198},
           {1197, 1198},
           {1100, 1100},
           {1000, 1000},
           {1196, 1196}});
    StoryListModel model(m_cache->articles(), m_cache->bookmarks());
    QAbstractItemModelTester tester(&model);
    model.setCoverageStore(events);
    model.setGrouped(true);
    QVERIFY(model.setEventExpanded(0, true));
    while (model.rowCount() < 500 && model.canFetchMore({}))
        model.fetchMore({});
    const int rows = model.rowCount();
    const QPersistentModelIndex held1100 = model.index(model.rowForStory(m_ids[1100]), 0);
    const QPersistentModelIndex held1000 = model.index(model.rowForStory(m_ids[1000]), 0);
    QCOMPARE(model.storyIdAt(1), m_ids[1150]);

    // The worker finds more: 1196 joins A, 1150 leaves it for an event of its own, 1000
    // joins B, and 1099 joins 1100: two sources.
    place({{1196, 1199}, {1150, 1150}, {1000, 1198}, {1099, 1100}});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.refreshEvents();
    QCOMPARE(reset.count(), 0);
    // No page came in: the same stories, 1197 shown and 1099 under 1100 instead.
    QCOMPARE(model.rowCount(), rows);

    // A stays open with 1196 under it; 1150 is back in its place; B opened for the held 1000.
    QCOMPARE(model.storyIdAt(0), m_ids[1199]);
    QCOMPARE(model.storyIdAt(1), m_ids[1196]);
    QCOMPARE(model.index(0, 0).data(StoryListModel::EventReportsRole).toInt(), 1);
    QCOMPARE(model.storyIdAt(2), m_ids[1198]);
    QVERIFY(model.index(2, 0).data(StoryListModel::EventExpandedRole).toBool());
    QCOMPARE(model.storyIdAt(3), m_ids[1197]);
    QCOMPARE(model.storyIdAt(4), m_ids[1000]);
    QCOMPARE(model.index(4, 0).data(StoryListModel::EventDepthRole).toInt(), 1);
    QCOMPARE(model.storyIdAt(5), m_ids[1195]);
    QCOMPARE(
        model.index(model.rowForStory(m_ids[1150]), 0).data(StoryListModel::EventDepthRole).toInt(),
        0);
    QCOMPARE(model.rowForStory(m_ids[1099]), -1);

    // The held row that kept its place kept its index, and shows its new source.
    QVERIFY(held1100.isValid());
    QCOMPARE(held1100.data(StoryListModel::StoryIdRole).toLongLong(), m_ids[1100]);
    QCOMPARE(model.index(held1100.row(), StoryListModel::SourceColumn).data().toString(),
             QStringLiteral("Alpha News  +1 source"));
    Q_UNUSED(held1000);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.rowForStory(model.storyIdAt(row)), row);

    // One row per story: only the sources change, in place.
    model.setGrouped(false);
    const QPersistentModelIndex top = model.index(0, StoryListModel::SourceColumn);
    place({{1195, 1199}});
    model.refreshEvents();
    QCOMPARE(top.row(), 0);
    QCOMPARE(top.data().toString(), QStringLiteral("Beta Wire  +1 source"));
    QCOMPARE(model.index(4, StoryListModel::SourceColumn).data().toString(),
             QStringLiteral("Beta Wire  +1 source"));
}

QTEST_MAIN(tst_StoryListModel)
#include "tst_storylistmodel.moc"
