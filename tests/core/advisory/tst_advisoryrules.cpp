#include "core/advisory/advisoryrules.h"
#include "core/html/htmlsanitizer.h"

#include <QTest>

using namespace bulletin;

namespace {
Article story(const QString &title, const QString &text = {})
{
    Article a;
    a.title = title;
    a.text = text;
    a.published = QDateTime(QDate(2024, 3, 1), QTime(9, 0), Qt::UTC);
    return a;
}

AdvisoryRules keywords(const QStringList &words)
{
    AdvisoryRules rules;
    rules.keywords = words;
    return rules;
}
} // namespace

class tst_AdvisoryRules final : public QObject
{
    Q_OBJECT

private slots:
    void keywordMatchesWholeWords_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("keyword");
        QTest::addColumn<bool>("matches");
        QTest::newRow("plain") << "Flood waters rise in the valley"
                               << "flood" << true;
        QTest::newRow("case") << "FLOOD WARNING"
                              << "Flood" << true;
        QTest::newRow("punctuation") << "Roads closed (flood)."
                                     << "flood" << true;
        QTest::newRow("inside a word") << "Stadium floodlights fail"
                                       << "flood" << false;
        QTest::newRow("suffix") << "Floods hit the town"
                                << "flood" << false;
        QTest::newRow("prefix") << "A preflood survey"
                                << "flood" << false;
        QTest::newRow("digits around") << "Route 9A closed"
                                       << "9" << false;
        QTest::newRow("phrase") << "A boil water\n notice is in force"
                                << "boil water notice" << true;
        QTest::newRow("phrase split") << "Boil the water; notice"
                                      << "boil water notice" << false;
        QTest::newRow("accented") << "Éboulement sur la route"
                                  << "éboulement" << true;
        QTest::newRow("regex characters") << "Price of C++ rises"
                                          << "c++" << true;
        QTest::newRow("empty keyword") << "anything"
                                       << "  " << false;
    }
    void keywordMatchesWholeWords()
    {
        QFETCH(QString, text);
        QFETCH(QString, keyword);
        QFETCH(bool, matches);
        QCOMPARE(!matchingKeyword(text, {keyword}).isEmpty(), matches);
    }

    void keywordRuleGivesARuleAdvisory()
    {
        const auto advisory = applyRules(
            story(QStringLiteral("Flood waters rise"),
                  QStringLiteral("The river burst its banks.\n\nMore later.")),
            keywords({QStringLiteral("storm"), QStringLiteral("FLOOD")}), false,
            QStringLiteral("Valley News"));
        QVERIFY(advisory);
        QCOMPARE(advisory->origin, QStringLiteral("rule"));
        QCOMPARE(advisory->headline, QStringLiteral("Flood waters rise"));
        QCOMPARE(advisory->severity, QStringLiteral("Unknown"));
        QCOMPARE(advisory->status, QStringLiteral("active"));
        QCOMPARE(advisory->issuer, QStringLiteral("Valley News"));
        QVERIFY2(advisory->text.contains(QStringLiteral("Matched your rule \u201CFLOOD\u201D")),
                 qPrintable(advisory->text));
        QVERIFY(advisory->text.contains(QStringLiteral("The river burst its banks.")));
        QVERIFY(!advisory->text.contains(QStringLiteral("More later")));
        QCOMPARE(advisory->effective, QDateTime(QDate(2024, 3, 1), QTime(9, 0), Qt::UTC));
    }

    void keywordInFirstParagraphOnly()
    {
        const AdvisoryRules rules = keywords({QStringLiteral("flood")});
        QVERIFY(
            applyRules(story(QStringLiteral("River news"), QStringLiteral("A flood is expected.")),
                       rules, false, {}));
        // Beyond the first paragraph does not count: the rule looks at title and summary.
        QVERIFY(!applyRules(story(QStringLiteral("River news"),
                                  QStringLiteral("Calm today.\n\nLast year's flood.")),
                            rules, false, {}));
        QVERIFY(!applyRules(story(QStringLiteral("Floodlights at the stadium")), rules, false, {}));
        QVERIFY(!applyRules(story(QStringLiteral("Anything")), AdvisoryRules(), false, {}));
    }

    void ownAdvisoryIsNeverOverridden_data()
    {
        QTest::addColumn<QString>("origin");
        QTest::newRow("cap") << "cap";
        QTest::newRow("section") << "section";
    }
    void ownAdvisoryIsNeverOverridden()
    {
        QFETCH(QString, origin);
        Article a = story(QStringLiteral("Flood warning for the valley"));
        Advisory own;
        own.origin = origin;
        own.headline = QStringLiteral("Flood Warning");
        a.advisory = own;
        QVERIFY(
            !applyRules(a, keywords({QStringLiteral("flood")}), true, QStringLiteral("Alerts")));
    }

    void alertSourceMakesEveryStoryAnAdvisory()
    {
        const QString longText = QString(QStringLiteral("word ")).repeated(200).trimmed();
        const auto advisory = applyRules(story(QStringLiteral("Road closed"), longText),
                                         AdvisoryRules(), true, QStringLiteral("County Alerts"));
        QVERIFY(advisory);
        QCOMPARE(advisory->origin, QStringLiteral("rule"));
        QCOMPARE(advisory->issuer, QStringLiteral("County Alerts"));
        QCOMPARE(advisory->headline, QStringLiteral("Road closed"));
        QVERIFY(advisory->text.size() <= 301);
        QVERIFY(advisory->text.endsWith(QChar(0x2026)));

        const auto severe = applyRules(
            story(QStringLiteral("Gale"), QStringLiteral("Severity: severe. Stay in.")),
            AdvisoryRules(), true, {});
        QCOMPARE(severe->severity, QStringLiteral("Severe"));

        Article headline = story(QStringLiteral("Only a headline"));
        headline.headlineOnly = true;
        QVERIFY(!applyRules(headline, AdvisoryRules(), true, {}));
    }

    void customHeadingStartsASection()
    {
        const QString text = QStringLiteral(
            "Trains are delayed across the north.\n\nTravel alert\n\nAvoid the A1 tonight.\n\n"
            "Use the trains where you can.\n\nOther news\n\nThe fair opens on Sunday.");
        QVERIFY(!advisoryFromTextSections(text, AdvisoryRules::defaultHeadings(), {}));
        AdvisoryRules rules;
        rules.headings << QStringLiteral("Travel alert");
        const auto advisory = advisoryFromTextSections(text, rules.headings,
                                                       QStringLiteral("North News"));
        QVERIFY(advisory);
        QCOMPARE(advisory->origin, QStringLiteral("section"));
        QCOMPARE(advisory->headline, QStringLiteral("Travel alert"));
        QCOMPARE(advisory->text,
                 QStringLiteral("Avoid the A1 tonight.\nUse the trains where you can."));
        QCOMPARE(advisory->issuer, QStringLiteral("North News"));
    }

    void defaultHeadingsAndNoHeadings()
    {
        const QString text = QStringLiteral("Story.\n\nWHAT YOU SHOULD DO:\n\nStay indoors.");
        const auto advisory = advisoryFromTextSections(text, AdvisoryRules::defaultHeadings(), {});
        QVERIFY(advisory);
        QCOMPARE(advisory->headline, QStringLiteral("WHAT YOU SHOULD DO"));
        QCOMPARE(advisory->text, QStringLiteral("Stay indoors."));
        QVERIFY(!advisoryFromTextSections(text, {}, {}));
        // A heading word inside a paragraph is no heading.
        QVERIFY(!advisoryFromTextSections(QStringLiteral("A warning was given to drivers."),
                                          AdvisoryRules::defaultHeadings(), {}));
    }

    void blankLinesMayHoldWhiteSpace()
    {
        // Blank lines with spaces or tabs on them, CRLF line ends, a heading written with
        // odd spacing and a colon, and a long paragraph that starts like a heading.
        const QString text = QStringLiteral(
            "Public advisory for the whole region, issued this morning by the council after the "
            "storm, which is not a heading at all.\r\n \t\r\nPublic   Advisory :\n\t\n"
            "Boil water before drinking.\n\nUntil Friday at least.\n  \n\nOther news\n\nThe fair.");
        const auto advisory = advisoryFromTextSections(text, AdvisoryRules::defaultHeadings(), {});
        QVERIFY(advisory);
        QCOMPARE(advisory->headline, QStringLiteral("Public Advisory"));
        QCOMPARE(advisory->text,
                 QStringLiteral("Boil water before drinking.\nUntil Friday at least."));
        // A single line break does not end a block: the heading is not alone on its line.
        QVERIFY(!advisoryFromTextSections(QStringLiteral("Story.\n\nWarning\nStay indoors."),
                                          AdvisoryRules::defaultHeadings(), {}));
    }

    // A feed item's advisory section, read as the refresh reads it: from the text the
    // sanitiser gives the item, with the item's HTML for its headings.
    void sectionInFeedHtml_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("headline");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("severity");
        QTest::addColumn<QString>("body"); // the text the reader shows under the banner

        QTest::newRow("short paragraph without a full stop")
            << QStringLiteral("<p>Banks report a wave of fake messages.</p><h3>Public Advisory</h3>"
                              "<p>Do not click links in unexpected emails</p>")
            << QStringLiteral("Public Advisory")
            << QStringLiteral("Do not click links in unexpected emails")
            << QStringLiteral("Unknown") << QStringLiteral("Banks report a wave of fake messages.");
        QTest::newRow("every paragraph up to the next heading")
            << QStringLiteral("<h3>Warning</h3><p>Stay indoors</p><p>Keep pets inside</p>"
                              "<h3>Other news</h3><p>The fair opens.</p>")
            << QStringLiteral("Warning") << QStringLiteral("Stay indoors\nKeep pets inside")
            << QStringLiteral("Unknown") << QStringLiteral("Other news\n\nThe fair opens.");
        QTest::newRow("a lower heading is part of the section")
            << QStringLiteral(
                   "<h2>Public Advisory</h2><p>Boil water</p><h4>Where</h4><p>North Ward</p>"
                   "<h2>Background</h2><p>The main burst.</p>")
            << QStringLiteral("Public Advisory") << QStringLiteral("Boil water\nWhere\nNorth Ward")
            << QStringLiteral("Unknown") << QStringLiteral("Background\n\nThe main burst.");
        QTest::newRow("severity line sets the severity")
            << QStringLiteral(
                   "<h3>Public Advisory</h3><p>Stay away from fallen power lines and report them "
                   "to "
                   "the utility</p><p>Severity: Severe</p><p>Crews work through the night</p>")
            << QStringLiteral("Public Advisory")
            << QStringLiteral("Stay away from fallen power lines and report them to the utility\n"
                              "Crews work through the night")
            << QStringLiteral("Severe") << QString();
        QTest::newRow("heading in a paragraph, short lines after it")
            << QStringLiteral("<p><strong>Public Advisory</strong></p><p>Do not click links</p>"
                              "<p>More from the council</p><p>The budget passed.</p>")
            << QStringLiteral("Public Advisory") << QStringLiteral("Do not click links")
            << QStringLiteral("Unknown")
            << QStringLiteral("More from the council\n\nThe budget passed.");
        QTest::newRow("heading and entities")
            << QStringLiteral("<h3>Public&nbsp;Advisory</h3><p>Don&#8217;t drive</p><h3>Roads "
                              "&amp; rail</h3><p>Shut.</p>")
            << QStringLiteral("Public Advisory") << QStringLiteral("Don\u2019t drive")
            << QStringLiteral("Unknown") << QStringLiteral("Roads & rail\n\nShut.");
        QTest::newRow("section in its own div, white space between tags")
            << QStringLiteral(
                   "<div><p>Schools closed.</p></div>\n<div class=\"advisory\">\n  <h3>Public "
                   "Advisory</h3>\n"
                   "  <p>Stay away from power lines</p>\n</div>\n<div><h3>Outlook</h3><p>Power is "
                   "back by Friday.</p></div>")
            << QStringLiteral("Public Advisory") << QStringLiteral("Stay away from power lines")
            << QStringLiteral("Unknown")
            << QStringLiteral("Schools closed.\n\nOutlook\n\nPower is back by Friday.");
        QTest::newRow("paragraphs without end tags")
            << QStringLiteral("<p>Schools closed.<h3>Warning</h3><p>Stay indoors<p>Keep pets "
                              "inside<h3>Later</h3><p>Sun.")
            << QStringLiteral("Warning") << QStringLiteral("Stay indoors\nKeep pets inside")
            << QStringLiteral("Unknown") << QStringLiteral("Schools closed.\n\nLater\n\nSun.");
        QTest::newRow("section with a list, a link and a picture around it")
            << QStringLiteral(
                   "<p>See <a href=\"https://example.org/map\">the map</a>.</p><h3>What to do</h3>"
                   "<ul><li>Boil water</li><li>Call 112</li></ul><h3>Photos</h3><p><img "
                   "src=\"https://example.org/x.png\" alt=\"Crews\"> at work.</p>")
            << QStringLiteral("What to do") << QStringLiteral("Boil water\nCall 112")
            << QStringLiteral("Unknown")
            << QStringLiteral("See the map.\n\nPhotos\n\n[Crews] at work.");
    }

    void sectionInFeedHtml()
    {
        QFETCH(QString, html);
        QFETCH(QString, headline);
        QFETCH(QString, text);
        QFETCH(QString, severity);
        QFETCH(QString, body);
        SanitizeOptions options;
        options.textOnly = true;
        const QString plain = sanitizeHtml(html, options).text;
        const auto advisory = advisoryFromTextSections(
            plain, AdvisoryHeadingMatcher(AdvisoryRules::defaultHeadings()),
            QStringLiteral("City News"), html);
        QVERIFY2(advisory, qPrintable(plain));
        QCOMPARE(advisory->headline, headline);
        QCOMPARE(advisory->text, text);
        QCOMPARE(advisory->severity, severity);
        QCOMPARE(advisory->issuer, QStringLiteral("City News"));
        QCOMPARE(advisory->origin, QStringLiteral("section"));

        // Taken from a story, the section leaves its body: the banner shows it once, and
        // the body keeps everything else. The text keeps it, for search.
        Article article;
        article.html = html;
        article.text = plain;
        const auto taken = takeAdvisorySection(
            article, AdvisoryHeadingMatcher(AdvisoryRules::defaultHeadings()),
            QStringLiteral("City News"), options);
        QVERIFY(taken);
        QCOMPARE(taken->headline, advisory->headline);
        QCOMPARE(taken->text, advisory->text);
        QCOMPARE(sanitizeHtml(article.html, options).text, body);
        QCOMPARE(article.text, plain);
    }

    void storyWithoutSectionKeepsItsBody()
    {
        Article article;
        article.html = QStringLiteral("<p>Public Advisory</p>");
        article.text = QStringLiteral("Public Advisory");
        QVERIFY(!takeAdvisorySection(
            article, AdvisoryHeadingMatcher(AdvisoryRules::defaultHeadings()), {}, {}));
        QCOMPARE(article.html, QStringLiteral("<p>Public Advisory</p>"));
    }

    void sectionInPlainText()
    {
        // Without markup the block after the heading is its text, however short.
        const auto advisory = advisoryFromTextSections(
            QStringLiteral(
                "Story.\n\nPublic Advisory\n\nDo not click links in unexpected emails\n\n"
                "Severity: Moderate\n\nOther news\n\nThe fair."),
            AdvisoryRules::defaultHeadings(), {});
        QVERIFY(advisory);
        QCOMPARE(advisory->text, QStringLiteral("Do not click links in unexpected emails"));
        QCOMPARE(advisory->severity, QStringLiteral("Moderate"));
        // A heading with nothing after it makes no advisory.
        QVERIFY(!advisoryFromTextSections(QStringLiteral("Story.\n\nPublic Advisory"),
                                          AdvisoryRules::defaultHeadings(), {}));
    }
};

QTEST_APPLESS_MAIN(tst_AdvisoryRules)
#include "tst_advisoryrules.moc"
