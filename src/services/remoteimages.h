#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

namespace bulletin {

class FeedFetcher;
struct FetchResult;

// Remote images the user allowed, kept on disk so a story (a bookmarked one above all) reads
// offline with its pictures. One file per URL (named by its SHA-1) in `directory`; when the
// total passes `maxBytes` the least recently written files go first. Not thread-safe.
class ImageCache final
{
public:
    static constexpr qint64 kDefaultMaxBytes = 200LL * 1024 * 1024;

    explicit ImageCache(QString directory, qint64 maxBytes = kDefaultMaxBytes);

    static QString defaultDirectory(); // <cache location>/images
    // The settings key naming another directory than defaultDirectory() (a test's folder).
    static constexpr auto kDirectoryKey = "images/cacheDirectory";
    QString directory() const { return m_directory; }

    bool contains(const QUrl &url) const;
    std::optional<QByteArray> get(const QUrl &url) const;
    bool put(const QUrl &url, const QByteArray &bytes);
    qint64 totalBytes() const;

private:
    QString pathFor(const QUrl &url) const;
    void prune();

    QString m_directory;
    qint64 m_maxBytes;
};

// Fetches images into an ImageCache when the user asks for them, through FeedFetcher's
// limits (http/https only, timeouts, 5 MiB per image, redirects). Never called otherwise:
// opening a story makes no request. An image is requested once: a URL already in the cache or
// already on its way is not asked for again, however often the page is drawn meanwhile.
// loaded() comes when the last image in flight is in (or failed).
class ImageLoader final : public QObject
{
    Q_OBJECT

public:
    ImageLoader(QNetworkAccessManager *network, ImageCache *cache, QObject *parent = nullptr);

    // Fetches the URLs that are neither cached nor in flight; returns how many it started.
    int load(const QStringList &urls);
    bool isLoading() const { return !m_pending.isEmpty(); }

signals:
    void loaded(int fetched, int failed);

private:
    void onFetched(const FetchResult &result);

    ImageCache *m_cache;
    FeedFetcher *m_fetcher;
    QHash<int, QUrl> m_pending; // cookie -> URL in flight
    QSet<QUrl> m_inFlight;
    int m_nextCookie = 1;
    int m_fetched = 0;
    int m_failed = 0;
};

} // namespace bulletin
