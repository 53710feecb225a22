// Importing a large feed through the real command line (`bulletin import FILE`) into a new
// cache: the stories are stored and indexed for search before the command returns, and their
// related coverage is left to the window's writer, as after a refresh. Compared per story
// with the cold refresh of 200x50 stories when that part ran. Two feeds of the same number
// of stories:
// - news-like: stories that come in events (a name and a few event words shared by the
//   reports of one event, each report with words of its own), one every 5 to 40 minutes,
//   with ~1.5 KB of prose each;
// - numbered: undated items titled "Story 1" ... "Story N" with ~10 KB of prose each, the
//   shape of the 60 MB feed of the bounds tests, where every headline shares its one word.

#include "measure.h"
#include "textgen.h"

#include <QFile>
#include <QProcess>

#include <sys/resource.h>

namespace bench {

namespace {

QByteArray newsLikeFeed(int stories)
{
    TextGen g(4242);
    struct Event
    {
        QString name;
        QStringList words;
    };
    QList<Event> events;
    QDateTime at(QDate(2026, 1, 15), QTime(12, 0), Qt::UTC);
    QString xml = QStringLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\n"
        "<title>Imported News</title><link>http://127.0.0.1/news</link>\n");
    for (int i = 0; i < stories; ++i) {
        at = at.addSecs(-60 * (5 + g.below(36)));
        if (events.isEmpty() || g.below(10) < 4) {
            Event e;
            e.name = g.contentWord();
            e.name[0] = e.name[0].toUpper();
            for (int w = 0; w < 4; ++w)
                e.words << g.contentWord();
            events << e;
            if (events.size() > 30)
                events.removeFirst();
        }
        const Event &e = events.at(g.below(int(events.size())));
        QStringList words = e.words;
        words.removeAt(g.below(4));
        for (int w = 2 + g.below(3); w > 0; --w)
            words.insert(g.below(int(words.size()) + 1), g.word());
        const QString title = e.name + QLatin1Char(' ') + words.join(QLatin1Char(' '));
        xml += QStringLiteral("<item><title>%1</title><link>http://127.0.0.1/news/%2</link>"
                              "<guid isPermaLink=\"false\">news-%2</guid><pubDate>%3</pubDate>"
                              "<description>%4</description></item>\n")
                   .arg(xmlEscape(title))
                   .arg(i)
                   .arg(rfc822(at), xmlEscape(g.articleHtml(1500, nullptr)));
    }
    return (xml + QStringLiteral("</channel></rss>\n")).toUtf8();
}

QByteArray numberedFeed(int stories)
{
    TextGen g(4343);
    QString xml = QStringLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\n"
        "<title>Large</title><link>http://127.0.0.1/large</link>\n");
    for (int i = 0; i < stories; ++i)
        xml += QStringLiteral("<item><title>Story %1</title><link>http://127.0.0.1/large/%1</link>"
                              "<description>%2</description></item>\n")
                   .arg(i)
                   .arg(xmlEscape(g.articleHtml(10000, nullptr)));
    return (xml + QStringLiteral("</channel></rss>\n")).toUtf8();
}

// CPU time (user and system) of the children waited for so far, in milliseconds.
double childrenCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    const auto ms = [](const timeval &t) {
        return double(t.tv_sec) * 1000.0 + double(t.tv_usec) / 1000.0;
    };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

// Wall time of one `bulletin import` into a new cache, and its CPU time in *cpuMs (on a
// shared machine the wall time is mostly the other load); negative when it failed.
double timeImport(const Setup &setup, const QString &feedPath, double *cpuMs, QString *error)
{
    const QString cachePath = setup.workDir + QStringLiteral("/import.sqlite");
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(cachePath + suffix);
    QProcess p;
    p.setProgram(setup.bulletin);
    p.setArguments({QStringLiteral("--cache"), cachePath, QStringLiteral("import"), feedPath});
    const double cpu0 = childrenCpuMs();
    const qint64 t0 = monotonicNs();
    p.start();
    const bool finished = p.waitForFinished(3600 * 1000);
    const double ms = msSince(t0);
    *cpuMs = childrenCpuMs() - cpu0;
    if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QString::fromUtf8(p.readAllStandardError()).trimmed();
        return -1;
    }
    return ms;
}

} // namespace

void measureImport(const Setup &setup, Results &results, int stories)
{
    struct Kind
    {
        QString key;
        QString label;
        QByteArray feed;
    };
    const QList<Kind> kinds = {
        {QStringLiteral("news"), QStringLiteral("news-like stories"), newsLikeFeed(stories)},
        {QStringLiteral("numbered"), QStringLiteral("undated \"Story N\" titles, 10 KB each"),
         numberedFeed(stories)},
    };
    for (const Kind &kind : kinds) {
        const QString feedPath = setup.workDir
            + QStringLiteral("/import-%1-%2.xml").arg(kind.key).arg(stories);
        QFile file(feedPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(kind.feed) != kind.feed.size()) {
            out() << "  cannot write " << feedPath << Qt::endl;
            return;
        }
        file.close();
        Figure &total = results.add(
            QStringLiteral("import_%1_s").arg(kind.key),
            QStringLiteral("import %1 %2 (CLI)").arg(stories).arg(kind.label), QStringLiteral("s"));
        Figure &perStory = results.add(QStringLiteral("import_%1_story_ms").arg(kind.key),
                                       QStringLiteral("import %1, per story").arg(kind.label),
                                       QStringLiteral("ms"));
        Figure &cpuPerStory = results.add(
            QStringLiteral("import_%1_story_cpu_ms").arg(kind.key),
            QStringLiteral("import %1, CPU time per story").arg(kind.label), QStringLiteral("ms"));
        total.note
            = QStringLiteral(
                  "a %1 MB RSS file into a new cache; the command returns once the stories "
                  "are stored and indexed for search (related coverage waits for the window)")
                  .arg(double(kind.feed.size()) / 1e6, 0, 'f', 1);
        for (int r = 0; r < setup.runs; ++r) {
            QString error;
            double cpuMs = 0;
            const double ms = timeImport(setup, feedPath, &cpuMs, &error);
            if (ms < 0) {
                out() << "  import of " << feedPath << " failed: " << error << Qt::endl;
                break;
            }
            total.samples << ms / 1000.0;
            perStory.samples << ms / stories;
            cpuPerStory.samples << cpuMs / stories;
            out() << QStringLiteral("  import run %1, %2: %3 s (CPU %4 s)")
                         .arg(r + 1)
                         .arg(kind.key)
                         .arg(ms / 1000.0, 0, 'f', 2)
                         .arg(cpuMs / 1000.0, 0, 'f', 2)
                  << Qt::endl;
        }
        QFile::remove(feedPath);
    }
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(setup.workDir + QStringLiteral("/import.sqlite") + suffix);

    // Per story against the cold refresh (measureCliRefresh: 200 feeds x 50 new stories
    // into a new cache, through the command line too), when it ran.
    constexpr int kRefreshStories = 200 * 50;
    const Figure *refresh = results.find(QStringLiteral("refresh_cold_ms"));
    const Figure *imported = results.find(QStringLiteral("import_news_story_ms"));
    if (!refresh || refresh->samples.isEmpty() || !imported || imported->samples.isEmpty())
        return;
    Figure &refreshPerStory = results.add(QStringLiteral("refresh_story_ms"),
                                          QStringLiteral("refresh 200x50 cold, per story"),
                                          QStringLiteral("ms"));
    refreshPerStory.samples << refresh->median() / kRefreshStories;
    Figure &ratio = results.add(QStringLiteral("import_refresh_ratio"),
                                QStringLiteral("import / refresh, per story"), QStringLiteral("x"),
                                Figure::Goal::AtMost, 1.0);
    ratio.samples << imported->median() / refreshPerStory.median();
    ratio.note = QStringLiteral("ratio of medians: the news-like import's wall time per story "
                                "over the cold refresh's; 1 or less means the import is as fast");
}

} // namespace bench
