// Refresh of 200 feeds x 50 items from the loopback server through the real command line
// (`bulletin refresh --json`), cold and then with every feed answering 304; and newsboat's
// reload of the same feeds where newsboat is installed.

#include "feedserver.h"
#include "measure.h"

#include "storage/cache.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTextStream>

#include <ctime>

namespace bench {

qint64 monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

double msSince(qint64 startNs)
{
    return double(monotonicNs() - startNs) / 1e6;
}

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

namespace {

struct RefreshRun
{
    double ms = 0;
    int ok = 0;
    int notModified = 0;
    int errors = 0;
    int added = 0;
    double storedMs
        = -1; // as the command reports it: from its first request until every story is readable
    double indexedMs = -1; // ... until every story is in the search index
    double mergedMs = -1; // ... until the search indexes are merged (then the command ends)
    QString firstError;
};

RefreshRun runRefresh(const Setup &setup, const QString &cachePath)
{
    RefreshRun run;
    QProcess p;
    p.setProgram(setup.bulletin);
    p.setArguments({QStringLiteral("--cache"), cachePath, QStringLiteral("refresh"),
                    QStringLiteral("--json")});
    const qint64 t0 = monotonicNs();
    p.start();
    p.waitForFinished(300000);
    run.ms = msSince(t0);
    const QJsonObject output = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    const QJsonArray feeds = output.value(QStringLiteral("feeds")).toArray();
    const QJsonObject timing = output.value(QStringLiteral("timing")).toObject();
    run.storedMs = timing.value(QStringLiteral("stored_ms")).toDouble(-1);
    run.indexedMs = timing.value(QStringLiteral("indexed_ms")).toDouble(-1);
    run.mergedMs = timing.value(QStringLiteral("merged_ms")).toDouble(-1);
    for (const QJsonValue &v : feeds) {
        const QJsonObject f = v.toObject();
        const QString status = f.value(QStringLiteral("status")).toString();
        if (status == QLatin1String("ok"))
            ++run.ok;
        else if (status == QLatin1String("not-modified"))
            ++run.notModified;
        else {
            ++run.errors;
            if (run.firstError.isEmpty())
                run.firstError = f.value(QStringLiteral("error")).toString();
        }
        run.added += f.value(QStringLiteral("new")).toInt();
    }
    if (feeds.isEmpty())
        run.firstError = QString::fromUtf8(p.readAllStandardError()).trimmed();
    return run;
}

} // namespace

void measureCliRefresh(const Setup &setup, Results &results)
{
    Figure &cold = results.add(QStringLiteral("refresh_cold_ms"),
                               QStringLiteral("refresh 200x50 cold (CLI, stored and indexed)"),
                               QStringLiteral("ms"), Figure::Goal::AtMost, 4000);
    Figure &readable = results.add(QStringLiteral("refresh_cold_readable_ms"),
                                   QStringLiteral("refresh 200x50 cold (CLI, stories readable)"),
                                   QStringLiteral("ms"), Figure::Goal::AtMost, 2000);
    Figure &nm = results.add(QStringLiteral("refresh_304_ms"),
                             QStringLiteral("refresh 200x50 all-304 (CLI)"), QStringLiteral("ms"),
                             Figure::Goal::AtMost, 200);
    const QStringList urls = setup.server->urls();
    QStringList problems;
    for (int r = 0; r < setup.runs; ++r) {
        const QString path = setup.workDir + QStringLiteral("/refresh-%1.sqlite").arg(r);
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
        {
            QString error;
            std::unique_ptr<bulletin::Cache> cache = bulletin::Cache::open(path, &error);
            if (!cache) {
                problems << error;
                break;
            }
            const qint64 folder = cache->feeds().folderForPath({QStringLiteral("Loopback")});
            for (int i = 0; i < urls.size(); ++i)
                cache->feeds().addSubscription(urls.at(i),
                                               QStringLiteral("Loopback Source %1").arg(i), folder);
            cache->setMeta(QStringLiteral("first_run_done"), QStringLiteral("1"));
        }
        setup.server->resetCounts();
        const RefreshRun first = runRefresh(setup, path);
        const FeedServer::Counts c1 = setup.server->counts();
        setup.server->resetCounts();
        const RefreshRun second = runRefresh(setup, path);
        const FeedServer::Counts c2 = setup.server->counts();
        out() << QStringLiteral("  refresh run %1: cold %2 ms, readable after %9 ms, indexed after "
                                "%10 ms, merged after %11 ms "
                                "(%3 ok, %4 new, %5 errors), all-304 %6 ms (%7 not modified, "
                                "server answered %8 x 304)")
                     .arg(r + 1)
                     .arg(first.ms, 0, 'f', 0)
                     .arg(first.ok)
                     .arg(first.added)
                     .arg(first.errors)
                     .arg(second.ms, 0, 'f', 0)
                     .arg(second.notModified)
                     .arg(c2.notModified)
                     .arg(first.storedMs, 0, 'f', 0)
                     .arg(first.indexedMs, 0, 'f', 0)
                     .arg(first.mergedMs, 0, 'f', 0)
              << Qt::endl;
        if (first.ok != urls.size() || first.errors)
            problems << QStringLiteral("cold run %1: %2 of %3 feeds ok (%4)")
                            .arg(r + 1)
                            .arg(first.ok)
                            .arg(urls.size())
                            .arg(first.firstError);
        if (second.notModified != urls.size())
            problems << QStringLiteral("second run %1: %2 of %3 feeds not modified")
                            .arg(r + 1)
                            .arg(second.notModified)
                            .arg(urls.size());
        Q_UNUSED(c1);
        cold.samples << first.ms;
        if (first.storedMs >= 0)
            readable.samples << first.storedMs;
        nm.samples << second.ms;
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
    }
    cold.note = QStringLiteral(
        "whole `bulletin refresh --json` process into a new cache holding the 200 subscriptions; "
        "the command ends once the stories are stored, indexed for search and the search indexes "
        "merged "
        "(the in-process figures below tell readable from indexed; target 2 s readable / 4 s "
        "indexed)");
    readable.note = QStringLiteral(
        "the same runs, as the command reports it in its JSON (`timing.stored_ms`): from its first "
        "request until every story is stored and readable");
    if (!problems.isEmpty())
        cold.note += QStringLiteral("; PROBLEMS: ") + problems.join(QStringLiteral("; "));
}

void measureNewsboat(const Setup &setup, Results &results)
{
    const QString newsboat = QStandardPaths::findExecutable(QStringLiteral("newsboat"));
    Figure &cold = results.add(QStringLiteral("newsboat_cold_ms"),
                               QStringLiteral("newsboat reload cold"), QStringLiteral("ms"));
    Figure &nm = results.add(QStringLiteral("newsboat_304_ms"),
                             QStringLiteral("newsboat reload all-304"), QStringLiteral("ms"));
    Figure &ratioCold = results.add(QStringLiteral("newsboat_ratio_cold"),
                                    QStringLiteral("newsboat / bulletin, cold"),
                                    QStringLiteral("x"));
    Figure &ratio304 = results.add(QStringLiteral("newsboat_ratio_304"),
                                   QStringLiteral("newsboat / bulletin, all-304"),
                                   QStringLiteral("x"));
    if (newsboat.isEmpty()) {
        out() << "  newsboat not installed" << Qt::endl;
        cold.note = QStringLiteral("newsboat not installed");
        return;
    }
    const QString dir = setup.workDir + QStringLiteral("/newsboat");
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    {
        QFile urls(dir + QStringLiteral("/urls"));
        urls.open(QIODevice::WriteOnly);
        urls.write(setup.server->urls().join(QLatin1Char('\n')).toUtf8() + '\n');
        QFile config(dir + QStringLiteral("/config"));
        config.open(QIODevice::WriteOnly); // newsboat's defaults
    }
    const int runs = std::min(setup.runs, 3);
    QString version;
    for (int r = 0; r < runs; ++r) {
        const QString db = dir + QStringLiteral("/cache-%1.db").arg(r);
        const auto reload = [&]() {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("HOME"), dir);
            p.setProcessEnvironment(env);
            p.setProgram(newsboat);
            p.setArguments({QStringLiteral("-u"), dir + QStringLiteral("/urls"),
                            QStringLiteral("-c"), db, QStringLiteral("-C"),
                            dir + QStringLiteral("/config"), QStringLiteral("-x"),
                            QStringLiteral("reload")});
            const qint64 t0 = monotonicNs();
            p.start();
            p.waitForFinished(600000);
            return msSince(t0);
        };
        setup.server->resetCounts();
        const double first = reload();
        const FeedServer::Counts c1 = setup.server->counts();
        setup.server->resetCounts();
        const double second = reload();
        const FeedServer::Counts c2 = setup.server->counts();
        out() << QStringLiteral("  newsboat run %1: cold %2 ms (%3 full responses), second %4 ms "
                                "(%5 x 304, %6 full)")
                     .arg(r + 1)
                     .arg(first, 0, 'f', 0)
                     .arg(c1.full)
                     .arg(second, 0, 'f', 0)
                     .arg(c2.notModified)
                     .arg(c2.full)
              << Qt::endl;
        cold.samples << first;
        nm.samples << second;
        if (c2.notModified != setup.server->urls().size())
            nm.note = QStringLiteral("newsboat's second reload got %1 x 304 and %2 full responses")
                          .arg(c2.notModified)
                          .arg(c2.full);
    }
    {
        QProcess p;
        p.start(newsboat, {QStringLiteral("--version")});
        p.waitForFinished(10000);
        version = QString::fromUtf8(p.readAllStandardOutput())
                      .section(QLatin1Char('\n'), 0, 0)
                      .trimmed();
    }
    cold.note = version
        + QStringLiteral(", default configuration, same feeds from the same server");
    if (Figure *b = results.find(QStringLiteral("refresh_cold_ms")); b && !b->samples.isEmpty())
        ratioCold.samples << cold.median() / b->median();
    if (Figure *b = results.find(QStringLiteral("refresh_304_ms")); b && !b->samples.isEmpty())
        ratio304.samples << nm.median() / b->median();
    ratioCold.note = QStringLiteral("ratio of medians; above 1 means Bulletin is faster");
}

} // namespace bench
