// Runs the real `bulletin` on inputs of any size and shape, each made by the test: a huge
// one-line text, a 60 MB feed, 200,000-deep nesting, an OPML file of 100,000 outlines,
// entity bombs and external entities. Each run must end with a clear result, and the
// process's own peak memory must stay under three times the input over what the same
// command needs for a tiny input.
//
// The peak is the kernel's count for that one process (ru_maxrss from wait4). A process
// started straight from this test would start that count at this test's own size (exec
// records the size of the memory it replaces), so this executable starts a copy of itself
// as a small go-between (--measure) that starts bulletin and reports its count.

#include "support/testhttpserver.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <vector>

using bulletin::test::TestHttpServer;

namespace {

constexpr qint64 kMiB = 1024 * 1024;
// A run that takes longer than this has hung (a healthy one takes seconds, even on a loaded
// machine).
constexpr int kRunTimeoutMs = 240'000;

// Writes a file a chunk at a time: `next` appends the next chunk to its argument and
// returns false once the file is complete.
qint64 writeFile(const QString &path, const std::function<bool(QByteArray &)> &next)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    QByteArray chunk;
    bool more = true;
    while (more) {
        chunk.clear();
        more = next(chunk);
        file.write(chunk);
    }
    return file.size();
}

// Words and sentences, as a long article would have them.
QByteArray prose(int index)
{
    static const QByteArray sentences[] = {
        "The council said on Monday that the storm closed schools across the county. ",
        "Power lines were down in several towns and crews worked through the night. ",
        "Residents were asked to stay away from fallen trees and to report them. ",
    };
    return sentences[index % 3];
}

// A feed of `total` bytes: items of about `itemBytes` of escaped HTML each (or one item of
// it all when itemBytes is 0), written as escaped text or as CDATA.
qint64 writeFeed(const QString &path, qint64 total, qint64 itemBytes, bool cdata)
{
    qint64 written = 0;
    int item = 0;
    bool started = false;
    bool inItem = false;
    int sentence = 0;
    return writeFile(path, [&](QByteArray &chunk) {
        if (!started) {
            chunk += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>"
                     "<title>Large</title><link>http://example.org/</link>\n";
            started = true;
        }
        while (chunk.size() < 1 * kMiB) {
            if (!inItem) {
                if (written >= total) {
                    chunk += "</channel></rss>\n";
                    return false;
                }
                chunk += "<item><title>Story " + QByteArray::number(item)
                    + "</title><link>http://example.org/s/" + QByteArray::number(item)
                    + "</link><description>" + (cdata ? "<![CDATA[<p>" : "&lt;p&gt;");
                inItem = true;
            }
            qint64 body = 0;
            while (body < (itemBytes ? itemBytes : 64 * 1024) && written + body < total) {
                const QByteArray s = prose(sentence++);
                chunk += s;
                body += s.size();
            }
            written += body;
            if (itemBytes || written >= total) {
                chunk += cdata ? "</p>]]></description></item>\n"
                               : "&lt;/p&gt;</description></item>\n";
                inItem = false;
                ++item;
            }
        }
        return true;
    });
}

// `total` bytes of one line (and its line break): the words of prose, or (oneWord) a
// single endless word.
qint64 writeOneLine(const QString &path, qint64 total, bool oneWord)
{
    qint64 written = 0;
    int sentence = 0;
    return writeFile(path, [&](QByteArray &chunk) {
        while (chunk.size() < kMiB && written < total) {
            const QByteArray next = oneWord ? QByteArray(4096, 'a') : prose(sentence++);
            const QByteArray piece = next.first(qMin<qint64>(next.size(), total - written));
            chunk += piece;
            written += piece.size();
        }
        if (written < total)
            return true;
        chunk += '\n';
        return false;
    });
}

qint64 writeBytes(const QString &path, const QByteArray &bytes)
{
    return writeFile(path, [&](QByteArray &chunk) {
        chunk = bytes;
        return false;
    });
}

// What one run of bulletin did.
struct Run
{
    int status = -1; // its exit status; -1 when a signal ended it
    QByteArray out;
    QByteArray err;
    qint64 peakKiB = 0; // its own peak resident memory
};

// Ends a child that a failed check left running.
struct ChildGuard
{
    pid_t pid = -1;
    ~ChildGuard()
    {
        if (pid > 0) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
    }
};

} // namespace

class tst_Bounds final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void hugeOneLineTextIsCutAndShown_data();
    void hugeOneLineTextIsCutAndShown();
    void largeFeeds_data();
    void largeFeeds();
    void deepNesting_data();
    void deepNesting();
    void manyOutlinesAreCapped();
    void entityExpansionIsRefused_data();
    void entityExpansionIsRefused();
    void externalEntitiesAreNeverFetchedOrRead_data();
    void externalEntitiesAreNeverFetchedOrRead();
    void windowShowsAHugeStory();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString freshCache(const QString &name);
    // Runs bulletin with these arguments as a child process and waits for it.
    void run(const QStringList &arguments, Run *result,
             const QProcessEnvironment &environment = {});
    // Peak memory at most three times the input over what a tiny input needs.
    void verifyBounded(const Run &result, qint64 inputBytes, qint64 baselineKiB, const char *what);

    QTemporaryDir m_dir;
    qint64 m_baselineKiB = 0; // the most a command needs for a tiny input
    QProcessEnvironment m_windowEnvironment;
};

void tst_Bounds::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // What the commands need for nothing: the libraries, Qt, SQLite's page cache.
    const QString feed = path(QStringLiteral("tiny.xml"));
    writeFeed(feed, 2000, 500, false);
    const QString text = path(QStringLiteral("tiny.txt"));
    writeOneLine(text, 2000, false);
    const QString cache = freshCache(QStringLiteral("tiny"));
    const QList<QStringList> commands = {
        {QStringLiteral("parse"), feed},
        {QStringLiteral("--cache"), cache, QStringLiteral("import"), feed},
        {QStringLiteral("--cache"), cache, QStringLiteral("import"), text},
        {QStringLiteral("--cache"), cache, QStringLiteral("show"), QStringLiteral("1"),
         QStringLiteral("--json")},
    };
    for (const QStringList &command : commands) {
        Run tiny;
        run(command, &tiny);
        QCOMPARE(tiny.status, 0);
        m_baselineKiB = qMax(m_baselineKiB, tiny.peakKiB);
    }
    qInfo("baseline: %lld MiB", m_baselineKiB / 1024);
}

QString tst_Bounds::freshCache(const QString &name)
{
    const QString cache = path(name + QStringLiteral(".sqlite"));
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(cache + suffix);
    return cache;
}

void tst_Bounds::run(const QStringList &arguments, Run *result,
                     const QProcessEnvironment &environment)
{
    const QByteArray self = QCoreApplication::applicationFilePath().toLocal8Bit();
    const QByteArray reportPath = path(QStringLiteral("run.report")).toLocal8Bit();
    QFile::remove(QString::fromLocal8Bit(reportPath));
    std::vector<QByteArray> storage{self, "--measure", reportPath, BULLETIN_EXECUTABLE};
    for (const QString &a : arguments)
        storage.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &a : storage)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    QProcessEnvironment env = environment.isEmpty() ? QProcessEnvironment::systemEnvironment()
                                                    : environment;
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    std::vector<QByteArray> envStorage;
    for (const QString &e : env.toStringList())
        envStorage.push_back(e.toLocal8Bit());
    std::vector<char *> envp;
    for (QByteArray &e : envStorage)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    const QByteArray outPath = path(QStringLiteral("run.out")).toLocal8Bit();
    const QByteArray errPath = path(QStringLiteral("run.err")).toLocal8Bit();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, outPath.constData(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    posix_spawn_file_actions_addopen(&actions, 2, errPath.constData(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    ChildGuard child;
    const int spawned = posix_spawn(&child.pid, self.constData(), &actions, nullptr, argv.data(),
                                    envp.data());
    posix_spawn_file_actions_destroy(&actions);
    QCOMPARE(spawned, 0);

    // (QTRY_ evaluates its condition more than once: the child is reaped once.)
    const auto exited = [&] {
        if (child.pid > 0 && ::waitpid(child.pid, nullptr, WNOHANG) == child.pid)
            child.pid = -1;
        return child.pid < 0;
    };
    QTRY_VERIFY_WITH_TIMEOUT(exited(), kRunTimeoutMs);
    QFile report(QString::fromLocal8Bit(reportPath));
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QList<QByteArray> figures = report.readAll().split(' ');
    QCOMPARE(figures.size(), 2);
    result->status = figures.at(0).toInt();
    result->peakKiB = figures.at(1).trimmed().toLongLong();
    QFile out(QString::fromLocal8Bit(outPath));
    QFile err(QString::fromLocal8Bit(errPath));
    QVERIFY(out.open(QIODevice::ReadOnly) && err.open(QIODevice::ReadOnly));
    // The output can be the whole parsed feed: keep its start and its end.
    result->out = out.size() > 8 * kMiB ? out.read(kMiB) + out.readAll().right(kMiB)
                                        : out.readAll();
    result->err = err.readAll();
}

void tst_Bounds::verifyBounded(const Run &result, qint64 inputBytes, qint64 baselineKiB,
                               const char *what)
{
    // What one run needs for nothing differs from the next by a few MiB (the allocator's
    // arenas, the libraries' pages touched): that much is not counted against the input.
    constexpr qint64 kNoiseKiB = 8 * 1024;
    const qint64 allowedKiB = baselineKiB + kNoiseKiB + 3 * inputBytes / 1024;
    qInfo("%s: peak %lld MiB for %lld MiB of input (allowed %lld MiB)", what, result.peakKiB / 1024,
          inputBytes / kMiB, allowedKiB / 1024);
    QVERIFY2(result.peakKiB <= allowedKiB,
             qPrintable(QStringLiteral("%1 peaked at %2 MiB; %3 MiB allowed for %4 MiB of input")
                            .arg(QLatin1String(what))
                            .arg(result.peakKiB / 1024)
                            .arg(allowedKiB / 1024)
                            .arg(inputBytes / kMiB)));
}

void tst_Bounds::hugeOneLineTextIsCutAndShown_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<bool>("oneWord");
    QTest::newRow("30 MB of prose on one line") << 30 * kMiB << false;
    QTest::newRow("60 MB of one word") << 60 * kMiB << true;
}

void tst_Bounds::hugeOneLineTextIsCutAndShown()
{
    QFETCH(qint64, size);
    QFETCH(bool, oneWord);
    const QString file = path(QStringLiteral("line.txt"));
    const qint64 bytes = writeOneLine(file, size, oneWord);
    const QString cache = freshCache(QStringLiteral("line"));

    Run import;
    run({QStringLiteral("--cache"), cache, QStringLiteral("import"), file}, &import);
    QVERIFY2(import.status == 0, import.err.constData());
    QVERIFY2(import.out.contains("The text was cut: the file holds "
                                 + QLocale(QLocale::English).toString(bytes).toLatin1()
                                 + " characters and a story keeps at most 2,000,000."),
             import.out.constData());
    verifyBounded(import, bytes, m_baselineKiB, "import");

    Run show;
    run({QStringLiteral("--cache"), cache, QStringLiteral("show"), QStringLiteral("1"),
         QStringLiteral("--json")},
        &show);
    QVERIFY2(show.status == 0, show.err.constData());
    verifyBounded(show, bytes, m_baselineKiB, "show --json");
    const QJsonObject story = QJsonDocument::fromJson(show.out).object();
    const QString html = story.value(QStringLiteral("html")).toString();
    const QString text = story.value(QStringLiteral("text")).toString();
    // The reader's page: the first part of the story, and the way to the next.
    QVERIFY(text.contains(QLatin1String("This story is long: part 1 of ")));
    QVERIFY(html.contains(QLatin1String("<a href=\"#bulletin-part-2\">Next part")));
    QVERIFY2(html.size() < 200'000, qPrintable(QString::number(html.size())));
    if (oneWord) // an endless word can break
        QVERIFY(html.contains(QStringLiteral("a\u200Ba")));
}

void tst_Bounds::largeFeeds_data()
{
    QTest::addColumn<qint64>("itemBytes");
    QTest::addColumn<bool>("cdata");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("60 MB of 1 KB items: parse")
        << qint64(1000) << false << "parse" << QByteArray("\"wellformed\": true");
    QTest::newRow("60 MB of 10 KB items: import")
        << qint64(10'000) << false << "import" << QByteArray(" added");
    QTest::newRow("one 60 MB item: parse")
        << qint64(0) << false << "parse"
        << QByteArray("1 text longer than 2,000,000 characters was cut");
    QTest::newRow("one 60 MB item: import")
        << qint64(0) << false << "import"
        << QByteArray("note: 1 text longer than 2,000,000 characters was cut");
    QTest::newRow("one 60 MB CDATA item: parse")
        << qint64(0) << true << "parse"
        << QByteArray("1 text longer than 2,000,000 characters was cut");
}

void tst_Bounds::largeFeeds()
{
    QFETCH(qint64, itemBytes);
    QFETCH(bool, cdata);
    QFETCH(QString, command);
    QFETCH(QByteArray, expected);
    const QString file = path(QStringLiteral("large.xml"));
    const qint64 bytes = writeFeed(file, 60 * kMiB, itemBytes, cdata);
    QStringList arguments{command, file};
    if (command == QLatin1String("import"))
        arguments = QStringList{QStringLiteral("--cache"), freshCache(QStringLiteral("large"))}
            + arguments;
    Run result;
    run(arguments, &result);
    QVERIFY2(result.status == 0, result.err.constData());
    QVERIFY2(result.out.contains(expected), result.out.left(2000).constData());
    verifyBounded(result, bytes, m_baselineKiB, qPrintable(command));
}

void tst_Bounds::deepNesting_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("expected");
    constexpr int depth = 200'000;
    const QByteArray rss
        = "<rss version=\"2.0\"><channel><title>T</title><item><title>First</title></item>"
          "<item><title>Deep</title><description>";
    QTest::newRow("XML elements in an item")
        << rss + QByteArray("<x>").repeated(depth) + QByteArray("</x>").repeated(depth)
            + "</description></item></channel></rss>"
        << "parse" << 0 << QByteArray("elements nested deeper than 1,000 levels");
    QTest::newRow("HTML elements in an item's text")
        << rss + QByteArray("&lt;div&gt;").repeated(depth) + "deep"
            + QByteArray("&lt;/div&gt;").repeated(depth) + "</description></item></channel></rss>"
        << "show" << 0 << QByteArray("deep");
    QTest::newRow("JSON arrays")
        << R"({"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "x": )"
            + QByteArray("[").repeated(depth) + QByteArray("]").repeated(depth) + "}]}"
        << "parse" << 1 << QByteArray("too deeply nested");
    QTest::newRow("OPML outlines")
        << "<opml version=\"2.0\"><body>" + QByteArray("<outline text=\"f\">").repeated(depth)
            + QByteArray("</outline>").repeated(depth) + "</body></opml>"
        << "import" << 1 << QByteArray("outlines nested deeper than 1,000 levels");
}

void tst_Bounds::deepNesting()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, command);
    QFETCH(int, status);
    QFETCH(QByteArray, expected);
    const QString file = path(QStringLiteral("deep"));
    const qint64 bytes = writeBytes(file, document);
    const QString cache = freshCache(QStringLiteral("deep"));
    Run result;
    if (command == QLatin1String("parse")) {
        run({command, file}, &result);
    } else {
        run({QStringLiteral("--cache"), cache, QStringLiteral("import"), file}, &result);
        if (command == QLatin1String("show") && result.status == 0) {
            verifyBounded(result, bytes, m_baselineKiB, "import");
            // The deep story is the feed's last item: stored first, story 1.
            run({QStringLiteral("--cache"), cache, QStringLiteral("show"), QStringLiteral("1"),
                 QStringLiteral("--json")},
                &result);
        }
    }
    QVERIFY2(result.status == status, result.err.constData());
    QVERIFY2((result.out + result.err).contains(expected),
             (result.out.left(2000) + result.err).constData());
    verifyBounded(result, bytes, m_baselineKiB, qPrintable(command));
}

void tst_Bounds::manyOutlinesAreCapped()
{
    const QString file = path(QStringLiteral("many.opml"));
    int outline = 0;
    const qint64 bytes = writeFile(file, [&](QByteArray &chunk) {
        if (outline == 0)
            chunk += "<?xml version=\"1.0\"?>\n<opml "
                     "version=\"2.0\"><head><title>Many</title></head><body>\n";
        for (; outline < 100'000 && chunk.size() < kMiB; ++outline) {
            const QByteArray n = QByteArray::number(outline);
            chunk += "<outline type=\"rss\" text=\"Feed " + n + "\" xmlUrl=\"https://feeds" + n
                + ".example.org/rss.xml\" htmlUrl=\"https://feeds" + n + ".example.org/\"/>\n";
        }
        if (outline < 100'000)
            return true;
        chunk += "</body></opml>\n";
        return false;
    });
    Run result;
    run({QStringLiteral("--cache"), freshCache(QStringLiteral("many")), QStringLiteral("import"),
         file},
        &result);
    QVERIFY2(result.status == 0, result.err.constData());
    QVERIFY2(result.out.contains("10000 feed(s) subscribed"), result.out.constData());
    QVERIFY2(result.out.contains(
                 "the file lists more than 10,000 feeds; the 90,000 from here on were left out"),
             result.out.constData());
    verifyBounded(result, bytes, m_baselineKiB, "import");
}

void tst_Bounds::entityExpansionIsRefused_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QByteArray>("expected");
    QByteArray laughs = "<!ENTITY a0 \"ha\">";
    for (int i = 1; i <= 10; ++i)
        laughs += "<!ENTITY a" + QByteArray::number(i) + " \""
            + QByteArray("&a" + QByteArray::number(i - 1) + ";").repeated(10) + "\">";
    const QByteArray wide = "<!ENTITY w \"" + QByteArray(4000, 'w') + "\">";
    const QByteArray refused = "its entities would expand to more than 2,000,000 characters";
    QTest::newRow("billion laughs in RSS") << "<!DOCTYPE rss [" + laughs
            + "]><rss version=\"2.0\"><channel><title>&a10;</title></channel></rss>"
                                           << refused;
    QTest::newRow("one wide entity used 100,000 times in RSS") << "<!DOCTYPE rss [" + wide
            + "]><rss version=\"2.0\"><channel><title>T</title><item><description>"
            + QByteArray("&w;").repeated(100'000)
            + "</description></item></channel></rss>" << refused;
    QTest::newRow("billion laughs in a CAP alert") << "<!DOCTYPE alert [" + laughs
            + "]><alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"
              "<identifier>&a10;</identifier></alert>"
                                                   << refused;
    QTest::newRow("billion laughs in OPML")
        << "<!DOCTYPE opml [" + laughs
            + "]><opml version=\"2.0\"><body><outline text=\"&a10;\" "
              "xmlUrl=\"https://x.example/\"/></body></opml>"
        << QByteArray("entity declarations are not allowed in OPML");
}

void tst_Bounds::entityExpansionIsRefused()
{
    QFETCH(QByteArray, document);
    QFETCH(QByteArray, expected);
    const QString file = path(QStringLiteral("entities"));
    const qint64 bytes = writeBytes(file, document);
    Run result;
    run({QStringLiteral("--cache"), freshCache(QStringLiteral("entities")),
         QStringLiteral("import"), file},
        &result);
    QCOMPARE(result.status, 1);
    QVERIFY2(result.err.contains(expected), result.err.constData());
    verifyBounded(result, bytes, m_baselineKiB, "import");
}

void tst_Bounds::externalEntitiesAreNeverFetchedOrRead_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("command");
    // PORT and SECRET are replaced by the server's port and the path of a local file.
    const QByteArray doctype = "<!DOCTYPE %1 SYSTEM \"http://127.0.0.1:PORT/dtd\" ["
                               "<!ENTITY local SYSTEM \"file://SECRET\"><!ENTITY web SYSTEM "
                               "\"http://127.0.0.1:PORT/entity\">]>";
    QTest::newRow("RSS") << QByteArray(doctype).replace("%1", "rss")
            + "<rss version=\"2.0\"><channel><title>T&local;&web;</title><item>"
              "<title>I&local;</title><description>&web;&local;</description></item></channel></"
              "rss>"
                         << "import";
    QTest::newRow("Atom") << QByteArray(doctype).replace("%1", "feed")
            + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T&local;</title>"
              "<entry><id>urn:x</id><title>E&web;</title><content "
              "type=\"html\">&local;</content></entry></feed>"
                          << "import";
    QTest::newRow("CAP alert") << QByteArray(doctype).replace("%1", "alert")
            + "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"
              "<identifier>id&local;</identifier><sender>s&web;</sender><info><headline>&local;</"
              "headline></info></alert>"
                               << "parse";
    QTest::newRow("OPML with an external DTD") << QByteArray(
        "<!DOCTYPE opml SYSTEM \"http://127.0.0.1:PORT/dtd\"><opml version=\"2.0\"><body>"
        "<outline text=\"x\" xmlUrl=\"https://x.example/rss\"/></body></opml>")
                                               << "import";
}

void tst_Bounds::externalEntitiesAreNeverFetchedOrRead()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, command);
    TestHttpServer server;
    QVERIFY(server.listen());
    const QByteArray marker = "SECRET-MARKER-7f3a";
    const QString secret = path(QStringLiteral("secret.txt"));
    writeBytes(secret, marker);
    document.replace("PORT", QByteArray::number(server.port())).replace("SECRET", secret.toUtf8());
    const QString file = path(QStringLiteral("external"));
    writeBytes(file, document);
    const QString cache = freshCache(QStringLiteral("external"));
    Run result;
    if (command == QLatin1String("parse")) {
        run({command, file}, &result);
    } else {
        run({QStringLiteral("--cache"), cache, QStringLiteral("import"), file}, &result);
        QVERIFY2(result.status == 0, result.err.constData());
        run({QStringLiteral("--cache"), cache, QStringLiteral("list"), QStringLiteral("--json")},
            &result);
        Run show;
        run({QStringLiteral("--cache"), cache, QStringLiteral("show"), QStringLiteral("1"),
             QStringLiteral("--json")},
            &show);
        result.out += show.out;
    }
    QVERIFY2(result.status == 0, result.err.constData());
    QVERIFY2(!result.out.contains(marker), result.out.constData());
    QCOMPARE(server.requestCount(), 0);
}

void tst_Bounds::windowShowsAHugeStory()
{
    // The window reopens on the story last read, here a 30 MB one-line text: the reader shows
    // its first part, the window reaches its idle point, and memory stays bounded.
    const auto windowRun = [this](const QString &file, Run *result) {
        const QString home = path(QStringLiteral("home"));
        QDir(home).removeRecursively();
        QVERIFY(QDir().mkpath(home + QStringLiteral("/config/Bulletin")));
        const QString cache = freshCache(QStringLiteral("window"));
        Run import;
        run({QStringLiteral("--cache"), cache, QStringLiteral("import"), file}, &import);
        QVERIFY2(import.status == 0, import.err.constData());
        writeBytes(home + QStringLiteral("/config/Bulletin/bulletin.conf"),
                   "[reader]\nlastStory=1\n");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
        env.insert(QStringLiteral("BULLETIN_MILESTONES"), home + QStringLiteral("/milestones"));
        env.insert(QStringLiteral("BULLETIN_QUIT_WHEN_IDLE"), QStringLiteral("1"));
        run({QStringLiteral("--cache"), cache}, result, env);
        QVERIFY2(result->status == 0, result->err.constData());
        QFile milestones(home + QStringLiteral("/milestones"));
        QVERIFY(milestones.open(QIODevice::ReadOnly));
        QVERIFY2(milestones.readAll().contains("\"milestone\":\"idle\""),
                 "the window never went idle");
    };
    const QString tiny = path(QStringLiteral("tiny-story.txt"));
    writeOneLine(tiny, 2000, false);
    Run baseline;
    windowRun(tiny, &baseline);
    if (QTest::currentTestFailed())
        return;
    const QString huge = path(QStringLiteral("huge-story.txt"));
    const qint64 bytes = writeOneLine(huge, 30 * kMiB, false);
    Run window;
    windowRun(huge, &window);
    if (QTest::currentTestFailed())
        return;
    verifyBounded(window, bytes, baseline.peakKiB, "the window");
}

namespace {

// The go-between: starts argv[1..] (bulletin and its arguments), waits for it and writes
// "STATUS PEAK_KIB" to reportPath (STATUS -1 when a signal ended it). Its own memory is
// small when it forks, so the count starts near nothing.
int measure(const char *reportPath, char **command)
{
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL); // the test gave up on the go-between: end it too
        ::execv(command[0], command);
        ::_exit(127);
    }
    int status = 0;
    rusage usage{};
    if (pid < 0 || ::wait4(pid, &status, 0, &usage) != pid)
        return 1;
    FILE *report = std::fopen(reportPath, "w");
    if (!report)
        return 1;
    std::fprintf(report, "%d %ld", WIFEXITED(status) ? WEXITSTATUS(status) : -1, usage.ru_maxrss);
    std::fclose(report);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc >= 4 && qstrcmp(argv[1], "--measure") == 0)
        return measure(argv[2], argv + 3);
    QCoreApplication app(argc, argv);
    tst_Bounds test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_bounds.moc"
