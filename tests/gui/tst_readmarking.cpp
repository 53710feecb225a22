#include "gui/readmarking.h"

#include "gui/mainwindow.h"
#include "gui/readingactions.h"
#include "gui/readundo.h"
#include "gui/storycontroller.h"
#include "gui/storylistview.h"
#include "models/sidebarmodel.h"
#include "models/storylistmodel.h"
#include "storage/transaction.h"
#include "support/scratchmount.h"
#include "support/screenshots.h"
#include "support/windowtest.h"

#include <QAction>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace bulletin;
using namespace bulletin::test;

// Mark All as Read in the real window over a real cache file: the marks are stored on a
// thread of their own, the window's event loop goes on meanwhile, and the list, the sidebar's
// counts and the undo follow once they are stored. A second connection holding the write
// lock (as a refresh's writer does while it stores a feed) keeps a mark waiting for as long
// as a test needs, without a timing assumption.
class tst_ReadMarking : public QObject, protected WindowTest
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void theWindowRunsWhileTheMarkWaitsForARefresh();
    void twoMarksInARowLandInTurnAndUndoTakesTheLast();
    void aFailedWriteChangesNothingAndSaysSo();
    void closingTheWindowKeepsTheMarkAskedFor();
    void aReadOnlyCacheChangesNothingAndSaysSo();

private:
    // A refresh's writer in the middle of storing a feed: a second connection to the cache
    // file inside a write transaction, with a new story of `feed` stored and not committed.
    struct Writer
    {
        std::unique_ptr<Cache> cache;
        std::unique_ptr<Transaction> transaction;
        qint64 story = 0;
    };
    std::unique_ptr<Writer> startWriter(qint64 feed);

    QList<qint64> unreadOf(qint64 feed) const;
    int sidebarUnread(qint64 feed) const;
    // Whether the list on screen shows the story read (false also when it is not listed).
    bool listShowsRead(qint64 story) const;
    QString status() const { return m_window->statusBar()->currentMessage(); }
    ReadUndo *readUndo() const { return m_window->findChild<ReadUndo *>(); }
    void markAllRead() { m_window->readingActions()->markAllReadAction()->trigger(); }

    qint64 m_feed = 0;
    qint64 m_other = 0;
    QList<qint64> m_stories;
    QList<qint64> m_unread; // m_feed's unread stories, sorted
};

void tst_ReadMarking::init()
{
    openCacheAndSettings();
    m_feed = m_cache->feeds().localSource(QStringLiteral("Harbour Gazette")).value_or(0);
    m_other = m_cache->feeds()
                  .localSource(QStringLiteral("Valley Post"),
                               QStringLiteral("https://valley.example/"))
                  .value_or(0);
    QVERIFY(m_feed && m_other);
    m_stories.clear();
    for (int i = 0; i < 5; ++i)
        m_stories << addStory(*m_cache, m_feed, QStringLiteral("Harbour news %1").arg(i),
                              QStringLiteral("<p>Boats.</p>"), 10 + i);
    QVERIFY(m_cache->articles().setRead({m_stories.at(2)}, true));
    m_unread = m_stories;
    m_unread.removeAt(2);
    std::sort(m_unread.begin(), m_unread.end());
    QVERIFY(addStory(*m_cache, m_other, QStringLiteral("Valley fair opens"),
                     QStringLiteral("<p>Fair.</p>"), 5));
    QVERIFY(showMainWindow(QSize(1000, 600)));
    m_window->controller()->showFilter({StoryFilter::Kind::Feed, m_feed});
}

void tst_ReadMarking::cleanup()
{
    closeWindowTest();
}

std::unique_ptr<tst_ReadMarking::Writer> tst_ReadMarking::startWriter(qint64 feed)
{
    auto writer = std::make_unique<Writer>();
    QString error;
    writer->cache = Cache::open(m_cache->path(), &error);
    if (!writer->cache) {
        qWarning() << error;
        return nullptr;
    }
    writer->transaction = std::make_unique<Transaction>(writer->cache->database().connection());
    if (!writer->transaction->isActive())
        return nullptr;
    writer->story = addStory(*writer->cache, feed, QStringLiteral("Valley news at noon"),
                             QStringLiteral("<p>Noon.</p>"), 1);
    return writer->story ? std::move(writer) : nullptr;
}

QList<qint64> tst_ReadMarking::unreadOf(qint64 feed) const
{
    QList<qint64> ids;
    for (const StorySummary &story :
         m_cache->articles().stories({StoryFilter::Kind::Feed, feed}, {}, 100)) {
        if (!story.read)
            ids << story.id;
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

int tst_ReadMarking::sidebarUnread(qint64 feed) const
{
    const QModelIndex name = m_window->controller()->sidebarModel()->indexFor(
        {StoryFilter::Kind::Feed, feed});
    return name.siblingAtColumn(SidebarModel::CountColumn).data().toInt();
}

bool tst_ReadMarking::listShowsRead(qint64 story) const
{
    const StoryListModel *model = m_window->controller()->storyModel();
    const int row = model->rowForStory(story);
    return row >= 0
        && model->index(row, StoryListModel::HeadlineColumn)
               .data(StoryListModel::ReadRole)
               .toBool();
}

void tst_ReadMarking::theWindowRunsWhileTheMarkWaitsForARefresh()
{
    QCOMPARE(sidebarUnread(m_feed), 4);
    // The story read before is open in the reader, its row selected.
    QVERIFY(m_window->controller()->openStory(m_stories.at(2)));
    StoryListView *list = m_window->storyView();
    QCOMPARE(m_window->controller()->storyModel()->storyIdAt(list->currentIndex().row()),
             m_stories.at(2));
    const std::unique_ptr<Writer> writer = startWriter(m_other);
    QVERIFY(writer);

    markAllRead();
    // The window goes on while the mark waits for the write lock: its timers fire, and the
    // mark says it is under way. Nothing shows read that the cache does not have read yet.
    QTimer tick;
    tick.setSingleShot(true);
    QSignalSpy ticked(&tick, &QTimer::timeout);
    tick.start(0);
    QVERIFY(ticked.wait());
    QVERIFY2(status().startsWith(QStringLiteral("Marking the stories read")), qPrintable(status()));
    QCOMPARE(unreadOf(m_feed), m_unread);
    QCOMPARE(sidebarUnread(m_feed), 4);
    for (qint64 id : std::as_const(m_unread))
        QVERIFY(!listShowsRead(id));
    QVERIFY(!readUndo()->action()->isEnabled());
    QVERIFY(saveLightAndDark(m_window.get(), QStringLiteral("mark-all-read-waiting")));

    // A second action meanwhile: the user looks at another view, which lists at once, and
    // comes back.
    m_window->controller()->showFilter({StoryFilter::Kind::Feed, m_other});
    QCOMPARE(m_window->controller()->storyModel()->rowCount(), 1);
    m_window->controller()->showFilter({StoryFilter::Kind::Feed, m_feed});
    QCOMPARE(m_window->controller()->storyModel()->rowCount(), m_stories.size());
    const QModelIndex current = list->currentIndex();
    QCOMPARE(unreadOf(m_feed), m_unread);

    // The refresh's writer commits; then the mark lands whole, and the window follows it: the
    // counts (with the refresh's story), the list's rows in place (the same row selected),
    // the undo and the status bar.
    QVERIFY(writer->transaction->commit());
    QTRY_VERIFY(unreadOf(m_feed).isEmpty());
    QTRY_COMPARE(sidebarUnread(m_feed), 0);
    QCOMPARE(sidebarUnread(m_other), 2);
    for (qint64 id : std::as_const(m_stories))
        QVERIFY(listShowsRead(id));
    QCOMPARE(list->currentIndex(), current);
    QTRY_COMPARE(readUndo()->pendingCount(), m_unread.size());
    QVERIFY(readUndo()->action()->isEnabled());
    QCOMPARE(status(), QStringLiteral("Marked 4 stories as read."));
    QVERIFY(saveLightAndDark(m_window.get(), QStringLiteral("mark-all-read-done")));

    // Undo right after: exactly the stories that were unread are unread again.
    QVERIFY(readUndo()->undo());
    QCOMPARE(unreadOf(m_feed), m_unread);
    QTRY_COMPARE(sidebarUnread(m_feed), 4);
    QVERIFY(m_cache->articles().summary(m_stories.at(2))->read);
}

void tst_ReadMarking::twoMarksInARowLandInTurnAndUndoTakesTheLast()
{
    const std::unique_ptr<Writer> writer = startWriter(m_feed);
    QVERIFY(writer);
    const QList<qint64> otherUnread = unreadOf(m_other);
    QCOMPARE(otherUnread.size(), 1);

    // The feed, then the Unread view (what is left unread: the other feed's story).
    markAllRead();
    m_window->controller()->showFilter({StoryFilter::Kind::Unread});
    QCOMPARE(m_window->controller()->storyModel()->rowCount(), m_unread.size() + 1);
    markAllRead();
    // Both wait; there is nothing to undo until they are stored.
    QTimer tick;
    tick.setSingleShot(true);
    QSignalSpy ticked(&tick, &QTimer::timeout);
    tick.start(0);
    QVERIFY(ticked.wait());
    QVERIFY(!readUndo()->action()->isEnabled());
    QVERIFY(!readUndo()->undo());
    QCOMPARE(unreadOf(m_feed), m_unread);
    QCOMPARE(unreadOf(m_other), otherUnread);

    // The refresh stored a story in the first feed before the marks ran: they come after it,
    // so it is marked read with the rest of its feed.
    QVERIFY(writer->transaction->commit());
    QTRY_VERIFY(unreadOf(m_other).isEmpty());
    QVERIFY(unreadOf(m_feed).isEmpty());
    QTRY_COMPARE(sidebarUnread(m_feed), 0);
    QTRY_COMPARE(sidebarUnread(m_other), 0);
    QTRY_COMPARE(status(), QStringLiteral("Marked 1 story as read."));
    // The Unread view has nothing left to list.
    QCOMPARE(m_window->controller()->storyModel()->rowCount(), 0);
    // The undo takes back the last mark, the second feed's, and leaves the first read.
    QTRY_VERIFY(readUndo()->action()->isEnabled());
    QCOMPARE(readUndo()->pendingCount(), 1);
    QVERIFY(readUndo()->undo());
    QCOMPARE(unreadOf(m_other), otherUnread);
    QVERIFY(unreadOf(m_feed).isEmpty());
    QTRY_COMPARE(sidebarUnread(m_other), 1);
    QCOMPARE(m_window->controller()->storyModel()->rowCount(), 1);
    QVERIFY(!listShowsRead(otherUnread.constFirst()));
}

void tst_ReadMarking::aFailedWriteChangesNothingAndSaysSo()
{
    // A writer that holds the lock past the busy timeout: the mark gives up.
    std::unique_ptr<Writer> writer = startWriter(m_other);
    QVERIFY(writer);
    markAllRead();
    QTRY_VERIFY_WITH_TIMEOUT(status().contains(QStringLiteral("could not be written")), 20000);
    QVERIFY2(status().startsWith(QStringLiteral("Nothing was marked read")), qPrintable(status()));
    QVERIFY2(status().contains(QStringLiteral("another program is writing")), qPrintable(status()));
    QCOMPARE(unreadOf(m_feed), m_unread);
    QCOMPARE(sidebarUnread(m_feed), 4);
    for (qint64 id : std::as_const(m_unread))
        QVERIFY(!listShowsRead(id));
    QCOMPARE(readUndo()->pendingCount(), 0);
    QVERIFY(!readUndo()->action()->isEnabled());

    // Once the writer is done, the same action marks the feed read.
    writer.reset();
    markAllRead();
    QTRY_VERIFY(unreadOf(m_feed).isEmpty());
    QTRY_COMPARE(sidebarUnread(m_feed), 0);
    QTRY_COMPARE(readUndo()->pendingCount(), m_unread.size());
}

void tst_ReadMarking::closingTheWindowKeepsTheMarkAskedFor()
{
    markAllRead();
    // Quitting at once: the window waits for the mark on its way, which lands whole.
    m_window.reset();
    QVERIFY(unreadOf(m_feed).isEmpty());
    QCOMPARE(unreadOf(m_other).size(), 1);
    // The next start agrees with the cache.
    QVERIFY(showMainWindow(QSize(1000, 600)));
    QCOMPARE(sidebarUnread(m_feed), 0);
    QCOMPARE(sidebarUnread(m_other), 1);
    m_window->controller()->showFilter({StoryFilter::Kind::Feed, m_feed});
    for (qint64 id : std::as_const(m_stories))
        QVERIFY(listShowsRead(id));
}

void tst_ReadMarking::aReadOnlyCacheChangesNothingAndSaysSo()
{
    closeWindowTest();
    ScratchMount mount(16 * 1024 * 1024);
    if (!mount.isMounted())
        QSKIP(qPrintable(mount.skipReason()));
    const QString path = mount.filePath(QStringLiteral("cache.sqlite"));
    QString error;
    {
        const std::unique_ptr<Cache> cache = Cache::open(path, &error);
        QVERIFY2(cache, qPrintable(error));
        m_feed = cache->feeds().localSource(QStringLiteral("Harbour Gazette")).value_or(0);
        QVERIFY(m_feed);
        for (int i = 0; i < 3; ++i)
            QVERIFY(addStory(*cache, m_feed, QStringLiteral("Harbour news %1").arg(i),
                             QStringLiteral("<p>Boats.</p>"), 10 + i));
    }
    QVERIFY(mount.setReadOnly(true));
    m_cache = Cache::open(path, &error);
    QVERIFY2(m_cache, qPrintable(error));
    QVERIFY(m_cache->isReadOnly());
    m_settings = freshSettings(m_dir);
    QVERIFY(showMainWindow(QSize(1000, 600)));
    m_window->controller()->showFilter({StoryFilter::Kind::Feed, m_feed});
    QCOMPARE(unreadOf(m_feed).size(), 3);

    // The action is off in a read-only window (ReadOnlyNotice); asked all the same, the mark
    // changes nothing and the status bar says why.
    m_window->controller()->readMarking()->markAllRead();
    QTRY_VERIFY2(status().contains(QStringLiteral("read-only")), qPrintable(status()));
    QVERIFY2(status().startsWith(QStringLiteral("Nothing was marked read")), qPrintable(status()));
    QCOMPARE(unreadOf(m_feed).size(), 3);
    QCOMPARE(sidebarUnread(m_feed), 3);
    QCOMPARE(readUndo()->pendingCount(), 0);
    closeWindowTest();
    QVERIFY(mount.setReadOnly(false));
}

QTEST_MAIN(tst_ReadMarking)
#include "tst_readmarking.moc"
