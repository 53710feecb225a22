#include "services/aboutinfo.h"

#include "storage/cache.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>

#ifndef BULLETIN_VERSION
#error "BULLETIN_VERSION is set by the build"
#endif

namespace bulletin {

namespace {

QString askSqliteVersion(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT sqlite_version()")) && q.next())
        return q.value(0).toString();
    return {};
}

AboutInfo versionsOnly()
{
    AboutInfo info;
    info.version = QStringLiteral(BULLETIN_VERSION);
    info.qtVersion = QString::fromLatin1(qVersion());
    return info;
}

} // namespace

AboutInfo AboutInfo::current()
{
    AboutInfo info = versionsOnly();
    const QString name = QStringLiteral("bulletin-about");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (db.open())
            info.sqliteVersion = askSqliteVersion(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return info;
}

AboutInfo AboutInfo::of(Cache &cache)
{
    AboutInfo info = versionsOnly();
    const Database &database = cache.database();
    if (!database.isOpen())
        return info;
    info.sqliteVersion = askSqliteVersion(database.connection());
    info.cachePath = database.path();
    const QFileInfo file(info.cachePath);
    if (file.exists()) {
        const QFileInfo wal(info.cachePath + QStringLiteral("-wal"));
        info.cacheBytes = file.size() + (wal.exists() ? wal.size() : 0);
    }
    return info;
}

QString AboutInfo::versionLine() const
{
    QString line = QStringLiteral("bulletin %1 (Qt %2").arg(version, qtVersion);
    if (!sqliteVersion.isEmpty())
        line += QStringLiteral(", SQLite %1").arg(sqliteVersion);
    return line + QLatin1Char(')');
}

} // namespace bulletin
