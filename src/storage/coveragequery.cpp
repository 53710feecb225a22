#include "storage/coveragequery.h"

#include "storage/sqlutil.h"

#include <QSqlQuery>

namespace bulletin {

namespace {

// The columns a CoverageCandidate is read from, in readCandidate's order.
const QString kCandidateColumns = QStringLiteral(
    "a.id, a.feed_id, a.title, substr(body_text(b.body), 1, ?), a.categories, "
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

// Bound ids per IN list: well below SQLite's limit on bound parameters (32766 on Debian
// 12's 3.40), and a candidate list is at most a few hundred.
constexpr int kIdsPerStatement = 500;

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

CoverageQuery::CoverageQuery(QSqlDatabase db)
    : m_db(db)
    , m_statements(std::make_unique<sql::StatementCache>(std::move(db)))
{
}

CoverageQuery::~CoverageQuery() = default;

int CoverageQuery::storyCount() const
{
    // The largest id stands in for count(*), which reads the whole table (~15 ms at 100k
    // stories under load): idf only needs the order of magnitude.
    const sql::CachedRead q(*m_statements,
                            QStringLiteral("SELECT coalesce(max(id), 0) FROM articles"));
    return q && q->next() ? q->value(0).toInt() : 0;
}

QHash<QString, int> CoverageQuery::headlineFrequencies(const QStringList &terms) const
{
    // One term a statement, prepared once: the lists differ in length from story to story,
    // and fts5vocab looks an IN list up one term at a time anyway.
    QHash<QString, int> out;
    for (const QString &term : terms) {
        const sql::CachedRead q(
            *m_statements, QStringLiteral("SELECT doc FROM articles_title_vocab WHERE term = ?"),
            {term});
        if (q && q->next())
            out.insert(term, q->value(0).toInt());
    }
    return out;
}

QList<qint64> CoverageQuery::candidateIds(const QStringList &terms, qint64 excludeId, qint64 from,
                                          qint64 to, int limit) const
{
    QList<qint64> out;
    if (terms.isEmpty() || limit <= 0)
        return out;
    // FTS5 walks a term's whole doclist unless told a rowid range, and in a big cache the
    // event words of today's story also sit in years of older headlines. Ids grow as
    // stories arrive, so the ids of the stories in the date window bound the walk; the
    // date test below still decides.
    qint64 firstId = 0;
    qint64 lastId = 0;
    {
        const sql::CachedRead range(*m_statements,
                                    QStringLiteral("SELECT min(id), max(id) FROM articles "
                                                   "WHERE sort_date BETWEEN ? AND ?"),
                                    {from, to});
        if (!range || !range->next() || range->value(0).isNull())
            return out;
        firstId = range->value(0).toLongLong();
        lastId = range->value(1).toLongLong();
    }
    // Ids only: SQLite works out every selected column of every match before it sorts
    // them, and a headline word common in the window (on a feed of near-identical titles,
    // every headline) matched thousands of stories, each of whose text was read to keep
    // 200. The text of the best is read afterwards (candidatesById), and only once for the
    // stories a batch shares.
    const sql::CachedRead q(*m_statements,
                            QStringLiteral("SELECT a.id FROM articles_title_fts "
                                           "JOIN articles a ON a.id = articles_title_fts.rowid "
                                           "WHERE articles_title_fts MATCH ? "
                                           "AND articles_title_fts.rowid BETWEEN ? AND ? "
                                           "AND a.id <> ? AND a.sort_date BETWEEN ? AND ? "
                                           "ORDER BY bm25(articles_title_fts) LIMIT ?"),
                            {matchExpression(terms), firstId, lastId, excludeId, from, to, limit});
    if (!q)
        return out;
    while (q->next())
        out.append(q->value(0).toLongLong());
    return out;
}

QList<CoverageCandidate> CoverageQuery::candidatesById(const QList<qint64> &ids,
                                                       int textChars) const
{
    QList<CoverageCandidate> out;
    out.reserve(ids.size());
    for (qsizetype start = 0; start < ids.size(); start += kIdsPerStatement) {
        const QList<qint64> batch = ids.mid(start, kIdsPerStatement);
        QVariantList values = sql::idValues(batch);
        values.prepend(textChars);
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!sql::run(q,
                      QStringLiteral(
                          "SELECT %1 FROM articles a "
                          "LEFT JOIN article_bodies b ON b.article_id = a.id WHERE a.id IN (%2)")
                          .arg(kCandidateColumns, sql::placeholders(batch.size())),
                      values))
            continue;
        while (q.next())
            out.append(readCandidate(q));
    }
    return out;
}

std::optional<CoverageCandidate> CoverageQuery::candidate(qint64 id, int textChars) const
{
    const QList<CoverageCandidate> found = candidatesById({id}, textChars);
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

} // namespace bulletin
