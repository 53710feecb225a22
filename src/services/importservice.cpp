#include "services/importservice.h"

#include "core/feeds/feedparser.h"
#include "core/plaintextimporter.h"
#include "core/textutil.h"
#include "services/advisorysettings.h"
#include "services/coverageindexer.h"
#include "services/feedarticles.h"
#include "services/opmlservice.h"
#include "storage/cache.h"
#include "storage/database.h"
#include "storage/sqlutil.h"
#include "storage/transaction.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <iterator>
#include <utility>

namespace bulletin {

namespace {

constexpr qint64 kMaxImportBytes = 64 * 1024 * 1024;

// What a file holds, from its first non-blank bytes.
enum class Sniffed { Xml, Opml, Json, Text };

// The first start tag that is not a declaration, comment or processing instruction.
bool rootElementIsOpml(const QByteArray &bytes, qsizetype from)
{
    constexpr qsizetype kLookAhead = 4096;
    const qsizetype end = qMin(bytes.size(), from + kLookAhead);
    for (qsizetype i = bytes.indexOf('<', from); i >= 0 && i + 1 < end;
         i = bytes.indexOf('<', i + 1)) {
        const char next = bytes.at(i + 1);
        if (next == '?' || next == '!')
            continue;
        return bytes.mid(i + 1, 4).toLower() == "opml";
    }
    return false;
}

Sniffed sniff(const QByteArray &bytes)
{
    qsizetype i = 0;
    // BOMs of UTF-8/16/32 mean a feed parser can tell the encoding; plain text must be UTF-8.
    if (bytes.startsWith("\xEF\xBB\xBF"))
        i = 3;
    else if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF"))
        return Sniffed::Xml;
    else if (bytes.size() >= 4
             && (bytes.startsWith(QByteArray("\0\0\0<", 4))
                 || bytes.startsWith(QByteArray("<\0\0\0", 4))
                 || bytes.startsWith(QByteArray("\0<", 2))
                 || bytes.startsWith(QByteArray("<\0", 2))))
        return Sniffed::Xml;
    while (i < bytes.size() && QChar::isSpace(uchar(bytes.at(i))))
        ++i;
    if (i < bytes.size() && bytes.at(i) == '<')
        return rootElementIsOpml(bytes, i) ? Sniffed::Opml : Sniffed::Xml;
    if (i < bytes.size() && bytes.at(i) == '{')
        return Sniffed::Json;
    return Sniffed::Text;
}

// Above this, a feed file is prepared as parsed items, made into stories as they are stored.
constexpr qint64 kStoriesAheadBytes = 4 * 1024 * 1024;

} // namespace

// A parsed feed whose items become stories a batch at a time from the end (the oldest
// first), each batch of items let go of once made.
struct FeedBatches
{
    ParsedFeed feed;
    ParsedFeed batch;
    bool alertsLeft = false;
    QDateTime now;
    QDateTime modified;
    QStringList headings;

    FeedBatches(ParsedFeed parsed, const QDateTime &now, const QDateTime &modified,
                const QStringList &headings)
        : feed(std::move(parsed))
        , now(now)
        , modified(modified)
        , headings(headings)
    {
        batch = feed;
        batch.items = {};
        // Undated stories are listed by the newest date of the whole document, not of their batch.
        batch.updated = latestFeedDate(feed);
        // A bare CAP alert document is one story, from feed.alerts; a feed's items carry their own.
        alertsLeft = feed.format == QLatin1String("cap");
        if (!alertsLeft)
            batch.alerts = {};
    }

    // The next batch's stories, in the feed's order; false when none are left.
    bool next(QList<Article> *articles)
    {
        constexpr qsizetype kBatch = 256;
        if (feed.items.isEmpty() && !std::exchange(alertsLeft, false))
            return false;
        const qsizetype from = qMax<qsizetype>(0, feed.items.size() - kBatch);
        batch.items = QList<ParsedItem>(std::make_move_iterator(feed.items.begin() + from),
                                        std::make_move_iterator(feed.items.end()));
        feed.items.resize(from);
        *articles = articlesFromFeed(batch, now, headings, modified);
        batch.items = {};
        return true;
    }
};

namespace {

// A feed file parsed and, when small, made into stories, without the cache (a large one's
// items are left in *batches). `path` names the file in the error, and its modification
// time, like an HTTP Last-Modified, bounds how new its undated stories are.
PreparedFeed prepareFeed(QByteArray bytes, const QString &path, const QUrl &documentUrl,
                         const AdvisoryRules &rules, const QDateTime &now,
                         std::shared_ptr<FeedBatches> *batches)
{
    PreparedFeed prepared;
    prepared.rules = rules;
    const bool large = bytes.size() > kStoriesAheadBytes;
    FeedParseResult parsed = parseFeed(std::move(bytes), {}, documentUrl);
    if (!parsed.feed) {
        prepared.error = path.isEmpty() ? parsed.error
                                        : QStringLiteral("%1: %2").arg(path, parsed.error);
        return prepared;
    }
    prepared.parsed = true;
    prepared.title = parsed.feed->title;
    prepared.link = parsed.feed->link;
    prepared.warning = parsed.feed->warning;
    const QDateTime modified = path.isEmpty() ? QDateTime()
                                              : QFileInfo(path).lastModified().toUTC();
    *batches = std::make_shared<FeedBatches>(std::move(*parsed.feed), now, modified,
                                             rules.headings);
    if (large)
        return prepared;
    QList<QList<Article>> made; // the last items' first
    for (QList<Article> articles; (*batches)->next(&articles);)
        made << std::move(articles);
    batches->reset();
    for (auto it = made.rbegin(); it != made.rend(); ++it)
        prepared.articles << std::move(*it);
    return prepared;
}

void count(ImportService::Report &report, ArticleStore::UpsertState state)
{
    switch (state) {
    case ArticleStore::UpsertState::Inserted:
        ++report.added;
        break;
    case ArticleStore::UpsertState::Updated:
        ++report.updated;
        break;
    case ArticleStore::UpsertState::Unchanged:
        ++report.unchanged;
        break;
    case ArticleStore::UpsertState::Failed:
        break;
    }
}

} // namespace

ImportService::ImportService(Cache &cache)
    : m_cache(cache)
{
}

ImportService::PreparedFile ImportService::prepareFile(const QString &path, const Options &options,
                                                       const AdvisoryRules &rules,
                                                       const QDateTime &now)
{
    PreparedFile prepared;
    prepared.path = path;
    prepared.options = options;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        prepared.error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return prepared;
    }
    if (file.size() > kMaxImportBytes) {
        prepared.error = QStringLiteral("%1 is too large to import (%2 MiB; the limit is %3 MiB)")
                             .arg(path)
                             .arg(file.size() / (1024 * 1024))
                             .arg(kMaxImportBytes / (1024 * 1024));
        return prepared;
    }
    QByteArray bytes = file.readAll();
    switch (sniff(bytes)) {
    case Sniffed::Opml:
        prepared.kind = PreparedFile::Kind::Opml;
        prepared.bytes = std::move(bytes);
        return prepared;
    case Sniffed::Xml:
    case Sniffed::Json:
        prepared.feed = prepareFeed(std::move(bytes), path, QUrl(options.url.trimmed()), rules, now,
                                    &prepared.batches);
        if (prepared.feed.parsed)
            prepared.kind = PreparedFile::Kind::Feed;
        else
            prepared.error = prepared.feed.error;
        return prepared;
    case Sniffed::Text:
        break;
    }
    prepared.kind = PreparedFile::Kind::Text;
    prepared.bytes = std::move(bytes);
    return prepared;
}

ImportService::Report ImportService::storeFile(PreparedFile prepared)
{
    switch (prepared.kind) {
    case PreparedFile::Kind::Feed:
        return storeFeed(std::move(prepared.feed), std::move(prepared.batches), prepared.path);
    case PreparedFile::Kind::Opml:
        return importOpml(prepared.bytes, prepared.path);
    case PreparedFile::Kind::Text:
        return importPlainText(prepared.bytes, prepared.options, prepared.path);
    case PreparedFile::Kind::Refused:
        break;
    }
    Report report;
    report.path = prepared.path;
    report.error = prepared.error;
    return report;
}

QList<ImportService::Report> ImportService::storeBatch(
    const std::function<std::optional<PreparedFile>()> &next, std::chrono::milliseconds budget)
{
    QList<Report> reports;
    const QSqlDatabase db = m_cache.database().connection();
    Transaction batch(db);
    QElapsedTimer timer;
    timer.start();
    while (reports.isEmpty() || timer.elapsed() < budget.count()) {
        std::optional<PreparedFile> file = next();
        if (!file)
            break;
        reports << storeFile(std::move(*file));
    }
    if (batch.isActive() && !batch.commit()) {
        for (Report &report : reports) {
            if (report.error.isEmpty())
                report.error = sql::withReason(
                    QStringLiteral("%1: cannot write to the cache").arg(report.path), db);
        }
    }
    return reports;
}

QStringList ImportService::finishImport()
{
    QStringList problems;
    const QSqlDatabase db = m_cache.database().connection();
    // Transactions of 250, as after a refresh (RefreshWorker::indexPending).
    constexpr int kIndexBatch = 250;
    for (;;) {
        Transaction transaction(db);
        const int indexed = transaction.isActive() ? m_cache.articles().indexPending(kIndexBatch)
                                                   : -1;
        if (indexed < 0 || !transaction.commit()) {
            problems << sql::withReason(
                QStringLiteral("the imported stories were not all indexed for search (the next "
                               "refresh indexes them)"),
                db);
            break;
        }
        if (indexed < kIndexBatch)
            break;
    }
    for (bool more = true; more;) {
        Transaction transaction(db);
        more = transaction.isActive() && m_cache.articles().mergeIndexes(200)
            && transaction.commit();
    }
    m_cache.database().checkpoint();
    return problems;
}

QStringList ImportService::indexCoverage(const QList<qint64> &imported)
{
    if (CoverageIndexer(m_cache).index(imported) < 0)
        return {QStringLiteral("related coverage of the imported stories was not all stored (the "
                               "window works the rest out)")};
    return {};
}

ImportService::Report ImportService::importFile(const QString &path, const Options &options)
{
    return storeFile(prepareFile(path, options, loadAdvisoryRules(m_cache)));
}

ImportService::Report ImportService::importPlainText(const QByteArray &bytes,
                                                     const Options &options, const QString &path)
{
    Report report;
    report.path = path;
    report.kind = QStringLiteral("article");
    const AdvisoryRules rules = loadAdvisoryRules(m_cache);
    const PlainTextResult parsed = bulletin::importPlainText(
        bytes, {options.title, options.source, options.url, rules.headings});
    if (!parsed.import) {
        report.error = path.isEmpty() ? parsed.error
                                      : QStringLiteral("%1: %2").arg(path, parsed.error);
        return report;
    }
    const PlainTextImport &imported = *parsed.import;
    QString source = options.source.trimmed();
    if (source.isEmpty())
        source = imported.publisher;
    if (source.isEmpty())
        source = path.isEmpty() ? QStringLiteral("Imported articles")
                                : QFileInfo(path).completeBaseName();

    const QSqlDatabase db = m_cache.database().connection();
    Transaction transaction(db);
    const auto feedId = transaction.isActive() ? m_cache.feeds().localSource(source) : std::nullopt;
    if (!feedId) {
        report.error = sql::withReason(
            QStringLiteral("cannot record the source %1 in the cache").arg(source), db);
        return report;
    }
    // The publisher's related headlines become headline-only stories, unless the cache
    // already has them. They go in first so that the story itself lists above them.
    for (const RelatedLink &related : imported.article.related) {
        if (m_cache.articles().resolve(related.link, related.title))
            continue;
        Article headline;
        headline.title = related.title;
        headline.link = related.link;
        headline.guid = related.link.isEmpty()
            ? contentId((source + QLatin1Char('\n') + related.title).toUtf8())
            : related.link;
        headline.headlineOnly = true;
        const auto result = m_cache.articles().upsert(
            *feedId, headline,
            QStringLiteral("Listed under \"More Stories\" in \"%1\"; only the headline is known.")
                .arg(imported.article.title));
        if (result.state == ArticleStore::UpsertState::Failed) {
            report.error = sql::withReason(
                QStringLiteral("cannot store the related headline \"%1\"").arg(related.title), db);
            return report;
        }
    }
    QList<Article> story{imported.article};
    const std::optional<FeedRecord> record = m_cache.feeds().feed(*feedId);
    applyAdvisoryRules(story, rules, record && record->alertSource, source);
    const auto result = m_cache.articles().upsert(*feedId, story.first(), imported.note);
    if (result.state == ArticleStore::UpsertState::Failed || !transaction.commit()) {
        report.error = sql::withReason(QStringLiteral("cannot store the story in the cache"), db);
        return report;
    }
    count(report, result.state);
    report.storyIds << result.id;
    report.note = imported.note;
    return report;
}

ImportService::Report ImportService::importOpml(const QByteArray &bytes, const QString &path)
{
    Report report;
    report.path = path;
    report.kind = QStringLiteral("opml");
    const OpmlService::ImportReport imported = OpmlService(m_cache).importOpml(bytes);
    if (!imported.error.isEmpty()) {
        report.error = path.isEmpty() ? imported.error
                                      : QStringLiteral("%1: %2").arg(path, imported.error);
        return report;
    }
    report.added = imported.added;
    report.unchanged = imported.alreadySubscribed;
    report.note = imported.problems.join(QStringLiteral("; "));
    return report;
}

ImportService::Report ImportService::importFeed(QByteArray bytes, const QString &path,
                                                const QUrl &documentUrl)
{
    std::shared_ptr<FeedBatches> batches;
    PreparedFeed feed = prepareFeed(std::move(bytes), path, documentUrl, loadAdvisoryRules(m_cache),
                                    QDateTime::currentDateTimeUtc(), &batches);
    return storeFeed(std::move(feed), std::move(batches), path);
}

ImportService::Report ImportService::storeFeed(PreparedFeed feed,
                                               std::shared_ptr<FeedBatches> batches,
                                               const QString &path)
{
    Report report;
    report.path = path;
    report.kind = QStringLiteral("feed");
    if (!feed.parsed) {
        report.error = feed.error;
        return report;
    }
    const QString url = path.isEmpty()
        ? QString()
        : QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString();
    QString title = feed.title;
    if (title.isEmpty())
        title = path.isEmpty() ? QStringLiteral("Imported feed")
                               : QFileInfo(path).completeBaseName();

    const QSqlDatabase db = m_cache.database().connection();
    Transaction transaction(db);
    const auto feedId = transaction.isActive() ? m_cache.feeds().localSource(title, url)
                                               : std::nullopt;
    if (!feedId) {
        report.error = sql::withReason(
            QStringLiteral("cannot record the feed %1 in the cache").arg(title), db);
        return report;
    }
    if (!feed.link.isEmpty())
        m_cache.feeds().setSiteUrl(*feedId, feed.link);
    const std::optional<FeedRecord> record = m_cache.feeds().feed(*feedId);
    FeedWriter writer(m_cache);
    // Stored the last batch first: oldest first, as a refresh stores a feed.
    const auto store = [&](QList<Article> &articles) {
        applyAdvisoryRules(articles, feed.rules, record && record->alertSource,
                           record ? record->title : title);
        const FeedWriter::StoredStories stored = writer.storeStories(*feedId, articles);
        articles = {};
        if (!stored.error.isEmpty()) {
            report.error = stored.error;
            return false;
        }
        report.added += stored.added;
        report.updated += stored.updated;
        report.unchanged += stored.unchanged;
        report.storyIds = stored.ids + report.storyIds;
        return true;
    };
    bool stored = true;
    if (batches) {
        for (QList<Article> articles; stored && batches->next(&articles);)
            stored = store(articles);
        batches.reset();
    } else {
        stored = store(feed.articles);
    }
    if (!stored) {
        report.added = report.updated = report.unchanged = 0;
        report.storyIds.clear();
        return report;
    }
    if (!transaction.commit()) {
        report.error = sql::withReason(QStringLiteral("cannot write to the cache"), db);
        report.added = report.updated = report.unchanged = 0;
        report.storyIds.clear();
        return report;
    }
    if (!feed.warning.isEmpty())
        report.note = feed.warning;
    return report;
}

} // namespace bulletin
