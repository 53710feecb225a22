#include "core/plaintextimporter.h"
#include "support/testdata.h"

#include <QTest>

using namespace bulletin;

class tst_PlainTextImporter final : public QObject
{
    Q_OBJECT

private:
    static QByteArray sample()
    {
        return test::readSourceFile(
            QStringLiteral("resources/sample/questiqa-postal-cyberattack.txt"));
    }

    // An input fuzz_plaintextimporter once failed on (tests/fuzz/regressions).
    static QByteArray readRegression(const char *name)
    {
        return test::readSourceFile(QStringLiteral("tests/fuzz/regressions/plaintextimporter/")
                                    + QLatin1String(name));
    }

private Q_SLOTS:
    void sampleStory()
    {
        const PlainTextResult result = importPlainText(sample());
        QVERIFY2(result.import, qPrintable(result.error));
        const PlainTextImport &import = *result.import;
        QCOMPARE(import.publisher, QStringLiteral("Questiqa Europe News"));
        QVERIFY(import.titleDerived);
        QCOMPARE(import.article.title,
                 QStringLiteral("In mid-December 2025, a pro-Russian hacking group launched a "
                                "cyberattack on France\u2019s national postal service"));
        QVERIFY(import.note.contains(QStringLiteral("derived")));

        QVERIFY(import.article.advisory);
        QCOMPARE(import.article.advisory->headline, QStringLiteral("Public Advisory"));
        QVERIFY(import.article.advisory->text.startsWith(
            QStringLiteral("Authorities have advised the public to exercise caution")));
        QCOMPARE(import.article.advisory->issuer, QStringLiteral("Questiqa Europe News"));

        QCOMPARE(import.article.related.size(), 3);
        QCOMPARE(import.article.related.at(0).title,
                 QStringLiteral("Germany and Poland Sign Groundbreaking Deal on Next-Generation "
                                "Military Satellites"));
        QCOMPARE(import.article.related.at(2).title,
                 QStringLiteral("Russian State Duma Speaker Blames EU and Biden for Ukraine "
                                "Conflict, Sparking New Tensions"));

        const QString html = import.article.html;
        QVERIFY(html.contains(QStringLiteral("<h3>Details of the Cyberattack</h3>")));
        QVERIFY(html.contains(QStringLiteral(
            "<li>International cooperation to combat cybercrime effectively.</li>")));
        QVERIFY(html.contains(QStringLiteral("<p>Authorities stress the need for:</p>")));
        // The advisory and the related headlines are shown as banner and list, not in the body.
        QVERIFY(!html.contains(QStringLiteral("Public Advisory")));
        QVERIFY(!html.contains(QStringLiteral("Germany and Poland")));
        QVERIFY(html.contains(QStringLiteral("stay tuned to Questiqa Europe News")));
        // The advisory is searchable.
        QVERIFY(import.article.text.contains(QStringLiteral("phishing scams")));
    }

    void sameFileSameGuid()
    {
        const auto a = importPlainText(sample());
        const auto b = importPlainText(sample());
        QVERIFY(a.import && b.import);
        QCOMPARE(a.import->article.guid, b.import->article.guid);
        QVERIFY(a.import->article.guid.startsWith(QStringLiteral("urn:sha1:")));
    }

    void callerOverrides()
    {
        PlainTextOptions options;
        options.title = QStringLiteral("  Postal service hit by cyberattack ");
        options.source = QStringLiteral("Example Wire");
        options.url = QStringLiteral("https://example.org/postal");
        const auto result = importPlainText(sample(), options);
        QVERIFY(result.import);
        QCOMPARE(result.import->article.title, QStringLiteral("Postal service hit by cyberattack"));
        QVERIFY(!result.import->titleDerived);
        QCOMPARE(result.import->article.guid, options.url);
        QCOMPARE(result.import->article.advisory->issuer, QStringLiteral("Example Wire"));
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty file") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("only white space") << QByteArray(" \n\t\r\n ") << QStringLiteral("empty");
        QTest::newRow("latin-1 bytes")
            << QByteArray("Caf\xe9 au lait is served.\n") << QStringLiteral("not UTF-8");
        QTest::newRow("binary with NUL")
            << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << QStringLiteral("binary");
        QTest::newRow("control characters")
            << QByteArray("Text\x01\x02 with controls.\n") << QStringLiteral("binary");
        QTest::newRow("truncated utf-8 sequence")
            << QByteArray("A story about caf\xc3") << QStringLiteral("not UTF-8");
    }

    void refused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        const auto result = importPlainText(bytes);
        QVERIFY(!result.import);
        QVERIFY2(result.error.contains(error), qPrintable(result.error));
    }

    void shapes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expectedHtml");
        QTest::addColumn<int>("related");
        QTest::addColumn<bool>("advisory");

        QTest::newRow("blank-line paragraphs wrapped over lines")
            << QByteArray("First line of a paragraph\nthat continues here.\n\nSecond paragraph.\n")
            << QStringLiteral("<p>First line of a paragraph that continues here.</p>\n<p>Second "
                              "paragraph.</p>\n")
            << 0 << false;
        QTest::newRow("windows line ends and BOM")
            << QByteArray("\xEF\xBB\xBFOne paragraph.\r\nAnother one.\r\n")
            << QStringLiteral("<p>One paragraph.</p>\n<p>Another one.</p>\n") << 0 << false;
        QTest::newRow("markup in text is escaped")
            << QByteArray("A <script>alert(1)</script> & co.\n")
            << QStringLiteral("<p>A &lt;script&gt;alert(1)&lt;/script&gt; &amp; co.</p>\n") << 0
            << false;
        QTest::newRow("warning heading is an advisory")
            << QByteArray("Storm hits the coast.\nWarning\nStay indoors until "
                          "noon.\nAftermath\nRoads are closed.\n")
            << QStringLiteral(
                   "<p>Storm hits the coast.</p>\n<h3>Aftermath</h3>\n<p>Roads are closed.</p>\n")
            << 0 << true;
        QTest::newRow("related stories heading lists headlines")
            << QByteArray("Body text here.\nRelated Stories\nFirst Headline\nSecond Headline\n")
            << QStringLiteral("<p>Body text here.</p>\n") << 2 << false;
        QTest::newRow("short advisory paragraph without a full stop")
            << QByteArray("Phishing emails are circulating.\n\nPublic Advisory\n\n"
                          "Do not click links in unexpected emails\n")
            << QStringLiteral("<p>Phishing emails are circulating.</p>\n") << 0 << true;
        QTest::newRow("long line without punctuation is a paragraph")
            << QByteArray("Intro.\nThis line has many more than ten words and still no full stop "
                          "at the end\n")
            << QStringLiteral("<p>Intro.</p>\n<p>This line has many more than ten words and still "
                              "no full stop "
                              "at the end</p>\n")
            << 0 << false;
        QTest::newRow("line after a heading is its text")
            << QByteArray(
                   "Intro.\nWhat happened\nRoads closed at noon\nAftermath\nAll clear now.\n")
            << QStringLiteral("<p>Intro.</p>\n<h3>What happened</h3>\n<p>Roads closed at noon</p>\n"
                              "<h3>Aftermath</h3>\n<p>All clear now.</p>\n")
            << 0 << false;
        QTest::newRow("advisory heading with nothing after it stays")
            << QByteArray("Story text.\nPublic Advisory\n")
            << QStringLiteral("<p>Story text.</p>\n<h3>Public Advisory</h3>\n") << 0 << false;
        QTest::newRow("list items with bullet character")
            << QByteArray("Needs:\n\u2022 water\n\u2022 food\n")
            << QStringLiteral("<p>Needs:</p>\n<ul>\n<li>water</li>\n<li>food</li>\n</ul>\n") << 0
            << false;
    }

    void shapes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expectedHtml);
        QFETCH(int, related);
        QFETCH(bool, advisory);
        const auto result = importPlainText(bytes);
        QVERIFY2(result.import, qPrintable(result.error));
        QCOMPARE(result.import->article.html, expectedHtml);
        QCOMPARE(result.import->article.related.size(), related);
        QCOMPARE(result.import->article.advisory.has_value(), advisory);
    }

    void headlineAndAdvisoryWithoutFullStops()
    {
        const QByteArray text
            = "Storm closes schools\n\n"
              "Schools across the county closed on Monday after a storm knocked out power.\n\n"
              "Public Advisory\n\n"
              "Stay away from fallen power lines and report them to the utility\n\n"
              "Severity: Severe\n";
        const PlainTextResult result = importPlainText(text);
        QVERIFY2(result.import, qPrintable(result.error));
        const PlainTextImport &import = *result.import;
        QCOMPARE(import.article.title, QStringLiteral("Storm closes schools"));
        QVERIFY(!import.titleDerived);
        QCOMPARE(import.note, QStringLiteral("Title taken from the file's first line."));
        QCOMPARE(import.article.html,
                 QStringLiteral("<p>Schools across the county closed on Monday after a storm "
                                "knocked out power.</p>\n"));

        const auto &advisory = import.article.advisory;
        QVERIFY(advisory);
        QCOMPARE(advisory->headline, QStringLiteral("Public Advisory"));
        QCOMPARE(
            advisory->text,
            QStringLiteral("Stay away from fallen power lines and report them to the utility"));
        QCOMPARE(advisory->severity, QStringLiteral("Severe"));
        QVERIFY(import.article.text.contains(
            QStringLiteral("Public Advisory\nStay away from fallen power lines")));
    }

    void headline_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("title");
        QTest::addColumn<bool>("derived");
        QTest::newRow("short first line and a blank line")
            << QByteArray(
                   "Rain returns to the valley\n\nIt will rain all week. Take an umbrella.\n")
            << QStringLiteral("Rain returns to the valley") << false;
        QTest::newRow("headline that opens with a quote")
            << QByteArray("\u201CWe lost everything\u201D says farmer after floods\n\nThe river "
                          "rose overnight.\n")
            << QStringLiteral("\u201CWe lost everything\u201D says farmer after floods") << false;
        QTest::newRow("first line with a full stop is a paragraph")
            << QByteArray("Rain returns to the valley.\n\nIt will rain all week.\n")
            << QStringLiteral("Rain returns to the valley") << true;
        QTest::newRow("no blank line after the first line")
            << QByteArray("Rain returns\nIt will rain all week. Take an umbrella.\n")
            << QStringLiteral("It will rain all week") << true;
        QTest::newRow("first line is an advisory heading")
            << QByteArray("Public Advisory\n\nBoil water before drinking it. The mains burst.\n")
            << QStringLiteral("Boil water before drinking it") << true;
        QTest::newRow("first line of more than twenty words")
            << QByteArray("One two three four five six seven eight nine ten one two three four "
                          "five six seven "
                          "eight nine ten one\n\nText follows.\n")
            << QStringLiteral("One two three four five six seven eight nine ten one two three four "
                              "five six seven "
                              "eight nine ten one")
            << true;
    }

    void headline()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, title);
        QFETCH(bool, derived);
        const auto result = importPlainText(bytes);
        QVERIFY2(result.import, qPrintable(result.error));
        QCOMPARE(result.import->article.title, title);
        QCOMPARE(result.import->titleDerived, derived);
        QCOMPARE(result.import->note.contains(QStringLiteral("first line")), !derived);
        QVERIFY(!result.import->article.html.contains(QStringLiteral("<h3>") + title));
    }

    void givenTitleKeepsTheFileHeadlineInTheText()
    {
        PlainTextOptions options;
        options.title = QStringLiteral("Valley weather");
        const auto result = importPlainText(
            "Rain returns to the valley\n\nIt will rain all week.\n", options);
        QVERIFY2(result.import, qPrintable(result.error));
        QCOMPARE(result.import->article.title, QStringLiteral("Valley weather"));
        QCOMPARE(
            result.import->article.html,
            QStringLiteral("<h3>Rain returns to the valley</h3>\n<p>It will rain all week.</p>\n"));
    }

    void configurableAdvisoryHeadings()
    {
        const QByteArray text = "Snow closes the pass overnight.\n"
                                "Travel alert\n"
                                "Do not drive over the pass today.\n"
                                "Chains are required on the lower road.\n";
        // Not a default heading: the section is part of the story.
        PlainTextResult result = importPlainText(text);
        QVERIFY2(result.import, qPrintable(result.error));
        QVERIFY(!result.import->article.advisory);

        PlainTextOptions options;
        options.advisoryHeadings << QStringLiteral("travel ALERT");
        result = importPlainText(text, options);
        QVERIFY2(result.import, qPrintable(result.error));
        const auto &advisory = result.import->article.advisory;
        QVERIFY(advisory);
        QCOMPARE(advisory->origin, QStringLiteral("section"));
        QCOMPARE(advisory->headline, QStringLiteral("Travel alert"));
        QCOMPARE(advisory->text,
                 QStringLiteral("Do not drive over the pass today.\n"
                                "Chains are required on the lower road."));

        // Without any headings, even "Public Advisory" is plain text.
        options.advisoryHeadings.clear();
        QVERIFY(importPlainText(sample(), options).import);
        QVERIFY(!importPlainText(sample(), options).import->article.advisory);
    }

    // A file without a paragraph to take a first sentence from still gets a headline: the
    // story list never shows an empty row.
    void titleWithoutAFirstSentence_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("title");
        QTest::newRow("list items only (found by fuzz_plaintextimporter)")
            << readRegression("list-only.txt") << QStringLiteral("one");
        QTest::newRow("punctuation only") << QByteArray("...\n") << QStringLiteral("...");
        QTest::newRow("advisory section only")
            << QByteArray("Public Advisory\nBoil water before drinking it.\n")
            << QStringLiteral("Boil water before drinking it");
    }

    void titleWithoutAFirstSentence()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, title);
        const auto result = importPlainText(bytes);
        QVERIFY2(result.import, qPrintable(result.error));
        QCOMPARE(result.import->article.title, title);
        QVERIFY(result.import->titleDerived);
    }

    void deriveTitle_data()
    {
        QTest::addColumn<QString>("paragraph");
        QTest::addColumn<QString>("title");
        QTest::newRow("short first sentence")
            << QStringLiteral("Rain is coming. It will last all week.")
            << QStringLiteral("Rain is coming");
        QTest::newRow("abbreviation-free long sentence cut at a word with ellipsis")
            << QStringLiteral(
                   "This sentence has no commas at all and it goes on and on and on well past the "
                   "point where any headline should have stopped because nobody reads that much "
                   "text")
            << QStringLiteral(
                   "This sentence has no commas at all and it goes on and on and on well past the "
                   "point where any headline should have\u2026");
    }

    void deriveTitle()
    {
        QFETCH(QString, paragraph);
        QFETCH(QString, title);
        QCOMPARE(bulletin::deriveTitle(paragraph), title);
    }
};

QTEST_APPLESS_MAIN(tst_PlainTextImporter)
#include "tst_plaintextimporter.moc"
