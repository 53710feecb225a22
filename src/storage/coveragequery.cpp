#include "storage/coveragequery.h"

#include "storage/sqlutil.h"

#include <QSqlQuery>

namespace bulletin {

namespace {

// The columns a CoverageCandidate is read from, in readCandidate's order.
const QString kCandidateColumns = QStringLiteral(
    "a.id, a.feed_id, a.title, substr(b.text, 1, ?), a.categories, "
    "coalesce(a.published, a.sort_date)");

CoverageCandidate readCandidate(const QSqlQuery &q)
{
    CoverageCandidate c;
    c.id = q.value(0).toLongLong();
    c.feedId = q.value(1).toLongLong();
    c.title = q.value(2).toString();
    c.text = q.value(3).toString();
    const QString categories = q.value(4).toString();
    if (!categories.isEmpty())
        c.categories = categories.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    c.published = sql::toTime(q.value(5));
    return c;
}

// SQLite's default limit on bound parameters is 32766 on Debian 12's 3.40, but smaller
// batches keep each statement cheap to prepare.
constexpr int kTermsPerStatement = 200;

// An FTS5 query that ORs the terms as phrases. Terms come from our own tokenizer (letters
// and digits only), and quoting each one makes FTS5 read keywords such as "OR", "NOT" or
// "NEAR" as words; the query string is itself a bound value.
QString matchExpression(const QStringList &terms)
{
    QStringList phrases;
    for (const QString &t : terms) {
        QString quoted = t;
        quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
        phrases.append(QLatin1Char('"') + quoted + QLatin1Char('"'));
    }
    return phrases.join(QLatin1String(" OR "));
}

} // namespace

CoverageQuery::CoverageQuery(QSqlDatabase db) : m_db(std::move(db)) {}

int CoverageQuery::storyCount() const
{
    QSqlQuery q(m_db);
    // The largest id stands in for count(*), which reads the whole table (~15 ms at 100k
    // stories under load): idf only needs the order of magnitude.
    if (sql::run(q, QStringLiteral("SELECT coalesce(max(id), 0) FROM articles")) && q.next())
        return q.value(0).toInt();
    return 0;
}

QHash<QString, int> CoverageQuery::headlineFrequencies(const QStringList &terms) const
{
    QHash<QString, int> out;
    for (qsizetype start = 0; start < terms.size(); start += kTermsPerStatement) {
        const QStringList batch = terms.mid(start, kTermsPerStatement);
        QVariantList values;
        for (const QString &t : batch)
            values.append(t);
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!sql::run(q,
                      QStringLiteral("SELECT term, doc FROM articles_title_vocab WHERE term IN (%1)")
                          .arg(sql::placeholders(batch.size())),
                      values))
            continue;
        while (q.next())
            out.insert(q.value(0).toString(), q.value(1).toInt());
    }
    return out;
}

QList<CoverageCandidate> CoverageQuery::candidates(const QStringList &terms, qint64 excludeId,
                                                   qint64 from, qint64 to, int limit,
                                                   int textChars) const
{
    QList<CoverageCandidate> out;
    if (terms.isEmpty() || limit <= 0)
        return out;
    // FTS5 walks a term's whole doclist unless told a rowid range, and in a big cache the
    // event words of today's story also sit in years of older headlines. Ids grow as
    // stories arrive, so the ids of the stories in the date window bound the walk; the
    // date test below still decides.
    QSqlQuery range(m_db);
    if (!sql::run(range,
                  QStringLiteral("SELECT min(id), max(id) FROM articles "
                                 "WHERE sort_date BETWEEN ? AND ?"),
                  {from, to})
        || !range.next() || range.value(0).isNull())
        return out;
    const qint64 firstId = range.value(0).toLongLong();
    const qint64 lastId = range.value(1).toLongLong();

    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    const bool ok = sql::run(
        q,
        QStringLiteral("SELECT %1 FROM articles_title_fts "
                       "JOIN articles a ON a.id = articles_title_fts.rowid "
                       "LEFT JOIN article_bodies b ON b.article_id = a.id "
                       "WHERE articles_title_fts MATCH ? AND articles_title_fts.rowid BETWEEN ? AND ? "
                       "AND a.id <> ? "
                       "AND a.sort_date BETWEEN ? AND ? "
                       "ORDER BY bm25(articles_title_fts) LIMIT ?")
            .arg(kCandidateColumns),
        {textChars, matchExpression(terms), firstId, lastId, excludeId, from, to, limit});
    if (!ok)
        return out;
    while (q.next())
        out.append(readCandidate(q));
    return out;
}

std::optional<CoverageCandidate> CoverageQuery::candidate(qint64 id, int textChars) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!sql::run(q,
                  QStringLiteral("SELECT %1 FROM articles a "
                                 "LEFT JOIN article_bodies b ON b.article_id = a.id WHERE a.id = ?")
                      .arg(kCandidateColumns),
                  {textChars, id})
        || !q.next())
        return std::nullopt;
    return readCandidate(q);
}

} // namespace bulletin
