#include "net/backoff.h"

#include <algorithm>
#include <cmath>

namespace bulletin {

namespace {

// A well-mixed value in [0, 1) from the seed and the failure count (SplitMix64 finaliser).
double unitFromSeed(quint32 seed, int failures)
{
    quint64 z = (quint64(seed) << 32 | quint32(failures)) + 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    return double(z >> 11) / double(1ULL << 53);
}

} // namespace

QDateTime nextRetryTime(int consecutiveFailures, const QDateTime &now,
                        const std::optional<QDateTime> &retryAfter, const BackoffPolicy &policy,
                        quint32 jitterSeed)
{
    if (consecutiveFailures <= 0)
        return now;

    // In double and capped before converting back, so a feed failing for years cannot
    // overflow the exponent into a negative delay.
    const double initial = double(policy.initial.count());
    const double maximum = double(std::max(policy.maximum, policy.initial).count());
    const double grown = initial
        * std::pow(std::max(1.0, policy.multiplier), consecutiveFailures - 1);
    double delay = std::min(grown, maximum);
    if (policy.jitter > 0)
        delay += delay * std::min(policy.jitter, 1.0)
            * unitFromSeed(jitterSeed, consecutiveFailures);

    QDateTime next = now.addSecs(qint64(std::llround(delay)));
    if (retryAfter && retryAfter->isValid()) {
        const QDateTime latest = now.addSecs(policy.maxRetryAfter.count());
        next = std::max(next, std::min(*retryAfter, latest));
    }
    return next;
}

} // namespace bulletin
