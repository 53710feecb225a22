// SIGTERM (a session's logout, `kill`) and SIGINT (Ctrl+C in a terminal) make the real
// window quit cleanly, the way closing it does: it saves its state and exits with status 0.
// Sent while the window opens a 30 MB story, as when the story froze the window for good.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class tst_QuitOnSignal final : public QObject
{
    Q_OBJECT

private slots:
    void quitsCleanly_data();
    void quitsCleanly();

private:
    QTemporaryDir m_dir;
};

void tst_QuitOnSignal::quitsCleanly_data()
{
    QTest::addColumn<int>("signal");
    QTest::addColumn<bool>("hugeStory");
    QTest::addColumn<QString>("milestone"); // sent once the window has reached it
    QTest::newRow("SIGTERM, idle") << int(SIGTERM) << false << "idle";
    QTest::newRow("SIGINT, idle") << int(SIGINT) << false << "idle";
    QTest::newRow("SIGTERM while opening a 30 MB story") << int(SIGTERM) << true << "window-shown";
    QTest::newRow("SIGINT while opening a 30 MB story") << int(SIGINT) << true << "window-shown";
}

void tst_QuitOnSignal::quitsCleanly()
{
    QFETCH(int, signal);
    QFETCH(bool, hugeStory);
    QFETCH(QString, milestone);
    QVERIFY(m_dir.isValid());
    const QString home = m_dir.filePath(
        QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
    QVERIFY(QDir().mkpath(home + QStringLiteral("/config/Bulletin")));
    const QString cache = home + QStringLiteral("/cache.sqlite");

    const QString text = home + QStringLiteral("/story.txt");
    QFile story(text);
    QVERIFY(story.open(QIODevice::WriteOnly));
    const QByteArray sentence
        = "The council said on Monday that the storm closed schools across the county. ";
    story.write(hugeStory ? sentence.repeated(30 * 1024 * 1024 / sentence.size()) : sentence);
    story.write("\n");
    story.close();
    QProcess import;
    import.start(QStringLiteral(BULLETIN_EXECUTABLE),
                 {QStringLiteral("--cache"), cache, QStringLiteral("import"), text});
    QVERIFY(import.waitForFinished(120000));
    QCOMPARE(import.exitCode(), 0);

    // The window reopens on that story, as on the user's next start.
    const QString conf = home + QStringLiteral("/config/Bulletin/bulletin.conf");
    {
        QSettings settings(conf, QSettings::IniFormat);
        settings.setValue(QStringLiteral("reader/lastStory"), 1);
    }
    const QString milestones = home + QStringLiteral("/milestones");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
    env.insert(QStringLiteral("BULLETIN_MILESTONES"), milestones);
    QProcess window;
    window.setProcessEnvironment(env);
    window.start(QStringLiteral(BULLETIN_EXECUTABLE), {QStringLiteral("--cache"), cache});
    QVERIFY(window.waitForStarted());
    const QByteArray reached = "\"milestone\":\"" + milestone.toLatin1() + '"';
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QFile file(milestones);
            return file.open(QIODevice::ReadOnly) && file.readAll().contains(reached);
        }(),
        120000);

    ::kill(pid_t(window.processId()), signal);
    QVERIFY2(window.waitForFinished(60000), "the window did not quit");
    QCOMPARE(window.exitStatus(), QProcess::NormalExit);
    QCOMPARE(window.exitCode(), 0);
    // It quit as closing it does: its state is saved.
    QSettings saved(conf, QSettings::IniFormat);
    QVERIFY(saved.contains(QStringLiteral("window/geometry")));
    QCOMPARE(saved.value(QStringLiteral("reader/lastStory")).toLongLong(), 1);
}

QTEST_GUILESS_MAIN(tst_QuitOnSignal)
#include "tst_quitonsignal.moc"
