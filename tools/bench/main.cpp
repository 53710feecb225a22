// bulletin-bench: the scale benchmark of Bulletin (see docs/benchmark.md).
//
// Generates a large cache through the real storage code (or reuses it), serves generated
// feeds on 127.0.0.1, then measures the real code paths: the `bulletin` executable for
// refresh and cold start, and the real window, stores and parser in this process. Prints a
// table of figures against the targets and writes them as JSON.

#include "cachegen.h"
#include "feedserver.h"
#include "measure.h"
#include "results.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QSysInfo>
#include <QTextStream>
#include <QThread>

namespace {

QString commandOutput(const QString &program, const QStringList &arguments)
{
    QProcess p;
    p.start(program, arguments);
    p.waitForFinished(10000);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

QString cpuModel()
{
    for (const QString &line : commandOutput(QStringLiteral("lscpu"), {}).split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1String("Model name:")))
            return line.mid(11).trimmed();
    return {};
}

QString memTotal()
{
    QFile f(QStringLiteral("/proc/meminfo"));
    if (f.open(QIODevice::ReadOnly))
        return QString::fromLatin1(f.readLine()).section(QLatin1Char(':'), 1).trimmed();
    return {};
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (f.open(QIODevice::ReadOnly))
        return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
    return {};
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bulletin-bench"));
    const QString here = QCoreApplication::applicationDirPath();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Bulletin's scale benchmark"));
    parser.addHelpOption();
    const QCommandLineOption storiesOption(
        QStringLiteral("stories"),
        QStringLiteral("Stories in the generated cache (default 100000)."), QStringLiteral("N"),
        QStringLiteral("100000"));
    const QCommandLineOption feedsOption(
        QStringLiteral("feeds"), QStringLiteral("Feeds in the generated cache (default 300)."),
        QStringLiteral("N"), QStringLiteral("300"));
    const QCommandLineOption runsOption(
        QStringLiteral("runs"), QStringLiteral("Repetitions of each measurement (default 5)."),
        QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"),
        QStringLiteral(
            "Where to write the results (default bench-results.json in the build directory)."),
        QStringLiteral("FILE"));
    const QCommandLineOption workOption(
        QStringLiteral("work-dir"),
        QStringLiteral("Where the generated cache and scratch files go (default bench/ in the "
                       "build directory)."),
        QStringLiteral("DIR"));
    const QCommandLineOption bulletinOption(
        QStringLiteral("bulletin"),
        QStringLiteral("The bulletin executable (default: the one in this build)."),
        QStringLiteral("PATH"));
    const QCommandLineOption freshOption(
        QStringLiteral("fresh"),
        QStringLiteral("Generate the cache again even if a matching one exists."));
    const QCommandLineOption generateOnlyOption(
        QStringLiteral("generate-only"), QStringLiteral("Generate (or check) the cache and stop."));
    const QCommandLineOption skipOption(
        QStringLiteral("skip"),
        QStringLiteral(
            "Skip a part: refresh (through the CLI and in the window's process), newsboat, start, "
            "window, parse, sync, coverage, import, disk, session (repeatable)."),
        QStringLiteral("PART"));
    const QCommandLineOption parseMbOption(
        QStringLiteral("parse-mb"), QStringLiteral("Size of the large feed in MB (default 32)."),
        QStringLiteral("MB"), QStringLiteral("32"));
    const QCommandLineOption importOption(
        QStringLiteral("import-stories"),
        QStringLiteral("Stories in each imported feed (default 5000)."), QStringLiteral("N"),
        QStringLiteral("5000"));
    parser.addOptions({storiesOption, feedsOption, runsOption, jsonOption, workOption,
                       bulletinOption, freshOption, generateOnlyOption, skipOption, parseMbOption,
                       importOption});
    parser.process(app);

    QTextStream &out = bench::out();
    const QString buildDir = QDir::cleanPath(here + QStringLiteral("/../.."));
    bench::Setup setup;
    setup.runs = std::max(1, parser.value(runsOption).toInt());
    setup.workDir = parser.isSet(workOption) ? parser.value(workOption)
                                             : buildDir + QStringLiteral("/bench");
    setup.bulletin = parser.isSet(bulletinOption) ? parser.value(bulletinOption)
                                                  : buildDir + QStringLiteral("/src/app/bulletin");
    const int stories = parser.value(storiesOption).toInt();
    const int feeds = std::clamp(parser.value(feedsOption).toInt(), 10, 1000);
    const QStringList skip = parser.values(skipOption);
    const QString jsonPath = parser.isSet(jsonOption)
        ? parser.value(jsonOption)
        : buildDir + QStringLiteral("/bench-results.json");
    QDir().mkpath(setup.workDir);
    if (!QFileInfo(setup.bulletin).isExecutable()) {
        QTextStream(stderr) << "bulletin-bench: no bulletin executable at " << setup.bulletin
                            << " (use --bulletin)" << Qt::endl;
        return 2;
    }
    if (stories < 1000) {
        QTextStream(stderr) << "bulletin-bench: --stories must be at least 1000" << Qt::endl;
        return 2;
    }

    bench::Results results;
    results.setInfo(QStringLiteral("stories"), stories);
    results.setInfo(QStringLiteral("feeds"), feeds);
    results.setInfo(QStringLiteral("runs"), setup.runs);
    results.setInfo(QStringLiteral("cpu"), cpuModel());
    results.setInfo(QStringLiteral("cores"), QThread::idealThreadCount());
    results.setInfo(QStringLiteral("memory"), memTotal());
    results.setInfo(QStringLiteral("os"), QSysInfo::prettyProductName());
    results.setInfo(QStringLiteral("qt"), QString::fromLatin1(qVersion()));
    results.setInfo(QStringLiteral("load_before"), loadAverage());
    out << "Bulletin benchmark: " << stories << " stories, " << setup.runs << " runs; "
        << cpuModel() << ", " << QThread::idealThreadCount() << " cores, " << memTotal() << ", "
        << QSysInfo::prettyProductName() << ", Qt " << qVersion() << "; load average "
        << loadAverage() << Qt::endl;

    QString error;
    const QString cachePath = setup.workDir + QStringLiteral("/cache-%1.sqlite").arg(stories);
    if (!bench::generateCache(cachePath, stories, feeds, parser.isSet(freshOption), &setup.cache,
                              &error)) {
        QTextStream(stderr) << "bulletin-bench: cannot generate the cache: " << error << Qt::endl;
        return 1;
    }
    results.setInfo(QStringLiteral("cache_mib"), double(setup.cache.fileBytes) / (1024.0 * 1024.0));
    results.setInfo(QStringLiteral("cache_generate_s"), setup.cache.generateSeconds);
    out << "cache: " << setup.cache.stories << " stories, " << setup.cache.feeds << " feeds in "
        << setup.cache.folders << " folders, " << setup.cache.bookmarks << " bookmarks, "
        << setup.cache.advisories << " advisories, " << setup.cache.withRelated
        << " stories with related links, " << setup.cache.fileBytes / (1024 * 1024) << " MiB"
        << Qt::endl;
    if (parser.isSet(generateOnlyOption))
        return 0;
    // First, while the file is as generated: the window's part refreshes into it.
    if (!skip.contains(QLatin1String("disk"))) {
        out << "the cache on disk ..." << Qt::endl;
        bench::measureDisk(setup, results);
    }

    out << "serving 200 feeds x 50 items on 127.0.0.1 ..." << Qt::endl;
    bench::FeedServer server(200, 50);
    if (!server.start()) {
        QTextStream(stderr) << "bulletin-bench: cannot listen on 127.0.0.1" << Qt::endl;
        return 1;
    }
    setup.server = &server;
    setup.refresh = !skip.contains(QLatin1String("refresh"));
    out << "  " << server.totalBytes() / 1024 << " KiB of feeds" << Qt::endl;

    if (!skip.contains(QLatin1String("start"))) {
        out << "cold start of the window ..." << Qt::endl;
        bench::measureColdStart(setup, results);
    }
    if (!skip.contains(QLatin1String("window"))) {
        out << "the window in this process ..." << Qt::endl;
        bench::measureInProcess(setup, results);
    }
    if (!skip.contains(QLatin1String("refresh"))) {
        out << "refresh through the command line ..." << Qt::endl;
        bench::measureCliRefresh(setup, results);
    }
    if (!skip.contains(QLatin1String("newsboat")) && !skip.contains(QLatin1String("refresh"))) {
        out << "newsboat over the same feeds ..." << Qt::endl;
        bench::measureNewsboat(setup, results);
    }
    if (!skip.contains(QLatin1String("parse"))) {
        out << "parsing a large feed ..." << Qt::endl;
        bench::measureParsing(setup, results, std::max(1, parser.value(parseMbOption).toInt()));
    }
    if (!skip.contains(QLatin1String("import"))) {
        out << "importing large feeds ..." << Qt::endl;
        bench::measureImport(setup, results, std::max(100, parser.value(importOption).toInt()));
    }
    if (!skip.contains(QLatin1String("sync"))) {
        out << "sync with a Tiny Tiny RSS server of 10,000 articles ..." << Qt::endl;
        bench::measureSync(setup, results);
    }
    if (!skip.contains(QLatin1String("coverage"))) {
        out << "related coverage of 10,000 new stories ..." << Qt::endl;
        bench::measureCoverage(setup, results);
    }
    if (!skip.contains(QLatin1String("session"))) {
        out << "a long session: 50 refreshes of 200 feeds that bring new stories ..." << Qt::endl;
        bench::measureSession(setup, results);
    }
    results.setInfo(QStringLiteral("load_after"), loadAverage());

    out << "\nResults: " << stories << " stories, " << setup.runs << " runs (load average before "
        << results.toJson().value(QStringLiteral("load_before")).toString() << ", after "
        << loadAverage() << ")\n\n"
        << results.table() << Qt::endl;
    QFile json(jsonPath);
    if (json.open(QIODevice::WriteOnly)) {
        json.write(QJsonDocument(results.toJson()).toJson());
        out << "written to " << jsonPath << Qt::endl;
    }
    return 0;
}
