// The composition root: the one place that builds the cache, the services and the window
// and passes them down. Also the entry to the command line.

#include "app/cli.h"
#include "app/milestones.h"
#include "gui/mainwindow.h"
#include "gui/preferencesdialog.h"
#include "services/aboutinfo.h"
#include "services/cache.h"
#include "services/firstrun.h"
#include "services/refreshservice.h"
#include "services/subscriptionservice.h"
#include "sync/syncservice.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTextStream>
#include <QTimer>


#include <memory>

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

    const QString cachePath = cachePathOption.isEmpty() ? bulletin::Database::defaultPath() : cachePathOption;
    QString error;
    std::unique_ptr<bulletin::Cache> cache = bulletin::Cache::open(cachePath, &error);
    if (!cache) {
        QTextStream(stderr) << "bulletin: " << error << Qt::endl;
        QMessageBox::critical(nullptr, QObject::tr("Bulletin"),
                              QObject::tr("Bulletin cannot open its cache.\n\n%1").arg(error));
        return 1;
    }
    const std::optional<qint64> sampleId = bulletin::importSampleOnFirstRun(*cache, &error);
    if (!error.isEmpty())
        QTextStream(stderr) << "bulletin: the sample story could not be imported: " << error << Qt::endl;

    QSettings settings;
    // The network side: refreshes (automatic ones on each feed's interval, checked every
    // minute, unless turned off) and subscribing. Nothing is fetched but the user's feeds.
    QNetworkAccessManager network;
    bulletin::RefreshService refresh(*cache, &network);
    bulletin::SubscriptionService subscriptions(*cache, &network, &refresh);
    // Sync accounts sync on a thread of their own, with their own connection to the cache;
    // the window only talks to the service. Destroyed after the window, which sends what
    // waits before it closes.
    bulletin::SyncService sync(cache->database().path());
    // The window applies the refresh and sync preferences (intervals, automatic refresh).
    bulletin::MainWindow window(*cache, settings, {&refresh, &subscriptions, &network, &sync});
    if (refresh.isAutoRefreshing()) // feeds that are due are fetched soon after start
        QTimer::singleShot(std::chrono::seconds(2), &refresh, [&refresh] { refresh.refreshDue(); });
    // Accounts sync soon after start, and then on their interval, unless that is off.
    if (settings.value(QLatin1String(bulletin::PreferencesDialog::kSyncIntervalKey),
                       bulletin::PreferencesDialog::kDefaultSyncInterval).toInt() > 0)
        QTimer::singleShot(std::chrono::seconds(3), &sync, &bulletin::SyncService::syncAll);
    window.restoreState();
    if (sampleId)
        window.openStory(*sampleId);
    window.show();
    bulletin::watchMilestones(window);
    return app.exec();
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
