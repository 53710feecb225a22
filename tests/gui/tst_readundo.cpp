#include "gui/readundo.h"

#include "gui/mainwindow.h"
#include "gui/readingactions.h"
#include "gui/storycontroller.h"
#include "gui/storylistview.h"
#include "models/sidebarmodel.h"
#include "models/storylistmodel.h"
#include "support/contextmenu.h"
#include "support/screenshots.h"
#include "support/windowtest.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace bulletin;
using namespace bulletin::test;

// Undo for Mark All as Read in the real window: Ctrl+Z, Story › Undo and the status bar's
// button put back exactly the stories the mark changed.
class tst_ReadUndo : public QObject, protected WindowTest
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void undoRestoresExactlyTheStoriesTheMarkChanged_data();
    void undoRestoresExactlyTheStoriesTheMarkChanged();
    void undoAfterMarkingAWholeView_data();
    void undoAfterMarkingAWholeView();
    void buttonLeavesAfterAFewSecondsButCtrlZStays();
    void searchFieldKeepsCtrlZForItsText();

private:
    ReadUndo *readUndo() const { return m_window->findChild<ReadUndo *>(); }
    QToolButton *undoButton() const
    {
        return m_window->statusBar()->findChild<QToolButton *>(
            QStringLiteral("undoMarkReadButton"));
    }
    QList<qint64> unreadOf(qint64 feed) const;
    int sidebarUnread(qint64 feed) const;

    qint64 m_feed = 0;
    qint64 m_other = 0;
    QList<qint64> m_stories;
    qint64 m_readBefore = 0;
};

void tst_ReadUndo::init()
{
    openCacheAndSettings();
    m_feed = m_cache->feeds().localSource(QStringLiteral("Harbour Gazette")).value_or(0);
    m_other = m_cache->feeds()
                  .localSource(QStringLiteral("Valley Post"),
                               QStringLiteral("https://valley.example/"))
                  .value_or(0);
    QVERIFY(m_feed && m_other);
    m_stories.clear();
    // Headlines as people write them: without punctuation, and one that is very long.
    const QStringList headlines{
        QStringLiteral("ferry timetable changes"), QStringLiteral("New harbour master named"),
        QStringLiteral("Storm warning for the coast tonight"), QString(300, QLatin1Char('w')),
        QStringLiteral("Fish market reopens")};
    for (int i = 0; i < headlines.size(); ++i)
        m_stories << addStory(*m_cache, m_feed, headlines.at(i), QStringLiteral("<p>Text.</p>"),
                              10 + i);
    m_readBefore = m_stories.at(2);
    QVERIFY(m_cache->articles().setRead({m_readBefore}, true));
    QVERIFY(addStory(*m_cache, m_other, QStringLiteral("Valley fair opens"),
                     QStringLiteral("<p>Fair.</p>"), 5));
    QVERIFY(showMainWindow(QSize(1000, 600), Focus::Active));
}

void tst_ReadUndo::cleanup()
{
    closeWindowTest();
}

QList<qint64> tst_ReadUndo::unreadOf(qint64 feed) const
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

int tst_ReadUndo::sidebarUnread(qint64 feed) const
{
    const QModelIndex name = m_window->controller()->sidebarModel()->indexFor(
        {StoryFilter::Kind::Feed, feed});
    return name.siblingAtColumn(SidebarModel::CountColumn).data().toInt();
}

void tst_ReadUndo::undoRestoresExactlyTheStoriesTheMarkChanged_data()
{
    QTest::addColumn<QString>("mark");
    QTest::addColumn<QString>("undo");
    QTest::newRow("Shift+A, then Ctrl+Z") << "key"
                                          << "key";
    QTest::newRow("sidebar menu, then the status bar's Undo") << "sidebar"
                                                              << "button";
    QTest::newRow("Story menu, then Story > Undo") << "menu"
                                                   << "menu";
}

void tst_ReadUndo::undoRestoresExactlyTheStoriesTheMarkChanged()
{
    QFETCH(QString, mark);
    QFETCH(QString, undo);
    QAction *undoAction = readUndo()->action();
    QVERIFY(!undoAction->isEnabled());
    QVERIFY(!undoButton()->isVisible());

    StoryListView *list = m_window->storyView();
    QList<qint64> wereUnread; // what the mark changes: all but the stories read before it
    if (mark == QLatin1String("sidebar")) {
        // Reading another source: the menu marks the source clicked.
        m_window->controller()->showFilter({StoryFilter::Kind::Feed, m_other});
        QTreeView *sidebar = m_window->sidebarView();
        const QPoint point = sidebar
                                 ->visualRect(m_window->controller()->sidebarModel()->indexFor(
                                     {StoryFilter::Kind::Feed, m_feed}))
                                 .center();
        wereUnread = unreadOf(m_feed);
        runContextMenu(sidebar, point, QStringLiteral("Mark All as Read"));
    } else {
        m_window->controller()->showFilter({StoryFilter::Kind::Feed, m_feed});
        if (mark == QLatin1String("key")) {
            list->setFocus(); // opens the list's first story: it is read before the mark
            QTRY_VERIFY(m_window->controller()->currentLocation().storyId);
            wereUnread = unreadOf(m_feed);
            QTest::keyClick(list, Qt::Key_A, Qt::ShiftModifier);
        } else {
            wereUnread = unreadOf(m_feed);
            m_window->readingActions()->markAllReadAction()->trigger();
        }
    }
    QVERIFY(!wereUnread.isEmpty());
    QVERIFY(!wereUnread.contains(m_readBefore));
    // The marks are stored off the GUI thread; the undo is offered once they are.
    QTRY_COMPARE(readUndo()->pendingCount(), wereUnread.size());
    QVERIFY(unreadOf(m_feed).isEmpty());
    QCOMPARE(unreadOf(m_other).size(), 1);
    QCOMPARE(sidebarUnread(m_feed), 0);
    QVERIFY(undoAction->isEnabled());
    QTRY_VERIFY(undoButton()->isVisible());
    if (mark == QLatin1String("key"))
        QVERIFY(saveLightAndDark(m_window.get(), QStringLiteral("read-undo")));

    if (undo == QLatin1String("key")) {
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier);
    } else if (undo == QLatin1String("button")) {
        QTest::mouseClick(undoButton(), Qt::LeftButton);
    } else {
        // The Story menu holds it, next to Mark All as Read.
        QMenu *story = nullptr;
        for (QAction *entry : m_window->menuBar()->actions()) {
            if (entry->text().remove(QLatin1Char('&')) == QLatin1String("Story"))
                story = entry->menu();
        }
        QVERIFY(story);
        QVERIFY(story->actions().contains(undoAction));
        undoAction->trigger();
    }
    // Exactly the stories the mark changed are unread again; the one read before stays read.
    QCOMPARE(unreadOf(m_feed), wereUnread);
    QVERIFY(m_cache->articles().summary(m_readBefore)->read);
    QCOMPARE(unreadOf(m_other).size(), 1);
    QTRY_COMPARE(sidebarUnread(m_feed), int(wereUnread.size()));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("unread again")));
    // The list shows them unread (the view the mark was made in, or the one on screen).
    m_window->controller()->showFilter({StoryFilter::Kind::Feed, m_feed});
    auto *model = qobject_cast<StoryListModel *>(list->model());
    QVERIFY(model);
    for (qint64 id : std::as_const(m_stories)) {
        const int row = model->rowForStory(id);
        QVERIFY(row >= 0);
        QCOMPARE(model->index(row, StoryListModel::HeadlineColumn)
                     .data(StoryListModel::ReadRole)
                     .toBool(),
                 !wereUnread.contains(id));
    }
    // Spent: nothing more to undo, and the button has gone.
    QVERIFY(!undoAction->isEnabled());
    QVERIFY(!undoButton()->isVisible());
    QVERIFY(!readUndo()->undo());
}

void tst_ReadUndo::undoAfterMarkingAWholeView_data()
{
    QTest::addColumn<bool>("folder");
    QTest::newRow("All Stories from the sidebar, then Ctrl+Z") << false;
    QTest::newRow("a folder from the sidebar, then Ctrl+Z") << true;
}

void tst_ReadUndo::undoAfterMarkingAWholeView()
{
    QFETCH(bool, folder);
    // A third feed, outside the folder, with a story read before and one unread.
    const qint64 third = m_cache->feeds()
                             .localSource(QStringLiteral("Coast Times"),
                                          QStringLiteral("https://coast.example/"))
                             .value_or(0);
    QVERIFY(third);
    const qint64 thirdRead = addStory(*m_cache, third, QStringLiteral("Lighthouse repainted"),
                                      QStringLiteral("<p>Red.</p>"), 30);
    const qint64 thirdUnread = addStory(*m_cache, third, QStringLiteral("Tide tables for December"),
                                        QStringLiteral("<p>Low.</p>"), 31);
    QVERIFY(thirdRead && thirdUnread && m_cache->articles().setRead({thirdRead}, true));
    qint64 folderId = 0;
    if (folder) {
        folderId = m_cache->feeds().folderForPath({QStringLiteral("Local news")});
        QVERIFY(folderId && m_cache->feeds().moveToFolder(m_feed, folderId)
                && m_cache->feeds().moveToFolder(m_other, folderId));
    }
    // The window as it opens on this cache (the sidebar reads the folders when it opens).
    m_window.reset();
    QVERIFY(showMainWindow(QSize(1000, 600), Focus::Active));

    const StoryFilter view = folder ? StoryFilter{StoryFilter::Kind::Folder, folderId}
                                    : StoryFilter{};
    const QList<qint64> before = unreadOf(m_feed) + unreadOf(m_other) + unreadOf(third);
    QTreeView *sidebar = m_window->sidebarView();
    const QModelIndex index = m_window->controller()->sidebarModel()->indexFor(view);
    QVERIFY(index.isValid());
    sidebar->scrollTo(index);
    runContextMenu(sidebar, sidebar->visualRect(index).center(),
                   QStringLiteral("Mark All as Read"));

    QTRY_COMPARE(readUndo()->pendingCount(), folder ? before.size() - 1 : before.size());
    QVERIFY(unreadOf(m_feed).isEmpty());
    QVERIFY(unreadOf(m_other).isEmpty());
    // The folder's mark leaves the feed outside it alone; All Stories marks it too.
    QCOMPARE(unreadOf(third), folder ? QList<qint64>{thirdUnread} : QList<qint64>{});
    QTRY_VERIFY(undoButton()->isVisible());

    // Back in the window once the menu has closed, as the user is.
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    StoryListView *list = m_window->storyView();
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier);
    // Exactly what was unread before is unread again; what was read stays read.
    QCOMPARE(unreadOf(m_feed) + unreadOf(m_other) + unreadOf(third), before);
    QVERIFY(m_cache->articles().summary(m_readBefore)->read);
    QVERIFY(m_cache->articles().summary(thirdRead)->read);
    QTRY_COMPARE(sidebarUnread(m_feed), int(unreadOf(m_feed).size()));
    QVERIFY(!readUndo()->action()->isEnabled());
}

void tst_ReadUndo::buttonLeavesAfterAFewSecondsButCtrlZStays()
{
    m_window->controller()->showFilter({StoryFilter::Kind::Feed, m_feed});
    m_window->readingActions()->markAllReadAction()->trigger();
    QTRY_VERIFY(undoButton()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!undoButton()->isVisible(), ReadUndo::kOfferMs * 4);
    QVERIFY(unreadOf(m_feed).isEmpty());
    StoryListView *list = m_window->storyView();
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(unreadOf(m_feed).size(), m_stories.size() - 1);

    // A second mark replaces the first: the undo puts back what the second one changed.
    m_window->controller()->showFilter({StoryFilter::Kind::Feed, m_other});
    m_window->readingActions()->markAllReadAction()->trigger();
    QTRY_COMPARE(readUndo()->pendingCount(), 1);
    QVERIFY(unreadOf(m_other).isEmpty());
    QVERIFY(readUndo()->undo());
    QCOMPARE(unreadOf(m_other).size(), 1);
    QCOMPARE(unreadOf(m_feed).size(), m_stories.size() - 1);
}

void tst_ReadUndo::searchFieldKeepsCtrlZForItsText()
{
    m_window->controller()->showFilter({StoryFilter::Kind::Feed, m_feed});
    m_window->readingActions()->markAllReadAction()->trigger();
    QTRY_VERIFY(readUndo()->action()->isEnabled());
    QLineEdit *field = m_window->searchField();
    QVERIFY(field);
    field->setFocus();
    QTRY_VERIFY(field->hasFocus());
    QTest::keyClicks(field, QStringLiteral("harbour"));
    QTest::keyClick(field, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(field->text() != QStringLiteral("harbour")); // the field's own undo
    QVERIFY(unreadOf(m_feed).isEmpty());
    QVERIFY(readUndo()->action()->isEnabled());
}

QTEST_MAIN(tst_ReadUndo)
#include "tst_readundo.moc"
