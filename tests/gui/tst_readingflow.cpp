// The reading flow a heavy reader uses all day, driven through the real window offscreen:
// keyboard shortcuts (j/k, n/p, Space, m, Shift+A, zoom), search as you type with scope and
// highlighting, the mark-as-read delay, and shortcuts edited in Preferences.

#include "gui/advisorybanner.h"
#include "gui/appsettings.h"
#include "gui/feedactions.h"
#include "gui/mainwindow.h"
#include "gui/preferencesdialog.h"
#include "gui/readerview.h"
#include "gui/readingactions.h"
#include "gui/storycontroller.h"
#include "gui/storylistview.h"
#include "models/sidebarmodel.h"
#include "models/storylistmodel.h"
#include "storage/advisorystore.h"
#include "storage/cache.h"
#include "support/dialoganswers.h"
#include "support/windowtest.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QKeySequenceEdit>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSettings>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace bulletin;

class tst_ReadingFlow : public QObject, protected bulletin::test::WindowTest
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void nextAndPreviousStory();
    void cursorKeysMoveBetweenStories();
    void unreadNavigationAndToggling();
    void spacePagesThenMovesOn();
    void zoom();
    void searchAsYouTypeScopedAndHighlighted();
    void typingInSearchDoesNotTriggerShortcuts();
    void markReadDelay();
    void shortcutsAreEditableAndListed();
    void shortcutListLeadsToPreferences();
    void advisoryRulesInPreferences();
    void savedSearchesInTheSidebar();

private:
    qint64 addStory(qint64 feed, const QString &title, const QString &body, int minutesAgo)
    {
        return bulletin::test::addStory(*m_cache, feed, title, body, minutesAgo);
    }
    void openWindow();
    bool isRead(qint64 id) const { return m_cache->articles().summary(id)->read; }
    qint64 current() const { return m_window->controller()->currentLocation().storyId; }

    qint64 m_desk = 0;
    qint64 m_harbour = 0;
    QList<qint64> m_deskStories; // newest first, as the list shows them
    qint64 m_longStory = 0;
};

void tst_ReadingFlow::init()
{
    openCacheAndSettings();
    m_desk = *m_cache->feeds().localSource(QStringLiteral("City Desk"));
    m_harbour = *m_cache->feeds().localSource(QStringLiteral("Harbour Desk"));
    m_deskStories.clear();
    QString longBody;
    for (int i = 0; i < 80; ++i)
        longBody
            += QStringLiteral(
                   "<p>Paragraph %1 of a long report on the council budget and the tram line.</p>")
                   .arg(i);
    m_longStory = addStory(m_desk, QStringLiteral("Council budget: the long report"), longBody, 1);
    m_deskStories << m_longStory;
    for (int i = 0; i < 8; ++i) {
        m_deskStories << addStory(m_desk, QStringLiteral("City story %1 about the library").arg(i),
                                  QStringLiteral("<p>The library opens late on day %1.</p>").arg(i),
                                  10 + i);
    }
    addStory(m_harbour, QStringLiteral("Bridge closed after ship strikes pylon"),
             QStringLiteral("<p>The harbour bridge is closed while divers inspect the pylon.</p>"),
             5);
    addStory(
        m_harbour, QStringLiteral("Ferry timetable reduced"),
        QStringLiteral("<p>Two ferries are in dry dock; the bridge is the only way across.</p>"),
        6);
}

void tst_ReadingFlow::cleanup()
{
    closeWindowTest();
}

void tst_ReadingFlow::openWindow()
{
    QVERIFY(showMainWindow({1100, 700}, Focus::Active));
    m_window->controller()->showFilter({StoryFilter::Kind::Feed, m_desk});
    m_window->storyView()->setFocus();
}

void tst_ReadingFlow::nextAndPreviousStory()
{
    openWindow();
    m_window->openStory(m_deskStories.at(0));
    QTest::keyClick(m_window->storyView(), Qt::Key_J);
    QCOMPARE(current(), m_deskStories.at(1));
    QTest::keyClick(m_window->storyView(), Qt::Key_J);
    QCOMPARE(current(), m_deskStories.at(2));
    QTest::keyClick(m_window->storyView(), Qt::Key_K);
    QCOMPARE(current(), m_deskStories.at(1));
    QTest::keyClick(m_window->storyView(), Qt::Key_K);
    QCOMPARE(current(), m_deskStories.at(0));
    QVERIFY(isRead(m_deskStories.at(2))); // opened: read at once by default
    QVERIFY(!isRead(m_deskStories.at(3)));
}

void tst_ReadingFlow::cursorKeysMoveBetweenStories()
{
    // The list is a table underneath: its cursor keys still move from story to story, and
    // never along a row's cells.
    openWindow();
    QAbstractItemView *list = m_window->storyView();
    m_window->openStory(m_deskStories.at(1));
    const int column = list->currentIndex().column();
    QTest::keyClick(list, Qt::Key_Right);
    QCOMPARE(current(), m_deskStories.at(1));
    QCOMPARE(list->currentIndex().column(), column);
    QTest::keyClick(list, Qt::Key_Left);
    QCOMPARE(list->currentIndex().column(), column);
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(current(), m_deskStories.at(2));
    QTest::keyClick(list, Qt::Key_End);
    QCOMPARE(current(), m_deskStories.last());
    QTest::keyClick(list, Qt::Key_Up);
    QCOMPARE(current(), m_deskStories.at(m_deskStories.size() - 2));
    QTest::keyClick(list, Qt::Key_Home);
    QCOMPARE(current(), m_deskStories.first());
    QVERIFY(list->selectionModel()->isRowSelected(0, {}));
}

void tst_ReadingFlow::unreadNavigationAndToggling()
{
    m_cache->articles().setRead({m_deskStories.at(1), m_deskStories.at(2)}, true);
    openWindow();
    m_window->openStory(m_deskStories.at(0));
    QTest::keyClick(m_window->storyView(), Qt::Key_N); // skips the two read ones
    QCOMPARE(current(), m_deskStories.at(3));
    QTest::keyClick(m_window->storyView(), Qt::Key_M); // m: back to unread
    QVERIFY(!isRead(m_deskStories.at(3)));
    QVERIFY(
        !m_window->controller()->storyModel()->index(3, 0).data(StoryListModel::ReadRole).toBool());
    QTest::keyClick(m_window->storyView(), Qt::Key_M);
    QVERIFY(isRead(m_deskStories.at(3)));
    // Everything above was read (the first story when it was opened): p stays.
    QTest::keyClick(m_window->storyView(), Qt::Key_P);
    QCOMPARE(current(), m_deskStories.at(3));
    m_cache->articles().setRead({m_deskStories.at(0)}, false);
    m_window->controller()->storyReadChanged(m_deskStories.at(0), false);
    QTest::keyClick(m_window->storyView(), Qt::Key_P);
    QCOMPARE(current(), m_deskStories.at(0));

    // Shift+A: the whole view, and only this view (stored off the GUI thread).
    QTest::keyClick(m_window->storyView(), Qt::Key_A, Qt::ShiftModifier);
    QTRY_COMPARE(m_cache->articles().unreadCount({StoryFilter::Kind::Feed, m_desk}), 0);
    QCOMPARE(m_cache->articles().unreadCount({StoryFilter::Kind::Feed, m_harbour}), 2);
}

void tst_ReadingFlow::spacePagesThenMovesOn()
{
    openWindow();
    m_window->openStory(m_longStory);
    QScrollBar *bar = m_window->reader()->verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), 0);
    QTest::keyClick(m_window->storyView(), Qt::Key_Space);
    QVERIFY(bar->value() > 0);
    QCOMPARE(current(), m_longStory);
    for (int i = 0; i < 100 && bar->value() < bar->maximum(); ++i)
        QTest::keyClick(m_window->storyView(), Qt::Key_Space);
    QCOMPARE(bar->value(), bar->maximum());
    QTest::keyClick(m_window->storyView(), Qt::Key_Space); // at the end: the next unread story
    QCOMPARE(current(), m_deskStories.at(1));
}

void tst_ReadingFlow::zoom()
{
    openWindow();
    m_window->openStory(m_longStory);
    const qreal normal = m_window->reader()->font().pointSizeF();
    QTest::keyClick(m_window->storyView(), Qt::Key_Plus, Qt::ControlModifier);
    QTest::keyClick(m_window->storyView(), Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(m_window->readingActions()->zoomSteps(), 2);
    QVERIFY(m_window->reader()->font().pointSizeF() > normal);
    QTest::keyClick(m_window->storyView(), Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(m_window->readingActions()->zoomSteps(), 1);
    QTest::keyClick(m_window->storyView(), Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(m_window->reader()->font().pointSizeF(), normal);
}

void tst_ReadingFlow::searchAsYouTypeScopedAndHighlighted()
{
    openWindow();
    StoryListModel *list = m_window->controller()->storyModel();
    QCOMPARE(list->rowCount(), 9);
    // Ctrl+F (or /) goes to the field.
    QTest::keyClick(m_window->storyView(), Qt::Key_Slash);
    QVERIFY(m_window->searchField()->hasFocus());
    QTest::keyClicks(m_window->searchField(), QStringLiteral("bridge"));
    // Nothing happens while typing; the list follows once the typing pauses.
    QCOMPARE(list->rowCount(), 9);
    QTRY_VERIFY(list->isSearching());
    // Scoped to this source (City Desk): no bridge there.
    QCOMPARE(list->rowCount(), 0);
    m_window->searchScope()->setCurrentIndex(1); // Everywhere
    QTRY_COMPARE(list->rowCount(), 2); // the search runs on its own thread
    // The title match ranks first; the matched word is highlighted in the list and reader.
    QCOMPARE(list->index(0, 0).data().toString(),
             QStringLiteral("Bridge closed after ship strikes pylon"));
    QVERIFY(!list->highlighter().isEmpty());
    QVERIFY(list->index(1, 0)
                .data(StoryListModel::SnippetRole)
                .toString()
                .contains(QStringLiteral("[bridge]")));
    m_window->storyView()->setCurrentIndex(list->index(0, 0));
    QVERIFY(m_window->reader()->extraSelections().size() >= 2); // headline and body
    QCOMPARE(m_window->reader()->extraSelections().at(0).cursor.selectedText().toLower(),
             QStringLiteral("bridge"));

    // Query syntax: -word excludes.
    m_window->searchField()->setText(QStringLiteral("bridge -ferries"));
    QTRY_COMPARE(list->rowCount(), 1);
    // Escape clears the search and brings the source's list back.
    m_window->searchField()->setFocus();
    QTest::keyClick(m_window->searchField(), Qt::Key_Escape);
    QVERIFY(m_window->searchField()->text().isEmpty());
    QVERIFY(!list->isSearching());
    QCOMPARE(list->rowCount(), 9);
    QVERIFY(m_window->reader()->extraSelections().isEmpty() || !list->isSearching());
}

void tst_ReadingFlow::typingInSearchDoesNotTriggerShortcuts()
{
    openWindow();
    m_window->openStory(m_deskStories.at(0));
    m_window->findAction()->trigger();
    QTest::keyClicks(m_window->searchField(), QStringLiteral("jknm"));
    QCOMPARE(m_window->searchField()->text(), QStringLiteral("jknm"));
    QCOMPARE(current(), m_deskStories.at(0));
    QVERIFY(isRead(m_deskStories.at(0)));
}

void tst_ReadingFlow::markReadDelay()
{
    m_settings->setValue(QLatin1String(AppSettings::kMarkReadKey), 300);
    openWindow();
    m_window->openStory(m_deskStories.at(2));
    QVERIFY(!isRead(m_deskStories.at(2)));
    QTRY_VERIFY_WITH_TIMEOUT(isRead(m_deskStories.at(2)), 3000);
    // Moving on before the delay leaves the story unread.
    m_window->openStory(m_deskStories.at(3));
    m_window->openStory(m_deskStories.at(4));
    // Story 3's delay would have ended before story 4's.
    QTRY_VERIFY_WITH_TIMEOUT(isRead(m_deskStories.at(4)), 3000);
    QVERIFY(!isRead(m_deskStories.at(3)));

    // Never: only m marks it.
    m_settings->setValue(QLatin1String(AppSettings::kMarkReadKey), -1);
    m_window->applySettings();
    m_window->openStory(m_deskStories.at(5));
    QTest::qWait(400); // past the 300 ms delay set before: nothing marks it
    QVERIFY(!isRead(m_deskStories.at(5)));
    m_window->readingActions()->toggleReadAction()->trigger();
    QVERIFY(isRead(m_deskStories.at(5)));
}

void tst_ReadingFlow::shortcutsAreEditableAndListed()
{
    openWindow();
    QAction *next = m_window->readingActions()->nextAction();
    QCOMPARE(next->shortcut(), QKeySequence(Qt::Key_J));

    // Change "Next Story" to Ctrl+J in Preferences, as a user would in the dialog.
    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<PreferencesDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto *edit = dialog->findChild<QKeySequenceEdit *>(QStringLiteral("nextStory"));
        QVERIFY(edit);
        edit->setKeySequence(QKeySequence(Qt::CTRL | Qt::Key_J));
        dialog->save();
        dialog->accept();
    });
    m_window->showPreferences();
    QCOMPARE(next->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_J));
    QTest::keyClick(m_window->storyView(), Qt::Key_J, Qt::ControlModifier);
    QCOMPARE(current(), m_deskStories.at(0));

    // Kept for the next start.
    m_window.reset();
    openWindow();
    QCOMPARE(m_window->readingActions()->nextAction()->shortcut(),
             QKeySequence(Qt::CTRL | Qt::Key_J));
    // Everything else kept its defaults.
    QCOMPARE(m_window->readingActions()->previousAction()->shortcut(), QKeySequence(Qt::Key_K));

    // Help lists every action with its keys.
    QStringList listed;
    QTimer::singleShot(0, this, [&listed] {
        QWidget *dialog = QApplication::activeModalWidget();
        QVERIFY(dialog);
        auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("shortcutTable"));
        QVERIFY(table);
        for (int row = 0; row < table->rowCount(); ++row)
            listed << table->item(row, 0)->text() + QLatin1Char('=') + table->item(row, 1)->text();
        dialog->close();
    });
    m_window->showShortcutHelp();
    QVERIFY2(listed.contains(QStringLiteral("Next Story=Ctrl+J")),
             qPrintable(listed.join(QLatin1Char('|'))));
    QVERIFY(listed.contains(QStringLiteral("Mark All as Read=Shift+A")));
    QVERIFY(listed.contains(QStringLiteral("Bookmark=Ctrl+D, S")));
    QVERIFY(listed.contains(QStringLiteral("Find=Ctrl+F, /")));
}

void tst_ReadingFlow::shortcutListLeadsToPreferences()
{
    // Help > Keyboard Shortcuts, Change…: the list closes and Preferences opens, where the
    // shortcuts are set.
    openWindow();
    QString listTitle;
    bool preferencesOpened = false;
    test::answerNextDialog([&](QWidget *list) {
        listTitle = list->windowTitle();
        test::answerNextDialog([&preferencesOpened](QWidget *dialog) {
            preferencesOpened = qobject_cast<PreferencesDialog *>(dialog) != nullptr;
            qobject_cast<QDialog *>(dialog)->reject();
        });
        test::clickButton(list, QStringLiteral("Change\u2026"));
    });
    m_window->showShortcutHelp();
    QCOMPARE(listTitle, QStringLiteral("Keyboard Shortcuts"));
    QTRY_VERIFY(preferencesOpened);
}

void tst_ReadingFlow::advisoryRulesInPreferences()
{
    openWindow();
    AdvisoryStore advisories(m_cache->database().connection());
    QVERIFY(advisories.advisories(false).isEmpty());
    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<PreferencesDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto *keywords = dialog->findChild<QPlainTextEdit *>(QStringLiteral("advisoryKeywords"));
        QVERIFY(keywords);
        keywords->setPlainText(QStringLiteral("pylon\n"));
        dialog->save();
        dialog->accept();
    });
    m_window->showPreferences();
    // The harbour story about the pylon is an advisory now, in the view and the banner.
    const QList<AdvisoryStore::Record> found = advisories.advisories(false);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.at(0).storyTitle, QStringLiteral("Bridge closed after ship strikes pylon"));
    QCOMPARE(found.at(0).advisory.origin, QStringLiteral("rule"));
    QVERIFY(m_window->advisoryBanner()->text().contains(QStringLiteral("Bridge closed")));

    // A whole feed as an alert source, from the Feeds menu.
    m_window->controller()->showFilter({StoryFilter::Kind::Feed, m_harbour});
    QAction *alertSource = m_window->feedActions()->alertSourceAction();
    QVERIFY(alertSource->isEnabled() && !alertSource->isChecked());
    alertSource->trigger();
    QVERIFY(alertSource->isChecked());
    QCOMPARE(advisories.advisories(false).size(), 2);
    alertSource->trigger();
    QCOMPARE(advisories.advisories(false).size(), 1); // the keyword rule still holds
}

void tst_ReadingFlow::savedSearchesInTheSidebar()
{
    openWindow();
    QVERIFY(!m_window->saveSearchAction()->isEnabled());
    m_window->searchScope()->setCurrentIndex(1);
    m_window->searchField()->setText(QStringLiteral("bridge"));
    QTRY_VERIFY(m_window->controller()->isSearching());
    QVERIFY(m_window->saveSearchAction()->isEnabled());
    const qint64 id = m_window->saveSearch(QStringLiteral("Bridge news"));
    QVERIFY(id);

    // Next start: the search is in the sidebar, and choosing it shows its results.
    m_window.reset();
    openWindow();
    SidebarModel *sidebar = m_window->controller()->sidebarModel();
    const QModelIndex entry = sidebar->indexForSavedSearch(id);
    QVERIFY(entry.isValid());
    QCOMPARE(entry.data().toString(), QStringLiteral("Bridge news"));
    QVERIFY(!m_window->controller()->isSearching());
    m_window->sidebarView()->setCurrentIndex(entry);
    QVERIFY(m_window->controller()->isSearching());
    QCOMPARE(m_window->controller()->storyModel()->rowCount(), 2);
    QCOMPARE(m_window->searchField()->text(), QStringLiteral("bridge"));
    QCOMPARE(m_window->searchScope()->currentIndex(), 1);
    QCOMPARE(m_window->sidebarView()->currentIndex(), entry);
    // Choosing a source again leaves the search.
    m_window->sidebarView()->setCurrentIndex(sidebar->indexFor({StoryFilter::Kind::Feed, m_desk}));
    QVERIFY(!m_window->controller()->isSearching());
    QCOMPARE(m_window->controller()->storyModel()->rowCount(), 9);
}

QTEST_MAIN(tst_ReadingFlow)
#include "tst_readingflow.moc"
