#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QThread;

namespace bulletin {

class Cache;

// Looks for damage inside the cache's pages, which opening it does not look for (it reads
// the header and the list of tables only): a disk error or another program can leave a
// story's page full of garbage in a cache that opens. SQLite's quick_check reads every
// page, a few seconds for a large cache, so the check runs on a thread of its own with its
// own connection. When the cache is whole and writable, it then refreshes the backup if
// that is more than a day old (CacheBackup::make): the backup is only ever a copy of a
// cache that passed the check.
//
// When: the window runs it after an unclean shutdown (the previous session did not
// reach sessionEnded()) and once a week (isDue()); `bulletin check` runs it on demand.
//
// finished() arrives on the thread that called start(). Destroying the check interrupts
// it (sqlite3_interrupt) and waits for its thread; finished() does not arrive then.
class IntegrityCheck final : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        bool whole = false;
        QString problem; // one line naming the file and the damage; empty when whole
        QString backup; // the backup written after a clean check, if one was
    };

    explicit IntegrityCheck(QString cachePath, QObject *parent = nullptr);
    ~IntegrityCheck() override;

    void start();
    bool isRunning() const;

    // The whole check on the calling thread: opens its own connection to the file.
    static Result run(const QString &cachePath, bool backUp);

    // The session marks and the weekly due date, in the cache's meta table.
    static bool isDue(const Cache &cache);
    static void sessionStarted(Cache &cache);
    static void sessionEnded(Cache &cache);

signals:
    void finished(const bulletin::IntegrityCheck::Result &result);

private:
    struct Interrupt;

    static Result run(const QString &cachePath, bool backUp, Interrupt *interrupt);

    QString m_path;
    QThread *m_thread = nullptr;
    std::shared_ptr<Interrupt> m_interrupt;
};

} // namespace bulletin

Q_DECLARE_METATYPE(bulletin::IntegrityCheck::Result)
