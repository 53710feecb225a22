#include "app/cli.h"

#include "app/cliaccount.h"
#include "app/cliadvisories.h"
#include "app/cliargs.h"
#include "app/clibookmarks.h"
#include "app/clifiles.h"
#include "app/clioutput.h"
#include "app/clireading.h"
#include "app/clirefresh.h"
#include "storage/cachefile.h"

#include <functional>

namespace bulletin {

namespace {

struct Command
{
    const char *name;
    QStringList valueOptions;
    QStringList flags;
    std::function<int(const QString &, const CliArgs &)> run;
};

// Whether the command changes the cache (advisory-rules only with a sub-command).
bool writesToTheCache(const QString &name, const CliArgs &args)
{
    static const QStringList writers = {QStringLiteral("import"),       QStringLiteral("bookmark"),
                                        QStringLiteral("alert-source"), QStringLiteral("subscribe"),
                                        QStringLiteral("refresh"),      QStringLiteral("read"),
                                        QStringLiteral("account"),      QStringLiteral("sync")};
    return writers.contains(name)
        || (name == QLatin1String("advisory-rules") && !args.positional().isEmpty());
}

const QList<Command> &commands()
{
    static const QList<Command> list = {
        {"parse",
         {QStringLiteral("charset"), QStringLiteral("url")},
         {},
         [](const QString &, const CliArgs &a) { return cmdParse(a); }},
        {"import",
         {QStringLiteral("title"), QStringLiteral("source"), QStringLiteral("url")},
         {QStringLiteral("json"), QStringLiteral("coverage")},
         cmdImport},
        {"list",
         {QStringLiteral("limit"), QStringLiteral("feed"), QStringLiteral("folder")},
         {QStringLiteral("json"), QStringLiteral("unread"), QStringLiteral("bookmarked"),
          QStringLiteral("advisories"), QStringLiteral("grouped")},
         cmdList},
        {"show", {}, {QStringLiteral("json")}, cmdShow},
        {"bookmark", {QStringLiteral("note")}, {QStringLiteral("off")}, cmdBookmark},
        {"bookmarks", {}, {QStringLiteral("json")}, cmdBookmarks},
        {"search",
         {QStringLiteral("limit"), QStringLiteral("feed"), QStringLiteral("folder")},
         {QStringLiteral("json"), QStringLiteral("unread"), QStringLiteral("bookmarked"),
          QStringLiteral("advisories")},
         cmdSearch},
        {"advisories", {}, {QStringLiteral("json"), QStringLiteral("active")}, cmdAdvisories},
        {"export-opml", {}, {}, cmdExportOpml},
        {"check", {}, {}, cmdCheck},
        {"alert-source", {}, {}, cmdAlertSource},
        {"advisory-rules", {}, {QStringLiteral("json")}, cmdAdvisoryRules},
        {"subscribe",
         {QStringLiteral("folder"), QStringLiteral("title"), QStringLiteral("pick")},
         {QStringLiteral("json"), QStringLiteral("all")},
         [](const QString &c, const CliArgs &a) {
             return cmdSubscribe(c,
                                 {a.positional().size() == 1 ? a.positional().first() : QString(),
                                  a.value(QStringLiteral("folder")),
                                  a.value(QStringLiteral("title")), a.value(QStringLiteral("pick")),
                                  a.has(QStringLiteral("all")), a.has(QStringLiteral("json"))});
         }},
        {"read", {}, {QStringLiteral("off")}, cmdRead},
        {"account",
         {QStringLiteral("user"), QStringLiteral("folder")},
         {QStringLiteral("password-stdin"), QStringLiteral("json")},
         [](const QString &c, const CliArgs &a) {
             return cmdAccount(c, a.positional(), a.value(QStringLiteral("user")),
                               a.value(QStringLiteral("folder")),
                               a.has(QStringLiteral("password-stdin")),
                               a.has(QStringLiteral("json")));
         }},
        {"accounts",
         {},
         {QStringLiteral("json")},
         [](const QString &c, const CliArgs &a) {
             return cmdAccounts(c, a.has(QStringLiteral("json")));
         }},
        {"sync",
         {QStringLiteral("account")},
         {QStringLiteral("json"), QStringLiteral("update")},
         [](const QString &c, const CliArgs &a) {
             return cmdSync(c, a.value(QStringLiteral("account")), a.has(QStringLiteral("update")),
                            a.has(QStringLiteral("json")));
         }},
        {"refresh",
         {QStringLiteral("feed")},
         {QStringLiteral("json")},
         [](const QString &c, const CliArgs &a) {
             return cmdRefresh(c, a.has(QStringLiteral("json")), a.value(QStringLiteral("feed")));
         }},
    };
    return list;
}

} // namespace

QString usageText()
{
    return QStringLiteral(
               "usage: bulletin [--cache PATH] [--verbose] [COMMAND ARGS...]\n"
               "       bulletin --help | --version\n"
               "  --cache PATH                 use this cache file instead of the default one\n"
               "  --verbose                    log what Bulletin does on standard error\n"
               "  (no command)                 open the window\n"
               "  parse FILE [--url URL]       print the normalised feed as JSON (URL: where it "
               "came from)\n"
               "  import FILE... [--title T] [--source NAME] [--url URL] [--json] [--coverage]\n"
               "                               --coverage: group the new stories' events before "
               "returning\n"
               "  list [--json] [--limit N] [--unread] [--feed ID] [--folder ID] [--bookmarked] "
               "[--advisories]\n"
               "       [--grouped]             the newest %1 stories unless --limit says "
               "otherwise;\n"
               "                               --grouped puts the reports of one event together\n"
               "  show ID [--json]\n"
               "  bookmark ID [--note TEXT] [--off]\n"
               "  bookmarks [--json]\n"
               "  search QUERY [--json] [--limit N] [--feed ID] [--folder ID] [--unread]\n"
               "  advisories [--json] [--active]\n"
               "  alert-source FEED-ID on|off  every story of the feed becomes an advisory\n"
               "  advisory-rules [--json]      show keywords, section headings and alert sources\n"
               "  advisory-rules add-keyword WORD | remove-keyword WORD | add-heading TEXT |\n"
               "                 remove-heading TEXT | reset | apply [--json]\n"
               "  export-opml FILE             write the subscriptions as OPML (- for standard "
               "output)\n"
               "  check                        look for damage in the cache; back it up when it is "
               "whole\n"
               "  subscribe URL [--folder PATH] [--title T] [--pick N | --all] [--json]\n"
               "                               a page with several feeds: list them, take the Nth "
               "or all\n"
               "  refresh [--json] [--feed ID]\n"
               "  read ID [--off]              mark a story read (or unread), of any account\n"
               "  account add ttrss URL --user NAME --password-stdin [--json]\n"
               "  account remove ID            its stories leave the cache, its bookmarks stay\n"
               "  account subscribe ID URL [--folder FOLDER-ID] [--json] | unsubscribe FEED-ID |\n"
               "          move FEED-ID FOLDER-ID      an account's feeds, through its server\n"
               "  accounts [--json]\n"
               "  sync [--account ID] [--update] [--json]   (--update: the server fetches its "
               "feeds first)\n")
        .arg(kDefaultListLimit);
}

int runCli(const QString &cachePath, const QStringList &arguments)
{
    const QString name = arguments.value(0);
    for (const Command &command : commands()) {
        if (name != QLatin1String(command.name))
            continue;
        const CliArgs args(arguments.mid(1), command.valueOptions);
        if (!args.error().isEmpty())
            return fail(args.error());
        const QStringList unknown = args.unknown(command.valueOptions + command.flags);
        if (!unknown.isEmpty())
            return fail(QStringLiteral("%1: unknown option %2").arg(name, unknown.first()));
        if (writesToTheCache(name, args)) {
            // Said before anything runs, rather than as a failed write half-way through.
            const CacheFile file = CacheFile::inspect(cachePath);
            if (file.state() == CacheFile::State::Present && !file.isWritable())
                return fail(QStringLiteral(
                                "the cache %1 is read-only (%2): %3 cannot change it; list, show, "
                                "search, bookmarks and export-opml still work")
                                .arg(cachePath, file.readOnlyReason(), name));
        }
        return command.run(cachePath, args);
    }
    return fail(QStringLiteral("unknown command \"%1\" (see bulletin --help)").arg(name));
}

} // namespace bulletin
