#include "app/clirefresh.h"

#include "app/cliaccount.h"
#include "app/clicache.h"
#include "app/clioutput.h"
#include "services/feeddiscovery.h"
#include "services/refreshservice.h"
#include "services/subscriptionservice.h"
#include "storage/accountstore.h"
#include "storage/cache.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <algorithm>
#include <memory>

namespace bulletin {

namespace {

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
    QString line = QStringLiteral("%1 %2: %3")
                       .arg(result.feedId)
                       .arg(result.url, refreshStatusName(result.status));
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

namespace {

// What one subscription came to.
struct SubscribeOutcome
{
    qint64 feedId = 0;
    RefreshResult result;
    QString error; // set when it failed
    QUrl page; // a page that offers several feeds ...
    QList<DiscoveredFeed> choices; // ... and those feeds: nothing was subscribed
};

SubscribeOutcome subscribeOnce(SubscriptionService &subscriptions,
                               const SubscriptionService::Request &request)
{
    SubscribeOutcome outcome;
    QEventLoop loop;
    QObject::connect(&subscriptions, &SubscriptionService::subscribed, &loop,
                     [&](qint64 feedId, const RefreshResult &result) {
                         outcome.feedId = feedId;
                         outcome.result = result;
                         loop.quit();
                     });
    QObject::connect(&subscriptions, &SubscriptionService::subscribeFailed, &loop,
                     [&](const QString &error) {
                         outcome.error = error.isEmpty() ? QStringLiteral("failed") : error;
                         loop.quit();
                     });
    QObject::connect(&subscriptions, &SubscriptionService::feedChoiceNeeded, &loop,
                     [&](const QUrl &page, const QList<DiscoveredFeed> &feeds) {
                         outcome.page = page;
                         outcome.choices = feeds;
                         loop.quit();
                     });
    subscriptions.subscribe(request);
    loop.exec();
    return outcome;
}

QJsonObject subscribedJson(Cache &cache, const SubscribeOutcome &outcome)
{
    if (!outcome.error.isEmpty())
        return QJsonObject{{QStringLiteral("url"),
                            outcome.result.url.isEmpty() ? QJsonValue() : outcome.result.url},
                           {QStringLiteral("status"), QStringLiteral("error")},
                           {QStringLiteral("error"), outcome.error}};
    QJsonObject object = resultJson(outcome.result);
    const std::optional<FeedRecord> feed = cache.feeds().feed(outcome.feedId);
    object.insert(QStringLiteral("title"), feed ? feed->title : QString());
    return object;
}

void printSubscribed(Cache &cache, const SubscribeOutcome &outcome)
{
    const std::optional<FeedRecord> feed = cache.feeds().feed(outcome.feedId);
    out() << "subscribed to " << (feed ? feed->title : outcome.result.url) << " <"
          << outcome.result.url << "> as feed " << outcome.feedId << ": " << outcome.result.added
          << (outcome.result.added == 1 ? " new story" : " new stories") << Qt::endl;
}

} // namespace

int cmdSubscribe(const QString &cachePath, const SubscribeOptions &options)
{
    if (options.url.isEmpty())
        return fail(QStringLiteral("usage: bulletin subscribe URL [--folder PATH] [--title T] "
                                   "[--pick N | --all] [--json]"));
    int pick = 0;
    if (!options.pick.isEmpty()) {
        bool ok = false;
        pick = options.pick.toInt(&ok);
        if (!ok || pick < 1)
            return fail(QStringLiteral("--pick needs the number of a feed, from 1, not \"%1\"")
                            .arg(options.pick));
        if (options.all)
            return fail(QStringLiteral("--pick and --all cannot go together"));
    }
    QString error;
    std::unique_ptr<Cache> cache = Cache::open(cachePath, &error);
    if (!cache)
        return fail(error);

    QNetworkAccessManager network;
    RefreshService refresh(*cache, &network);
    SubscriptionService subscriptions(*cache, &network, &refresh);
    SubscriptionService::Request request{
        options.url, options.folderPath.split(QLatin1Char('/'), Qt::SkipEmptyParts), options.title,
        true};
    const SubscribeOutcome first = subscribeOnce(subscriptions, request);
    if (first.choices.isEmpty()) {
        if (!first.error.isEmpty())
            return fail(QStringLiteral("cannot subscribe to %1: %2").arg(options.url, first.error));
        if (options.json)
            printJson(subscribedJson(*cache, first));
        else
            printSubscribed(*cache, first);
        return 0;
    }

    // A page that offers several feeds: the user says which.
    const QList<DiscoveredFeed> &feeds = first.choices;
    const QString page = first.page.toString();
    if (!pick && !options.all) {
        if (options.json) {
            QJsonArray list;
            for (qsizetype i = 0; i < feeds.size(); ++i)
                list.append(QJsonObject{{QStringLiteral("n"), int(i + 1)},
                                        {QStringLiteral("title"), feeds.at(i).title},
                                        {QStringLiteral("url"), feeds.at(i).url.toString()},
                                        {QStringLiteral("format"), feeds.at(i).format}});
            printJson(QJsonObject{{QStringLiteral("page"), page}, {QStringLiteral("feeds"), list}});
        } else {
            for (qsizetype i = 0; i < feeds.size(); ++i)
                out() << (i + 1) << "  " << feeds.at(i).label() << " (" << feeds.at(i).format
                      << ")  <" << feeds.at(i).url.toString() << ">" << Qt::endl;
        }
        return fail(QStringLiteral(
                        "%1 offers %2 feeds: choose one with --pick N, or take them all with --all")
                        .arg(page)
                        .arg(feeds.size()));
    }
    if (pick > feeds.size())
        return fail(
            QStringLiteral("--pick %1: %2 offers %3 feeds").arg(pick).arg(page).arg(feeds.size()));

    const QList<DiscoveredFeed> chosen = pick ? QList<DiscoveredFeed>{feeds.at(pick - 1)} : feeds;
    QJsonArray results;
    int failed = 0;
    for (const DiscoveredFeed &feed : chosen) {
        SubscriptionService::Request next = request;
        next.url = feed.url.toString();
        next.askWhenSeveral = false;
        if (chosen.size() > 1)
            next.title.clear(); // a title names one feed; several keep their own
        SubscribeOutcome outcome = subscribeOnce(subscriptions, next);
        if (outcome.result.url.isEmpty())
            outcome.result.url = next.url;
        if (!outcome.error.isEmpty()) {
            ++failed;
            QTextStream(stderr) << "bulletin: cannot subscribe to " << next.url << ": "
                                << outcome.error << Qt::endl;
        } else if (!options.json) {
            printSubscribed(*cache, outcome);
        }
        results.append(subscribedJson(*cache, outcome));
    }
    if (options.json)
        printJson(pick ? results.first().toObject()
                       : QJsonObject{{QStringLiteral("feeds"), results}});
    if (failed)
        return pick ? 1
                    : fail(QStringLiteral("%1 of %2 feeds could not be subscribed")
                               .arg(failed)
                               .arg(chosen.size()));
    return 0;
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
        // An account's feed is fetched by its server, not here.
        if (cache->accounts().feedAccount(*onlyFeed)) {
            cache.reset();
            return cmdRefreshAccountFeed(cachePath, *onlyFeed, json);
        }
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
    QObject::connect(&refresh, &RefreshService::refreshFinished, &loop,
                     [&] { storedMs = clock.elapsed(); });
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
            out() << resultLine(result) << Qt::endl;
    }
    if (json)
        printJson(QJsonObject{
            {QStringLiteral("feeds"), feeds},
            {QStringLiteral("timing"),
             QJsonObject{
                 {QStringLiteral("stored_ms"), storedMs >= 0 ? QJsonValue(storedMs) : QJsonValue()},
                 {QStringLiteral("indexed_ms"),
                  indexedMs >= 0 ? QJsonValue(indexedMs) : QJsonValue()},
                 {QStringLiteral("merged_ms"),
                  mergedMs >= 0 ? QJsonValue(mergedMs) : QJsonValue()}}},
        });
    if (!allOk) {
        const auto failed = std::count_if(results.cbegin(), results.cend(),
                                          [](const RefreshResult &r) { return !r.ok(); });
        return fail(
            QStringLiteral("%1 of %2 feeds did not refresh").arg(failed).arg(results.size()));
    }
    return 0;
}

} // namespace bulletin
