#include "core/related/coveragegraph.h"

#include <algorithm>

namespace bulletin {

QHash<qint64, double> combineNeighbours(qint64 query, const QList<CoverageLink> &direct,
                                        const QHash<qint64, QList<CoverageLink>> &neighbourLinks,
                                        double weight)
{
    QHash<qint64, double> scores;
    for (const CoverageLink &link : direct) {
        if (link.id != query)
            scores[link.id] += link.score;
    }
    for (const CoverageLink &link : direct) {
        const auto second = neighbourLinks.constFind(link.id);
        if (second == neighbourLinks.cend())
            continue;
        for (const CoverageLink &next : *second) {
            if (next.id == query || next.id == link.id)
                continue;
            scores[next.id] += weight * std::min(link.score, next.score);
        }
    }
    return scores;
}

} // namespace bulletin
