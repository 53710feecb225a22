#pragma once

#include "core/article.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace bulletin {

// Advisories across all sources: CAP alerts, article sections and user rules. This header
// is the whole public API of the advisories table for reading and dismissing them (they
// are written with their story by ArticleStore::upsert).
// Not thread-safe: use it on the thread that opened its connection.
class AdvisoryStore final
{
public:
    struct Record
    {
        qint64 storyId = 0;
        QString storyTitle;
        QString source;
        Advisory advisory;
        bool dismissed = false;
    };

    explicit AdvisoryStore(QSqlDatabase db);

    // Active ones first (most severe, then soonest to expire), then expired, superseded and
    // cancelled ones, newest first.
    QList<Record> advisories(bool activeOnly) const;
    // The order of advisories(false) from only the columns it needs: each advisory's story
    // and its status as shown ("expired" for an active one past its expiry), a page at a
    // time for the Advisories view, which reads its stories a page at a time.
    // `after` is the key of the last placement of the previous page (none for the first);
    // `nowMs` (milliseconds since the epoch) decides which advisories have expired, the same
    // for every page of a view. Ordered by SQLite on the advisories' own columns, a page
    // costs a pass over the advisories (~10,000 at 1,000,000 stories) but no full sort.
    struct OrderKey
    {
        int group = -1; // 0 active, 1 the rest
        qint64 severity = 0; // minus severityRank for an active one, else 0
        qint64 expires = 0; // an active one's expiry in seconds (none: the largest), else 0
        qint64 date = 0; // minus when it took effect, or else its story's date
        qint64 id = 0; // minus the advisory's id
    };
    struct Placement
    {
        qint64 storyId = 0;
        QString status;
        OrderKey key; // where it stands in the order
    };
    QList<Placement> orderPage(const OrderKey &after, int limit, qint64 nowMs) const;
    // The whole order at once.
    QList<Placement> order() const;
    // The most severe active advisory the user has not dismissed, for the window banner.
    std::optional<Record> mostSevereActive() const;
    bool setDismissed(qint64 storyId, bool dismissed);

    // For re-applying the user's rules to stories already cached: every story that has no
    // advisory of its own (no CAP or section advisory; it may have a rule one), with what a
    // rule looks at. Headline-only stories are left out.
    struct RuleCandidate
    {
        qint64 storyId = 0;
        qint64 feedId = 0;
        QString title;
        QString text;
        QDateTime published;
        std::optional<Advisory> ruleAdvisory; // headline, text, severity and issuer only
    };
    QList<RuleCandidate> ruleCandidates() const;
    // Replaces the story's rule advisory (origin "rule") with the given one, or removes it
    // when nullopt. An unchanged advisory is left as it is (keeping its dismissal). Never
    // touches a CAP or section advisory: returns false if the story has one.
    bool setRuleAdvisory(qint64 storyId, const std::optional<Advisory> &advisory);

    static int severityRank(const QString &severity); // Extreme 4 .. Unknown/empty 0

private:
    // What advisories() orders by, worked out once per advisory.
    struct RecordKey
    {
        bool active = false;
        int severity = 0;
        qint64 expires = 0; // seconds since the epoch; the largest value when none
    };
    static RecordKey recordKey(const QString &shownStatus, const QString &severity,
                               const QDateTime &expires);
    // The order of the Advisories view over advisories already newest first (a stable
    // sort): active ones first, the most severe first, then those with an expiry, soonest
    // first.
    static bool comesBefore(const RecordKey &a, const RecordKey &b);

    QSqlDatabase m_db;
};

} // namespace bulletin
