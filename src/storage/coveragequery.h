#pragma once

#include "core/related/coveragescorer.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

namespace bulletin {

// The SQL side of related coverage: which stories could cover the same event as a given
// one, and how common headline words are. Reads only, bound parameters only, over the
// headline index of migration 0003 (articles_title_fts and its fts5vocab table).
// Not thread-safe: use it on the thread that opened the connection.
class CoverageQuery final
{
public:
    explicit CoverageQuery(QSqlDatabase db);

    int storyCount() const; // approximately: stories ever stored

    // How many headlines hold each term (surface forms as the index stores them).
    QHash<QString, int> headlineFrequencies(const QStringList &terms) const;

    // Stories whose headlines hold any of the terms, dated within [from, to] (Unix
    // seconds, on the story's sort date), best bm25 first, at most `limit`, without
    // `excludeId`. Text is cut to textChars characters.
    QList<CoverageCandidate> candidates(const QStringList &terms, qint64 excludeId, qint64 from,
                                        qint64 to, int limit, int textChars = 1500) const;

    // One story as a query for related coverage; nullopt when no story has this id.
    std::optional<CoverageCandidate> candidate(qint64 id, int textChars = 1500) const;

private:
    QSqlDatabase m_db;
};

} // namespace bulletin
