#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <atomic>
#include <memory>

namespace bulletin::test {
class TestHttpServer;
}

namespace bench {

// Generated RSS feeds served over HTTP/1.1 on 127.0.0.1 (by the loopback server of the test
// suite, on its own thread). Every feed has a fixed ETag and Last-Modified and answers 304
// Not Modified to a request whose If-None-Match holds the ETag (or, without If-None-Match,
// whose If-Modified-Since is the Last-Modified date).
class FeedServer
{
public:
    FeedServer(int feeds, int itemsPerFeed);
    ~FeedServer();

    bool start();
    QStringList urls() const;
    qint64 totalBytes() const;

    struct Counts
    {
        int full = 0; // 200 with a body
        int notModified = 0; // 304
    };
    Counts counts() const { return {m_stats->full.load(), m_stats->notModified.load()}; }
    void resetCounts();

private:
    struct Stats
    {
        std::atomic<int> full{0};
        std::atomic<int> notModified{0};
    };
    std::unique_ptr<bulletin::test::TestHttpServer> m_server;
    std::shared_ptr<Stats> m_stats;
    QList<QByteArray> m_bodies;
};

// An RSS 2.0 document of `items` items with ~`itemBytes` of HTML each.
QByteArray generateRss(int feedNumber, int items, int itemBytes, quint64 seed);

} // namespace bench
