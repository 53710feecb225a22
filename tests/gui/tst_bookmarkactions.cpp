// Bookmark notes as a user writes and reads them, through the real window offscreen: the
// note is in the Bookmarks list (a column and the tooltip), in the reader of the bookmarked
// story with its line breaks, editable from there, and still there once the feed is gone.

#include "gui/bookmarkactions.h"
#include "gui/mainwindow.h"
#include "gui/readerview.h"
#include "gui/storycontroller.h"
#include "gui/storylistview.h"
#include "models/sidebarmodel.h"
#include "models/storylistmodel.h"
#include "storage/cache.h"
#include "support/dialoganswers.h"
#include "support/screenshots.h"
#include "support/windowtest.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QScopeGuard>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace bulletin;
using bulletin::test::answerNextDialog;

namespace {
const QString kNote = QStringLiteral(
    "Call the harbour office\n- ask about the ferry\n- and the bridge\n\nThen write back");
// The note as the reader's text has it: each line of it on a line of its own.
const QString kNoteLines = QStringLiteral(
    "Call the harbour office\n- ask about the ferry\n- and the bridge\nThen write back");
} // namespace

class tst_BookmarkActions : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void theNoteIsInTheBookmarksList();
    void theNoteIsInTheReaderAndEditableThere();
    void theNoteOutlivesTheFeed();
    void screenshots();

private:
    void openWindow();
    // Writes the note through the Bookmark Note dialog, as the user would.
    void writeNote(QAction *trigger, const QString &note, QString *shown = nullptr);
    void showBookmarks();

    QTemporaryDir m_dir;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_feed = 0;
    qint64 m_story = 0;
    qint64 m_other = 0;
};

void tst_BookmarkActions::init()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_cache = bulletin::test::openTestCache(m_dir, &error);
    QVERIFY2(m_cache, qPrintable(error));
    m_settings = bulletin::test::freshSettings(m_dir);
    m_feed = *m_cache->feeds().localSource(QStringLiteral("Harbour Desk"));
    const auto add = [this](const QString &title, const QString &body, int minutesAgo) {
        return bulletin::test::addStory(*m_cache, m_feed, title, body, minutesAgo);
    };
    m_story = add(
        QStringLiteral("Bridge closed after ship strikes pylon"),
        QStringLiteral("<p>The harbour bridge is closed while divers inspect the pylon.</p>"), 5);
    m_other = add(QStringLiteral("Ferry timetable reduced"),
                  QStringLiteral("<p>Two ferries are in dry dock.</p>"), 6);
}

void tst_BookmarkActions::cleanup()
{
    m_window.reset();
    m_cache.reset();
    m_settings.reset();
}

void tst_BookmarkActions::openWindow()
{
    m_window = std::make_unique<MainWindow>(*m_cache, *m_settings);
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_BookmarkActions::writeNote(QAction *trigger, const QString &note, QString *shown)
{
    bool answered = false;
    answerNextDialog([&](QWidget *dialog) {
        const auto closeAnyway = qScopeGuard([dialog] {
            if (dialog->isVisible()) // a check failed on the way: do not leave the dialog open
                qobject_cast<QDialog *>(dialog)->reject();
        });
        auto *edit = dialog->findChild<QPlainTextEdit *>();
        QVERIFY(edit);
        if (shown)
            *shown = edit->toPlainText();
        edit->setPlainText(note);
        qobject_cast<QDialog *>(dialog)->accept();
        answered = true;
    });
    trigger->trigger();
    QVERIFY(answered);
}

void tst_BookmarkActions::showBookmarks()
{
    QTreeView *sidebar = m_window->sidebarView();
    const QModelIndex index = m_window->controller()->sidebarModel()->indexFor(
        {StoryFilter::Kind::Bookmarked});
    QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, sidebar->visualRect(index).center());
    QCOMPARE(m_window->controller()->currentFilter().kind, StoryFilter::Kind::Bookmarked);
}

void tst_BookmarkActions::theNoteIsInTheBookmarksList()
{
    openWindow();
    m_window->openStory(m_story);
    writeNote(m_window->bookmarkActions()->noteAction(), kNote); // a note bookmarks the story
    m_window->openStory(m_other);
    m_window->bookmarkActions()->toggleAction()->trigger(); // bookmarked without a note
    QVERIFY(m_cache->bookmarks().isBookmarked(m_other));

    showBookmarks();
    StoryListView *view = m_window->storyView();
    StoryListModel *list = m_window->controller()->storyModel();
    QCOMPARE(list->rowCount(), 2);
    // A column for the notes, here and only here.
    QVERIFY(!view->isColumnHidden(StoryListModel::NoteColumn));
    QVERIFY(view->columnWidth(StoryListModel::NoteColumn) > 100);
    QCOMPARE(list->headerData(StoryListModel::NoteColumn, Qt::Horizontal).toString(),
             QStringLiteral("Your Note"));
    const int noted = list->rowForStory(m_story);
    QCOMPARE(list->index(noted, StoryListModel::NoteColumn).data().toString(),
             QStringLiteral("Call the harbour office \u2026"));
    QCOMPARE(list->index(list->rowForStory(m_other), StoryListModel::NoteColumn).data().toString(),
             QString());
    // The tooltip has all of it, line breaks kept.
    QVERIFY2(list->index(noted, StoryListModel::HeadlineColumn)
                 .data(Qt::ToolTipRole)
                 .toString()
                 .contains(kNote),
             qPrintable(list->index(noted, 0).data(Qt::ToolTipRole).toString()));

    QTreeView *sidebar = m_window->sidebarView();
    const QModelIndex all = m_window->controller()->sidebarModel()->indexFor(
        {StoryFilter::Kind::All});
    QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, sidebar->visualRect(all).center());
    QVERIFY(view->isColumnHidden(StoryListModel::NoteColumn));
}

void tst_BookmarkActions::theNoteIsInTheReaderAndEditableThere()
{
    openWindow();
    m_window->openStory(m_story);
    writeNote(m_window->bookmarkActions()->noteAction(), kNote);
    // The reader of the live story shows the note, line by line.
    ReaderView *reader = m_window->reader();
    QVERIFY2(reader->toPlainText().contains(QStringLiteral("Your note")),
             qPrintable(reader->toPlainText()));
    QVERIFY2(reader->toPlainText().contains(kNoteLines), qPrintable(reader->toPlainText()));
    // And again on the next visit.
    m_window->openStory(m_other);
    QVERIFY(!reader->toPlainText().contains(QStringLiteral("Your note")));
    m_window->openStory(m_story);
    QVERIFY(reader->toPlainText().contains(kNoteLines));

    // Its edit link opens the note for editing; the page and the list follow.
    QString offered;
    const QString edited = QStringLiteral("Harbour office called back\nFerry runs Friday");
    showBookmarks();
    m_window->openStory(m_story);
    answerNextDialog([&](QWidget *dialog) {
        auto *edit = dialog->findChild<QPlainTextEdit *>();
        offered = edit->toPlainText();
        edit->setPlainText(edited);
        qobject_cast<QDialog *>(dialog)->accept();
    });
    emit reader->anchorClicked(QUrl(QStringLiteral("#bulletin-edit-note")));
    QCOMPARE(offered, kNote);
    QVERIFY(reader->toPlainText().contains(edited));
    QVERIFY(!reader->toPlainText().contains(QStringLiteral("Then write back")));
    StoryListModel *list = m_window->controller()->storyModel();
    QCOMPARE(list->index(list->rowForStory(m_story), StoryListModel::NoteColumn).data().toString(),
             QStringLiteral("Harbour office called back \u2026"));
    QCOMPARE(m_window->controller()->currentLocation().storyId, m_story); // still reading it
    QCOMPARE(m_cache->bookmarks().forArticle(m_story)->note, edited);
}

void tst_BookmarkActions::theNoteOutlivesTheFeed()
{
    openWindow();
    m_window->openStory(m_story);
    writeNote(m_window->bookmarkActions()->noteAction(), kNote);
    const qint64 bookmark = m_cache->bookmarks().forArticle(m_story)->bookmarkId;
    m_window.reset();
    QVERIFY(m_cache->feeds().remove(m_feed));
    QVERIFY(!m_cache->articles().summary(m_story));
    openWindow();
    showBookmarks();
    StoryListModel *list = m_window->controller()->storyModel();
    QCOMPARE(list->rowCount(), 1);
    QCOMPARE(list->index(0, StoryListModel::NoteColumn).data().toString(),
             QStringLiteral("Call the harbour office \u2026"));
    m_window->storyView()->setCurrentIndex(list->index(0, 0));
    QCOMPARE(m_window->controller()->currentLocation().bookmarkId, bookmark);
    QVERIFY2(m_window->reader()->toPlainText().contains(kNoteLines),
             qPrintable(m_window->reader()->toPlainText()));
}

void tst_BookmarkActions::screenshots()
{
    // Set BULLETIN_SCREENSHOT_DIR to look at the Bookmarks list and the reader with a note.
    if (bulletin::test::screenshotDir().isEmpty())
        QSKIP("BULLETIN_SCREENSHOT_DIR not set");
    openWindow();
    m_window->openStory(m_other);
    m_window->bookmarkActions()->toggleAction()->trigger();
    m_window->openStory(m_story);
    writeNote(m_window->bookmarkActions()->noteAction(), kNote);
    showBookmarks();
    m_window->openStory(m_story);
    QVERIFY(bulletin::test::saveLightAndDark(m_window.get(), QStringLiteral("note")));
}

QTEST_MAIN(tst_BookmarkActions)
#include "tst_bookmarkactions.moc"
