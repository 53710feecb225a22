#include "app/cliadvisories.h"

#include "app/cliargs.h"
#include "app/clicache.h"
#include "app/clijson.h"
#include "app/clioutput.h"
#include "services/advisorysettings.h"
#include "storage/advisorystore.h"
#include "storage/cache.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>

namespace bulletin {

namespace {

QJsonObject advisoryRulesJson(const AdvisoryRules &rules, const QList<FeedRecord> &alertSources)
{
    QJsonArray sources;
    for (const FeedRecord &feed : alertSources)
        sources << QJsonObject{{QStringLiteral("id"), feed.id},
                               {QStringLiteral("title"), feed.title}};
    return QJsonObject{
        {QStringLiteral("keywords"), QJsonArray::fromStringList(rules.keywords)},
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

} // namespace

int cmdAdvisories(const QString &cachePath, const CliArgs &args)
{
    int status = 0;
    auto cache = openCache(cachePath, &status);
    if (!cache)
        return status;
    const AdvisoryStore &store = cache->advisories();
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
                          r.advisory.severity.isEmpty()
                              ? QString()
                              : QStringLiteral(", ") + r.advisory.severity,
                          r.advisory.headline, r.source)
              << Qt::endl;
    }
    return 0;
}

int cmdAlertSource(const QString &cachePath, const CliArgs &args)
{
    const QStringList &words = args.positional();
    const auto parsed = words.size() == 2 ? positiveId(words.at(0)) : std::nullopt;
    const QString state = words.value(1).toLower();
    if (!parsed || (state != QLatin1String("on") && state != QLatin1String("off")))
        return fail(QStringLiteral("usage: bulletin alert-source FEED-ID on|off"));
    const qint64 id = *parsed;
    int status = 0;
    auto cache = openCache(cachePath, &status);
    if (!cache)
        return status;
    const std::optional<FeedRecord> feed = cache->feeds().feed(id);
    if (!feed)
        return fail(QStringLiteral("no feed with id %1 in the cache").arg(id));
    const bool on = state == QLatin1String("on");
    if (!cache->feeds().setAlertSource(id, on))
        return fail(cache->withReason(QStringLiteral("cannot change feed %1").arg(id)));
    out() << (on ? QStringLiteral(
                  "feed %1 (%2) is an alert source: each of its stories becomes an advisory")
                 : QStringLiteral("feed %1 (%2) is no longer an alert source"))
                 .arg(id)
                 .arg(feed->title)
          << Qt::endl;
    out() << QStringLiteral(
        "  (applies when stories are next written; \"bulletin advisory-rules apply\" "
        "re-evaluates cached stories now)")
          << Qt::endl;
    return 0;
}

int cmdAdvisoryRules(const QString &cachePath, const CliArgs &args)
{
    const QStringList &words = args.positional();
    const QString action = words.value(0);
    const QString entry = words.mid(1).join(QLatin1Char(' ')).simplified();
    static const QStringList editing = {
        QStringLiteral("add-keyword"), QStringLiteral("remove-keyword"),
        QStringLiteral("add-heading"), QStringLiteral("remove-heading")};
    const bool known = action.isEmpty() || editing.contains(action)
        || action == QLatin1String("reset") || action == QLatin1String("apply");
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
            return fail(
                cache->withReason(QStringLiteral("cannot save the advisory rules in the cache")));
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
    out() << QStringLiteral("keywords (title or first paragraph, whole words, any case):")
          << Qt::endl;
    if (rules.keywords.isEmpty())
        out() << QStringLiteral("  (none)") << Qt::endl;
    for (const QString &keyword : std::as_const(rules.keywords))
        out() << QStringLiteral("  ") << keyword << Qt::endl;
    out() << QStringLiteral("advisory section headings%1:")
                 .arg(rules.headings == AdvisoryRules::defaultHeadings()
                          ? QStringLiteral(" (the defaults)")
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

} // namespace bulletin
