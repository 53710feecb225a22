#pragma once

#include "core/advisory/advisoryrules.h"
#include "core/article.h"
#include "core/feeds/parsedfeed.h"

#include <QList>

namespace bulletin {

// Turns a parsed feed into the stories to store: each item becomes an Article (its body
// sanitised to get the text the reader shows and search indexes, its CAP alert mapped to an
// advisory); a bare CAP <alert> document becomes one story. An item without a CAP alert
// whose text has an advisory section (a block that is one of advisoryHeadings, e.g.
// <h3>Warning</h3>) gets that section as its advisory, taken out of its body (the reader
// shows it in the banner; the text keeps it for search, see takeAdvisorySection). An undated story
// is listed by the latest date the feed gives (Article::listedBy: the document's own date or its
// newest story's), and no later than `lastModified`, when the document came with one (HTTP
// Last-Modified, a file's modification time: a story in a file last changed in 2015 is not
// news of today). User rules are not applied here (see
// applyAdvisoryRules). Used by import and refresh.
// The latest date a feed document gives: its own (ParsedFeed::updated) or its newest
// story's. articlesFromFeed() lists undated stories by it; a caller that converts a feed a
// batch of items at a time puts it in each batch's `updated`.
QDateTime latestFeedDate(const ParsedFeed &feed);

QList<Article> articlesFromFeed(const ParsedFeed &feed, const QDateTime &now,
                                const QStringList &advisoryHeadings
                                = AdvisoryRules::defaultHeadings(),
                                const QDateTime &lastModified = {});

} // namespace bulletin
