#include "models/storylistmodel.h"
#include "models/storyreadahead.h"
#include "storage/advisorystore.h"
#include "storage/cache.h"
#include "storage/coveragestore.h"
#include "storage/database.h"
#include "support/testcache.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace bulletin;

// The story list with its next page read ahead on a worker's own connection
// (StoryListModel::setReadAhead), over a real cache file: the rows are those the list reads
// page by page on its own, and what changed while a page was being read shows.
class tst_StoryReadAhead : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void scrollingListsEveryStoryOnceInOrder_data();
    void scrollingListsEveryStoryOnceInOrder();
    void pageNotReadyIsAppendedWhenItArrives();
    void markSetMeanwhileShowsOnTheAppendedPage();
    void unreadViewLeavesOutStoriesReadMeanwhile();
    void newFilterDropsThePageBeingRead();
    void groupedViewMatchesTheListReadOnTheSpot();
    void locateStoryPagesOnTheSpot();

private:
    static constexpr int kStories = 1200;

    struct Listed
    {
        qint64 storyId;
        qint64 bookmarkId;
        bool read;
        bool bookmarked;
        int reports;
        friend bool operator==(const Listed &, const Listed &) = default;
    };
    static QList<Listed> listed(const StoryListModel &model);
    // Scrolls to the end as a view at the bottom does: fetchMore, and when no page is ready
    // yet, waits for it to be appended (the model does, without being asked again).
    static bool scrollToEnd(StoryListModel &model);
    StoryListModel *newModel(bool readAhead);

    test::TemporaryCache m_cache;
    qint64 m_feedA = 0;
    qint64 m_feedB = 0;
    QList<qint64> m_ids; // by i: story i is published at m_base + i minutes
    QDateTime m_base = QDateTime(QDate(2024, 1, 1), QTime(8, 0), Qt::UTC);
    std::vector<std::unique_ptr<StoryListModel>> m_models;
};

void tst_StoryReadAhead::init()
{
    QVERIFY2(m_cache.open(), qPrintable(m_cache.error()));
    m_feedA = m_cache->feeds().localSource(QStringLiteral("Alpha News")).value_or(0);
    m_feedB = m_cache->feeds().localSource(QStringLiteral("Beta Wire")).value_or(0);
    QVERIFY(m_feedA && m_feedB);

    m_ids.clear();
    Transaction transaction(m_cache->database().connection());
    for (int i = 0; i < kStories; ++i) {
        Article article;
        article.guid = QStringLiteral("story-%1").arg(i);
        // Headlines in another order than the dates, so that the headline order pages
        // differently.
        article.title = QStringLiteral("Story %1").arg((i * 7919) % kStories);
        article.link = QStringLiteral("https://example.org/%1").arg(i);
        article.published = m_base.addSecs(qint64(i) * 60);
        article.html = QStringLiteral("<p>Body %1</p>").arg(i);
        article.text = QStringLiteral("Body %1").arg(i);
        if (i % 3 == 1) { // 400 advisories: more than a page
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
    // A third of the stories read, half bookmarked (600 bookmarks: three pages).
    QList<qint64> read;
    for (int i = 0; i < kStories; i += 3)
        read << m_ids.at(i);
    QVERIFY(m_cache->articles().setRead(read, true));
    for (int i = 0; i < kStories; i += 2)
        QVERIFY(m_cache->bookmarks().add(m_ids.at(i)));
}

void tst_StoryReadAhead::cleanup()
{
    m_models.clear(); // their read-aheads close their connections first
    m_cache.close();
}

StoryListModel *tst_StoryReadAhead::newModel(bool readAhead)
{
    auto model = std::make_unique<StoryListModel>(m_cache->articles(), m_cache->bookmarks());
    model->setAdvisoryStore(m_cache->advisories());
    model->setCoverageStore(m_cache->coverage());
    if (readAhead)
        model->setReadAhead(m_cache.path());
    m_models.push_back(std::move(model));
    return m_models.back().get();
}

QList<tst_StoryReadAhead::Listed> tst_StoryReadAhead::listed(const StoryListModel &model)
{
    QList<Listed> rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        rows << Listed{index.data(StoryListModel::StoryIdRole).toLongLong(),
                       index.data(StoryListModel::BookmarkIdRole).toLongLong(),
                       index.data(StoryListModel::ReadRole).toBool(),
                       index.data(StoryListModel::BookmarkedRole).toBool(),
                       index.data(StoryListModel::EventReportsRole).toInt()};
    }
    return rows;
}

bool tst_StoryReadAhead::scrollToEnd(StoryListModel &model)
{
    while (model.canFetchMore({})) {
        const int before = model.rowCount();
        model.fetchMore({});
        if (model.rowCount() == before
            && !QTest::qWaitFor([&] { return model.rowCount() > before; }))
            return false;
    }
    return true;
}

void tst_StoryReadAhead::scrollingListsEveryStoryOnceInOrder_data()
{
    // The view's kind (a feed: Beta Wire), and the order's key (-1: newest first) and
    // direction.
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("key");
    QTest::addColumn<bool>("reversed");
    using Kind = StoryFilter::Kind;
    using Key = StoryOrder::Key;
    QTest::newRow("all by date") << int(Kind::All) << -1 << false;
    QTest::newRow("all by headline") << int(Kind::All) << int(Key::Headline) << false;
    QTest::newRow("feed by source, reversed") << int(Kind::Feed) << int(Key::Source) << true;
    QTest::newRow("unread") << int(Kind::Unread) << -1 << false;
    QTest::newRow("bookmarks") << int(Kind::Bookmarked) << -1 << false;
    QTest::newRow("advisories") << int(Kind::Advisories) << -1 << false;
}

void tst_StoryReadAhead::scrollingListsEveryStoryOnceInOrder()
{
    // Guards that reading ahead changes nothing the list shows: the same rows as the list
    // reading each page when asked, each once, in order.
    QFETCH(int, kind);
    QFETCH(int, key);
    QFETCH(bool, reversed);
    StoryFilter filter{StoryFilter::Kind(kind)};
    if (filter.kind == StoryFilter::Kind::Feed)
        filter.id = m_feedB;
    const StoryOrder order = key < 0 ? StoryOrder{} : StoryOrder{StoryOrder::Key(key), reversed};
    StoryListModel *onTheSpot = newModel(false);
    onTheSpot->setFilter(filter);
    onTheSpot->setOrder(order);
    QVERIFY(scrollToEnd(*onTheSpot));

    StoryListModel *model = newModel(true);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    int fromWorker = 0; // pages with rows
    connect(model->readAhead(), &StoryReadAhead::pageRead, this,
            [&](const StoryReadAhead::Page &page) { fromWorker += page.rows.isEmpty() ? 0 : 1; });
    model->setFilter(filter);
    model->setOrder(order);
    QVERIFY(scrollToEnd(*model));
    QVERIFY(model->rowCount() > StoryListModel::kPageSize);
    const QList<Listed> rows = listed(*model);
    QCOMPARE(rows, listed(*onTheSpot));
    QSet<std::pair<qint64, qint64>> seen;
    for (const Listed &row : rows)
        seen.insert({row.storyId, row.bookmarkId});
    QCOMPARE(seen.size(), rows.size());
    // Every page after the first came from the worker.
    QVERIFY2(fromWorker >= (model->rowCount() - 1) / StoryListModel::kPageSize,
             qPrintable(QString::number(fromWorker)));
}

void tst_StoryReadAhead::pageNotReadyIsAppendedWhenItArrives()
{
    // The view at the bottom asks once; the page comes in when it is read, with no second
    // fetchMore and without the window waiting for it.
    StoryListModel *model = newModel(true);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), StoryListModel::kPageSize);
    QVERIFY(!model->isNextPageReady()); // asked for; its answer waits for the event loop
    model->fetchMore({});
    QCOMPARE(model->rowCount(), StoryListModel::kPageSize);
    QTRY_COMPARE(model->rowCount(), 2 * StoryListModel::kPageSize);
    QCOMPARE(model->storyIdAt(StoryListModel::kPageSize), m_ids.at(kStories - 1 - 200));
    // The page after it is read ahead, and appended at once when asked for.
    QTRY_VERIFY(model->isNextPageReady());
    model->fetchMore({});
    QCOMPARE(model->rowCount(), 3 * StoryListModel::kPageSize);
    QCOMPARE(model->storyIdAt(2 * StoryListModel::kPageSize), m_ids.at(kStories - 1 - 400));
}

void tst_StoryReadAhead::markSetMeanwhileShowsOnTheAppendedPage()
{
    // The next page is read while stories on it are marked read, unread and bookmarked: the
    // page shows their new marks.
    StoryListModel *model = newModel(true);
    QTRY_VERIFY(model->isNextPageReady());
    // On the second page (stories 999 to 800): 998 was unread, 999 read (a multiple of
    // 3) and 997 not bookmarked (odd) when it was read.
    const qint64 nowRead = m_ids.at(998);
    const qint64 nowUnread = m_ids.at(999);
    const qint64 nowBookmarked = m_ids.at(997);
    QVERIFY(!model->index(0, 0).data(StoryListModel::ReadRole).toBool()); // 1199
    QVERIFY(m_cache->articles().setRead({nowRead}, true));
    model->setStoryRead(nowRead, true);
    QVERIFY(m_cache->articles().setRead({nowUnread}, false));
    model->setStoryRead(nowUnread, false);
    QVERIFY(m_cache->bookmarks().add(nowBookmarked));
    model->setStoryBookmarked(nowBookmarked, true);
    model->fetchMore({});
    QCOMPARE(model->rowCount(), 2 * StoryListModel::kPageSize);
    const auto at = [&](qint64 id) { return model->index(model->rowForStory(id), 0); };
    QVERIFY(at(nowRead).data(StoryListModel::ReadRole).toBool());
    QVERIFY(!at(nowRead).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!at(nowUnread).data(StoryListModel::ReadRole).toBool());
    QVERIFY(at(nowBookmarked).data(StoryListModel::BookmarkedRole).toBool());
    // As the list reading the page now shows it.
    StoryListModel *onTheSpot = newModel(false);
    onTheSpot->fetchMore({});
    QCOMPARE(listed(*model), listed(*onTheSpot));
}

void tst_StoryReadAhead::unreadViewLeavesOutStoriesReadMeanwhile()
{
    StoryListModel *model = newModel(true);
    model->setFilter({StoryFilter::Kind::Unread});
    QTRY_VERIFY(model->isNextPageReady());
    // The first unread story of the next page is read in the reader's related coverage.
    StoryListModel *before = newModel(false);
    before->setFilter({StoryFilter::Kind::Unread});
    before->fetchMore({});
    const qint64 readMeanwhile = before->storyIdAt(StoryListModel::kPageSize);
    QVERIFY(m_cache->articles().setRead({readMeanwhile}, true));
    model->setStoryRead(readMeanwhile, true);
    model->fetchMore({});
    QCOMPARE(model->rowForStory(readMeanwhile), -1);
    StoryListModel *onTheSpot = newModel(false);
    onTheSpot->setFilter({StoryFilter::Kind::Unread});
    QVERIFY(scrollToEnd(*onTheSpot));
    QVERIFY(scrollToEnd(*model));
    QCOMPARE(listed(*model), listed(*onTheSpot));
}

void tst_StoryReadAhead::newFilterDropsThePageBeingRead()
{
    // The view at the bottom of All asks for a page, and the user picks a feed before it
    // comes: the feed's list has only the feed's stories, each once, in order.
    StoryListModel *model = newModel(true);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model->fetchMore({});
    QCOMPARE(model->rowCount(), StoryListModel::kPageSize);
    model->setFilter({StoryFilter::Kind::Feed, m_feedA});
    // The feed's view at the bottom of its first page asks too, before either page comes.
    model->fetchMore({});
    QCOMPARE(model->rowCount(), StoryListModel::kPageSize);
    QTRY_COMPARE(model->rowCount(), 2 * StoryListModel::kPageSize);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->index(row, StoryListModel::SourceColumn).data().toString(),
                 QStringLiteral("Alpha News"));
    // Then the same with the page ready, and with a new order.
    QTRY_VERIFY(model->isNextPageReady());
    model->setOrder({StoryOrder::Key::Headline, false});
    model->fetchMore({});
    QCOMPARE(model->rowCount(), StoryListModel::kPageSize);
    QVERIFY(scrollToEnd(*model));

    StoryListModel *onTheSpot = newModel(false);
    onTheSpot->setFilter({StoryFilter::Kind::Feed, m_feedA});
    onTheSpot->setOrder({StoryOrder::Key::Headline, false});
    QVERIFY(scrollToEnd(*onTheSpot));
    QCOMPARE(model->rowCount(), kStories / 2);
    QCOMPARE(listed(*model), listed(*onTheSpot));
}

void tst_StoryReadAhead::groupedViewMatchesTheListReadOnTheSpot()
{
    // Events whose reports are pages apart: the grouped view gathers them under the event's
    // row as the pages come in, as when each page is read when asked for.
    CoverageStore &events = m_cache->coverage();
    {
        Transaction transaction(m_cache->database().connection());
        for (int i = 0; i < kStories; ++i)
            QVERIFY(events.setEvent(m_ids[i], m_ids[i]));
        for (int i : {1150, 900, 450, 10})
            QVERIFY(events.setEvent(m_ids[i], m_ids[1199]));
        for (int i : {700, 300})
            QVERIFY(events.setEvent(m_ids[i], m_ids[980]));
        QVERIFY(events.setEvent(m_ids[1197], m_ids[1198]));
        QVERIFY(transaction.commit());
    }
    StoryListModel *onTheSpot = newModel(false);
    onTheSpot->setGrouped(true);
    QVERIFY(onTheSpot->setEventExpanded(0, true));
    QVERIFY(scrollToEnd(*onTheSpot));

    StoryListModel *model = newModel(true);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model->setGrouped(true);
    QVERIFY(model->setEventExpanded(0, true));
    QVERIFY(scrollToEnd(*model));
    QCOMPARE(model->index(0, 0).data(StoryListModel::EventReportsRole).toInt(), 4);
    QCOMPARE(model->storyIdAt(4), m_ids[10]); // the oldest report, from the last page
    QCOMPARE(model->rowForStory(m_ids[700]), -1); // under 980's row, closed
    QCOMPARE(listed(*model), listed(*onTheSpot));
}

void tst_StoryReadAhead::locateStoryPagesOnTheSpot()
{
    // Going to a story further down (the reader's related link) cannot wait: the pages up to
    // it are read on the spot, and the read-ahead carries on after them.
    StoryListModel *model = newModel(true);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int row = model->locateStory(m_ids.at(100));
    QCOMPARE(row, kStories - 1 - 100);
    QVERIFY(scrollToEnd(*model));
    StoryListModel *onTheSpot = newModel(false);
    QVERIFY(scrollToEnd(*onTheSpot));
    QCOMPARE(listed(*model), listed(*onTheSpot));
}

QTEST_MAIN(tst_StoryReadAhead)
#include "tst_storyreadahead.moc"
