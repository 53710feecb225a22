#pragma once

#include "measure.h"

#include <QTimer>

#include <algorithm>

namespace bench {

// The GUI thread's longest stall: the longest gap between the ticks of a 5 ms PreciseTimer
// from start() to stop(), and when it ended. start() again after stop() goes on measuring
// (the gaps between are left out); longestEnd() is then from the latest start().
class StallMeter
{
public:
    StallMeter()
    {
        m_ticker.setTimerType(Qt::PreciseTimer);
        m_ticker.setInterval(5);
        QObject::connect(&m_ticker, &QTimer::timeout, [this] { tick(); });
    }

    void start()
    {
        m_start = m_last = monotonicNs();
        m_ticker.start();
    }
    void stop()
    {
        tick(); // the last gap, up to now
        m_ticker.stop();
    }
    double longest() const { return m_longest; }
    double longestEnd() const { return m_longestEnd; } // ms after start()

private:
    void tick()
    {
        const qint64 now = monotonicNs();
        const double gap = double(now - m_last) / 1e6;
        if (gap > m_longest) {
            m_longest = gap;
            m_longestEnd = double(now - m_start) / 1e6;
        }
        m_last = now;
    }

    QTimer m_ticker;
    qint64 m_start = 0;
    qint64 m_last = 0;
    double m_longest = 0;
    double m_longestEnd = 0;
};

} // namespace bench
