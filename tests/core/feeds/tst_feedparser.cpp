#include "core/feeds/feedjson.h"
#include "core/feeds/feedparser.h"
#include "core/feeds/xmlinput.h"
#include "core/inputlimits.h"
#include "support/testdata.h"

#include <QJsonDocument>
#include <QStringEncoder>
#include <QTest>
#include <QXmlStreamReader>

using namespace bulletin;

namespace {

// What QXmlStreamReader reports for a document: each token's type, name, attributes and
// text, with adjacent character data joined (a CDATA section is character data too), and
// the runs prepareXmlInput set aside put back.
QStringList xmlTokens(const QByteArray &bytes, const QList<SetAsideText> &setAside = {})
{
    QStringList tokens;
    QXmlStreamReader reader(bytes);
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::Characters:
            if (!tokens.isEmpty() && tokens.last().startsWith(u"text:"))
                tokens.last() += expandSetAsideText(reader.text(), setAside);
            else
                tokens << u"text:"_qs + expandSetAsideText(reader.text(), setAside);
            break;
        case QXmlStreamReader::StartElement: {
            QString start = u"start:"_qs + reader.name().toString();
            for (const QXmlStreamAttribute &a : reader.attributes())
                start += u' ' + a.name().toString() + u'=' + a.value().toString();
            tokens << start;
            break;
        }
        case QXmlStreamReader::EndElement:
            tokens << u"end:"_qs + reader.name().toString();
            break;
        case QXmlStreamReader::Comment:
            tokens << u"comment:"_qs + reader.text().toString();
            break;
        default:
            break;
        }
    }
    if (reader.hasError())
        tokens << u"error at line %1"_qs.arg(reader.lineNumber());
    return tokens;
}

QString utc(const QDateTime &dt)
{
    return dt.isValid() ? dt.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"))
                        : QString();
}

ParsedFeed parseOk(const QByteArray &bytes, const QString &hint = {})
{
    const FeedParseResult r = parseFeed(bytes, hint);
    if (!r.feed)
        qWarning("parse error: %s", qPrintable(r.error));
    return r.feed.value_or(ParsedFeed{});
}

} // namespace

// One row per real-world quirk; the fixtures in data/ are small hand-written feeds.
class tst_FeedParser final : public QObject
{
    Q_OBJECT

private slots:
    void formatSniffing_data();
    void formatSniffing();
    void errors_data();
    void errors();
    void titles_data();
    void titles();
    void encodings_data();
    void encodings();
    void undeclaredEntities();
    void textWithReferencesReadsTheSame_data();
    void textWithReferencesReadsTheSame();
    void truncatedKeepsCompletedItems();
    void atomXmlBaseAndLinks();
    void atom03EscapedAndBase64();
    void rdfWithExtensions();
    void jsonFeed();
    void rssLinkFallsBackToPermalinkGuid();
    void relativeUrlsResolveAgainstTheDocument_data();
    void relativeUrlsResolveAgainstTheDocument();
    void feedsOwnDate_data();
    void feedsOwnDate();
    void hostileInputDoesNotCrash_data();
    void hostileInputDoesNotCrash();
    void everyCategoryKeptOnceInOrder_data();
    void everyCategoryKeptOnceInOrder();
    void longTextsAreCutAndSaid_data();
    void longTextsAreCutAndSaid();
    void cutTextKeepsLineNumbers();
    void entityExpansionIsBounded_data();
    void entityExpansionIsBounded();
    void nestingIsBounded_data();
    void nestingIsBounded();
    void golden_data();
    void golden();
    void enclosureTitlesAndDurations_data();
    void enclosureTitlesAndDurations();
};

void tst_FeedParser::formatSniffing_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("format");
    QTest::newRow("rss 2.0") << QByteArray("<rss version=\"2.0\"><channel/></rss>") << "rss";
    QTest::newRow("rss without version") << QByteArray("<rss><channel/></rss>") << "rss";
    QTest::newRow("rss 1.0 rdf") << QByteArray(
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
        "xmlns=\"http://purl.org/rss/1.0/\"/>")
                                 << "rdf";
    QTest::newRow("rss 0.90 rdf") << QByteArray(
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
        "xmlns=\"http://my.netscape.com/rdf/simple/0.9/\"/>")
                                  << "rdf";
    QTest::newRow("atom 1.0") << QByteArray("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>")
                              << "atom";
    QTest::newRow("atom 0.3") << QByteArray(
        "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"/>")
                              << "atom";
    QTest::newRow("json feed with bom")
        << QByteArray("\xEF\xBB\xBF {\"version\":\"https://jsonfeed.org/version/1\",\"items\":[]}")
        << "json";
    QTest::newRow("cap alert") << QByteArray(
        "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"/>")
                               << "cap";
}

void tst_FeedParser::formatSniffing()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, format);
    const FeedParseResult r = parseFeed(bytes);
    QVERIFY2(r.feed, qPrintable(r.error));
    QCOMPARE(r.feed->format, format);
}

void tst_FeedParser::errors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("errorStart");
    QTest::newRow("empty document") << QByteArray("  \n") << "not a feed: the document is empty";
    QTest::newRow("html page") << QByteArray("<html><body>hi</body></html>")
                               << "not a feed: root element <html>";
    QTest::newRow("not xml at all") << QByteArray("hello") << "XML error at line 1";
    QTest::newRow("broken json") << QByteArray("{\"version\": ") << "JSON error at offset";
    QTest::newRow("comment only") << QByteArray("<!-- nothing -->") << "not a feed";
    // A wrong address or a misconfigured server hands over an image or a program.
    QTest::newRow("png image") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 24)
                               << "not a feed: the content looks binary";
    QTest::newRow("elf program") << QByteArray("\x7f"
                                               "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0",
                                               20)
                                 << "not a feed: the content looks binary";
    // UTF-16 text has a NUL in every ASCII character: not binary, just not a feed.
    QTest::newRow("utf-16 text") << QByteArray("h\0e\0l\0l\0o\0", 10) << "XML error at line 1";
    // The XML reader's message quotes the declared encoding, line break and all (found by
    // fuzz_feedparser): the error is still one line.
    QTest::newRow("encoding name with a line break")
        << QByteArray("<?xml version=\"1.0\" encoding=\"utf-8\n\"?>\n<rss "
                      "version=\"2.0\"><channel><title>")
        << "XML error at line 2, column 3: utf-8 is an invalid encoding name.";
}

void tst_FeedParser::errors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, errorStart);
    const FeedParseResult r = parseFeed(bytes);
    QVERIFY(!r.feed);
    QVERIFY2(r.error.startsWith(errorStart), qPrintable(r.error));
    QVERIFY(!r.error.contains(u'\n'));
}

void tst_FeedParser::titles_data()
{
    QTest::addColumn<QByteArray>("titleXml");
    QTest::addColumn<QString>("expected");
    QTest::newRow("rss title plain text keeps <") << QByteArray("1 &lt; 2") << "1 < 2";
    QTest::newRow("rss title with html end tag")
        << QByteArray("&lt;b&gt;bold&lt;/b&gt; move") << "bold move";
    QTest::newRow("rss title double-escaped amp") << QByteArray("AT&amp;amp;T") << "AT&T";
    QTest::newRow("rss title numeric reference")
        << QByteArray("don&amp;#8217;t") << QString::fromUtf8("don’t");
    QTest::newRow("rss title unknown tag stays text")
        << QByteArray("&lt;foo&gt; &amp;amp; &lt;/foo&gt;") << "<foo> &amp; </foo>";
    QTest::newRow("rss title inline markup") << QByteArray("<b>inline</b> title") << "inline title";
    QTest::newRow("rss title script never text")
        << QByteArray("&lt;script&gt;x&lt;/script&gt;safe") << "safe";
    // A number past U+10FFFF is no character, however its digits would wrap in 32 bits.
    QTest::newRow("rss title reference past U+10FFFF")
        << QByteArray("a &#x100000041; b") << QString::fromUtf8("a \uFFFD b");
    QTest::newRow("rss title reference with many leading zeros")
        << QByteArray("&#0000000000065;1") << "A1";
    QTest::newRow("rss title elements that separate words") << QByteArray(
        "&lt;nav&gt;Home&lt;/nav&gt;&lt;main&gt;News&lt;/main&gt;&lt;aside&gt;Ads&lt;/aside&gt;")
                                                            << "Home News Ads";
}

void tst_FeedParser::titles()
{
    QFETCH(QByteArray, titleXml);
    QFETCH(QString, expected);
    const ParsedFeed feed = parseOk("<rss><channel><item><title>" + titleXml
                                    + "</title></item></channel></rss>");
    QCOMPARE(feed.items.size(), 1);
    QCOMPARE(feed.items[0].title, expected);
}

// The document's own date: it places the feed's undated stories in the story list.
void tst_FeedParser::feedsOwnDate_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("rss lastBuildDate, the later of two dates") << QByteArray(
        "<rss><channel><pubDate>Mon, 01 Dec 2008 10:00:00 GMT</pubDate>"
        "<lastBuildDate>Tue, 30 Dec 2008 18:26:15 GMT</lastBuildDate><item><title>a</title></item>"
        "</channel></rss>") << "2008-12-30T18:26:15Z";
    QTest::newRow("rss dc:date") << QByteArray(
        "<rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
        "<dc:date>2004-05-06T07:08:09+02:00</dc:date></channel></rss>")
                                 << "2004-05-06T05:08:09Z";
    QTest::newRow("atom feed updated, not the entry's") << QByteArray(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><updated>2008-12-30T18:26:15Z</updated>"
        "<entry><title>a</title><updated>2009-01-01T00:00:00Z</updated></entry></feed>")
                                                        << "2008-12-30T18:26:15Z";
    QTest::newRow("atom 0.3 modified")
        << QByteArray("<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\">"
                      "<modified>2004-01-01T00:00:00Z</modified></feed>")
        << "2004-01-01T00:00:00Z";
    QTest::newRow("no date") << QByteArray("<rss><channel><title>t</title></channel></rss>") << "";
    QTest::newRow("unreadable date")
        << QByteArray("<rss><channel><pubDate>soon</pubDate></channel></rss>") << "";
}

void tst_FeedParser::feedsOwnDate()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QCOMPARE(utc(parseOk(bytes).updated), expected);
}

void tst_FeedParser::encodings_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("hint");
    QTest::addColumn<QString>("title");
    const QString title = QString::fromUtf8("Ñandú ’ €");
    const QString doc = QStringLiteral(
        "<?xml version=\"1.0\" encoding=\"%1\"?><rss><channel><title>%2</title></channel></rss>");
    auto encode = [&](QStringConverter::Encoding e, const char *label, bool bom) {
        QStringEncoder enc(
            e, bom ? QStringConverter::Flag::WriteBom : QStringConverter::Flag::Default);
        return QByteArray(enc.encode(doc.arg(QLatin1StringView(label), title)));
    };
    QTest::newRow("utf-8 bom") << encode(QStringConverter::Utf8, "utf-8", true) << QString()
                               << title;
    QTest::newRow("utf-16le bom") << encode(QStringConverter::Utf16LE, "utf-16", true) << QString()
                                  << title;
    QTest::newRow("utf-16be without bom")
        << encode(QStringConverter::Utf16BE, "utf-16", false) << QString() << title;
    QTest::newRow("utf-32le without bom")
        << encode(QStringConverter::Utf32LE, "utf-32", false) << QString() << title;
    QTest::newRow("utf-32be bom") << encode(QStringConverter::Utf32BE, "utf-32", true) << QString()
                                  << title;
    QTest::newRow("windows-1252 labelled utf-8")
        << test::readTestData(QStringLiteral("windows-1252-labelled-utf8.rss")) << QString()
        << QString::fromUtf8("Don’t panic — café");
    QTest::newRow("iso-8859-1 declaration read as windows-1252")
        << QByteArray("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>caf\xe9 "
                      "\x93quoted\x94</title></channel></rss>")
        << QString() << QString::fromUtf8("café “quoted”");
    QTest::newRow("euc-kr declaration")
        << QByteArray("<?xml version=\"1.0\" "
                      "encoding=\"euc-kr\"?><rss><channel><title>\xb3\xe2</title></channel></rss>")
        << QString() << QString::fromUtf8("년");
    QTest::newRow("charset hint beats declaration")
        << QByteArray("<?xml version=\"1.0\" "
                      "encoding=\"utf-8\"?><rss><channel><title>caf\xe9</title></channel></rss>")
        << QStringLiteral("iso-8859-1") << QString::fromUtf8("café");
    QTest::newRow("utf-16 label on ascii bytes ignored")
        << QByteArray("<?xml version=\"1.0\" "
                      "encoding=\"utf-16\"?><rss><channel><title>plain</title></channel></rss>")
        << QString() << QStringLiteral("plain");
    QTest::newRow("invalid bytes after utf-8 bom")
        << QByteArray("\xEF\xBB\xBF<rss><channel><title>Espa\xf1"
                      "a \xd1\xa8</title></channel></rss>")
        << QString() << QString::fromUtf8("España Ѩ");
}

void tst_FeedParser::encodings()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, hint);
    QFETCH(QString, title);
    const FeedParseResult r = parseFeed(bytes, hint);
    QVERIFY2(r.feed, qPrintable(r.error));
    QCOMPARE(r.feed->title, title);
}

void tst_FeedParser::undeclaredEntities()
{
    // Feeds written by hand or by HTML templates use &eacute; and &nbsp; without a DTD, and
    // a bare '&' in URLs (feedparser's entities and amp cases).
    const ParsedFeed feed = parseOk(test::readTestData(QStringLiteral("undeclared-entities.rss")));
    QCOMPARE(feed.title, QString::fromUtf8("Café news & more"));
    QVERIFY(!feed.wellFormed);
    QCOMPARE(feed.items.size(), 2);
    QCOMPARE(feed.items[0].title, QString::fromUtf8("Rosé season — AT&T drops prices"));
    QCOMPARE(feed.items[0].link, QStringLiteral("http://example.org/1?a=1&b=2"));
    QCOMPARE(feed.items[0].id, QStringLiteral("item-1"));
    QCOMPARE(feed.items[0].link, QStringLiteral("http://example.org/1?a=1&b=2"));
    QCOMPARE(feed.items[0].summaryText(), QStringLiteral("Bonjour le monde"));
    QCOMPARE(utc(feed.items[0].published), QStringLiteral("2003-06-03T09:39:21Z"));
    // The document ends in a truncated "</rss": both items were complete and are kept.
    QCOMPARE(feed.items[1].link, QStringLiteral("http://example.org/2"));
}

void tst_FeedParser::textWithReferencesReadsTheSame_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<int>("setAside"); // runs of character data decoded before the reader
    const QByteArray longText
        = QByteArray("Long text, line one\r\nline two\rline three ").repeated(3);
    QTest::newRow("escaped html") << QByteArray(
        "<rss><d>a &lt;p class=&quot;x&quot;&gt;b &amp;amp; c&lt;/p&gt; &apos;</d></rss>")
                                  << 1;
    QTest::newRow("numeric references")
        << QByteArray("<rss><d>caf&#233; &#x1F600; &#10;line &#13;end</d><e>&#x41;&#66;</e></rss>")
        << 2;
    QTest::newRow("UTF-8 beside references") << QByteArray(
        "<rss><d>I\xE2\x80\x99ve &lt;b&gt;caf\xC3\xA9&lt;/b&gt; \xF0\x9F\x98\x80</d></rss>")
                                             << 1;
    QTest::newRow("long text, its line ends and the lines after it")
        << QByteArray("<rss>\n<d>" + longText + "</d>\n<e>short</e>\n<f>&#65;</f>\n<g>x</g></rss>")
        << 2;
    QTest::newRow("text around elements and comments")
        << QByteArray("<rss><d>x &amp; <b>y &lt;</b> z &gt;<!-- c &amp; --> w &amp;</d></rss>")
        << 4;
    QTest::newRow("attributes and CDATA stay")
        << QByteArray("<rss><a title=\"x &amp; y > z\" b='&lt;'><![CDATA[&amp; <p>]]></a></rss>")
        << 0;
    QTest::newRow("text the reader rejects, beside text it accepts")
        << QByteArray("<rss><d>a ]]&gt; &amp; b</d><e>\x02 "
                      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</e></rss>")
        << 1;
    QTest::newRow("a rejected run with a reference, which could spell a marker")
        << QByteArray("<rss><d>a &amp; b</d><e>\x02 &#xE000;0&#xE001;</e></rss>") << 0;
    QTest::newRow("declared entities")
        << QByteArray("<!DOCTYPE rss [<!ENTITY me \"Me\">]><rss><d>&me; &amp;</d></rss>") << 0;
    QTest::newRow("a marker of the document's own") << QByteArray("<rss><d>\xEE\x80\x80"
                                                                  "0\xEE\x80\x81 &amp;</d></rss>")
                                                    << 0;
    QTest::newRow("after an unclosed tag")
        << QByteArray("<rss><e x=\"1 <d>a &amp; b</d></rss>") << 0;
}

void tst_FeedParser::textWithReferencesReadsTheSame()
{
    QFETCH(QByteArray, xml);
    QFETCH(int, setAside);
    const XmlInput prepared = prepareXmlInput(xml);
    QCOMPARE(prepared.setAside.size(), setAside);
    QCOMPARE(xmlTokens(prepared.utf8, prepared.setAside), xmlTokens(xml));
}

void tst_FeedParser::truncatedKeepsCompletedItems()
{
    const ParsedFeed feed = parseOk(test::readTestData(QStringLiteral("truncated.rss")));
    QVERIFY(!feed.wellFormed);
    QVERIFY(feed.warning.startsWith(QStringLiteral("XML error at line")));
    QVERIFY(feed.items.size() >= 2);
    QCOMPARE(feed.items[0].title, QStringLiteral("One"));
    QCOMPARE(feed.items[1].link, QStringLiteral("http://example.org/2"));

    // Cut off just as an item began: no empty item is made of it.
    const ParsedFeed cut = parseOk("<rss version=\"2.0\"><channel><title>T</title>"
                                   "<item><title>One</title></item><item><g");
    QVERIFY(!cut.wellFormed);
    QCOMPARE(cut.items.size(), 1);
    QCOMPARE(cut.items[0].title, QStringLiteral("One"));
    QCOMPARE(cut.entries, 1);
}

void tst_FeedParser::atomXmlBaseAndLinks()
{
    const ParsedFeed feed = parseOk(test::readTestData(QStringLiteral("xml-base.atom")));
    QCOMPARE(feed.title, QStringLiteral("Example Blog"));
    QCOMPARE(feed.link, QStringLiteral("http://example.org/blog/index.html"));
    QCOMPARE(feed.items.size(), 1);
    const ParsedItem &item = feed.items[0];
    QCOMPARE(item.title, QStringLiteral("Hello world"));
    QCOMPARE(item.link, QStringLiteral("http://example.org/blog/2024/hello.html"));
    QCOMPARE(item.related.size(), 1);
    QCOMPARE(item.related[0].title, QStringLiteral("Earlier story"));
    QCOMPARE(item.related[0].link, QStringLiteral("http://example.org/blog/2023/earlier.html"));
    QCOMPARE(item.related[0].kind, QStringLiteral("publisher"));
    QCOMPARE(item.enclosures.size(), 1);
    QCOMPARE(item.enclosures[0].url, QStringLiteral("http://example.org/blog/2024/hello.mp3"));
    QCOMPARE(item.enclosures[0].length, std::optional<qint64>(1234));
    QCOMPARE(utc(item.published), QStringLiteral("2024-02-29T22:30:00Z"));
    QCOMPARE(utc(item.updated), QStringLiteral("2024-03-01T00:00:00Z"));
    QCOMPARE(item.author, QStringLiteral("Jane Doe"));
    QCOMPARE(item.categories, (QStringList{QStringLiteral("news"), QStringLiteral("tech")}));
    QCOMPARE(item.summaryText(), QStringLiteral("1 < 2 is plain text"));
}

void tst_FeedParser::atom03EscapedAndBase64()
{
    const ParsedFeed feed = parseOk(test::readTestData(QStringLiteral("atom03-escaped.atom")));
    QCOMPARE(feed.format, QStringLiteral("atom"));
    QCOMPARE(feed.title, QStringLiteral("Old & trusty"));
    QCOMPARE(feed.items.size(), 1);
    QCOMPARE(feed.items[0].summaryText(), QStringLiteral("Hello there"));
    QCOMPARE(utc(feed.items[0].published), QStringLiteral("2003-12-31T10:14:55Z"));
    QCOMPARE(utc(feed.items[0].updated), QStringLiteral("2004-01-01T00:00:00Z"));
}

void tst_FeedParser::rdfWithExtensions()
{
    const ParsedFeed feed = parseOk(test::readTestData(QStringLiteral("rss10.rdf")));
    QCOMPARE(feed.format, QStringLiteral("rdf"));
    QCOMPARE(feed.items.size(), 1);
    const ParsedItem &item = feed.items[0];
    QCOMPARE(item.id, QStringLiteral("http://example.org/a"));
    QCOMPARE(item.author, QStringLiteral("Example editor"));
    QCOMPARE(utc(item.updated), QStringLiteral("2002-09-04T07:00:00Z"));
    QVERIFY(!item.published.isValid()); // dc:date is not a publication date
    QCOMPARE(item.categories, QStringList{QStringLiteral("rdf")});
    QCOMPARE(item.summaryText(), QStringLiteral("Full content")); // no summary: the content
    QCOMPARE(item.contentHtml, QStringLiteral("<p>Full <em>content</em></p>"));
}

void tst_FeedParser::jsonFeed()
{
    const ParsedFeed feed = parseOk(test::readTestData(QStringLiteral("feed.json")));
    QCOMPARE(feed.format, QStringLiteral("json"));
    QCOMPARE(feed.link, QStringLiteral("https://example.org/"));
    QCOMPARE(feed.items.size(), 1);
    const ParsedItem &item = feed.items[0];
    QCOMPARE(item.id, QStringLiteral("42"));
    QCOMPARE(item.title, QStringLiteral("A <b> is not a tag here"));
    QCOMPARE(item.summaryText(), QStringLiteral("Hello there"));
    QCOMPARE(item.author, QStringLiteral("Ann"));
    QCOMPARE(utc(item.published), QStringLiteral("2020-01-02T08:04:05Z"));
    QCOMPARE(item.enclosures.size(), 1);
    QCOMPARE(item.enclosures[0].length, std::optional<qint64>(99));
}

void tst_FeedParser::rssLinkFallsBackToPermalinkGuid()
{
    const ParsedFeed feed = parseOk(
        "<rss><channel>"
        "<item><guid>http://example.org/p</guid></item>"
        "<item><guid isPermaLink=\"false\">http://example.org/q</guid></item>"
        "</channel></rss>");
    QCOMPARE(feed.items.size(), 2);
    QCOMPARE(feed.items[0].link, QStringLiteral("http://example.org/p"));
    QVERIFY(feed.items[1].link.isEmpty());
    QCOMPARE(feed.items[1].id, QStringLiteral("http://example.org/q"));
}

void tst_FeedParser::relativeUrlsResolveAgainstTheDocument_data()
{
    QTest::addColumn<QString>("fixtureName");
    QTest::addColumn<QString>("documentUrl"); // empty: a file parsed on its own
    QTest::addColumn<int>("item");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected"); // for content and summary: a part of the HTML

    const QString doc = QStringLiteral("http://blog.example/feeds/all.xml");
    const QString atom = QStringLiteral("relative.atom");
    const QString rss = QStringLiteral("relative.rss");
    const QString json = QStringLiteral("relative.json");
    QTest::newRow("atom feed link") << atom << doc << 0 << "feed link"
                                    << "http://blog.example/";
    QTest::newRow("atom entry link") << atom << doc << 0 << "link"
                                     << "http://blog.example/2026/12/01/post/";
    QTest::newRow("atom related link") << atom << doc << 0 << "related"
                                       << "http://blog.example/2026/11/30/earlier/";
    QTest::newRow("atom enclosure, from the feed's folder")
        << atom << doc << 0 << "enclosure"
        << "http://blog.example/feeds/audio/post.mp3";
    QTest::newRow("atom html content link") << atom << doc << 0 << "content"
                                            << "<a href=\"http://blog.example/about/\">";
    QTest::newRow("atom html content image")
        << atom << doc << 0 << "content"
        << "<img src=\"http://blog.example/feeds/img/x.png\" alt=\"Map\">";
    QTest::newRow("atom fragment link stays") << atom << doc << 0 << "content"
                                              << "<a href=\"#notes\">";
    QTest::newRow("atom html summary link") << atom << doc << 0 << "summary"
                                            << "<a href=\"http://blog.example/about/\">";
    QTest::newRow("atom xml:base relative to the document")
        << atom << doc << 1 << "link"
        << "http://blog.example/archive/second/";
    QTest::newRow("atom xhtml content under the entry's xml:base")
        << atom << doc << 1 << "content"
        << "<a href=\"http://blog.example/archive/one.html\">";
    QTest::newRow("atom xhtml content under a nested xml:base")
        << atom << doc << 1 << "content"
        << "<img src=\"http://blog.example/nested/two.png\"";
    QTest::newRow("atom empty href without xml:base is no link, not the feed")
        << atom << doc << 2 << "link"
        << "";
    QTest::newRow("rss channel link") << rss << doc << 0 << "feed link"
                                      << "http://blog.example/";
    QTest::newRow("rss item link") << rss << doc << 0 << "link"
                                   << "http://blog.example/2026/12/01/post/";
    QTest::newRow("rss enclosure") << rss << doc << 0 << "enclosure"
                                   << "http://blog.example/feeds/media/clip.mp4";
    QTest::newRow("rss content:encoded")
        << rss << doc << 0 << "content"
        << "<img src=\"http://blog.example/feeds/img/x.png\" alt=\"Map\">";
    QTest::newRow("rss description") << rss << doc << 0 << "summary"
                                     << "<a href=\"http://blog.example/about/\">";
    QTest::newRow("rss permalink guid as the link") << rss << doc << 1 << "link"
                                                    << "http://blog.example/2026/12/02/guid-post/";
    QTest::newRow("rss guid itself as written") << rss << doc << 1 << "id"
                                                << "/2026/12/02/guid-post/";
    QTest::newRow("json home page") << json << doc << 0 << "feed link"
                                    << "http://blog.example/";
    QTest::newRow("json item url") << json << doc << 0 << "link"
                                   << "http://blog.example/2026/12/01/post/";
    QTest::newRow("json attachment") << json << doc << 0 << "enclosure"
                                     << "http://blog.example/feeds/audio/post.mp3";
    QTest::newRow("json image") << json << doc << 0 << "thumbnail"
                                << "http://blog.example/feeds/img/cover.png";
    QTest::newRow("json content_html")
        << json << doc << 0 << "content"
        << "<a href=\"http://blog.example/about/\">about</a> "
           "<img src=\"http://blog.example/feeds/img/x.png\" alt=\"Map\">";
    // The corpus contract: with no document address only xml:base resolves.
    QTest::newRow("no address: atom link as written") << atom << QString() << 0 << "link"
                                                      << "/2026/12/01/post/";
    QTest::newRow("no address: atom content as written") << atom << QString() << 0 << "content"
                                                         << "<a href=\"/about/\">";
    QTest::newRow("no address: xml:base still applies") << atom << QString() << 1 << "link"
                                                        << "/archive/second/";
    QTest::newRow("no address: rss link as written") << rss << QString() << 0 << "link"
                                                     << "/2026/12/01/post/";
    QTest::newRow("no address: json url as written") << json << QString() << 0 << "link"
                                                     << "/2026/12/01/post/";
}

void tst_FeedParser::relativeUrlsResolveAgainstTheDocument()
{
    QFETCH(QString, fixtureName);
    QFETCH(QString, documentUrl);
    QFETCH(int, item);
    QFETCH(QString, field);
    QFETCH(QString, expected);
    const FeedParseResult r = parseFeed(test::readTestData(fixtureName), {}, QUrl(documentUrl));
    QVERIFY2(r.feed, qPrintable(r.error));
    QVERIFY(item < r.feed->items.size());
    const ParsedItem &i = r.feed->items.at(item);
    if (field == u"content" || field == u"summary") {
        const QString html = field == u"content" ? i.contentHtml : i.summaryHtml;
        QVERIFY2(html.contains(expected), qPrintable(html));
        return;
    }
    const QString actual = field == u"feed link" ? r.feed->link
        : field == u"link"                       ? i.link
        : field == u"id"                         ? i.id
        : field == u"related"                    ? i.related.value(0).link
        : field == u"enclosure"                  ? i.enclosures.value(0).url
        : field == u"thumbnail"                  ? i.thumbnailUrl
                                                 : QStringLiteral("unknown field");
    QCOMPARE(actual, expected);
}

void tst_FeedParser::hostileInputDoesNotCrash_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("billion laughs")
        << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">"
                      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c "
                      "\"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                      "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e "
                      "\"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
                      "]><rss><channel><title>&e;&e;&e;&e;</title></channel></rss>");
    QTest::newRow("external entity is never read") << QByteArray(
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
        "<rss><channel><title>a&xxe;b</title></channel></rss>");
    QTest::newRow("unclosed cdata") << QByteArray("<rss><channel><title><![CDATA[abc");
    QTest::newRow("deep nesting") << QByteArray("<rss><channel><item><description>")
            + QByteArray("<div>").repeated(20000);
    QTest::newRow("nul bytes") << QByteArray("<rss>\0\0\0</rss>", 15);
    QTest::newRow("lone bom") << QByteArray("\xEF\xBB\xBF");
    QTest::newRow("utf-16 bom with odd length") << QByteArray("\xFF\xFE<\0r\0s", 7);
    QTest::newRow("entity name too long") << QByteArray("<rss><channel><title>&")
            + QByteArray(5000, 'a') + ";</title></channel></rss>";
}

void tst_FeedParser::hostileInputDoesNotCrash()
{
    QFETCH(QByteArray, bytes);
    const FeedParseResult r = parseFeed(bytes);
    QVERIFY(r.feed || !r.error.isEmpty());
    if (r.feed && r.feed->format == u"rss" && bytes.contains("xxe"))
        QCOMPARE(r.feed->title, QStringLiteral("ab"));
}

void tst_FeedParser::everyCategoryKeptOnceInOrder_data()
{
    // An item's categories in each way a feed writes them; %1 is the category.
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("category");
    QTest::addColumn<QByteArray>("tail");
    const QByteArray rss
        = "<rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
          "xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><item><title>t</title>";
    const QByteArray rssEnd = "</item></channel></rss>";
    QTest::newRow("rss category") << rss << QByteArray("<category>%1</category>") << rssEnd;
    QTest::newRow("dc:subject") << rss << QByteArray("<dc:subject>%1</dc:subject>") << rssEnd;
    QTest::newRow("media:category")
        << rss << QByteArray("<media:category>%1</media:category>") << rssEnd;
    QTest::newRow("atom category term")
        << QByteArray("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>t</title>")
        << QByteArray("<category term=\"%1\"/>") << QByteArray("</entry></feed>");
    QTest::newRow("json feed tags")
        << QByteArray("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": "
                      "[{\"id\": \"1\", \"title\": \"t\", \"tags\": [")
        << QByteArray("\"%1\",") << QByteArray("\"last\"]}]}");
}

// One hostile item with 100,000 categories: every distinct one is kept once, in the order
// it first came, whatever repeats it (the same again, or with its white space spread out).
void tst_FeedParser::everyCategoryKeptOnceInOrder()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, category);
    QFETCH(QByteArray, tail);
    constexpr int kCount = 100000;
    const bool collapses = !head.startsWith('{'); // JSON Feed tags are only trimmed
    const auto element = [&category](const QString &name) {
        return QByteArray(category).replace("%1", name.toUtf8());
    };
    QStringList expected;
    QByteArray bytes = head;
    for (int i = 0; i < kCount; ++i) {
        const QString name = u"topic %1"_qs.arg(i);
        expected << name;
        bytes += element(name);
        bytes += element(collapses ? u" topic  %1 "_qs.arg(i) : name);
        if (i % 1000 == 0)
            bytes += element(QStringLiteral("topic 0"));
    }
    if (collapses)
        bytes += element(QStringLiteral("last"));
    bytes += tail;
    expected << QStringLiteral("last");

    const ParsedFeed feed = parseOk(bytes);
    QCOMPARE(feed.items.size(), 1);
    const QStringList &categories = feed.items[0].categories;
    QCOMPARE(categories.size(), expected.size());
    QCOMPARE(categories, expected);
}

// A long text of words, as a huge article would be: `words` of them, about 6 bytes each.
QByteArray words(qsizetype count)
{
    QByteArray text;
    text.reserve(count * 6);
    for (qsizetype i = 0; i < count; ++i)
        text += "word" + QByteArray::number(i % 10) + ' ';
    return text;
}

void tst_FeedParser::longTextsAreCutAndSaid_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray text = words(1'000'000); // 6 MB: three times what a text keeps
    const QByteArray after
        = "<item><title>After</title><link>http://example.org/after</link></item>";
    const QByteArray rss = "<rss version=\"2.0\"><channel><title>T</title><item><title>Huge</title>"
                           "<link>http://example.org/huge</link><description>";
    QTest::newRow("escaped html") << rss + "&lt;p&gt;" + text + "&lt;/p&gt;</description></item>"
            + after + "</channel></rss>";
    QTest::newRow("cdata") << rss + "<![CDATA[<p>" + text + "</p>]]></description></item>" + after
            + "</channel></rss>";
    // Sections one after another add up to more than one text keeps.
    QByteArray sections;
    for (int i = 0; i < 6; ++i)
        sections += "<![CDATA[" + text.first(1'000'000) + "]]>";
    QTest::newRow("many cdata sections")
        << rss + sections + "</description></item>" + after + "</channel></rss>";
    // A DOCTYPE keeps the text away from the fast path: the XML reader reads it.
    QTest::newRow("with a doctype")
        << "<!DOCTYPE rss>" + rss + text + "</description></item>" + after + "</channel></rss>";
    QByteArray xhtml;
    for (int i = 0; i < 300'000; ++i)
        xhtml += "<p>word" + QByteArray::number(i % 10) + " a b</p>";
    QTest::newRow("atom xhtml content")
        << "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><entry>"
           "<title>Huge</title><id>urn:huge</id><content type=\"xhtml\">"
           "<div xmlns=\"http://www.w3.org/1999/xhtml\">"
            + xhtml
            + "</div></content></entry><entry><title>After</title><id>urn:after</id></entry></"
              "feed>";
    QTest::newRow("json feed")
        << R"({"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [)"
           R"({"id": "1", "title": "Huge", "content_html": "<p>)"
            + text
            + R"(</p>"},)"
              R"({"id": "2", "title": "After"}]})";
}

void tst_FeedParser::longTextsAreCutAndSaid()
{
    QFETCH(QByteArray, bytes);
    const ParsedFeed feed = parseOk(bytes);
    QCOMPARE(feed.items.size(), 2); // reading went on after the cut
    QCOMPARE(feed.items.at(1).title, QStringLiteral("After"));
    const ParsedItem &huge = feed.items.at(0);
    const QString html = huge.contentHtml.isEmpty() ? huge.summaryHtml : huge.contentHtml;
    QVERIFY2(html.size() <= kMaxTextChars + textCutNotice().size(),
             qPrintable(QString::number(html.size())));
    QVERIFY(html.size() > kMaxTextChars / 2);
    QVERIFY(html.endsWith(textCutNotice()));
    QVERIFY2(
        feed.warning.contains(QLatin1String("1 text longer than 2,000,000 characters was cut")),
        qPrintable(feed.warning));
}

void tst_FeedParser::cutTextKeepsLineNumbers()
{
    // The part of a long text that is cut away still counts for the lines after it: an
    // error further on is reported where it is.
    QByteArray text;
    for (int line = 0; line < 500'000; ++line)
        text += "line of text\n";
    const QByteArray bytes = "<rss><channel><item><description>" + text
        + "</description></item>\n<item><title>x</wrong>";
    const FeedParseResult r = parseFeed(bytes);
    QVERIFY(r.feed);
    QVERIFY2(r.feed->warning.startsWith(QLatin1String("XML error at line 500002,")),
             qPrintable(r.feed->warning));
    QVERIFY(
        r.feed->warning.contains(QLatin1String("1 text longer than 2,000,000 characters was cut")));
}

void tst_FeedParser::entityExpansionIsBounded_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("refused");
    const QByteArray rss
        = "<rss version=\"2.0\"><channel><title>T</title><item><title>I</title><description>";
    QByteArray laughs = "<!ENTITY a0 \"ha\">";
    for (int i = 1; i <= 10; ++i) {
        laughs += "<!ENTITY a" + QByteArray::number(i) + " \""
            + QByteArray("&a" + QByteArray::number(i - 1) + ";").repeated(10) + "\">";
    }
    QTest::newRow("billion laughs")
        << "<!DOCTYPE rss [" + laughs + "]>" + rss + "&a10;</description></item></channel></rss>"
        << true;
    // Each entity within the XML reader's own limit of 4,096 characters, used 100,000 times:
    // 400 million characters, 800 MB.
    QTest::newRow("one wide entity used often")
        << "<!DOCTYPE rss [<!ENTITY w \"" + QByteArray(4000, 'w') + "\">]>" + rss
            + QByteArray("&w;").repeated(100'000) + "</description></item></channel></rss>"
        << true;
    QTest::newRow("in attribute values") << "<!DOCTYPE rss [<!ENTITY w \"" + QByteArray(4000, 'w')
            + "\">]>" + rss + "</description>"
            + QByteArray("<category domain=\"&w;\">c</category>").repeated(1000)
            + "</item></channel></rss>" << true;
    QByteArray chain = "<!ENTITY c0 \"x\">";
    for (int i = 1; i < 100; ++i)
        chain += "<!ENTITY c" + QByteArray::number(i) + " \"&c" + QByteArray::number(i - 1)
            + ";\">";
    QTest::newRow("a chain deeper than any feed's")
        << "<!DOCTYPE rss [" + chain + "]>" + rss + "&c99;</description></item></channel></rss>"
        << true;
    // 100,000 declarations, each used once: looking each one up must not walk the others
    // (that took a minute).
    QByteArray many;
    QByteArray uses;
    for (int i = 0; i < 100'000; ++i) {
        many += "<!ENTITY e" + QByteArray::number(i) + " \"v\">";
        uses += "&e" + QByteArray::number(i) + ';';
    }
    QTest::newRow("many declarations")
        << "<!DOCTYPE rss [" + many + "]>" + rss + uses + "</description></item></channel></rss>"
        << false;
    QTest::newRow("a few small ones") << "<!DOCTYPE rss [<!ENTITY who \"the council\">]>" + rss
            + QByteArray("&who; ").repeated(100) + "</description></item></channel></rss>"
                                      << false;
}

void tst_FeedParser::entityExpansionIsBounded()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, refused);
    const FeedParseResult r = parseFeed(bytes);
    if (refused) {
        QVERIFY(!r.feed);
        QCOMPARE(r.error,
                 QStringLiteral(
                     "not a feed: its entities would expand to more than 2,000,000 characters"));
        return;
    }
    QVERIFY2(r.feed, qPrintable(r.error));
    QCOMPARE(r.feed->items.size(), 1);
    QVERIFY(!r.feed->items.first().summaryText().isEmpty());
}

void tst_FeedParser::nestingIsBounded_data()
{
    QTest::addColumn<QByteArray>("open");
    QTest::addColumn<QByteArray>("close");
    QTest::newRow("unknown elements in an item") << QByteArray("<x>") << QByteArray("</x>");
    QTest::newRow("xhtml in content")
        << QByteArray("<div xmlns=\"http://www.w3.org/1999/xhtml\">") << QByteArray("</div>");
}

void tst_FeedParser::nestingIsBounded()
{
    // 200,000 nested elements: reading stops at 1,000 levels, with what was read before.
    QFETCH(QByteArray, open);
    QFETCH(QByteArray, close);
    const QByteArray bytes
        = "<rss version=\"2.0\"><channel><title>T</title><item><title>First</title></item>"
          "<item><title>Deep</title><description>"
        + open.repeated(200'000) + "x" + close.repeated(200'000)
        + "</description></item></channel></rss>";
    const FeedParseResult r = parseFeed(bytes);
    QVERIFY(r.feed);
    QVERIFY(!r.feed->wellFormed);
    QVERIFY(!r.feed->items.isEmpty());
    QCOMPARE(r.feed->items.first().title, QStringLiteral("First"));
    QVERIFY2(r.feed->warning.contains(QLatin1String("elements nested deeper than 1,000 levels")),
             qPrintable(r.feed->warning));
}

void tst_FeedParser::golden_data()
{
    QTest::addColumn<QString>("fixtureName");
    QTest::newRow("atom xml:base relative link") << QStringLiteral("xml-base.atom");
    QTest::newRow("undeclared &eacute; entity") << QStringLiteral("undeclared-entities.rss");
    QTest::newRow("rss 1.0 with dc and content") << QStringLiteral("rss10.rdf");
    QTest::newRow("json feed 1.1") << QStringLiteral("feed.json");
    QTest::newRow("cap index entry (NWS)") << QStringLiteral("cap-index-nws.atom");
}

// Compares `bulletin parse` output with data/golden/<fixture>.json. Set
// BULLETIN_REGENERATE_GOLDEN=1 to rewrite the golden files after an intended change.
void tst_FeedParser::golden()
{
    QFETCH(QString, fixtureName);
    const FeedParseResult r = parseFeed(test::readTestData(fixtureName));
    QVERIFY2(r.feed, qPrintable(r.error));
    const QByteArray actual = QJsonDocument(feedToJson(*r.feed)).toJson(QJsonDocument::Indented);
    const QString golden = QStringLiteral("golden/") + fixtureName + QStringLiteral(".json");
    if (test::regeneratingGoldenFiles()) {
        test::writeTestData(golden, actual);
        QSKIP("golden file regenerated");
    }
    const QJsonDocument expected = QJsonDocument::fromJson(test::readTestData(golden));
    QCOMPARE(QJsonDocument::fromJson(actual), expected);
}

void tst_FeedParser::enclosureTitlesAndDurations_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("title");
    QTest::addColumn<qint64>("duration"); // -1: none
    const QByteArray podcast
        = "<rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">"
          "<channel><item><title>Episode</title>"
          "<enclosure url=\"https://radio.example/e.mp3\" length=\"24100000\" type=\"audio/mpeg\"/>"
          "<itunes:duration>%1</itunes:duration></item></channel></rss>";
    const auto withDuration = [&](const char *duration) {
        return QByteArray(podcast).replace("%1", duration);
    };
    QTest::newRow("itunes:duration h:mm:ss")
        << withDuration("1:02:03") << "https://radio.example/e.mp3"
        << "" << qint64(3723);
    QTest::newRow("itunes:duration mm:ss") << withDuration("62:03") << "https://radio.example/e.mp3"
                                           << "" << qint64(3723);
    QTest::newRow("itunes:duration in seconds")
        << withDuration(" 3723 ") << "https://radio.example/e.mp3"
        << "" << qint64(3723);
    QTest::newRow("itunes:duration with a fraction")
        << withDuration("3723.6") << "https://radio.example/e.mp3"
        << "" << qint64(3723);
    QTest::newRow("itunes:duration in words")
        << withDuration("about an hour") << "https://radio.example/e.mp3"
        << "" << qint64(-1);
    QTest::newRow("itunes:duration with 75 minutes past the hour")
        << withDuration("1:75:00") << "https://radio.example/e.mp3"
        << "" << qint64(-1);
    QTest::newRow("itunes:duration negative") << withDuration("-5") << "https://radio.example/e.mp3"
                                              << "" << qint64(-1);
    QTest::newRow("itunes:duration of centuries")
        << withDuration("99999999999") << "https://radio.example/e.mp3"
        << "" << qint64(-1);
    QTest::newRow("atom enclosure with a title") << QByteArray(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>E</title>"
        "<link rel=\"enclosure\" href=\"https://radio.example/e.ogg\" type=\"audio/ogg\" "
        "length=\"10\" title=\"  Episode\n 12 \"/></entry></feed>")
                                                 << "https://radio.example/e.ogg"
                                                 << "Episode 12" << qint64(-1);
    QTest::newRow("json feed attachment") << QByteArray(
        "{\"version\":\"https://jsonfeed.org/version/"
        "1.1\",\"title\":\"R\",\"items\":[{\"id\":\"1\","
        "\"content_text\":\"t\",\"attachments\":[{\"url\":\"https://radio.example/e.m4a\","
        "\"mime_type\":\"audio/x-m4a\",\"title\":\"Episode 12\",\"size_in_bytes\":5,"
        "\"duration_in_seconds\":3723}]}]}")
                                          << "https://radio.example/e.m4a"
                                          << "Episode 12" << qint64(3723);
    QTest::newRow("media:content duration") << QByteArray(
        "<rss version=\"2.0\" "
        "xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><item><title>V</title>"
        "<media:content url=\"https://video.example/v.mp4\" type=\"video/mp4\" duration=\"95\"/>"
        "</item></channel></rss>") << "https://video.example/v.mp4"
                                            << "" << qint64(95);
}

void tst_FeedParser::enclosureTitlesAndDurations()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, url);
    QFETCH(QString, title);
    QFETCH(qint64, duration);
    const ParsedFeed feed = parseOk(bytes);
    QCOMPARE(feed.items.size(), 1);
    const ParsedItem &item = feed.items.at(0);
    const QList<Enclosure> all = item.enclosures + item.media;
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.at(0).url, url);
    QCOMPARE(all.at(0).title, title);
    QCOMPARE(all.at(0).durationSeconds,
             duration < 0 ? std::nullopt : std::optional<qint64>(duration));
}

QTEST_APPLESS_MAIN(tst_FeedParser)
#include "tst_feedparser.moc"
