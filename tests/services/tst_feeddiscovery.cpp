#include "services/feeddiscovery.h"
#include "services/feedhealth.h"

#include <QTest>

using namespace bulletin;

class tst_FeedDiscovery final : public QObject
{
    Q_OBJECT

private slots:
    void discovers_data();
    void discovers();
    void describesEachFeed_data();
    void describesEachFeed();
    void tellsPagesFromFeeds_data();
    void tellsPagesFromFeeds();
};

void tst_FeedDiscovery::discovers_data()
{
    QTest::addColumn<QByteArray>("html");
    QTest::addColumn<QStringList>("feeds");
    QTest::newRow("rss, atom and json in order")
        << QByteArray("<head><link rel=alternate type=application/rss+xml href=/rss>"
                      "<link type='application/atom+xml' rel='alternate' href='atom.xml'>"
                      "<LINK REL=\"Alternate\" TYPE=\"application/feed+json\" "
                      "HREF=\"https://cdn.example.net/f.json\">")
        << QStringList{QStringLiteral("https://example.org/rss"),
                       QStringLiteral("https://example.org/blog/atom.xml"),
                       QStringLiteral("https://cdn.example.net/f.json")};
    QTest::newRow("other links ignored")
        << QByteArray("<link rel=stylesheet href=a.css><link rel=alternate hreflang=de href=/de/>"
                      "<link rel=\"alternate\" type=\"text/html\" href=\"/m\">")
        << QStringList{};
    QTest::newRow("rel with several words, type with parameters, &amp; in the query")
        << QByteArray("<link rel=\"feed alternate\" type=\"application/rss+xml; charset=utf-8\" "
                      "href=\"/f?a=1&amp;b=2\">")
        << QStringList{QStringLiteral("https://example.org/f?a=1&b=2")};
    QTest::newRow("references in href as in any attribute, &copy= kept as written")
        << QByteArray(
               "<link rel=alternate type=application/rss+xml href=\"/f?a=1&#x26;b=2&copy=3\">")
        << QStringList{QStringLiteral("https://example.org/f?a=1&b=2&copy=3")};
    QTest::newRow("base href") << QByteArray("<base href=\"https://other.example/x/\"><link "
                                             "rel=alternate type=application/atom+xml href=feed>")
                               << QStringList{QStringLiteral("https://other.example/x/feed")};
    QTest::newRow("duplicates and comments")
        << QByteArray("<!-- <link rel=alternate type=application/rss+xml href=/hidden> -->"
                      "<link rel=alternate type=application/rss+xml href=/r>"
                      "<link rel=alternate type=application/rss+xml href=https://example.org/r>")
        << QStringList{QStringLiteral("https://example.org/r")};
    QTest::newRow("no javascript urls")
        << QByteArray("<link rel=alternate type=application/rss+xml href=\"javascript:alert(1)\">")
        << QStringList{};
}

void tst_FeedDiscovery::discovers()
{
    QFETCH(QByteArray, html);
    QFETCH(QStringList, feeds);
    QStringList found;
    for (const DiscoveredFeed &feed :
         discoverFeeds(html, QUrl(QStringLiteral("https://example.org/blog/"))))
        found << feed.url.toString();
    QCOMPARE(found, feeds);
}

void tst_FeedDiscovery::describesEachFeed_data()
{
    QTest::addColumn<QByteArray>("html");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("format");
    QTest::newRow("titled rss") << QByteArray(
        "<link rel=alternate type=application/rss+xml title=\"City Wire: all news\" href=/rss>")
                                << QStringLiteral("City Wire: all news") << QStringLiteral("RSS");
    QTest::newRow("entities and spaces in the title")
        << QByteArray("<link rel=alternate type=application/atom+xml title='Tom &amp; "
                      "Jerry&#8217;s\n   comments' href=/c>")
        << QStringLiteral("Tom & Jerry\u2019s comments") << QStringLiteral("Atom");
    QTest::newRow("untitled json: the address")
        << QByteArray("<link rel=alternate type=application/feed+json href=/feed.json>")
        << QStringLiteral("https://example.org/feed.json") << QStringLiteral("JSON Feed");
    QTest::newRow("rdf is rss") << QByteArray(
        "<link rel=alternate type=application/rdf+xml title=Old href=/index.rdf>")
                                << QStringLiteral("Old") << QStringLiteral("RSS");
}

void tst_FeedDiscovery::describesEachFeed()
{
    QFETCH(QByteArray, html);
    QFETCH(QString, label);
    QFETCH(QString, format);
    const QList<DiscoveredFeed> feeds = discoverFeeds(
        html, QUrl(QStringLiteral("https://example.org/blog/")));
    QCOMPARE(feeds.size(), 1);
    QCOMPARE(feeds.first().label(), label);
    QCOMPARE(feeds.first().format, format);
}

void tst_FeedDiscovery::tellsPagesFromFeeds_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("html");
    QTest::newRow("html by type") << QByteArray("<rss/>") << QStringLiteral("text/html") << true;
    QTest::newRow("doctype") << QByteArray("\n <!DOCTYPE html><p>") << QStringLiteral("text/plain")
                             << true;
    QTest::newRow("html tag after comment") << QByteArray("<!-- x --><html>") << QString() << true;
    QTest::newRow("rss") << QByteArray("<?xml version=\"1.0\"?><rss>")
                         << QStringLiteral("application/xml") << false;
    QTest::newRow("json") << QByteArray("{\"version\":\"https://jsonfeed.org/version/1\"}")
                          << QString() << false;
}

void tst_FeedDiscovery::tellsPagesFromFeeds()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, type);
    QFETCH(bool, html);
    QCOMPARE(looksLikeHtml(body, type), html);
}

QTEST_GUILESS_MAIN(tst_FeedDiscovery)
#include "tst_feeddiscovery.moc"
