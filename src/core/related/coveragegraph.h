#pragma once

#include <QHash>
#include <QList>

namespace bulletin {

// A link from one story to another that may cover the same event, with its direct score
// (CoverageScorer::links).
struct CoverageLink
{
    qint64 id = 0;
    double score = 0;
};

// Related coverage through shared neighbours, as event-detection work links reports: two
// reports of one event often share few headline words ("Twitter shares plumb new lows" /
// "Here's why ex-Twitter employees couldn't sell today") yet both lie close to the same
// third reports. A candidate's score is its direct score (0 when it is not a direct link)
// plus `weight` x min(query-neighbour, neighbour-candidate) for every neighbour it shares
// with the query, so one weak path never lifts a story on its own, and several do.
//
// Pure and cheap: the caller hands in the query's links and each linked story's own
// links (the best few of each, best first), and applies its own threshold to the result.
QHash<qint64, double> combineNeighbours(qint64 query, const QList<CoverageLink> &direct,
                                        const QHash<qint64, QList<CoverageLink>> &neighbourLinks,
                                        double weight);

} // namespace bulletin
