#pragma once

#include "storage/records.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace bulletin {

// Full-text search over the FTS5 index of titles and the text the reader shows.
// Query syntax: words (all must match), "a phrase", prefix*, -excluded. Results are ranked
// by bm25 (a title match weighs more than a text match), newer first on ties, with each
// word's rarity taken from the newest kRaritySample stories in the index. When more than
// kRankedMatches stories match, the ranking is over the newest kRankedMatches of them (by
// the order they were stored): older matches are left out. A query of any length runs; in a
// query of more than kRankedWords words, the first kRankedWords weigh in the ranking.
// Not thread-safe: use it on the thread that opened its connection.
class SearchStore final
{
public:
    struct Result
    {
        StorySummary story;
        QString snippet; // text around the match, matched words between [ and ]
        double rank = 0; // bm25: lower is better
    };

    // A search the user keeps in the sidebar.
    struct SavedSearch
    {
        qint64 id = 0;
        QString name;
        QString query;
        StoryFilter scope; // Kind::All for everywhere
    };

    // How many of the newest matches a search ranks.
    static constexpr int kRankedMatches = 2000;
    // Over how many of the newest stories a word's rarity is counted.
    static constexpr int kRaritySample = 20000;
    // How many of a query's words weigh in its ranking (SQLite gives a function at most 127
    // arguments, and each word's weight is one); the words after them must match all the same.
    static constexpr int kRankedWords = 120;

    explicit SearchStore(QSqlDatabase db);

    QList<SavedSearch> savedSearches() const; // in the order they were saved
    std::optional<SavedSearch> savedSearch(qint64 id) const;
    std::optional<qint64> saveSearch(const QString &name, const QString &query,
                                     const StoryFilter &scope);
    bool removeSavedSearch(qint64 id);

    // Whether search() cuts each result's snippet, or leaves it empty for snippetOf() to cut
    // when it is shown: reading the results' texts was half of a search's time from disk.
    enum class Snippets { Cut, OnRequest };

    // On a query that has nothing to look for, returns no results and sets *error.
    QList<Result> search(const QString &query, const StoryFilter &scope, int limit,
                         QString *error = nullptr, Snippets snippets = Snippets::Cut) const;
    // The snippet search() cuts for this story and query; empty when the story has no text.
    QString snippetOf(qint64 storyId, const QString &query) const;

    // The FTS5 expression for a user's query; empty when it has no word to look for.
    static QString ftsExpression(const QString &query);
    // The text around the best match of the query's terms in `text`: up to 14 words, the
    // matched ones between [ and ], and an ellipsis where the text goes on. Words match as the
    // index matches them (SearchMatcher): case and diacritics aside, prefix* as a prefix, a
    // phrase's words only where they follow one another.
    static QString snippet(const QString &text, const QString &query);

private:
    QSqlDatabase m_db;
};

} // namespace bulletin
