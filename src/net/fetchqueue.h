#pragma once

#include "net/fetchrequest.h"
#include "net/fetchresult.h"

#include <QHash>
#include <QList>
#include <QObject>

class QNetworkAccessManager;

namespace bulletin {

class FeedFetcher;

// Schedules many feed fetches politely: at most maxConcurrent at once overall and at most
// maxPerHost at once to any one host, first come first served otherwise.
//
// Guarantees: every request enqueue() accepts ends in exactly one fetchFinished (cancelled
// ones too), never from inside enqueue(); a cookie is queued or running at most once, so
// asking twice to refresh a feed fetches it once. progressChanged counts the current batch:
// it starts with the first enqueue after the queue was idle and ends with allFinished.
//
// Owns its FeedFetcher (configure timeouts and limits through fetcher()); lives on the
// thread of the QNetworkAccessManager, which must outlive it.
class FetchQueue final : public QObject
{
    Q_OBJECT

public:
    explicit FetchQueue(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~FetchQueue() override;

    FeedFetcher *fetcher() const { return m_fetcher; }

    void setMaxConcurrent(int fetches);
    int maxConcurrent() const { return m_maxConcurrent; }
    void setMaxPerHost(int fetches);
    int maxPerHost() const { return m_maxPerHost; }

    // False (and nothing queued) when a fetch with this cookie is already queued or running.
    bool enqueue(const FetchRequest &request);
    void cancel(int cookie);
    void cancelAll();

    int pendingCount() const { return int(m_pending.size()); }
    int runningCount() const { return int(m_running.size()); }
    bool isIdle() const { return m_pending.isEmpty() && m_running.isEmpty(); }

signals:
    void fetchStarted(int cookie);
    void fetchFinished(const bulletin::FetchResult &result);
    void progressChanged(int done, int total);
    void allFinished();

private:
    void startReady();
    void onFetchFinished(const FetchResult &result);
    void countFinished();

    struct Pending
    {
        FetchRequest request;
        QString host; // host key, worked out once: startReady() looks at every pending fetch
    };

    FeedFetcher *m_fetcher;
    QList<Pending> m_pending;
    QHash<int, QString> m_running; // cookie -> host key
    QHash<QString, int> m_perHost; // host key -> running fetches
    int m_maxConcurrent = 6;
    int m_maxPerHost = 2;
    int m_done = 0;
    int m_total = 0;
};

} // namespace bulletin
