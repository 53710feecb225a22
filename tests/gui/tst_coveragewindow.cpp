// Related coverage shown as a story, in the real window offscreen: "+N sources" in the list,
// the list grouped by event (g) and opened over an event's reports (Right), and the reader's
// "Coverage elsewhere" with its sources, times, read marks and "mark the event read".

#include "gui/mainwindow.h"
#include "gui/readerview.h"
#include "gui/readingactions.h"
#include "gui/storycontroller.h"
#include "gui/storylistview.h"
#include "models/storylistmodel.h"
#include "services/cache.h"
#include "services/coverageindexer.h"
#include "storage/database.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QSettings>
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
    void readerListsCoverageAndMarksTheEventRead();

private:
    qint64 addStory(qint64 feed, const QString &title, int minutesAgo);
    void openWindow();
    void screenshot(const QString &name);
    bool isRead(qint64 id) const { return m_cache->articles().summary(id)->read; }

    QTemporaryDir m_dir;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    QList<qint64> m_volcano; // newest first
    QList<qint64> m_ferry;
    qint64 m_bridge = 0;
};

qint64 tst_CoverageWindow::addStory(qint64 feed, const QString &title, int minutesAgo)
{
    Article article;
    article.guid = title;
    article.title = title;
    article.link = QStringLiteral("https://news.example/") + QString::number(qHash(title));
    article.published = QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
    article.html = QStringLiteral("<p>%1.</p>").arg(title);
    article.text = title + QLatin1Char('.');
    return m_cache->articles().upsert(feed, article).id;
}

void tst_CoverageWindow::init()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_cache = Cache::open(m_dir.filePath(QStringLiteral("%1.sqlite").arg(QTest::currentTestFunction())), &error);
    QVERIFY2(m_cache, qPrintable(error));
    QFile::remove(m_dir.filePath(QStringLiteral("settings.ini")));
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    const qint64 wire = *m_cache->feeds().localSource(QStringLiteral("Wire One"));
    const qint64 post = *m_cache->feeds().localSource(QStringLiteral("Global Post"));
    const qint64 herald = *m_cache->feeds().localSource(QStringLiteral("Metro Herald"));
    m_volcano = {addStory(herald, QStringLiteral("Reykjavik volcano: flights grounded across Iceland"), 5),
                 addStory(post, QStringLiteral("Volcano erupts near Reykjavik, flights grounded"), 20),
                 addStory(wire, QStringLiteral("Iceland volcano erupts near Reykjavik"), 40)};
    m_bridge = addStory(wire, QStringLiteral("Harbour bridge reopens after repairs"), 10);
    m_ferry = {addStory(post, QStringLiteral("Ferry strike cancels island crossings"), 30),
               addStory(herald, QStringLiteral("Island ferry crossings cancelled by strike"), 50)};
    addStory(herald, QStringLiteral("Library extends its opening hours"), 60);
    addStory(post, QStringLiteral("Council approves new tram line"), 70);
    Transaction transaction(m_cache->database().connection());
    QCOMPARE(CoverageIndexer(m_cache->database().connection()).indexPending(100), 8);
    QVERIFY(transaction.commit());
}

void tst_CoverageWindow::cleanup()
{
    m_window.reset();
    m_cache.reset();
    m_settings.reset();
}

void tst_CoverageWindow::openWindow()
{
    m_window = std::make_unique<MainWindow>(*m_cache, *m_settings);
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
    const QString dir = qEnvironmentVariable("BULLETIN_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QTest::qWait(50);
    QVERIFY(m_window->grab().save(QDir(dir).filePath(name + QStringLiteral("-light.png"))));
    const QPalette original = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x33, 0x35, 0x39));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    QApplication::setPalette(dark);
    QTest::qWait(50);
    QVERIFY(m_window->grab().save(QDir(dir).filePath(name + QStringLiteral("-dark.png"))));
    QApplication::setPalette(original);
    QTest::qWait(20);
}

void tst_CoverageWindow::listShowsSourcesAndGroupsEvents()
{
    openWindow();
    StoryListModel *model = m_window->controller()->storyModel();
    QCOMPARE(model->rowCount(), 8);
    const int volcanoRow = model->rowForStory(m_volcano[0]);
    QCOMPARE(model->index(volcanoRow, StoryListModel::SourceColumn).data().toString(),
             QStringLiteral("Metro Herald  +2 sources"));
    QCOMPARE(model->index(model->rowForStory(m_ferry[0]), StoryListModel::SourceColumn).data().toString(),
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
    QTest::mouseClick(m_window->storyView()->viewport(), Qt::LeftButton, {}, cell.topLeft() + QPoint(4, cell.height() / 2));
    QCOMPARE(model->rowCount(), 7);

    // g again: one row per story.
    QTest::keyClick(m_window->storyView(), Qt::Key_G);
    QCOMPARE(model->rowCount(), 8);
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
    QVERIFY2(coverage.contains(QStringLiteral("Volcano erupts near Reykjavik, flights grounded \u2014 Global Post")),
             qPrintable(coverage));
    QVERIFY2(coverage.contains(QStringLiteral("Iceland volcano erupts near Reykjavik \u2014 Wire One")), qPrintable(coverage));
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
    QVERIFY(model->index(model->rowForStory(m_volcano[1]), 0).data(StoryListModel::ReadRole).toBool());
    QTRY_VERIFY(!reader->toHtml().contains(QStringLiteral("#bulletin-read-")));
}

QTEST_MAIN(tst_CoverageWindow)
#include "tst_coveragewindow.moc"
