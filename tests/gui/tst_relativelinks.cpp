// Feeds that write their addresses relative to themselves (Atom, RSS and JSON Feed), served
// on 127.0.0.1 behind a temporary redirect (or answered with a Content-Location naming
// where they are) and subscribed in the window: every link a user
// meets (the stored story link, the reader's links and images, Open in Browser, the HTML
// bookmark export, the publisher's related story) is absolute, resolved against the address
// the feed really came from.

#include "gui/feedactions.h"
#include "gui/imagebar.h"
#include "gui/mainwindow.h"
#include "gui/readerview.h"
#include "gui/storycontroller.h"
#include "models/bookmarkexport.h"
#include "services/refreshservice.h"
#include "services/storypage.h"
#include "services/subscriptionservice.h"
#include "storage/cache.h"
#include "support/screenshots.h"
#include "support/testdata.h"
#include "support/testhttpserver.h"
#include "support/urlcatcher.h"
#include "support/windowtest.h"

#include <QAction>
#include <QBuffer>
#include <QDesktopServices>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

#include <memory>

using namespace bulletin;
using bulletin::test::readTestData;
using bulletin::test::TestHttpServer;
using bulletin::test::TestResponse;
using bulletin::test::UrlCatcher;

namespace {

QByteArray png()
{
    QImage image(8, 8, QImage::Format_RGB32);
    image.fill(QColor(0x30, 0x70, 0x40));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// The link targets in a document, as the reader pane holds them.
QStringList anchors(const QTextDocument *document)
{
    QStringList hrefs;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QString href = it.fragment().charFormat().anchorHref();
            if (!href.isEmpty() && !hrefs.contains(href))
                hrefs << href;
        }
    }
    return hrefs;
}

} // namespace

class tst_RelativeLinks final : public QObject, protected test::WindowTest
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void everyLinkIsAbsolute_data();
    void everyLinkIsAbsolute();
    void cachedRelativeLinksMendedByTheNextRefresh();

private:
};

void tst_RelativeLinks::init()
{
    openCacheAndSettings();
    m_settings->setValue(QStringLiteral("images/cacheDirectory"),
                         m_dir.filePath(QStringLiteral("images")));
    startServices();
    // The feeds live under /feeds/ but are announced at /old/: a relative "img/x.png" means
    // /feeds/img/x.png, and only the address after the redirect says so.
    for (const char *name : {"relative.atom", "relative.rss", "relative.json"}) {
        const QString file = QString::fromLatin1(name);
        m_server->route(QStringLiteral("/old/") + file,
                        TestResponse::redirect(302, "/feeds/" + QByteArray(name)));
        m_server->route(
            QStringLiteral("/feeds/") + file,
            TestResponse::ok(readTestData(file),
                             file.endsWith(u"json") ? "application/feed+json" : "application/xml"));
    }
    // The same feeds answered at /cl/ and /cla/ without a redirect: only their
    // Content-Location (relative to the request, or absolute) says they live in /feeds/.
    for (const char *name : {"relative.atom", "relative.rss"}) {
        const QString file = QString::fromLatin1(name);
        TestResponse relative = TestResponse::ok(readTestData(file), "application/xml");
        relative.withHeader("Content-Location", "../feeds/" + QByteArray(name));
        m_server->route(QStringLiteral("/cl/") + file, relative);
        TestResponse absolute = TestResponse::ok(readTestData(file), "application/xml");
        absolute.withHeader("Content-Location",
                            m_server->url(QStringLiteral("/feeds/") + file).toEncoded());
        m_server->route(QStringLiteral("/cla/") + file, absolute);
    }
    m_server->route(QStringLiteral("/feeds/img/x.png"), TestResponse::ok(png(), "image/png"));
    m_window = makeMainWindow({1100, 760});
}

void tst_RelativeLinks::cleanup()
{
    QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
    closeWindowTest();
}

void tst_RelativeLinks::everyLinkIsAbsolute_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("served"); // the folder the feed is subscribed in
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("postPath");
    QTest::addColumn<QString>("relatedTitle"); // empty: the format has no related links
    QTest::newRow("atom") << "relative.atom"
                          << "/old/"
                          << "Atom post with relative links"
                          << "/2026/12/01/atom-post/"
                          << "The earlier Atom post";
    QTest::newRow("rss") << "relative.rss"
                         << "/old/"
                         << "RSS post with relative links"
                         << "/2026/12/01/rss-post/"
                         << "";
    QTest::newRow("json") << "relative.json"
                          << "/old/"
                          << "JSON post with relative links"
                          << "/2026/12/01/json-post/"
                          << "";
    QTest::newRow("atom-content-location") << "relative.atom"
                                           << "/cl/"
                                           << "Atom post with relative links"
                                           << "/2026/12/01/atom-post/"
                                           << "The earlier Atom post";
    QTest::newRow("rss-content-location-absolute") << "relative.rss"
                                                   << "/cla/"
                                                   << "RSS post with relative links"
                                                   << "/2026/12/01/rss-post/"
                                                   << "";
}

void tst_RelativeLinks::everyLinkIsAbsolute()
{
    QFETCH(QString, file);
    QFETCH(QString, served);
    QFETCH(QString, title);
    QFETCH(QString, postPath);
    QFETCH(QString, relatedTitle);

    QSignalSpy subscribed(m_window->feedActions(), &FeedActions::subscribed);
    QSignalSpy failed(m_window->feedActions(), &FeedActions::subscribeFailed);
    SubscriptionService::Request request;
    request.url = m_server->url(served + file).toString();
    m_window->feedActions()->subscribe(request);
    QVERIFY2(subscribed.wait(15000) || !subscribed.isEmpty(),
             qPrintable(failed.value(0).value(0).toString()));

    qint64 post = 0;
    qint64 related = 0;
    for (const StorySummary &s : m_cache->articles().stories({}, std::nullopt, 50)) {
        if (s.title == title)
            post = s.id;
        else if (s.title == relatedTitle)
            related = s.id;
    }
    QVERIFY(post);

    // The stored link, what `list` and `show` print.
    const QUrl link = m_server->url(postPath);
    QCOMPARE(m_cache->articles().summary(post)->link, link.toString());

    // The reader keeps the link in the text and offers the image, which Load Images fetches
    // from the folder the feed really is in.
    m_window->openStory(post);
    ReaderView *reader = m_window->reader();
    QVERIFY2(
        anchors(reader->document()).contains(m_server->url(QStringLiteral("/about/")).toString()),
        qPrintable(anchors(reader->document()).join(u' ')));
    QVERIFY(reader->toPlainText().contains(QStringLiteral("[Harbour map]")));
    QVERIFY(!m_window->imageBar()->isHidden());
    QVERIFY(m_window->imageBar()->findChild<QLabel *>()->text().startsWith(
        QStringLiteral("1 remote image")));
    m_window->imageBar()->loadButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestsTo(QStringLiteral("/feeds/img/x.png")).size(), 1,
                              10000);
    QTRY_VERIFY_WITH_TIMEOUT(!reader->toPlainText().contains(QStringLiteral("[Harbour map]")),
                             10000);

    // Open in Browser (o) hands the browser the absolute address.
    UrlCatcher browser;
    QDesktopServices::setUrlHandler(QStringLiteral("http"), &browser, "open");
    auto *open = m_window->findChild<QAction *>(QStringLiteral("openInBrowser"));
    QVERIFY(open);
    QVERIFY(open->shortcuts().contains(QKeySequence(Qt::Key_O)));
    QVERIFY(open->isEnabled());
    open->trigger();
    QCOMPARE(browser.urls, QList<QUrl>{link});

    // The HTML bookmark export keeps the story.
    QVERIFY(m_cache->bookmarks().add(post));
    int skipped = -1;
    const QByteArray exported = bookmarksToNetscapeHtml(m_cache->bookmarks().bookmarks(), &skipped);
    QCOMPARE(skipped, 0);
    QVERIFY2(exported.contains("HREF=\"" + link.toString(QUrl::FullyEncoded).toUtf8() + '"'),
             exported.constData());

    // The publisher's related link finds the story it names by its address: the feed wrote
    // the two addresses differently ("/2026/..." and "../2026/...").
    if (!relatedTitle.isEmpty()) {
        QVERIFY(related);
        const std::optional<StoryDetail> detail = m_cache->articles().story(post);
        QVERIFY(detail);
        QCOMPARE(detail->related.size(), 1);
        QCOMPARE(detail->related.first().id, std::optional<qint64>(related));
        QVERIFY(anchors(reader->document())
                    .contains(QStringLiteral("#bulletin-story-%1").arg(related)));
    }

    if (!test::screenshotDir().isEmpty()) {
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        test::DarkPaletteScope::settle();
        QVERIFY(test::saveScreenshot(m_window.get(),
                                     QStringLiteral("relative-links-%1.png")
                                         .arg(QString::fromLatin1(QTest::currentDataTag()))));
    }
}

// A story an earlier Bulletin stored with the link as the feed wrote it: the next refresh
// that brings the feed in full (a 200, not a 304) updates it in place, read state kept.
void tst_RelativeLinks::cachedRelativeLinksMendedByTheNextRefresh()
{
    const std::optional<qint64> feed = m_cache->feeds().addSubscription(
        m_server->url(QStringLiteral("/old/relative.atom")).toString(),
        QStringLiteral("Relative Atom"));
    QVERIFY(feed);
    Article old;
    old.guid = QStringLiteral("tag:relative.example,2026:atom-post");
    old.title = QStringLiteral("Atom post with relative links");
    old.link = QStringLiteral("/2026/12/01/atom-post/");
    old.html = QStringLiteral(
        "<p>Read the <a href=\"/about/\">about page</a>.</p><p><img src=\"img/x.png\"></p>");
    const ArticleStore::UpsertResult stored = m_cache->articles().upsert(*feed, old);
    QCOMPARE(stored.state, ArticleStore::UpsertState::Inserted);
    QVERIFY(m_cache->articles().setRead({stored.id}, true));

    QSignalSpy finished(m_refresh.get(), &RefreshService::refreshFinished);
    m_refresh->refreshFeed(*feed);
    QVERIFY(finished.wait(15000));

    const std::optional<StoryDetail> mended = m_cache->articles().story(stored.id);
    QVERIFY(mended);
    QCOMPARE(mended->summary.link,
             m_server->url(QStringLiteral("/2026/12/01/atom-post/")).toString());
    QVERIFY(mended->summary.read);
    QVERIFY2(mended->html.contains(m_server->url(QStringLiteral("/feeds/img/x.png")).toString()),
             qPrintable(mended->html));
    QCOMPARE(m_cache->articles().count({StoryFilter::Kind::Feed, *feed}), 2); // no second copy
}

QTEST_MAIN(tst_RelativeLinks)
#include "tst_relativelinks.moc"
