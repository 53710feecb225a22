// The OPML reader (File › Import Subscriptions, `bulletin import FILE.opml`) and its
// writer's promise: writing what was read and reading it again gives back every feed with
// its url, title, site and folder, in the same order within each folder.

#include "fuzzinput.h"

#include "core/opml/opmlparser.h"
#include "core/opml/opmlwriter.h"

#include <QMap>
#include <QSet>

using namespace bulletin;

namespace {

QMap<QStringList, QList<OpmlFeed>> byFolder(const QList<OpmlFeed> &feeds)
{
    QMap<QStringList, QList<OpmlFeed>> folders;
    for (const OpmlFeed &feed : feeds)
        folders[feed.folderPath].append(feed);
    return folders;
}

QString describe(const QList<OpmlFeed> &feeds)
{
    QStringList lines;
    for (const OpmlFeed &f : feeds)
        lines << QStringLiteral("%1 | %2 | %3 | %4")
                     .arg(f.folderPath.join(u'/'), f.url, f.title, f.siteUrl);
    return lines.join(u'\n');
}

void testOne(const QByteArray &bytes)
{
    const OpmlParseResult read = parseOpml(bytes);
    fuzz::check(!read.error.contains(u'\n'), "the error is one line", read.error);
    QSet<QString> urls;
    for (const OpmlFeed &feed : read.document.feeds) {
        fuzz::check(feed.url.startsWith(u"http://") || feed.url.startsWith(u"https://"),
                    "every feed is an http or https address", feed.url);
        urls.insert(feed.url);
    }
    fuzz::check(urls.size() == read.document.feeds.size(), "each feed is listed once");
    for (const QString &problem : read.document.problems)
        fuzz::check(problem.startsWith(u"line ") && !problem.contains(u'\n'),
                    "a problem names its line, on one line", problem);

    const QByteArray written = writeOpml(read.document.title, read.document.feeds);
    const OpmlParseResult again = parseOpml(written);
    fuzz::check(again.ok(), "what the writer writes reads again", again.error);
    fuzz::check(again.document.title == read.document.title, "the title survives writing",
                again.document.title);
    fuzz::check(byFolder(again.document.feeds) == byFolder(read.document.feeds),
                "every feed survives writing, in order within its folder",
                describe(read.document.feeds) + QStringLiteral("\n--- read again:\n")
                    + describe(again.document.feeds));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::run(data, size, testOne);
    return 0;
}
