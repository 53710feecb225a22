#include "services/integritycheck.h"

#include "storage/cache.h"
#include "storage/cachebackup.h"
#include "storage/sqlutil.h"
#include "storage/storagelog.h"

#include <QDateTime>
#include <QFileInfo>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace bulletin {

namespace {

constexpr qint64 kCheckEverySeconds = 7 * 24 * 3600;
constexpr qint64 kBackUpEverySeconds = 24 * 3600;
// quick_check's first lines say enough; a badly damaged file can give thousands.
constexpr int kProblemLines = 3;

const QString kSessionKey = QStringLiteral("session");
const QString kCheckedKey = QStringLiteral("integrity_checked");

} // namespace

// What the destructor needs to stop a check in progress from the GUI thread.
struct IntegrityCheck::Interrupt
{
    QMutex mutex;
    sqlite3 *handle = nullptr; // set while the worker's connection is open
    bool stop = false;
};

IntegrityCheck::IntegrityCheck(QString cachePath, QObject *parent)
    : QObject(parent)
    , m_path(std::move(cachePath))
    , m_interrupt(std::make_shared<Interrupt>())
{
}

IntegrityCheck::~IntegrityCheck()
{
    if (!m_thread)
        return;
    {
        const QMutexLocker lock(&m_interrupt->mutex);
        m_interrupt->stop = true;
        if (m_interrupt->handle)
            sql::interrupt(m_interrupt->handle);
    }
    m_thread->wait();
    delete m_thread;
}

void IntegrityCheck::start()
{
    if (isRunning())
        return;
    delete m_thread;
    m_thread = QThread::create([this, path = m_path, interrupt = m_interrupt] {
        const Result result = run(path, true, interrupt.get());
        if (!result.problem.isEmpty() || result.whole)
            QMetaObject::invokeMethod(
                this, [this, result] { emit finished(result); }, Qt::QueuedConnection);
    });
    m_thread->start(QThread::LowPriority);
}

bool IntegrityCheck::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

IntegrityCheck::Result IntegrityCheck::run(const QString &cachePath, bool backUp)
{
    Interrupt interrupt;
    return run(cachePath, backUp, &interrupt);
}

IntegrityCheck::Result IntegrityCheck::run(const QString &cachePath, bool backUp,
                                           Interrupt *interrupt)
{
    Result result;
    QString error;
    std::unique_ptr<Cache> cache = Cache::open(cachePath, &error);
    if (!cache) {
        result.problem = error;
        return result;
    }
    QSqlDatabase db = cache->database().connection();
    {
        const QMutexLocker lock(&interrupt->mutex);
        if (interrupt->stop)
            return {};
        interrupt->handle = sql::nativeHandle(db);
    }
    QStringList problems;
    bool interrupted = false;
    {
        QSqlQuery check(db);
        check.setForwardOnly(true);
        if (!check.exec(QStringLiteral("PRAGMA quick_check(%1)").arg(kProblemLines))) {
            interrupted = interrupt->stop;
            problems << sql::failureWords(check.lastError().nativeErrorCode().toInt());
        }
        while (check.next()) {
            const QString line = check.value(0).toString();
            if (line == QLatin1String("ok"))
                continue;
            // A line can name its database on a line of its own ("*** in database main ***"):
            // the problem is said on one line, as every error is.
            QStringList parts = line.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            parts.removeIf(
                [](const QString &part) { return part.startsWith(QLatin1String("***")); });
            problems << parts.join(QLatin1Char(' ')).simplified();
        }
    }
    {
        const QMutexLocker lock(&interrupt->mutex);
        interrupt->handle = nullptr;
        interrupted = interrupted || interrupt->stop;
    }
    if (interrupted)
        return {};
    if (!problems.isEmpty()) {
        const QString backup = CacheBackup::newest(cachePath);
        result.problem = QStringLiteral("the cache %1 is damaged: %2%3")
                             .arg(cachePath, problems.join(QStringLiteral("; ")),
                                  backup.isEmpty()
                                      ? QStringLiteral("; there is no backup of it")
                                      : QStringLiteral("; the newest backup is %1").arg(backup));
        return result;
    }
    result.whole = true;
    if (cache->database().isReadOnly())
        return result;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    cache->setMeta(kCheckedKey, QString::number(now));
    if (!backUp)
        return result;
    const int schema = cache->database().schemaVersion();
    const QString backup = CacheBackup::pathFor(cachePath, schema);
    const QFileInfo previous(backup);
    if (previous.exists() && previous.lastModified().toSecsSinceEpoch() > now - kBackUpEverySeconds)
        return result;
    if (CacheBackup::make(db, cachePath, schema, &error))
        result.backup = backup;
    else
        qCWarning(lcStorage) << "cannot back up the cache:" << error;
    return result;
}

bool IntegrityCheck::isDue(const Cache &cache)
{
    if (cache.meta(kSessionKey) == QLatin1String("open"))
        return true;
    const qint64 checked = cache.meta(kCheckedKey).toLongLong();
    return checked < QDateTime::currentSecsSinceEpoch() - kCheckEverySeconds;
}

void IntegrityCheck::sessionStarted(Cache &cache)
{
    cache.setMeta(kSessionKey, QStringLiteral("open"));
}

void IntegrityCheck::sessionEnded(Cache &cache)
{
    cache.setMeta(kSessionKey, QStringLiteral("closed"));
}

} // namespace bulletin
