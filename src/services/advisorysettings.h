#pragma once

#include "core/advisory/advisoryrules.h"
#include "core/article.h"

#include <QList>
#include <QString>

namespace bulletin {

class Cache;

// Where the user's advisory rules live: the cache's meta table, as JSON arrays of strings
// under "advisory.keywords" and "advisory.headings". A cache that has never stored headings
// uses the default list; one that stored an empty list detects no sections.
// Each thread reads them through its own Cache (a refresh reads them on the GUI thread as
// each response arrives, and hands them to its parser and writer).
namespace advisorykeys {
inline constexpr char kKeywords[] = "advisory.keywords";
inline constexpr char kHeadings[] = "advisory.headings";
} // namespace advisorykeys

AdvisoryRules loadAdvisoryRules(const Cache &cache);
bool saveAdvisoryRules(Cache &cache, const AdvisoryRules &rules);

// Gives each story without an advisory of its own the one a rule gives it (see applyRules).
void applyAdvisoryRules(QList<Article> &articles, const AdvisoryRules &rules, bool alertSourceFeed,
                        const QString &feedTitle);

// Re-evaluates the rules for the stories already in the cache that have no CAP or section
// advisory: adds rule advisories the rules now give, changes or removes those they no
// longer give. One transaction.
struct RuleReapplyReport
{
    int examined = 0;
    int added = 0;
    int changed = 0;
    int removed = 0;
    QString error;
};
RuleReapplyReport reapplyAdvisoryRules(Cache &cache);

} // namespace bulletin
