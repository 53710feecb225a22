// Sync with a real Tiny Tiny RSS server (tools/ttrss), seeded with 10,000 articles: the first
// sync into a new cache, an incremental sync with nothing new, the same requests answered by
// the server alone (what the client adds on top of it), and the longest stall of the main
// thread while SyncService syncs on its own thread.

#include "measure.h"

#include "storage/accountstore.h"
#include "storage/cache.h"
#include "sync/passwordstore.h"
#include "sync/syncengine.h"
#include "sync/syncservice.h"
#include "sync/ttrssaccount.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTimer>

#include <functional>

#include <sys/resource.h>
#include <unistd.h>

namespace bench {

namespace {

constexpr int kArticles = 10000;
constexpr int kFeeds = 20;
const QString kUser = QStringLiteral("bench");
const QString kPassword = QStringLiteral("bench-password");

QString script(const QString &name)
{
    return QStringLiteral(BULLETIN_SOURCE_DIR "/tools/ttrss/") + name;
}

// Runs a tools/ttrss script; its last line of output, or nullopt (its stderr goes to ours).
std::optional<QString> runScript(const QString &name, const QStringList &arguments,
                                 const QByteArray &input = {})
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(script(name), arguments);
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return std::nullopt;
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed().section(QLatin1Char('\n'), -1);
}

// 10,000 articles in 20 feeds, written straight into tt-rss's tables: what its updater would
// have stored, in seconds rather than the minutes of fetching them. Every third is read and
// every fiftieth starred, so that the first sync carries state as well as stories.
QByteArray seedSql()
{
    return QStringLiteral(R"(
BEGIN;
INSERT INTO ttrss_feeds (owner_uid, title, feed_url, site_url, last_updated)
    SELECT u.id, 'Bench feed ' || n, 'http://127.0.0.1/bench-' || n || '.xml', 'http://127.0.0.1/bench-' || n || '/', NOW()
    FROM ttrss_users u, generate_series(1, %2) n WHERE u.login = '%3';
WITH e AS (
    INSERT INTO ttrss_entries (title, guid, link, updated, content, content_hash, date_entered, date_updated, author)
    SELECT 'Bench story ' || n || ': the council votes on the harbour budget', 'bench-' || n,
           'http://127.0.0.1/bench/story/' || n, NOW() - n * INTERVAL '1 minute',
           '<p>' || repeat('The harbour committee met on Tuesday to discuss story ' || n || ' and its budget. ', 12) || '</p>',
           md5(n::text), NOW() - n * INTERVAL '1 minute', NOW(), 'Reporter ' || (n % 7)
    FROM generate_series(1, %1) n
    RETURNING id, guid)
INSERT INTO ttrss_user_entries (ref_id, uuid, feed_id, owner_uid, tag_cache, label_cache, unread, marked, last_read)
    SELECT e.id, '', f.id, u.id, '', '', split_part(e.guid, '-', 2)::int % 3 <> 0,
           split_part(e.guid, '-', 2)::int % 50 = 0,
           CASE WHEN split_part(e.guid, '-', 2)::int % 3 = 0 THEN NOW() - INTERVAL '2 days' END
    FROM e JOIN ttrss_users u ON u.login = '%3'
    JOIN ttrss_feeds f ON f.owner_uid = u.id
        AND f.feed_url = 'http://127.0.0.1/bench-' || ((split_part(e.guid, '-', 2)::int - 1) % %2 + 1) || '.xml';
COMMIT;
)")
        .arg(kArticles)
        .arg(kFeeds)
        .arg(kUser)
        .toUtf8();
}

struct Server
{
    QString state;
    QString baseUrl;
};

std::optional<Server> startServer(const Setup &setup, QString *why)
{
    if (geteuid() != 0) {
        *why = QStringLiteral(
            "not root: the Tiny Tiny RSS server (tools/ttrss/start.sh) needs root");
        return std::nullopt;
    }
    if (!QFile::exists(QStringLiteral("/usr/share/tt-rss/www/api/index.php"))) {
        *why = QStringLiteral("tt-rss is not installed (tools/ttrss/install.sh)");
        return std::nullopt;
    }
    Server server;
    // A short path: PostgreSQL's socket path must stay under ~100 bytes.
    server.state
        = QStringLiteral("/tmp/bulletin-bench-ttrss-%1").arg(QCoreApplication::applicationPid());
    Q_UNUSED(setup);
    runScript(QStringLiteral("stop.sh"), {server.state, QStringLiteral("--purge")});
    const auto url = runScript(QStringLiteral("start.sh"), {server.state});
    if (!url
        || !runScript(QStringLiteral("admin.sh"),
                      {server.state, QStringLiteral("add-user"), kUser, kPassword})
        || !runScript(QStringLiteral("admin.sh"),
                      {server.state, QStringLiteral("sql"), QStringLiteral("-")}, seedSql())) {
        *why = QStringLiteral("the server did not start or could not be seeded (see %1/log)")
                   .arg(server.state);
        runScript(QStringLiteral("stop.sh"), {server.state, QStringLiteral("--purge")});
        return std::nullopt;
    }
    server.baseUrl = *url;
    return server;
}

void removeCache(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    QDir(path + QStringLiteral(".passwords")).removeRecursively();
}

std::unique_ptr<bulletin::Cache> newCacheWithAccount(const QString &path, const Server &server,
                                                     qint64 *accountId, QString *error)
{
    removeCache(path);
    auto cache = bulletin::Cache::open(path, error);
    if (!cache)
        return nullptr;
    *accountId = bulletin::AccountStore(cache->database().connection())
                     .add(QStringLiteral("ttrss"), server.baseUrl, kUser, error)
                     .value_or(0);
    return *accountId > 0 ? std::move(cache) : nullptr;
}

// The recorded requests again, as raw bytes, with nothing parsed: the server's own time.
// Requests the client sent together are sent together. A replay that logs in uses its own
// session; one that does not (an incremental sync reuses the client's session) keeps the
// client's, which is still open: an empty session id would be answered NOT_LOGGED_IN at
// once, without the work.
double replay(const Server &server, const QList<QList<QByteArray>> &waves)
{
    QNetworkAccessManager network;
    QString sid;
    QElapsedTimer timer;
    timer.start();
    for (const QList<QByteArray> &wave : waves) {
        QList<QNetworkReply *> replies;
        QEventLoop loop;
        qsizetype running = wave.size();
        bool login = false;
        for (QByteArray body : wave) {
            QJsonObject request = QJsonDocument::fromJson(body).object();
            login = request.value(QStringLiteral("op")).toString() == QLatin1String("login");
            if (!login && !sid.isEmpty() && request.contains(QStringLiteral("sid"))) {
                request.insert(QStringLiteral("sid"), sid);
                body = QJsonDocument(request).toJson(QJsonDocument::Compact);
            }
            QNetworkRequest http(QUrl(server.baseUrl + QStringLiteral("api/")));
            http.setHeader(QNetworkRequest::ContentTypeHeader,
                           QByteArrayLiteral("application/json"));
            http.setHeader(QNetworkRequest::UserAgentHeader, bulletin::TtrssAccount::userAgent());
            QNetworkReply *reply = network.post(http, body);
            QObject::connect(reply, &QNetworkReply::finished, &loop, [&loop, &running] {
                if (--running == 0)
                    loop.quit();
            });
            replies << reply;
        }
        if (running > 0)
            loop.exec();
        for (QNetworkReply *reply : std::as_const(replies)) {
            const QByteArray answer = reply->readAll();
            reply->deleteLater();
            if (login) {
                sid = QJsonDocument::fromJson(answer)
                          .object()
                          .value(QStringLiteral("content"))
                          .toObject()
                          .value(QStringLiteral("session_id"))
                          .toString();
            }
        }
    }
    return double(timer.nsecsElapsed()) / 1e6;
}

// This process's CPU time so far (every thread: the HTTP replies are read on Qt's own).
double processCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

// The CPU time the server has used so far: its PHP processes' (they live on) and
// PostgreSQL's, whose backends end with each request that opened them and are counted in
// the postmaster's time for its children. Independent of how loaded the machine is, unlike
// the wall time.
double serverCpuMs(const Server &server)
{
    const auto pidIn = [](const QString &file) {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readLine().trimmed().toLongLong() : 0;
    };
    const qint64 php = pidIn(server.state + QStringLiteral("/run/php.pid"));
    const qint64 postmaster = pidIn(server.state + QStringLiteral("/pg/postmaster.pid"));
    const double tick = 1000.0 / double(sysconf(_SC_CLK_TCK));
    double total = 0;
    const QStringList processes
        = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : processes) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        // The fields after the command's name, which may hold spaces: state, ppid, ...
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() < 15)
            continue;
        const qint64 pid = entry.toLongLong();
        const qint64 parent = fields.at(1).toLongLong();
        double ticks = 0;
        if (pid == php || parent == php || parent == postmaster)
            ticks = fields.at(11).toDouble() + fields.at(12).toDouble(); // utime, stime
        if (pid == postmaster)
            ticks = fields.at(11).toDouble() + fields.at(12).toDouble() + fields.at(13).toDouble()
                + fields.at(14).toDouble(); // and its children's, cutime and cstime
        total += ticks * tick;
    }
    return total;
}

qsizetype requestCount(const QList<QList<QByteArray>> &waves)
{
    qsizetype count = 0;
    for (const QList<QByteArray> &wave : waves)
        count += wave.size();
    return count;
}

} // namespace

void measureSync(const Setup &setup, Results &results)
{
    Figure &first = results.add(QStringLiteral("sync_first_ms"),
                                QStringLiteral("first sync of 10,000 tt-rss articles"),
                                QStringLiteral("ms"));
    Figure &server = results.add(QStringLiteral("sync_first_server_ms"),
                                 QStringLiteral("the same requests, server alone"),
                                 QStringLiteral("ms"));
    Figure &overhead = results.add(QStringLiteral("sync_first_overhead_pct"),
                                   QStringLiteral("first sync: client on top of the server"),
                                   QStringLiteral("%"), Figure::Goal::AtMost, 20);
    Figure &incremental = results.add(QStringLiteral("sync_incremental_ms"),
                                      QStringLiteral("incremental sync, nothing new"),
                                      QStringLiteral("ms"), Figure::Goal::AtMost, 300);
    Figure &incrementalServer = results.add(QStringLiteral("sync_incremental_server_ms"),
                                            QStringLiteral("the same requests, server alone"),
                                            QStringLiteral("ms"));
    Figure &incrementalOneByOne = results.add(
        QStringLiteral("sync_incremental_one_by_one_ms"),
        QStringLiteral("the same requests one after another, server alone"), QStringLiteral("ms"));
    Figure &incrementalClientCpu = results.add(
        QStringLiteral("sync_incremental_client_cpu_ms"),
        QStringLiteral("incremental sync: the client's CPU time"), QStringLiteral("ms"));
    Figure &incrementalServerCpu = results.add(
        QStringLiteral("sync_incremental_server_cpu_ms"),
        QStringLiteral("incremental sync: the server's CPU time"), QStringLiteral("ms"));
    Figure &incrementalStall = results.add(
        QStringLiteral("sync_incremental_main_thread_stall_ms"),
        QStringLiteral("main thread's longest stall, SyncService incremental sync"),
        QStringLiteral("ms"), Figure::Goal::AtMost, 16);
    Figure &idleStall = results.add(QStringLiteral("sync_idle_main_thread_stall_ms"),
                                    QStringLiteral("main thread's longest stall, nothing running"),
                                    QStringLiteral("ms"));
    Figure &stall = results.add(
        QStringLiteral("sync_main_thread_stall_ms"),
        QStringLiteral("main thread's longest stall, SyncService first sync"),
        QStringLiteral("ms"));
    QString why;
    const auto started = startServer(setup, &why);
    if (!started) {
        out() << "  skipped: " << why << Qt::endl;
        first.note = QStringLiteral("skipped: ") + why;
        return;
    }
    const QString path = setup.workDir + QStringLiteral("/sync.sqlite");
    QStringList problems;
    const int runs = std::min(setup.runs, 3);
    // Run 0 is not counted: it warms the server up. Its first answers after the seeding read
    // a cold database (tt-rss's first sync was half again as slow as the same requests
    // replayed just after it), which neither the client nor the replay should be charged for.
    for (int r = 0; r <= runs; ++r) {
        QString error;
        qint64 accountId = 0;
        auto cache = newCacheWithAccount(path, *started, &accountId, &error);
        if (!cache) {
            problems << error;
            break;
        }
        bulletin::TtrssAccount remote(QUrl(started->baseUrl), kUser, kPassword);
        QList<QList<QByteArray>> bodies; // the requests, in the waves they were sent in
        remote.setRequestObserver([&bodies](const QList<QByteArray> &wave) { bodies << wave; });
        bulletin::SyncEngine engine(*cache, accountId, remote);
        const qint64 t0 = monotonicNs();
        const bulletin::SyncReport report = engine.sync();
        const double firstMs = msSince(t0);
        const int stored = cache->articles().count({});
        if (!report.ok || stored != kArticles)
            problems << QStringLiteral("run %1: %2 of %3 articles stored (%4)")
                            .arg(r)
                            .arg(stored)
                            .arg(kArticles)
                            .arg(report.error.words);
        const double serverMs = replay(*started, bodies);
        const QList<QList<QByteArray>> firstBodies = bodies;
        bodies.clear();
        const double clientCpu0 = processCpuMs();
        const double serverCpu0 = serverCpuMs(*started);
        const qint64 t1 = monotonicNs();
        const bulletin::SyncReport again = engine.sync();
        const double incrementalMs = msSince(t1);
        const double clientCpuMs = processCpuMs() - clientCpu0;
        const double serverCpuMsUsed = serverCpuMs(*started) - serverCpu0;
        const double incrementalServerMs = replay(*started, bodies);
        // As a client that sends one request at a time would: what sending them together saves.
        QList<QList<QByteArray>> oneByOne;
        for (const QList<QByteArray> &wave : std::as_const(bodies)) {
            for (const QByteArray &body : wave)
                oneByOne.append({body});
        }
        const double oneByOneMs = replay(*started, oneByOne);
        if (!again.ok)
            problems << QStringLiteral("incremental run %1: %2").arg(r).arg(again.error.words);
        out() << QStringLiteral("  sync run %1%2: first %3 ms (%4 requests, the server alone %5 "
                                "ms), incremental %6 ms "
                                "(%7 requests, the server alone %8 ms, one by one %9 ms; CPU: "
                                "client %10 ms, server %11 ms)")
                     .arg(r)
                     .arg(r == 0 ? QStringLiteral(" (warm-up, not counted)") : QString())
                     .arg(firstMs, 0, 'f', 0)
                     .arg(requestCount(firstBodies))
                     .arg(serverMs, 0, 'f', 0)
                     .arg(incrementalMs, 0, 'f', 0)
                     .arg(requestCount(bodies))
                     .arg(incrementalServerMs, 0, 'f', 0)
                     .arg(oneByOneMs, 0, 'f', 0)
                     .arg(clientCpuMs, 0, 'f', 0)
                     .arg(serverCpuMsUsed, 0, 'f', 0)
              << Qt::endl;
        if (r == 0)
            continue;
        first.samples << firstMs;
        server.samples << serverMs;
        overhead.samples << (firstMs - serverMs) / serverMs * 100.0;
        incremental.samples << incrementalMs;
        incrementalServer.samples << incrementalServerMs;
        incrementalOneByOne.samples << oneByOneMs;
        incrementalClientCpu.samples << clientCpuMs;
        incrementalServerCpu.samples << serverCpuMsUsed;
    }

    // SyncService as the window runs it: a timer on this thread every 5 ms sees how long it
    // waited between ticks while the sync's own thread writes: during the first sync, then
    // during an incremental one with nothing new (what the window does on its interval), and
    // for as long with nothing running, which is the machine's own share.
    {
        QString error;
        qint64 accountId = 0;
        auto cache = newCacheWithAccount(path, *started, &accountId, &error);
        if (cache
            && bulletin::PasswordStore(path)
                   .store(accountId, kPassword, bulletin::PasswordStore::FileConsent::Given)
                   .ok) {
            bulletin::SyncService service(path);
            // The longest wait between ticks until `done` (or `forMs` without it).
            const auto longestStall = [&service](const std::function<void()> &start, int forMs) {
                QTimer tick;
                tick.setInterval(5);
                QElapsedTimer since;
                double longest = 0;
                QObject::connect(&tick, &QTimer::timeout, [&] {
                    longest = std::max(longest, double(since.nsecsElapsed()) / 1e6 - 5.0);
                    since.restart();
                });
                QEventLoop loop;
                QObject::connect(&service, &bulletin::SyncService::allFinished, &loop,
                                 &QEventLoop::quit);
                QTimer::singleShot(forMs, &loop, &QEventLoop::quit);
                since.start();
                tick.start();
                if (start)
                    start();
                loop.exec();
                return std::max(0.0, longest);
            };
            stall.samples << longestStall([&service] { service.syncAll(); }, 600000);
            for (int r = 0; r < runs; ++r) {
                QElapsedTimer took;
                took.start();
                incrementalStall.samples << longestStall([&service] { service.syncAll(); }, 600000);
                idleStall.samples << longestStall({}, int(std::max<qint64>(took.elapsed(), 1000)));
            }
        }
    }
    first.note = QStringLiteral(
        "SyncEngine::sync() in this process into a new cache: login, categories, feeds, "
        "10,000 headlines with content in pages of 200, then the starred and unread lists; "
        "the server is tools/ttrss (php -S with 4 workers) seeded through SQL");
    incremental.note = QStringLiteral(
        "one round of requests sent together: categories, feeds, new stories, the pages "
        "of the 200 starred stories and one more, the recently read");
    server.note = QStringLiteral(
        "the first sync's requests replayed as raw bytes, nothing parsed or stored");
    stall.note = QStringLiteral(
        "without the window's own work on a sync's signals (that figure comes with the "
        "window's account node)");
    if (!problems.isEmpty())
        first.note += QStringLiteral("; PROBLEMS: ") + problems.join(QStringLiteral("; "));
    removeCache(path);
    runScript(QStringLiteral("stop.sh"), {started->state, QStringLiteral("--purge")});
}

} // namespace bench
