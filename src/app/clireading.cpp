#include "app/clireading.h"

#include "app/cliargs.h"
#include "app/clicache.h"
#include "app/clijson.h"
#include "app/clioutput.h"
#include "services/coverageevents.h"
#include "services/relatedcoverage.h"
#include "services/storypage.h"
#include "storage/accountstore.h"
#include "storage/cache.h"
#include "storage/searchstore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <optional>

namespace bulletin {

namespace {

QString markers(bool read, bool bookmarked, bool advisory)
{
    return QString(read ? QLatin1Char(' ') : QLatin1Char('N'))
        + (bookmarked ? QLatin1Char('*') : QLatin1Char(' '))
        + (advisory ? QLatin1Char('!') : QLatin1Char(' '));
}

// The stories a list or a search covers; a --feed or --folder that names nothing is an error.
std::optional<StoryFilter> filterFrom(Cache &cache, const CliArgs &args, QString *error)
{
    StoryFilter filter;
    for (const auto &[option, kind] :
         {std::pair(QStringLiteral("feed"), StoryFilter::Kind::Feed),
          std::pair(QStringLiteral("folder"), StoryFilter::Kind::Folder)}) {
        if (!args.has(option))
            continue;
        const std::optional<qint64> id = existingSourceId(cache, option, args.value(option), error);
        if (!id)
            return std::nullopt;
        filter.kind = kind;
        filter.id = *id;
        break;
    }
    if (filter.kind == StoryFilter::Kind::All) {
        if (args.has(QStringLiteral("bookmarked")))
            filter.kind = StoryFilter::Kind::Bookmarked;
        else if (args.has(QStringLiteral("advisories")))
            filter.kind = StoryFilter::Kind::Advisories;
    }
    filter.unreadOnly = args.has(QStringLiteral("unread"));
    return filter;
}

QString storyLine(const StorySummary &s)
{
    return QStringLiteral("%1 %2 %3  %4 \u2014 %5")
        .arg(s.id, 7)
        .arg(markers(s.read, s.bookmarked, s.hasAdvisory), shortDate(s.published), s.title,
             s.source);
}

// `list --grouped`: one entry per event, its listed reports newest first.
int printEvents(const QList<EventGroup> &groups, bool json,
                const QHash<qint64, qint64> &feedAccounts)
{
    if (json) {
        QJsonArray events;
        for (const EventGroup &g : groups) {
            QJsonArray stories;
            for (const StorySummary &s : g.stories)
                stories << storyJson(s, feedAccounts);
            events << QJsonObject{{QStringLiteral("id"), g.eventId},
                                  {QStringLiteral("sources"), g.sources},
                                  {QStringLiteral("stories"), stories}};
        }
        printJson(QJsonObject{{QStringLiteral("events"), events}});
        return 0;
    }
    for (const EventGroup &g : groups) {
        out() << storyLine(g.stories.first());
        if (g.sources > 1)
            out() << QStringLiteral("  (+%1 sources)").arg(g.sources - 1);
        out() << Qt::endl;
        for (qsizetype i = 1; i < g.stories.size(); ++i)
            out() << QStringLiteral("      \u21b3 ") << storyLine(g.stories.at(i)) << Qt::endl;
    }
    return 0;
}

} // namespace

int cmdList(const QString &cachePath, const CliArgs &args)
{
    int status = 0;
    auto cache = openCache(cachePath, &status);
    if (!cache)
        return status;
    bool ok = true;
    const int limit = args.has(QStringLiteral("limit"))
        ? args.value(QStringLiteral("limit")).toInt(&ok)
        : kDefaultListLimit;
    if (!ok || limit <= 0)
        return fail(QStringLiteral("--limit needs a positive number"));
    QString error;
    const std::optional<StoryFilter> filter = filterFrom(*cache, args, &error);
    if (!filter)
        return fail(error);
    // Page through the keyset so that a large --limit never builds one huge query.
    QList<StorySummary> stories;
    std::optional<StoryCursor> cursor;
    while (stories.size() < limit) {
        const int want = qMin(1000, limit - int(stories.size()));
        const QList<StorySummary> page = cache->articles().stories(*filter, cursor, want);
        stories << page;
        if (page.size() < want)
            break;
        cursor = StoryOrder::cursorOf(page.last());
    }
    if (args.has(QStringLiteral("grouped")))
        return printEvents(groupByEvent(*cache, stories), args.has(QStringLiteral("json")),
                           cache->accounts().feedAccounts());
    if (args.has(QStringLiteral("json"))) {
        const QHash<qint64, qint64> feedAccounts = cache->accounts().feedAccounts();
        QJsonArray array;
        for (const StorySummary &s : std::as_const(stories))
            array << storyJson(s, feedAccounts);
        printJson(QJsonObject{{QStringLiteral("stories"), array}});
        return 0;
    }
    for (const StorySummary &s : std::as_const(stories))
        out() << storyLine(s) << Qt::endl;
    return 0;
}

int cmdShow(const QString &cachePath, const CliArgs &args)
{
    const auto id = args.positional().size() == 1 ? positiveId(args.positional().first())
                                                  : std::nullopt;
    if (!id)
        return fail(QStringLiteral("usage: bulletin show ID [--json]"));
    int status = 0;
    auto cache = openCache(cachePath, &status);
    if (!cache)
        return status;
    auto story = cache->articles().story(*id);
    if (!story)
        return fail(QStringLiteral("no story with id %1 in the cache").arg(*id));
    // The publisher's own links first, then related coverage found in the cache that the
    // publisher's links do not already name.
    for (const RelatedStory &coverage : findRelatedCoverage(*cache, *story)) {
        const bool listed = std::any_of(story->related.cbegin(), story->related.cend(),
                                        [&](const RelatedStory &r) { return r.id == coverage.id; });
        if (!listed)
            story->related << coverage;
    }
    const StoryPage page = buildStoryPage(*story);
    if (!args.has(QStringLiteral("json"))) {
        out() << page.text << Qt::endl;
        return 0;
    }
    QJsonObject object = storyJson(story->summary, cache->accounts().feedAccounts());
    object.insert(QStringLiteral("html"), page.html);
    object.insert(QStringLiteral("text"), page.text);
    object.insert(QStringLiteral("author"),
                  story->author.isEmpty() ? QJsonValue() : QJsonValue(story->author));
    object.insert(QStringLiteral("categories"), QJsonArray::fromStringList(story->categories));
    object.insert(QStringLiteral("advisory"),
                  story->advisory ? QJsonValue(advisoryJson(*story->advisory)) : QJsonValue());
    QJsonArray related;
    for (const RelatedStory &r : story->related)
        related << relatedJson(r);
    object.insert(QStringLiteral("related"), related);
    QJsonArray enclosures;
    for (const Enclosure &e : std::as_const(story->enclosures)) {
        enclosures << QJsonObject{
            {QStringLiteral("url"), e.url},
            {QStringLiteral("type"), e.type.isEmpty() ? QJsonValue() : QJsonValue(e.type)},
            {QStringLiteral("length"), e.length ? QJsonValue(double(*e.length)) : QJsonValue()},
            {QStringLiteral("title"), e.title.isEmpty() ? QJsonValue() : QJsonValue(e.title)},
            {QStringLiteral("duration"),
             e.durationSeconds ? QJsonValue(double(*e.durationSeconds)) : QJsonValue()},
        };
    }
    object.insert(QStringLiteral("enclosures"), enclosures);
    object.insert(QStringLiteral("note"),
                  story->note.isEmpty() ? QJsonValue() : QJsonValue(story->note));
    object.insert(QStringLiteral("blocked_urls"), QJsonArray::fromStringList(page.blockedUrls));
    printJson(object);
    return 0;
}

int cmdSearch(const QString &cachePath, const CliArgs &args)
{
    if (args.positional().isEmpty())
        return fail(
            QStringLiteral("usage: bulletin search QUERY [--json] [--limit N] [--feed ID]"));
    int status = 0;
    auto cache = openCache(cachePath, &status);
    if (!cache)
        return status;
    const int limit = args.has(QStringLiteral("limit"))
        ? args.value(QStringLiteral("limit")).toInt()
        : kDefaultListLimit;
    QString error;
    const std::optional<StoryFilter> filter = filterFrom(*cache, args, &error);
    if (!filter)
        return fail(error);
    const SearchStore &search = cache->searches();
    const auto results = search.search(args.positional().join(QLatin1Char(' ')), *filter,
                                       qMax(1, limit), &error);
    if (!error.isEmpty())
        return fail(error);
    if (args.has(QStringLiteral("json"))) {
        const QHash<qint64, qint64> feedAccounts = cache->accounts().feedAccounts();
        QJsonArray array;
        for (const SearchStore::Result &r : results) {
            QJsonObject object = storyJson(r.story, feedAccounts);
            object.insert(QStringLiteral("snippet"), r.snippet);
            object.insert(QStringLiteral("rank"), r.rank);
            array << object;
        }
        printJson(QJsonObject{{QStringLiteral("results"), array}});
        return 0;
    }
    for (const SearchStore::Result &r : results) {
        out() << QStringLiteral("%1 %2  %3 \u2014 %4")
                     .arg(r.story.id, 7)
                     .arg(shortDate(r.story.published), r.story.title, r.story.source)
              << Qt::endl;
        if (!r.snippet.isEmpty())
            out() << QStringLiteral("         ") << r.snippet << Qt::endl;
    }
    return 0;
}

int cmdRead(const QString &cachePath, const CliArgs &args)
{
    const auto id = args.positional().size() == 1 ? positiveId(args.positional().first())
                                                  : std::nullopt;
    if (!id)
        return fail(QStringLiteral("usage: bulletin read ID [--off]"));
    int status = 0;
    auto cache = openCache(cachePath, &status);
    if (!cache)
        return status;
    if (!cache->articles().summary(*id))
        return fail(QStringLiteral("no story with id %1 in the cache").arg(*id));
    const bool read = !args.has(QStringLiteral("off"));
    // A story of a sync account also queues the change for its server (the cache's sync triggers).
    if (!cache->articles().setRead({*id}, read))
        return fail(cache->withReason(QStringLiteral("cannot mark story %1").arg(*id)));
    out() << QStringLiteral("story %1 marked %2")
                 .arg(*id)
                 .arg(read ? QStringLiteral("read") : QStringLiteral("unread"))
          << Qt::endl;
    return 0;
}

} // namespace bulletin
