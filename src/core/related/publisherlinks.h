#pragma once

#include "core/article.h"

#include <QList>
#include <QString>

namespace bulletin {

// Where a feed item lives: the pages that are the story itself or its feed, and so are never
// one of its related stories.
struct StoryPages
{
    QString link; // the item's link
    QString id; // the item's id (used when it is an http(s) address)
    QString homePage; // the feed's home page
};

// The publisher's related links of a feed item that lead to another story. Left out:
// - the item's own page: its link or id, compared as pages (scheme, "www.", a trailing
//   slash and the fragment do not count), which also drops the sections of that page
//   (USGS lists its event page's #dyfi and #shakemap anchors as related);
// - the feed's home page;
// - a link without a title to the publisher's own site (the home page's host, else the
//   item's): feeds that write one mean the entry's own page. Daring Fireball's linked-list
//   entries link the article they comment on as "alternate" and their own permalink as
//   "related", with no title; shown, it was a bare address under "Related stories".
// The order of the others is kept. Pure function, thread-safe.
QList<RelatedLink> otherStoryLinks(const QList<RelatedLink> &related, const StoryPages &story);

} // namespace bulletin
