// How the three panes follow the user from view to view, driven through the real window
// offscreen: a view opens at its top with its own story (or none), back and forward return to
// the view and to the place in the story, and the search field always tells what the list is.
// A story far longer than any article (a 30 MB one-line text, imported as a user would) is
// laid out one part at a time, says so, and offers the parts before and after; endless words
// can break; Space reads on into the next part. Set BULLETIN_SCREENSHOT_DIR to save what the
// window looks like.

#include "core/html/htmlparts.h"
#include "gui/historyactions.h"
#include "gui/mainwindow.h"
#include "gui/readerview.h"
#include "gui/readingactions.h"
#include "gui/storycontroller.h"
#include "gui/storylistview.h"
#include "models/sidebarmodel.h"
#include "models/storylistmodel.h"
#include "services/importservice.h"
#include "services/storypage.h"
#include "storage/cache.h"
#include "support/screenshots.h"
#include "support/windowtest.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QScrollBar>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTextDocument>
#include <QTextEdit>
#include <QTreeView>

using namespace bulletin;

namespace {

// `bytes` of prose on one line, as the file that froze the window.
QByteArray oneLine(qsizetype bytes)
{
    const QByteArray sentence
        = "The council said on Monday that the storm closed schools across the county. ";
    QByteArray text = sentence.repeated(bytes / sentence.size() + 1);
    text.truncate(bytes);
    return text + '\n';
}

// The longest run of characters in the reader's text that Qt's line breaking cannot break.
qsizetype longestUnbreakableRun(const QString &text)
{
    qsizetype run = 0;
    qsizetype longest = 0;
    for (const QChar c : text) {
        run = c.isSpace() || c == QChar(0x200B) ? 0 : run + 1;
        longest = qMax(longest, run);
    }
    return longest;
}

} // namespace

class tst_StoryController : public QObject, protected bulletin::test::WindowTest
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void aViewOpensAtItsTopWithItsOwnStory();
    void aViewWithoutAStoryLeavesTheReaderEmpty();
    void backReturnsToTheViewAndThePlaceInTheStory();
    void followingALinkOutOfTheViewShowsItAmongAllStories();
    void leavingASearchClearsTheField_data();
    void leavingASearchClearsTheField();
    void aSearchInThisSourceFollowsTheSource();
    void aSearchKeepsTheReaderOnlyOnAResult();
    void aPhraseIsMarkedOnlyAsAPhrase();
    void aSearchShowsItsResultsWhenTheyCome();
    void aViewChosenDuringASearchStays();
    void longStoryIsReadInParts();
    void spaceReadsOnIntoTheNextPart();
    void anotherStoryStartsAtItsFirstPart();
    void backReturnsToThePartTheUserWasOn();
    void endlessWordsCanBreak();
    void screenshots();

private:
    qint64 addStory(qint64 feed, const QString &title, const QString &body, int minutesAgo)
    {
        return bulletin::test::addStory(*m_cache, feed, title, body, minutesAgo);
    }
    qint64 import(const QByteArray &bytes, const QString &title);
    qint64 importHugeStory()
    {
        return import(oneLine(30 * 1024 * 1024), QStringLiteral("A story of thirty megabytes"));
    }
    QString readerText() const { return m_window->reader()->document()->toPlainText(); }
    void openWindow();
    void clickSource(const StoryFilter &filter);
    qint64 current() const { return m_window->controller()->currentLocation().storyId; }
    int listScroll() const { return m_window->storyView()->verticalScrollBar()->value(); }
    int currentRow() const { return m_window->storyView()->currentIndex().row(); }

    qint64 m_desk = 0;
    qint64 m_harbour = 0;
    QList<qint64> m_deskStories; // newest first, as the list shows them
    QList<qint64> m_harbourStories;
    qint64 m_longStory = 0;
};

qint64 tst_StoryController::import(const QByteArray &bytes, const QString &title)
{
    const ImportService::Report report = ImportService(*m_cache).importPlainText(bytes,
                                                                                 {title, {}, {}});
    return report.storyIds.value(0);
}

void tst_StoryController::init()
{
    openCacheAndSettings();
    m_desk = *m_cache->feeds().localSource(QStringLiteral("City Desk"));
    m_harbour = *m_cache->feeds().localSource(QStringLiteral("Harbour Desk"));
    m_deskStories.clear();
    m_harbourStories.clear();
    // Enough stories that the desk's list scrolls a long way in a 700-pixel window.
    for (int i = 0; i < 60; ++i) {
        m_deskStories << addStory(m_desk, QStringLiteral("City story %1 about the library").arg(i),
                                  QStringLiteral("<p>The library opens late on day %1.</p>").arg(i),
                                  10 + i);
    }
    QString longBody;
    for (int i = 0; i < 80; ++i)
        longBody
            += QStringLiteral("<p>Paragraph %1 of a long report on the council budget.</p>").arg(i);
    m_longStory = addStory(m_desk, QStringLiteral("Council budget: the long report"), longBody,
                           200);
    m_deskStories << m_longStory;
    m_harbourStories << addStory(
        m_harbour, QStringLiteral("Bridge closed after ship strikes pylon"),
        QStringLiteral("<p>The harbour bridge is closed while divers inspect "
                       "the pylon. A bridge in the old town stays open.</p>"),
        5);
    m_harbourStories << addStory(
        m_harbour, QStringLiteral("Ferry timetable reduced"),
        QStringLiteral("<p>Two ferries are in dry dock; the harbour is quiet.</p>"), 6);
}

void tst_StoryController::cleanup()
{
    closeWindowTest();
}

void tst_StoryController::openWindow()
{
    QVERIFY(showMainWindow({1100, 700}, Focus::Active));
}

void tst_StoryController::clickSource(const StoryFilter &filter)
{
    QTreeView *sidebar = m_window->sidebarView();
    const QModelIndex index = m_window->controller()->sidebarModel()->indexFor(filter);
    QVERIFY(index.isValid());
    sidebar->scrollTo(index);
    QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, sidebar->visualRect(index).center());
    QCOMPARE(m_window->controller()->currentFilter(), filter);
}

void tst_StoryController::aViewOpensAtItsTopWithItsOwnStory()
{
    openWindow();
    clickSource({StoryFilter::Kind::Feed, m_desk});
    // Read a story far down the desk's list: the list scrolls to it.
    m_window->openStory(m_deskStories.at(50));
    QVERIFY(listScroll() > 0);
    QCOMPARE(currentRow(), 50);

    // Another feed opens at its top, and the desk's story is not in its reader.
    clickSource({StoryFilter::Kind::Feed, m_harbour});
    QCOMPARE(listScroll(), 0);
    QCOMPARE(current(), 0);
    QVERIFY(m_window->reader()->toPlainText().isEmpty());
    QVERIFY(!m_window->storyView()->currentIndex().isValid());
    m_window->openStory(m_harbourStories.at(1));

    // Back on the desk: at its top again, with the story the user was reading there.
    clickSource({StoryFilter::Kind::Feed, m_desk});
    QCOMPARE(listScroll(), 0);
    QCOMPARE(current(), m_deskStories.at(50));
    QCOMPARE(currentRow(), 50);
    QVERIFY(m_window->reader()->toPlainText().startsWith(QStringLiteral("City story 50")));
    // And the harbour remembers its own.
    clickSource({StoryFilter::Kind::Feed, m_harbour});
    QCOMPARE(current(), m_harbourStories.at(1));
    QCOMPARE(currentRow(), 1);
}

void tst_StoryController::aViewWithoutAStoryLeavesTheReaderEmpty()
{
    openWindow();
    clickSource({StoryFilter::Kind::Feed, m_harbour});
    m_window->openStory(m_harbourStories.at(0));
    // Unread: the story just read is not there, so the reader is empty and says how to fill it.
    clickSource({StoryFilter::Kind::Unread});
    QCOMPARE(current(), 0);
    QVERIFY(m_window->reader()->toPlainText().isEmpty());
    QVERIFY(!m_window->reader()->placeholderText().isEmpty());
    // Nothing is in the reader to open or to bookmark.
    QVERIFY(!m_window->findChild<QAction *>(QStringLiteral("openInBrowser"))->isEnabled());
    QVERIFY(!m_window->findChild<QAction *>(QStringLiteral("toggleBookmark"))->isEnabled());
}

void tst_StoryController::backReturnsToTheViewAndThePlaceInTheStory()
{
    openWindow();
    clickSource({StoryFilter::Kind::Feed, m_desk});
    m_window->openStory(m_longStory);
    QScrollBar *reader = m_window->reader()->verticalScrollBar();
    QVERIFY(reader->maximum() > 0);
    const int place = reader->maximum() / 2;
    reader->setValue(place);

    // On to another story of the same view, and back: the same place in the long story.
    QTest::keyClick(m_window->storyView(), Qt::Key_K);
    QCOMPARE(current(), m_deskStories.at(m_deskStories.size() - 2));
    QCOMPARE(reader->value(), 0);
    QAction *back = m_window->historyActions()->backAction();
    QAction *forward = m_window->historyActions()->forwardAction();
    back->trigger();
    QCOMPARE(current(), m_longStory);
    QCOMPARE(reader->value(), place);

    // To another view, and back: the desk again, the long story selected, at the same place.
    clickSource({StoryFilter::Kind::Feed, m_harbour});
    m_window->openStory(m_harbourStories.at(0));
    back->trigger();
    QCOMPARE(m_window->controller()->currentFilter(),
             (StoryFilter{StoryFilter::Kind::Feed, m_desk}));
    QCOMPARE(m_window->sidebarView()->currentIndex(),
             m_window->controller()->sidebarModel()->indexFor({StoryFilter::Kind::Feed, m_desk}));
    QCOMPARE(current(), m_longStory);
    QCOMPARE(currentRow(), int(m_deskStories.size()) - 1);
    QCOMPARE(reader->value(), place);
    // Forward returns to the harbour's story, in the harbour's list.
    forward->trigger();
    QCOMPARE(m_window->controller()->currentFilter(),
             (StoryFilter{StoryFilter::Kind::Feed, m_harbour}));
    QCOMPARE(current(), m_harbourStories.at(0));
    QCOMPARE(currentRow(), 0);
}

void tst_StoryController::followingALinkOutOfTheViewShowsItAmongAllStories()
{
    openWindow();
    clickSource({StoryFilter::Kind::Feed, m_harbour});
    m_window->openStory(m_harbourStories.at(0));
    // A related headline in another feed: the list shows all stories, with that one selected.
    emit m_window->reader()->storyRequested(m_deskStories.at(3));
    QCOMPARE(m_window->controller()->currentFilter().kind, StoryFilter::Kind::All);
    QCOMPARE(current(), m_deskStories.at(3));
    QCOMPARE(m_window->storyView()->currentIndex().data(StoryListModel::StoryIdRole).toLongLong(),
             m_deskStories.at(3));
}

void tst_StoryController::leavingASearchClearsTheField_data()
{
    QTest::addColumn<int>("scope");
    QTest::addColumn<bool>("saved");
    QTest::newRow("typed, everywhere") << 1 << false;
    QTest::newRow("saved, everywhere") << 1 << true;
    QTest::newRow("saved, in one source") << 0 << true;
}

void tst_StoryController::leavingASearchClearsTheField()
{
    QFETCH(int, scope);
    QFETCH(bool, saved);
    openWindow();
    clickSource({StoryFilter::Kind::Feed, m_harbour});
    m_window->searchScope()->setCurrentIndex(scope);
    m_window->searchField()->setText(QStringLiteral("bridge"));
    QTRY_VERIFY(m_window->controller()->isSearching());
    if (saved) {
        const qint64 id = m_window->saveSearch(QStringLiteral("Bridges"));
        QVERIFY(id);
        m_window->searchField()->clear();
        QTRY_VERIFY(!m_window->controller()->isSearching());
        const QModelIndex entry = m_window->controller()->sidebarModel()->indexForSavedSearch(id);
        QTest::mouseClick(m_window->sidebarView()->viewport(), Qt::LeftButton, {},
                          m_window->sidebarView()->visualRect(entry).center());
        QVERIFY(m_window->controller()->isSearching());
        QCOMPARE(m_window->searchField()->text(), QStringLiteral("bridge"));
    }
    clickSource({StoryFilter::Kind::Feed, m_desk});
    QVERIFY(!m_window->controller()->isSearching());
    QCOMPARE(m_window->controller()->storyModel()->rowCount(), int(m_deskStories.size()));
    // The field says what the list is: no search.
    QCOMPARE(m_window->searchField()->text(), QString());
    QVERIFY(!m_window->saveSearchAction()->isEnabled());
    QTest::qWait(400); // past the typing pause: nothing comes back
    QVERIFY(!m_window->controller()->isSearching());
}

void tst_StoryController::aSearchInThisSourceFollowsTheSource()
{
    openWindow();
    clickSource({StoryFilter::Kind::Feed, m_harbour});
    m_window->searchScope()->setCurrentIndex(0);
    m_window->searchField()->setText(QStringLiteral("library"));
    QTRY_VERIFY(m_window->controller()->isSearching());
    QCOMPARE(m_window->controller()->storyModel()->rowCount(), 0);
    // The query stays in the field because the list is still its results, now in the desk.
    clickSource({StoryFilter::Kind::Feed, m_desk});
    QTRY_COMPARE(m_window->controller()->storyModel()->rowCount(), 60);
    QVERIFY(m_window->controller()->isSearching());
    QCOMPARE(m_window->searchField()->text(), QStringLiteral("library"));
}

void tst_StoryController::aSearchKeepsTheReaderOnlyOnAResult()
{
    openWindow();
    clickSource({StoryFilter::Kind::All});
    m_window->openStory(m_harbourStories.at(0));
    m_window->searchScope()->setCurrentIndex(1);
    m_window->searchField()->setText(QStringLiteral("pylon"));
    QTRY_VERIFY(m_window->controller()->isSearching());
    QCOMPARE(current(), m_harbourStories.at(0)); // a result: it stays, selected
    QCOMPARE(currentRow(), 0);
    m_window->searchField()->setText(QStringLiteral("library"));
    QTRY_COMPARE(m_window->controller()->storyModel()->rowCount(), 60);
    QCOMPARE(current(), 0); // not a result: the reader does not show it over the results
    QVERIFY(m_window->reader()->toPlainText().isEmpty());
}

void tst_StoryController::aPhraseIsMarkedOnlyAsAPhrase()
{
    openWindow();
    m_window->searchScope()->setCurrentIndex(1);
    m_window->searchField()->setText(QStringLiteral("\"harbour bridge\""));
    QTRY_VERIFY(m_window->controller()->isSearching());
    StoryListModel *list = m_window->controller()->storyModel();
    QCOMPARE(list->rowCount(), 1);
    QCOMPARE(list->index(0, 0).data(StoryListModel::StoryIdRole).toLongLong(),
             m_harbourStories.at(0));

    // The headline "Bridge closed after ship strikes pylon" does not hold the phrase: its row
    // shows no highlight, though "Bridge" is one of the phrase's words.
    QTableView *view = m_window->storyView();
    const QRect row = view->visualRect(list->index(0, StoryListModel::HeadlineColumn));
    const QImage pixels = view->viewport()->grab(row).toImage();
    const QRgb highlight = view->palette().color(QPalette::Highlight).rgb();
    int marked = 0;
    for (int y = 0; y < pixels.height(); ++y) {
        for (int x = 0; x < pixels.width(); ++x)
            marked += pixels.pixel(x, y) == highlight ? 1 : 0;
    }
    QCOMPARE(marked, 0);

    // In the reader, the phrase is marked where it stands, and the lone "bridge" is not.
    m_window->openStory(m_harbourStories.at(0));
    QStringList marks;
    for (const QTextEdit::ExtraSelection &selection : m_window->reader()->extraSelections())
        marks << selection.cursor.selectedText();
    QCOMPARE(marks, QStringList{QStringLiteral("harbour bridge")});
}

void tst_StoryController::aSearchShowsItsResultsWhenTheyCome()
{
    openWindow();
    clickSource({StoryFilter::Kind::Feed, m_harbour});
    m_window->searchScope()->setCurrentIndex(1);
    // The search runs on its own thread, as in the application: the window goes on with the
    // source's list and says it is searching until the results come.
    QVERIFY(m_window->controller()->search(QStringLiteral("library"), true));
    QVERIFY(!m_window->controller()->isSearching());
    QCOMPARE(m_window->controller()->storyModel()->rowCount(), int(m_harbourStories.size()));
    QVERIFY(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Searching")));
    QTRY_VERIFY(m_window->controller()->isSearching());
    QCOMPARE(m_window->controller()->storyModel()->rowCount(), 60);
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("60 story(ies) match."));
    QVERIFY(m_window->saveSearchAction()->isEnabled());
    // A query with nothing to look for says so at once.
    QVERIFY(!m_window->controller()->search(QStringLiteral("!!"), true));
    QVERIFY(
        m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Nothing to search")));
}

void tst_StoryController::aViewChosenDuringASearchStays()
{
    openWindow();
    clickSource({StoryFilter::Kind::Feed, m_harbour});
    m_window->searchScope()->setCurrentIndex(1);
    QVERIFY(m_window->controller()->search(QStringLiteral("library"), true));
    // The user picks another source before the results are in: that source's list stays,
    // and the search's results, when they come, do not replace it.
    clickSource({StoryFilter::Kind::Feed, m_desk});
    QTest::qWait(300);
    QVERIFY(!m_window->controller()->isSearching());
    QCOMPARE(m_window->controller()->currentFilter(),
             (StoryFilter{StoryFilter::Kind::Feed, m_desk}));
    QCOMPARE(m_window->controller()->storyModel()->rowCount(), int(m_deskStories.size()));
    // A search typed and then cleared (Escape) before its results came: the list stays the
    // source's.
    m_window->searchField()->setText(QStringLiteral("library"));
    QTest::keyClick(m_window->searchField(), Qt::Key_Return); // the list takes the focus
    m_window->searchField()->setFocus();
    QTest::keyClick(m_window->searchField(), Qt::Key_Escape);
    QCOMPARE(m_window->searchField()->text(), QString());
    QTest::qWait(600); // past the typing pause, and the search's results
    QVERIFY(!m_window->controller()->isSearching());
    QCOMPARE(m_window->controller()->storyModel()->rowCount(), int(m_deskStories.size()));
    // The same for a search typed over by another: only the last one's results show.
    QVERIFY(m_window->controller()->search(QStringLiteral("library"), true));
    QVERIFY(m_window->controller()->search(QStringLiteral("pylon"), true));
    QTRY_VERIFY(m_window->controller()->isSearching());
    QTest::qWait(300);
    QCOMPARE(m_window->controller()->storyModel()->searchQuery(), QStringLiteral("pylon"));
    QCOMPARE(m_window->controller()->storyModel()->rowCount(), 1);
}

void tst_StoryController::longStoryIsReadInParts()
{
    const qint64 huge = importHugeStory();
    QVERIFY(huge > 0);
    openWindow();
    StoryController *controller = m_window->controller();
    m_window->openStory(huge);
    QCOMPARE(controller->currentPart(), 0);
    const int parts = controller->partCount();
    QVERIFY2(parts >= 15, qPrintable(QString::number(parts))); // 2,000,000 characters kept
    // What the reader lays out is bounded, and it says which part this is.
    QVERIFY2(m_window->reader()->document()->characterCount() < kReaderPartChars + 2000,
             qPrintable(QString::number(m_window->reader()->document()->characterCount())));
    QVERIFY(readerText().contains(
        QStringLiteral("This story is long: part 1 of %1. Next part \u203a").arg(parts)));

    // The "Next part" link, as a click on it comes out of the reader.
    m_window->reader()->verticalScrollBar()->setValue(
        m_window->reader()->verticalScrollBar()->maximum());
    emit m_window->reader()->anchorClicked(QUrl(QStringLiteral("#bulletin-part-2")));
    QCOMPARE(controller->currentPart(), 1);
    QCOMPARE(m_window->reader()->verticalScrollBar()->value(), 0);
    QVERIFY(readerText().contains(
        QStringLiteral("part 2 of %1. \u2039 Previous part Next part \u203a").arg(parts)));
    QCOMPARE(controller->currentLocation().storyId, huge);

    // The last part ends where the import cut the text, and says so.
    emit m_window->reader()->anchorClicked(QUrl(QStringLiteral("#bulletin-part-%1").arg(parts)));
    QCOMPARE(controller->currentPart(), parts - 1);
    QVERIFY(readerText().contains(QStringLiteral("Bulletin cut the rest of this text")));
    QVERIFY(!readerText().contains(QStringLiteral("Next part")));

    // Redrawing the page (a palette change, a note) keeps the part.
    controller->refreshPage();
    QCOMPARE(controller->currentPart(), parts - 1);
}

void tst_StoryController::spaceReadsOnIntoTheNextPart()
{
    const qint64 huge = importHugeStory();
    QVERIFY(huge > 0);
    openWindow();
    m_window->openStory(huge);
    QScrollBar *bar = m_window->reader()->verticalScrollBar();
    bar->setValue(bar->maximum());
    m_window->readingActions()->pageAction()->trigger();
    QCOMPARE(m_window->controller()->currentPart(), 1);
    QCOMPARE(m_window->controller()->currentLocation().storyId, huge);
    QCOMPARE(bar->value(), 0);
}

void tst_StoryController::anotherStoryStartsAtItsFirstPart()
{
    const qint64 huge = importHugeStory();
    QVERIFY(huge > 0);
    openWindow();
    m_window->openStory(huge);
    m_window->controller()->showPart(3);
    QCOMPARE(m_window->controller()->currentPart(), 3);
    m_window->openStory(m_harbourStories.at(1));
    QCOMPARE(m_window->controller()->partCount(), 1);
    QVERIFY(!readerText().contains(QStringLiteral("This story is long")));
    m_window->openStory(huge);
    QCOMPARE(m_window->controller()->currentPart(), 0);
}

void tst_StoryController::backReturnsToThePartTheUserWasOn()
{
    const qint64 huge = importHugeStory();
    QVERIFY(huge > 0);
    openWindow();
    StoryController *controller = m_window->controller();
    m_window->openStory(huge);
    emit m_window->reader()->anchorClicked(QUrl(QStringLiteral("#bulletin-part-4")));
    QCOMPARE(controller->currentPart(), 3);
    QScrollBar *reader = m_window->reader()->verticalScrollBar();
    QVERIFY(reader->maximum() > 0);
    const int place = reader->maximum() / 2;
    reader->setValue(place);

    // Away to another story and back: part 4, as far down as the user had read.
    m_window->openStory(m_harbourStories.at(1));
    QCOMPARE(controller->partCount(), 1);
    m_window->historyActions()->backAction()->trigger();
    QCOMPARE(current(), huge);
    QCOMPARE(controller->currentPart(), 3);
    QVERIFY(readerText().contains(QStringLiteral("This story is long: part 4 of")));
    QCOMPARE(reader->value(), place);

    // Forward and back again: the other story has one part, the huge one is still on part 4.
    m_window->historyActions()->forwardAction()->trigger();
    QCOMPARE(current(), m_harbourStories.at(1));
    QCOMPARE(controller->currentPart(), 0);
    m_window->historyActions()->backAction()->trigger();
    QCOMPARE(controller->currentPart(), 3);
    QCOMPARE(reader->value(), place);

    // Opening it anew (not a step back) starts at its first part.
    m_window->openStory(m_harbourStories.at(1));
    m_window->openStory(huge);
    QCOMPARE(controller->currentPart(), 0);
}

void tst_StoryController::endlessWordsCanBreak()
{
    // One word of a million characters: laid out whole it takes time quadratic in its length.
    const qint64 word = import(QByteArray(1'000'000, 'a') + '\n',
                               QStringLiteral("One endless word"));
    openWindow();
    m_window->openStory(word);
    QVERIFY(longestUnbreakableRun(readerText()) <= kUnbreakableRun);
    QVERIFY(m_window->reader()->document()->characterCount() < kReaderPartChars + 2000);
    // The text the reader shows (and the story's text for search) has no added characters.
    QVERIFY(!m_cache->articles().story(word)->text.contains(QChar(0x200B)));
}

void tst_StoryController::screenshots()
{
    if (test::screenshotDir().isEmpty())
        QSKIP("BULLETIN_SCREENSHOT_DIR not set");
    const qint64 huge = importHugeStory();
    QVERIFY(huge > 0);
    openWindow();
    m_window->openStory(huge);
    test::DarkPaletteScope::settle();
    QVERIFY(test::saveScreenshot(m_window.get(), QStringLiteral("long-story.png")));
    m_window->controller()->showPart(1);
    const test::DarkPaletteScope dark;
    QVERIFY(test::saveScreenshot(m_window.get(), QStringLiteral("long-story-dark.png")));
}

QTEST_MAIN(tst_StoryController)
#include "tst_storycontroller.moc"
