#include "services/remoteimages.h"

#include "core/wholefile.h"
#include "net/feedfetcher.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

namespace bulletin {

namespace {
constexpr qint64 kMaxImageBytes = 5 * 1024 * 1024;
} // namespace

ImageCache::ImageCache(QString directory, qint64 maxBytes)
    : m_directory(std::move(directory))
    , m_maxBytes(maxBytes)
{
}

QString ImageCache::defaultDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
        .filePath(QStringLiteral("images"));
}

QString ImageCache::pathFor(const QUrl &url) const
{
    const QByteArray key = QCryptographicHash::hash(url.toString(QUrl::FullyEncoded).toUtf8(),
                                                    QCryptographicHash::Sha1)
                               .toHex();
    return QDir(m_directory).filePath(QString::fromLatin1(key));
}

bool ImageCache::contains(const QUrl &url) const
{
    return QFileInfo::exists(pathFor(url));
}

std::optional<QByteArray> ImageCache::get(const QUrl &url) const
{
    QFile file(pathFor(url));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

bool ImageCache::put(const QUrl &url, const QByteArray &bytes)
{
    if (!QDir().mkpath(m_directory))
        return false;
    if (!writeWholeFile(pathFor(url), bytes, nullptr))
        return false;
    prune();
    return true;
}

qint64 ImageCache::totalBytes() const
{
    qint64 total = 0;
    for (const QFileInfo &info : QDir(m_directory).entryInfoList(QDir::Files))
        total += info.size();
    return total;
}

void ImageCache::prune()
{
    QFileInfoList files = QDir(m_directory).entryInfoList(QDir::Files, QDir::Time); // newest first
    qint64 total = 0;
    for (const QFileInfo &info : files)
        total += info.size();
    while (total > m_maxBytes && !files.isEmpty()) {
        const QFileInfo oldest = files.takeLast();
        if (QFile::remove(oldest.filePath()))
            total -= oldest.size();
    }
}

ImageLoader::ImageLoader(QNetworkAccessManager *network, ImageCache *cache, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_fetcher(new FeedFetcher(network, this))
{
    m_fetcher->setMaxBodyBytes(kMaxImageBytes);
    connect(m_fetcher, &FeedFetcher::fetchFinished, this, &ImageLoader::onFetched);
}

int ImageLoader::load(const QStringList &urls)
{
    if (m_pending.isEmpty())
        m_fetched = m_failed = 0;
    int started = 0;
    for (const QString &text : urls) {
        const QUrl url(text);
        const QString scheme = url.scheme();
        if ((scheme != QLatin1String("http") && scheme != QLatin1String("https"))
            || m_inFlight.contains(url) || m_cache->contains(url))
            continue;
        const int cookie = m_nextCookie++;
        m_pending.insert(cookie, url);
        m_inFlight.insert(url);
        m_fetcher->fetch(FetchRequest{url, {}, {}, cookie});
        ++started;
    }
    return started;
}

void ImageLoader::onFetched(const FetchResult &result)
{
    const auto pending = m_pending.constFind(result.cookie);
    if (pending == m_pending.cend())
        return;
    m_inFlight.remove(*pending);
    m_pending.erase(pending);
    if (result.ok() && !result.body.isEmpty() && m_cache->put(result.requestedUrl, result.body))
        ++m_fetched;
    else
        ++m_failed;
    if (m_pending.isEmpty())
        emit loaded(m_fetched, m_failed);
}

} // namespace bulletin
