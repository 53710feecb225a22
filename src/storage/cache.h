#pragma once

#include "storage/accountstore.h"
#include "storage/advisorystore.h"
#include "storage/articlestore.h"
#include "storage/bookmarkstore.h"
#include "storage/coveragestore.h"
#include "storage/database.h"
#include "storage/feedstore.h"
#include "storage/retentionstore.h"
#include "storage/searchstore.h"

#include <QString>

#include <memory>

namespace bulletin {

// An open cache with every store on its connection, for one thread. The composition root
// (main.cpp) opens one for the GUI thread; a worker thread opens its own on the same file.
// Code above storage reaches the cache only through these stores, never the connection.
class Cache final
{
public:
    // Opens the file; on failure returns nullptr, sets *error and, when asked, *problem
    // (Database::problem(): whether the file is damaged, another program's, ...).
    static std::unique_ptr<Cache> open(const QString &path, QString *error,
                                       Database::Problem *problem = nullptr);

    Database &database() { return m_database; }
    FeedStore &feeds() { return m_feeds; }
    ArticleStore &articles() { return m_articles; }
    BookmarkStore &bookmarks() { return m_bookmarks; }
    AdvisoryStore &advisories() { return m_advisories; }
    SearchStore &searches() { return m_searches; }
    CoverageStore &coverage() { return m_coverage; }
    AccountStore &accounts() { return m_accounts; }
    RetentionStore &retention() { return m_retention; }

    // What the window and the command line say of the open file.
    QString path() const { return m_database.path(); }
    bool isReadOnly() const { return m_database.isReadOnly(); }
    QString readOnlyReason() const { return m_database.readOnlyReason(); }

    QString meta(const QString &key) const;
    bool setMeta(const QString &key, const QString &value);

    // `message`, then ": " and why the last write failed ("the disk is full", ...) when known
    // (sql::withReason).
    QString withReason(const QString &message) const;

private:
    Cache();

    Database m_database;
    FeedStore m_feeds;
    ArticleStore m_articles;
    BookmarkStore m_bookmarks;
    AdvisoryStore m_advisories;
    SearchStore m_searches;
    CoverageStore m_coverage;
    AccountStore m_accounts;
    RetentionStore m_retention;
};

} // namespace bulletin
