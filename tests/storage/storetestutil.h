#pragma once

#include "core/article.h"
#include "storage/database.h"

#include <QTemporaryDir>
#include <QTest>

// A real cache file in a temporary folder, for store tests.
struct TestCache
{
    QTemporaryDir dir;
    bulletin::Database db;

    TestCache()
    {
        QString error;
        if (!db.open(path(), &error))
            qFatal("cannot open test cache: %s", qPrintable(error));
    }
    QString path() const { return dir.filePath(QStringLiteral("cache.sqlite")); }
    bool reopen()
    {
        db.close();
        QString error;
        return db.open(path(), &error);
    }
};

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
