#include "services/feedwriter.h"

#include "core/feeds/feeddate.h"
#include "core/feeds/feedparser.h"
#include "services/advisorysettings.h"
#include "services/feedarticles.h"
#include "services/feedhealth.h"
#include "storage/cache.h"
#include "storage/retentionstore.h"
#include "storage/sqlutil.h"

#include <QSet>
#include <QUrl>

#include <algorithm>

namespace bulletin {

namespace {

int maxAgeMinutes(const FetchResult &fetched)
{
    return fetched.maxAgeSeconds > 0 ? int((fetched.maxAgeSeconds + 59) / 60) : 0;
}

// Some feeds list an item twice (a pinned story repeated, a CMS bug) with different text.
// Stored as it comes, the story would be updated back and forth on every refresh; the
// first listing wins, as a reader of the feed sees it first.
QList<Article> uniqueArticles(const QList<Article> &articles)
{
    QSet<QString> seen;
    QList<Article> unique;
    unique.reserve(articles.size());
    for (const Article &article : articles) {
        const QString key = article.guid.isEmpty()
            ? QStringLiteral("%1\n%2").arg(article.link, article.title)
            : article.guid;
        if (!seen.contains(key)) {
            seen.insert(key);
            unique << article;
        }
    }
    return unique;
}

} // namespace

FeedWriter::FeedWriter(Cache &cache)
    : m_cache(cache)
{
}

PreparedFeed FeedWriter::prepare(const FetchResult &fetched, const AdvisoryRules &rules,
                                 const QDateTime &now)
{
    PreparedFeed prepared;
    prepared.rules = rules;
    if (!fetched.hasNewBody())
        return prepared;
    // Where the body says it is (Content-Location), else the address it came from after
    // redirects, is the base of its relative links.
    const FeedParseResult parsed = parseFeed(fetched.body, fetched.charset, fetched.documentUrl());
    if (!parsed.feed) {
        prepared.error = parseFailureWords(fetched.body, fetched.contentType, parsed.error);
        return prepared;
    }
    const ParsedFeed &feed = *parsed.feed;
    prepared.parsed = true;
    prepared.title = feed.title;
    prepared.link = feed.link;
    prepared.warning = feed.warning;
    prepared.carriesAlerts = feed.isCapFeed || feed.format == QLatin1String("cap");
    prepared.ttlMinutes = feed.ttlMinutes;
    prepared.articles = uniqueArticles(
        articlesFromFeed(feed, now, rules.headings, parseRfc822Date(fetched.lastModified)));
    return prepared;
}

RefreshResult FeedWriter::write(qint64 feedId, const FetchResult &fetched,
                                const RetentionLimits &retention, const QDateTime &now)
{
    // Only a response that will be parsed needs the rules (a 304 or a failure has no stories).
    const AdvisoryRules rules = fetched.hasNewBody() ? loadAdvisoryRules(m_cache) : AdvisoryRules{};
    return store(feedId, fetched, prepare(fetched, rules, now), retention, now);
}

RefreshResult FeedWriter::store(qint64 feedId, const FetchResult &fetched,
                                const PreparedFeed &prepared, const RetentionLimits &retention,
                                const QDateTime &now)
{
    RefreshResult result;
    result.feedId = feedId;
    result.url = fetched.requestedUrl.toString();
    if (fetched.error == FetchError::Cancelled) {
        result.status = RefreshResult::Status::Cancelled;
        result.error = fetchFailureWords(fetched);
        return result;
    }

    const std::optional<FeedRecord> record = m_cache.feeds().feedSettings(feedId);
    if (!record) {
        // Unsubscribed while the fetch ran: nothing to store.
        result.error = QStringLiteral("the feed was removed");
        return result;
    }
    result.url = record->url;
    if (!fetched.ok())
        return recordFailure(result, fetchFailureWords(fetched), fetched.retryAfter);

    const QSqlDatabase db = m_cache.database().connection();
    Transaction transaction(db);
    if (!transaction.isActive()) {
        result.error = sql::withReason(QStringLiteral("cannot write to the cache"), db);
        return result;
    }
    moveIfRedirected(feedId, fetched, &result);

    if (fetched.notModified) {
        // A 304 carries no body, so the TTL known from the last full response stays unless
        // the server now says otherwise.
        const int ttl = fetched.maxAgeSeconds >= 0 ? maxAgeMinutes(fetched) : record->ttlMinutes;
        // The body a 304 stands for is the one read last time, and so is what it recovered from.
        if (!m_cache.feeds().recordSuccess(feedId, fetched.etag, fetched.lastModified, ttl,
                                           record->lastWarning)
            || !transaction.commit()) {
            result.error = sql::withReason(QStringLiteral("cannot write to the cache"), db);
            return result;
        }
        result.status = RefreshResult::Status::NotModified;
        return result;
    }

    if (!prepared.parsed) {
        // The body is not stored, and neither are its validators: a fixed feed must come
        // back in full rather than as a 304 for the broken copy.
        // A URL move is kept: the redirect itself was real.
        result.status = RefreshResult::Status::Error;
        result.error = prepared.error;
        if (!m_cache.feeds().recordFailure(feedId, result.error, QDateTime())
            || !transaction.commit())
            result.error += QStringLiteral(" (and the failure could not be recorded)");
        return result;
    }
    result.warning = recoveryWords(prepared.warning, int(prepared.articles.size()));

    // A subscription added without a title (FeedStore then shows its URL) takes the feed's own.
    QString feedTitle = record->title;
    if (record->title.isEmpty() || record->title == record->url) {
        QString title = prepared.title.trimmed();
        if (title.isEmpty())
            title = QUrl(record->url).host();
        m_cache.feeds().rename(feedId, title);
        feedTitle = title;
    }
    if (record->siteUrl.isEmpty() && !prepared.link.isEmpty())
        m_cache.feeds().setSiteUrl(feedId, prepared.link);
    // An alert feed is refreshed on the alert sources' interval (RefreshSchedule).
    if (record->carriesAlerts != prepared.carriesAlerts)
        m_cache.feeds().setCarriesAlerts(feedId, prepared.carriesAlerts);

    QList<Article> articles = prepared.articles;
    applyAdvisoryRules(articles, prepared.rules, record->alertSource, feedTitle);
    const StoredStories stored = storeStories(feedId, articles);
    if (!stored.error.isEmpty()) {
        result.error = stored.error;
        return result; // the transaction rolls back: the feed stays as it was
    }
    result.added = stored.added;
    result.updated = stored.updated;
    result.unchanged = stored.unchanged;
    result.advisories = stored.advisories;
    const QList<qint64> &present = stored.ids;

    if (!retention.isUnlimited()) {
        RetentionStore::Limits limits;
        limits.maxCount = retention.maxCount;
        if (retention.maxAgeDays > 0)
            limits.olderThan = now.addDays(-retention.maxAgeDays);
        limits.keepUnread = retention.keepUnread;
        limits.keepBookmarked = retention.keepBookmarked;
        result.removed = std::max(
            0, RetentionStore(m_cache.database().connection()).prune(feedId, limits, present));
    }

    const int ttl = std::max(prepared.ttlMinutes, maxAgeMinutes(fetched));
    if (!m_cache.feeds().recordSuccess(feedId, fetched.etag, fetched.lastModified, ttl,
                                       result.warning)
        || !transaction.commit()) {
        result.added = result.updated = result.unchanged = result.removed = result.advisories = 0;
        result.error = sql::withReason(QStringLiteral("cannot write to the cache"), db);
        return result;
    }
    result.status = RefreshResult::Status::Ok;
    return result;
}

FeedWriter::StoredStories FeedWriter::storeStories(qint64 feedId, const QList<Article> &articles)
{
    StoredStories stored;
    stored.ids.resize(articles.size());
    // Feeds list newest first; storing oldest first keeps ids in reading order.
    for (qsizetype i = articles.size() - 1; i >= 0; --i) {
        const Article &article = articles.at(i);
        const ArticleStore::UpsertResult result = m_cache.articles().upsert(feedId, article);
        switch (result.state) {
        case ArticleStore::UpsertState::Inserted:
            ++stored.added;
            stored.advisories += article.advisory ? 1 : 0;
            break;
        case ArticleStore::UpsertState::Updated:
            ++stored.updated;
            stored.advisories += article.advisory ? 1 : 0;
            break;
        case ArticleStore::UpsertState::Unchanged:
            ++stored.unchanged;
            break;
        case ArticleStore::UpsertState::Failed:
            stored = {};
            stored.error = sql::withReason(
                QStringLiteral("cannot store \"%1\" in the cache").arg(article.title),
                m_cache.database().connection());
            return stored;
        }
        stored.ids[i] = result.id;
    }
    return stored;
}

RefreshResult FeedWriter::recordFailure(RefreshResult result, const QString &words,
                                        const std::optional<QDateTime> &retryAfter)
{
    result.status = RefreshResult::Status::Error;
    result.error = words;
    Transaction transaction(m_cache.database().connection());
    if (!m_cache.feeds().recordFailure(result.feedId, words, retryAfter.value_or(QDateTime()))
        || !transaction.commit())
        result.error += QStringLiteral(" (and the failure could not be recorded)");
    return result;
}

bool FeedWriter::moveIfRedirected(qint64 feedId, const FetchResult &fetched, RefreshResult *result)
{
    const QUrl target = fetched.permanentUrl.isValid() && !fetched.permanentUrl.isEmpty()
        ? fetched.permanentUrl
        : (fetched.permanentRedirect ? fetched.finalUrl : QUrl());
    const QString url = target.toString();
    if (url.isEmpty() || url == result->url)
        return false;
    // Two subscriptions that now lead to the same feed: keep both rather than break the
    // UNIQUE url; the user can unsubscribe one.
    const std::optional<FeedRecord> other = m_cache.feeds().feedByUrl(url);
    if (other && other->id != feedId)
        return false;
    if (!m_cache.feeds().setUrl(feedId, url))
        return false;
    result->movedFrom = result->url;
    result->url = url;
    return true;
}

} // namespace bulletin
