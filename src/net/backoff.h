#pragma once

#include <QDateTime>

#include <chrono>
#include <optional>

namespace bulletin {

// How long a failing feed is left alone. Defaults suit feeds: a first failure waits a few
// minutes, a dead feed ends up tried once a day, and no server can pin us for over a week.
struct BackoffPolicy
{
    std::chrono::seconds initial = std::chrono::minutes(5);
    std::chrono::seconds maximum = std::chrono::hours(24);
    double multiplier = 2.0;
    // Retry-After is honoured up to this far ahead; beyond it the server is not believed.
    std::chrono::seconds maxRetryAfter = std::chrono::hours(24 * 7);
    // Up to this fraction of the delay is added, spread by jitterSeed, so feeds that failed
    // together (one host down) are not retried together. 0 keeps results exact.
    double jitter = 0.0;
};

// The earliest time to try again after consecutiveFailures failures in a row (0 = no
// failure: now). Exponential: initial * multiplier^(failures-1), capped at maximum, and
// never earlier than retryAfter (itself capped at maxRetryAfter). jitterSeed (e.g. the feed
// id) makes the jitter deterministic. Pure: same inputs, same answer.
QDateTime nextRetryTime(int consecutiveFailures, const QDateTime &now,
                        const std::optional<QDateTime> &retryAfter = std::nullopt,
                        const BackoffPolicy &policy = {}, quint32 jitterSeed = 0);

} // namespace bulletin
