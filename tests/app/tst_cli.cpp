// Runs the real `bulletin` executable the way scripts and the corpus checkers do.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCli final : public QObject
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
        process.setProgram(QStringLiteral(BULLETIN_EXECUTABLE));
        process.setArguments(QStringList{QStringLiteral("--cache"),
                                         cachePath.isEmpty() ? cache() : cachePath}
                             + arguments);
        process.start();
        if (!process.waitForFinished(60000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), process.readAllStandardError()};
    }

    static QString sample()
    {
        return QStringLiteral(BULLETIN_SOURCE_DIR "/resources/sample/questiqa-postal-cyberattack.txt");
    }

private Q_SLOTS:
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
        QCOMPARE(story.value(QStringLiteral("source")).toString(), QStringLiteral("Questiqa Europe News"));
        QVERIFY(story.value(QStringLiteral("has_advisory")).toBool());
        for (const char *field : {"id", "guid", "title", "link", "source", "feed_id", "published",
                                  "read", "bookmarked", "has_advisory"})
            QVERIFY2(story.contains(QLatin1String(field)), field);
        const QString id = QString::number(story.value(QStringLiteral("id")).toInteger());

        run = bulletin({QStringLiteral("show"), id, QStringLiteral("--json")});
        QCOMPARE(run.status, 0);
        const QJsonObject shown = run.json();
        QVERIFY(shown.value(QStringLiteral("text")).toString().contains(QStringLiteral("potential phishing scams")));
        QVERIFY(shown.value(QStringLiteral("html")).toString().contains(QStringLiteral("<table")));
        QCOMPARE(shown.value(QStringLiteral("advisory")).toObject().value(QStringLiteral("headline")).toString(),
                 QStringLiteral("Public Advisory"));
        const QJsonArray related = shown.value(QStringLiteral("related")).toArray();
        QVERIFY(related.size() >= 3);
        for (int i = 0; i < 3; ++i) {
            const QJsonObject r = related.at(i).toObject();
            QCOMPARE(r.value(QStringLiteral("kind")).toString(), QStringLiteral("publisher"));
            QVERIFY(r.value(QStringLiteral("id")).isDouble()); // resolves to the headline-only story
        }
        QVERIFY(shown.value(QStringLiteral("note")).toString().contains(QStringLiteral("derived")));

        QCOMPARE(bulletin({QStringLiteral("bookmark"), id, QStringLiteral("--note"), QStringLiteral("for later")}).status, 0);
        run = bulletin({QStringLiteral("bookmarks"), QStringLiteral("--json")});
        const QJsonArray bookmarks = run.json().value(QStringLiteral("bookmarks")).toArray();
        QCOMPARE(bookmarks.size(), 1);
        QCOMPARE(bookmarks.first().toObject().value(QStringLiteral("note")).toString(), QStringLiteral("for later"));
        QVERIFY(!bookmarks.first().toObject().value(QStringLiteral("bookmarked_at")).isNull());

        // Importing again adds nothing.
        QCOMPARE(bulletin({QStringLiteral("import"), sample()}).status, 0);
        run = bulletin({QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(run.json().value(QStringLiteral("stories")).toArray().size(), 4);

        QCOMPARE(bulletin({QStringLiteral("bookmark"), id, QStringLiteral("--off")}).status, 0);
        run = bulletin({QStringLiteral("bookmarks"), QStringLiteral("--json")});
        QCOMPARE(run.json().value(QStringLiteral("bookmarks")).toArray().size(), 0);
    }

    void errorsAreOneClearLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("unknown command");
        QTest::newRow("show without id") << QStringList{QStringLiteral("show")} << QStringLiteral("usage");
        QTest::newRow("show missing story") << QStringList{QStringLiteral("show"), QStringLiteral("999999")} << QStringLiteral("no story");
        QTest::newRow("import missing file") << QStringList{QStringLiteral("import"), QStringLiteral("/nonexistent/file.txt")} << QStringLiteral("cannot read");
        QTest::newRow("parse not a feed") << QStringList{QStringLiteral("parse"), sample()} << QStringLiteral("");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("list"), QStringLiteral("--bogus")} << QStringLiteral("unknown option");
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

    void newerCacheIsRefused()
    {
        const QString path = m_dir.filePath(QStringLiteral("newer.sqlite"));
        QCOMPARE(bulletin({QStringLiteral("list")}, path).status, 0);
        {
            QProcess sqlite;
            sqlite.start(QStringLiteral("sqlite3"), {path, QStringLiteral("PRAGMA user_version=9999;")});
            if (!sqlite.waitForFinished() || sqlite.exitCode() != 0)
                QSKIP("the sqlite3 program is needed to write a newer cache");
        }
        const Run run = bulletin({QStringLiteral("list")}, path);
        QVERIFY(run.status > 0);
        QVERIFY2(run.err.contains("newer version"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
