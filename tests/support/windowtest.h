#pragma once

#include "core/article.h"
#include "core/html/htmlsanitizer.h"
#include "services/cache.h"

#include <QDateTime>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace bulletin::test {

// The pieces window tests share. Header-only; the test links the window's libraries.

// A new cache file for the running test function and row of data, in the test's folder, so
// that no test sees another's stories.
inline std::unique_ptr<Cache> openTestCache(const QTemporaryDir &dir, QString *error)
{
    const QString name = QStringLiteral("%1-%2.sqlite")
                             .arg(QLatin1String(QTest::currentTestFunction()))
                             .arg(qHash(QByteArray(QTest::currentDataTag())));
    return Cache::open(dir.filePath(name), error);
}

// Empty preferences in the test's folder (what a previous test wrote is gone).
inline std::unique_ptr<QSettings> freshSettings(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("settings.ini"));
    QFile::remove(path);
    return std::make_unique<QSettings>(path, QSettings::IniFormat);
}

// Stores a story in a feed as the feed and import paths store it (its text from the
// sanitised HTML), published minutesAgo; returns its id.
inline qint64 addStory(Cache &cache, qint64 feed, const QString &title, const QString &html, int minutesAgo)
{
    Article article;
    article.guid = title;
    article.title = title;
    article.link = QStringLiteral("https://news.example/%1").arg(qHash(title));
    article.published = QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
    article.html = html;
    article.text = sanitizeHtml(html).text;
    return cache.articles().upsert(feed, article).id;
}

} // namespace bulletin::test
