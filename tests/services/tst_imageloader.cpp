// Remote images the user allowed: fetched once into the disk cache, through the real
// network stack against a loopback server.

#include "services/remoteimages.h"
#include "support/testhttpserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bulletin;
using namespace bulletin::test;

class tst_ImageLoader final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void anImageIsFetchedOnceWhileThePageIsDrawnAgain();
    void aCachedImageIsNotFetchedAgain();
    void aFailedImageCanBeAskedForAgain();

private:
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ImageCache> m_cache;
    std::unique_ptr<ImageLoader> m_loader;
};

void tst_ImageLoader::init()
{
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_cache = std::make_unique<ImageCache>(m_dir->path());
    m_loader = std::make_unique<ImageLoader>(m_network.get(), m_cache.get());
}

void tst_ImageLoader::cleanup()
{
    m_loader.reset();
    m_cache.reset();
    m_network.reset();
    m_server.reset();
    m_dir.reset();
}

void tst_ImageLoader::anImageIsFetchedOnceWhileThePageIsDrawnAgain()
{
    // A slow server: while the image is on its way the reader draws the page again (the
    // story list reloaded, related coverage arrived) and asks for the same images each time.
    TestResponse slow = TestResponse::ok("picture", "image/png");
    slow.delayBeforeHeadersMs = 300;
    m_server->route(QStringLiteral("/a.png"), slow);
    m_server->route(QStringLiteral("/b.png"), slow);
    const QStringList images{m_server->url(QStringLiteral("/a.png")).toString(),
                             m_server->url(QStringLiteral("/b.png")).toString(),
                             m_server->url(QStringLiteral("/a.png")).toString()};

    QSignalSpy loaded(m_loader.get(), &ImageLoader::loaded);
    QCOMPARE(m_loader->load(images), 2);
    QCOMPARE(m_loader->load(images), 0);
    QCOMPARE(m_loader->load(images), 0);
    QVERIFY(m_loader->isLoading());
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.at(0).at(0).toInt(), 2); // fetched
    QCOMPARE(loaded.at(0).at(1).toInt(), 0); // failed
    QCOMPARE(m_server->requestsTo(QStringLiteral("/a.png")).size(), 1);
    QCOMPARE(m_server->requestsTo(QStringLiteral("/b.png")).size(), 1);
    QCOMPARE(m_cache->get(QUrl(images.at(0))).value_or(QByteArray()), QByteArray("picture"));
}

void tst_ImageLoader::aCachedImageIsNotFetchedAgain()
{
    m_server->route(QStringLiteral("/a.png"), TestResponse::ok("picture", "image/png"));
    const QStringList images{m_server->url(QStringLiteral("/a.png")).toString()};
    QSignalSpy loaded(m_loader.get(), &ImageLoader::loaded);
    QCOMPARE(m_loader->load(images), 1);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(m_loader->load(images), 0);
    QVERIFY(!m_loader->isLoading());
    QCOMPARE(m_server->requestsTo(QStringLiteral("/a.png")).size(), 1);
}

void tst_ImageLoader::aFailedImageCanBeAskedForAgain()
{
    // A failure is not remembered as "in flight": the user's next Load Images tries again.
    m_server->route(QStringLiteral("/a.png"), TestResponse::withStatus(503));
    const QStringList images{m_server->url(QStringLiteral("/a.png")).toString()};
    QSignalSpy loaded(m_loader.get(), &ImageLoader::loaded);
    QCOMPARE(m_loader->load(images), 1);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.at(0).at(1).toInt(), 1);
    m_server->route(QStringLiteral("/a.png"), TestResponse::ok("picture", "image/png"));
    QCOMPARE(m_loader->load(images), 1);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.at(1).at(0).toInt(), 1);
    QVERIFY(m_cache->contains(QUrl(images.at(0))));
}

QTEST_GUILESS_MAIN(tst_ImageLoader)
#include "tst_imageloader.moc"
