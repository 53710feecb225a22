#include "gui/copyactions.h"

#include "gui/mainwindow.h"
#include "gui/storycontroller.h"
#include "gui/storylistview.h"
#include "models/storylistmodel.h"
#include "support/contextmenu.h"
#include "support/windowtest.h"

#include <QClipboard>
#include <QTest>

using namespace bulletin;
using namespace bulletin::test;

// The story list's context menu and Story › Copy Link / Copy Headline, in the real window.
class tst_CopyActions : public QObject, protected WindowTest
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void storyMenuActsOnTheStoryClicked();
    void copyHeadlineKeepsTextWithoutPunctuation();
    void bookmarkKeepsItsNameWhateverTheStoryState();

private:
    QPoint rowPoint(int row) const;

    qint64 m_feed = 0;
    qint64 m_older = 0;
    qint64 m_newer = 0;
};

void tst_CopyActions::init()
{
    openCacheAndSettings();
    m_feed = m_cache->feeds().localSource(QStringLiteral("Harbour Gazette")).value_or(0);
    QVERIFY(m_feed);
    m_older = addStory(*m_cache, m_feed, QStringLiteral("Ferry timetable changes"),
                       QStringLiteral("<p>Ferries.</p>"), 30);
    m_newer = addStory(*m_cache, m_feed, QStringLiteral("new harbour master named today"),
                       QStringLiteral("<p>Named.</p>"), 10);
    QVERIFY(m_older && m_newer);
    QVERIFY(showMainWindow(QSize(1000, 600)));
}

void tst_CopyActions::cleanup()
{
    closeWindowTest();
}

QPoint tst_CopyActions::rowPoint(int row) const
{
    StoryListView *view = m_window->storyView();
    return view->visualRect(view->model()->index(row, StoryListModel::HeadlineColumn)).center();
}

void tst_CopyActions::storyMenuActsOnTheStoryClicked()
{
    StoryListView *view = m_window->storyView();
    auto *model = qobject_cast<StoryListModel *>(view->model());
    QVERIFY(model);
    view->setCurrentIndex(model->index(model->rowForStory(m_newer), 0)); // reading the newer one
    QTRY_COMPARE(m_window->controller()->currentLocation().storyId, m_newer);

    // A right click on the older story: the menu's entries act on it.
    const int olderRow = model->rowForStory(m_older);
    const QStringList entries = runContextMenu(view, rowPoint(olderRow),
                                               QStringLiteral("Copy Link"));
    QCOMPARE(entries,
             (QStringList{QStringLiteral("Open in Browser"), QStringLiteral("Copy Link"),
                          QStringLiteral("Copy Headline"), QStringLiteral("Toggle Read"),
                          QStringLiteral("Bookmark"), QStringLiteral("Bookmark Note\u2026")}));
    const std::optional<StorySummary> older = m_cache->articles().summary(m_older);
    QVERIFY(older);
    QCOMPARE(QGuiApplication::clipboard()->text(), older->link);

    runContextMenu(view, rowPoint(olderRow), QStringLiteral("Copy Headline"));
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("Ferry timetable changes"));

    // Mark Read/Unread from the menu: the story clicked changes, and only it.
    QTRY_VERIFY(m_cache->articles().summary(m_older)->read); // opened: read at once
    runContextMenu(view, rowPoint(olderRow), QStringLiteral("Toggle Read"));
    QVERIFY(!m_cache->articles().summary(m_older)->read);
    QVERIFY(m_cache->articles().summary(m_newer)->read);

    // Nowhere near a story: no menu.
    QVERIFY(
        runContextMenu(view, QPoint(view->viewport()->width() / 2, view->viewport()->height() - 5))
            .isEmpty());
}

void tst_CopyActions::copyHeadlineKeepsTextWithoutPunctuation()
{
    // Headlines come as the feed gives them: no end punctuation, lower case, spaces kept.
    m_window->controller()->openStory(m_newer);
    auto *copyHeadline = m_window->findChild<QAction *>(QStringLiteral("copyHeadline"));
    QVERIFY(copyHeadline && copyHeadline->isEnabled());
    copyHeadline->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(),
             QStringLiteral("new harbour master named today"));
}

void tst_CopyActions::bookmarkKeepsItsNameWhateverTheStoryState()
{
    // The shortcut editor lists each action by its text: a bookmarked story must not rename
    // the action to something the user cannot find again.
    QAction *bookmark = m_window->findChild<QAction *>(QStringLiteral("toggleBookmark"));
    QVERIFY(bookmark);
    const QString name = bookmark->text();
    m_window->controller()->openStory(m_newer);
    bookmark->trigger();
    QVERIFY(m_cache->bookmarks().isBookmarked(m_newer));
    QVERIFY(bookmark->isChecked());
    QCOMPARE(bookmark->text(), name);
    m_window->controller()->openStory(m_older);
    QVERIFY(!bookmark->isChecked());
    QCOMPARE(bookmark->text(), name);
}

QTEST_MAIN(tst_CopyActions)
#include "tst_copyactions.moc"
