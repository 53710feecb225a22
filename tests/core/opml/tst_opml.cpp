#include "core/opml/opmlparser.h"
#include "core/opml/opmlwriter.h"
#include "support/testdata.h"

#include <QTest>

using namespace bulletin;

namespace {

// Set BULLETIN_REGENERATE_GOLDEN=1 to rewrite the expected files from the current output
// (then review the diff before committing it).

// A stable, readable dump of a parse result for golden comparison.
QByteArray dump(const OpmlParseResult &result)
{
    QString out;
    out += QStringLiteral("error: %1\n").arg(result.error);
    out += QStringLiteral("title: %1\n").arg(result.document.title);
    for (const OpmlFeed &feed : result.document.feeds) {
        out += QStringLiteral("feed: %1\n  title: %2\n  site: %3\n  folders: %4\n")
                   .arg(feed.url, feed.title, feed.siteUrl,
                        feed.folderPath.join(QLatin1String(" / ")));
    }
    for (const QString &problem : result.document.problems)
        out += QStringLiteral("problem: %1\n").arg(problem);
    return out.toUtf8();
}

QByteArray wrap(const QByteArray &body)
{
    return "<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><head><title>t</title></head><body>\n"
        + body + "\n</body></opml>\n";
}

OpmlFeed feed(const QString &url, const QString &title, const QString &site = {},
              const QStringList &folders = {})
{
    return OpmlFeed{url, title, site, folders};
}

} // namespace

using FeedList = QList<OpmlFeed>;

namespace QTest {
template<>
char *toString(const OpmlFeed &f)
{
    return qstrdup(QStringLiteral("{%1, \"%2\", %3, [%4]}")
                       .arg(f.url, f.title, f.siteUrl, f.folderPath.join(QLatin1Char('/')))
                       .toUtf8()
                       .constData());
}
} // namespace QTest

class tst_Opml final : public QObject
{
    Q_OBJECT

private slots:
    void parsesFeeds_data();
    void parsesFeeds();
    void reportsInvalidEntries_data();
    void reportsInvalidEntries();
    void rejectsUnreadableFiles_data();
    void rejectsUnreadableFiles();
    void survivesHugeDepth();
    void refusesAbsurdDepth_data();
    void refusesAbsurdDepth();
    void boundsFeedsAndProblems();
    void matchesGoldenFile();
    void roundTrips_data();
    void roundTrips();
    void writingParsedOutputIsStable();
    void dropsCharactersXmlCannotCarry();
};

void tst_Opml::parsesFeeds_data()
{
    QTest::addColumn<QByteArray>("opml");
    QTest::addColumn<FeedList>("expected");
    QTest::addColumn<int>("problemCount");

    QTest::newRow("opml 1.0 flat list")
        << QByteArray("<opml version=\"1.0\"><head><title>x</title></head><body>"
                      "<outline text=\"A\" type=\"rss\" xmlUrl=\"http://a.example/rss\"/>"
                      "<outline text=\"B\" type=\"rss\" xmlUrl=\"https://b.example/atom\" "
                      "htmlUrl=\"https://b.example/\"/></body></opml>")
        << FeedList{feed("http://a.example/rss", "A"),
                    feed("https://b.example/atom", "B", "https://b.example/")}
        << 0;
    QTest::newRow("nested folders")
        << wrap("<outline text=\"News\"><outline text=\"World\">"
                "<outline text=\"W\" xmlUrl=\"https://w.example/rss\"/></outline>"
                "<outline text=\"N\" xmlUrl=\"https://n.example/rss\"/></outline>"
                "<outline text=\"Top\" xmlUrl=\"https://t.example/rss\"/>")
        << FeedList{feed("https://w.example/rss", "W", {}, {"News", "World"}),
                    feed("https://n.example/rss", "N", {}, {"News"}),
                    feed("https://t.example/rss", "Top")}
        << 0;
    QTest::newRow("title attribute when text is missing")
        << wrap("<outline title=\"Only title\" xmlUrl=\"https://t.example/rss\"/>")
        << FeedList{feed("https://t.example/rss", "Only title")} << 0;
    QTest::newRow("text preferred over title, whitespace simplified")
        << wrap("<outline text=\"  Shown\n  name \" title=\"Other\" "
                "xmlUrl=\"https://t.example/rss\"/>")
        << FeedList{feed("https://t.example/rss", "Shown name")} << 0;
    QTest::newRow("feed pseudo-scheme")
        << wrap("<outline text=\"A\" xmlUrl=\"feed://a.example/rss\"/>"
                "<outline text=\"B\" xmlUrl=\"feed:https://b.example/rss\"/>")
        << FeedList{feed("http://a.example/rss", "A"), feed("https://b.example/rss", "B")} << 0;
    QTest::newRow("attribute names in other case") << wrap(
        "<outline TEXT=\"A\" xmlurl=\"https://a.example/rss\" HTMLURL=\"https://a.example\"/>")
                                                   << FeedList{feed("https://a.example/rss", "A",
                                                                    "https://a.example")}
                                                   << 0;
    QTest::newRow("duplicate merged into first, filling its gaps") << wrap(
        "<outline text=\"F1\"><outline text=\"\" xmlUrl=\"https://a.example/rss\"/></outline>"
        "<outline text=\"F2\"><outline text=\"A\" xmlUrl=\"https://A.EXAMPLE/rss\" "
        "htmlUrl=\"https://a.example/\"/></outline>")
                                                                   << FeedList{feed(
                                                                          "https://a.example/rss",
                                                                          "A", "https://a.example/",
                                                                          {"F1"})}
                                                                   << 1;
    QTest::newRow("duplicate via path segments and fragment")
        << wrap("<outline text=\"A\" xmlUrl=\"https://a.example/x/rss\"/>"
                "<outline text=\"A2\" xmlUrl=\"https://a.example/x/./rss#top\"/>")
        << FeedList{feed("https://a.example/x/rss", "A")} << 1;
    QTest::newRow("outline type rss inside head is ignored") << QByteArray(
        "<opml><head><outline xmlUrl=\"https://h.example/rss\"/></head><body/></opml>")
                                                             << FeedList{} << 0;
    QTest::newRow("unnamed folder is transparent") << wrap(
        "<outline text=\"F\"><outline><outline text=\"A\" xmlUrl=\"https://a.example/rss\"/>"
        "</outline></outline>") << FeedList{feed("https://a.example/rss", "A", {}, {"F"})}
                                                   << 0;
    QTest::newRow("empty body") << wrap("") << FeedList{} << 0;
}

void tst_Opml::parsesFeeds()
{
    QFETCH(QByteArray, opml);
    QFETCH(FeedList, expected);
    QFETCH(int, problemCount);

    const OpmlParseResult result = parseOpml(opml);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.document.feeds, expected);
    QCOMPARE(result.document.problems.size(), problemCount);
}

void tst_Opml::reportsInvalidEntries_data()
{
    QTest::addColumn<QByteArray>("outline");
    QTest::addColumn<QString>("expectedProblem");
    QTest::addColumn<int>("feedsKept");

    // wrap() puts the outline on line 3.
    QTest::newRow("type rss without xmlUrl")
        << QByteArray("<outline text=\"Ghost\" type=\"rss\"/>")
        << QStringLiteral("line 3: skipped \"Ghost\": it has no xmlUrl") << 0;
    QTest::newRow("empty xmlUrl") << QByteArray("<outline text=\"E\" xmlUrl=\"  \"/>")
                                  << QStringLiteral("line 3: skipped \"E\": it has no xmlUrl") << 0;
    QTest::newRow("relative xmlUrl")
        << QByteArray("<outline text=\"R\" xmlUrl=\"/feed.xml\"/>")
        << QStringLiteral("line 3: skipped \"R\": xmlUrl \"/feed.xml\" is not an absolute address")
        << 0;
    QTest::newRow("ftp scheme")
        << QByteArray("<outline text=\"F\" xmlUrl=\"ftp://x.example/f\"/>")
        << QStringLiteral("line 3: skipped \"F\": xmlUrl \"ftp://x.example/f\" uses the "
                          "unsupported scheme \"ftp\" (only http and https)")
        << 0;
    QTest::newRow("file scheme")
        << QByteArray("<outline text=\"L\" xmlUrl=\"file:///etc/passwd\"/>")
        << QStringLiteral("line 3: skipped \"L\": xmlUrl \"file:///etc/passwd\" uses the "
                          "unsupported scheme \"file\" (only http and https)")
        << 0;
    QTest::newRow("javascript scheme")
        << QByteArray("<outline xmlUrl=\"javascript:alert(1)\"/>")
        << QStringLiteral("line 3: skipped javascript:alert(1): xmlUrl \"javascript:alert(1)\" "
                          "uses the unsupported scheme \"javascript\" (only http and https)")
        << 0;
    QTest::newRow("no host") << QByteArray("<outline text=\"H\" xmlUrl=\"http:///x\"/>")
                             << QStringLiteral(
                                    "line 3: skipped \"H\": xmlUrl \"http:///x\" has no host")
                             << 0;
    QTest::newRow("invalid address")
        << QByteArray("<outline text=\"I\" xmlUrl=\"http://exa mple.org/x\"/>")
        << QStringLiteral(
               "line 3: skipped \"I\": xmlUrl \"http://exa mple.org/x\" is not a valid address")
        << 0;
    QTest::newRow("address with a line break")
        << QByteArray("<outline xmlUrl=\"ftp://x.example/&#10;f\"/>")
        << QStringLiteral("line 3: skipped ftp://x.example/ f: xmlUrl \"ftp://x.example/ f\" is "
                          "not a valid address")
        << 0;
    QTest::newRow("javascript htmlUrl dropped, feed kept")
        << QByteArray(
               "<outline text=\"S\" xmlUrl=\"https://s.example/rss\" htmlUrl=\"javascript:x()\"/>")
        << QStringLiteral("line 3: ignored the htmlUrl of \"S\": \"javascript:x()\" uses the "
                          "unsupported scheme \"javascript\" (only http and https)")
        << 1;
}

void tst_Opml::reportsInvalidEntries()
{
    QFETCH(QByteArray, outline);
    QFETCH(QString, expectedProblem);
    QFETCH(int, feedsKept);

    const QByteArray good = "\n<outline text=\"Good\" xmlUrl=\"https://good.example/rss\"/>";
    const OpmlParseResult result = parseOpml(wrap(outline + good));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.document.problems, QStringList{expectedProblem});
    QCOMPARE(result.document.feeds.size(), feedsKept + 1);
    QCOMPARE(result.document.feeds.last().url, QStringLiteral("https://good.example/rss"));
    if (feedsKept)
        QVERIFY(result.document.feeds.first().siteUrl.isEmpty());
}

void tst_Opml::rejectsUnreadableFiles_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("errorStart");

    QTest::newRow("empty") << QByteArray() << QStringLiteral("line 1:");
    QTest::newRow("not xml") << QByteArray("just some text") << QStringLiteral("line 1:");
    QTest::newRow("html page") << QByteArray("<html><body>Not here</body></html>")
                               << QStringLiteral("not an OPML file (the root element is <html>)");
    QTest::newRow("rss feed instead of opml")
        << QByteArray("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>")
        << QStringLiteral("not an OPML file (the root element is <rss>)");
    QTest::newRow("truncated") << QByteArray("<opml><body>\n<outline text=\"a\"")
                               << QStringLiteral("line 2:");
    QTest::newRow("billion laughs") << QByteArray(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE opml [\n<!ENTITY a \"aaaaaaaaaa\">\n"
        "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
        "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n]>\n"
        "<opml><body><outline text=\"&c;\" xmlUrl=\"https://x.example/\"/></body></opml>")
                                    << QStringLiteral("line ");
    QTest::newRow("external entity") << QByteArray(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
        "<opml><body><outline text=\"&x;\" xmlUrl=\"https://x.example/\"/></body></opml>")
                                     << QStringLiteral("line ");
    QTest::newRow("undeclared entity") << QByteArray(
        "<opml><body>\n<outline text=\"&nbsp;\" xmlUrl=\"https://x.example/\"/></body></opml>")
                                       << QStringLiteral("line 2:");
    QTest::newRow("encoding name with a line break (found by fuzz_opmlparser)")
        << test::readSourceFile(
               QStringLiteral("tests/fuzz/regressions/opmlparser/encoding-with-line-break.opml"))
        << QStringLiteral("line 1: UTF-8 is an invalid encoding name");
}

void tst_Opml::rejectsUnreadableFiles()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, errorStart);

    const OpmlParseResult result = parseOpml(data);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.startsWith(errorStart), qPrintable(result.error));
    QVERIFY2(!result.error.contains(QLatin1Char('\n')), "the error is one line");
    for (const OpmlFeed &f : result.document.feeds)
        QVERIFY2(!f.title.contains(QLatin1String("aaaa")), "an entity was expanded");
}

void tst_Opml::survivesHugeDepth()
{
    constexpr int depth = 900; // deep, but within the nesting any file may have
    QByteArray body;
    body.reserve(depth * 40);
    for (int i = 0; i < depth; ++i)
        body += "<outline text=\"f" + QByteArray::number(i) + "\">";
    body += "<outline text=\"Deep\" xmlUrl=\"https://deep.example/rss\"/>";
    for (int i = 0; i < depth; ++i)
        body += "</outline>";
    body += "<outline text=\"After\" xmlUrl=\"https://after.example/rss\"/>";

    const OpmlParseResult result = parseOpml(wrap(body));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.document.feeds.size(), 2);
    const OpmlFeed &deep = result.document.feeds.at(0);
    QCOMPARE(deep.url, QStringLiteral("https://deep.example/rss"));
    QCOMPARE(deep.folderPath.size(), 32);
    QCOMPARE(deep.folderPath.first(), QStringLiteral("f0"));
    QVERIFY(result.document.feeds.at(1).folderPath.isEmpty());
    QCOMPARE(result.document.problems.size(), 1);
    QVERIFY(result.document.problems.first().contains(QLatin1String("deeper than 32")));
}

void tst_Opml::refusesAbsurdDepth_data()
{
    QTest::addColumn<QByteArray>("open");
    QTest::addColumn<QByteArray>("close");
    QTest::addColumn<bool>("inHead");
    QTest::newRow("folders in the body")
        << QByteArray("<outline text=\"f\">") << QByteArray("</outline>") << false;
    // Outside <body> every outline is looked at too: finding out whether one is in the body
    // must not walk all the open elements each time (that took 44 s for this file).
    QTest::newRow("outlines in the head")
        << QByteArray("<outline text=\"f\">") << QByteArray("</outline>") << true;
    QTest::newRow("unknown elements") << QByteArray("<x>") << QByteArray("</x>") << false;
}

void tst_Opml::refusesAbsurdDepth()
{
    QFETCH(QByteArray, open);
    QFETCH(QByteArray, close);
    QFETCH(bool, inHead);
    constexpr int depth = 200000;
    QByteArray nested;
    nested.reserve(depth * (open.size() + close.size()) + 100);
    for (int i = 0; i < depth; ++i)
        nested += open;
    for (int i = 0; i < depth; ++i)
        nested += close;
    const QByteArray file = inHead
        ? "<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><head>" + nested
            + "</head><body><outline text=\"x\" xmlUrl=\"https://x.example/rss\"/></body></opml>\n"
        : wrap(nested + "<outline text=\"x\" xmlUrl=\"https://x.example/rss\"/>");

    const OpmlParseResult result = parseOpml(file);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(QLatin1String("nested deeper than 1,000 levels")),
             qPrintable(result.error));
}

void tst_Opml::boundsFeedsAndProblems()
{
    // 100,000 outlines: the first 10,000 feeds are kept, and the first problem says what
    // was left out and where it starts; the problems (every 7th outline has a bad
    // address) are listed up to 100, then counted.
    QByteArray body;
    for (int i = 0; i < 100000; ++i) {
        body += i % 7 == 3
            ? "<outline text=\"bad\" xmlUrl=\"ftp://x.example/" + QByteArray::number(i) + "\"/>\n"
            : "<outline text=\"f\" xmlUrl=\"https://feeds.example/" + QByteArray::number(i)
                + "\"/>\n";
    }
    const OpmlParseResult result = parseOpml(wrap(body));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.document.feeds.size(), 10000);
    QCOMPARE(result.document.problems.size(), 102);
    const QString &first = result.document.problems.first();
    QVERIFY2(first.contains(QLatin1String("the file lists more than 10,000 feeds")),
             qPrintable(first));
    QVERIFY2(first.endsWith(QLatin1String("the 88,333 from here on were left out")),
             qPrintable(first));
    const int firstLeftOut = 11667; // the outline after the 10,000th good one
    QVERIFY2(first.startsWith(QStringLiteral("line %1:").arg(firstLeftOut + 3)), qPrintable(first));
    QVERIFY2(result.document.problems.last().startsWith(QLatin1String("1567 more problem(s)")),
             qPrintable(result.document.problems.last()));
}

void tst_Opml::matchesGoldenFile()
{
    const OpmlParseResult result = parseOpml(
        test::readTestData(QStringLiteral("subscriptions.opml")));
    QVERIFY2(result.ok(), qPrintable(result.error));
    const QByteArray parsed = dump(result);
    const QByteArray written = writeOpml(result.document.title, result.document.feeds);
    if (test::regeneratingGoldenFiles()) {
        test::writeTestData(QStringLiteral("subscriptions.expected.txt"), parsed);
        test::writeTestData(QStringLiteral("subscriptions.written.opml"), written);
        QSKIP("golden files regenerated");
    }
    QCOMPARE(QString::fromUtf8(parsed),
             QString::fromUtf8(test::readTestData(QStringLiteral("subscriptions.expected.txt"))));
    QCOMPARE(QString::fromUtf8(written),
             QString::fromUtf8(test::readTestData(QStringLiteral("subscriptions.written.opml"))));
}

void tst_Opml::roundTrips_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<FeedList>("feeds");

    QTest::newRow("empty") << QString() << FeedList{};
    QTest::newRow("flat") << QStringLiteral("Mine")
                          << FeedList{feed("https://a.example/rss", "A", "https://a.example/"),
                                      feed("http://b.example/atom?x=1&y=2", "B")};
    QTest::newRow("nested folders")
        << QStringLiteral("Nested")
        << FeedList{feed("https://a.example/rss", "A", {}, {"News", "World", "Europe"}),
                    feed("https://b.example/rss", "B", {}, {"News", "World", "Europe"}),
                    feed("https://c.example/rss", "C", {}, {"News", "World"}),
                    feed("https://d.example/rss", "D", {}, {"News"}),
                    feed("https://e.example/rss", "E", {}, {"Tech"}),
                    feed("https://f.example/rss", "F")};
    QTest::newRow("text that needs escaping")
        << QStringLiteral("<Subs> & \"quotes\" 'too'")
        << FeedList{feed("https://a.example/rss?q=%22x%22&l=%3C", "Tom & Jerry <\"live\"> 'now'",
                         "https://a.example/?a=1&b=2", {"R&D <lab>", "\"Q\" 'uotes'"}),
                    feed("https://b.example/rss", "]]> -- <!-- not a comment -->")};
    QTest::newRow("unicode") << QStringLiteral("Подписки 📰")
                             << FeedList{feed("https://xn--nxasmq6b.example/rss",
                                              "Ελληνικά 📰 日本語", {}, {"Ünïcödé", "中文"})};
    QTest::newRow("empty titles") << QString()
                                  << FeedList{feed("https://a.example/rss", QString(), {}, {"F"})};
}

void tst_Opml::roundTrips()
{
    QFETCH(QString, title);
    QFETCH(FeedList, feeds);

    const QByteArray written = writeOpml(title, feeds);
    const OpmlParseResult result = parseOpml(written);
    QVERIFY2(result.ok(),
             qPrintable(result.error + QLatin1Char('\n') + QString::fromUtf8(written)));
    QCOMPARE(result.document.title, title);
    QCOMPARE(result.document.feeds, feeds);
    QCOMPARE(result.document.problems, QStringList());
}

void tst_Opml::writingParsedOutputIsStable()
{
    const OpmlParseResult first = parseOpml(
        test::readTestData(QStringLiteral("subscriptions.opml")));
    const QByteArray once = writeOpml(first.document.title, first.document.feeds);
    const OpmlParseResult second = parseOpml(once);
    QCOMPARE(second.document.feeds, first.document.feeds);
    QCOMPARE(writeOpml(second.document.title, second.document.feeds), once);
}

void tst_Opml::dropsCharactersXmlCannotCarry()
{
    const QString title = QStringLiteral("Bell\x07 and\x01 escape\x1b");
    const QByteArray written = writeOpml(title, {feed("https://a.example/rss", title)});
    const OpmlParseResult result = parseOpml(written);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.document.title, QStringLiteral("Bell and escape"));
    QCOMPARE(result.document.feeds.first().title, QStringLiteral("Bell and escape"));
}

QTEST_GUILESS_MAIN(tst_Opml)
#include "tst_opml.moc"
