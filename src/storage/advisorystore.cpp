#include "storage/advisorystore.h"

#include "storage/sqlutil.h"
#include "storage/storagelog.h"
#include "storage/summaryrow.h"

#include <QDateTime>
#include <QHash>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

#include <sqlite3.h>

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
    QList<std::pair<RecordKey, Record>> keyed;
    while (q.next()) {
        const Record r = readRecord(q);
        if (activeOnly && r.advisory.status != QLatin1String("active"))
            continue;
        keyed.append({recordKey(r.advisory.status, r.advisory.severity, r.advisory.expires), r});
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
    return orderPage({}, -1, QDateTime::currentMSecsSinceEpoch());
}

QList<AdvisoryStore::Placement> AdvisoryStore::orderPage(const OrderKey &after, int limit,
                                                         qint64 nowMs) const
{
    // The same order as advisories(false), as one ascending key: active ones first, the
    // most severe first, then the soonest to expire (none last); then newest first, by
    // when each took effect or else its story's date. The columns come from the
    // advisories_order index; only the story and the status as shown come back with the
    // key, stepped through the native handle rather than a QVariant at a time.
    QList<Placement> placements;
    sqlite3 *handle = sql::nativeHandle(m_db);
    if (!handle)
        return placements;
    static const char kSql[]
        = "SELECT article_id, shown, g, r, e, d, n FROM ("
          " SELECT article_id, shown, shown <> 'active' AS g,"
          "  CASE WHEN shown = 'active' THEN -(CASE lower(severity) WHEN 'extreme' THEN 4"
          "   WHEN 'severe' THEN 3 WHEN 'moderate' THEN 2 WHEN 'minor' THEN 1 ELSE 0 END)"
          "   ELSE 0 END AS r,"
          "  CASE WHEN shown = 'active' THEN coalesce(expires, 9223372036854775807) ELSE 0 END"
          "   AS e,"
          "  -coalesce(effective, (SELECT a.sort_date FROM articles a WHERE a.id = article_id), 0)"
          "   AS d,"
          "  -id AS n"
          " FROM (SELECT v.id, v.article_id, v.severity, v.expires, v.effective,"
          "  CASE WHEN v.status = 'active' AND v.expires * 1000 < ?1 THEN 'expired'"
          "   ELSE v.status END AS shown"
          "  FROM advisories v))"
          "WHERE (g, r, e, d, n) > (?2, ?3, ?4, ?5, ?6) ORDER BY g, r, e, d, n LIMIT ?7";
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(handle, kSql, -1, &statement, nullptr) != SQLITE_OK) {
        qCWarning(lcStorage) << "reading the advisories' order failed:" << sqlite3_errmsg(handle);
        return placements;
    }
    sqlite3_bind_int64(statement, 1, nowMs);
    sqlite3_bind_int64(statement, 2, after.group);
    sqlite3_bind_int64(statement, 3, after.severity);
    sqlite3_bind_int64(statement, 4, after.expires);
    sqlite3_bind_int64(statement, 5, after.date);
    sqlite3_bind_int64(statement, 6, after.id);
    sqlite3_bind_int64(statement, 7, limit);
    // The few statuses there are, shared rather than one string per row.
    QHash<QByteArray, QString> statuses;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, 1));
        const QByteArray status(text ? text : "", sqlite3_column_bytes(statement, 1));
        auto known = statuses.constFind(status);
        if (known == statuses.cend())
            known = statuses.insert(status, QString::fromUtf8(status));
        placements.append(
            {sqlite3_column_int64(statement, 0),
             *known,
             {int(sqlite3_column_int64(statement, 2)), sqlite3_column_int64(statement, 3),
              sqlite3_column_int64(statement, 4), sqlite3_column_int64(statement, 5),
              sqlite3_column_int64(statement, 6)}});
    }
    if (step != SQLITE_DONE) {
        qCWarning(lcStorage) << "reading the advisories' order failed:" << sqlite3_errmsg(handle);
        placements.clear();
    }
    sqlite3_finalize(statement);
    return placements;
}

AdvisoryStore::RecordKey AdvisoryStore::recordKey(const QString &shownStatus,
                                                  const QString &severity, const QDateTime &expires)
{
    return {shownStatus == QLatin1String("active"), severityRank(severity),
            expires.isValid() ? expires.toSecsSinceEpoch() : std::numeric_limits<qint64>::max()};
}

bool AdvisoryStore::comesBefore(const RecordKey &a, const RecordKey &b)
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
