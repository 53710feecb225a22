// The story list's selection as the controller moves it, over a real cache, model and table
// offscreen: a selection made for the reader is not taken for the user's (the view's
// currentChanged comes while isQuiet()), j/k is the user's, a story further down than the
// first page is found with bounded paging, and a reload keeps the reader's row selected and
// the list where the user had scrolled it.

#include "gui/listselection.h"
#include "models/storyhistory.h"
#include "models/storylistmodel.h"
#include "storage/cache.h"
#include "support/testcache.h"
#include "support/windowtest.h"

#include <QScrollBar>
#include <QTableView>
#include <QTest>

using namespace bulletin;

class tst_ListSelection : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void aSelectionForTheReaderIsNotTheUsers();
    void movingIsTheUsers();
    void aStoryFurtherDownIsFoundWithinBounds();
    void reloadKeepsTheReadersRowAndTheUsersPlace();

private:
    qint64 storyAt(int row) const { return m_stories->storyIdAt(row); }

    test::TemporaryCache m_cache;
    std::unique_ptr<StoryListModel> m_stories;
    std::unique_ptr<QTableView> m_view;
    std::unique_ptr<ListSelection> m_list;
    qint64 m_feed = 0;
    QList<qint64> m_ids; // the feed's stories, newest first
    QList<int> m_usersRows; // the rows the view made current while the selection was not quiet
    int m_quietChanges = 0;
};

void tst_ListSelection::init()
{
    QVERIFY2(m_cache.open(), qPrintable(m_cache.error()));
    m_feed = *m_cache->feeds().localSource(QStringLiteral("City Desk"));
    // More than one page of the list (StoryListModel::kPageSize), newest first.
    m_ids.clear();
    for (int i = 0; i < StoryListModel::kPageSize + 50; ++i)
        m_ids << test::addStory(*m_cache, m_feed, QStringLiteral("City story %1").arg(i),
                                QStringLiteral("<p>Day %1.</p>").arg(i), 10 + i);
    m_stories = std::make_unique<StoryListModel>(m_cache->articles(), m_cache->bookmarks());
    m_stories->setFilter({StoryFilter::Kind::Feed, m_feed});
    m_view = std::make_unique<QTableView>();
    m_view->setModel(m_stories.get());
    m_view->resize(600, 300);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_list = std::make_unique<ListSelection>(*m_stories, m_view.get());
    m_usersRows.clear();
    m_quietChanges = 0;
    // As the controller listens: a change while quiet is its own, else the user's choice.
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &index) {
                if (m_list->isQuiet())
                    ++m_quietChanges;
                else
                    m_usersRows << index.row();
            });
}

void tst_ListSelection::cleanup()
{
    m_list.reset();
    m_view.reset();
    m_stories.reset();
    m_cache.close();
}

void tst_ListSelection::aSelectionForTheReaderIsNotTheUsers()
{
    m_list->select(30, true);
    QCOMPARE(m_view->currentIndex().row(), 30);
    QCOMPARE(m_view->selectionModel()->selectedRows().size(), 1);
    QVERIFY(m_view->visualRect(m_view->currentIndex()).intersects(m_view->viewport()->rect()));
    m_list->select(-1); // an empty reader: nothing selected
    QVERIFY(!m_view->currentIndex().isValid());
    QVERIFY(m_view->selectionModel()->selectedRows().isEmpty());
    {
        const auto guard = m_list->quiet(); // a new filter, a search
        m_stories->setFilter({StoryFilter::Kind::All});
        m_view->setCurrentIndex(m_stories->index(3, 0));
    }
    QVERIFY(!m_list->isQuiet());
    QVERIFY(m_quietChanges >= 3);
    QCOMPARE(m_usersRows, QList<int>());
}

void tst_ListSelection::movingIsTheUsers()
{
    m_list->select(-1); // an empty reader
    QVERIFY(!m_list->move(-1)); // nothing current, nothing before it
    QVERIFY(m_list->move(1)); // nothing current: the first row
    QCOMPARE(m_view->currentIndex().row(), 0);
    QVERIFY(m_list->move(1));
    QVERIFY(m_list->move(-1));
    QCOMPARE(m_usersRows, (QList<int>{0, 1, 0}));
    QVERIFY(!m_list->move(-1));
    QCOMPARE(m_view->currentIndex().row(), 0);
    // Past the last loaded row, the next page is loaded for it.
    QCOMPARE(m_stories->rowCount(), StoryListModel::kPageSize);
    m_list->select(StoryListModel::kPageSize - 1);
    QVERIFY(m_list->move(1));
    QCOMPARE(m_view->currentIndex().row(), StoryListModel::kPageSize);
}

void tst_ListSelection::aStoryFurtherDownIsFoundWithinBounds()
{
    QCOMPARE(m_stories->rowCount(), StoryListModel::kPageSize);
    const qint64 last = m_ids.constLast();
    // Not paged for beyond the bound: not found, the list as it was.
    QCOMPARE(m_list->rowOf({last, 0}, StoryListModel::kPageSize), -1);
    QCOMPARE(m_stories->rowCount(), StoryListModel::kPageSize);
    // Within it: found on the next page.
    QCOMPARE(m_list->rowOf({last, 0}), StoryListModel::kPageSize + 49);
    QCOMPARE(storyAt(StoryListModel::kPageSize + 49), last);
    QCOMPARE(m_list->rowOf({0, 4242}), -1); // not a bookmark of this view
}

void tst_ListSelection::reloadKeepsTheReadersRowAndTheUsersPlace()
{
    const qint64 reading = storyAt(40);
    m_list->select(40, true);
    m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->value() + 7);
    const int place = m_view->verticalScrollBar()->value();
    QVERIFY(place > 0);
    // A refresh stores a new story, at the top of the list.
    const qint64 breaking = test::addStory(*m_cache, m_feed,
                                           QStringLiteral("Breaking: the library reopens"),
                                           QStringLiteral("<p>Now.</p>"), 1);

    m_list->reload({reading, 0});
    QCOMPARE(storyAt(0), breaking);
    QCOMPARE(storyAt(m_view->currentIndex().row()), reading);
    QCOMPARE(m_view->currentIndex().row(), 41);
    QCOMPARE(m_view->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(m_view->verticalScrollBar()->value(), place);
    QCOMPARE(m_usersRows, QList<int>()); // the reader's story was not opened again

    // With the reader empty, the list keeps its place and selects nothing new.
    m_list->select(-1);
    m_list->reload({});
    QVERIFY(!m_view->currentIndex().isValid());
    QCOMPARE(m_view->verticalScrollBar()->value(), place);
}

QTEST_MAIN(tst_ListSelection)
#include "tst_listselection.moc"
