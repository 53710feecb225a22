// The composition root: the one place that builds the cache, the services and the window
// and passes them down. Also the entry to the command line.

#include "app/cli.h"
#include "app/milestones.h"
#include "app/quitonsignal.h"
#include "gui/appsettings.h"
#include "gui/damagedcachedialog.h"
#include "gui/mainwindow.h"
#include "gui/readonlynotice.h"
#include "services/aboutinfo.h"
#include "services/coveragefinder.h"
#include "services/feedpurger.h"
#include "services/firstrun.h"
#include "services/integritycheck.h"
#include "services/refreshservice.h"
#include "services/remoteimages.h"
#include "services/storysearcher.h"
#include "services/subscriptionservice.h"
#include "storage/cache.h"
#include "storage/cachebackup.h"
#include "sync/syncservice.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <memory>
#include <optional>

namespace {

struct Invocation
{
    QString cachePath;
    QStringList command; // empty: open the window
    bool help = false;
    bool version = false;
    bool verbose = false;
    QString error;
};

// Qt's own options, which QApplication takes out of the arguments itself (QGuiApplication's
// and QApplication's, and the X11 ones). Qt reads "--platform" as "-platform" too.
const QStringList &qtOptionsWithValue()
{
    static const QStringList options = {
        QStringLiteral("platform"),      QStringLiteral("platformpluginpath"),
        QStringLiteral("platformtheme"), QStringLiteral("plugin"),
        QStringLiteral("style"),         QStringLiteral("stylesheet"),
        QStringLiteral("geometry"),      QStringLiteral("qwindowgeometry"),
        QStringLiteral("display"),       QStringLiteral("title"),
        QStringLiteral("qwindowtitle"),  QStringLiteral("icon"),
        QStringLiteral("qwindowicon"),   QStringLiteral("session"),
        QStringLiteral("name")};
    return options;
}

const QStringList &qtFlags()
{
    static const QStringList flags = {QStringLiteral("reverse"), QStringLiteral("widgetcount"),
                                      QStringLiteral("nograb"),  QStringLiteral("dograb"),
                                      QStringLiteral("sync"),    QStringLiteral("testability")};
    return flags;
}

// "-platform", "--platform" and "-style=fusion" -> "platform", "platform", "style"; empty
// for Bulletin's own options and anything that is not one of Qt's.
QString qtOptionName(const QString &argument)
{
    if (!argument.startsWith(QLatin1Char('-')) || argument.startsWith(QLatin1String("---")))
        return {};
    QString name = argument.mid(argument.startsWith(QLatin1String("--")) ? 2 : 1);
    const qsizetype eq = name.indexOf(QLatin1Char('='));
    if (eq >= 0)
        name.truncate(eq);
    return qtOptionsWithValue().contains(name) || qtFlags().contains(name) ? name : QString();
}

// Options go before the command word; after it, every argument is the command's.
Invocation parseInvocation(const QStringList &arguments)
{
    Invocation invocation;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (!invocation.command.isEmpty()) {
            invocation.command << a;
        } else if (a == QLatin1String("--cache")) {
            if (i + 1 >= arguments.size()) {
                invocation.error = QStringLiteral("--cache needs a file path");
                return invocation;
            }
            invocation.cachePath = arguments.at(++i);
        } else if (a.startsWith(QLatin1String("--cache="))) {
            invocation.cachePath = a.mid(8);
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            invocation.help = true;
        } else if (a == QLatin1String("--version")) {
            invocation.version = true;
        } else if (a == QLatin1String("--verbose")) {
            invocation.verbose = true;
        } else if (const QString qt = qtOptionName(a); !qt.isEmpty()) {
            // Left for QApplication, with its value when it takes one.
            if (qtOptionsWithValue().contains(qt) && !a.contains(QLatin1Char('=')))
                ++i;
        } else if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            invocation.error = QStringLiteral("unknown option %1 (see bulletin --help)").arg(a);
            return invocation;
        } else {
            invocation.command << a;
        }
    }
    return invocation;
}

// A failure is one line on stderr: Bulletin's own log lines (a failed fetch, a cache
// upgrade) are for whoever asks for them, with --verbose or Qt's QT_LOGGING_RULES and
// QT_LOGGING_CONF, which are left to decide alone when set.
void setUpLogging(bool verbose)
{
    if (verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("bulletin.*=true"));
    else if (!qEnvironmentVariableIsSet("QT_LOGGING_RULES")
             && !qEnvironmentVariableIsSet("QT_LOGGING_CONF"))
        QLoggingCategory::setFilterRules(QStringLiteral("bulletin.*=false"));
}

QStringList rawArguments(int argc, char **argv)
{
    QStringList list;
    for (int i = 0; i < argc; ++i)
        list << QString::fromLocal8Bit(argv[i]);
    return list;
}

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Bulletin"));
    QCoreApplication::setApplicationName(QStringLiteral("bulletin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BULLETIN_VERSION));
}

// Opens the window's cache. A damaged one is shown in DamagedCacheDialog until the user
// restores the backup or starts a new cache (then it is opened again) or quits; any other
// failure is one message. nullptr when the window does not open.
std::unique_ptr<bulletin::Cache> openForWindow(const QString &cachePath)
{
    for (;;) {
        QString error;
        bulletin::Database::Problem problem = bulletin::Database::Problem::None;
        std::unique_ptr<bulletin::Cache> cache = bulletin::Cache::open(cachePath, &error, &problem);
        if (cache)
            return cache;
        QTextStream(stderr) << "bulletin: " << error << Qt::endl;
        if (problem == bulletin::Database::Problem::Damaged) {
            bulletin::DamagedCacheDialog dialog(cachePath, error,
                                                bulletin::CacheBackup::newest(cachePath),
                                                bulletin::DamagedCacheDialog::When::Opening);
            dialog.exec();
            if (dialog.choice() == bulletin::DamagedCacheDialog::Choice::Leave)
                return nullptr;
            if (dialog.apply(&error))
                continue;
        }
        QMessageBox::critical(nullptr, QObject::tr("Bulletin"),
                              QObject::tr("Bulletin cannot open its cache.\n\n%1").arg(error));
        return nullptr;
    }
}

int runWindow(int argc, char **argv, const QString &cachePathOption)
{
    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Bulletin"));
    QApplication::setDesktopFileName(QStringLiteral(BULLETIN_APP_ID));
    QIcon windowIcon;
    for (const int size : {16, 32, 48, 64, 128, 256})
        windowIcon.addFile(QStringLiteral(":/icons/bulletin-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(windowIcon);

    const QString cachePath = cachePathOption.isEmpty() ? bulletin::Database::defaultPath()
                                                        : cachePathOption;
    std::unique_ptr<bulletin::Cache> cache = openForWindow(cachePath);
    if (!cache)
        return 1;
    const bool readOnly = cache->isReadOnly();
    // Looked at before this session marks itself open: a mark left open is an unclean end.
    const bool checkDue = !readOnly && bulletin::IntegrityCheck::isDue(*cache);
    if (!readOnly)
        bulletin::IntegrityCheck::sessionStarted(*cache);
    QString error;
    const std::optional<qint64> sampleId = readOnly
        ? std::nullopt
        : bulletin::importSampleOnFirstRun(*cache, &error);
    if (!error.isEmpty())
        QTextStream(stderr) << "bulletin: the sample story could not be imported: " << error
                            << Qt::endl;

    // A way out of a damaged cache chosen while the window runs: carried out once every
    // connection to the cache is closed, then Bulletin starts again.
    std::unique_ptr<bulletin::DamagedCacheDialog> recovery;
    int status = 0;
    {
        QSettings settings;
        // The network side: refreshes (automatic ones on each feed's interval, checked every
        // minute, unless turned off) and subscribing. Nothing is fetched but the user's feeds.
        QNetworkAccessManager network;
        bulletin::RefreshService refresh(*cache, &network);
        bulletin::SubscriptionService subscriptions(*cache, &network, &refresh);
        // Sync accounts sync on a thread of their own, with their own connection to the
        // cache; the window only talks to the service. Destroyed after the window, which
        // sends what waits before it closes. A read-only cache has no sync: it writes.
        std::optional<bulletin::SyncService> sync;
        if (!readOnly)
            sync.emplace(cache->path());
        // The reader's related coverage, the searches typed and the deletion of unsubscribed
        // feeds' stories each run on a thread of their own, with their own connection to the
        // cache.
        bulletin::CoverageFinder coverage(cachePath);
        bulletin::StorySearcher searcher(cachePath);
        bulletin::FeedPurger purger(cachePath);
        // Remote images load only when the user allows them, into a cache on disk.
        const bulletin::AppSettings preferences(settings);
        bulletin::ImageCache images(preferences.imageDirectory());
        bulletin::ImageLoader imageLoader(&network, &images);
        // The window applies the refresh and sync preferences (intervals, automatic refresh).
        bulletin::MainWindow window(*cache, settings,
                                    {.refresh = &refresh,
                                     .subscriptions = &subscriptions,
                                     .network = &network,
                                     .sync = sync ? &*sync : nullptr,
                                     .coverage = &coverage,
                                     .searcher = &searcher,
                                     .purger = &purger,
                                     .images = &images,
                                     .imageLoader = &imageLoader});
        if (readOnly) {
            refresh.setAutoRefresh(false);
            new bulletin::ReadOnlyNotice(&window, cache->readOnlyReason());
        }
        if (refresh.isAutoRefreshing()) // feeds that are due are fetched soon after start
            QTimer::singleShot(std::chrono::seconds(2), &refresh,
                               [&refresh] { refresh.refreshDue(); });
        // Accounts sync soon after start, and then on their interval, unless that is off.
        if (sync && preferences.syncIntervalMinutes() > 0)
            QTimer::singleShot(std::chrono::seconds(3), &*sync, &bulletin::SyncService::syncAll);
        window.restoreState();
        if (sampleId)
            window.openStory(*sampleId);
        window.show();
        bulletin::watchMilestones(window);

        // Damage inside the cache's pages, looked for in the background after an unclean
        // end and once a week; it also keeps the daily backup.
        bulletin::IntegrityCheck check(cachePath);
        QObject::connect(&check, &bulletin::IntegrityCheck::finished, &window,
                         [&](const bulletin::IntegrityCheck::Result &result) {
                             if (result.whole)
                                 return;
                             QTextStream(stderr) << "bulletin: " << result.problem << Qt::endl;
                             auto dialog = std::make_unique<bulletin::DamagedCacheDialog>(
                                 cachePath, result.problem,
                                 bulletin::CacheBackup::newest(cachePath),
                                 bulletin::DamagedCacheDialog::When::Running);
                             dialog->setWindowModality(Qt::ApplicationModal);
                             dialog->exec();
                             if (dialog->choice() == bulletin::DamagedCacheDialog::Choice::Leave)
                                 return;
                             recovery = std::move(dialog);
                             QCoreApplication::quit();
                         });
        if (checkDue)
            QTimer::singleShot(std::chrono::seconds(10), &check, &bulletin::IntegrityCheck::start);
        // Closing the window saves its state; the event loop then ends.
        const bulletin::QuitOnSignal quitOnSignal([&window] {
            window.close();
            QCoreApplication::quit();
        });
        status = app.exec();
    }
    if (!recovery) {
        if (!readOnly)
            bulletin::IntegrityCheck::sessionEnded(*cache);
        return status;
    }
    cache.reset();
    if (!recovery->apply(&error)) {
        QTextStream(stderr) << "bulletin: " << error << Qt::endl;
        QMessageBox::critical(nullptr, QObject::tr("Bulletin"), error);
        return 1;
    }
    QProcess::startDetached(QCoreApplication::applicationFilePath(),
                            QCoreApplication::arguments().mid(1));
    return status;
}

} // namespace

int main(int argc, char **argv)
{
    const Invocation invocation = parseInvocation(rawArguments(argc, argv));
    if (!invocation.error.isEmpty()) {
        QTextStream(stderr) << "bulletin: " << invocation.error << Qt::endl;
        return 2;
    }
    if (invocation.help) {
        QTextStream(stdout) << bulletin::usageText();
        return 0;
    }
    if (invocation.version) {
        // Qt's SQL driver is a plugin: an application object finds it.
        QCoreApplication app(argc, argv);
        QTextStream(stdout) << bulletin::AboutInfo::current().versionLine() << Qt::endl;
        return 0;
    }
    setUpLogging(invocation.verbose);
    if (invocation.command.isEmpty())
        return runWindow(argc, argv, invocation.cachePath);

    QCoreApplication app(argc, argv);
    setIdentity();
    const QString cachePath = invocation.cachePath.isEmpty() ? bulletin::Database::defaultPath()
                                                             : invocation.cachePath;
    return bulletin::runCli(cachePath, invocation.command);
}
