#include "storage/advisorystore.h"

#include "storage/sqlutil.h"
#include "storage/summaryrow.h"

#include <QDateTime>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

namespace bulletin {

AdvisoryStore::AdvisoryStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

int AdvisoryStore::severityRank(const QString &severity)
{
    const auto is = [&severity](QLatin1String name) {
        return severity.compare(name, Qt::CaseInsensitive) == 0;
    };
    if (is(QLatin1String("extreme")))
        return 4;
    if (is(QLatin1String("severe")))
        return 3;
    if (is(QLatin1String("moderate")))
        return 2;
    if (is(QLatin1String("minor")))
        return 1;
    return 0;
}

namespace {

// The columns a Record is read from, and the reading.
constexpr auto kRecordSelect = "SELECT v.article_id, a.title, f.title, v.dismissed, %1 "
                               "FROM advisories v JOIN articles a ON a.id = v.article_id "
                               "JOIN feeds f ON f.id = a.feed_id ";

AdvisoryStore::Record readRecord(const QSqlQuery &q)
{
    AdvisoryStore::Record r;
    r.storyId = q.value(0).toLongLong();
    r.storyTitle = q.value(1).toString();
    r.source = q.value(2).toString();
    r.dismissed = q.value(3).toBool();
    r.advisory = sql::readAdvisory(q, 4);
    return r;
}

QString recordQuery(const char *tail)
{
    return QString::fromLatin1(kRecordSelect).arg(QLatin1String(sql::kAdvisoryColumns))
        + QLatin1String(tail);
}

} // namespace

QList<AdvisoryStore::Record> AdvisoryStore::advisories(bool activeOnly) const
{
    QList<Record> records;
    QSqlQuery q(m_db);
    if (!sql::run(q, recordQuery("ORDER BY coalesce(v.effective, a.sort_date) DESC, v.id DESC")))
        return records;
    QList<std::pair<OrderKey, Record>> keyed;
    while (q.next()) {
        const Record r = readRecord(q);
        if (activeOnly && r.advisory.status != QLatin1String("active"))
            continue;
        keyed.append({orderKey(r.advisory.status, r.advisory.severity, r.advisory.expires), r});
    }
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto &a, const auto &b) { return comesBefore(a.first, b.first); });
    records.reserve(keyed.size());
    for (auto &[key, record] : keyed)
        records << std::move(record);
    return records;
}

QList<AdvisoryStore::Placement> AdvisoryStore::order() const
{
    // Only the columns the order needs: a record's text, and its story's and feed's rows,
    // are what made reading every advisory slow. Newest first is when an advisory took
    // effect, or else its story's date: the dated ones come from the advisories_order index
    // in that order, the others are read apart and merged in.
    struct Row
    {
        Placement placement;
        OrderKey key;
        qint64 date = 0;
        qint64 id = 0;
    };
    const auto read = [this](const QString &sql, QList<Row> *rows) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!sql::run(q, sql))
            return false;
        while (q.next()) {
            const QDateTime expires = sql::toTime(q.value(3));
            const QString status = sql::shownStatus(q.value(1).toString(), expires);
            rows->append({{q.value(0).toLongLong(), status},
                          orderKey(status, q.value(2).toString(), expires),
                          q.value(4).toLongLong(),
                          q.value(5).toLongLong()});
        }
        return true;
    };
    QList<Row> dated;
    QList<Row> undated;
    if (!read(QStringLiteral(
                  "SELECT v.article_id, v.status, v.severity, v.expires, v.effective, v.id "
                  "FROM advisories v WHERE v.effective IS NOT NULL "
                  "ORDER BY v.effective DESC, v.id DESC"),
              &dated)
        || !read(QStringLiteral(
                     "SELECT v.article_id, v.status, v.severity, v.expires, a.sort_date, v.id "
                     "FROM advisories v JOIN articles a ON a.id = v.article_id "
                     "WHERE v.effective IS NULL ORDER BY a.sort_date DESC, v.id DESC"),
                 &undated))
        return {};
    QList<Row> rows(dated.size() + undated.size());
    std::merge(dated.cbegin(), dated.cend(), undated.cbegin(), undated.cend(), rows.begin(),
               [](const Row &a, const Row &b) {
                   return a.date != b.date ? a.date > b.date : a.id > b.id;
               });
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row &a, const Row &b) { return comesBefore(a.key, b.key); });
    QList<Placement> placements;
    placements.reserve(rows.size());
    for (const Row &row : std::as_const(rows))
        placements << row.placement;
    return placements;
}

AdvisoryStore::OrderKey AdvisoryStore::orderKey(const QString &shownStatus, const QString &severity,
                                                const QDateTime &expires)
{
    return {shownStatus == QLatin1String("active"), severityRank(severity),
            expires.isValid() ? expires.toSecsSinceEpoch() : std::numeric_limits<qint64>::max()};
}

bool AdvisoryStore::comesBefore(const OrderKey &a, const OrderKey &b)
{
    if (a.active != b.active)
        return a.active;
    if (!a.active)
        return false; // the rest stay newest first
    if (a.severity != b.severity)
        return a.severity > b.severity;
    return a.expires < b.expires;
}

std::optional<AdvisoryStore::Record> AdvisoryStore::mostSevereActive() const
{
    // The same order as advisories(true), decided by SQLite over the advisories table alone,
    // so the window's start reads one story row rather than every advisory's.
    QSqlQuery q(m_db);
    if (!sql::run(
            q,
            recordQuery(
                "WHERE v.id = (SELECT id FROM advisories "
                "  WHERE status = 'active' AND dismissed = 0 AND (expires IS NULL OR expires >= ?) "
                "  ORDER BY CASE lower(severity) WHEN 'extreme' THEN 4 WHEN 'severe' THEN 3 "
                "  WHEN 'moderate' THEN 2 WHEN 'minor' THEN 1 ELSE 0 END DESC, "
                "  expires IS NULL, expires, coalesce(effective, 0) DESC, id DESC LIMIT 1)"),
            {QDateTime::currentSecsSinceEpoch()})
        || !q.next())
        return std::nullopt;
    return readRecord(q);
}

bool AdvisoryStore::setDismissed(qint64 storyId, bool dismissed)
{
    QSqlQuery q(m_db);
    return sql::run(q, QStringLiteral("UPDATE advisories SET dismissed = ? WHERE article_id = ?"),
                    {dismissed ? 1 : 0, storyId});
}

QList<AdvisoryStore::RuleCandidate> AdvisoryStore::ruleCandidates() const
{
    QList<RuleCandidate> candidates;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!sql::run(
            q,
            QStringLiteral("SELECT a.id, a.feed_id, a.title, body_text(b.body), "
                           "coalesce(a.published, a.updated), v.origin, v.headline, v.text, "
                           "v.severity, v.issuer "
                           "FROM articles a LEFT JOIN article_bodies b ON b.article_id = a.id "
                           "LEFT JOIN advisories v ON v.article_id = a.id "
                           "WHERE a.headline_only = 0 AND (v.id IS NULL OR v.origin = 'rule') "
                           "ORDER BY a.id")))
        return candidates;
    while (q.next()) {
        RuleCandidate c;
        c.storyId = q.value(0).toLongLong();
        c.feedId = q.value(1).toLongLong();
        c.title = q.value(2).toString();
        c.text = q.value(3).toString();
        c.published = sql::toTime(q.value(4));
        if (!q.value(5).isNull()) {
            Advisory v;
            v.origin = q.value(5).toString();
            v.headline = q.value(6).toString();
            v.text = q.value(7).toString();
            v.severity = q.value(8).toString();
            v.issuer = q.value(9).toString();
            c.ruleAdvisory = v;
        }
        candidates << c;
    }
    return candidates;
}

bool AdvisoryStore::setRuleAdvisory(qint64 storyId, const std::optional<Advisory> &advisory)
{
    QSqlQuery q(m_db);
    if (!sql::run(q,
                  QStringLiteral("SELECT origin, headline, text, severity, issuer FROM advisories "
                                 "WHERE article_id = ?"),
                  {storyId}))
        return false;
    if (q.next()) {
        if (q.value(0).toString() != QLatin1String("rule"))
            return false;
        if (advisory && q.value(1).toString() == advisory->headline
            && q.value(2).toString() == advisory->text
            && q.value(3).toString() == advisory->severity
            && q.value(4).toString() == advisory->issuer)
            return true;
        q.finish();
        if (!sql::run(
                q,
                QStringLiteral("DELETE FROM advisories WHERE article_id = ? AND origin = 'rule'"),
                {storyId}))
            return false;
    }
    if (!advisory)
        return true;
    const Advisory &v = *advisory;
    return sql::run(q,
                    QStringLiteral("INSERT INTO advisories(article_id, origin, headline, text, "
                                   "severity, issuer, effective, status) "
                                   "VALUES (?, 'rule', ?, ?, ?, ?, ?, ?)"),
                    {storyId, sql::nullIfEmpty(v.headline), sql::nullIfEmpty(v.text),
                     sql::nullIfEmpty(v.severity), sql::nullIfEmpty(v.issuer),
                     sql::fromTime(v.effective),
                     v.status.isEmpty() ? QStringLiteral("active") : v.status});
}

} // namespace bulletin
