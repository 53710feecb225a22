// Stories as a refresh or an import stores them: the advisory section of an item is shown
// once (in the banner, not again in the body) whatever the format, and a CAP alert's
// resources are links the reader can open.

#include "core/feeds/feedparser.h"
#include "core/html/htmlsanitizer.h"
#include "core/plaintextimporter.h"
#include "services/feedarticles.h"

#include <QTest>

using namespace bulletin;

namespace {

const QDateTime kNow(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC);

// The story's body as the reader shows it under the banner.
QString bodyText(const Article &article)
{
    return sanitizeHtml(article.html, {}).text;
}

QByteArray escaped(const char *html)
{
    return QByteArray(html).replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
}

constexpr char kItemHtml[]
    = "<p>Schools across the county closed on Monday after a storm knocked out power.</p>"
      "<h3>Public Advisory</h3>"
      "<p>Stay away from fallen power lines and report them to the utility</p>"
      "<p>Severity: Severe</p>"
      "<h3>Outlook</h3><p>Power should be back by Friday.</p>";

} // namespace

class tst_FeedArticles final : public QObject
{
    Q_OBJECT

private slots:
    void advisorySectionShowsOnce_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<bool>("plainText");
        QByteArray html(kItemHtml);
        QTest::newRow("RSS description") << QByteArray(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>County News</title>"
            "<link>https://county.example/</link><item><title>Storm closes schools</title>"
            "<link>https://county.example/storm</link><description>"
            + escaped(kItemHtml) + "</description></item></channel></rss>")
                                         << false;
        QTest::newRow("Atom content")
            << QByteArray("<?xml version=\"1.0\"?><feed "
                          "xmlns=\"http://www.w3.org/2005/Atom\"><title>County News</title>"
                          "<id>urn:county</id><updated>2026-12-01T08:00:00Z</"
                          "updated><entry><title>Storm closes schools</title>"
                          "<id>urn:storm</id><updated>2026-12-01T08:00:00Z</updated>"
                          "<link href=\"https://county.example/storm\"/><content type=\"html\">"
                          + escaped(kItemHtml) + "</content></entry></feed>")
            << false;
        QTest::newRow("JSON Feed content_html")
            << QByteArray("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"County "
                          "News\", \"items\": "
                          "[{\"id\": \"storm\", \"title\": \"Storm closes schools\", \"url\": "
                          "\"https://county.example/storm\", "
                          "\"content_html\": \""
                          + html.replace('"', "\\\"") + "\"}]}")
            << false;
        QTest::newRow("plain text")
            << QByteArray("Storm closes schools\n\nSchools across the county closed on Monday "
                          "after a storm knocked out power.\n\n"
                          "Public Advisory\n\nStay away from fallen power lines and report them to "
                          "the utility\n\n"
                          "Severity: Severe\n\nOutlook\n\nPower should be back by Friday.\n")
            << true;
    }

    void advisorySectionShowsOnce()
    {
        QFETCH(QByteArray, document);
        QFETCH(bool, plainText);
        Article article;
        if (plainText) {
            const PlainTextResult imported = importPlainText(document);
            QVERIFY2(imported.import, qPrintable(imported.error));
            article = imported.import->article;
        } else {
            const FeedParseResult parsed = parseFeed(document);
            QVERIFY2(parsed.feed, qPrintable(parsed.error));
            const QList<Article> articles = articlesFromFeed(*parsed.feed, kNow);
            QCOMPARE(articles.size(), 1);
            article = articles.first();
        }
        QCOMPARE(article.title, QStringLiteral("Storm closes schools"));
        QVERIFY(article.advisory);
        QCOMPARE(article.advisory->headline, QStringLiteral("Public Advisory"));
        QCOMPARE(
            article.advisory->text,
            QStringLiteral("Stay away from fallen power lines and report them to the utility"));
        QCOMPARE(article.advisory->severity, QStringLiteral("Severe"));

        // The banner says it; the body does not say it again, and keeps everything else.
        const QString body = bodyText(article);
        QVERIFY2(!body.contains(QStringLiteral("Public Advisory")), qPrintable(body));
        QVERIFY2(!body.contains(QStringLiteral("fallen power lines")), qPrintable(body));
        QVERIFY2(!body.contains(QStringLiteral("Severity")), qPrintable(body));
        QVERIFY2(body.startsWith(QStringLiteral("Schools across the county closed on Monday")),
                 qPrintable(body));
        QVERIFY2(body.endsWith(QStringLiteral("Outlook\n\nPower should be back by Friday.")),
                 qPrintable(body));
        // Search still finds the advisory's words.
        QVERIFY(article.text.contains(QStringLiteral("fallen power lines")));
    }

    // A CAP <resource> (a map, an image) is a link of the alert's story, resolved against the
    // address the alert came from.
    void capResourcesAreLinks_data()
    {
        QTest::addColumn<QByteArray>("uri");
        QTest::addColumn<QString>("href");
        QTest::newRow("relative") << QByteArray("maps/flood.png")
                                  << "http://127.0.0.1:8080/alerts/maps/flood.png";
        QTest::newRow("root-relative")
            << QByteArray("/maps/flood.png") << "http://127.0.0.1:8080/maps/flood.png";
        QTest::newRow("absolute") << QByteArray("https://maps.example/flood.png")
                                  << "https://maps.example/flood.png";
    }

    void capResourcesAreLinks()
    {
        QFETCH(QByteArray, uri);
        QFETCH(QString, href);
        const QByteArray alert
            = "<?xml version=\"1.0\"?><alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"
              "<identifier>flood-1</identifier><sender>river@county.example</sender>"
              "<sent>2026-12-01T08:00:00-00:00</sent><status>Actual</status><msgType>Alert</"
              "msgType>"
              "<scope>Public</scope><info><language>en</language><category>Met</"
              "category><event>Flood</event>"
              "<urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</"
              "certainty>"
              "<senderName>County River Office</senderName><headline>Flood warning for the "
              "river</headline>"
              "<description>The river is over its banks</description>"
              "<resource><resourceDesc>Flood map</resourceDesc><mimeType>image/png</mimeType><uri>"
            + uri
            + "</uri></resource><resource><resourceDesc>Inline "
              "text</resourceDesc><mimeType>text/plain</mimeType>"
              "<derefUri>SGVsbG8=</derefUri></resource>"
              "<area><areaDesc>Riverside</areaDesc></area></info></alert>";
        const FeedParseResult parsed = parseFeed(
            alert, {}, QUrl(QStringLiteral("http://127.0.0.1:8080/alerts/flood.xml")));
        QVERIFY2(parsed.feed, qPrintable(parsed.error));
        const QList<Article> articles = articlesFromFeed(*parsed.feed, kNow);
        QCOMPARE(articles.size(), 1);
        const SanitizedHtml shown = sanitizeHtml(articles.first().html, {});
        QVERIFY2(shown.html.contains(
                     QStringLiteral("<a href=\"%1\">Flood map (image/png)</a>").arg(href)),
                 qPrintable(shown.html));
        // Offered, never loaded: the reader shows the link, not the picture.
        QVERIFY(!shown.html.contains(QStringLiteral("<img")));
        QVERIFY(!shown.text.contains(QStringLiteral("Inline text")));
        QVERIFY(shown.text.contains(QStringLiteral("The river is over its banks")));
    }

    void storiesKeepOnlyEnclosuresTheReaderCanOffer()
    {
        // What a feed can put in an enclosure: the story keeps the web addresses, each once,
        // and drops what it cannot believe rather than showing it.
        const QByteArray feed
            = "<rss version=\"2.0\" "
              "xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>Radio</title>"
              "<item><title>Episode 12</title><link>https://radio.example/12</link>"
              "<enclosure url=\"https://radio.example/e12.mp3\" length=\"24100000\" "
              "type=\"Audio/MPEG; charset=x\"/>"
              "<enclosure url=\"javascript:alert(document.cookie)\" length=\"10\" "
              "type=\"audio/mpeg\"/>"
              "<enclosure url=\"file:///etc/passwd\" type=\"text/plain\"/>"
              "<enclosure url=\"data:audio/mpeg;base64,AAAA\" type=\"audio/mpeg\"/>"
              "<enclosure url=\"https://radio.example/huge.bin\" length=\"5000000000000000\" "
              "type=\"&lt;b&gt;x\"/>"
              "<enclosure url=\"https://radio.example/unknown\" length=\"0\"/>"
              "<media:content url=\"https://radio.example/e12.mp3\" type=\"audio/mpeg\"/>"
              "<media:content url=\"https://radio.example/cover.jpg\" type=\"image/jpeg\" "
              "fileSize=\"2048\"/>"
              "</item></channel></rss>";
        const FeedParseResult parsed = parseFeed(feed);
        QVERIFY2(parsed.feed, qPrintable(parsed.error));
        const QList<Article> articles = articlesFromFeed(*parsed.feed, kNow);
        QCOMPARE(articles.size(), 1);
        const QList<Enclosure> &kept = articles.first().enclosures;
        QStringList urls;
        for (const Enclosure &e : kept)
            urls << e.url;
        QCOMPARE(urls,
                 (QStringList{QStringLiteral("https://radio.example/e12.mp3"),
                              QStringLiteral("https://radio.example/huge.bin"),
                              QStringLiteral("https://radio.example/unknown"),
                              QStringLiteral("https://radio.example/cover.jpg")}));
        QCOMPARE(kept.at(0).type, QStringLiteral("audio/mpeg"));
        QCOMPARE(kept.at(0).length, std::optional<qint64>(24100000));
        QVERIFY(kept.at(1).type.isEmpty()); // not a MIME type
        QVERIFY(!kept.at(1).length); // 5 PB: not a file a feed carries
        QVERIFY(!kept.at(2).length); // "0" says the feed does not know
        QCOMPARE(kept.at(3).length, std::optional<qint64>(2048));

        // No more than fifty.
        QByteArray many
            = "<rss version=\"2.0\"><channel><title>Gallery</title><item><title>Photos</title>";
        for (int i = 0; i < 80; ++i)
            many += "<enclosure url=\"https://photos.example/" + QByteArray::number(i)
                + ".jpg\" type=\"image/jpeg\"/>";
        many += "</item></channel></rss>";
        const FeedParseResult gallery = parseFeed(many);
        QVERIFY(gallery.feed);
        QCOMPARE(articlesFromFeed(*gallery.feed, kNow).first().enclosures.size(), 50);
    }
};

QTEST_APPLESS_MAIN(tst_FeedArticles)
#include "tst_feedarticles.moc"
