// The window: cold start of the real `bulletin` process (milestones it reports itself under
// BULLETIN_MILESTONES), and in this process the real MainWindow over the generated cache:
// opening views, scrolling, selecting stories, searching, marking read, and the GUI
// thread's longest stall while RefreshService refreshes 200 feeds from the loopback server.

#include "cachegen.h"
#include "feedserver.h"
#include "measure.h"
#include "stallmeter.h"
#include "textgen.h"

#include "gui/feedactions.h"
#include "gui/mainwindow.h"
#include "gui/readerview.h"
#include "gui/readmarking.h"
#include "gui/storycontroller.h"
#include "gui/storylistview.h"
#include "models/storylistmodel.h"
#include "services/coveragefinder.h"
#include "services/feedpurger.h"
#include "services/refreshservice.h"
#include "services/storysearcher.h"
#include "storage/cache.h"
#include "storage/database.h"
#include "storage/searchstore.h"
#include "storage/sqlutil.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QScrollBar>
#include <QSettings>
#include <QSqlQuery>
#include <QTextStream>
#include <QTimer>

#include <ctime>

namespace bench {

namespace {

struct StartRun
{
    double paintedMs = -1;
    double idleMs = -1;
    double hwmMiB = -1;
    int rows = 0;
    QString error;
};

StartRun launchWindow(const Setup &setup, const QString &cachePath, int run)
{
    StartRun result;
    const QString dir = setup.workDir + QStringLiteral("/start-%1").arg(run);
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    const QString milestones = dir + QStringLiteral("/milestones.jsonl");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("BULLETIN_MILESTONES"), milestones);
    env.insert(QStringLiteral("BULLETIN_QUIT_WHEN_IDLE"), QStringLiteral("1"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // A fresh profile for the settings: the window opens on All stories, nothing restored.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir + QStringLiteral("/data"));
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProgram(setup.bulletin);
    p.setArguments({QStringLiteral("--cache"), cachePath});
    const qint64 t0 = monotonicNs();
    p.start();
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        result.error = QStringLiteral("the window did not go idle within 60 s");
        return result;
    }
    QFile file(milestones);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("no milestones written (%1)")
                           .arg(QString::fromUtf8(p.readAllStandardError()).trimmed());
        return result;
    }
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const QString name = o.value(QStringLiteral("milestone")).toString();
        const double ms = double(qint64(o.value(QStringLiteral("monotonic_ns")).toDouble()) - t0)
            / 1e6;
        if (name == QLatin1String("story-list-painted")) {
            result.paintedMs = ms;
            result.rows = o.value(QStringLiteral("rows")).toInt();
        } else if (name == QLatin1String("idle")) {
            result.idleMs = ms;
            result.hwmMiB = o.value(QStringLiteral("vmhwm_kib")).toDouble() / 1024.0;
        }
    }
    if (result.idleMs < 0)
        result.error = QStringLiteral("no idle milestone");
    return result;
}

} // namespace

void measureColdStart(const Setup &setup, Results &results)
{
    Figure &painted = results.add(QStringLiteral("start_painted_ms"),
                                  QStringLiteral("cold start: story list painted"),
                                  QStringLiteral("ms"), Figure::Goal::AtMost, 300);
    Figure &idle = results.add(QStringLiteral("start_idle_ms"), QStringLiteral("cold start: idle"),
                               QStringLiteral("ms"), Figure::Goal::AtMost, 500);
    Figure &memory = results.add(QStringLiteral("peak_rss_mib"),
                                 QStringLiteral("peak resident memory (VmHWM), window open"),
                                 QStringLiteral("MiB"), Figure::Goal::AtMost, 120);
    Figure &small = results.add(QStringLiteral("peak_rss_small_mib"),
                                QStringLiteral("peak resident memory, 4-story cache"),
                                QStringLiteral("MiB"));
    Figure &smallPainted = results.add(QStringLiteral("start_painted_small_ms"),
                                       QStringLiteral("cold start, 4-story cache: list painted"),
                                       QStringLiteral("ms"));
    Figure &smallIdle = results.add(QStringLiteral("start_idle_small_ms"),
                                    QStringLiteral("cold start, 4-story cache: idle"),
                                    QStringLiteral("ms"));
    // The start targets are relative: the large cache may cost the window at most
    // 30 % over the same window on the 4-story cache, each run against the run beside it.
    Figure &idleRatio = results.add(QStringLiteral("start_idle_ratio"),
                                    QStringLiteral("cold start idle, large / 4-story cache"),
                                    QStringLiteral("x"), Figure::Goal::AtMost, 1.3);
    Figure &memoryRatio = results.add(QStringLiteral("peak_rss_ratio"),
                                      QStringLiteral("VmHWM, large / 4-story cache"),
                                      QStringLiteral("x"), Figure::Goal::AtMost, 1.3);

    // The same window over a tiny cache (the bundled sample only): how much of the memory
    // is the cache's doing.
    const QString smallCache = setup.workDir + QStringLiteral("/small.sqlite");
    QFile::remove(smallCache);
    const StartRun warm = launchWindow(setup, smallCache,
                                       0); // creates it; also warms the page cache for the binary
    QStringList problems;
    if (!warm.error.isEmpty())
        problems << warm.error;
    launchWindow(setup, setup.cache.path, 0); // warm-up over the large cache, not counted
    for (int r = 0; r < setup.runs; ++r) {
        const StartRun run = launchWindow(setup, setup.cache.path, r + 1);
        if (!run.error.isEmpty()) {
            problems << run.error;
            continue;
        }
        out() << QStringLiteral(
                     "  start run %1: list painted %2 ms (%3 rows), idle %4 ms, VmHWM %5 MiB")
                     .arg(r + 1)
                     .arg(run.paintedMs, 0, 'f', 0)
                     .arg(run.rows)
                     .arg(run.idleMs, 0, 'f', 0)
                     .arg(run.hwmMiB, 0, 'f', 1)
              << Qt::endl;
        painted.samples << run.paintedMs;
        idle.samples << run.idleMs;
        memory.samples << run.hwmMiB;
        const StartRun s = launchWindow(setup, smallCache, r + 1);
        if (s.error.isEmpty()) {
            small.samples << s.hwmMiB;
            smallPainted.samples << s.paintedMs;
            smallIdle.samples << s.idleMs;
            if (s.idleMs > 0)
                idleRatio.samples << run.idleMs / s.idleMs;
            if (s.hwmMiB > 0)
                memoryRatio.samples << run.hwmMiB / s.hwmMiB;
        }
    }
    painted.note = QStringLiteral(
        "from just before the process is started until it reports the milestone; "
        "QT_QPA_PLATFORM=offscreen, "
        "fresh settings, files in the OS page cache (warm disk, cold process)");
    if (!problems.isEmpty())
        painted.note += QStringLiteral("; PROBLEMS: ") + problems.join(QStringLiteral("; "));
    smallPainted.note = QStringLiteral(
        "the same window over a cache holding only the bundled sample: the start-up cost that "
        "does not depend on the cache");
    idleRatio.note = QStringLiteral(
        "each run's idle over the large cache divided by the 4-story run started just after it");
    if (!small.samples.isEmpty() && !memory.samples.isEmpty())
        memory.note = QStringLiteral("%1 MiB more than the same window over a 4-story cache")
                          .arg(memory.median() - small.median(), 0, 'f', 1);
}

namespace {

// Every interaction on the GUI thread within one frame at 60 Hz.
constexpr double kFrameMs = 16;

void settle()
{
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
}

// A subscription of `stories` generated stories (~3 KB of HTML each, as in the generated
// cache), stored with indexing deferred, then indexed and merged, as a refresh leaves them.
qint64 addGeneratedFeed(bulletin::Cache &cache, const QString &url, int stories)
{
    const auto feed = cache.feeds().addSubscription(url, QStringLiteral("Unsubscribe Bench"));
    if (!feed)
        return 0;
    QSqlDatabase db = cache.database().connection();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    cache.articles().setDeferIndexing(true);
    for (int start = 0; start < stories; start += 1000) {
        bulletin::Transaction t(db);
        for (int i = start; i < std::min(stories, start + 1000); ++i) {
            TextGen g(quint64(i) + 7000000);
            bulletin::Article a;
            a.guid = QStringLiteral("unsubscribe-%1").arg(i);
            a.title = g.headline();
            a.link = QStringLiteral("%1/story/%2").arg(url).arg(i);
            a.published = now.addSecs(-60LL * (stories - i));
            a.html = g.articleHtml(2600 + g.below(900), &a.text);
            cache.articles().upsert(*feed, a);
        }
        t.commit();
    }
    cache.articles().setDeferIndexing(false);
    QString error;
    return indexAndMerge(cache, &error) ? *feed : 0;
}

} // namespace

void measureInProcess(const Setup &setup, Results &results)
{
    using bulletin::StoryFilter;
    QString error;
    const qint64 openStart = monotonicNs();
    std::unique_ptr<bulletin::Cache> cache = bulletin::Cache::open(setup.cache.path, &error);
    if (!cache) {
        out() << "  cannot open the cache: " << error << Qt::endl;
        return;
    }
    const double openMs = msSince(openStart);
    const QString settingsPath = setup.workDir + QStringLiteral("/inprocess.ini");
    QFile::remove(settingsPath);
    QSettings settings(settingsPath, QSettings::IniFormat);
    // The window with the threads main.cpp gives it; the network stays out.
    bulletin::CoverageFinder coverage(setup.cache.path);
    bulletin::FeedPurger purger(setup.cache.path);
    bulletin::StorySearcher searcher(setup.cache.path);
    bulletin::MainWindow window(*cache, settings,
                                {.coverage = &coverage, .searcher = &searcher, .purger = &purger});
    window.resize(1280, 800);
    window.show();
    settle();
    bulletin::StoryController *controller = window.controller();
    bulletin::StoryListModel *model = controller->storyModel();
    QAbstractItemView *list = window.storyView();
    Q_UNUSED(openMs);

    // Opening views -------------------------------------------------------------------
    Figure &openAll = results.add(QStringLiteral("open_all_ms"),
                                  QStringLiteral("open All stories (rows painted)"),
                                  QStringLiteral("ms"), Figure::Goal::AtMost, kFrameMs);
    Figure &openFeed = results.add(QStringLiteral("open_feed500_ms"),
                                   QStringLiteral("open a 500-story feed (rows painted)"),
                                   QStringLiteral("ms"), Figure::Goal::AtMost, kFrameMs);
    Figure &anyView = results.add(QStringLiteral("any_view_first_rows_ms"),
                                  QStringLiteral("slowest view, first rows painted"),
                                  QStringLiteral("ms"), Figure::Goal::AtMost, kFrameMs);
    struct View
    {
        QString name;
        StoryFilter filter;
    };
    const QList<View> views = {
        {QStringLiteral("Unread"), {StoryFilter::Kind::Unread}},
        {QStringLiteral("Bookmarks"), {StoryFilter::Kind::Bookmarked}},
        {QStringLiteral("Advisories"), {StoryFilter::Kind::Advisories}},
        {QStringLiteral("folder"), {StoryFilter::Kind::Folder, setup.cache.folderId}},
        {QStringLiteral("10,000-story feed"), {StoryFilter::Kind::Feed, setup.cache.bigFeedId}},
        {QStringLiteral("500-story feed"), {StoryFilter::Kind::Feed, setup.cache.mediumFeedId}},
        {QStringLiteral("All"), {StoryFilter::Kind::All}},
    };
    QString slowestName;
    for (int r = 0; r < setup.runs; ++r) {
        double slowest = 0;
        QString line;
        for (const View &v : views) {
            const qint64 t0 = monotonicNs();
            controller->showFilter(v.filter);
            const double shownMs = msSince(t0);
            list->viewport()->repaint();
            const double ms = msSince(t0);
            const int rows = model->rowCount();
            settle();
            line += QStringLiteral(" %1 %2 ms (%3 rows, %4 ms before the paint);")
                        .arg(v.name)
                        .arg(ms, 0, 'f', 1)
                        .arg(rows)
                        .arg(shownMs, 0, 'f', 1);
            if (v.filter.kind == StoryFilter::Kind::All)
                openAll.samples << ms;
            if (v.filter.kind == StoryFilter::Kind::Feed && v.filter.id == setup.cache.mediumFeedId)
                openFeed.samples << ms;
            if (ms > slowest) {
                slowest = ms;
                slowestName = v.name;
            }
        }
        anyView.samples << slowest;
        out() << "  views run " << r + 1 << ":" << line << Qt::endl;
    }
    anyView.note = QStringLiteral(
        "worst of All, Unread, Bookmarks, Advisories, a folder, a 10,000- and a 500-story feed "
        "(StoryController::showFilter, then a synchronous repaint of the list)");

    // Scrolling to the end, newest first and sorted by headline and by source -----------------
    // The list reads its next page ahead on a worker (StoryListModel::setReadAhead): a user
    // needs it only once they have scrolled through the 200 rows before it, and the step that
    // appends it runs no query. Each run scrolls twice: at a user's pace, a screen at a time
    // through each page, for the GUI thread's cost of the step that appends the next page and
    // whether the page was ready by then; then straight to the end, as dragging the scroll bar
    // to the bottom over and over, for the total (which waits for the worker's pages).
    const auto scrollToEnd = [&](const bulletin::StoryOrder &order, const QString &id,
                                 const QString &what, double pageGoalMs) {
        Figure &scroll = results.add(QStringLiteral("scroll%1_to_end_ms").arg(id),
                                     QStringLiteral("scroll All stories%1 to the end").arg(what),
                                     QStringLiteral("ms"));
        Figure &page = results.add(QStringLiteral("scroll%1_page_max_ms").arg(id),
                                   QStringLiteral("longest page fetch while scrolling%1").arg(what),
                                   QStringLiteral("ms"), Figure::Goal::AtMost, pageGoalMs);
        // Every step, to tell a slow page from the one step in thousands the machine delayed.
        Figure &steps = results.add(QStringLiteral("scroll%1_page_steps_ms").arg(id),
                                    QStringLiteral("each page fetch while scrolling%1").arg(what),
                                    QStringLiteral("ms"));
        steps.usePercentile95 = true; // shown beside the spread; no target of its own
        // Off the GUI thread: the worker's time for each page, and the steps it was late for.
        Figure &worker = results.add(QStringLiteral("scroll%1_readahead_ms").arg(id),
                                     QStringLiteral("each page read ahead%1 (worker)").arg(what),
                                     QStringLiteral("ms"));
        worker.usePercentile95 = true;
        Figure &waits = results.add(QStringLiteral("scroll%1_page_waits").arg(id),
                                    QStringLiteral("pages not ready in time%1").arg(what),
                                    QStringLiteral("pages"));
        bool pacing = false; // the worker's pages are timed in the pass at a user's pace
        const QMetaObject::Connection timing = QObject::connect(
            model->readAhead(), &bulletin::StoryReadAhead::pageRead, model,
            [&worker, &pacing](const bulletin::StoryReadAhead::Page &read) {
                if (pacing && !read.rows.isEmpty())
                    worker.samples << read.ms;
            });
        // The GUI thread's CPU time, to tell a slow step from one the machine's load delayed.
        const auto threadCpuNs = [] {
            timespec ts{};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
            return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
        };
        QScrollBar *bar = list->verticalScrollBar();
        const auto waitForPage = [&] {
            QDeadlineTimer deadline(10000);
            while (model->readAhead() && !model->isNextPageReady() && model->canFetchMore({})
                   && !deadline.hasExpired())
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        };
        const auto openView = [&] {
            controller->showFilter({StoryFilter::Kind::Unread});
            controller->showFilter({StoryFilter::Kind::All});
            model->setOrder(order);
            settle();
        };
        for (int r = 0; r < std::min(setup.runs, 3); ++r) {
            openView();
            double longest = 0;
            double longestCpu = 0;
            int longestAt = 0; // the page the longest step appended
            const qsizetype firstStep = steps.samples.size();
            int late = 0;
            pacing = true;
            while (model->canFetchMore({})) {
                // The user scrolls through the rows loaded so far, a screen at a time (the
                // events between two screens bring in the worker's page)...
                while (bar->value() + bar->pageStep() < bar->maximum()) {
                    bar->setValue(bar->value() + bar->pageStep());
                    list->viewport()->repaint();
                    QCoreApplication::processEvents();
                }
                // ...and the next page was read meanwhile, or the list waits for it.
                if (!model->isNextPageReady()) {
                    ++late;
                    waitForPage();
                }
                // The step to the bottom: the view asks the model for more rows (fetchMore).
                const qint64 p0 = monotonicNs();
                const qint64 c0 = threadCpuNs();
                const int before = model->rowCount();
                bar->setValue(bar->maximum());
                QCoreApplication::processEvents();
                if (model->rowCount() == before && model->canFetchMore({}))
                    model->fetchMore({});
                list->viewport()->repaint();
                const double step = msSince(p0);
                if (step > longest) {
                    longestCpu = double(threadCpuNs() - c0) / 1e6;
                    // Step k of the run appends page k + 2 (the view opens on page 1).
                    longestAt = int(steps.samples.size() - firstStep) + 2;
                }
                steps.samples << step;
                longest = std::max(longest, step);
            }
            pacing = false;
            page.samples << longest;
            waits.samples << late;

            // Straight to the end: each step drags the scroll bar to the bottom, and the page
            // comes in as soon as it is read.
            openView();
            const qint64 t0 = monotonicNs();
            while (model->canFetchMore({})) {
                const int before = model->rowCount();
                bar->setValue(bar->maximum());
                QCoreApplication::processEvents();
                if (model->rowCount() == before && model->canFetchMore({})) {
                    model->fetchMore({});
                    if (model->rowCount() == before) {
                        QDeadlineTimer deadline(10000);
                        while (model->rowCount() == before && model->canFetchMore({})
                               && !deadline.hasExpired())
                            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
                    }
                }
                list->viewport()->repaint();
            }
            list->scrollToBottom();
            list->viewport()->repaint();
            const double ms = msSince(t0);
            scroll.samples << ms;
            out() << QStringLiteral("  scroll%1 run %2: %3 rows in %4 ms, longest step %5 ms "
                                    "(%6 ms of GUI-thread CPU, page %7), %8 pages not ready "
                                    "in time")
                         .arg(what)
                         .arg(r + 1)
                         .arg(model->rowCount())
                         .arg(ms, 0, 'f', 0)
                         .arg(longest, 0, 'f', 1)
                         .arg(longestCpu, 0, 'f', 1)
                         .arg(longestAt)
                         .arg(late)
                  << Qt::endl;
        }
        QObject::disconnect(timing);
        scroll.note = QStringLiteral("every row of the view paged in (%1 rows, pages of %2), "
                                     "each page as soon as the worker has read it")
                          .arg(setup.cache.stories)
                          .arg(bulletin::StoryListModel::kPageSize);
        page.note = QStringLiteral("GUI thread, the step that appends a page read ahead, once "
                                   "the user has scrolled through the page before it");
        waits.note = QStringLiteral("steps whose page the worker had not read by the time the "
                                    "user had scrolled a screen at a time through the page "
                                    "before it (of %1 pages a run)")
                         .arg((setup.cache.stories + bulletin::StoryListModel::kPageSize - 1)
                              / bulletin::StoryListModel::kPageSize);
        model->setOrder({});
    };
    scrollToEnd({}, {}, {}, kFrameMs);
    scrollToEnd({bulletin::StoryOrder::Key::Headline, false}, QStringLiteral("_headline"),
                QStringLiteral(" by headline"), kFrameMs);
    scrollToEnd({bulletin::StoryOrder::Key::Source, false}, QStringLiteral("_source"),
                QStringLiteral(" by source"), kFrameMs);

    // Selecting a story until the reader has painted it ------------------------------------
    Figure &select = results.add(QStringLiteral("select_story_ms"),
                                 QStringLiteral("select a story, reader painted"),
                                 QStringLiteral("ms"), Figure::Goal::AtMost, kFrameMs);
    select.usePercentile95 = true;
    controller->showFilter({StoryFilter::Kind::All});
    settle();
    {
        TextGen g(99);
        const int perRun = 20;
        for (int r = 0; r < setup.runs; ++r) {
            for (int i = 0; i < perRun; ++i) {
                const int row = g.below(std::max(1, std::min(model->rowCount(), 200)));
                const QModelIndex index = model->index(row, 0);
                if (list->currentIndex() == index)
                    continue;
                const qint64 t0 = monotonicNs();
                list->setCurrentIndex(index);
                window.reader()->viewport()->repaint();
                select.samples << msSince(t0);
                settle();
            }
        }
    }
    select.note = QStringLiteral(
        "a click on one of the newest 200 rows (unread ones are marked read and the sidebar counts "
        "refreshed, as in the window), then a synchronous repaint of the reader");

    // Search ------------------------------------------------------------------------------
    // A keystroke's search as the window runs it: the search on its own thread (StorySearcher),
    // the GUI thread only putting the results in the list and painting them.
    Figure &search = results.add(QStringLiteral("search_stall_ms"),
                                 QStringLiteral("2-word search typed: longest GUI stall"),
                                 QStringLiteral("ms"), Figure::Goal::AtMost, kFrameMs);
    search.usePercentile95 = true;
    Figure &searchShown = results.add(QStringLiteral("search_shown_ms"),
                                      QStringLiteral("2-word search typed: results painted"),
                                      QStringLiteral("ms"));
    Figure &searchStore = results.add(QStringLiteral("search_ms"),
                                      QStringLiteral("2-word search on the search thread"),
                                      QStringLiteral("ms"));
    {
        TextGen g(4242);
        int hits = 0;
        const int queries = 40 * setup.runs;
        QStringList typed;
        for (int i = 0; i < queries; ++i)
            typed << g.contentWord() + QLatin1Char(' ') + g.contentWord();
        for (const QString &query : std::as_const(typed)) {
            QEventLoop loop;
            double shownMs = 0;
            qint64 t0 = 0;
            const auto shown = QObject::connect(controller, &bulletin::StoryController::searchShown,
                                                &loop, [&] {
                                                    list->viewport()->repaint();
                                                    shownMs = msSince(t0);
                                                    loop.quit();
                                                });
            StallMeter meter;
            QTimer::singleShot(30000, &loop, &QEventLoop::quit);
            meter.start();
            t0 = monotonicNs();
            controller->search(query, true);
            loop.exec();
            meter.stop();
            QObject::disconnect(shown);
            search.samples << meter.longest();
            searchShown.samples << shownMs;
            hits += model->rowCount();
        }
        search.note = QStringLiteral(
                          "StoryController::search everywhere, as the search field runs it once "
                          "typing pauses, with the MainWindow shown: max gap of a 5 ms "
                          "PreciseTimer until the results are in the list and painted; %1 random "
                          "2-word queries of mid-frequency words (%2 results on average, up to %3)")
                          .arg(queries)
                          .arg(double(hits) / queries, 0, 'f', 1)
                          .arg(bulletin::StoryListModel::kSearchLimit);
        controller->search(QString(), true); // back to the view
        settle();
        // The search itself, as the searcher's thread runs it (timed here on this one).
        const bulletin::SearchStore store(cache->database().connection());
        for (const QString &query : std::as_const(typed)) {
            const qint64 t1 = monotonicNs();
            store.search(query, {}, bulletin::StoryListModel::kSearchLimit, nullptr,
                         bulletin::SearchStore::Snippets::OnRequest);
            searchStore.samples << msSince(t1);
        }
        searchStore.note = QStringLiteral(
            "SearchStore::search as the searcher's thread runs it (snippets cut when a tooltip "
            "asks), the same queries");
    }

    // Marking a 10,000-story feed read: the GUI thread's longest stall ----------------------
    Figure &mark = results.add(QStringLiteral("mark_read_10k_ms"),
                               QStringLiteral("mark a 10,000-story feed read: longest GUI stall"),
                               QStringLiteral("ms"), Figure::Goal::AtMost, kFrameMs);
    Figure &marked = results.add(QStringLiteral("mark_read_10k_done_ms"),
                                 QStringLiteral("mark a 10,000-story feed read: done"),
                                 QStringLiteral("ms"));
    {
        QSqlDatabase db = cache->database().connection();
        bulletin::ReadMarking *marking = controller->readMarking();
        const StoryFilter before = controller->currentFilter();
        const StoryFilter feed{StoryFilter::Kind::Feed, setup.cache.bigFeedId};
        int changed = 0;
        for (int r = 0; r < setup.runs; ++r) {
            // The feed's stories unread, and its view open on them, as the user sees it.
            markFeedUnread(db, setup.cache.bigFeedId);
            controller->showFilter(feed);
            settle();
            QEventLoop loop;
            double doneMs = 0;
            qint64 t0 = 0;
            const auto done = QObject::connect(marking, &bulletin::ReadMarking::markAllReadFinished,
                                               &loop, [&](bool, int count) {
                                                   // The list has followed: paint it.
                                                   list->viewport()->repaint();
                                                   changed = count;
                                                   doneMs = msSince(t0);
                                                   loop.quit();
                                               });
            StallMeter meter;
            QTimer::singleShot(60000, &loop, &QEventLoop::quit);
            meter.start();
            t0 = monotonicNs();
            marking->markAllRead();
            loop.exec();
            meter.stop();
            QObject::disconnect(done);
            mark.samples << meter.longest();
            marked.samples << doneMs;
            out() << QStringLiteral("  mark read run %1: %2 stories marked after %3 ms, longest "
                                    "GUI stall %4 ms, ending at %5 ms")
                         .arg(r + 1)
                         .arg(changed)
                         .arg(doneMs, 0, 'f', 1)
                         .arg(meter.longest(), 0, 'f', 1)
                         .arg(meter.longestEnd(), 0, 'f', 1)
                  << Qt::endl;
        }
        // Leave the feed unread, as generated, and the view as it was.
        markFeedUnread(db, setup.cache.bigFeedId);
        controller->showFilter(before);
        settle();
        mark.note = QStringLiteral(
                        "Mark All as Read (ReadMarking::markAllRead) in the 10,000-story feed's "
                        "view, %1 stories changed; max gap of a 5 ms PreciseTimer until the marks "
                        "are stored and the list has followed and been painted")
                        .arg(changed);
        marked.note = QStringLiteral(
            "the same, from the action until the list has been painted (the first run also opens "
            "the marking thread's connection)");
    }

    // Refresh in the window's process: the GUI thread's longest stall -------------------------
    Figure &stall = results.add(QStringLiteral("gui_stall_refresh_ms"),
                                QStringLiteral("longest GUI-thread stall during refresh"),
                                QStringLiteral("ms"), Figure::Goal::AtMost, kFrameMs);
    Figure &inReadable = results.add(
        QStringLiteral("refresh_inprocess_cold_readable_ms"),
        QStringLiteral("refresh 200x50 cold, large cache: stories readable"), QStringLiteral("ms"),
        Figure::Goal::AtMost, 2000);
    Figure &inCold = results.add(
        QStringLiteral("refresh_inprocess_cold_ms"),
        QStringLiteral("refresh 200x50 cold, large cache: stored and indexed"),
        QStringLiteral("ms"), Figure::Goal::AtMost, 4000);
    Figure &in304 = results.add(QStringLiteral("refresh_inprocess_304_ms"),
                                QStringLiteral("refresh 200x50 all-304, large cache (in-process)"),
                                QStringLiteral("ms"), Figure::Goal::AtMost, 200);
    if (setup.server && setup.refresh) {
        QNetworkAccessManager network;
        const QStringList urls = setup.server->urls();
        for (int r = 0; r < std::min(setup.runs, 3); ++r) {
            const qint64 folder = cache->feeds().folderForPath({QStringLiteral("Loopback")});
            QList<qint64> added;
            for (int i = 0; i < urls.size(); ++i)
                if (const auto id = cache->feeds().addSubscription(
                        urls.at(i), QStringLiteral("Loopback Source %1").arg(i), folder))
                    added << *id;
            bulletin::RefreshService service(*cache, &network);
            int ok = 0;
            int notModified = 0;
            QObject::connect(&service, &bulletin::RefreshService::feedRefreshed, &service,
                             [&](qint64, const bulletin::RefreshResult &result) {
                                 if (result.status == bulletin::RefreshResult::Status::Ok)
                                     ++ok;
                                 else if (result.status
                                          == bulletin::RefreshResult::Status::NotModified)
                                     ++notModified;
                             });
            for (int pass = 0; pass < 2; ++pass) {
                ok = notModified = 0;
                QEventLoop loop;
                qint64 t0 = 0;
                double readableMs = 0;
                QObject::connect(&service, &bulletin::RefreshService::refreshFinished, &loop,
                                 [&] { readableMs = msSince(t0); });
                // Stories are indexed for search after the batch; the pass ends with that. The
                // search indexes are merged after that: the next pass starts once they are.
                double indexedMs = 0;
                double mergedMs = 0;
                QObject::connect(&service, &bulletin::RefreshService::indexingFinished, &loop, [&] {
                    if (readableMs > 0 && indexedMs == 0)
                        indexedMs = msSince(t0);
                });
                QObject::connect(&service, &bulletin::RefreshService::indexesMerged, &loop, [&] {
                    if (indexedMs > 0) {
                        mergedMs = msSince(t0);
                        loop.quit();
                    }
                });
                StallMeter meter;
                QTimer::singleShot(120000, &loop, &QEventLoop::quit);
                meter.start();
                t0 = monotonicNs();
                service.refreshFolder(folder);
                loop.exec();
                const double ms = indexedMs;
                meter.stop();
                const double longest = meter.longest();
                const double longestEnd = meter.longestEnd();
                (pass == 0 ? inCold : in304).samples << ms;
                if (pass == 0)
                    inReadable.samples << readableMs;
                stall.samples << longest;
                out() << QStringLiteral("  in-process refresh run %1 %2: readable %3 ms, indexed "
                                        "%4 ms, merged %8 ms (%5 ok, %6 not modified), "
                                        "longest GUI stall %7 ms, ending at %9 ms")
                             .arg(r + 1)
                             .arg(pass == 0 ? QStringLiteral("cold") : QStringLiteral("all-304"))
                             .arg(readableMs, 0, 'f', 0)
                             .arg(ms, 0, 'f', 0)
                             .arg(ok)
                             .arg(notModified)
                             .arg(longest, 0, 'f', 1)
                             .arg(mergedMs, 0, 'f', 0)
                             .arg(longestEnd, 0, 'f', 0)
                      << Qt::endl;
            }
            for (qint64 id : added)
                cache->feeds().remove(id);
            cache->feeds().removeFolder(folder);
            settle();
        }
        stall.note = QStringLiteral("a 5 ms PreciseTimer on the GUI thread, with the MainWindow "
                                    "shown over the large cache, "
                                    "while RefreshService refreshes 200 loopback feeds (cold, then "
                                    "all-304); max gap between ticks");
        inReadable.note = QStringLiteral("RefreshService into the large cache, until "
                                         "refreshFinished (every story stored and readable)");
        inCold.note = QStringLiteral(
            "the same, until indexingFinished (every story also in the search index); each pass "
            "starts once the previous one's search indexes are merged (indexesMerged)");
    }

    // Unsubscribing a 10,000-story feed: the GUI thread's longest stall ---------------------
    Figure &unsubscribe = results.add(
        QStringLiteral("unsubscribe_stall_ms"),
        QStringLiteral("unsubscribe a 10,000-story feed: longest GUI stall"), QStringLiteral("ms"),
        Figure::Goal::AtMost, kFrameMs);
    Figure &unsubscribed = results.add(
        QStringLiteral("unsubscribe_gone_ms"),
        QStringLiteral("unsubscribe a 10,000-story feed: stories gone"), QStringLiteral("ms"));
    for (int r = 0; r < std::min(setup.runs, 3); ++r) {
        const qint64 feed = addGeneratedFeed(
            *cache, QStringLiteral("https://unsubscribe%1.bench.invalid").arg(r), 10000);
        if (!feed)
            break;
        window.controller()->refreshSidebar();
        settle();
        QEventLoop loop;
        double goneMs = 0;
        qint64 t0 = 0;
        const auto done = QObject::connect(window.feedActions(),
                                           &bulletin::FeedActions::storiesChanged, &loop, [&] {
                                               goneMs = msSince(t0);
                                               loop.quit();
                                           });
        StallMeter meter;
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        meter.start();
        t0 = monotonicNs();
        window.feedActions()->removeFeed(feed);
        loop.exec();
        meter.stop();
        const double longest = meter.longest();
        QObject::disconnect(done);
        unsubscribe.samples << longest;
        unsubscribed.samples << goneMs;
        out()
            << QStringLiteral(
                   "  unsubscribe run %1: 10,000 stories gone after %2 ms, longest GUI stall %3 ms")
                   .arg(r + 1)
                   .arg(goneMs, 0, 'f', 0)
                   .arg(longest, 0, 'f', 1)
            << Qt::endl;
        settle();
    }
    unsubscribe.note = QStringLiteral(
        "FeedActions::removeFeed on a feed of 10,000 generated stories added for the purpose, with "
        "the MainWindow shown over the large cache; max gap of a 5 ms PreciseTimer until the "
        "stories are gone (storiesChanged)");
    window.close();
}

} // namespace bench
