#pragma once

#include "core/article.h"
#include "storage/database.h"
#include "support/testcache.h"
#include "support/testdata.h"

#include <QSqlQuery>
#include <QTest>

inline bulletin::Article makeArticle(const QString &guid, const QString &title, qint64 secs,
                                     const QString &text = QStringLiteral("body text"))
{
    bulletin::Article a;
    a.guid = guid;
    a.title = title;
    a.link = QStringLiteral("https://example.org/") + guid;
    a.published = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
    a.html = QStringLiteral("<p>") + text + QStringLiteral("</p>");
    a.text = text;
    return a;
}

// The first column of the first row of `sql` on the cache; invalid when it fails.
inline QVariant scalar(bulletin::Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}
