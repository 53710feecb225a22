#pragma once

#include "storage/cache.h"

#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace bulletin::test {

// A new cache file in dir for the running test function and row of data, so that no test sees
// another's stories. Header-only, like the rest of this file: the test links bulletin_storage
// and bulletin_testheaders (or bulletin_testsupport).
inline std::unique_ptr<Cache> openTestCache(const QTemporaryDir &dir, QString *error)
{
    const QString name = QStringLiteral("%1-%2.sqlite")
                             .arg(QLatin1String(QTest::currentTestFunction()))
                             .arg(qHash(QByteArray(QTest::currentDataTag())));
    return Cache::open(dir.filePath(name), error);
}

// The tests' one temporary cache: a real cache over a SQLite file in a temporary folder of
// its own, for the stores' tests and for those of the services, models and windows. open()
// gives the running test function a new file, close() closes it (a test that damages the
// file closes it first), reopen() opens the same file again, and the folder goes with the
// object. Reads like a pointer to the Cache while open.
//
//     test::TemporaryCache m_cache;              // a member, or a local
//     QVERIFY2(m_cache.open(), qPrintable(m_cache.error()));   // in init()
//     m_cache->feeds()...                        // the stores
//     m_cache->database()...                     // the file itself, for a store's test
//     m_cache.close();                           // in cleanup()
class TemporaryCache final
{
public:
    bool open()
    {
        m_cache.reset();
        m_error.clear();
        if (!m_dir.isValid()) {
            m_error = m_dir.errorString();
            return false;
        }
        m_cache = openTestCache(m_dir, &m_error);
        m_path = m_cache ? m_cache->database().path() : QString();
        return m_cache != nullptr;
    }
    bool reopen()
    {
        m_cache.reset();
        m_error.clear();
        m_cache = Cache::open(m_path, &m_error);
        return m_cache != nullptr;
    }
    void close() { m_cache.reset(); }

    // open() where no check can stop the test, as in a member's initialiser: a cache that
    // cannot be opened ends the run with the reason, as a missing data file does.
    Cache &requireOpen()
    {
        if (!m_cache && !open())
            qFatal("cannot open a test cache: %s", qPrintable(m_error));
        return *m_cache;
    }

    bool isOpen() const { return m_cache != nullptr; }
    QString error() const { return m_error; }
    // The cache's file, open or closed since, and a path for another file in the same folder.
    QString path() const { return m_path; }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    Cache *get() const { return m_cache.get(); }
    Cache *operator->() const { return m_cache.get(); }
    Cache &operator*() const { return *m_cache; }

private:
    QTemporaryDir m_dir; // declared first: removed after the cache is closed
    std::unique_ptr<Cache> m_cache;
    QString m_path;
    QString m_error;
};

} // namespace bulletin::test
