#include "storage/cachebackup.h"

#include "storage/cachefile.h"
#include "storage/storagelog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>

namespace bulletin {

namespace {

// SQLite's files beside a database: its write-ahead log, its shared memory and its
// rollback journal.
const QStringList &companions()
{
    static const QStringList suffixes = {QStringLiteral("-wal"), QStringLiteral("-shm"),
                                         QStringLiteral("-journal")};
    return suffixes;
}

} // namespace

QString CacheBackup::pathFor(const QString &cachePath, int schema)
{
    return QStringLiteral("%1.backup-v%2").arg(cachePath).arg(schema);
}

QString CacheBackup::newest(const QString &cachePath)
{
    const QFileInfo cache(cachePath);
    const QFileInfoList candidates = cache.dir().entryInfoList(
        {cache.fileName() + QStringLiteral(".backup-v*")}, QDir::Files, QDir::Time);
    for (const QFileInfo &candidate : candidates) {
        bool number = false;
        candidate.fileName().mid(cache.fileName().size() + 9).toInt(&number);
        if (number && CacheFile::inspect(candidate.filePath()).state() == CacheFile::State::Present)
            return candidate.filePath();
    }
    return {};
}

bool CacheBackup::make(const QSqlDatabase &db, const QString &cachePath, int schema, QString *error)
{
    const QString backup = pathFor(cachePath, schema);
    const QString building
        = QStringLiteral("%1.new-%2").arg(backup).arg(QCoreApplication::applicationPid());
    QFile::remove(building);
    QSqlQuery vacuum(db);
    if (!vacuum.prepare(QStringLiteral("VACUUM INTO ?"))) {
        *error = vacuum.lastError().text();
        return false;
    }
    vacuum.addBindValue(building);
    const bool copied = vacuum.exec();
    vacuum.finish();
    if (!copied) {
        *error = vacuum.lastError().databaseText();
        QFile::remove(building);
        return false;
    }
    // rename(2) replaces the old backup in one step; QFile::rename would not overwrite it.
    if (::rename(QFile::encodeName(building).constData(), QFile::encodeName(backup).constData())
        != 0) {
        *error = QStringLiteral("cannot rename %1 to %2").arg(building, backup);
        QFile::remove(building);
        return false;
    }
    qCInfo(lcStorage) << "backed up" << cachePath << "to" << backup;
    return true;
}

QString CacheBackup::moveAside(const QString &cachePath, QString *error)
{
    const QString aside
        = QStringLiteral("%1.damaged-%2")
              .arg(cachePath,
                   QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    if (QFile::exists(aside) || !QFile::rename(cachePath, aside)) {
        *error = QStringLiteral("cannot rename %1 to %2").arg(cachePath, aside);
        return {};
    }
    for (const QString &suffix : companions()) {
        if (QFile::exists(cachePath + suffix) && !QFile::rename(cachePath + suffix, aside + suffix))
            qCWarning(lcStorage) << "cannot move" << cachePath + suffix << "aside";
    }
    qCInfo(lcStorage) << "moved the damaged cache" << cachePath << "to" << aside;
    return aside;
}

bool CacheBackup::restore(const QString &backup, const QString &cachePath, QString *movedTo,
                          QString *error)
{
    movedTo->clear();
    // The copy is made first, so that a failed copy (a full disk) leaves everything as it was.
    const QString building
        = QStringLiteral("%1.new-%2").arg(cachePath).arg(QCoreApplication::applicationPid());
    QFile::remove(building);
    if (!QFile::copy(backup, building)) {
        QFile::remove(building);
        *error = QStringLiteral("cannot copy %1 (is the disk full?)").arg(backup);
        return false;
    }
    if (QFileInfo::exists(cachePath)) {
        *movedTo = moveAside(cachePath, error);
        if (movedTo->isEmpty()) {
            QFile::remove(building);
            return false;
        }
    }
    if (!QFile::rename(building, cachePath)) {
        *error = QStringLiteral("cannot rename %1 to %2").arg(building, cachePath);
        return false;
    }
    return true;
}

} // namespace bulletin
