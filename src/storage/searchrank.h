#pragma once

#include <QSqlDatabase>

namespace bulletin::sql {

// Registers bulletin_rank() on the connection, an FTS5 ranking function for SearchStore:
//   bulletin_rank(articles_fts, title weight, text weight, idf of phrase 0, idf of phrase 1, ...)
// It scores a row as FTS5's bm25() does (k1 1.2, b 0.75, lower is better), with each
// phrase's inverse document frequency given by the caller. bm25() counts the stories that
// hold each phrase over the whole index for every query, and for common words that count
// was a third of a search's time; the caller works it out from a bounded sample instead.
// A phrase without an idf argument scores nothing. False (logged) when the connection is
// not SQLite's or its SQLite has no FTS5.
bool registerSearchRank(const QSqlDatabase &db);

} // namespace bulletin::sql
