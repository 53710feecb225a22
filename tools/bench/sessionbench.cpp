// The long session: the real MainWindow over a copy of the large cache, with the
// RefreshService it is given in main.cpp, through 50 refreshes of 200 loopback feeds that
// each bring new stories. Whether the process's memory stays flat, the write-ahead log
// stays bounded and the file grows no more than the new stories need.

#include "measure.h"
#include "stallmeter.h"
#include "textgen.h"

#include "gui/mainwindow.h"
#include "services/coveragefinder.h"
#include "services/feedpurger.h"
#include "services/refreshservice.h"
#include "storage/cache.h"
#include "storage/database.h"
#include "storage/feedstore.h"

#include "support/testhttpserver.h"

#include <QApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QSettings>
#include <QSqlQuery>
#include <QTextStream>
#include <QTimer>

#include <memory>

namespace bench {

namespace {

constexpr int kFeeds = 200;
constexpr int kWindow = 50; // items in each feed
constexpr int kNewPerPass = 1; // items each feed gains (and drops) on each pass
constexpr int kPasses = 50;

qint64 vmRssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

qint64 sizeOf(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.size() : 0;
}

// The bytes of the cache's pages in use (the file less its free pages), as the connection
// sees it, write-ahead log included.
qint64 usedBytes(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    qint64 pageSize = 0;
    qint64 pages = 0;
    qint64 free = 0;
    if (q.exec(QStringLiteral("PRAGMA page_size")) && q.next())
        pageSize = q.value(0).toLongLong();
    if (q.exec(QStringLiteral("PRAGMA page_count")) && q.next())
        pages = q.value(0).toLongLong();
    if (q.exec(QStringLiteral("PRAGMA freelist_count")) && q.next())
        free = q.value(0).toLongLong();
    return (pages - free) * pageSize;
}

double mib(qint64 bytes)
{
    return double(bytes) / (1024.0 * 1024.0);
}

// 200 RSS feeds on the test suite's loopback server whose windows of 50 items roll forward:
// each advance() gives every feed kNewPerPass new items (the oldest drop out) and a new
// ETag; a request with the current ETag is answered 304. Only the current windows are kept,
// so the server's memory is the same on every pass.
class RollingFeeds
{
public:
    RollingFeeds()
        : m_state(std::make_shared<State>())
        , m_base(QDateTime::currentDateTimeUtc().addDays(-7))
    {
        m_items.resize(kFeeds);
        for (int f = 0; f < kFeeds; ++f)
            for (int i = 0; i < kWindow; ++i)
                m_items[f].prepend(item(f, i));
        m_next = kWindow;
        publish();
    }

    bool start()
    {
        if (!m_server.listen(QHostAddress::LocalHost))
            return false;
        for (int f = 0; f < kFeeds; ++f) {
            const std::shared_ptr<State> state = m_state;
            m_server.route(QStringLiteral("/session/%1.xml").arg(f),
                           [state, f](const bulletin::test::RecordedRequest &request)
                               -> bulletin::test::TestResponse {
                               QMutexLocker lock(&state->mutex);
                               const QByteArray etag = "\"session-" + QByteArray::number(f) + "-v"
                                   + QByteArray::number(state->version) + "\"";
                               if (request.header("If-None-Match").contains(etag))
                                   return bulletin::test::TestResponse::withStatus(304).withHeader(
                                       "ETag", etag);
                               return bulletin::test::TestResponse::ok(state->bodies.at(f))
                                   .withHeader("ETag", etag)
                                   .withHeader("Content-Type", "application/rss+xml");
                           });
        }
        return true;
    }

    QStringList urls() const
    {
        QStringList list;
        for (int f = 0; f < kFeeds; ++f)
            list << m_server.url(QStringLiteral("/session/%1.xml").arg(f)).toString();
        return list;
    }

    void advance()
    {
        for (int f = 0; f < kFeeds; ++f) {
            for (int i = m_next; i < m_next + kNewPerPass; ++i) {
                m_items[f].prepend(item(f, i));
                m_items[f].removeLast();
            }
        }
        m_next += kNewPerPass;
        publish();
    }

private:
    struct State
    {
        QMutex mutex;
        int version = 0;
        QList<QByteArray> bodies;
    };

    // Item `i` of feed `f` (a larger i is newer): ~3 KB of HTML, as the generated cache's
    // stories, dated half an hour after item i - 1.
    QByteArray item(int f, int i) const
    {
        TextGen g(9000000 + quint64(f) * 100000 + quint64(i));
        QString text;
        const QString html = g.articleHtml(2600 + g.below(900), &text);
        return QStringLiteral("<item>\n<title>%1</title>\n"
                              "<link>http://127.0.0.1/session/%2/story/%3</link>\n"
                              "<guid isPermaLink=\"false\">session-%2-%3</guid>\n"
                              "<pubDate>%4</pubDate>\n<description>%5</description>\n</item>\n")
            .arg(xmlEscape(g.headline()))
            .arg(f)
            .arg(i)
            .arg(rfc822(m_base.addSecs(qint64(i) * 1800 + f)))
            .arg(xmlEscape(html))
            .toUtf8();
    }

    void publish()
    {
        QList<QByteArray> bodies;
        for (int f = 0; f < kFeeds; ++f) {
            QByteArray body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">"
                              "\n<channel>\n<title>Session Source "
                + QByteArray::number(f) + "</title>\n<link>http://127.0.0.1/session/"
                + QByteArray::number(f) + "</link>\n<description>Rolling feed</description>\n";
            for (const QByteArray &i : std::as_const(m_items.at(f)))
                body += i;
            body += "</channel>\n</rss>\n";
            bodies << body;
        }
        QMutexLocker lock(&m_state->mutex);
        m_state->bodies = std::move(bodies);
        ++m_state->version;
    }

    std::shared_ptr<State> m_state;
    bulletin::test::TestHttpServer m_server;
    QList<QList<QByteArray>> m_items; // each feed's window, newest first
    QDateTime m_base;
    int m_next = 0;
};

} // namespace

void measureSession(const Setup &setup, Results &results)
{
    Figure &rssGrowth = results.add(QStringLiteral("session_rss_growth"),
                                    QStringLiteral("long session: VmRSS, pass 50 / pass 10"),
                                    QStringLiteral("x"), Figure::Goal::AtMost, 1.1);
    Figure &rssEnd = results.add(QStringLiteral("session_rss_mib"),
                                 QStringLiteral("long session: VmRSS after pass 50"),
                                 QStringLiteral("MiB"));
    Figure &walMax = results.add(QStringLiteral("session_wal_max_mib"),
                                 QStringLiteral("long session: largest write-ahead log"),
                                 QStringLiteral("MiB"), Figure::Goal::AtMost, 64);
    Figure &walEnd = results.add(
        QStringLiteral("session_wal_idle_mib"),
        QStringLiteral("long session: write-ahead log once the writer is idle, largest"),
        QStringLiteral("MiB"), Figure::Goal::AtMost, 64);
    Figure &growth = results.add(QStringLiteral("session_file_growth"),
                                 QStringLiteral("long session: file growth / new stories' need"),
                                 QStringLiteral("x"), Figure::Goal::AtMost, 1.2);
    Figure &stall = results.add(QStringLiteral("session_gui_stall_ms"),
                                QStringLiteral("long session: longest GUI-thread stall"),
                                QStringLiteral("ms"), Figure::Goal::AtMost, 50);
    Figure &passMs = results.add(QStringLiteral("session_pass_ms"),
                                 QStringLiteral("long session: a pass, writer's work included"),
                                 QStringLiteral("ms"));

    // A copy: the session adds 50,000 stories, which the other parts must not see.
    const QString path = setup.workDir + QStringLiteral("/session.sqlite");
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    out() << "  copying the cache ..." << Qt::endl;
    if (!QFile::copy(setup.cache.path, path)) {
        rssGrowth.note = QStringLiteral("PROBLEM: cannot copy the cache to %1").arg(path);
        return;
    }
    const auto removeCopy = qScopeGuard([&path] {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
    });

    RollingFeeds feeds;
    if (!feeds.start()) {
        rssGrowth.note = QStringLiteral("PROBLEM: cannot listen on 127.0.0.1");
        return;
    }
    QString error;
    std::unique_ptr<bulletin::Cache> cache = bulletin::Cache::open(path, &error);
    if (!cache) {
        rssGrowth.note = QStringLiteral("PROBLEM: cannot open the copy: %1").arg(error);
        return;
    }
    qint64 storiesBefore = 0;
    {
        QSqlQuery q(cache->database().connection());
        // The generated cache's stories wait for their related coverage (a backlog that takes
        // most of an hour at a million stories); in a cache used day to day each story got
        // it as it arrived. Each is given an event of its own here, as though that were
        // done, so that the session's writer works only on the new stories.
        if (!q.exec(QStringLiteral(
                "INSERT INTO coverage_events(story_id, event_id) SELECT a.id, a.id FROM "
                "articles a WHERE NOT EXISTS (SELECT 1 FROM coverage_events e "
                "WHERE e.story_id = a.id)"))) {
            rssGrowth.note = QStringLiteral("PROBLEM: cannot mark the coverage done");
            return;
        }
        cache->database().checkpoint();
        if (q.exec(QStringLiteral("SELECT count(*) FROM articles")) && q.next())
            storiesBefore = q.value(0).toLongLong();
    }
    const qint64 fileBefore = sizeOf(path);
    const qint64 usedBefore = usedBytes(cache->database().connection());
    const double bytesPerStory = double(usedBefore) / double(std::max<qint64>(1, storiesBefore));

    // The window as main.cpp builds it, with the refresh it is given; automatic refresh off,
    // the passes are asked for here.
    const QString settingsPath = setup.workDir + QStringLiteral("/session.ini");
    QFile::remove(settingsPath);
    QSettings settings(settingsPath, QSettings::IniFormat);
    QNetworkAccessManager network;
    bulletin::RefreshService service(*cache, &network);
    bulletin::CoverageFinder coverage(path);
    bulletin::FeedPurger purger(path);
    bulletin::MainWindow window(
        *cache, settings,
        {.refresh = &service, .network = &network, .coverage = &coverage, .purger = &purger});
    service.setAutoRefresh(false);
    window.resize(1280, 800);
    window.show();
    QCoreApplication::processEvents();

    const qint64 folder = cache->feeds().folderForPath({QStringLiteral("Session")});
    const QStringList urls = feeds.urls();
    for (int i = 0; i < urls.size(); ++i)
        cache->feeds().addSubscription(urls.at(i), QStringLiteral("Session Source %1").arg(i),
                                       folder);

    int added = 0;
    int failed = 0;
    QObject::connect(&service, &bulletin::RefreshService::feedRefreshed, &service,
                     [&](qint64, const bulletin::RefreshResult &result) {
                         added += result.added;
                         if (result.status == bulletin::RefreshResult::Status::Error)
                             ++failed;
                     });
    qint64 largestWal = 0;
    QTimer walWatch;
    walWatch.setInterval(20);
    QObject::connect(&walWatch, &QTimer::timeout,
                     [&] { largestWal = std::max(largestWal, sizeOf(path + "-wal")); });
    StallMeter meter;
    int timedOut = 0;

    // One pass: the refresh, then the writer's work after it (indexing, merging, related
    // coverage); the pass ends when the writer is idle.
    const auto runPass = [&]() -> double {
        QEventLoop loop;
        bool finished = false;
        bool merged = false;
        const auto c1 = QObject::connect(&service, &bulletin::RefreshService::refreshFinished,
                                         &loop, [&] { finished = true; });
        const auto c2 = QObject::connect(&service, &bulletin::RefreshService::indexesMerged, &loop,
                                         [&] { merged = finished; });
        const auto c3 = QObject::connect(&service, &bulletin::RefreshService::coverageIndexed,
                                         &loop, [&] {
                                             if (merged)
                                                 loop.quit();
                                         });
        // Long enough for a loaded machine; a pass that runs out says so in the note.
        QTimer::singleShot(1800000, &loop, [&] {
            ++timedOut;
            loop.quit();
        });
        const qint64 t0 = monotonicNs();
        walWatch.start();
        service.refreshFolder(folder);
        loop.exec();
        walWatch.stop();
        QObject::disconnect(c1);
        QObject::disconnect(c2);
        QObject::disconnect(c3);
        largestWal = std::max(largestWal, sizeOf(path + "-wal"));
        return msSince(t0);
    };

    out() << "  pass 0: the 200 feeds' first 50 items each ..." << Qt::endl;
    runPass();
    const int initial = added;
    added = 0;
    largestWal = 0;
    const qint64 fileStart = sizeOf(path);
    const qint64 usedStart = usedBytes(cache->database().connection());
    const qint64 rssStart = vmRssKiB();
    QStringList tenths = {
        QStringLiteral("before pass 1: VmRSS %1 MiB, file %2 MiB (%4 MiB in use), WAL %3 MiB")
            .arg(double(rssStart) / 1024.0, 0, 'f', 1)
            .arg(mib(fileStart), 0, 'f', 1)
            .arg(mib(sizeOf(path + "-wal")), 0, 'f', 1)
            .arg(mib(usedStart), 0, 'f', 1)};
    out() << "  " << tenths.last() << Qt::endl;
    qint64 rssTenth = 0;
    qint64 idleWal = 0;
    const qint64 sessionStart = monotonicNs();
    for (int pass = 1; pass <= kPasses; ++pass) {
        feeds.advance();
        meter.start();
        passMs.samples << runPass();
        meter.stop();
        idleWal = std::max(idleWal, sizeOf(path + "-wal"));
        out() << QStringLiteral("  pass %1: %2 ms").arg(pass).arg(passMs.samples.last(), 0, 'f', 0)
              << Qt::endl;
        if (pass % 10 == 0) {
            const qint64 rss = vmRssKiB();
            if (pass == 10)
                rssTenth = rss;
            tenths << QStringLiteral(
                          "after pass %1: VmRSS %2 MiB, file %3 MiB (%5 MiB in use), WAL %4 MiB")
                          .arg(pass)
                          .arg(double(rss) / 1024.0, 0, 'f', 1)
                          .arg(mib(sizeOf(path)), 0, 'f', 1)
                          .arg(mib(sizeOf(path + "-wal")), 0, 'f', 1)
                          .arg(mib(usedBytes(cache->database().connection())), 0, 'f', 1);
            out() << "  " << tenths.last() << " (" << added << " new stories so far, largest WAL "
                  << QString::number(mib(largestWal), 'f', 1) << " MiB)" << Qt::endl;
            if (pass == kPasses) {
                rssEnd.samples << double(rss) / 1024.0;
                if (rssTenth > 0)
                    rssGrowth.samples << double(rss) / double(rssTenth);
            }
        }
    }
    const double sessionS = msSince(sessionStart) / 1000.0;
    const qint64 grew = sizeOf(path) - fileStart;
    // The file first fills its free pages (the generated cache has some): what the pages in
    // use grew by is what the new stories took.
    const qint64 used = usedBytes(cache->database().connection()) - usedStart;
    walMax.samples << mib(largestWal);
    walEnd.samples << mib(idleWal);
    stall.samples << meter.longest();
    if (added > 0)
        growth.samples << double(std::max(grew, used)) / (double(added) * bytesPerStory);

    rssGrowth.note = QStringLiteral(
                         "the MainWindow shown over a copy of the large cache, given the "
                         "RefreshService as in main.cpp, through %1 refreshes of %2 loopback "
                         "feeds whose windows of %3 items roll forward by %4 items a pass (%5 "
                         "new stories a pass, each pass started once the previous one's writer "
                         "work, indexing, merging and related coverage, was done), after a "
                         "first pass that stored %6 (the generated stories' coverage marked "
                         "done first); %7 s for the %1 passes; %8")
                         .arg(kPasses)
                         .arg(kFeeds)
                         .arg(kWindow)
                         .arg(kNewPerPass)
                         .arg(kFeeds * kNewPerPass)
                         .arg(initial)
                         .arg(sessionS, 0, 'f', 0)
                         .arg(tenths.join(QStringLiteral("; ")));
    if (timedOut > 0)
        rssGrowth.note += QStringLiteral("; PROBLEM: %1 passes did not finish within 30 minutes")
                              .arg(timedOut);
    if (failed > 0)
        rssGrowth.note += QStringLiteral("; PROBLEM: %1 feed refreshes failed").arg(failed);
    walMax.note = QStringLiteral("the -wal file's size sampled every 20 ms during the passes");
    walEnd.note = QStringLiteral(
        "the -wal file's size once each pass's writer work was done: checkpointed, it keeps "
        "its size until the next commit cuts it back to journal_size_limit (64 MiB)");
    growth.note = QStringLiteral("the file grew %1 MiB and its pages in use %7 MiB (the larger "
                                 "counts) over the %2 passes for %3 new stories; the cache's "
                                 "pages in use took %4 bytes a story before the session (%5 "
                                 "stories, a %6 MiB file)")
                      .arg(mib(grew), 0, 'f', 1)
                      .arg(kPasses)
                      .arg(added)
                      .arg(bytesPerStory, 0, 'f', 0)
                      .arg(storiesBefore)
                      .arg(mib(fileBefore), 0, 'f', 1)
                      .arg(mib(used), 0, 'f', 1);
    stall.note = QStringLiteral("max gap of a 5 ms PreciseTimer over the %1 passes").arg(kPasses);
    window.close();
}

} // namespace bench
