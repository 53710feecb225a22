#pragma once

#include "core/article.h"
#include "core/feeds/parsedfeed.h"

#include <QList>

namespace bulletin {

// Turns a parsed feed into the stories to store: each item becomes an Article (its body
// sanitised to get the text the reader shows and search indexes, its CAP alert mapped to an
// advisory); a bare CAP <alert> document becomes one story. Used by import and refresh.
QList<Article> articlesFromFeed(const ParsedFeed &feed, const QDateTime &now);

} // namespace bulletin
