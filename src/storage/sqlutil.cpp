#include "storage/sqlutil.h"

#include "storage/storagelog.h"

#include <QSqlError>

namespace bulletin::sql {

bool run(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!query.prepare(sql)) {
        qCWarning(lcStorage) << "prepare failed:" << query.lastError().text() << sql;
        return false;
    }
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        qCWarning(lcStorage) << "query failed:" << query.lastError().text() << sql;
        return false;
    }
    return true;
}

} // namespace bulletin::sql
