#pragma once

#include "storage/records.h"

#include <QList>
#include <QSqlDatabase>

namespace bulletin {

// Other cached stories, from any feed, that report the same news event as `story`: best
// first, at most `limit`, each with kind "coverage", its id, title, link, source and date.
// Syndicated copies of one headline appear once; copies of the story itself not at all.
// An empty list means nothing in the cache is close enough. Reads only; runs on the thread
// that owns the connection and takes a few milliseconds on a 100,000-story cache.
QList<RelatedStory> findRelatedCoverage(QSqlDatabase db, const StoryDetail &story, int limit = 5);

} // namespace bulletin
