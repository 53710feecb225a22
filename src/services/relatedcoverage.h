#pragma once

#include "core/related/coveragegraph.h"
#include "core/related/coveragescorer.h"
#include "storage/records.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>

namespace bulletin {

class Cache;

// Other cached stories, from any feed, that report the same news event as `story`: best
// first, at most `limit`, each with kind "coverage", its id, title, link, source, date and
// whether the user has read it.
// Syndicated copies of one headline appear once; copies of the story itself not at all.
// An empty list means nothing in the cache is close enough.
//
// A story's direct links (CoverageScorer::links) and its neighbours' links come from
// coverage_links where CoverageIndexer has stored them, and are worked out on the spot,
// both ways as it would store them (CoverageLinker::linksBothWays), for stories it has not
// reached yet; they are combined through shared neighbours
// (combineNeighbours) and cut at the listing threshold. Reads only; runs on the thread
// that owns the connection: a few milliseconds when the links are stored, tens when
// they are not.
QList<RelatedStory> findRelatedCoverage(QSqlDatabase db, const StoryDetail &story, int limit = 5);
QList<RelatedStory> findRelatedCoverage(Cache &cache, const StoryDetail &story, int limit = 5);

// A story's direct links worked out from the cache: its candidates (the headline index,
// within the time window) scored against it, best first, at most `limit`. For many
// stories in a row, keep one CoverageLinker instead: it reads what they share once.
QList<CoverageLink> findCoverageLinks(QSqlDatabase db, const CoverageCandidate &story, int limit,
                                      const CoverageWeights &weights = {});

} // namespace bulletin
