#include "fuzzinput.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace bulletin::fuzz {

namespace {

double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

bool expansionWanted()
{
    static const bool wanted = qEnvironmentVariable("BULLETIN_FUZZ_EXPAND") != u"0";
    return wanted;
}

bool growthChecked()
{
    static const bool checked = qEnvironmentVariable("BULLETIN_FUZZ_GROWTH") != u"0";
    return checked;
}

} // namespace

std::optional<QByteArray> expandedInput(QByteArrayView input, qsizetype size)
{
    const qsizetype first = input.indexOf(kRecordSeparator);
    const qsizetype second = first < 0 ? -1 : input.indexOf(kRecordSeparator, first + 1);
    if (second < 0 || second == first + 1 || input.indexOf(kRecordSeparator, second + 1) >= 0)
        return std::nullopt;
    const QByteArrayView head = input.first(first);
    const QByteArrayView unit = input.sliced(first + 1, second - first - 1);
    const QByteArrayView tail = input.sliced(second + 1);
    QByteArray out;
    out.reserve(size + unit.size() + 16);
    out += head;
    const qsizetype end = size - tail.size();
    for (qsizetype copy = 0; out.size() < end; ++copy) {
        const QByteArray number = QByteArray::number(copy);
        for (const char c : unit) {
            if (c == kCopyNumber)
                out += number;
            else
                out += c;
        }
    }
    out += tail;
    return out;
}

void run(const std::uint8_t *data, std::size_t size, void (*test)(const QByteArray &input))
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const std::optional<QByteArray> small = expansionWanted()
        ? expandedInput(input, kExpandedSize / 8)
        : std::nullopt;
    if (!small) {
        test(input.toByteArray());
        return;
    }
    if (!growthChecked()) {
        test(*expandedInput(input, kExpandedSize));
        return;
    }
    double started = threadCpuSeconds();
    test(*small);
    const double smallSeconds = threadCpuSeconds() - started;
    const QByteArray large = *expandedInput(input, kExpandedSize);
    started = threadCpuSeconds();
    test(large);
    const double largeSeconds = threadCpuSeconds() - started;
    if (largeSeconds >= kMinCheckedSeconds && largeSeconds > kMaxGrowth * smallSeconds)
        fail("work grows in proportion to the input, not faster",
             QStringLiteral("%1 bytes took %2 s of CPU time, %3 bytes %4 s (%5 times)")
                 .arg(small->size())
                 .arg(smallSeconds, 0, 'f', 3)
                 .arg(large.size())
                 .arg(largeSeconds, 0, 'f', 3)
                 .arg(largeSeconds / std::max(smallSeconds, 1e-9), 0, 'f', 1));
}

void fail(const char *property, const QString &detail)
{
    std::fprintf(stderr, "\n*** property violated: %s\n", property);
    if (!detail.isEmpty())
        std::fprintf(stderr, "*** %s\n", detail.left(2000).toLocal8Bit().constData());
    std::fflush(stderr);
    std::abort();
}

} // namespace bulletin::fuzz
