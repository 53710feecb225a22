#include "app/clirefresh.h"

#include "app/clisource.h"
#include "services/cache.h"
#include "services/refreshservice.h"
#include "services/subscriptionservice.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <algorithm>
#include <memory>

namespace bulletin {

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << "bulletin: " << message << Qt::endl;
    return 1;
}

void printJson(const QJsonObject &object)
{
    QTextStream(stdout) << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

QJsonObject resultJson(const RefreshResult &result)
{
    QJsonObject object{
        {QStringLiteral("id"), result.feedId},
        {QStringLiteral("url"), result.url},
        {QStringLiteral("status"), refreshStatusName(result.status)},
        {QStringLiteral("new"), result.added},
        {QStringLiteral("updated"), result.updated},
        {QStringLiteral("removed"), result.removed},
        {QStringLiteral("error"), result.error.isEmpty() ? QJsonValue() : QJsonValue(result.error)},
    };
    if (!result.movedFrom.isEmpty())
        object.insert(QStringLiteral("moved_from"), result.movedFrom);
    if (!result.warning.isEmpty())
        object.insert(QStringLiteral("warning"), result.warning);
    return object;
}

QString resultLine(const RefreshResult &result)
{
    QString line = QStringLiteral("%1 %2: %3").arg(result.feedId).arg(result.url, refreshStatusName(result.status));
    if (result.status == RefreshResult::Status::Ok)
        line += QStringLiteral(", %1 new, %2 updated").arg(result.added).arg(result.updated);
    if (!result.error.isEmpty())
        line += QStringLiteral(" (%1)").arg(result.error);
    if (!result.warning.isEmpty())
        line += QStringLiteral(" (warning: %1)").arg(result.warning);
    if (!result.movedFrom.isEmpty())
        line += QStringLiteral(" [moved from %1]").arg(result.movedFrom);
    return line;
}

} // namespace

int cmdSubscribe(const QString &cachePath, const QString &url, const QString &folderPath,
                 const QString &title, bool json)
{
    if (url.isEmpty())
        return fail(QStringLiteral("usage: bulletin subscribe URL [--folder PATH] [--title T] [--json]"));
    QString error;
    std::unique_ptr<Cache> cache = Cache::open(cachePath, &error);
    if (!cache)
        return fail(error);

    QNetworkAccessManager network;
    RefreshService refresh(*cache, &network);
    SubscriptionService subscriptions(*cache, &network, &refresh);
    QEventLoop loop;
    int status = 1;
    QObject::connect(&subscriptions, &SubscriptionService::subscribed, &loop,
                     [&](qint64 feedId, const RefreshResult &result) {
                         const std::optional<FeedRecord> feed = cache->feeds().feed(feedId);
                         if (json) {
                             QJsonObject object = resultJson(result);
                             object.insert(QStringLiteral("title"), feed ? feed->title : QString());
                             printJson(object);
                         } else {
                             QTextStream(stdout) << "subscribed to " << (feed ? feed->title : result.url)
                                                 << " <" << result.url << "> as feed " << feedId << ": "
                                                 << result.added << " new stories" << Qt::endl;
                         }
                         status = 0;
                         loop.quit();
                     });
    QObject::connect(&subscriptions, &SubscriptionService::subscribeFailed, &loop,
                     [&](const QString &message) {
                         status = fail(QStringLiteral("cannot subscribe to %1: %2").arg(url, message));
                         loop.quit();
                     });
    subscriptions.subscribe({url, folderPath.split(QLatin1Char('/'), Qt::SkipEmptyParts), title});
    loop.exec();
    return status;
}

int cmdRefresh(const QString &cachePath, bool json, const QString &feedId)
{
    QString error;
    std::unique_ptr<Cache> cache = Cache::open(cachePath, &error);
    if (!cache)
        return fail(error);
    std::optional<qint64> onlyFeed;
    if (!feedId.isEmpty()) {
        onlyFeed = existingSourceId(*cache, QStringLiteral("feed"), feedId, &error);
        if (!onlyFeed)
            return fail(error);
    }

    QNetworkAccessManager network;
    RefreshService refresh(*cache, &network);
    QList<RefreshResult> results;
    QEventLoop loop;
    QObject::connect(&refresh, &RefreshService::feedRefreshed, &loop,
                     [&](qint64, const RefreshResult &result) { results << result; });
    // The stories are readable at refreshFinished, then indexed for search, then the search
    // indexes are merged: the command ends there, leaving the cache tidy. The three moments
    // go into the JSON output, from the first request on.
    QElapsedTimer clock;
    clock.start();
    qint64 storedMs = -1;
    qint64 indexedMs = -1;
    qint64 mergedMs = -1;
    QObject::connect(&refresh, &RefreshService::refreshFinished, &loop, [&] { storedMs = clock.elapsed(); });
    QObject::connect(&refresh, &RefreshService::indexingFinished, &loop, [&] {
        if (storedMs >= 0)
            indexedMs = clock.elapsed();
    });
    QObject::connect(&refresh, &RefreshService::indexesMerged, &loop, [&] {
        if (indexedMs >= 0) {
            mergedMs = clock.elapsed();
            loop.quit();
        }
    });
    if (onlyFeed)
        refresh.refreshFeed(*onlyFeed);
    else
        refresh.refreshAll();
    if (refresh.isRefreshing())
        loop.exec();

    std::sort(results.begin(), results.end(),
              [](const RefreshResult &a, const RefreshResult &b) { return a.feedId < b.feedId; });
    bool allOk = true;
    QJsonArray feeds;
    for (const RefreshResult &result : results) {
        allOk = allOk && result.ok();
        if (json)
            feeds.append(resultJson(result));
        else
            QTextStream(stdout) << resultLine(result) << Qt::endl;
    }
    if (json)
        printJson(QJsonObject{
            {QStringLiteral("feeds"), feeds},
            {QStringLiteral("timing"),
             QJsonObject{{QStringLiteral("stored_ms"), storedMs >= 0 ? QJsonValue(storedMs) : QJsonValue()},
                         {QStringLiteral("indexed_ms"), indexedMs >= 0 ? QJsonValue(indexedMs) : QJsonValue()},
                         {QStringLiteral("merged_ms"), mergedMs >= 0 ? QJsonValue(mergedMs) : QJsonValue()}}},
        });
    if (!allOk) {
        const auto failed = std::count_if(results.cbegin(), results.cend(),
                                          [](const RefreshResult &r) { return !r.ok(); });
        return fail(QStringLiteral("%1 of %2 feeds did not refresh").arg(failed).arg(results.size()));
    }
    return 0;
}

} // namespace bulletin
