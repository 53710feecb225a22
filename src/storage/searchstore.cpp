#include "storage/searchstore.h"

#include "core/searchquery.h"
#include "storage/sqlutil.h"
#include "storage/summaryrow.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace bulletin {

namespace {

QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

// A term as one FTS5 phrase.
QString phraseExpression(const SearchTerm &term)
{
    QString expression = quoted(term.text);
    if (term.prefix)
        expression += QLatin1Char('*');
    return expression;
}

// The FTS5 expression of a query's terms; empty when none is to be found.
QString expressionOf(const QList<SearchTerm> &terms)
{
    QStringList positive;
    QStringList negative;
    for (const SearchTerm &term : terms)
        (term.excluded ? negative : positive) << phraseExpression(term);
    if (positive.isEmpty())
        return {};
    const QString expression = positive.join(QLatin1Char(' '));
    if (negative.isEmpty())
        return expression;
    // One NOT of all the left-out words: a NOT per word nests a parenthesis per word, and
    // FTS5's parser overflows at a few hundred.
    return QStringLiteral("(%1) NOT (%2)").arg(expression, negative.join(QLatin1String(" OR ")));
}

QString cutSnippet(const QString &text, const SearchMatcher &matcher, int length)
{
    const QList<SearchMatcher::Token> tokens = matcher.tokens(text);
    if (tokens.isEmpty())
        return {};
    const qsizetype count = tokens.size();
    // The window with the most different terms, then the most matched words; the first on
    // ties.
    qsizetype start = 0;
    int bestScore = 0;
    for (qsizetype first = 0; first < count; ++first) {
        if (tokens.at(first).term < 0)
            continue;
        QList<int> seen;
        int score = 0;
        qsizetype last = first;
        for (qsizetype t = first; t < std::min(count, first + length); ++t) {
            const int term = tokens.at(t).term;
            if (term < 0)
                continue;
            score += seen.contains(term) ? 1 : 1000;
            if (!seen.contains(term))
                seen << term;
            last = t;
        }
        if (score > bestScore) {
            bestScore = score;
            // Centre the matches in the window.
            start = first - (length - (last - first + 1)) / 2;
        }
    }
    start = std::clamp<qsizetype>(start, 0, std::max<qsizetype>(0, count - length));
    const qsizetype end = std::min(count, start + length);
    QString out;
    if (start > 0)
        out += QChar(0x2026);
    // Where the window holds the text's start or end, the punctuation there stays.
    qsizetype at = start > 0 ? tokens.at(start).begin : 0;
    for (qsizetype t = start; t < end; ++t) {
        const SearchMatcher::Token &token = tokens.at(t);
        out += QStringView(text).mid(at, token.begin - at);
        const QStringView word = QStringView(text).mid(token.begin, token.end - token.begin);
        if (token.term >= 0) {
            out += QLatin1Char('[');
            out += word;
            out += QLatin1Char(']');
        } else {
            out += word;
        }
        at = token.end;
    }
    if (end < count)
        out += QChar(0x2026);
    else
        out += QStringView(text).mid(at);
    return out;
}

constexpr int kSnippetTokens = 14;

} // namespace

QString SearchStore::snippet(const QString &text, const QString &query)
{
    return cutSnippet(text, SearchMatcher(query), kSnippetTokens);
}

SearchStore::SearchStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QString SearchStore::ftsExpression(const QString &query)
{
    return expressionOf(parseSearchQuery(query));
}

QString SearchStore::snippetOf(qint64 storyId, const QString &query) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!sql::run(q,
                  QStringLiteral("SELECT body_text(body) FROM article_bodies WHERE article_id = ?"),
                  {storyId})
        || !q.next())
        return {};
    return snippet(q.value(0).toString(), query);
}

QList<SearchStore::Result> SearchStore::search(const QString &query, const StoryFilter &scope,
                                               int limit, QString *error, Snippets snippets) const
{
    QList<Result> results;
    const QList<SearchTerm> terms = parseSearchQuery(query);
    const QString expression = expressionOf(terms);
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
    case StoryFilter::Kind::Account:
        where = QStringLiteral("AND a.feed_id IN (SELECT id FROM feeds WHERE account_id = ?)");
        values << scope.id;
        break;
    case StoryFilter::Kind::Unread:
        where = QStringLiteral("AND a.id IN (SELECT id FROM unread_articles)");
        break;
    case StoryFilter::Kind::Bookmarked:
        where = QStringLiteral(
            "AND a.id IN (SELECT article_id FROM bookmarks WHERE article_id IS NOT NULL)");
        break;
    case StoryFilter::Kind::Advisories:
        where = QStringLiteral("AND a.id IN (SELECT article_id FROM advisories)");
        break;
    case StoryFilter::Kind::All:
        break;
    }
    // Title matches weigh ten times text matches; newer stories (higher ids) win ties.
    // The best matches are picked from the index alone, and only they are read and given a
    // snippet: two common words match thousands of stories, and reading each one's row and
    // text to sort them took most of a search's time.
    const QString scopeFilter = where.isEmpty()
        ? QString()
        : QStringLiteral("AND +articles_fts.rowid IN (SELECT a.id FROM articles a WHERE 1 %1) ")
              .arg(where);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    const auto failed = [&] {
        if (error)
            *error = QStringLiteral("the search could not run: %1").arg(q.lastError().text());
        return QList<Result>{};
    };
    // Scoring is bounded to the newest kRankedMatches matches in the scope: bm25 scores
    // every story it is given, and two common words are in most of the cache. Finding where
    // the newest matches begin reads the index's row ids only.
    qint64 firstRanked = 0;
    if (!sql::run(q,
                  QStringLiteral(
                      "SELECT articles_fts.rowid FROM articles_fts WHERE articles_fts MATCH ? %1"
                      "ORDER BY articles_fts.rowid DESC LIMIT 1 OFFSET ?")
                      .arg(scopeFilter),
                  QVariantList(values) << kRankedMatches - 1))
        return failed();
    if (q.next())
        firstRanked = q.value(0).toLongLong();
    q.finish();
    // Each word's rarity, as bm25 weighs it, over the newest kRaritySample stories in the
    // index (read from its table of row sizes, which has a row per indexed story). bm25()
    // counts the stories holding each word over the whole index, for every query: the part
    // of a search that grew with the cache.
    QVariantList rarities;
    if (!sql::run(q,
                  QStringLiteral("SELECT count(*), min(id) FROM "
                                 "(SELECT id FROM articles_fts_docsize ORDER BY id DESC LIMIT ?)"),
                  {kRaritySample})
        || !q.next())
        return failed();
    const double sampled = q.value(0).toDouble();
    const qint64 sampleStart = q.value(1).toLongLong();
    q.finish();
    for (const SearchTerm &term : terms) {
        if (term.excluded)
            continue;
        if (rarities.size() == kRankedWords)
            break;
        if (!sql::run(q,
                      QStringLiteral("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? "
                                     "AND articles_fts.rowid >= ?"),
                      {phraseExpression(term), sampleStart})
            || !q.next())
            return failed();
        // bm25's inverse document frequency, never below a trace (a word in most stories).
        const double holding = q.value(0).toDouble();
        rarities << std::max(1e-6, std::log((sampled - holding + 0.5) / (holding + 0.5)));
        q.finish();
    }
    // The snippets are cut here from each result's text, not by FTS5's snippet(), which
    // runs the query again for every result.
    values << firstRanked << limit;
    const bool cut = snippets == Snippets::Cut;
    const SearchMatcher matcher = cut ? SearchMatcher(terms) : SearchMatcher();
    if (!sql::run(
            q,
            QStringLiteral(
                "WITH best(id, score) AS MATERIALIZED ("
                "SELECT articles_fts.rowid, bulletin_rank(articles_fts, 10.0, 1.0, %5) FROM "
                "articles_fts "
                "WHERE articles_fts MATCH ? %2AND articles_fts.rowid >= ? "
                "ORDER BY 2, articles_fts.rowid DESC LIMIT ?) "
                "SELECT %1, %3, best.score "
                "FROM best JOIN articles a ON a.id = best.id JOIN feeds f ON f.id = a.feed_id "
                "%4"
                "ORDER BY best.score, best.id DESC")
                .arg(QLatin1String(sql::kSummaryColumns), scopeFilter,
                     cut ? QLatin1String("body_text(b.body)") : QLatin1String("NULL"),
                     cut ? QLatin1String("LEFT JOIN article_bodies b ON b.article_id = best.id ")
                         : QLatin1String(),
                     sql::placeholders(rarities.size())),
            rarities + values))
        return failed();
    while (q.next()) {
        Result r;
        r.story = sql::readSummary(q);
        if (cut)
            r.snippet = cutSnippet(q.value(12).toString(), matcher, kSnippetTokens);
        r.rank = q.value(13).toDouble();
        results << r;
    }
    return results;
}

namespace {

QString scopeKindName(StoryFilter::Kind kind)
{
    switch (kind) {
    case StoryFilter::Kind::All:
        return QStringLiteral("all");
    case StoryFilter::Kind::Unread:
        return QStringLiteral("unread");
    case StoryFilter::Kind::Bookmarked:
        return QStringLiteral("bookmarks");
    case StoryFilter::Kind::Advisories:
        return QStringLiteral("advisories");
    case StoryFilter::Kind::Feed:
        return QStringLiteral("feed");
    case StoryFilter::Kind::Folder:
        return QStringLiteral("folder");
    case StoryFilter::Kind::Account:
        return QStringLiteral("account");
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
        {QStringLiteral("folder"), StoryFilter::Kind::Folder},
        {QStringLiteral("account"), StoryFilter::Kind::Account}};
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
    if (!sql::run(q,
                  QStringLiteral("SELECT id, name, query, scope_kind, scope_id FROM saved_searches "
                                 "ORDER BY position, id")))
        return list;
    while (q.next())
        list << readSaved(q);
    return list;
}

std::optional<SearchStore::SavedSearch> SearchStore::savedSearch(qint64 id) const
{
    QSqlQuery q(m_db);
    if (sql::run(
            q,
            QStringLiteral(
                "SELECT id, name, query, scope_kind, scope_id FROM saved_searches WHERE id = ?"),
            {id})
        && q.next())
        return readSaved(q);
    return std::nullopt;
}

std::optional<qint64> SearchStore::saveSearch(const QString &name, const QString &query,
                                              const StoryFilter &scope)
{
    if (name.trimmed().isEmpty() || ftsExpression(query).isEmpty())
        return std::nullopt;
    QSqlQuery q(m_db);
    if (!sql::run(q,
                  QStringLiteral("INSERT INTO saved_searches(name, query, scope_kind, scope_id, "
                                 "position, created_at) "
                                 "VALUES (?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM "
                                 "saved_searches), ?)"),
                  {name.trimmed(), query.trimmed(), scopeKindName(scope.kind), scope.id,
                   QDateTime::currentSecsSinceEpoch()}))
        return std::nullopt;
    return q.lastInsertId().toLongLong();
}

bool SearchStore::removeSavedSearch(qint64 id)
{
    QSqlQuery q(m_db);
    return sql::run(q, QStringLiteral("DELETE FROM saved_searches WHERE id = ?"), {id})
        && q.numRowsAffected() > 0;
}

} // namespace bulletin
