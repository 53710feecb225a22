#include "app/cli.h"

#include "app/cliaccount.h"
#include "app/clijson.h"
#include "app/clioutput.h"
#include "app/clirefresh.h"
#include "app/clisource.h"
#include "core/feeds/feedjson.h"
#include "core/feeds/feedparser.h"
#include "core/wholefile.h"
#include "services/advisorysettings.h"
#include "services/cache.h"
#include "services/coverageevents.h"
#include "services/coverageindexer.h"
#include "services/importservice.h"
#include "services/integritycheck.h"
#include "services/opmlservice.h"
#include "services/relatedcoverage.h"
#include "services/storypage.h"
#include "storage/accountstore.h"
#include "storage/advisorystore.h"
#include "storage/bookmarksalvage.h"
#include "storage/cachefile.h"
#include "storage/searchstore.h"
#include "storage/sqlutil.h"

#include <QFile>
#include <QJsonArray>
#include <QTextStream>
#include <QUrl>

#include <algorithm>
#include <functional>
#include <optional>

namespace bulletin {

namespace {

// How many stories `list` and `search` print without --limit (the newest, or the best).
constexpr int kDefaultLimit = 50;

// Arguments of one command: positional words and --options (with or without a value).
class Args
{
public:
    Args(const QStringList &arguments, const QStringList &valueOptions)
    {
        for (qsizetype i = 0; i < arguments.size(); ++i) {
            const QString &a = arguments.at(i);
            if (a.startsWith(QLatin1String("--")) && a.size() > 2) {
                const qsizetype eq = a.indexOf(QLatin1Char('='));
                if (eq > 0) {
                    m_options.insert(a.mid(2, eq - 2), a.mid(eq + 1));
                } else if (valueOptions.contains(a.mid(2))) {
                    if (i + 1 >= arguments.size()) {
                        m_error = QStringLiteral("%1 needs a value").arg(a);
                        return;
                    }
                    m_options.insert(a.mid(2), arguments.at(++i));
                } else {
                    m_options.insert(a.mid(2), QString());
                }
            } else {
                m_positional << a;
            }
        }
    }
    QString error() const { return m_error; }
    bool has(const QString &name) const { return m_options.contains(name); }
    QString value(const QString &name) const { return m_options.value(name); }
    const QStringList &positional() const { return m_positional; }
    QStringList unknown(const QStringList &known) const
    {
        QStringList result;
        for (auto it = m_options.cbegin(); it != m_options.cend(); ++it) {
            if (!known.contains(it.key()))
                result << QStringLiteral("--") + it.key();
        }
        return result;
    }

private:
    QHash<QString, QString> m_options;
    QStringList m_positional;
    QString m_error;
};

std::unique_ptr<Cache> openCache(const QString &path, int *status)
{
    QString error;
    auto cache = Cache::open(path, &error);
    if (!cache)
        *status = fail(error);
    return cache;
}

std::optional<qint64> storyId(const QString &word)
{
    bool ok = false;
    const qint64 id = word.toLongLong(&ok);
    return ok && id > 0 ? std::optional(id) : std::nullopt;
}

QString shortDate(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                          : QStringLiteral("----------------");
}

QString markers(bool read, bool bookmarked, bool advisory)
{
    return QString(read ? QLatin1Char(' ') : QLatin1Char('N'))
        + (bookmarked ? QLatin1Char('*') : QLatin1Char(' '))
        + (advisory ? QLatin1Char('!') : QLatin1Char(' '));
}

// --url: the address a document came from, which its relative links resolve against (an
// empty QUrl when not given). Only an absolute http(s) address can be one; anything else
// is refused (nullopt, the error printed) rather than ignored.
std::optional<QUrl> documentAddress(const Args &args)
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

int cmdParse(const Args &args)
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

int cmdImport(const QString &cachePath, const Args &args)
{
    if (args.positional().isEmpty())
        return fail(QStringLiteral("usage: bulletin import FILE... [--title T] [--source NAME] [--url URL]"));
    if (!documentAddress(args))
        return 1;
    int status = 0;
    auto cache = openCache(cachePath, &status);
    if (!cache)
        return status;
    ImportService importer(*cache);
    const ImportService::Options options{args.value(QStringLiteral("title")),
                                         args.value(QStringLiteral("source")),
                                         args.value(QStringLiteral("url"))};
    QJsonArray reports;
    int failures = 0;
    QList<qint64> imported;
    for (const QString &path : args.positional()) {
        const ImportService::Report report = importer.importFile(path, options);
        if (!report.error.isEmpty()) {
            ++failures;
            fail(report.error);
            continue;
        }
        imported << report.storyIds;
        if (args.has(QStringLiteral("json"))) {
            QJsonArray ids;
            for (qint64 id : report.storyIds)
                ids << id;
            reports << QJsonObject{{QStringLiteral("path"), path},
                                   {QStringLiteral("kind"), report.kind},
                                   {QStringLiteral("added"), report.added},
                                   {QStringLiteral("updated"), report.updated},
                                   {QStringLiteral("unchanged"), report.unchanged},
                                   {QStringLiteral("story_ids"), ids},
                                   {QStringLiteral("note"), report.note}};
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
    // Related coverage of the new stories, as the refresh's writer works it out, in short
    // transactions: a kill part way leaves the rest waiting for the next writer
    // (CoverageStore::pending).
    if (CoverageIndexer(cache->database().connection()).index(imported) < 0)
        fail(QStringLiteral("related coverage of the imported stories was not stored"));
    if (args.has(QStringLiteral("json")))
        printJson(QJsonObject{{QStringLiteral("imports"), reports}});
    return failures == 0 ? 0 : 1;
}

// The stories a list or a search covers; a --feed or --folder that names nothing is an error.
std::optional<StoryFilter> filterFrom(Cache &cache, const Args &args, QString *error)
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
        .arg(markers(s.read, s.bookmarked, s.hasAdvisory), shortDate(s.published), s.title, s.source);
}

// `list --grouped`: one entry per event, its listed reports newest first.
int printEvents(const QList<EventGroup> &groups, bool json, const QHash<qint64, qint64> &feedAccounts)
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

int cmdList(const QString &cachePath, const Args &args)
{
    int status = 0;
    auto cache = openCache(cachePath, &status);
    if (!cache)
        return status;
    bool ok = true;
    const int limit = args.has(QStringLiteral("limit"))
        ? args.value(QStringLiteral("limit")).toInt(&ok)
        : kDefaultLimit;
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
        return printEvents(groupByEvent(cache->database().connection(), stories), args.has(QStringLiteral("json")),
                           AccountStore(cache->database().connection()).feedAccounts());
    if (args.has(QStringLiteral("json"))) {
        const QHash<qint64, qint64> feedAccounts = AccountStore(cache->database().connection()).feedAccounts();
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

int cmdShow(const QString &cachePath, const Args &args)
{
    const auto id = args.positional().size() == 1 ? storyId(args.positional().first()) : std::nullopt;
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
    for (const RelatedStory &coverage : findRelatedCoverage(cache->database().connection(), *story)) {
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
    QJsonObject object = storyJson(story->summary, AccountStore(cache->database().connection()).feedAccounts());
    object.insert(QStringLiteral("html"), page.html);
    object.insert(QStringLiteral("text"), page.text);
    object.insert(QStringLiteral("author"), story->author.isEmpty() ? QJsonValue() : QJsonValue(story->author));
    object.insert(QStringLiteral("categories"), QJsonArray::fromStringList(story->categories));
    object.insert(QStringLiteral("advisory"),
                  story->advisory ? QJsonValue(advisoryJson(*story->advisory)) : QJsonValue());
    QJsonArray related;
    for (const RelatedStory &r : story->related)
        related << relatedJson(r);
    object.insert(QStringLiteral("related"), related);
    object.insert(QStringLiteral("note"), story->note.isEmpty() ? QJsonValue() : QJsonValue(story->note));
    object.insert(QStringLiteral("blocked_urls"), QJsonArray::fromStringList(page.blockedUrls));
    printJson(object);
    return 0;
}

int cmdBookmark(const QString &cachePath, const Args &args)
{
    const auto id = args.positional().size() == 1 ? storyId(args.positional().first()) : std::nullopt;
    if (!id)
        return fail(QStringLiteral("usage: bulletin bookmark ID [--note TEXT] [--off]"));
    int status = 0;
    auto cache = openCache(cachePath, &status);
    if (!cache)
        return status;
    if (args.has(QStringLiteral("off"))) {
        if (!cache->bookmarks().isBookmarked(*id))
            return fail(QStringLiteral("story %1 is not bookmarked").arg(*id));
        if (!cache->bookmarks().removeForArticle(*id))
            return fail(sql::withReason(QStringLiteral("cannot remove the bookmark of story %1").arg(*id), cache->database().connection()));
        out() << QStringLiteral("bookmark removed from story %1").arg(*id) << Qt::endl;
        return 0;
    }
    if (!cache->articles().summary(*id))
        return fail(QStringLiteral("no story with id %1 in the cache").arg(*id));
    const auto bookmarkId = cache->bookmarks().add(*id, args.value(QStringLiteral("note")));
    if (!bookmarkId)
        return fail(sql::withReason(QStringLiteral("cannot bookmark story %1").arg(*id), cache->database().connection()));
    out() << QStringLiteral("story %1 bookmarked").arg(*id) << Qt::endl;
    return 0;
}

int cmdRead(const QString &cachePath, const Args &args)
{
    const auto id = args.positional().size() == 1 ? storyId(args.positional().first()) : std::nullopt;
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
        return fail(sql::withReason(QStringLiteral("cannot mark story %1").arg(*id), cache->database().connection()));
    out() << QStringLiteral("story %1 marked %2").arg(*id).arg(read ? QStringLiteral("read") : QStringLiteral("unread"))
          << Qt::endl;
    return 0;
}

int cmdBookmarks(const QString &cachePath, const Args &args)
{
    QString error;
    Database::Problem problem = Database::Problem::None;
    const auto cache = Cache::open(cachePath, &error, &problem);
    if (!cache && problem != Database::Problem::Damaged)
        return fail(error);
    QList<BookmarkRecord> bookmarks;
    if (cache) {
        bookmarks = cache->bookmarks().bookmarks();
    } else {
        // A damaged cache still gives what can be read of its bookmarks, and the backup the
        // rest; the one line says where they came from.
        const BookmarkSalvage::Result salvage = BookmarkSalvage::read(cachePath);
        bookmarks = salvage.bookmarks;
        fail(salvage.summary());
        if (bookmarks.isEmpty())
            return 1;
    }
    if (args.has(QStringLiteral("json"))) {
        // A damaged cache is not open: its bookmarks are listed without their stories' accounts.
        std::optional<AccountStore> accounts;
        if (cache)
            accounts.emplace(cache->database().connection());
        QJsonArray array;
        for (const BookmarkRecord &b : bookmarks)
            array << bookmarkJson(b, b.articleId && accounts ? accounts->storyAccount(*b.articleId) : std::nullopt);
        printJson(QJsonObject{{QStringLiteral("bookmarks"), array}});
        return 0;
    }
    for (const BookmarkRecord &b : bookmarks) {
        out() << QStringLiteral("%1 %2  %3 \u2014 %4")
                     .arg(b.articleId ? QString::number(*b.articleId) : QStringLiteral("-"), 7)
                     .arg(shortDate(b.published), b.title, b.source)
              << Qt::endl;
        if (!b.note.isEmpty())
            out() << QStringLiteral("         note: ") << b.note << Qt::endl;
    }
    return 0;
}

int cmdSearch(const QString &cachePath, const Args &args)
{
    if (args.positional().isEmpty())
        return fail(QStringLiteral("usage: bulletin search QUERY [--json] [--limit N] [--feed ID]"));
    int status = 0;
    auto cache = openCache(cachePath, &status);
    if (!cache)
        return status;
    const int limit = args.has(QStringLiteral("limit"))
        ? args.value(QStringLiteral("limit")).toInt()
        : kDefaultLimit;
    QString error;
    const std::optional<StoryFilter> filter = filterFrom(*cache, args, &error);
    if (!filter)
        return fail(error);
    const SearchStore search(cache->database().connection());
    const auto results = search.search(args.positional().join(QLatin1Char(' ')), *filter,
                                       qMax(1, limit), &error);
    if (!error.isEmpty())
        return fail(error);
    if (args.has(QStringLiteral("json"))) {
        const QHash<qint64, qint64> feedAccounts = AccountStore(cache->database().connection()).feedAccounts();
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

int cmdAdvisories(const QString &cachePath, const Args &args)
{
    int status = 0;
    auto cache = openCache(cachePath, &status);
    if (!cache)
        return status;
    const AdvisoryStore store(cache->database().connection());
    const auto records = store.advisories(args.has(QStringLiteral("active")));
    if (args.has(QStringLiteral("json"))) {
        QJsonArray array;
        for (const AdvisoryStore::Record &r : records) {
            QJsonObject object = advisoryJson(r.advisory);
            object.insert(QStringLiteral("story_id"), r.storyId);
            object.insert(QStringLiteral("story_title"), r.storyTitle);
            object.insert(QStringLiteral("source"), r.source);
            object.insert(QStringLiteral("dismissed"), r.dismissed);
            array << object;
        }
        printJson(QJsonObject{{QStringLiteral("advisories"), array}});
        return 0;
    }
    for (const AdvisoryStore::Record &r : records) {
        out() << QStringLiteral("%1 [%2%3] %4 \u2014 %5")
                     .arg(r.storyId, 7)
                     .arg(r.advisory.status,
                          r.advisory.severity.isEmpty() ? QString() : QStringLiteral(", ") + r.advisory.severity,
                          r.advisory.headline, r.source)
              << Qt::endl;
    }
    return 0;
}

int cmdAlertSource(const QString &cachePath, const Args &args)
{
    const QStringList &words = args.positional();
    const auto id = words.size() == 2 ? storyId(words.at(0)) : std::nullopt;
    const QString state = words.value(1).toLower();
    if (!id || (state != QLatin1String("on") && state != QLatin1String("off")))
        return fail(QStringLiteral("usage: bulletin alert-source FEED-ID on|off"));
    int status = 0;
    auto cache = openCache(cachePath, &status);
    if (!cache)
        return status;
    const std::optional<FeedRecord> feed = cache->feeds().feed(*id);
    if (!feed)
        return fail(QStringLiteral("no feed with id %1 in the cache").arg(*id));
    const bool on = state == QLatin1String("on");
    if (!cache->feeds().setAlertSource(*id, on))
        return fail(sql::withReason(QStringLiteral("cannot change feed %1").arg(*id), cache->database().connection()));
    out() << (on ? QStringLiteral("feed %1 (%2) is an alert source: each of its stories becomes an advisory")
                 : QStringLiteral("feed %1 (%2) is no longer an alert source"))
                 .arg(*id)
                 .arg(feed->title)
          << Qt::endl;
    out() << QStringLiteral("  (applies when stories are next written; \"bulletin advisory-rules apply\" "
                            "re-evaluates cached stories now)")
          << Qt::endl;
    return 0;
}

QJsonObject advisoryRulesJson(const AdvisoryRules &rules, const QList<FeedRecord> &alertSources)
{
    QJsonArray sources;
    for (const FeedRecord &feed : alertSources)
        sources << QJsonObject{{QStringLiteral("id"), feed.id}, {QStringLiteral("title"), feed.title}};
    return QJsonObject{{QStringLiteral("keywords"), QJsonArray::fromStringList(rules.keywords)},
                       {QStringLiteral("headings"), QJsonArray::fromStringList(rules.headings)},
                       {QStringLiteral("default_headings"), rules.headings == AdvisoryRules::defaultHeadings()},
                       {QStringLiteral("alert_sources"), sources}};
}

// Adds or removes one entry of a list, comparing case-insensitively; false when nothing changed.
bool editList(QStringList &list, const QString &entry, bool add)
{
    const auto same = [&](const QString &e) { return e.compare(entry, Qt::CaseInsensitive) == 0; };
    const bool present = std::any_of(list.cbegin(), list.cend(), same);
    if (add) {
        if (present)
            return false;
        list << entry;
        return true;
    }
    return list.removeIf(same) > 0;
}

int cmdAdvisoryRules(const QString &cachePath, const Args &args)
{
    const QStringList &words = args.positional();
    const QString action = words.value(0);
    const QString entry = words.mid(1).join(QLatin1Char(' ')).simplified();
    static const QStringList editing = {QStringLiteral("add-keyword"), QStringLiteral("remove-keyword"),
                                        QStringLiteral("add-heading"), QStringLiteral("remove-heading")};
    const bool known = action.isEmpty() || editing.contains(action) || action == QLatin1String("reset")
        || action == QLatin1String("apply");
    if (!known || (editing.contains(action) && entry.isEmpty())
        || (!editing.contains(action) && words.size() > 1))
        return fail(QStringLiteral("usage: bulletin advisory-rules [--json] | add-keyword WORD | "
                                   "remove-keyword WORD | add-heading TEXT | remove-heading TEXT | "
                                   "reset | apply [--json]"));
    int status = 0;
    auto cache = openCache(cachePath, &status);
    if (!cache)
        return status;
    AdvisoryRules rules = loadAdvisoryRules(*cache);

    if (action == QLatin1String("apply")) {
        const RuleReapplyReport report = reapplyAdvisoryRules(*cache);
        if (!report.error.isEmpty())
            return fail(report.error);
        if (args.has(QStringLiteral("json"))) {
            printJson(QJsonObject{{QStringLiteral("examined"), report.examined},
                                  {QStringLiteral("added"), report.added},
                                  {QStringLiteral("changed"), report.changed},
                                  {QStringLiteral("removed"), report.removed}});
        } else {
            out() << QStringLiteral("%1 stories without an advisory of their own examined: %2 rule "
                                    "advisories added, %3 changed, %4 removed")
                         .arg(report.examined)
                         .arg(report.added)
                         .arg(report.changed)
                         .arg(report.removed)
                  << Qt::endl;
        }
        return 0;
    }
    if (!action.isEmpty()) {
        bool changed = true;
        if (action == QLatin1String("reset"))
            rules = AdvisoryRules();
        else if (action.endsWith(QLatin1String("keyword")))
            changed = editList(rules.keywords, entry, action.startsWith(QLatin1String("add")));
        else
            changed = editList(rules.headings, entry, action.startsWith(QLatin1String("add")));
        if (!changed) {
            return fail(action.startsWith(QLatin1String("add"))
                            ? QStringLiteral("\"%1\" is already in the list").arg(entry)
                            : QStringLiteral("\"%1\" is not in the list").arg(entry));
        }
        if (!saveAdvisoryRules(*cache, rules))
            return fail(sql::withReason(QStringLiteral("cannot save the advisory rules in the cache"),
                                        cache->database().connection()));
    }

    QList<FeedRecord> alertSources;
    for (const FeedRecord &feed : cache->feeds().feeds()) {
        if (feed.alertSource)
            alertSources << feed;
    }
    if (args.has(QStringLiteral("json"))) {
        printJson(advisoryRulesJson(rules, alertSources));
        return 0;
    }
    out() << QStringLiteral("keywords (title or first paragraph, whole words, any case):") << Qt::endl;
    if (rules.keywords.isEmpty())
        out() << QStringLiteral("  (none)") << Qt::endl;
    for (const QString &keyword : std::as_const(rules.keywords))
        out() << QStringLiteral("  ") << keyword << Qt::endl;
    out() << QStringLiteral("advisory section headings%1:")
                 .arg(rules.headings == AdvisoryRules::defaultHeadings() ? QStringLiteral(" (the defaults)")
                                                                          : QString())
          << Qt::endl;
    if (rules.headings.isEmpty())
        out() << QStringLiteral("  (none: no sections are detected)") << Qt::endl;
    for (const QString &heading : std::as_const(rules.headings))
        out() << QStringLiteral("  ") << heading << Qt::endl;
    out() << QStringLiteral("alert-source feeds:") << Qt::endl;
    if (alertSources.isEmpty())
        out() << QStringLiteral("  (none)") << Qt::endl;
    for (const FeedRecord &feed : std::as_const(alertSources))
        out() << QStringLiteral("  %1 %2").arg(feed.id).arg(feed.title) << Qt::endl;
    return 0;
}

int cmdExportOpml(const QString &cachePath, const Args &args)
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
        return fail(QStringLiteral("cannot write %1: %2; the file there was left as it was").arg(path, error));
    return 0;
}

int cmdCheck(const QString &cachePath, const Args &args)
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

struct Command
{
    const char *name;
    QStringList valueOptions;
    QStringList flags;
    std::function<int(const QString &, const Args &)> run;
};

// Whether the command changes the cache (advisory-rules only with a sub-command).
bool writesToTheCache(const QString &name, const Args &args)
{
    static const QStringList writers = {QStringLiteral("import"), QStringLiteral("bookmark"),
                                        QStringLiteral("alert-source"), QStringLiteral("subscribe"),
                                        QStringLiteral("refresh"), QStringLiteral("read"),
                                        QStringLiteral("account"), QStringLiteral("sync")};
    return writers.contains(name) || (name == QLatin1String("advisory-rules") && !args.positional().isEmpty());
}

const QList<Command> &commands()
{
    static const QList<Command> list = {
        {"parse", {QStringLiteral("charset"), QStringLiteral("url")}, {},
         [](const QString &, const Args &a) { return cmdParse(a); }},
        {"import", {QStringLiteral("title"), QStringLiteral("source"), QStringLiteral("url")},
         {QStringLiteral("json")}, cmdImport},
        {"list", {QStringLiteral("limit"), QStringLiteral("feed"), QStringLiteral("folder")},
         {QStringLiteral("json"), QStringLiteral("unread"), QStringLiteral("bookmarked"),
          QStringLiteral("advisories"), QStringLiteral("grouped")},
         cmdList},
        {"show", {}, {QStringLiteral("json")}, cmdShow},
        {"bookmark", {QStringLiteral("note")}, {QStringLiteral("off")}, cmdBookmark},
        {"bookmarks", {}, {QStringLiteral("json")}, cmdBookmarks},
        {"search", {QStringLiteral("limit"), QStringLiteral("feed"), QStringLiteral("folder")},
         {QStringLiteral("json"), QStringLiteral("unread"), QStringLiteral("bookmarked"),
          QStringLiteral("advisories")},
         cmdSearch},
        {"advisories", {}, {QStringLiteral("json"), QStringLiteral("active")}, cmdAdvisories},
        {"export-opml", {}, {}, cmdExportOpml},
        {"check", {}, {}, cmdCheck},
        {"alert-source", {}, {}, cmdAlertSource},
        {"advisory-rules", {}, {QStringLiteral("json")}, cmdAdvisoryRules},
        {"subscribe", {QStringLiteral("folder"), QStringLiteral("title"), QStringLiteral("pick")},
         {QStringLiteral("json"), QStringLiteral("all")},
         [](const QString &c, const Args &a) {
             return cmdSubscribe(c, {a.positional().size() == 1 ? a.positional().first() : QString(),
                                     a.value(QStringLiteral("folder")), a.value(QStringLiteral("title")),
                                     a.value(QStringLiteral("pick")), a.has(QStringLiteral("all")),
                                     a.has(QStringLiteral("json"))});
         }},
        {"read", {}, {QStringLiteral("off")}, cmdRead},
        {"account", {QStringLiteral("user"), QStringLiteral("folder")},
         {QStringLiteral("password-stdin"), QStringLiteral("json")},
         [](const QString &c, const Args &a) {
             return cmdAccount(c, a.positional(), a.value(QStringLiteral("user")), a.value(QStringLiteral("folder")),
                               a.has(QStringLiteral("password-stdin")), a.has(QStringLiteral("json")));
         }},
        {"accounts", {}, {QStringLiteral("json")},
         [](const QString &c, const Args &a) { return cmdAccounts(c, a.has(QStringLiteral("json"))); }},
        {"sync", {QStringLiteral("account")}, {QStringLiteral("json"), QStringLiteral("update")},
         [](const QString &c, const Args &a) {
             return cmdSync(c, a.value(QStringLiteral("account")), a.has(QStringLiteral("update")),
                            a.has(QStringLiteral("json")));
         }},
        {"refresh", {QStringLiteral("feed")}, {QStringLiteral("json")},
         [](const QString &c, const Args &a) {
             return cmdRefresh(c, a.has(QStringLiteral("json")), a.value(QStringLiteral("feed")));
         }},
    };
    return list;
}

} // namespace

QString usageText()
{
    return QStringLiteral(
        "usage: bulletin [--cache PATH] [--verbose] [COMMAND ARGS...]\n"
        "       bulletin --help | --version\n"
        "  --cache PATH                 use this cache file instead of the default one\n"
        "  --verbose                    log what Bulletin does on standard error\n"
        "  (no command)                 open the window\n"
        "  parse FILE [--url URL]       print the normalised feed as JSON (URL: where it came from)\n"
        "  import FILE... [--title T] [--source NAME] [--url URL] [--json]\n"
        "  list [--json] [--limit N] [--unread] [--feed ID] [--folder ID] [--bookmarked] [--advisories]\n"
        "       [--grouped]             the newest %1 stories unless --limit says otherwise;\n"
        "                               --grouped puts the reports of one event together\n"
        "  show ID [--json]\n"
        "  bookmark ID [--note TEXT] [--off]\n"
        "  bookmarks [--json]\n"
        "  search QUERY [--json] [--limit N] [--feed ID] [--folder ID] [--unread]\n"
        "  advisories [--json] [--active]\n"
        "  alert-source FEED-ID on|off  every story of the feed becomes an advisory\n"
        "  advisory-rules [--json]      show keywords, section headings and alert sources\n"
        "  advisory-rules add-keyword WORD | remove-keyword WORD | add-heading TEXT |\n"
        "                 remove-heading TEXT | reset | apply [--json]\n"
        "  export-opml FILE             write the subscriptions as OPML (- for standard output)\n"
        "  check                        look for damage in the cache; back it up when it is whole\n"
        "  subscribe URL [--folder PATH] [--title T] [--pick N | --all] [--json]\n"
        "                               a page with several feeds: list them, take the Nth or all\n"
        "  refresh [--json] [--feed ID]\n"
        "  read ID [--off]              mark a story read (or unread), of any account\n"
        "  account add ttrss URL --user NAME --password-stdin [--json]\n"
        "  account remove ID            its stories leave the cache, its bookmarks stay\n"
        "  account subscribe ID URL [--folder FOLDER-ID] [--json] | unsubscribe FEED-ID |\n"
        "          move FEED-ID FOLDER-ID      an account's feeds, through its server\n"
        "  accounts [--json]\n"
        "  sync [--account ID] [--update] [--json]   (--update: the server fetches its feeds first)\n")
        .arg(kDefaultLimit);
}

int runCli(const QString &cachePath, const QStringList &arguments)
{
    const QString name = arguments.value(0);
    for (const Command &command : commands()) {
        if (name != QLatin1String(command.name))
            continue;
        const Args args(arguments.mid(1), command.valueOptions);
        if (!args.error().isEmpty())
            return fail(args.error());
        const QStringList unknown = args.unknown(command.valueOptions + command.flags);
        if (!unknown.isEmpty())
            return fail(QStringLiteral("%1: unknown option %2").arg(name, unknown.first()));
        if (writesToTheCache(name, args)) {
            // Said before anything runs, rather than as a failed write half-way through.
            const CacheFile file = CacheFile::inspect(cachePath);
            if (file.state() == CacheFile::State::Present && !file.isWritable())
                return fail(QStringLiteral("the cache %1 is read-only (%2): %3 cannot change it; list, show, "
                                           "search, bookmarks and export-opml still work")
                                .arg(cachePath, file.readOnlyReason(), name));
        }
        return command.run(cachePath, args);
    }
    return fail(QStringLiteral("unknown command \"%1\" (see bulletin --help)").arg(name));
}

} // namespace bulletin
