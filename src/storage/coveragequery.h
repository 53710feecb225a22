#pragma once

#include "core/related/coveragescorer.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

#include <memory>
#include <optional>

namespace bulletin {

namespace sql {
class StatementCache;
}

// The SQL side of related coverage: which stories could cover the same event as a given
// one, and how common headline words are. Reads only, bound parameters only, over the
// headline index of migration 0003 (articles_title_fts and its fts5vocab table). The
// statements run for every story are prepared once per CoverageQuery: keep one for a
// batch of stories, and destroy it before the connection closes.
// Not thread-safe: use it on the thread that opened the connection.
class CoverageQuery final
{
public:
    explicit CoverageQuery(QSqlDatabase db);
    ~CoverageQuery();
    CoverageQuery(const CoverageQuery &) = delete;
    CoverageQuery &operator=(const CoverageQuery &) = delete;

    int storyCount() const; // approximately: stories ever stored

    // How many headlines hold each term (surface forms as the index stores them).
    QHash<QString, int> headlineFrequencies(const QStringList &terms) const;

    // The ids of the stories whose headlines hold any of the terms, dated within [from, to]
    // (Unix seconds, on the story's sort date), best bm25 first, at most `limit`, without
    // `excludeId`. Only the index and the dates are read, no story's text.
    QList<qint64> candidateIds(const QStringList &terms, qint64 excludeId, qint64 from, qint64 to,
                               int limit) const;
    // These stories as candidates, in no particular order, their text cut to textChars
    // characters; a deleted story is left out.
    QList<CoverageCandidate> candidatesById(const QList<qint64> &ids, int textChars = 1500) const;

    // One story as a query for related coverage; nullopt when no story has this id.
    std::optional<CoverageCandidate> candidate(qint64 id, int textChars = 1500) const;

private:
    QSqlDatabase m_db;
    std::unique_ptr<sql::StatementCache> m_statements;
};

} // namespace bulletin
