#pragma once

#include <QList>
#include <QPair>
#include <QSqlQuery>
#include <QString>

// For the tests of an upgrade: what takes a cache made by the latest schema back to an
// earlier one, shared by the test files that need it.

// Takes a cache back from schema 18 to 17: no count of unread stories with an advisory, and
// the unread counts' triggers as schema 17 made them.
inline bool undoAdvisoryCounts(QSqlQuery &q)
{
    for (const char *sql :
         {"DROP TRIGGER feed_unread_advisory_insert", "DROP TRIGGER feed_unread_advisory_delete",
          "DROP TRIGGER feed_unread_insert", "DROP TRIGGER feed_unread_delete",
          "ALTER TABLE feed_unread DROP COLUMN advisories",
          "CREATE TRIGGER feed_unread_insert AFTER INSERT ON unread_articles BEGIN "
          "INSERT INTO feed_unread(feed_id, unread) VALUES (new.feed_id, 1) "
          "ON CONFLICT(feed_id) DO UPDATE SET unread = unread + 1; END",
          "CREATE TRIGGER feed_unread_delete AFTER DELETE ON unread_articles BEGIN "
          "UPDATE feed_unread SET unread = unread - 1 WHERE feed_id = old.feed_id; END"}) {
        if (!q.exec(QLatin1String(sql))) {
            qWarning("cannot undo schema 18: %s", sql);
            return false;
        }
    }
    return true;
}

// Takes a cache back from schema 17 to 16: feeds' unread stories counted each time, no table
// of counts nor its triggers, no index of the banner's order, and the read marks' sync triggers
// as schema 13 made them.
inline bool undoUnreadCounts(QSqlQuery &q)
{
    for (const char *sql :
         {"DROP TRIGGER feed_unread_insert", "DROP TRIGGER feed_unread_delete",
          "DROP TABLE feed_unread", "DROP INDEX advisories_banner",
          "DROP TRIGGER sync_pending_read", "DROP TRIGGER sync_pending_unread",
          "CREATE TRIGGER sync_pending_read AFTER DELETE ON unread_articles "
          "WHEN NOT EXISTS (SELECT 1 FROM sync_applying) "
          "AND EXISTS (SELECT 1 FROM articles a WHERE a.id = old.id) BEGIN "
          "DELETE FROM sync_pending WHERE field = 'read' AND (account_id, remote_id) IN "
          "(SELECT m.account_id, m.remote_id FROM account_articles m WHERE m.article_id = old.id); "
          "INSERT INTO sync_pending(account_id, remote_id, field, value, queued_at) "
          "SELECT m.account_id, m.remote_id, 'read', 1, CAST(strftime('%s', 'now') AS INTEGER) "
          "FROM account_articles m WHERE m.article_id = old.id; END",
          "CREATE TRIGGER sync_pending_unread AFTER INSERT ON unread_articles "
          "WHEN NOT EXISTS (SELECT 1 FROM sync_applying) BEGIN "
          "DELETE FROM sync_pending WHERE field = 'read' AND (account_id, remote_id) IN "
          "(SELECT m.account_id, m.remote_id FROM account_articles m WHERE m.article_id = new.id); "
          "INSERT INTO sync_pending(account_id, remote_id, field, value, queued_at) "
          "SELECT m.account_id, m.remote_id, 'read', 0, CAST(strftime('%s', 'now') AS INTEGER) "
          "FROM account_articles m WHERE m.article_id = new.id; END"}) {
        if (!q.exec(QLatin1String(sql))) {
            qWarning("cannot undo schema 17: %s", sql);
            return false;
        }
    }
    return true;
}

// Takes a cache back from schema 16 to 15: no table of stories' enclosures.
inline bool undoEnclosures(QSqlQuery &q)
{
    if (!q.exec(QStringLiteral("DROP TABLE enclosures"))) {
        qWarning("cannot undo schema 16");
        return false;
    }
    return true;
}

// Takes a cache back from schema 15 to 14: story bodies as two TEXT columns, html and
// text, and the search index's view and triggers reading them (whichever triggers the test
// left: each is made again with the old columns in place of body_text()).
inline bool undoCompressedBodies(QSqlQuery &q)
{
    QList<QPair<QString, QString>> dependents; // name, SQL
    if (!q.exec(QStringLiteral(
            "SELECT name, sql FROM sqlite_master WHERE type IN ('trigger', 'view') "
            "AND (sql LIKE '%article_bodies%' OR sql LIKE '%body_text(%') ORDER BY type DESC")))
        return false;
    while (q.next())
        dependents.append({q.value(0).toString(), q.value(1).toString()});
    for (const auto &[name, sql] : std::as_const(dependents)) {
        const QString kind = sql.startsWith(QLatin1String("CREATE VIEW"))
            ? QStringLiteral("VIEW")
            : QStringLiteral("TRIGGER");
        if (!q.exec(QStringLiteral("DROP %1 %2").arg(kind, name)))
            return false;
    }
    for (const char *sql :
         {"CREATE TABLE article_bodies_v14 (article_id INTEGER PRIMARY KEY REFERENCES articles(id) "
          "ON DELETE CASCADE, "
          "html TEXT, text TEXT)",
          "INSERT INTO article_bodies_v14 SELECT article_id, body_html(body), body_text(body) FROM "
          "article_bodies",
          "DROP TABLE article_bodies", "ALTER TABLE article_bodies_v14 RENAME TO article_bodies"}) {
        if (!q.exec(QLatin1String(sql))) {
            qWarning("cannot undo schema 15: %s", sql);
            return false;
        }
    }
    for (auto [name, sql] : std::as_const(dependents)) {
        for (const char *part : {"new", "old", "b"})
            sql.replace(QStringLiteral("body_text(%1.body)").arg(QLatin1String(part)),
                        QStringLiteral("%1.text").arg(QLatin1String(part)));
        sql.replace(QStringLiteral("UPDATE OF body ON"), QStringLiteral("UPDATE OF text ON"));
        if (!q.exec(sql)) {
            qWarning("cannot undo schema 15: %s", qPrintable(sql));
            return false;
        }
    }
    return true;
}
