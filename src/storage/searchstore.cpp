#include "storage/searchstore.h"

#include "storage/sqlutil.h"
#include "storage/summaryrow.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace bulletin {

namespace {

struct Term
{
    QString text;
    bool phrase = false;
    bool prefix = false;
    bool excluded = false;
};

// Splits a query into terms: "quoted phrases", -excluded, prefix*, plain words. Anything
// FTS5 would read as syntax (AND, NEAR, column filters, parentheses) is quoted away.
QList<Term> parseTerms(const QString &query)
{
    QList<Term> terms;
    static const QRegularExpression token(QStringLiteral("(-?)\"([^\"]*)\"?|(-?)([^\\s\"]+)"));
    auto it = token.globalMatch(query);
    while (it.hasNext()) {
        const auto m = it.next();
        Term term;
        if (m.capturedLength(2) > 0 || m.captured(0).contains(QLatin1Char('"'))) {
            term.excluded = !m.captured(1).isEmpty();
            term.text = m.captured(2).simplified();
            term.phrase = true;
        } else {
            term.excluded = !m.captured(3).isEmpty();
            term.text = m.captured(4);
            term.prefix = term.text.endsWith(QLatin1Char('*'));
            while (term.text.endsWith(QLatin1Char('*')))
                term.text.chop(1);
        }
        // Keep letters, digits and inner punctuation only; FTS5's tokenizer splits the rest.
        QString cleaned;
        for (const QChar c : std::as_const(term.text))
            cleaned += (c.isLetterOrNumber() || c == QLatin1Char(' ')) ? c : QLatin1Char(' ');
        term.text = cleaned.simplified();
        if (!term.text.isEmpty())
            terms << term;
    }
    return terms;
}

QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

SearchStore::SearchStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QString SearchStore::ftsExpression(const QString &query)
{
    QStringList positive;
    QStringList negative;
    for (const Term &term : parseTerms(query)) {
        QString expression = quoted(term.text);
        if (term.prefix)
            expression += QLatin1Char('*');
        (term.excluded ? negative : positive) << expression;
    }
    if (positive.isEmpty())
        return {};
    QString expression = positive.join(QLatin1Char(' '));
    for (const QString &n : std::as_const(negative))
        expression = QStringLiteral("(%1) NOT %2").arg(expression, n);
    return expression;
}

QStringList SearchStore::highlightTerms(const QString &query)
{
    QStringList words;
    for (const Term &term : parseTerms(query)) {
        if (!term.excluded)
            words << term.text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    return words;
}

QList<SearchStore::Result> SearchStore::search(const QString &query, const StoryFilter &scope,
                                               int limit, QString *error) const
{
    QList<Result> results;
    const QString expression = ftsExpression(query);
    if (expression.isEmpty()) {
        if (error)
            *error = QStringLiteral("the search has no word to look for");
        return results;
    }
    QVariantList values{expression};
    QString where;
    switch (scope.kind) {
    case StoryFilter::Kind::Feed:
        where = QStringLiteral("AND a.feed_id = ?");
        values << scope.id;
        break;
    case StoryFilter::Kind::Folder:
        where = QStringLiteral(
            "AND a.feed_id IN (SELECT id FROM feeds WHERE folder_id IN ("
            "WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT f.id FROM folders f "
            "JOIN sub ON f.parent_id = sub.id) SELECT id FROM sub))");
        values << scope.id;
        break;
    case StoryFilter::Kind::Unread:
        where = QStringLiteral("AND a.id IN (SELECT id FROM unread_articles)");
        break;
    case StoryFilter::Kind::Bookmarked:
        where = QStringLiteral("AND a.id IN (SELECT article_id FROM bookmarks WHERE article_id IS NOT NULL)");
        break;
    case StoryFilter::Kind::Advisories:
        where = QStringLiteral("AND a.id IN (SELECT article_id FROM advisories)");
        break;
    case StoryFilter::Kind::All:
        break;
    }
    values << limit << expression;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // Title matches weigh ten times text matches; newer stories (higher ids) win ties.
    // The best matches are picked from the index alone, and only they are read and given a
    // snippet: two common words match thousands of stories, and reading each one's row and
    // text to sort them took most of a search's time.
    const QString scopeFilter = where.isEmpty()
        ? QString()
        : QStringLiteral("AND +articles_fts.rowid IN (SELECT a.id FROM articles a WHERE 1 %1) ").arg(where);
    if (!sql::run(q,
                  QStringLiteral(
                      "WITH best(id, score) AS MATERIALIZED ("
                      "SELECT articles_fts.rowid, bm25(articles_fts, 10.0, 1.0) FROM articles_fts "
                      "WHERE articles_fts MATCH ? %2"
                      "ORDER BY 2, articles_fts.rowid DESC LIMIT ?) "
                      "SELECT %1, snippet(articles_fts, 1, '[', ']', '\u2026', 14), best.score "
                      "FROM best JOIN articles_fts ON articles_fts.rowid = best.id "
                      "JOIN articles a ON a.id = best.id JOIN feeds f ON f.id = a.feed_id "
                      "WHERE articles_fts MATCH ? "
                      "ORDER BY best.score, best.id DESC")
                      .arg(QLatin1String(sql::kSummaryColumns), scopeFilter),
                  values)) {
        if (error)
            *error = QStringLiteral("the search could not run: %1").arg(q.lastError().text());
        return results;
    }
    while (q.next()) {
        Result r;
        r.story = sql::readSummary(q);
        r.snippet = q.value(12).toString();
        r.rank = q.value(13).toDouble();
        results << r;
    }
    return results;
}

namespace {

QString scopeKindName(StoryFilter::Kind kind)
{
    switch (kind) {
    case StoryFilter::Kind::All: return QStringLiteral("all");
    case StoryFilter::Kind::Unread: return QStringLiteral("unread");
    case StoryFilter::Kind::Bookmarked: return QStringLiteral("bookmarks");
    case StoryFilter::Kind::Advisories: return QStringLiteral("advisories");
    case StoryFilter::Kind::Feed: return QStringLiteral("feed");
    case StoryFilter::Kind::Folder: return QStringLiteral("folder");
    }
    return QStringLiteral("all");
}

StoryFilter scopeFrom(const QString &kind, qint64 id)
{
    static const QList<std::pair<QString, StoryFilter::Kind>> kinds = {
        {QStringLiteral("unread"), StoryFilter::Kind::Unread},
        {QStringLiteral("bookmarks"), StoryFilter::Kind::Bookmarked},
        {QStringLiteral("advisories"), StoryFilter::Kind::Advisories},
        {QStringLiteral("feed"), StoryFilter::Kind::Feed},
        {QStringLiteral("folder"), StoryFilter::Kind::Folder}};
    for (const auto &[name, value] : kinds) {
        if (name == kind)
            return StoryFilter{value, id};
    }
    return {};
}

SearchStore::SavedSearch readSaved(const QSqlQuery &q)
{
    SearchStore::SavedSearch s;
    s.id = q.value(0).toLongLong();
    s.name = q.value(1).toString();
    s.query = q.value(2).toString();
    s.scope = scopeFrom(q.value(3).toString(), q.value(4).toLongLong());
    return s;
}

} // namespace

QList<SearchStore::SavedSearch> SearchStore::savedSearches() const
{
    QList<SavedSearch> list;
    QSqlQuery q(m_db);
    if (!sql::run(q, QStringLiteral("SELECT id, name, query, scope_kind, scope_id FROM saved_searches "
                                    "ORDER BY position, id")))
        return list;
    while (q.next())
        list << readSaved(q);
    return list;
}

std::optional<SearchStore::SavedSearch> SearchStore::savedSearch(qint64 id) const
{
    QSqlQuery q(m_db);
    if (sql::run(q, QStringLiteral("SELECT id, name, query, scope_kind, scope_id FROM saved_searches WHERE id = ?"),
                 {id})
        && q.next())
        return readSaved(q);
    return std::nullopt;
}

std::optional<qint64> SearchStore::saveSearch(const QString &name, const QString &query, const StoryFilter &scope)
{
    if (name.trimmed().isEmpty() || ftsExpression(query).isEmpty())
        return std::nullopt;
    QSqlQuery q(m_db);
    if (!sql::run(q,
                  QStringLiteral("INSERT INTO saved_searches(name, query, scope_kind, scope_id, position, created_at) "
                                 "VALUES (?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM saved_searches), ?)"),
                  {name.trimmed(), query.trimmed(), scopeKindName(scope.kind), scope.id,
                   QDateTime::currentSecsSinceEpoch()}))
        return std::nullopt;
    return q.lastInsertId().toLongLong();
}

bool SearchStore::removeSavedSearch(qint64 id)
{
    QSqlQuery q(m_db);
    return sql::run(q, QStringLiteral("DELETE FROM saved_searches WHERE id = ?"), {id}) && q.numRowsAffected() > 0;
}

} // namespace bulletin
