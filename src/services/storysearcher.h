#pragma once

#include "storage/records.h"
#include "storage/searchstore.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>

namespace bulletin {

class SearchWorker;

// The story list's searches, run off the GUI thread: a worker thread with its own connection
// to the cache file runs SearchStore::search (the best `limit` matches, snippets left to be
// cut on request) and found() brings the results back. Over a million stories a two-word
// search takes tens of milliseconds, longer than a frame; the window stays responsive while
// it runs and shows the results when they come. Each find() has a ticket: a search asked
// for while others wait replaces them (typing queues many), and only the newest ticket's
// results come back. Destroying the searcher waits for the search in progress.
class StorySearcher final : public QObject
{
    Q_OBJECT

public:
    explicit StorySearcher(const QString &cachePath, QObject *parent = nullptr);
    ~StorySearcher() override;

    // Searches for `query` within `scope`; returns the ticket found() will carry.
    quint64 find(const QString &query, const StoryFilter &scope, int limit);
    // The newest ticket handed out; results of older ones are never delivered.
    quint64 latest() const { return m_latest->load(); }

signals:
    // The results of the search with this ticket (the newest when it was sent), best first;
    // `ok` is false when the cache could not be read (no results then).
    void found(quint64 ticket, const QList<bulletin::SearchStore::Result> &results, bool ok);

private:
    QThread m_thread;
    std::shared_ptr<std::atomic<quint64>> m_latest;
    SearchWorker *m_worker = nullptr; // lives on m_thread
};

} // namespace bulletin

Q_DECLARE_METATYPE(QList<bulletin::SearchStore::Result>)
