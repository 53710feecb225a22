#include "app/clifiles.h"

#include "app/cliargs.h"
#include "app/clicache.h"
#include "app/clioutput.h"
#include "core/feeds/feedjson.h"
#include "core/feeds/feedparser.h"
#include "core/wholefile.h"
#include "services/advisorysettings.h"
#include "services/importservice.h"
#include "services/integritycheck.h"
#include "services/opmlservice.h"
#include "storage/cache.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>
#include <QThread>
#include <QThreadPool>
#include <QUrl>

#include <algorithm>
#include <chrono>
#include <deque>
#include <future>
#include <memory>
#include <optional>
#include <utility>

namespace bulletin {

namespace {

// --url: the address a document came from, which its relative links resolve against (an
// empty QUrl when not given). Only an absolute http(s) address can be one; anything else
// is refused (nullopt, the error printed) rather than ignored.
std::optional<QUrl> documentAddress(const CliArgs &args)
{
    const QString value = args.value(QStringLiteral("url")).trimmed();
    if (value.isEmpty())
        return QUrl();
    const QUrl url(value, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (url.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        && !url.host().isEmpty())
        return url;
    fail(QStringLiteral("--url must be an absolute http or https address, not \"%1\"").arg(value));
    return std::nullopt;
}

// One imported file's summary: a line (or two) of text, or its entry in --json's "imports".
void printImport(const ImportService::Report &report, bool json, QJsonArray *reports)
{
    const QString &path = report.path;
    if (json) {
        QJsonArray ids;
        for (qint64 id : report.storyIds)
            ids << id;
        *reports << QJsonObject{{QStringLiteral("path"), path},
                                {QStringLiteral("kind"), report.kind},
                                {QStringLiteral("added"), report.added},
                                {QStringLiteral("updated"), report.updated},
                                {QStringLiteral("unchanged"), report.unchanged},
                                {QStringLiteral("story_ids"), ids},
                                {QStringLiteral("note"), report.note}};
    } else if (report.kind == QLatin1String("opml")) {
        // Subscriptions, not stories: say so, and what brings their stories in.
        out() << QStringLiteral("%1: %2 feed(s) subscribed, %3 already subscribed")
                     .arg(path)
                     .arg(report.added)
                     .arg(report.unchanged)
              << Qt::endl;
        if (report.added > 0)
            out() << QStringLiteral("  their stories come with the next refresh: bulletin refresh")
                  << Qt::endl;
        if (!report.note.isEmpty())
            out() << QStringLiteral("  note: ") << report.note << Qt::endl;
    } else {
        out() << QStringLiteral("%1: %2 added, %3 updated, %4 unchanged")
                     .arg(path)
                     .arg(report.added)
                     .arg(report.updated)
                     .arg(report.unchanged);
        if (!report.storyIds.isEmpty() && report.kind == QLatin1String("article"))
            out() << QStringLiteral(" (story %1)").arg(report.storyIds.first());
        out() << Qt::endl;
        if (!report.note.isEmpty())
            out() << QStringLiteral("  note: ") << report.note << Qt::endl;
    }
}

} // namespace

int cmdParse(const CliArgs &args)
{
    if (args.positional().size() != 1)
        return fail(QStringLiteral("usage: bulletin parse FILE [--url URL]"));
    const std::optional<QUrl> documentUrl = documentAddress(args);
    if (!documentUrl)
        return 1;
    const QString path = args.positional().first();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    const FeedParseResult result = parseFeed(file.readAll(), args.value(QStringLiteral("charset")),
                                             *documentUrl);
    if (!result.feed)
        return fail(QStringLiteral("%1: %2").arg(path, result.error));
    // An entry at a time through the one output stream: it passes its buffer on as it fills,
    // so a feed of any size is never held as one document.
    writeFeedJson(*result.feed, [](const QByteArray &json) { out() << QString::fromUtf8(json); });
    out().flush();
    return 0;
}

int cmdImport(const QString &cachePath, const CliArgs &args)
{
    if (args.positional().isEmpty())
        return fail(QStringLiteral(
            "usage: bulletin import FILE... [--title T] [--source NAME] [--url URL] [--coverage]"));
    if (!documentAddress(args))
        return 1;
    int status = 0;
    auto cache = openCache(cachePath, &status);
    if (!cache)
        return status;
    // As a refresh does: the stories are stored first and indexed for search once all are in.
    cache->articles().setDeferIndexing(true);
    ImportService importer(*cache);
    const ImportService::Options options{args.value(QStringLiteral("title")),
                                         args.value(QStringLiteral("source")),
                                         args.value(QStringLiteral("url"))};
    const AdvisoryRules rules = loadAdvisoryRules(*cache);

    // The files are read and parsed on a thread pool a few ahead of the one being stored
    // (no more than kAheadBytes of them, or one file of any size), and stored in order.
    constexpr qint64 kAheadBytes = 64 * 1024 * 1024;
    QThreadPool parsers;
    // One parser fewer than the cores: this thread is storing meanwhile.
    parsers.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
    const qsizetype maxAhead = parsers.maxThreadCount() + 1;
    struct Ahead
    {
        qint64 bytes = 0;
        std::future<ImportService::PreparedFile> file;
    };
    std::deque<Ahead> ahead;
    qint64 aheadBytes = 0;
    const QStringList paths = args.positional();
    qsizetype next = 0;
    const auto prepareMore = [&] {
        for (; next < paths.size(); ++next) {
            const qint64 bytes = QFileInfo(paths.at(next)).size();
            if (!ahead.empty()
                && (qsizetype(ahead.size()) >= maxAhead || aheadBytes + bytes > kAheadBytes))
                return;
            auto task = std::make_shared<std::packaged_task<ImportService::PreparedFile()>>(
                [path = paths.at(next), &options, &rules] {
                    return ImportService::prepareFile(path, options, rules);
                });
            ahead.push_back({bytes, task->get_future()});
            aheadBytes += bytes;
            parsers.start([task] { (*task)(); });
        }
    };

    QJsonArray reports;
    int failures = 0;
    QList<qint64> imported;
    while (prepareMore(), !ahead.empty()) {
        // Files whose stories are ready are stored together in one transaction of about
        // 100 ms of work; the first waits for its parser.
        const auto next = [&,
                           first = true]() mutable -> std::optional<ImportService::PreparedFile> {
            if (ahead.empty()
                || (!std::exchange(first, false)
                    && ahead.front().file.wait_for(std::chrono::seconds(0))
                        != std::future_status::ready))
                return std::nullopt;
            Ahead file = std::move(ahead.front());
            ahead.pop_front();
            aheadBytes -= file.bytes;
            prepareMore();
            return file.file.get();
        };
        const QList<ImportService::Report> batchReports = importer.storeBatch(
            next, std::chrono::milliseconds(100));
        for (const ImportService::Report &report : batchReports) {
            if (!report.error.isEmpty()) {
                ++failures;
                fail(report.error);
                continue;
            }
            imported << report.storyIds;
            printImport(report, args.has(QStringLiteral("json")), &reports);
        }
    }
    // Then the new stories go into the search indexes, as after a refresh; their related
    // coverage waits for the window's writer unless --coverage asks for it now.
    for (const QString &problem : importer.finishImport())
        fail(problem);
    if (args.has(QStringLiteral("coverage"))) {
        for (const QString &problem : importer.indexCoverage(imported))
            fail(problem);
    }
    if (args.has(QStringLiteral("json")))
        printJson(QJsonObject{{QStringLiteral("imports"), reports}});
    return failures == 0 ? 0 : 1;
}

int cmdExportOpml(const QString &cachePath, const CliArgs &args)
{
    if (args.positional().size() != 1)
        return fail(QStringLiteral("usage: bulletin export-opml FILE"));
    int status = 0;
    auto cache = openCache(cachePath, &status);
    if (!cache)
        return status;
    const QByteArray opml = OpmlService(*cache).exportOpml();
    const QString path = args.positional().first();
    if (path == QLatin1String("-")) {
        out() << QString::fromUtf8(opml);
        return 0;
    }
    QString error;
    if (!writeWholeFile(path, opml, &error))
        return fail(QStringLiteral("cannot write %1: %2; the file there was left as it was")
                        .arg(path, error));
    return 0;
}

int cmdCheck(const QString &cachePath, const CliArgs &args)
{
    if (!args.positional().isEmpty())
        return fail(QStringLiteral("usage: bulletin check"));
    const IntegrityCheck::Result result = IntegrityCheck::run(cachePath, true);
    if (!result.whole)
        return fail(result.problem);
    out() << QStringLiteral("the cache %1 is whole").arg(cachePath) << Qt::endl;
    if (!result.backup.isEmpty())
        out() << QStringLiteral("  backed up to %1").arg(result.backup) << Qt::endl;
    return 0;
}

} // namespace bulletin
