#include "gui/feedactions.h"
#include "gui/readerview.h"
#include "gui/storycontroller.h"
#include "gui/storylistview.h"
#include "gui/windowdrops.h"
#include "models/storylistmodel.h"
#include "support/dialoganswers.h"
#include "support/screenshots.h"
#include "support/windowtest.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QStatusBar>
#include <QTreeView>

using namespace bulletin;
using namespace bulletin::test;

namespace {

const QByteArray kFeed
    = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Wire</title>"
      "<link>https://harbour.example/</link>"
      "<item><title>Ferry back on time</title><link>https://harbour.example/ferry</link>"
      "<guid>ferry</guid><description>The ferry runs again.</description></item>"
      "</channel></rss>";

const QByteArray kOpml
    = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<opml version=\"2.0\"><head><title>From another reader</title></head><body>\n"
      "<outline text=\"News\">\n"
      "  <outline type=\"rss\" text=\"Harbour Wire\" "
      "xmlUrl=\"https://harbour.example/feed.xml\"/>\n"
      "  <outline type=\"rss\" text=\"City Desk\" xmlUrl=\"feed://city.example/rss\"/>\n"
      "</outline>\n"
      "</body></opml>\n";

// Where on the window something is dropped.
enum class Place { Sidebar, StoryList, Reader };

} // namespace

Q_DECLARE_METATYPE(Place)

// Links and files dropped on the real window, offscreen: the drop events a desktop sends,
// on the sidebar, the story list and the reader.
class tst_WindowDrops : public QObject, protected WindowTest
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void addressDroppedAnywhereOpensSubscribeFilledIn_data();
    void addressDroppedAnywhereOpensSubscribeFilledIn();
    void droppedAddressSubscribesOnceConfirmed();
    void opmlFileDroppedImportsItsFeeds();
    void otherDropsAreRefusedWithAReason_data();
    void otherDropsAreRefusedWithAReason();
    void addressIsRefusedWithoutNetwork();
    void storyListDragsOutAndTakesNoDrop();

private:
    QWidget *target(Place place) const;
    // Drags the data over the widget; returns whether the window would take it.
    bool dragEnter(QWidget *widget, const QMimeData &data);
    void drop(QWidget *widget, const QMimeData &data);
    // Drops the data on the widget and returns what the Subscribe dialog's address field
    // says once it opens (it is then cancelled); empty when no dialog opened.
    QString dropAndReadDialog(QWidget *widget, const QMimeData &data,
                              const QString &screenshot = {});

    qint64 m_feed = 0;
};

void tst_WindowDrops::init()
{
    openCacheAndSettings();
    m_feed = m_cache->feeds().localSource(QStringLiteral("Harbour Gazette")).value_or(0);
    QVERIFY(m_feed);
    addStory(*m_cache, m_feed, QStringLiteral("Tide tables for May"),
             QStringLiteral("<p>High water at noon.</p>"), 10);
}

void tst_WindowDrops::cleanup()
{
    if (QWidget *dialog = QApplication::activeModalWidget())
        dialog->close();
    closeWindowTest();
}

QWidget *tst_WindowDrops::target(Place place) const
{
    switch (place) {
    case Place::Sidebar:
        return m_window->sidebarView()->viewport();
    case Place::StoryList:
        return m_window->storyView()->viewport();
    case Place::Reader:
        return m_window->reader()->viewport();
    }
    return nullptr;
}

bool tst_WindowDrops::dragEnter(QWidget *widget, const QMimeData &data)
{
    QDragEnterEvent enter(widget->rect().center(), Qt::CopyAction | Qt::LinkAction, &data,
                          Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(widget, &enter);
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(widget->rect().center() + QPoint(3, 3), Qt::CopyAction | Qt::LinkAction,
                        &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(widget, &move);
    return move.isAccepted() && move.dropAction() == Qt::CopyAction;
}

void tst_WindowDrops::drop(QWidget *widget, const QMimeData &data)
{
    QDropEvent event(QPointF(widget->rect().center()), Qt::CopyAction | Qt::LinkAction, &data,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

QString tst_WindowDrops::dropAndReadDialog(QWidget *widget, const QMimeData &data,
                                           const QString &screenshot)
{
    if (!dragEnter(widget, data))
        return {};
    bool answered = false;
    QString address;
    answerNextDialog([&](QWidget *dialog) {
        answered = true;
        if (auto *field = dialog->findChild<QLineEdit *>(QStringLiteral("address")))
            address = field->text();
        if (!screenshot.isEmpty())
            saveLightAndDark(dialog, screenshot);
        clickButton(dialog, QStringLiteral("Cancel"));
    });
    drop(widget, data);
    if (!QTest::qWaitFor([&] { return answered; }, 5000))
        return {};
    return address;
}

void tst_WindowDrops::addressDroppedAnywhereOpensSubscribeFilledIn_data()
{
    QTest::addColumn<Place>("place");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("dropped");
    QTest::addColumn<QString>("expected");
    QTest::newRow("browser link on the sidebar")
        << Place::Sidebar << QStringLiteral("text/uri-list")
        << QStringLiteral("https://harbour.example/feed.xml")
        << QStringLiteral("https://harbour.example/feed.xml");
    QTest::newRow("typed address on the story list")
        << Place::StoryList << QStringLiteral("text/plain")
        << QStringLiteral("  https://harbour.example/news  \n")
        << QStringLiteral("https://harbour.example/news");
    QTest::newRow("feed link on the reader") << Place::Reader << QStringLiteral("text/uri-list")
                                             << QStringLiteral("feed://harbour.example/rss")
                                             << QStringLiteral("http://harbour.example/rss");
    QTest::newRow("feed:https text on the reader")
        << Place::Reader << QStringLiteral("text/plain")
        << QStringLiteral("feed:https://harbour.example/atom")
        << QStringLiteral("https://harbour.example/atom");
}

void tst_WindowDrops::addressDroppedAnywhereOpensSubscribeFilledIn()
{
    QFETCH(Place, place);
    QFETCH(QString, format);
    QFETCH(QString, dropped);
    QFETCH(QString, expected);
    startServices();
    QVERIFY(showMainWindow(QSize(1000, 700)));
    m_window->openStory(
        m_cache->articles().stories({StoryFilter::Kind::All}, std::nullopt, 1).value(0).id);
    QTRY_VERIFY(m_window->reader()->toPlainText().contains(QStringLiteral("High water")));
    const QString readerText = m_window->reader()->toPlainText();
    const QUrl readerSource = m_window->reader()->source();

    QMimeData data;
    if (format == QLatin1String("text/uri-list"))
        data.setUrls({QUrl(dropped)});
    else
        data.setText(dropped);
    const bool firstRow = place == Place::Sidebar;
    QCOMPARE(dropAndReadDialog(target(place), data,
                               firstRow ? QStringLiteral("drop-subscribe") : QString()),
             expected);
    // The reader did not take the link: it shows the story it showed.
    QCOMPARE(m_window->reader()->toPlainText(), readerText);
    QCOMPARE(m_window->reader()->source(), readerSource);
    QCOMPARE(m_cache->feeds().feeds().size(), 1); // cancelled: nothing subscribed
}

void tst_WindowDrops::droppedAddressSubscribesOnceConfirmed()
{
    startServices();
    m_server->route(QStringLiteral("/wire.rss"), TestResponse::ok(kFeed, "application/rss+xml"));
    QVERIFY(showMainWindow(QSize(1000, 700)));
    QMimeData data;
    data.setUrls({m_server->url(QStringLiteral("/wire.rss"))});
    QVERIFY(dragEnter(m_window->storyView()->viewport(), data));
    bool answered = false;
    answerNextDialog([&](QWidget *dialog) {
        answered = true;
        clickButton(dialog, QStringLiteral("Subscribe"));
    });
    drop(m_window->storyView()->viewport(), data);
    QTRY_VERIFY(answered);
    QTRY_COMPARE(m_cache->feeds().feeds().size(), 2);
    QTRY_VERIFY(!QApplication::activeModalWidget());
    qint64 subscribed = 0;
    for (const FeedRecord &feed : m_cache->feeds().feeds()) {
        if (feed.url == m_server->url(QStringLiteral("/wire.rss")).toString())
            subscribed = feed.id;
    }
    QVERIFY(subscribed);
    // The window shows the new feed, with its first story.
    QTRY_COMPARE(m_window->controller()->currentFilter(),
                 (StoryFilter{StoryFilter::Kind::Feed, subscribed}));
    QTRY_COMPARE(m_window->controller()->storyModel()->rowCount(), 1);
}

void tst_WindowDrops::opmlFileDroppedImportsItsFeeds()
{
    // A window without network access: importing needs none, and nothing is fetched after.
    QVERIFY(showMainWindow(QSize(1000, 700)));
    const QString path = m_dir.filePath(QStringLiteral("subscriptions.opml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kOpml);
    file.close();

    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(path)});
    QVERIFY(dragEnter(m_window->storyView()->viewport(), data));
    drop(m_window->storyView()->viewport(), data);
    QTRY_COMPARE(m_cache->feeds().feeds().size(), 3);
    QStringList urls;
    for (const FeedRecord &feed : m_cache->feeds().feeds())
        urls << feed.url;
    QVERIFY(urls.contains(QStringLiteral("https://harbour.example/feed.xml")));
    QVERIFY(urls.contains(QStringLiteral("http://city.example/rss")));
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral("Imported 2 subscription(s)."));
    // The sidebar shows the folder the file made.
    const QModelIndexList news = m_window->sidebarView()->model()->match(
        m_window->sidebarView()->model()->index(0, 0), Qt::DisplayRole, QStringLiteral("News"), 1,
        Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(news.size(), 1);
    QCOMPARE(m_window->sidebarView()->model()->rowCount(news.first()), 2);
}

void tst_WindowDrops::otherDropsAreRefusedWithAReason_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("reason");
    QTest::newRow("text file") << QStringLiteral("file") << QStringLiteral("notes.txt")
                               << QStringLiteral("not an OPML file");
    QTest::newRow("script link") << QStringLiteral("url") << QStringLiteral("javascript:alert(1)")
                                 << QStringLiteral("Drop a feed's or a web page's address");
    QTest::newRow("ftp link") << QStringLiteral("url")
                              << QStringLiteral("ftp://files.example/feed.xml")
                              << QStringLiteral("Drop a feed's or a web page's address");
    QTest::newRow("paragraph") << QStringLiteral("text")
                               << QStringLiteral("Read https://harbour.example/feed.xml today")
                               << QStringLiteral("Drop a feed's or a web page's address");
    QTest::newRow("address without host")
        << QStringLiteral("text") << QStringLiteral("https:///feed.xml")
        << QStringLiteral("Drop a feed's or a web page's address");
}

void tst_WindowDrops::otherDropsAreRefusedWithAReason()
{
    QFETCH(QString, kind);
    QFETCH(QString, value);
    QFETCH(QString, reason);
    startServices();
    QVERIFY(showMainWindow(QSize(1000, 700)));
    QMimeData data;
    if (kind == QLatin1String("file")) {
        const QString path = m_dir.filePath(value);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("https://harbour.example/feed.xml\n");
        file.close();
        data.setUrls({QUrl::fromLocalFile(path)});
    } else if (kind == QLatin1String("url")) {
        data.setUrls({QUrl(value)});
    } else {
        data.setText(value);
    }
    for (QWidget *widget :
         {target(Place::Sidebar), target(Place::StoryList), target(Place::Reader)}) {
        m_window->statusBar()->clearMessage();
        QVERIFY(!dragEnter(widget, data));
        QVERIFY2(m_window->statusBar()->currentMessage().contains(reason),
                 qPrintable(m_window->statusBar()->currentMessage()));
    }
    QVERIFY(!QApplication::activeModalWidget());
    QCOMPARE(m_cache->feeds().feeds().size(), 1);
}

void tst_WindowDrops::addressIsRefusedWithoutNetwork()
{
    QVERIFY(showMainWindow(QSize(1000, 700)));
    QMimeData data;
    data.setUrls({QUrl(QStringLiteral("https://harbour.example/feed.xml"))});
    QVERIFY(!dragEnter(target(Place::StoryList), data));
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral("Subscribing needs network access."));
}

void tst_WindowDrops::storyListDragsOutAndTakesNoDrop()
{
    QVERIFY(showMainWindow(QSize(1000, 700)));
    // What a story gives is the model's (tst_storylinkdrag); the view lets it go and keeps
    // nothing dropped on it for itself, so a drop on it is the window's.
    StoryListView *view = m_window->storyView();
    QVERIFY(view->dragEnabled());
    QCOMPARE(view->dragDropMode(), QAbstractItemView::DragOnly);
    QVERIFY(!view->viewport()->acceptDrops());
    QVERIFY(view->model()->flags(view->model()->index(0, 0)).testFlag(Qt::ItemIsDragEnabled));
}

QTEST_MAIN(tst_WindowDrops)
#include "tst_windowdrops.moc"
