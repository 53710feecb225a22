// Related coverage shown as a story, in the real window offscreen: "+N sources" in the list,
// the list grouped by event (g) and opened over an event's reports (Right), the list
// following coverage found after a refresh, and the reader's "Coverage elsewhere" with its
// sources, times, read marks and "mark the event read".

#include "gui/feedactions.h"
#include "gui/mainwindow.h"
#include "gui/readerview.h"
#include "gui/readingactions.h"
#include "gui/refreshactions.h"
#include "gui/storycontroller.h"
#include "gui/storylistview.h"
#include "models/storylistmodel.h"
#include "services/coveragefinder.h"
#include "services/coverageindexer.h"
#include "services/refreshservice.h"
#include "storage/cache.h"
#include "storage/coveragestore.h"
#include "storage/database.h"
#include "support/screenshots.h"
#include "support/testhttpserver.h"
#include "support/windowtest.h"

#include <QAction>
#include <QApplication>
#include <QNetworkAccessManager>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bulletin;

class tst_CoverageWindow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void listShowsSourcesAndGroupsEvents();
    void listFollowsCoverageFoundAfterARefresh();
    void readerListsCoverageAndMarksTheEventRead();

private:
    qint64 addStory(qint64 feed, const QString &title, int minutesAgo);
    void indexCoverage(int stories);
    void openWindow(MainWindow::Services services = {});
    void screenshot(const QString &name);
    bool isRead(qint64 id) const { return m_cache->articles().summary(id)->read; }

    QTemporaryDir m_dir;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<CoverageFinder> m_coverage;
    std::unique_ptr<MainWindow> m_window;
    QList<qint64> m_volcano; // newest first
    QList<qint64> m_ferry;
    qint64 m_bridge = 0;
};

qint64 tst_CoverageWindow::addStory(qint64 feed, const QString &title, int minutesAgo)
{
    return test::addStory(*m_cache, feed, title, QStringLiteral("<p>%1.</p>").arg(title),
                          minutesAgo);
}

void tst_CoverageWindow::indexCoverage(int stories)
{
    QSqlDatabase db = m_cache->database().connection();
    QCOMPARE(CoverageIndexer(db).index(CoverageStore(db).pending(stories + 1)), stories);
}

void tst_CoverageWindow::init()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_cache = test::openTestCache(m_dir, &error);
    QVERIFY2(m_cache, qPrintable(error));
    m_settings = test::freshSettings(m_dir);
    const qint64 wire = *m_cache->feeds().localSource(QStringLiteral("Wire One"));
    const qint64 post = *m_cache->feeds().localSource(QStringLiteral("Global Post"));
    const qint64 herald = *m_cache->feeds().localSource(QStringLiteral("Metro Herald"));
    m_volcano = {
        addStory(herald, QStringLiteral("Reykjavik volcano: flights grounded across Iceland"), 5),
        addStory(post, QStringLiteral("Volcano erupts near Reykjavik, flights grounded"), 20),
        addStory(wire, QStringLiteral("Iceland volcano erupts near Reykjavik"), 40)};
    m_bridge = addStory(wire, QStringLiteral("Harbour bridge reopens after repairs"), 10);
    m_ferry = {addStory(post, QStringLiteral("Ferry strike cancels island crossings"), 30),
               addStory(herald, QStringLiteral("Island ferry crossings cancelled by strike"), 50)};
    addStory(herald, QStringLiteral("Library extends its opening hours"), 60);
    addStory(post, QStringLiteral("Council approves new tram line"), 70);
    indexCoverage(8);
}

void tst_CoverageWindow::cleanup()
{
    m_window.reset();
    m_coverage.reset();
    m_cache.reset();
    m_settings.reset();
}

void tst_CoverageWindow::openWindow(MainWindow::Services services)
{
    // The reader's coverage is found on the thread main.cpp gives the window.
    m_coverage = std::make_unique<CoverageFinder>(m_cache->path());
    services.coverage = m_coverage.get();
    m_window = std::make_unique<MainWindow>(*m_cache, *m_settings, services);
    m_window->resize(1200, 640);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->controller()->showFilter({StoryFilter::Kind::All});
    m_window->storyView()->setFocus();
}

void tst_CoverageWindow::screenshot(const QString &name)
{
    // Set BULLETIN_SCREENSHOT_DIR to look at the window, in the light and a dark palette.
    QVERIFY(test::saveLightAndDark(m_window.get(), name));
}

void tst_CoverageWindow::listShowsSourcesAndGroupsEvents()
{
    openWindow();
    StoryListModel *model = m_window->controller()->storyModel();
    QCOMPARE(model->rowCount(), 8);
    const int volcanoRow = model->rowForStory(m_volcano[0]);
    QCOMPARE(model->index(volcanoRow, StoryListModel::SourceColumn).data().toString(),
             QStringLiteral("Metro Herald  +2 sources"));
    QCOMPARE(model->index(model->rowForStory(m_ferry[0]), StoryListModel::SourceColumn)
                 .data()
                 .toString(),
             QStringLiteral("Global Post  +1 source"));

    // g: one row per event, the event's newest report in its place.
    QTest::keyClick(m_window->storyView(), Qt::Key_G);
    QVERIFY(m_window->readingActions()->groupByEventAction()->isChecked());
    QCOMPARE(model->rowCount(), 5);
    QCOMPARE(model->storyIdAt(0), m_volcano[0]);
    QCOMPARE(model->index(0, 0).data(StoryListModel::EventReportsRole).toInt(), 2);
    QCOMPARE(model->rowForStory(m_volcano[1]), -1);

    // Right opens the event over its reports, newest first; Left from a report closes it.
    m_window->storyView()->setCurrentIndex(model->index(0, 0));
    QTest::keyClick(m_window->storyView(), Qt::Key_Right);
    QCOMPARE(model->rowCount(), 7);
    QCOMPARE(model->storyIdAt(1), m_volcano[1]);
    QCOMPARE(model->storyIdAt(2), m_volcano[2]);
    screenshot(QStringLiteral("grouped"));
    m_window->storyView()->setCurrentIndex(model->index(2, 0));
    QTest::keyClick(m_window->storyView(), Qt::Key_Left);
    QCOMPARE(model->rowCount(), 5);
    QCOMPARE(m_window->storyView()->currentIndex().row(), 0);

    // A click on the arrow opens it too.
    const QRect cell = m_window->storyView()->visualRect(model->index(0, 0));
    QTest::mouseClick(m_window->storyView()->viewport(), Qt::LeftButton, {},
                      cell.topLeft() + QPoint(4, cell.height() / 2));
    QCOMPARE(model->rowCount(), 7);

    // g again: one row per story.
    QTest::keyClick(m_window->storyView(), Qt::Key_G);
    QCOMPARE(model->rowCount(), 8);
}

void tst_CoverageWindow::listFollowsCoverageFoundAfterARefresh()
{
    // Enough older stories, each alone, for the list to scroll.
    const qint64 wire = *m_cache->feeds().localSource(QStringLiteral("Wire One"));
    static const QStringList syllables = {
        QStringLiteral("ka"), QStringLiteral("lo"), QStringLiteral("mi"), QStringLiteral("ne"),
        QStringLiteral("su"), QStringLiteral("ta"), QStringLiteral("vo"), QStringLiteral("ri"),
        QStringLiteral("de"), QStringLiteral("po")};
    const auto word = [&](int n) {
        return syllables.at(n % 10) + syllables.at(n / 10 % 10) + syllables.at(n / 100 % 10)
            + QStringLiteral("ng");
    };
    for (int i = 0; i < 40; ++i)
        addStory(wire,
                 QStringLiteral("%1 %2 %3").arg(word(3 * i), word(3 * i + 1), word(3 * i + 2)),
                 100 + i);
    indexCoverage(40);

    // A real refresh over HTTP brings new reports of two events: the bridge, and the ferry
    // strike. Their coverage is worked out after the refresh, in the background.
    test::TestHttpServer server;
    QVERIFY(server.listen());
    const QString published = QDateTime::currentDateTimeUtc().addSecs(-120).toString(
        Qt::RFC2822Date);
    server.route(
        QStringLiteral("/city.rss"),
        test::TestResponse::ok(
            QStringLiteral(
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>City Wire</title>"
                "<link>https://city.example/</link><description>City news</description>"
                "<item><title>Harbour bridge reopens to traffic after repairs</title>"
                "<link>https://city.example/bridge</link><guid>city-bridge</guid><pubDate>%1</"
                "pubDate>"
                "<description>The harbour bridge reopens to traffic after "
                "repairs.</description></item>"
                "<item><title>Island ferry crossings cancelled again by strike</title>"
                "<link>https://city.example/ferry</link><guid>city-ferry</guid><pubDate>%1</"
                "pubDate>"
                "<description>Ferry crossings to the island are cancelled by the "
                "strike.</description></item>"
                "</channel></rss>")
                .arg(published)
                .toUtf8()));
    QVERIFY(m_cache->feeds().addSubscription(server.url(QStringLiteral("/city.rss")).toString(),
                                             QStringLiteral("City Wire")));
    QNetworkAccessManager network;
    RefreshService refresh(*m_cache, &network);
    QSignalSpy covered(&refresh, &RefreshService::coverageIndexed);
    QVERIFY(covered.wait(10000)); // the start-up pass: nothing left to index
    openWindow({&refresh, nullptr, &network});
    StoryListModel *model = m_window->controller()->storyModel();
    StoryListView *list = m_window->storyView();

    // Grouped, the bridge story in the reader, the list scrolled down to the older stories.
    QTest::keyClick(list, Qt::Key_G);
    m_window->openStory(m_bridge);
    list->scrollTo(model->index(20, 0), QAbstractItemView::PositionAtTop);
    // What the list shows once the refresh's new stories are in, before their coverage.
    qint64 topStory = 0;
    connect(&refresh, &RefreshService::refreshFinished, this,
            [&] { topStory = model->storyIdAt(list->indexAt(QPoint(0, 0)).row()); });
    covered.clear();
    m_window->refreshActions()->refreshAllAction()->trigger();
    QVERIFY(covered.wait(20000));
    QCOMPARE(covered.at(0).at(0).toInt(), 2);
    QVERIFY(topStory != 0);

    // The new reports lead their events: "+N sources", the ferry's older reports under it.
    const int bridgeRow = model->rowShowing(m_bridge) - 1;
    QCOMPARE(model->index(bridgeRow, StoryListModel::SourceColumn).data().toString(),
             QStringLiteral("City Wire  +1 source"));
    QCOMPARE(model->rowForStory(m_ferry[0]), -1);
    QCOMPARE(
        model->index(model->rowShowing(m_ferry[0]), StoryListModel::SourceColumn).data().toString(),
        QStringLiteral("City Wire  +2 sources"));
    // The reader's story stays selected, its event opened for it; the list did not move.
    QCOMPARE(model->storyIdAt(list->currentIndex().row()), m_bridge);
    QCOMPARE(list->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(model->index(bridgeRow, 0).data(StoryListModel::EventExpandedRole).toBool(), true);
    QCOMPARE(model->storyIdAt(list->indexAt(QPoint(0, 0)).row()), topStory);
    // The reader's "Coverage elsewhere" gains the new report.
    QTRY_VERIFY(m_window->reader()->toPlainText().contains(
        QStringLiteral("Harbour bridge reopens to traffic after repairs \u2014 City Wire")));
    list->scrollToTop();
    screenshot(QStringLiteral("grouped-after-refresh"));
    m_window.reset(); // before the service it uses
}

void tst_CoverageWindow::readerListsCoverageAndMarksTheEventRead()
{
    QVERIFY(m_cache->articles().setRead({m_volcano[2]}, true));
    openWindow();
    m_window->openStory(m_volcano[0]);
    ReaderView *reader = m_window->reader();
    // The page comes at once, its coverage when the worker has found it.
    QTRY_VERIFY(reader->toPlainText().contains(QStringLiteral("Coverage elsewhere")));
    const QString text = reader->toPlainText();
    const QString coverage = text.mid(text.indexOf(QStringLiteral("Coverage elsewhere")));
    QVERIFY2(coverage.contains(QStringLiteral(
                 "Volcano erupts near Reykjavik, flights grounded \u2014 Global Post")),
             qPrintable(coverage));
    QVERIFY2(
        coverage.contains(QStringLiteral("Iceland volcano erupts near Reykjavik \u2014 Wire One")),
        qPrintable(coverage));
    QCOMPARE(coverage.count(QStringLiteral("\u2713 read")), 1); // Wire One's report
    QVERIFY(!isRead(m_volcano[1]));
    screenshot(QStringLiteral("coverage"));

    // A report read since the coverage was found is marked when the story is shown again,
    // and with the whole event read there is nothing left to mark.
    m_window->openStory(m_ferry[0]);
    QTRY_VERIFY(reader->toPlainText().contains(QStringLiteral("Coverage elsewhere")));
    QVERIFY(reader->toHtml().contains(QStringLiteral("#bulletin-read-")));
    m_window->openStory(m_ferry[1]);
    QVERIFY(isRead(m_ferry[1]));
    m_window->openStory(m_ferry[0]);
    QTRY_VERIFY(reader->toPlainText().contains(QStringLiteral("Coverage elsewhere")));
    QCOMPARE(reader->toPlainText().count(QStringLiteral("\u2713 read")), 1);
    QVERIFY(!reader->toHtml().contains(QStringLiteral("#bulletin-read-")));

    m_window->openStory(m_volcano[0]);
    QTRY_VERIFY(reader->toPlainText().contains(QStringLiteral("Coverage elsewhere")));

    const QString html = reader->toHtml();
    const qsizetype at = html.indexOf(QStringLiteral("#bulletin-read-"));
    QVERIFY(at > 0);
    const QString anchor = html.mid(at, html.indexOf(QLatin1Char('"'), at) - at);
    emit reader->anchorClicked(QUrl(anchor));
    for (qint64 id : std::as_const(m_volcano))
        QVERIFY(isRead(id));
    QVERIFY(!isRead(m_bridge)); // not part of the event
    StoryListModel *model = m_window->controller()->storyModel();
    QVERIFY(
        model->index(model->rowForStory(m_volcano[1]), 0).data(StoryListModel::ReadRole).toBool());
    QTRY_VERIFY(!reader->toHtml().contains(QStringLiteral("#bulletin-read-")));
}

QTEST_MAIN(tst_CoverageWindow)
#include "tst_coveragewindow.moc"
