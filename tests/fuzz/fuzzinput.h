#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <optional>

namespace bulletin::fuzz {

// What every fuzz target shares: turning libFuzzer's bytes into the input of the code under
// test, and failing loudly when a property the code promises does not hold.

// libFuzzer grows an input a few bytes at a time, so it seldom reaches the sizes where work
// quadratic in the number of items, categories, tags, links or images shows. An input may
// therefore stand for a large one:
//
//     head RS unit RS tail      (RS = 0x1E, the ASCII record separator)
//
// is read as head, then unit repeated until the whole is about `size` bytes, then tail; each
// US (0x1F) in the unit becomes the copy's number, so that the copies differ (distinct
// categories, image URLs, outlines). Any other input is used as it is.
inline constexpr char kRecordSeparator = '\x1E';
inline constexpr char kCopyNumber = '\x1F';
inline constexpr qsizetype kExpandedSize = 1 << 20;

// The expanded input, or nothing when the input is not of that shape.
std::optional<QByteArray> expandedInput(QByteArrayView input, qsizetype size);

// Runs test on the input. An input that stands for a large one (and BULLETIN_FUZZ_EXPAND is
// not 0) is run twice instead: expanded to an eighth of kExpandedSize, then to all of it. The
// second run may take at most kMaxGrowth times the first's CPU time (linear work takes about
// 8 times, quadratic work 64): so quadratic work is a finding on any machine, loaded or not,
// with no time limit to tune. Runs under kMinCheckedSeconds are too short to compare. With
// BULLETIN_FUZZ_GROWTH=0 (as ctest replays the kept inputs: no test asserts a time) only the
// whole expansion runs, and time is not looked at.
inline constexpr double kMaxGrowth = 24;
inline constexpr double kMinCheckedSeconds = 0.25;
void run(const std::uint8_t *data, std::size_t size, void (*test)(const QByteArray &input));

// Stops the run with the property that failed and some detail: libFuzzer reports the abort
// as a finding and keeps the input that caused it.
[[noreturn]] void fail(const char *property, const QString &detail = {});

// check(condition, "what must hold") fails the run unless condition holds.
inline void check(bool condition, const char *property, const QString &detail = {})
{
    if (!condition)
        fail(property, detail);
}

} // namespace bulletin::fuzz
