// Runs the real `bulletin` executable the way scripts and the corpus checkers do.

#include "services/coverageindexer.h"
#include "storage/cache.h"
#include "storage/coveragestore.h"
#include "support/scratchmount.h"
#include "support/testdata.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class tst_Cli final : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int status = -1;
        QByteArray out;
        QByteArray err;
        QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    };

    QTemporaryDir m_dir;

    QString cache() const { return m_dir.filePath(QStringLiteral("cache.sqlite")); }

    Run bulletin(const QStringList &arguments, const QString &cachePath = {})
    {
        QProcess process;
        // Bulletin's own logging is off unless asked for; a developer's rules would ask.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("QT_LOGGING_RULES"));
        environment.remove(QStringLiteral("QT_LOGGING_CONF"));
        process.setProcessEnvironment(environment);
        process.setProgram(QStringLiteral(BULLETIN_EXECUTABLE));
        process.setArguments(
            QStringList{QStringLiteral("--cache"), cachePath.isEmpty() ? cache() : cachePath}
            + arguments);
        process.start();
        if (!process.waitForFinished(60000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), process.readAllStandardError()};
    }

    // An OPML file of `count` subscriptions, about 120 bytes each.
    QString manySubscriptions(int count)
    {
        QByteArray opml = "<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body>\n";
        for (int i = 0; i < count; ++i)
            opml += "<outline type=\"rss\" text=\"Feed " + QByteArray::number(i)
                + "\" xmlUrl=\"https://news.example.org/feeds/" + QByteArray::number(i)
                + ".xml\"/>\n";
        opml += "</body></opml>\n";
        const QString path = m_dir.filePath(QStringLiteral("many.opml"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(opml) != opml.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    static QString sample()
    {
        return QStringLiteral(BULLETIN_SOURCE_DIR
                              "/resources/sample/questiqa-postal-cyberattack.txt");
    }

    // An RSS file named after `name`, its items (headline, date) in that order.
    QString writeFeed(const char *name, const QList<std::pair<const char *, const char *>> &items)
    {
        QByteArray xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>";
        xml += name;
        xml += "</title><link>https://" + QByteArray(name) + ".example/</link>";
        int n = 0;
        for (const auto &[title, date] : items)
            xml += "<item><title>" + QByteArray(title) + "</title><link>https://" + QByteArray(name)
                + ".example/" + QByteArray::number(++n) + "</link><pubDate>" + date
                + "</pubDate></item>";
        xml += "</channel></rss>";
        const QString path = m_dir.filePath(QString::fromLatin1(name) + QStringLiteral(".xml"));
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(xml) == xml.size() ? path : QString();
    }

    // Two feeds, one event reported by both, and an unrelated story: wire's volcano report
    // (08:00) and heron (09:00), post's volcano report (10:00). Empty when not written.
    QStringList volcanoFeeds()
    {
        const QString wire = writeFeed(
            "wire",
            {{"Volcano erupts near Reykjavik, flights grounded", "Tue, 01 Apr 2014 08:00:00 GMT"},
             {"Heron numbers recover on the Thames", "Tue, 01 Apr 2014 09:00:00 GMT"}});
        const QString post = writeFeed(
            "post",
            {{"Flights grounded as Reykjavik volcano erupts", "Tue, 01 Apr 2014 10:00:00 GMT"}});
        if (wire.isEmpty() || post.isEmpty())
            return {};
        return {wire, post};
    }

private Q_SLOTS:
    void importOfSubscriptionsSaysWhatBringsTheirStories()
    {
        // An OPML import subscribes; the list stays empty until a refresh, and the output
        // says so instead of counting feeds as if they were stories.
        Run run = bulletin({QStringLiteral("import"), manySubscriptions(3)});
        QVERIFY2(run.status == 0, run.err.constData());
        QVERIFY2(run.out.contains(": 3 feed(s) subscribed, 0 already subscribed\n"),
                 run.out.constData());
        QVERIFY2(run.out.contains("their stories come with the next refresh: bulletin refresh"),
                 run.out.constData());
        run = bulletin({QStringLiteral("import"), manySubscriptions(3)});
        QVERIFY2(run.out.contains(": 0 feed(s) subscribed, 3 already subscribed\n"),
                 run.out.constData());
        QVERIFY2(!run.out.contains("next refresh"), run.out.constData());
    }

    void manyFilesImportTogether()
    {
        // Thirty feeds given at once, the way a reader's exported folder of feeds comes, a
        // broken one among them: each feed's stories are stored once, the broken file is
        // one line naming it, and the files around it all go in, each with its own line in
        // the order given.
        const QString cachePath = m_dir.filePath(QStringLiteral("many-files.sqlite"));
        QStringList files;
        for (int f = 0; f < 30; ++f) {
            QByteArray xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Desk "
                + QByteArray::number(f) + "</title>";
            for (int i = 0; i < 40; ++i)
                xml += "<item><title>Report " + QByteArray::number(f) + "-" + QByteArray::number(i)
                    + " on the quarry" + (f == 17 && i == 3 ? " zeppelin" : "")
                    + "</title><guid>desk-" + QByteArray::number(f) + "-" + QByteArray::number(i)
                    + "</guid><description>&lt;p&gt;"
                    + QByteArray("The quarry report. ").repeated(20)
                    + "&lt;/p&gt;</description></item>";
            xml += "</channel></rss>";
            const QString path = m_dir.filePath(QStringLiteral("desk-%1.xml").arg(f));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly) && file.write(xml) == xml.size());
            files << path;
        }
        const QString broken = m_dir.filePath(QStringLiteral("desk-moved.xml"));
        {
            QFile file(broken);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(
                "<!DOCTYPE "
                "html><html><head><title>Desk</title></head><body><p>Moved.</p></body></html>");
        }
        files.insert(12, broken);

        Run run = bulletin(QStringList{QStringLiteral("import")} + files, cachePath);
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.trimmed().count('\n') == 0
                     && run.err.contains(broken.toUtf8() + ": not a feed: root element <html>"),
                 run.err.constData());
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 30);
        files.removeAt(12);
        for (int f = 0; f < 30; ++f)
            QCOMPARE(lines.at(f), files.at(f).toUtf8() + ": 40 added, 0 updated, 0 unchanged");

        run = bulletin({QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--limit"),
                        QStringLiteral("5000")},
                       cachePath);
        const QJsonArray stories = run.json().value(QStringLiteral("stories")).toArray();
        QCOMPARE(stories.size(), 30 * 40);
        QSet<QString> guids;
        for (const QJsonValue &story : stories)
            guids.insert(story.toObject().value(QStringLiteral("guid")).toString());
        QCOMPARE(guids.size(), 30 * 40);
        // Found by search as soon as the command has returned.
        run = bulletin(
            {QStringLiteral("search"), QStringLiteral("zeppelin"), QStringLiteral("--json")},
            cachePath);
        QVERIFY2(run.status == 0, run.err.constData());
        const QJsonArray found = run.json().value(QStringLiteral("results")).toArray();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.at(0).toObject().value(QStringLiteral("title")).toString(),
                 QStringLiteral("Report 17-3 on the quarry zeppelin"));

        // Again: nothing new, every story once.
        run = bulletin(QStringList{QStringLiteral("import")} + files, cachePath);
        QVERIFY2(run.status == 0, run.err.constData());
        QCOMPARE(run.out.count(": 0 added, 0 updated, 40 unchanged\n"), 30);
        QCOMPARE(bulletin({QStringLiteral("list"), QStringLiteral("--json"),
                           QStringLiteral("--limit"), QStringLiteral("5000")},
                          cachePath)
                     .json()
                     .value(QStringLiteral("stories"))
                     .toArray()
                     .size(),
                 30 * 40);
    }

    void importListShowBookmark()
    {
        Run run = bulletin({QStringLiteral("import"), sample()});
        QVERIFY2(run.status == 0, run.err.constData());
        QVERIFY(run.out.contains("derived"));

        run = bulletin({QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(run.status, 0);
        const QJsonArray stories = run.json().value(QStringLiteral("stories")).toArray();
        QCOMPARE(stories.size(), 4);
        const QJsonObject story = stories.first().toObject();
        QCOMPARE(story.value(QStringLiteral("source")).toString(),
                 QStringLiteral("Questiqa Europe News"));
        QVERIFY(story.value(QStringLiteral("has_advisory")).toBool());
        for (const char *field : {"id", "guid", "title", "link", "source", "feed_id", "published",
                                  "read", "bookmarked", "has_advisory"})
            QVERIFY2(story.contains(QLatin1String(field)), field);
        const QString id = QString::number(story.value(QStringLiteral("id")).toInteger());

        run = bulletin({QStringLiteral("show"), id, QStringLiteral("--json")});
        QCOMPARE(run.status, 0);
        const QJsonObject shown = run.json();
        QVERIFY(shown.value(QStringLiteral("text"))
                    .toString()
                    .contains(QStringLiteral("potential phishing scams")));
        QVERIFY(shown.value(QStringLiteral("html")).toString().contains(QStringLiteral("<table")));
        QCOMPARE(shown.value(QStringLiteral("advisory"))
                     .toObject()
                     .value(QStringLiteral("headline"))
                     .toString(),
                 QStringLiteral("Public Advisory"));
        const QJsonArray related = shown.value(QStringLiteral("related")).toArray();
        QVERIFY(related.size() >= 3);
        for (int i = 0; i < 3; ++i) {
            const QJsonObject r = related.at(i).toObject();
            QCOMPARE(r.value(QStringLiteral("kind")).toString(), QStringLiteral("publisher"));
            QVERIFY(
                r.value(QStringLiteral("id")).isDouble()); // resolves to the headline-only story
        }
        QVERIFY(shown.value(QStringLiteral("note")).toString().contains(QStringLiteral("derived")));

        QCOMPARE(bulletin({QStringLiteral("bookmark"), id, QStringLiteral("--note"),
                           QStringLiteral("for later")})
                     .status,
                 0);
        run = bulletin({QStringLiteral("bookmarks"), QStringLiteral("--json")});
        const QJsonArray bookmarks = run.json().value(QStringLiteral("bookmarks")).toArray();
        QCOMPARE(bookmarks.size(), 1);
        QCOMPARE(bookmarks.first().toObject().value(QStringLiteral("note")).toString(),
                 QStringLiteral("for later"));
        QVERIFY(!bookmarks.first().toObject().value(QStringLiteral("bookmarked_at")).isNull());

        // Importing again adds nothing.
        QCOMPARE(bulletin({QStringLiteral("import"), sample()}).status, 0);
        run = bulletin({QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(run.json().value(QStringLiteral("stories")).toArray().size(), 4);

        QCOMPARE(bulletin({QStringLiteral("bookmark"), id, QStringLiteral("--off")}).status, 0);
        run = bulletin({QStringLiteral("bookmarks"), QStringLiteral("--json")});
        QCOMPARE(run.json().value(QStringLiteral("bookmarks")).toArray().size(), 0);
    }

    void importLeavesCoverageToTheWriter()
    {
        // As after a refresh: the imported stories are searchable when the command returns,
        // and their related coverage waits for the window's writer; the reader works it out
        // on the spot meanwhile.
        const QString cachePath = m_dir.filePath(QStringLiteral("waiting.sqlite"));
        const QStringList files = volcanoFeeds();
        QVERIFY(!files.isEmpty());
        Run run = bulletin(QStringList{QStringLiteral("import")} + files, cachePath);
        QVERIFY2(run.status == 0, run.err.constData());

        run = bulletin(
            {QStringLiteral("search"), QStringLiteral("reykjavik"), QStringLiteral("--json")},
            cachePath);
        QVERIFY2(run.status == 0, run.err.constData());
        const QJsonArray found = run.json().value(QStringLiteral("results")).toArray();
        QCOMPARE(found.size(), 2);
        qint64 wireReport = 0;
        qint64 postReport = 0;
        for (const QJsonValue &v : found) {
            const QJsonObject story = v.toObject();
            (story.value(QStringLiteral("source")).toString() == QLatin1String("wire") ? wireReport
                                                                                       : postReport)
                = story.value(QStringLiteral("id")).toInteger();
        }
        QVERIFY(wireReport > 0 && postReport > 0);

        const auto groupedEvents = [&] {
            const Run grouped = bulletin(
                {QStringLiteral("list"), QStringLiteral("--grouped"), QStringLiteral("--json")},
                cachePath);
            return grouped.json().value(QStringLiteral("events")).toArray();
        };
        const auto relatedIds = [&](qint64 id) {
            const Run shown = bulletin(
                {QStringLiteral("show"), QString::number(id), QStringLiteral("--json")}, cachePath);
            QList<qint64> ids;
            for (const QJsonValue &v : shown.json().value(QStringLiteral("related")).toArray())
                ids << v.toObject().value(QStringLiteral("id")).toInteger();
            return ids;
        };
        // Not grouped yet: each story is an event of its own, and `show` lists the other
        // report all the same.
        QCOMPARE(groupedEvents().size(), 3);
        QCOMPARE(relatedIds(wireReport), QList<qint64>{postReport});

        QString error;
        auto cache = bulletin::Cache::open(cachePath, &error);
        QVERIFY2(cache, qPrintable(error));
        const bulletin::CoverageStore store(cache->database().connection());
        QCOMPARE(store.pending(10).size(), 3);
        QVERIFY(!store.isIndexed(wireReport));

        // The window's writer, a step at a time, as RefreshWorker runs it.
        while (true) {
            const int indexed = bulletin::CoverageIndexer(*cache).indexPending();
            QVERIFY(indexed >= 0);
            if (indexed == 0)
                break;
        }
        QVERIFY(store.pending(10).isEmpty());
        QVERIFY(store.isIndexed(wireReport));
        QCOMPARE(store.eventOf(wireReport), store.eventOf(postReport));
        const QJsonArray events = groupedEvents();
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).toObject().value(QStringLiteral("sources")).toInt(), 2);
        QCOMPARE(relatedIds(wireReport), QList<qint64>{postReport});
    }

    void listGroupedPutsOneEventTogether()
    {
        // --coverage: the events are worked out before the command returns.
        const QString cachePath = m_dir.filePath(QStringLiteral("grouped.sqlite"));
        const QStringList files = volcanoFeeds();
        QVERIFY(!files.isEmpty());
        Run run = bulletin(
            QStringList{QStringLiteral("import"), QStringLiteral("--coverage")} + files, cachePath);
        QVERIFY2(run.status == 0, run.err.constData());

        run = bulletin(
            {QStringLiteral("list"), QStringLiteral("--grouped"), QStringLiteral("--json")},
            cachePath);
        QVERIFY2(run.status == 0, run.err.constData());
        const QJsonArray events = run.json().value(QStringLiteral("events")).toArray();
        QCOMPARE(events.size(), 2);
        // Newest report first: the volcano (10:00), then the heron (09:00).
        const QJsonObject volcano = events.at(0).toObject();
        QCOMPARE(volcano.value(QStringLiteral("sources")).toInt(), 2);
        const QJsonArray reports = volcano.value(QStringLiteral("stories")).toArray();
        QCOMPARE(reports.size(), 2);
        QCOMPARE(reports.at(0).toObject().value(QStringLiteral("source")).toString(),
                 QStringLiteral("post"));
        QCOMPARE(reports.at(1).toObject().value(QStringLiteral("source")).toString(),
                 QStringLiteral("wire"));
        for (const char *field : {"id", "guid", "title", "link", "source", "feed_id", "published"})
            QVERIFY2(reports.at(0).toObject().contains(QLatin1String(field)), field);
        const QJsonObject heron = events.at(1).toObject();
        QCOMPARE(heron.value(QStringLiteral("sources")).toInt(), 1);
        QCOMPARE(heron.value(QStringLiteral("stories")).toArray().size(), 1);

        // The plain list is unchanged; the text form marks the grouped report.
        run = bulletin({QStringLiteral("list"), QStringLiteral("--json")}, cachePath);
        QCOMPARE(run.json().value(QStringLiteral("stories")).toArray().size(), 3);
        run = bulletin({QStringLiteral("list"), QStringLiteral("--grouped")}, cachePath);
        QCOMPARE(run.status, 0);
        QVERIFY2(run.out.contains("(+1 sources)"), run.out.constData());
    }

    void advisoryRulesRoundTrip()
    {
        const QString rules = m_dir.filePath(QStringLiteral("rules.sqlite"));
        const auto advisoryOrigins = [&] {
            QHash<QString, QString> origins; // story title -> origin
            const Run run = bulletin({QStringLiteral("advisories"), QStringLiteral("--json")},
                                     rules);
            for (const QJsonValue &v : run.json().value(QStringLiteral("advisories")).toArray())
                origins.insert(v[QStringLiteral("story_title")].toString(),
                               v[QStringLiteral("origin")].toString());
            return origins;
        };

        Run run = bulletin({QStringLiteral("advisory-rules"), QStringLiteral("--json")}, rules);
        QVERIFY2(run.status == 0, run.err.constData());
        QCOMPARE(run.json().value(QStringLiteral("keywords")).toArray().size(), 0);
        QVERIFY(run.json().value(QStringLiteral("default_headings")).toBool());
        QVERIFY(run.json()
                    .value(QStringLiteral("headings"))
                    .toArray()
                    .contains(QStringLiteral("Public Advisory")));

        QCOMPARE(bulletin({QStringLiteral("advisory-rules"), QStringLiteral("add-keyword"),
                           QStringLiteral("flood")},
                          rules)
                     .status,
                 0);
        run = bulletin({QStringLiteral("advisory-rules"), QStringLiteral("add-keyword"),
                        QStringLiteral("FLOOD")},
                       rules);
        QVERIFY(run.status > 0);
        QVERIFY2(run.err.contains("already"), run.err.constData());
        run = bulletin({QStringLiteral("advisory-rules"), QStringLiteral("add-heading"),
                        QStringLiteral("Travel"), QStringLiteral("alert"),
                        QStringLiteral("--json")},
                       rules);
        QCOMPARE(run.status, 0);
        QVERIFY(run.json()
                    .value(QStringLiteral("headings"))
                    .toArray()
                    .contains(QStringLiteral("Travel alert")));
        QVERIFY(!run.json().value(QStringLiteral("default_headings")).toBool());
        QCOMPARE(run.json().value(QStringLiteral("keywords")).toArray(),
                 QJsonArray{QStringLiteral("flood")});

        // A feed file: a keyword story, a story with a "Travel alert" section, a plain one.
        const QString feedPath = m_dir.filePath(QStringLiteral("rules-feed.xml"));
        QFile feed(feedPath);
        QVERIFY(feed.open(QIODevice::WriteOnly));
        feed.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Valley News</title>"
                   "<item><guid>1</guid><title>Flood defences tested</title><description>Sirens at "
                   "noon.</description></item>"
                   "<item><guid>2</guid><title>Trains delayed</title><description>&lt;p&gt;Works "
                   "on the line.&lt;/p&gt;"
                   "&lt;h3&gt;Travel alert&lt;/h3&gt;&lt;p&gt;Avoid the A1 "
                   "tonight.&lt;/p&gt;</description></item>"
                   "<item><guid>3</guid><title>Market day</title><description>Stalls open at "
                   "nine.</description></item>"
                   "</channel></rss>");
        feed.close();
        run = bulletin({QStringLiteral("import"), feedPath}, rules);
        QVERIFY2(run.status == 0, run.err.constData());
        QHash<QString, QString> origins = advisoryOrigins();
        QCOMPARE(origins.size(), 2);
        QCOMPARE(origins.value(QStringLiteral("Flood defences tested")), QStringLiteral("rule"));
        QCOMPARE(origins.value(QStringLiteral("Trains delayed")), QStringLiteral("section"));

        // The feed becomes an alert source; apply re-evaluates the cached stories.
        run = bulletin({QStringLiteral("list"), QStringLiteral("--json")}, rules);
        const QString feedId = QString::number(run.json()
                                                   .value(QStringLiteral("stories"))
                                                   .toArray()
                                                   .first()[QStringLiteral("feed_id")]
                                                   .toInteger());
        run = bulletin({QStringLiteral("alert-source"), feedId, QStringLiteral("on")}, rules);
        QVERIFY2(run.status == 0, run.err.constData());
        QVERIFY(run.out.contains("Valley News"));
        run = bulletin({QStringLiteral("advisory-rules"), QStringLiteral("--json")}, rules);
        QCOMPARE(run.json().value(QStringLiteral("alert_sources")).toArray().size(), 1);
        run = bulletin(
            {QStringLiteral("advisory-rules"), QStringLiteral("apply"), QStringLiteral("--json")},
            rules);
        QVERIFY2(run.status == 0, run.err.constData());
        QCOMPARE(run.json().value(QStringLiteral("added")).toInt(), 1);
        QCOMPARE(run.json().value(QStringLiteral("changed")).toInt(),
                 1); // the flood story: now the feed's summary
        origins = advisoryOrigins();
        QCOMPARE(origins.size(), 3);
        QCOMPARE(origins.value(QStringLiteral("Market day")), QStringLiteral("rule"));
        QCOMPARE(origins.value(QStringLiteral("Trains delayed")), QStringLiteral("section"));

        // Off again, keyword removed, headings reset: only the section advisory is left (it
        // was written with the story; rules do not remove it).
        QCOMPARE(
            bulletin({QStringLiteral("alert-source"), feedId, QStringLiteral("off")}, rules).status,
            0);
        QCOMPARE(bulletin({QStringLiteral("advisory-rules"), QStringLiteral("remove-keyword"),
                           QStringLiteral("Flood")},
                          rules)
                     .status,
                 0);
        run = bulletin({QStringLiteral("advisory-rules"), QStringLiteral("remove-keyword"),
                        QStringLiteral("flood")},
                       rules);
        QVERIFY(run.status > 0);
        QVERIFY2(run.err.contains("not in the list"), run.err.constData());
        run = bulletin({QStringLiteral("advisory-rules"), QStringLiteral("apply")}, rules);
        QVERIFY2(run.out.contains("2 removed"), run.out.constData());
        QCOMPARE(advisoryOrigins().keys(), QStringList{QStringLiteral("Trains delayed")});
        run = bulletin(
            {QStringLiteral("advisory-rules"), QStringLiteral("reset"), QStringLiteral("--json")},
            rules);
        QCOMPARE(run.status, 0);
        QVERIFY(run.json().value(QStringLiteral("default_headings")).toBool());
        QCOMPARE(run.json().value(QStringLiteral("alert_sources")).toArray().size(), 0);
        run = bulletin({QStringLiteral("advisory-rules")}, rules);
        QVERIFY(run.out.contains("(the defaults)"));
    }

    // A feed file says nothing of where it came from; --url does, and its relative links
    // resolve against it: in `parse`, and in what `import` stores and `show` gives the reader.
    void feedAddressResolvesRelativeLinks()
    {
        const QString path = m_dir.filePath(QStringLiteral("relative.atom"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Rel</title>"
                       "<link href=\"/\"/><entry><id>tag:rel,1</id><title>Relative post</title>"
                       "<link href=\"/2026/12/01/post/\"/><updated>2026-12-01T10:00:00Z</updated>"
                       "<content type=\"html\">&lt;a href=\"/about/\"&gt;About&lt;/a&gt; "
                       "&lt;img src=\"img/x.png\" alt=\"Map\"&gt;</content></entry></feed>");
        }
        const QString address = QStringLiteral("https://blog.example/feeds/all.atom");
        const auto firstLink = [](const Run &run) {
            const QJsonArray items = run.json().value(QStringLiteral("items")).toArray();
            return items.first().toObject().value(QStringLiteral("link")).toString();
        };

        Run run = bulletin({QStringLiteral("parse"), path});
        QCOMPARE(run.status, 0);
        QCOMPARE(firstLink(run), QStringLiteral("/2026/12/01/post/"));
        run = bulletin({QStringLiteral("parse"), path, QStringLiteral("--url"), address});
        QVERIFY2(run.status == 0, run.err.constData());
        QCOMPARE(run.json().value(QStringLiteral("link")), QStringLiteral("https://blog.example/"));
        QCOMPARE(firstLink(run), QStringLiteral("https://blog.example/2026/12/01/post/"));

        const QString cachePath = m_dir.filePath(QStringLiteral("relative.sqlite"));
        run = bulletin({QStringLiteral("import"), path, QStringLiteral("--url"), address},
                       cachePath);
        QVERIFY2(run.status == 0, run.err.constData());
        run = bulletin({QStringLiteral("list"), QStringLiteral("--json")}, cachePath);
        const QJsonObject story
            = run.json().value(QStringLiteral("stories")).toArray().first().toObject();
        QCOMPARE(story.value(QStringLiteral("link")),
                 QStringLiteral("https://blog.example/2026/12/01/post/"));
        const QString id = QString::number(story.value(QStringLiteral("id")).toInteger());
        run = bulletin({QStringLiteral("show"), id, QStringLiteral("--json")}, cachePath);
        const QString html = run.json().value(QStringLiteral("html")).toString();
        QVERIFY2(html.contains(QStringLiteral("<a href=\"https://blog.example/about/\">About</a>")),
                 qPrintable(html));
        QCOMPARE(run.json().value(QStringLiteral("blocked_urls")).toArray(),
                 QJsonArray{QStringLiteral("https://blog.example/feeds/img/x.png")});
    }

    void showJsonListsTheEnclosures()
    {
        // A podcast's feed imported as a file: `show --json` lists the story's enclosures,
        // their addresses made absolute against the feed's, and leaves out what no one could open.
        const QString path = m_dir.filePath(QStringLiteral("podcast.rss"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(
                "<?xml version=\"1.0\"?><rss version=\"2.0\" "
                "xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"><channel>"
                "<title>Harbour Radio</title><link>https://radio.example/</link>"
                "<item><title>Episode "
                "12</title><link>https://radio.example/12</link><guid>ep12</guid>"
                "<enclosure url=\"media/episode-12.mp3\" length=\"24100000\" type=\"audio/mpeg\"/>"
                "<itunes:duration>1:02:03</itunes:duration>"
                "<enclosure url=\"javascript:alert(1)\" type=\"audio/mpeg\"/>"
                "<enclosure url=\"https://radio.example/notes\" length=\"0\"/>"
                "</item><item><title>Brief</title><guid>brief</guid></item></channel></rss>");
        }
        const QString cachePath = m_dir.filePath(QStringLiteral("podcast.sqlite"));
        Run run = bulletin({QStringLiteral("import"), path, QStringLiteral("--url"),
                            QStringLiteral("https://radio.example/feed.rss")},
                           cachePath);
        QVERIFY2(run.status == 0, run.err.constData());
        run = bulletin({QStringLiteral("list"), QStringLiteral("--json")}, cachePath);
        QHash<QString, QString> ids;
        for (const QJsonValue &story : run.json().value(QStringLiteral("stories")).toArray())
            ids.insert(story.toObject().value(QStringLiteral("title")).toString(),
                       QString::number(story.toObject().value(QStringLiteral("id")).toInteger()));
        QCOMPARE(ids.size(), 2);

        run = bulletin({QStringLiteral("show"), ids.value(QStringLiteral("Episode 12")),
                        QStringLiteral("--json")},
                       cachePath);
        QVERIFY2(run.status == 0, run.err.constData());
        const QJsonArray enclosures = run.json().value(QStringLiteral("enclosures")).toArray();
        QCOMPARE(enclosures.size(), 2);
        const QJsonObject episode = enclosures.at(0).toObject();
        QCOMPARE(episode.value(QStringLiteral("url")).toString(),
                 QStringLiteral("https://radio.example/media/episode-12.mp3"));
        QCOMPARE(episode.value(QStringLiteral("type")).toString(), QStringLiteral("audio/mpeg"));
        QCOMPARE(episode.value(QStringLiteral("length")).toInteger(), 24100000);
        QCOMPARE(episode.value(QStringLiteral("duration")).toInteger(), 3723);
        QVERIFY(episode.value(QStringLiteral("title")).isNull());
        const QJsonObject notes = enclosures.at(1).toObject();
        QCOMPARE(notes.value(QStringLiteral("url")).toString(),
                 QStringLiteral("https://radio.example/notes"));
        for (const char *unknown : {"type", "length", "title", "duration"})
            QVERIFY2(notes.value(QLatin1String(unknown)).isNull(), unknown);

        run = bulletin(
            {QStringLiteral("show"), ids.value(QStringLiteral("Brief")), QStringLiteral("--json")},
            cachePath);
        QCOMPARE(run.json().value(QStringLiteral("enclosures")), QJsonValue(QJsonArray{}));
    }

    void errorsAreOneClearLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("unknown command");
        QTest::newRow("show without id")
            << QStringList{QStringLiteral("show")} << QStringLiteral("usage");
        QTest::newRow("show missing story")
            << QStringList{QStringLiteral("show"), QStringLiteral("999999")}
            << QStringLiteral("no story");
        QTest::newRow("import missing file")
            << QStringList{QStringLiteral("import"), QStringLiteral("/nonexistent/file.txt")}
            << QStringLiteral("cannot read");
        QTest::newRow("parse not a feed")
            << QStringList{QStringLiteral("parse"), sample()} << QStringLiteral("");
        QTest::newRow("alert-source usage")
            << QStringList{QStringLiteral("alert-source"), QStringLiteral("1"),
                           QStringLiteral("maybe")}
            << QStringLiteral("usage");
        QTest::newRow("alert-source missing feed")
            << QStringList{QStringLiteral("alert-source"), QStringLiteral("999999"),
                           QStringLiteral("on")}
            << QStringLiteral("no feed");
        QTest::newRow("advisory-rules usage")
            << QStringList{QStringLiteral("advisory-rules"), QStringLiteral("add-keyword")}
            << QStringLiteral("usage");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("list"), QStringLiteral("--bogus")}
            << QStringLiteral("unknown option");
        // An unknown option is an error before a command word too; it never opens the window.
        QTest::newRow("unknown option, no command")
            << QStringList{QStringLiteral("--foo")}
            << QStringLiteral("unknown option --foo (see bulletin --help)");
        QTest::newRow("unknown option before a command")
            << QStringList{QStringLiteral("--foo"), QStringLiteral("list")}
            << QStringLiteral("unknown option --foo");
        QTest::newRow("list missing feed")
            << QStringList{QStringLiteral("list"), QStringLiteral("--feed"), QStringLiteral("999")}
            << QStringLiteral("no feed with id 999 in the cache");
        QTest::newRow("list feed not a number")
            << QStringList{QStringLiteral("list"), QStringLiteral("--feed"), QStringLiteral("news")}
            << QStringLiteral("--feed needs a feed id, not \"news\"");
        QTest::newRow("search missing folder")
            << QStringList{QStringLiteral("search"), QStringLiteral("storm"),
                           QStringLiteral("--folder"), QStringLiteral("42")}
            << QStringLiteral("no folder with id 42 in the cache");
        QTest::newRow("parse a program")
            << QStringList{QStringLiteral("parse"), QStringLiteral(BULLETIN_EXECUTABLE)}
            << QStringLiteral("looks binary");
        QTest::newRow("subscribe to no address")
            << QStringList{QStringLiteral("subscribe"), QStringLiteral("%%")}
            << QStringLiteral("\"%%\" is not a web address");
        QTest::newRow("subscribe to a bad host")
            << QStringList{QStringLiteral("subscribe"), QStringLiteral("http://a b/")}
            << QStringLiteral("\"http://a b/\" is not a valid address");
        // A refused connection: the failure alone, no log line of the fetch before it.
        QTest::newRow("subscribe, connection refused")
            << QStringList{QStringLiteral("subscribe"), QStringLiteral("http://127.0.0.1:1/feed")}
            << QStringLiteral("connection failed");
        QTest::newRow("parse --url not an address")
            << QStringList{QStringLiteral("parse"), sample(), QStringLiteral("--url"),
                           QStringLiteral("feeds/all.xml")}
            << QStringLiteral(
                   "--url must be an absolute http or https address, not \"feeds/all.xml\"");
        QTest::newRow("import --url not a web address")
            << QStringList{QStringLiteral("import"), sample(), QStringLiteral("--url"),
                           QStringLiteral("file:///tmp/feed.xml")}
            << QStringLiteral("--url must be an absolute http or https address");
    }

    void errorsAreOneClearLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run run = bulletin(arguments);
        QVERIFY(run.status > 0);
        const QString err = QString::fromUtf8(run.err).trimmed();
        QVERIFY2(!err.isEmpty(), "nothing on stderr");
        QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(err));
        QVERIFY2(err.contains(message), qPrintable(err));
    }

    void versionIsPrinted()
    {
        const Run run = bulletin({QStringLiteral("--version")});
        QCOMPARE(run.status, 0);
        // The versions it runs with, for a bug report: Qt's and the SQLite library's.
        QString sqliteVersion;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                        QStringLiteral("version"));
            db.setDatabaseName(QStringLiteral(":memory:"));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT sqlite_version()")) && q.next());
            sqliteVersion = q.value(0).toString();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("version"));
        QVERIFY(!sqliteVersion.isEmpty());
        QCOMPARE(QString::fromUtf8(run.out).trimmed(),
                 QStringLiteral("bulletin " BULLETIN_VERSION " (Qt %1, SQLite %2)")
                     .arg(QString::fromLatin1(qVersion()), sqliteVersion));
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        QVERIFY(bulletin({QStringLiteral("--help")}).out.contains("--version"));
    }

    // A new cache runs every migration: quietly, and in one line with --verbose.
    void aNewCacheSaysNothingUnlessAsked()
    {
        const QString quiet = m_dir.filePath(QStringLiteral("quiet.sqlite"));
        Run run = bulletin({QStringLiteral("list")}, quiet);
        QCOMPARE(run.status, 0);
        QVERIFY2(run.err.isEmpty(), run.err.constData());

        const QString verbose = m_dir.filePath(QStringLiteral("verbose.sqlite"));
        run = bulletin({QStringLiteral("--verbose"), QStringLiteral("list")}, verbose);
        QCOMPARE(run.status, 0);
        const QList<QByteArray> lines = run.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().contains("cache created at schema"), run.err.constData());
    }

    void listsShowTheirDefaultLimitInTheHelp()
    {
        QVERIFY(bulletin({QStringLiteral("--help")})
                    .out.contains("the newest 50 stories unless --limit"));
    }

    void unusableCacheIsOneClearLineAndLeftAlone_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("/dev/null") << "null"
                                   << "/dev/null is not a file";
        QTest::newRow("zero-length file") << "empty"
                                          << "is empty (0 bytes)";
        QTest::newRow("a text file") << "text"
                                     << "is not an SQLite database";
        QTest::newRow("a cache cut short") << "cut"
                                           << "is cut short";
        QTest::newRow("another program's database") << "foreign"
                                                    << "another program's SQLite database";
    }

    void unusableCacheIsOneClearLineAndLeftAlone()
    {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        if (kind == QLatin1String("null")) {
            path = QStringLiteral("/dev/null");
        } else if (kind == QLatin1String("foreign")) {
            QProcess sqlite;
            sqlite.start(QStringLiteral("sqlite3"),
                         {path,
                          QStringLiteral("CREATE TABLE notes(body TEXT); "
                                         "INSERT INTO notes VALUES ('mine');")});
            if (!sqlite.waitForFinished() || sqlite.exitCode() != 0)
                QSKIP("the sqlite3 program is needed to write another program's database");
        } else {
            QCOMPARE(bulletin({QStringLiteral("import"), sample()}, path).status, 0);
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            if (kind == QLatin1String("empty"))
                QVERIFY(file.resize(0));
            else if (kind == QLatin1String("text"))
                QVERIFY(file.write(QByteArray(8192, 't')) == 8192);
            else
                QVERIFY(file.resize(file.size() / 3));
        }
        const QByteArray before = bulletin::test::fileHash(path);
        const QStringList files = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
        for (const QString &command : {QStringLiteral("list"), QStringLiteral("import")}) {
            const Run run = bulletin(command == QLatin1String("list")
                                         ? QStringList{command}
                                         : QStringList{command, sample()},
                                     path);
            QVERIFY(run.status > 0);
            const QString err = QString::fromUtf8(run.err).trimmed();
            QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(err));
            QVERIFY2(err.contains(message), qPrintable(err));
        }
        QCOMPARE(bulletin::test::fileHash(path), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), files);
        QVERIFY(!QFile::exists(QStringLiteral("/dev/null-journal")));
        QVERIFY(!QFile::exists(QStringLiteral("/dev/null-wal")));
    }

    void readOnlyCacheReadsAndRefusesWritesInWords()
    {
        ScratchMount mount(8 * 1024 * 1024);
        if (!mount.isMounted())
            QSKIP(qPrintable(mount.skipReason()));
        const QString path = mount.filePath(QStringLiteral("cache.sqlite"));
        QCOMPARE(bulletin({QStringLiteral("import"), sample()}, path).status, 0);
        QCOMPARE(bulletin({QStringLiteral("bookmark"), QStringLiteral("4")}, path).status, 0);
        QVERIFY(mount.setReadOnly(true));

        Run run = bulletin({QStringLiteral("list"), QStringLiteral("--json")}, path);
        QVERIFY2(run.status == 0, run.err.constData());
        QCOMPARE(run.json().value(QStringLiteral("stories")).toArray().size(), 4);
        run = bulletin({QStringLiteral("bookmarks"), QStringLiteral("--json")}, path);
        QVERIFY2(run.status == 0, run.err.constData());
        QCOMPARE(run.json().value(QStringLiteral("bookmarks")).toArray().size(), 1);
        run = bulletin({QStringLiteral("search"), QStringLiteral("postal")}, path);
        QVERIFY2(run.status == 0, run.err.constData());

        run = bulletin({QStringLiteral("bookmark"), QStringLiteral("1")}, path);
        QVERIFY(run.status > 0);
        QVERIFY2(run.err.trimmed().count('\n') == 0
                     && run.err.contains("is read-only (it is on a read-only file system)"),
                 run.err.constData());
        QVERIFY(mount.setReadOnly(false));
    }

    void checkFindsDamageThatOpeningDoesNot()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        QByteArray feed = "<rss version=\"2.0\"><channel><title>Harbour</title>";
        // Letters that do not repeat: the cache stores texts compressed, and the damage below
        // needs the texts to fill many pages.
        QRandomGenerator letters(26);
        for (int i = 0; i < 300; ++i)
            feed += "<item><guid>" + QByteArray::number(i) + "</guid><title>Ferry "
                + QByteArray::number(i) + "</title><description>"
                + bulletin::test::lettersThatDoNotRepeat(2000, letters) + "</description></item>";
        feed += "</channel></rss>";
        const QString feedPath = dir.filePath(QStringLiteral("harbour.rss"));
        QFile feedFile(feedPath);
        QVERIFY(feedFile.open(QIODevice::WriteOnly) && feedFile.write(feed) == feed.size());
        feedFile.close();
        QCOMPARE(bulletin({QStringLiteral("import"), feedPath}, path).status, 0);
        Run run = bulletin({QStringLiteral("check")}, path);
        QVERIFY2(run.status == 0, run.err.constData());
        QVERIFY(run.out.contains("is whole"));
        QVERIFY(run.out.contains(".backup-v"));
        QVERIFY(QFile::exists(path
                              + QStringLiteral(".backup-v%1")
                                    .arg(QString::fromUtf8(
                                        run.out.mid(run.out.indexOf(".backup-v") + 9).trimmed()))));
        // A page of garbage in the middle of the stories' texts (a page in the middle of the
        // file may be a free one, which no check reads).
        QList<qint64> storyPages;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                        QStringLiteral("pages"));
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "SELECT pageno FROM dbstat WHERE name = 'article_bodies' ORDER BY pageno")));
            while (q.next())
                storyPages << q.value(0).toLongLong();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("pages"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(storyPages.size() > 50);
            QVERIFY(file.seek((storyPages.at(storyPages.size() / 2) - 1) * 4096));
            QCOMPARE(file.write(QByteArray(4096, '\x7f')), qint64(4096));
        }
        run = bulletin({QStringLiteral("check")}, path);
        QVERIFY(run.status > 0);
        const QString err = QString::fromUtf8(run.err).trimmed();
        QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("the cache %1 is damaged").arg(path)),
                 qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("the newest backup is %1.backup-v").arg(path)),
                 qPrintable(err));
    }

    void bookmarksOfADamagedCacheAreWhatCanStillBeRead_data()
    {
        QTest::addColumn<bool>("backedUp");
        QTest::newRow("with a backup") << true;
        QTest::newRow("without a backup") << false;
    }

    void bookmarksOfADamagedCacheAreWhatCanStillBeRead()
    {
        // Two stories bookmarked and, when backedUp, a backup made by `check`; one more
        // bookmarked after it. Then the file's header is overwritten: it no longer opens.
        QFETCH(bool, backedUp);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        QCOMPARE(bulletin({QStringLiteral("import"), sample()}, path).status, 0);
        const QJsonArray stories = bulletin({QStringLiteral("list"), QStringLiteral("--json")},
                                            path)
                                       .json()
                                       .value(QStringLiteral("stories"))
                                       .toArray();
        QCOMPARE(stories.size(), 4);
        const auto bookmark = [&](int i) {
            const QString id = QString::number(
                stories.at(i).toObject().value(QStringLiteral("id")).toInteger());
            return bulletin({QStringLiteral("bookmark"), id, QStringLiteral("--note"),
                             QStringLiteral("keep %1").arg(i)},
                            path)
                .status;
        };
        QCOMPARE(bookmark(0), 0);
        QCOMPARE(bookmark(1), 0);
        if (backedUp)
            QCOMPARE(bulletin({QStringLiteral("check")}, path).status, 0);
        QCOMPARE(bookmark(2), 0);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QCOMPARE(file.write(QByteArray(100, '\xa5')), qint64(100));
        }
        const QByteArray damaged = bulletin::test::fileHash(path);

        const Run run = bulletin({QStringLiteral("bookmarks"), QStringLiteral("--json")}, path);
        const QString err = QString::fromUtf8(run.err).trimmed();
        QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(err));
        QVERIFY2(
            err.startsWith(
                QStringLiteral("bulletin: no bookmark could be read from the damaged cache %1;")
                    .arg(path)),
            qPrintable(err));
        QCOMPARE(bulletin::test::fileHash(path), damaged);
        if (!backedUp) {
            QCOMPARE(run.status, 1);
            QVERIFY2(err.endsWith(QLatin1String("there is no backup to fill in from")),
                     qPrintable(err));
            return;
        }
        QVERIFY2(run.status == 0, run.err.constData());
        QVERIFY2(err.contains(QStringLiteral("from the backup %1.backup-v").arg(path)),
                 qPrintable(err));
        QStringList notes;
        for (const QJsonValue &b : run.json().value(QStringLiteral("bookmarks")).toArray())
            notes << b.toObject().value(QStringLiteral("note")).toString();
        notes.sort();
        QCOMPARE(notes, (QStringList{QStringLiteral("keep 0"), QStringLiteral("keep 1")}));
    }

    void exportOpmlOnAFullDiskKeepsTheOldFile()
    {
        ScratchMount mount(1024 * 1024);
        if (!mount.isMounted())
            QSKIP(qPrintable(mount.skipReason()));
        const QString cachePath = m_dir.filePath(QStringLiteral("subscriptions.sqlite"));
        QCOMPARE(bulletin({QStringLiteral("import"), manySubscriptions(3000)}, cachePath).status,
                 0);
        const QString exported = mount.filePath(QStringLiteral("subscriptions.opml"));
        QCOMPARE(bulletin({QStringLiteral("export-opml"), exported}, cachePath).status, 0);
        const QByteArray before = bulletin::test::fileHash(exported);
        QVERIFY(QFileInfo(exported).size() > 300 * 1000);
        // Room for less than one more copy: writing it runs out of space half-way.
        QVERIFY(mount.fill(64 * 1024));

        const Run run = bulletin({QStringLiteral("export-opml"), exported}, cachePath);
        QVERIFY(run.status > 0);
        QVERIFY2(run.err.contains("left as it was"), run.err.constData());
        QCOMPARE(bulletin::test::fileHash(exported), before);
        QCOMPARE(QDir(mount.filePath(QString())).entryList(QDir::Files),
                 QStringList{QStringLiteral("subscriptions.opml")});
    }

    void newerCacheIsRefused()
    {
        const QString path = m_dir.filePath(QStringLiteral("newer.sqlite"));
        QCOMPARE(bulletin({QStringLiteral("list")}, path).status, 0);
        {
            QProcess sqlite;
            sqlite.start(QStringLiteral("sqlite3"),
                         {path, QStringLiteral("PRAGMA user_version=9999;")});
            if (!sqlite.waitForFinished() || sqlite.exitCode() != 0)
                QSKIP("the sqlite3 program is needed to write a newer cache");
        }
        const Run run = bulletin({QStringLiteral("list")}, path);
        QVERIFY(run.status > 0);
        QVERIFY2(run.err.contains("newer version"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
