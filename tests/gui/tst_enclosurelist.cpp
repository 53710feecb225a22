#include "gui/enclosurelist.h"

#include "gui/feedactions.h"
#include "gui/mainwindow.h"
#include "gui/storycontroller.h"
#include "services/subscriptionservice.h"
#include "support/screenshots.h"
#include "support/testhttpserver.h"
#include "support/urlcatcher.h"
#include "support/windowtest.h"

#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using namespace bulletin;
using namespace bulletin::test;

// The enclosures under the story in the real window, from a feed the window subscribed to
// over a loopback server: listed with type, size and duration, opened through the desktop
// (web addresses only) and saved from the server into a file.
class tst_EnclosureList : public QObject, protected WindowTest
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void sizesAndDurationsInWords_data();
    void sizesAndDurationsInWords();
    void theStoryListsItsEnclosures();
    void openHandsTheAddressToTheDesktop();
    void saveDownloadsTheFileWithProgress();
    void aFailedSaveSaysWhyAndLeavesTheFileAlone();

private:
    EnclosureList *list() const { return m_window->findChild<EnclosureList *>(); }
    qint64 storyTitled(const QString &title) const;
    bool openStory(const QString &title);

    QByteArray m_episode;
    qint64 m_feed = 0;
};

void tst_EnclosureList::init()
{
    openCacheAndSettings();
    startServices();
    // An episode of a few hundred kilobytes, sent in pieces a little apart, as a slow server
    // would: long enough to see the progress.
    m_episode = QByteArray(400 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < m_episode.size(); ++i)
        m_episode[i] = char((i * 7919) % 251);
    TestResponse episode = TestResponse::ok(m_episode, "audio/mpeg");
    episode.chunkSize = 32 * 1024;
    episode.delayBetweenChunksMs = 40;
    m_server->route(QStringLiteral("/media/episode-12.mp3"), episode);
    m_server->route(QStringLiteral("/media/ferry-route.png"),
                    TestResponse::withStatus(404, "gone"));
    const QByteArray url = m_server->url(QStringLiteral("/")).toString().toUtf8();
    const QByteArray feed
        = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" "
          "xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>Harbour "
          "Radio</title><link>"
        + url
        + "</link>"
          "<item><title>Episode 12: the new ferry</title><link>"
        + url
        + "ep12</link><guid>ep12</guid>"
          "<pubDate>Mon, 07 Dec 2026 08:00:00 GMT</pubDate>"
          "<description>&lt;p&gt;We ride the new ferry across the harbour.&lt;/p&gt;</description>"
          "<enclosure url=\""
        + url
        + "media/episode-12.mp3\" length=\"24100000\" type=\"audio/mpeg\"/>"
          "<itunes:duration>1:02:03</itunes:duration>"
          "<enclosure url=\"javascript:alert(1)\" length=\"10\" type=\"audio/mpeg\"/>"
          "<media:content url=\""
        + url
        + "media/ferry-route.png\" type=\"image/png\" fileSize=\"5000000000000000\"/>"
          "<media:content url=\""
        + url
        + "media/%3Cimg%20src=x%3Enotes\"/>"
          "</item>"
          "<item><title>Harbour news in brief</title><link>"
        + url
        + "brief</link><guid>brief</guid>"
          "<pubDate>Sun, 06 Dec 2026 08:00:00 GMT</pubDate><description>No audio "
          "today.</description></item>"
          "</channel></rss>";
    m_server->route(QStringLiteral("/podcast.rss"), TestResponse::ok(feed));
    QVERIFY(showMainWindow(QSize(1100, 720)));

    QSignalSpy subscribed(m_window->feedActions(), &FeedActions::subscribed);
    SubscriptionService::Request request;
    request.url = m_server->url(QStringLiteral("/podcast.rss")).toString();
    m_window->feedActions()->subscribe(request);
    QVERIFY(subscribed.wait(15000) || !subscribed.isEmpty());
    m_feed = subscribed.at(0).at(0).toLongLong();
    QTRY_VERIFY(storyTitled(QStringLiteral("Harbour news in brief")));
}

void tst_EnclosureList::cleanup()
{
    closeWindowTest();
}

qint64 tst_EnclosureList::storyTitled(const QString &title) const
{
    for (const StorySummary &s : m_cache->articles().stories({}, std::nullopt, 100)) {
        if (s.title == title)
            return s.id;
    }
    return 0;
}

bool tst_EnclosureList::openStory(const QString &title)
{
    const qint64 id = storyTitled(title);
    if (!id)
        return false;
    m_window->openStory(id);
    return m_window->controller()->currentLocation().storyId == id;
}

void tst_EnclosureList::sizesAndDurationsInWords_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("size");
    QTest::newRow("a podcast") << qint64(24100000) << "24.1 MB";
    QTest::newRow("a small image") << qint64(2048) << "2.0 kB";
    QTest::newRow("a few bytes") << qint64(512) << "512 bytes";
    QTest::newRow("one byte") << qint64(1) << "1 byte";
    QTest::newRow("a film") << qint64(1500000000) << "1.5 GB";
}

void tst_EnclosureList::sizesAndDurationsInWords()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, size);
    const QLocale locale;
    QLocale::setDefault(QLocale::c());
    const QString shown = EnclosureList::sizeText(bytes);
    QLocale::setDefault(locale);
    QCOMPARE(shown, size);
    QCOMPARE(EnclosureList::durationText(3723), QStringLiteral("1:02:03"));
    QCOMPARE(EnclosureList::durationText(245), QStringLiteral("4:05"));
    QCOMPARE(EnclosureList::durationText(36000), QStringLiteral("10:00:00"));
    QCOMPARE(EnclosureList::durationText(0), QStringLiteral("0:00"));
}

void tst_EnclosureList::theStoryListsItsEnclosures()
{
    EnclosureList *enclosures = list();
    QVERIFY(enclosures);
    QVERIFY(openStory(QStringLiteral("Episode 12: the new ferry")));
    QTRY_VERIFY(enclosures->isVisible());
    // The javascript: one is left out; the rest in the feed's order.
    QCOMPARE(enclosures->count(), 3);
    QCOMPARE(enclosures->nameLabel(0)->text(), QStringLiteral("episode-12.mp3"));
    const QString episode = enclosures->detailsLabel(0)->text();
    QVERIFY2(episode.contains(QStringLiteral("24.1 MB"))
                 && episode.contains(QStringLiteral("1:02:03")),
             qPrintable(episode));
    QVERIFY2(episode.contains(QStringLiteral("MP3"), Qt::CaseInsensitive)
                 || episode.contains(QStringLiteral("audio/mpeg")),
             qPrintable(episode));
    // A length no file has is not shown as a size.
    QCOMPARE(enclosures->nameLabel(1)->text(), QStringLiteral("ferry-route.png"));
    QVERIFY2(
        !enclosures->detailsLabel(1)->text().contains(QRegularExpression(QStringLiteral("\\d"))),
        qPrintable(enclosures->detailsLabel(1)->text()));
    // A name with markup in it is shown as the text it is, and no type is no type.
    QCOMPARE(enclosures->nameLabel(2)->textFormat(), Qt::PlainText);
    QCOMPARE(enclosures->nameLabel(2)->text(), QStringLiteral("<img src=x>notes"));
    QVERIFY(enclosures->detailsLabel(2)->text().isEmpty());
    for (int row = 0; row < enclosures->count(); ++row) {
        QVERIFY(enclosures->openButton(row)->isVisible());
        QVERIFY(enclosures->saveButton(row)->isEnabled());
    }
    // Under the reader, the whole width of it.
    QWidget *reader = m_window->findChild<QWidget *>(QStringLiteral("readerView"));
    QVERIFY(reader);
    QVERIFY(enclosures->mapTo(m_window.get(), QPoint(0, 0)).y()
            >= reader->mapTo(m_window.get(), QPoint(0, reader->height())).y());
    QVERIFY(saveLightAndDark(m_window.get(), QStringLiteral("enclosures")));

    // A story without enclosures shows none, and the list comes back with the next one.
    QVERIFY(openStory(QStringLiteral("Harbour news in brief")));
    QTRY_VERIFY(!enclosures->isVisible());
    QCOMPARE(enclosures->count(), 0);
    QVERIFY(openStory(QStringLiteral("Episode 12: the new ferry")));
    QTRY_VERIFY(enclosures->isVisible());
    QCOMPARE(enclosures->count(), 3);
}

void tst_EnclosureList::openHandsTheAddressToTheDesktop()
{
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("http"), &catcher, "open");
    EnclosureList *enclosures = list();
    QVERIFY(openStory(QStringLiteral("Episode 12: the new ferry")));
    QTRY_VERIFY(enclosures->isVisible());
    QTest::mouseClick(enclosures->openButton(0), Qt::LeftButton);
    QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
    QCOMPARE(catcher.urls, QList<QUrl>{m_server->url(QStringLiteral("/media/episode-12.mp3"))});
    QVERIFY(m_server->requestsTo(QStringLiteral("/media/episode-12.mp3"))
                .isEmpty()); // opened, not fetched here
}

void tst_EnclosureList::saveDownloadsTheFileWithProgress()
{
    EnclosureList *enclosures = list();
    QVERIFY(openStory(QStringLiteral("Episode 12: the new ferry")));
    QTRY_VERIFY(enclosures->isVisible());
    const QString path = m_dir.filePath(QStringLiteral("episode-12.mp3"));
    QFile::remove(path);
    QSignalSpy saved(enclosures, &EnclosureList::saved);
    QSignalSpy failed(enclosures, &EnclosureList::saveFailed);
    QVERIFY(enclosures->save(0, path));
    QVERIFY(!enclosures->save(0, path)); // one download of a file at a time
    // While it comes: a progress bar in the row, the button cancels, and no file yet.
    QVERIFY(enclosures->progressBar(0)->isVisible());
    QCOMPARE(enclosures->saveButton(0)->text(), QStringLiteral("Cancel"));
    QTRY_VERIFY(enclosures->progressBar(0)->value() > 0);
    QVERIFY(!QFile::exists(path));
    QVERIFY(saveLightAndDark(m_window.get(), QStringLiteral("enclosures-saving")));
    QVERIFY(saved.wait(20000) || !saved.isEmpty());
    QVERIFY(failed.isEmpty());
    QCOMPARE(saved.at(0).at(1).toString(), path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), m_episode);
    QVERIFY(!enclosures->progressBar(0)->isVisible());
    QCOMPARE(enclosures->saveButton(0)->text(), QStringLiteral("Save…"));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("Saved")));
    const QList<RecordedRequest> requests = m_server->requestsTo(
        QStringLiteral("/media/episode-12.mp3"));
    QCOMPARE(requests.size(), 1);
    QVERIFY(requests.first().header("User-Agent").startsWith("Bulletin"));

    // A download goes on while another story is read, and its row shows it on return.
    QFile::remove(path);
    saved.clear();
    QVERIFY(enclosures->save(0, path));
    QVERIFY(openStory(QStringLiteral("Harbour news in brief")));
    QVERIFY(openStory(QStringLiteral("Episode 12: the new ferry")));
    QVERIFY(enclosures->isSaving(0));
    QVERIFY(enclosures->progressBar(0)->isVisible());
    QVERIFY(saved.wait(20000) || !saved.isEmpty());
    QCOMPARE(QFileInfo(path).size(), m_episode.size());
}

void tst_EnclosureList::aFailedSaveSaysWhyAndLeavesTheFileAlone()
{
    EnclosureList *enclosures = list();
    QVERIFY(openStory(QStringLiteral("Episode 12: the new ferry")));
    QTRY_VERIFY(enclosures->isVisible());
    // A file of the same name is already there: a failed download leaves it as it was.
    const QString path = m_dir.filePath(QStringLiteral("ferry-route.png"));
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly | QIODevice::Truncate));
        old.write("the map saved last week");
    }
    QSignalSpy failed(enclosures, &EnclosureList::saveFailed);
    QVERIFY(enclosures->save(1, path));
    QVERIFY(failed.wait(15000) || !failed.isEmpty());
    QVERIFY2(failed.at(0).at(1).toString().contains(QStringLiteral("404")),
             qPrintable(failed.at(0).at(1).toString()));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(
                 QStringLiteral("Could not save ferry-route.png")),
             qPrintable(m_window->statusBar()->currentMessage()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("the map saved last week"));
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("ferry-route.png*")}, QDir::Files),
             QStringList{QStringLiteral("ferry-route.png")});

    // Cancelled half way: nothing is left where it was going.
    const QString episode = m_dir.filePath(QStringLiteral("cancelled.mp3"));
    QFile::remove(episode);
    failed.clear();
    QVERIFY(enclosures->save(0, episode));
    QTRY_VERIFY(enclosures->progressBar(0)->value() > 0);
    QTest::mouseClick(enclosures->saveButton(0), Qt::LeftButton);
    QTRY_VERIFY(!failed.isEmpty());
    QVERIFY(!enclosures->isSaving(0));
    QVERIFY(m_window->statusBar()->currentMessage().contains(
        QStringLiteral("Stopped saving cancelled.mp3")));
    QVERIFY(
        QDir(m_dir.path()).entryList({QStringLiteral("cancelled.mp3*")}, QDir::Files).isEmpty());
}

QTEST_MAIN(tst_EnclosureList)
#include "tst_enclosurelist.moc"
