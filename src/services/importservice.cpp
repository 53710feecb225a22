#include "services/importservice.h"

#include "core/feeds/feedparser.h"
#include "core/plaintextimporter.h"
#include "core/textutil.h"
#include "services/advisorysettings.h"
#include "services/feedarticles.h"
#include "services/opmlservice.h"
#include "storage/cache.h"
#include "storage/database.h"
#include "storage/sqlutil.h"

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
    for (qsizetype i = bytes.indexOf('<', from); i >= 0 && i + 1 < end; i = bytes.indexOf('<', i + 1)) {
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
    else if (bytes.size() >= 4 && (bytes.startsWith(QByteArray("\0\0\0<", 4))
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

void count(ImportService::Report &report, ArticleStore::UpsertState state)
{
    switch (state) {
    case ArticleStore::UpsertState::Inserted: ++report.added; break;
    case ArticleStore::UpsertState::Updated: ++report.updated; break;
    case ArticleStore::UpsertState::Unchanged: ++report.unchanged; break;
    case ArticleStore::UpsertState::Failed: break;
    }
}

} // namespace

ImportService::ImportService(Cache &cache)
    : m_cache(cache)
{
}

ImportService::Report ImportService::importFile(const QString &path, const Options &options)
{
    Report report;
    report.path = path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        report.error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return report;
    }
    if (file.size() > kMaxImportBytes) {
        report.error = QStringLiteral("%1 is too large to import (%2 MiB; the limit is %3 MiB)")
                           .arg(path)
                           .arg(file.size() / (1024 * 1024))
                           .arg(kMaxImportBytes / (1024 * 1024));
        return report;
    }
    QByteArray bytes = file.readAll();
    switch (sniff(bytes)) {
    case Sniffed::Opml:
        return importOpml(bytes, path);
    case Sniffed::Xml:
    case Sniffed::Json:
        return importFeed(std::move(bytes), path, QUrl(options.url.trimmed()));
    case Sniffed::Text:
        break;
    }
    return importPlainText(bytes, options, path);
}

ImportService::Report ImportService::importPlainText(const QByteArray &bytes, const Options &options,
                                                     const QString &path)
{
    Report report;
    report.path = path;
    report.kind = QStringLiteral("article");
    const AdvisoryRules rules = loadAdvisoryRules(m_cache);
    const PlainTextResult parsed =
        bulletin::importPlainText(bytes, {options.title, options.source, options.url, rules.headings});
    if (!parsed.import) {
        report.error = path.isEmpty() ? parsed.error : QStringLiteral("%1: %2").arg(path, parsed.error);
        return report;
    }
    const PlainTextImport &imported = *parsed.import;
    QString source = options.source.trimmed();
    if (source.isEmpty())
        source = imported.publisher;
    if (source.isEmpty())
        source = path.isEmpty() ? QStringLiteral("Imported articles") : QFileInfo(path).completeBaseName();

    const QSqlDatabase db = m_cache.database().connection();
    Transaction transaction(db);
    const auto feedId = transaction.isActive() ? m_cache.feeds().localSource(source) : std::nullopt;
    if (!feedId) {
        report.error = sql::withReason(QStringLiteral("cannot record the source %1 in the cache").arg(source), db);
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
        headline.guid = related.link.isEmpty() ? contentId((source + QLatin1Char('\n') + related.title).toUtf8())
                                               : related.link;
        headline.headlineOnly = true;
        const auto result = m_cache.articles().upsert(
            *feedId, headline,
            QStringLiteral("Listed under \"More Stories\" in \"%1\"; only the headline is known.")
                .arg(imported.article.title));
        if (result.state == ArticleStore::UpsertState::Failed) {
            report.error =
                sql::withReason(QStringLiteral("cannot store the related headline \"%1\"").arg(related.title), db);
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
        report.error = path.isEmpty() ? imported.error : QStringLiteral("%1: %2").arg(path, imported.error);
        return report;
    }
    report.added = imported.added;
    report.unchanged = imported.alreadySubscribed;
    report.note = imported.problems.join(QStringLiteral("; "));
    return report;
}

ImportService::Report ImportService::importFeed(QByteArray bytes, const QString &path, const QUrl &documentUrl)
{
    Report report;
    report.path = path;
    report.kind = QStringLiteral("feed");
    FeedParseResult parsed = parseFeed(std::move(bytes), {}, documentUrl);
    if (!parsed.feed) {
        report.error = path.isEmpty() ? parsed.error : QStringLiteral("%1: %2").arg(path, parsed.error);
        return report;
    }
    ParsedFeed &feed = *parsed.feed;
    const QString url = path.isEmpty() ? QString()
                                       : QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString();
    QString title = feed.title;
    if (title.isEmpty())
        title = path.isEmpty() ? QStringLiteral("Imported feed") : QFileInfo(path).completeBaseName();

    const QSqlDatabase db = m_cache.database().connection();
    Transaction transaction(db);
    const auto feedId = transaction.isActive() ? m_cache.feeds().localSource(title, url) : std::nullopt;
    if (!feedId) {
        report.error = sql::withReason(QStringLiteral("cannot record the feed %1 in the cache").arg(title), db);
        return report;
    }
    if (!feed.link.isEmpty())
        m_cache.feeds().setSiteUrl(*feedId, feed.link);
    const AdvisoryRules rules = loadAdvisoryRules(m_cache);
    // A file's modification time, like an HTTP Last-Modified, bounds how new its undated stories are.
    const QDateTime modified = path.isEmpty() ? QDateTime() : QFileInfo(path).lastModified().toUTC();
    const std::optional<FeedRecord> record = m_cache.feeds().feed(*feedId);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Feeds list newest first; storing oldest first keeps ids in reading order for stories
    // that share a date. The items become stories a batch at a time from the end, and each
    // batch is let go of once stored: a large feed is never held twice, as parsed items and
    // again as stories with their text.
    constexpr qsizetype kBatch = 256;
    ParsedFeed batch = feed;
    batch.items = {};
    // Undated stories are listed by the newest date of the whole document, not of their batch.
    batch.updated = latestFeedDate(feed);
    // A bare CAP alert document is one story, from feed.alerts; a feed's items carry their own.
    bool alertsLeft = feed.format == QLatin1String("cap");
    if (!alertsLeft)
        batch.alerts = {};
    while (!feed.items.isEmpty() || std::exchange(alertsLeft, false)) {
        const qsizetype from = qMax<qsizetype>(0, feed.items.size() - kBatch);
        batch.items = QList<ParsedItem>(std::make_move_iterator(feed.items.begin() + from),
                                        std::make_move_iterator(feed.items.end()));
        feed.items.resize(from);
        QList<Article> articles = articlesFromFeed(batch, now, rules.headings, modified);
        applyAdvisoryRules(articles, rules, record && record->alertSource, record ? record->title : title);
        for (auto it = articles.crbegin(); it != articles.crend(); ++it) {
            const auto result = m_cache.articles().upsert(*feedId, *it);
            if (result.state == ArticleStore::UpsertState::Failed) {
                report.error = sql::withReason(QStringLiteral("cannot store \"%1\" in the cache").arg(it->title), db);
                report.added = report.updated = report.unchanged = 0;
                report.storyIds.clear();
                return report;
            }
            count(report, result.state);
            report.storyIds.prepend(result.id);
        }
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
