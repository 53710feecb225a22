#include "services/advisorysettings.h"

#include "storage/advisorystore.h"
#include "storage/cache.h"
#include "storage/database.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace bulletin {

namespace {

std::optional<QStringList> readList(const Cache &cache, const char *key)
{
    const QString stored = cache.meta(QLatin1String(key));
    if (stored.isEmpty())
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(stored.toUtf8());
    if (!document.isArray())
        return std::nullopt;
    QStringList list;
    for (const QJsonValue &value : document.array()) {
        const QString text = value.toString().trimmed();
        if (!text.isEmpty())
            list << text;
    }
    return list;
}

QString writeList(const QStringList &list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

} // namespace

AdvisoryRules loadAdvisoryRules(const Cache &cache)
{
    AdvisoryRules rules;
    rules.keywords = readList(cache, advisorykeys::kKeywords).value_or(QStringList());
    rules.headings
        = readList(cache, advisorykeys::kHeadings).value_or(AdvisoryRules::defaultHeadings());
    return rules;
}

bool saveAdvisoryRules(Cache &cache, const AdvisoryRules &rules)
{
    return cache.setMeta(QLatin1String(advisorykeys::kKeywords), writeList(rules.keywords))
        && cache.setMeta(QLatin1String(advisorykeys::kHeadings), writeList(rules.headings));
}

void applyAdvisoryRules(QList<Article> &articles, const AdvisoryRules &rules, bool alertSourceFeed,
                        const QString &feedTitle)
{
    if (!alertSourceFeed && rules.keywords.isEmpty())
        return;
    for (Article &article : articles) {
        if (!article.advisory)
            article.advisory = applyRules(article, rules, alertSourceFeed, feedTitle);
    }
}

RuleReapplyReport reapplyAdvisoryRules(Cache &cache)
{
    RuleReapplyReport report;
    const AdvisoryRules rules = loadAdvisoryRules(cache);
    QHash<qint64, FeedRecord> feeds;
    for (const FeedRecord &feed : cache.feeds().feedSettingsList())
        feeds.insert(feed.id, feed);

    Transaction transaction(cache.database().connection());
    if (!transaction.isActive()) {
        report.error = QStringLiteral("cannot write to the cache");
        return report;
    }
    AdvisoryStore store(cache.database().connection());
    for (const AdvisoryStore::RuleCandidate &c : store.ruleCandidates()) {
        ++report.examined;
        const FeedRecord feed = feeds.value(c.feedId);
        Article article;
        article.title = c.title;
        article.text = c.text;
        article.published = c.published;
        const std::optional<Advisory> advisory = applyRules(article, rules, feed.alertSource,
                                                            feed.title);
        const auto &old = c.ruleAdvisory;
        if (!advisory && !old)
            continue;
        if (advisory && old && old->headline == advisory->headline && old->text == advisory->text
            && old->severity == advisory->severity && old->issuer == advisory->issuer)
            continue;
        if (!store.setRuleAdvisory(c.storyId, advisory)) {
            report.error = QStringLiteral("cannot store the advisory of story %1").arg(c.storyId);
            return report; // rolls back
        }
        if (!advisory)
            ++report.removed;
        else if (old)
            ++report.changed;
        else
            ++report.added;
    }
    if (!transaction.commit()) {
        report.error = QStringLiteral("cannot write to the cache");
        return report;
    }
    return report;
}

} // namespace bulletin
