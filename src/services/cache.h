#pragma once

#include "storage/articlestore.h"
#include "storage/bookmarkstore.h"
#include "storage/database.h"
#include "storage/feedstore.h"

#include <QString>

#include <memory>

namespace bulletin {

// An open cache with its stores, for one thread. The composition root (main.cpp) opens one
// for the GUI thread; a worker thread opens its own on the same file.
class Cache final
{
public:
    // Opens the file; on failure returns nullptr, sets *error and, when asked, *problem
    // (Database::problem(): whether the file is damaged, another program's, ...).
    static std::unique_ptr<Cache> open(const QString &path, QString *error, Database::Problem *problem = nullptr);

    Database &database() { return m_database; }
    FeedStore &feeds() { return m_feeds; }
    ArticleStore &articles() { return m_articles; }
    BookmarkStore &bookmarks() { return m_bookmarks; }

    QString meta(const QString &key) const;
    bool setMeta(const QString &key, const QString &value);

private:
    Cache();

    Database m_database;
    FeedStore m_feeds;
    ArticleStore m_articles;
    BookmarkStore m_bookmarks;
};

} // namespace bulletin
