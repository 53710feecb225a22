#pragma once

#include "core/article.h"
#include "core/html/htmlsanitizer.h"
#include "gui/mainwindow.h"
#include "services/coveragefinder.h"
#include "services/feedpurger.h"
#include "services/refreshservice.h"
#include "services/remoteimages.h"
#include "services/storysearcher.h"
#include "services/subscriptionservice.h"
#include "storage/cache.h"
#include "support/testcache.h"
#include "support/testhttpserver.h"

#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace bulletin::test {

// The pieces window tests share. Header-only; the test links the window's libraries.

// Empty preferences in the test's folder (what a previous test wrote is gone).
inline std::unique_ptr<QSettings> freshSettings(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("settings.ini"));
    QFile::remove(path);
    return std::make_unique<QSettings>(path, QSettings::IniFormat);
}

// Stores a story in a feed as the feed and import paths store it (its text from the
// sanitised HTML), published minutesAgo; returns its id.
inline qint64 addStory(Cache &cache, qint64 feed, const QString &title, const QString &html,
                       int minutesAgo)
{
    Article article;
    article.guid = title;
    article.title = title;
    article.link = QStringLiteral("https://news.example/%1").arg(qHash(title));
    article.published = QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
    article.html = html;
    article.text = sanitizeHtml(html).text;
    return cache.articles().upsert(feed, article).id;
}

// The base of a window test class (after QObject: "class tst_X : public QObject, protected
// WindowTest"): one temporary folder for the test class, and for each test function a new
// cache and empty preferences in it, the services a window refreshes and subscribes with
// over a loopback server when the test asks, and the window. closeWindowTest() closes them
// in the order they depend on one another; call it from cleanup().
class WindowTest
{
protected:
    // A new cache and empty preferences for the running test function and data row.
    void openCacheAndSettings()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_cache = openTestCache(m_dir, &error);
        QVERIFY2(m_cache, qPrintable(error));
        m_settings = freshSettings(m_dir);
    }

    // A loopback server (listening, no routes yet) and the network, refresh and subscription
    // services over the cache.
    void startServices()
    {
        m_server = std::make_unique<TestHttpServer>();
        QVERIFY(m_server->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_refresh = std::make_unique<RefreshService>(*m_cache, m_network.get());
        m_subscriptions = std::make_unique<SubscriptionService>(*m_cache, m_network.get(),
                                                                m_refresh.get());
    }

    // The window over the cache and preferences, at size; not shown. It has the threads
    // main.cpp gives it (related coverage, searches, purging unsubscribed feeds), and when the
    // services were started, those that reach the network and the image cache named in the
    // settings.
    std::unique_ptr<MainWindow> makeMainWindow(QSize size)
    {
        if (!m_coverage)
            m_coverage = std::make_unique<CoverageFinder>(m_cache->path());
        if (!m_purger)
            m_purger = std::make_unique<FeedPurger>(m_cache->path());
        if (!m_searcher)
            m_searcher = std::make_unique<StorySearcher>(m_cache->path());
        MainWindow::Services services{
            .coverage = m_coverage.get(), .searcher = m_searcher.get(), .purger = m_purger.get()};
        if (m_refresh) {
            if (!m_images) {
                const QVariant directory = m_settings->value(
                    QLatin1String(ImageCache::kDirectoryKey), ImageCache::defaultDirectory());
                m_images = std::make_unique<ImageCache>(directory.toString());
                m_imageLoader = std::make_unique<ImageLoader>(m_network.get(), m_images.get());
            }
            services.refresh = m_refresh.get();
            services.subscriptions = m_subscriptions.get();
            services.network = m_network.get();
            services.images = m_images.get();
            services.imageLoader = m_imageLoader.get();
        }
        auto window = std::make_unique<MainWindow>(*m_cache, *m_settings, services);
        window->resize(size);
        return window;
    }

    // Opens the window and shows it: active (with the keyboard focus) for tests that type
    // into it, exposed for the others.
    enum class Focus { Exposed, Active };
    bool showMainWindow(QSize size, Focus focus = Focus::Exposed)
    {
        m_window = makeMainWindow(size);
        m_window->show();
        if (focus == Focus::Exposed)
            return QTest::qWaitForWindowExposed(m_window.get());
        QApplication::setActiveWindow(m_window.get());
        return QTest::qWaitForWindowActive(m_window.get());
    }

    // The window first, then the services, the server and the cache they use.
    void closeWindowTest()
    {
        m_window.reset();
        m_imageLoader.reset();
        m_images.reset();
        m_purger.reset();
        m_searcher.reset();
        m_coverage.reset();
        m_subscriptions.reset();
        m_refresh.reset();
        m_network.reset();
        m_server.reset();
        m_cache.reset();
        m_settings.reset();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<RefreshService> m_refresh;
    std::unique_ptr<SubscriptionService> m_subscriptions;
    std::unique_ptr<CoverageFinder> m_coverage;
    std::unique_ptr<StorySearcher> m_searcher;
    std::unique_ptr<FeedPurger> m_purger;
    std::unique_ptr<ImageCache> m_images;
    std::unique_ptr<ImageLoader> m_imageLoader;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace bulletin::test
