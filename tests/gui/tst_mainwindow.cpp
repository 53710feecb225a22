#include "gui/aboutdialog.h"
#include "gui/bookmarkactions.h"
#include "gui/feedactions.h"
#include "gui/historyactions.h"
#include "gui/mainwindow.h"
#include "gui/readerview.h"
#include "gui/storycontroller.h"
#include "gui/storylistview.h"
#include "models/sidebarmodel.h"
#include "models/storylistmodel.h"
#include "services/coveragefinder.h"
#include "services/feedpurger.h"
#include "services/firstrun.h"
#include "services/refreshservice.h"
#include "services/remoteimages.h"
#include "services/storypage.h"
#include "services/subscriptionservice.h"
#include "storage/articlestore.h"
#include "storage/cache.h"
#include "storage/database.h"
#include "storage/feedstore.h"
#include "support/screenshots.h"
#include "support/urlcatcher.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QToolBar>
#include <QTreeView>
#include <QWidgetAction>

using namespace bulletin;
using bulletin::test::UrlCatcher;

namespace {
constexpr auto kBannerText = "exercise caution against potential phishing scams";
} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void showsSampleWithBanner();
    void relatedHeadlineOpensStoryAndBackReturns();
    void mouseBackButton();
    void openingMarksRead();
    void bookmarkSurvivesReopen();
    void bookmarkSurvivesFeedRemoval();
    void unsubscribingDeletesTheStoriesOffTheGuiThread();
    void aRemovalCutShortGoesOnAtTheNextStart();
    void exportsBookmarks();
    void linksOpenOnlyWebAndMail();
    void restoresStateOnRestart();
    void remembersTheStoryOnceTheReaderSettles();
    void emptyCache();
    void storyListPagesAsItScrolls();
    void accessibleNames();
    void aboutSaysVersionsAndTheCache();
    void screenshots();

private:
    void openCache();
    void openEmptyCache(); // drops the cache file and opens a new, empty one
    // The threads main.cpp gives the window (related coverage, purging unsubscribed feeds),
    // on the cache file; they outlive the windows of a test.
    MainWindow::Services localServices();
    std::unique_ptr<MainWindow> makeWindow();
    QStringList relatedAnchors(const ReaderView *reader) const;
    QString cachePath() const { return m_dir.filePath(QStringLiteral("cache.sqlite")); }

    QTemporaryDir m_dir;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<CoverageFinder> m_coverage;
    std::unique_ptr<FeedPurger> m_purger;
    qint64 m_sampleId = 0;
};

void tst_MainWindow::init()
{
    QVERIFY(m_dir.isValid());
    QFile::remove(cachePath());
    QFile::remove(cachePath() + QStringLiteral("-wal"));
    QFile::remove(cachePath() + QStringLiteral("-shm"));
    const QString settingsPath = m_dir.filePath(QStringLiteral("settings.ini"));
    QFile::remove(settingsPath);
    m_settings = std::make_unique<QSettings>(settingsPath, QSettings::IniFormat);
    openCache();
    QString error;
    const std::optional<qint64> sample = importSampleOnFirstRun(*m_cache, &error);
    QVERIFY2(sample, qPrintable(error));
    m_sampleId = *sample;
}

void tst_MainWindow::cleanup()
{
    m_purger.reset();
    m_coverage.reset();
    m_cache.reset();
    m_settings.reset();
}

void tst_MainWindow::openCache()
{
    QString error;
    m_cache = Cache::open(cachePath(), &error);
    QVERIFY2(m_cache, qPrintable(error));
}

void tst_MainWindow::openEmptyCache()
{
    m_purger.reset(); // their connections are to the file dropped here
    m_coverage.reset();
    m_cache.reset();
    QFile::remove(cachePath());
    QFile::remove(cachePath() + QStringLiteral("-wal"));
    QFile::remove(cachePath() + QStringLiteral("-shm"));
    openCache();
}

MainWindow::Services tst_MainWindow::localServices()
{
    if (!m_coverage)
        m_coverage = std::make_unique<CoverageFinder>(cachePath());
    if (!m_purger)
        m_purger = std::make_unique<FeedPurger>(cachePath());
    return {.coverage = m_coverage.get(), .purger = m_purger.get()};
}

std::unique_ptr<MainWindow> tst_MainWindow::makeWindow()
{
    auto window = std::make_unique<MainWindow>(*m_cache, *m_settings, localServices());
    window->resize(1200, 800);
    return window;
}

QStringList tst_MainWindow::relatedAnchors(const ReaderView *reader) const
{
    // The links exactly as the page carries them, read back from the reader's document.
    QStringList anchors;
    for (QTextBlock block = reader->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QString href = it.fragment().charFormat().anchorHref();
            if (storyIdFromAnchor(href) && !anchors.contains(href))
                anchors << href;
        }
    }
    return anchors;
}

void tst_MainWindow::showsSampleWithBanner()
{
    auto window = makeWindow();
    window->openStory(m_sampleId);
    const QString text = window->reader()->toPlainText();
    QVERIFY2(text.contains(QLatin1String(kBannerText)), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Related stories")));
    QVERIFY(text.contains(QStringLiteral("Germany and Poland Sign Groundbreaking Deal")));
    QCOMPARE(relatedAnchors(window->reader()).size(), 3);
    // The reader is given exactly the page the command line's `show --json` reports.
    const StoryPage page = buildStoryPage(*m_cache->articles().story(m_sampleId));
    QCOMPARE(window->reader()->toPlainText(), [&] {
        QTextDocument doc;
        doc.setHtml(page.html);
        return doc.toPlainText();
    }());
    // The sample is selected in the list, with its advisory marker.
    const QModelIndex current = window->storyView()->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(current.data(StoryListModel::StoryIdRole).toLongLong(), m_sampleId);
    QVERIFY(current.data(StoryListModel::AdvisoryRole).toBool());
}

void tst_MainWindow::relatedHeadlineOpensStoryAndBackReturns()
{
    auto window = makeWindow();
    window->show();
    window->openStory(m_sampleId);
    const QStringList anchors = relatedAnchors(window->reader());
    QVERIFY(!anchors.isEmpty());
    const qint64 relatedId = *storyIdFromAnchor(anchors.first());
    const QString relatedTitle = m_cache->articles().summary(relatedId)->title;

    emit window->reader()->anchorClicked(QUrl(anchors.first()));
    QVERIFY(window->reader()->toPlainText().startsWith(relatedTitle));
    QVERIFY(!window->reader()->toPlainText().contains(QLatin1String(kBannerText)));
    QCOMPARE(window->controller()->currentLocation().storyId, relatedId);
    QCOMPARE(window->storyView()->currentIndex().data(StoryListModel::StoryIdRole).toLongLong(),
             relatedId);
    QVERIFY(window->storyView()->selectionModel()->isRowSelected(
        window->storyView()->currentIndex().row(), {}));

    QAction *back = window->historyActions()->backAction();
    QAction *forward = window->historyActions()->forwardAction();
    QVERIFY(back->isEnabled());
    QVERIFY(!forward->isEnabled());
    QVERIFY(back->shortcuts().contains(QKeySequence(Qt::ALT | Qt::Key_Left)));
    back->trigger();
    QVERIFY(window->reader()->toPlainText().contains(QLatin1String(kBannerText)));
    QCOMPARE(window->storyView()->currentIndex().data(StoryListModel::StoryIdRole).toLongLong(),
             m_sampleId);
    QVERIFY(!back->isEnabled());
    QVERIFY(forward->isEnabled());
    forward->trigger();
    QCOMPARE(window->controller()->currentLocation().storyId, relatedId);

    // From another feed's view, following a link switches to All stories to select it.
    window->controller()->showFilter({StoryFilter::Kind::Advisories});
    window->openStory(m_sampleId);
    emit window->reader()->anchorClicked(QUrl(anchors.last()));
    QCOMPARE(window->controller()->currentFilter().kind, StoryFilter::Kind::All);
    QCOMPARE(window->storyView()->currentIndex().data(StoryListModel::StoryIdRole).toLongLong(),
             *storyIdFromAnchor(anchors.last()));
}

void tst_MainWindow::mouseBackButton()
{
    auto window = makeWindow();
    window->show();
    window->openStory(m_sampleId);
    emit window->reader()->anchorClicked(QUrl(relatedAnchors(window->reader()).first()));
    QVERIFY(window->controller()->currentLocation().storyId != m_sampleId);
    QTest::mousePress(window->reader()->viewport(), Qt::BackButton);
    QCOMPARE(window->controller()->currentLocation().storyId, m_sampleId);
    QTest::mousePress(window->storyView()->viewport(), Qt::ForwardButton);
    QVERIFY(window->controller()->currentLocation().storyId != m_sampleId);
}

void tst_MainWindow::openingMarksRead()
{
    auto window = makeWindow();
    const SidebarModel *sidebar = window->controller()->sidebarModel();
    const int unreadBefore = sidebar->index(0, 0).data(SidebarModel::CountRole).toInt();
    QVERIFY(unreadBefore >= 4);
    const QModelIndex row = window->controller()->storyModel()->index(
        window->controller()->storyModel()->rowForStory(m_sampleId), 0);
    QVERIFY(row.data(Qt::FontRole).value<QFont>().bold());
    window->openStory(m_sampleId);
    QVERIFY(m_cache->articles().summary(m_sampleId)->read);
    QVERIFY(!row.data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(sidebar->index(0, 0).data(SidebarModel::CountRole).toInt(), unreadBefore - 1);
}

void tst_MainWindow::bookmarkSurvivesReopen()
{
    {
        auto window = makeWindow();
        window->show();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        window->openStory(m_sampleId);
        QAction *toggle = window->bookmarkActions()->toggleAction();
        QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_D));
        QVERIFY(!toggle->isChecked());
        QTest::keyClick(window.get(), Qt::Key_D, Qt::ControlModifier);
        QVERIFY(toggle->isChecked());
        QVERIFY(window->storyView()->currentIndex().data(StoryListModel::BookmarkedRole).toBool());
        QCOMPARE(
            window->controller()->sidebarModel()->index(2, 0).data(SidebarModel::CountRole).toInt(),
            1);
    }
    m_cache.reset();
    openCache();
    QVERIFY(m_cache->bookmarks().isBookmarked(m_sampleId));
    auto window = makeWindow();
    window->openStory(m_sampleId);
    QVERIFY(window->bookmarkActions()->toggleAction()->isChecked());
    // Toggling again removes it.
    window->bookmarkActions()->toggleAction()->trigger();
    QVERIFY(!m_cache->bookmarks().isBookmarked(m_sampleId));
}

void tst_MainWindow::bookmarkSurvivesFeedRemoval()
{
    const qint64 feedId = m_cache->articles().summary(m_sampleId)->feedId;
    const QString sampleTitle = m_cache->articles().summary(m_sampleId)->title;
    {
        auto window = makeWindow();
        window->openStory(m_sampleId);
        QVERIFY(window->bookmarkActions()->toggle());
    }
    QVERIFY(m_cache->feeds().remove(feedId));
    QVERIFY(!m_cache->articles().summary(m_sampleId));

    auto window = makeWindow();
    window->controller()->showFilter({StoryFilter::Kind::Bookmarked});
    const StoryListModel *list = window->controller()->storyModel();
    QCOMPARE(list->rowCount(), 1);
    QCOMPARE(list->index(0, 0).data().toString(), sampleTitle);
    QCOMPARE(list->storyIdAt(0), 0);

    // Choosing it shows the snapshot kept with the bookmark.
    window->storyView()->setCurrentIndex(list->index(0, 0));
    QVERIFY(window->controller()->currentLocation().bookmarkId != 0);
    QVERIFY(window->reader()->toPlainText().contains(QStringLiteral("kept with your bookmark")));
    QVERIFY(window->reader()->toPlainText().startsWith(sampleTitle));
    QVERIFY(window->reader()->toPlainText().contains(QStringLiteral("postal service")));
}

namespace {

qint64 addFeedOfStories(Cache &cache, const QString &name, int stories)
{
    const qint64 feed = *cache.feeds().addSubscription(
        QStringLiteral("https://example.org/%1").arg(name), name);
    Transaction transaction(cache.database().connection());
    for (int i = 0; i < stories; ++i) {
        Article article;
        article.guid = QStringLiteral("%1-%2").arg(name).arg(i);
        article.title = QStringLiteral("%1 story %2").arg(name).arg(i);
        article.text = QStringLiteral("the text of a story");
        article.published = QDateTime::currentDateTimeUtc().addSecs(-60 * i);
        cache.articles().upsert(feed, article);
    }
    return transaction.commit() ? feed : 0;
}

} // namespace

void tst_MainWindow::unsubscribingDeletesTheStoriesOffTheGuiThread()
{
    const qint64 feed = addFeedOfStories(*m_cache, QStringLiteral("Large"), 450);
    QVERIFY(feed);
    const qint64 kept
        = m_cache->articles().stories({StoryFilter::Kind::Feed, feed}, std::nullopt, 1).value(0).id;
    QVERIFY(m_cache->bookmarks().add(kept));
    auto window = makeWindow();
    window->show();
    window->controller()->showFilter({StoryFilter::Kind::Feed, feed});
    const SidebarModel *sidebar = window->controller()->sidebarModel();
    QVERIFY(sidebar->indexFor({StoryFilter::Kind::Feed, feed}).isValid());

    // The feed leaves the sidebar at once, and the window shows All stories; its stories
    // are deleted on another thread after that: here, while the GUI thread handles no event.
    QVERIFY(window->feedActions()->removeFeed(feed));
    QVERIFY(!sidebar->indexFor({StoryFilter::Kind::Feed, feed}).isValid());
    QCOMPARE(window->controller()->currentFilter().kind, StoryFilter::Kind::All);
    QTRY_VERIFY_WITH_TIMEOUT(!m_cache->feeds().feed(feed), 10000);
    QCOMPARE(m_cache->articles().count({StoryFilter::Kind::Feed, feed}), 0);
    QCOMPARE(m_cache->bookmarks().count(), 1);
    // The list and the counts follow once they are gone: only the sample's stories are left.
    QTRY_COMPARE(window->controller()->storyModel()->rowCount(), m_cache->articles().count({}));
    QCOMPARE(sidebar->index(0, 0).data(SidebarModel::CountRole).toInt(),
             m_cache->articles().count({StoryFilter::Kind::Unread}));
}

void tst_MainWindow::aRemovalCutShortGoesOnAtTheNextStart()
{
    // A kill after the unsubscribe and before its last step leaves the feed marked.
    const qint64 feed = addFeedOfStories(*m_cache, QStringLiteral("Cut"), 250);
    QVERIFY(feed);
    QVERIFY(m_cache->feeds().beginRemove(feed));
    QVERIFY(m_cache->feeds().purgeRemoved(100) > 0);
    m_cache.reset();
    openCache();
    QVERIFY(m_cache->feeds().hasRemovals());
    auto window = makeWindow();
    QVERIFY(
        !window->controller()->sidebarModel()->indexFor({StoryFilter::Kind::Feed, feed}).isValid());
    QTRY_VERIFY(!m_cache->feeds().feed(feed));
    QVERIFY(!m_cache->feeds().hasRemovals());
    QCOMPARE(m_cache->articles().count({StoryFilter::Kind::Feed, feed}), 0);
}

void tst_MainWindow::exportsBookmarks()
{
    auto window = makeWindow();
    window->openStory(m_sampleId);
    QVERIFY(window->bookmarkActions()->toggle());
    const QString title = m_cache->articles().summary(m_sampleId)->title;
    QVERIFY(m_cache->bookmarks().setNote(m_cache->bookmarks().forArticle(m_sampleId)->bookmarkId,
                                         QStringLiteral("check the advisory")));

    const QString jsonPath = m_dir.filePath(QStringLiteral("bookmarks.json"));
    QVERIFY(window->bookmarkActions()->exportTo(jsonPath, BookmarkActions::Format::Json));
    QFile json(jsonPath);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QByteArray jsonBytes = json.readAll();
    QVERIFY(jsonBytes.contains(title.toUtf8()));
    QVERIFY(jsonBytes.contains("check the advisory"));

    // The sample has no web link, so a browser file cannot hold it; a story with one can.
    const qint64 related = *storyIdFromAnchor(relatedAnchors(window->reader()).first());
    window->openStory(related);
    QVERIFY(window->bookmarkActions()->toggle());
    const QString htmlPath = m_dir.filePath(QStringLiteral("bookmarks.html"));
    QVERIFY(window->bookmarkActions()->exportTo(htmlPath, BookmarkActions::Format::Html));
    QFile html(htmlPath);
    QVERIFY(html.open(QIODevice::ReadOnly));
    const QString htmlText = QString::fromUtf8(html.readAll());
    QVERIFY(htmlText.startsWith(QStringLiteral("<!DOCTYPE NETSCAPE-Bookmark-file-1>")));
    const auto summary = m_cache->articles().summary(related);
    if (!summary->link.isEmpty())
        QVERIFY(htmlText.contains(summary->title.toHtmlEscaped()));
    if (!m_cache->articles().summary(m_sampleId)->link.isEmpty())
        QVERIFY(htmlText.contains(title.toHtmlEscaped()));
    QVERIFY(!window->statusBar()->currentMessage().isEmpty());
}

void tst_MainWindow::linksOpenOnlyWebAndMail()
{
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &catcher, "open");
    auto window = makeWindow();
    window->openStory(m_sampleId);
    emit window->reader()->anchorClicked(QUrl(QStringLiteral("https://example.org/story")));
    QCOMPARE(catcher.urls, QList<QUrl>{QUrl(QStringLiteral("https://example.org/story"))});
    emit window->reader()->anchorClicked(QUrl(QStringLiteral("file:///etc/passwd")));
    QCOMPARE(catcher.urls.size(), 1);
    QVERIFY(window->statusBar()->currentMessage().startsWith(QStringLiteral("Refused")));
    QCOMPARE(window->controller()->currentLocation().storyId, m_sampleId);
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
}

void tst_MainWindow::restoresStateOnRestart()
{
    qint64 relatedId = 0;
    QList<int> sizes;
    QSize savedSize;
    {
        auto window = makeWindow();
        window->show();
        window->openStory(m_sampleId);
        relatedId = *storyIdFromAnchor(relatedAnchors(window->reader()).first());
        window->openStory(relatedId);
        auto *splitter = window->findChild<QSplitter *>(QStringLiteral("outerSplitter"));
        QVERIFY(splitter);
        splitter->setSizes({333, 867});
        sizes = splitter->sizes();
        // A size the screen has room for (a larger one is brought onto it: tst_windowgeometry).
        savedSize = window->screen()->availableGeometry().size() * 0.8;
        window->resize(savedSize);
        window->close();
    }
    m_cache.reset();
    openCache();
    auto window = std::make_unique<MainWindow>(*m_cache, *m_settings, localServices());
    window->restoreState();
    window->show();
    QCOMPARE(window->size(), savedSize);
    // The sidebar keeps its width; the rest follows the window's.
    QCOMPARE(window->findChild<QSplitter *>(QStringLiteral("outerSplitter"))->sizes().first(),
             sizes.first());
    QCOMPARE(window->controller()->currentLocation().storyId, relatedId);
    QCOMPARE(window->storyView()->currentIndex().data(StoryListModel::StoryIdRole).toLongLong(),
             relatedId);
}

void tst_MainWindow::remembersTheStoryOnceTheReaderSettles()
{
    // Each write of the settings file is synced to disk on the GUI thread: not one per click.
    QFile file(m_settings->fileName());
    const auto written = [&file](qint64 story) {
        if (!file.open(QIODevice::ReadOnly))
            return false;
        const bool found = file.readAll().split('\n').contains("lastStory="
                                                               + QByteArray::number(story));
        file.close();
        return found;
    };
    auto window = makeWindow();
    window->show();
    window->openStory(m_sampleId);
    const qint64 relatedId = *storyIdFromAnchor(relatedAnchors(window->reader()).first());
    window->openStory(relatedId);
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    QVERIFY(!written(m_sampleId));
    QVERIFY(!written(relatedId));
    QTRY_VERIFY_WITH_TIMEOUT(written(relatedId), 10000);

    // Closing the window writes the story it shows at once.
    window->openStory(m_sampleId);
    window->close();
    QVERIFY(written(m_sampleId));
}

void tst_MainWindow::emptyCache()
{
    openEmptyCache();
    auto window = makeWindow();
    window->restoreState();
    QCOMPARE(window->controller()->storyModel()->rowCount(), 0);
    QCOMPARE(window->controller()->sidebarModel()->rowCount(), 4);
    QVERIFY(!window->bookmarkActions()->toggleAction()->isEnabled());
    QVERIFY(!window->historyActions()->backAction()->isEnabled());
    QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("empty")));
}

void tst_MainWindow::storyListPagesAsItScrolls()
{
    // 450 more stories: the list opens on one page, which fills the window, and reads the
    // next only when the end of what it holds comes into sight.
    const qint64 feed = *m_cache->feeds().addSubscription(
        QStringLiteral("https://example.org/many"), QStringLiteral("Many"));
    {
        Transaction transaction(m_cache->database().connection());
        for (int i = 0; i < 450; ++i) {
            Article article;
            article.guid = QStringLiteral("many-%1").arg(i);
            article.title = QStringLiteral("Story number %1").arg(i);
            article.published = QDateTime::currentDateTimeUtc().addSecs(-60 * i);
            QCOMPARE(m_cache->articles().upsert(feed, article).state,
                     ArticleStore::UpsertState::Inserted);
        }
        QVERIFY(transaction.commit());
    }
    auto window = makeWindow();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    window->controller()->showFilter({StoryFilter::Kind::All});
    const StoryListModel *model = window->controller()->storyModel();
    QAbstractItemView *list = window->storyView();
    QTRY_COMPARE(model->rowCount(), StoryListModel::kPageSize);
    QTRY_VERIFY(list->verticalScrollBar()->maximum() > 0); // one page is more than the window shows
    QCOMPARE(list->indexAt(QPoint(10, 5)).data().toString(), QStringLiteral("Story number 0"));

    const int onePage = list->verticalScrollBar()->maximum();
    list->verticalScrollBar()->setValue(onePage);
    QTRY_COMPARE(model->rowCount(), 2 * StoryListModel::kPageSize);
    QTRY_VERIFY(list->verticalScrollBar()->maximum() > onePage); // laid out again
    QCOMPARE(model->rowCount(), 2 * StoryListModel::kPageSize); // and no page read ahead
    list->verticalScrollBar()->setValue(list->verticalScrollBar()->maximum());
    QTRY_COMPARE(model->rowCount(), 450 + 4); // and the sample's four
    QVERIFY(!model->canFetchMore({}));
}

void tst_MainWindow::accessibleNames()
{
    auto window = makeWindow();
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!qobject_cast<QAbstractItemView *>(widget) && !qobject_cast<QSplitter *>(widget)
            && !qobject_cast<QTextEdit *>(widget) && !qobject_cast<QToolBar *>(widget))
            continue;
        QVERIFY2(!widget->accessibleName().isEmpty(),
                 qPrintable(widget->objectName() + QLatin1Char(' ')
                            + widget->metaObject()->className()));
    }
    for (QAction *action : window->findChildren<QAction *>()) {
        // Widget actions (the toolbar's search field) are named by their widgets.
        if (!action->isSeparator() && !action->menu() && !qobject_cast<QWidgetAction *>(action))
            QVERIFY2(!action->text().isEmpty(),
                     qPrintable(
                         action->objectName() + QLatin1Char(' ')
                         + (action->parent() ? action->parent()->metaObject()->className() : "")));
    }
}

void tst_MainWindow::aboutSaysVersionsAndTheCache()
{
    auto window = makeWindow();
    window->show();
    QAction *about = window->findChild<QAction *>(QStringLiteral("about"));
    QVERIFY(about);
    // It is on the Help menu, where a user looks for it.
    bool onHelpMenu = false;
    for (QAction *menu : window->menuBar()->actions()) {
        if (menu->menu() && menu->text().remove(QLatin1Char('&')) == QLatin1String("Help"))
            onHelpMenu = menu->menu()->actions().contains(about);
    }
    QVERIFY(onHelpMenu);
    about->trigger();
    AboutDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<AboutDialog *>()) && dialog->isVisible());

    const auto text = [dialog](const char *name) {
        const QLabel *label = dialog->findChild<QLabel *>(QLatin1String(name));
        return label ? label->text() : QStringLiteral("(no label %1)").arg(QLatin1String(name));
    };
    QSqlQuery q(m_cache->database().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT sqlite_version()")) && q.next());
    QCOMPARE(text("aboutTitle"), QStringLiteral("Bulletin " BULLETIN_VERSION));
    QCOMPARE(text("aboutQt"), QString::fromLatin1(qVersion()));
    QCOMPARE(text("aboutSqlite"), q.value(0).toString());
    QCOMPARE(text("aboutCachePath"), cachePath());
    const qint64 bytes = QFileInfo(cachePath()).size()
        + QFileInfo(cachePath() + QStringLiteral("-wal")).size();
    QVERIFY(bytes > 0);
    QCOMPARE(text("aboutCacheSize"), QLocale().formattedDataSize(bytes));
    QVERIFY(text("aboutLicence").contains(QStringLiteral("GNU General Public License")));

    // Copy Details gives the same, for a bug report.
    QPushButton *copy = dialog->findChild<QPushButton *>(QStringLiteral("aboutCopy"));
    QVERIFY(copy);
    copy->click();
    const QString copied = QApplication::clipboard()->text();
    QVERIFY2(copied.contains(QStringLiteral("Qt: ") + QString::fromLatin1(qVersion())),
             qPrintable(copied));
    QVERIFY2(copied.contains(QStringLiteral("Cache: ") + cachePath()), qPrintable(copied));

    QVERIFY(bulletin::test::saveScreenshot(dialog, QStringLiteral("about-light.png")));
    dialog->close();
    QTRY_VERIFY(!window->findChild<AboutDialog *>());

    // The dialog reads the palette when it opens: it opens again under the dark one.
    if (!bulletin::test::screenshotDir().isEmpty()) {
        const bulletin::test::DarkPaletteScope dark;
        about->trigger();
        QTRY_VERIFY((dialog = window->findChild<AboutDialog *>()) && dialog->isVisible());
        QVERIFY(bulletin::test::saveScreenshot(dialog, QStringLiteral("about-dark.png")));
        dialog->close();
    }
}

void tst_MainWindow::screenshots()
{
    // Set BULLETIN_SCREENSHOT_DIR to look at the real window: light, dark and empty.
    if (bulletin::test::screenshotDir().isEmpty())
        QSKIP("BULLETIN_SCREENSHOT_DIR not set");
    {
        // The window as the application makes it, with the services that reach the network,
        // so that Subscribe and Refresh look as a user sees them.
        QNetworkAccessManager network;
        RefreshService refresh(*m_cache, &network);
        SubscriptionService subscriptions(*m_cache, &network, &refresh);
        ImageCache images(m_dir.filePath(QStringLiteral("images")));
        ImageLoader imageLoader(&network, &images);
        MainWindow::Services services = localServices();
        services.refresh = &refresh;
        services.subscriptions = &subscriptions;
        services.network = &network;
        services.images = &images;
        services.imageLoader = &imageLoader;
        auto window = std::make_unique<MainWindow>(*m_cache, *m_settings, services);
        window->resize(1200, 800);
        window->show();
        window->openStory(m_sampleId);
        QVERIFY(window->feedActions()->subscribeAction()->isEnabled());
        // The reader's story is drawn again in the dark palette's colours: its advisory box
        // takes its tint from the palette, so the page differs from the light one.
        const QString lightPage = window->reader()->toHtml();
        QVERIFY(bulletin::test::saveLightAndDark(
            window.get(), QStringLiteral("window"),
            [&window, &lightPage] { QTRY_VERIFY(window->reader()->toHtml() != lightPage); }));
    }
    openEmptyCache();
    auto window = makeWindow();
    window->show();
    bulletin::test::DarkPaletteScope::settle();
    QVERIFY(bulletin::test::saveScreenshot(window.get(), QStringLiteral("window-empty.png")));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
