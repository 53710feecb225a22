#include "services/advisorysettings.h"

#include "services/feedwriter.h"
#include "services/importservice.h"
#include "storage/advisorystore.h"
#include "storage/cache.h"
#include "support/testcache.h"

#include <QTest>

using namespace bulletin;

namespace {

// An RSS feed whose items have the given titles; each body is "<p>Body of TITLE.</p>" plus
// the extra HTML.
QByteArray rss(const QString &feedTitle, const QStringList &titles, const QString &extraHtml = {})
{
    QString xml = QStringLiteral(
                      "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>%1</title>"
                      "<link>http://example.org/</link>")
                      .arg(feedTitle);
    int n = 0;
    for (const QString &title : titles) {
        ++n;
        const QString html
            = QStringLiteral("<p>Body of %1.</p>%2").arg(title, extraHtml).toHtmlEscaped();
        xml += QStringLiteral(
                   "<item><guid>g%1</guid><title>%2</title><link>http://example.org/%1</link>"
                   "<pubDate>0%1 Jan 2024 10:00:00 "
                   "GMT</pubDate><description>%3</description></item>")
                   .arg(n)
                   .arg(title, html);
    }
    return (xml + QStringLiteral("</channel></rss>")).toUtf8();
}

const QByteArray kCapItem
    = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Alerts</title>"
      "<item><guid>cap-1</guid><title>Flood Warning</title><link>http://example.org/cap</link>"
      "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>X1</identifier>"
      "<sender>w@example.org</sender><sent>2024-01-02T10:00:00+00:00</sent><status>Actual</status>"
      "<msgType>Alert</msgType><scope>Public</scope><info><category>Met</category><event>Flood</"
      "event>"
      "<urgency>Expected</urgency><severity>Severe</severity><certainty>Likely</certainty>"
      "<headline>Flood Warning for the valley</headline><description>Rivers rise.</description>"
      "<area><areaDesc>Valley</areaDesc></area></info></alert></item></channel></rss>";

} // namespace

class tst_AdvisorySettings final : public QObject
{
    Q_OBJECT

private:
    test::TemporaryCache m_cache;

    QList<AdvisoryStore::Record> advisories() const
    {
        return AdvisoryStore(m_cache->database().connection()).advisories(false);
    }
    std::optional<AdvisoryStore::Record> advisoryOf(const QString &storyTitle) const
    {
        for (const AdvisoryStore::Record &r : advisories()) {
            if (r.storyTitle == storyTitle)
                return r;
        }
        return std::nullopt;
    }
    RefreshResult writeFeed(qint64 feedId, const QByteArray &body)
    {
        FetchResult fetched;
        fetched.requestedUrl = fetched.finalUrl = QUrl(QStringLiteral("http://example.org/feed"));
        fetched.body = body;
        return FeedWriter(*m_cache).write(feedId, fetched, RetentionLimits());
    }

private slots:
    void init() { QVERIFY2(m_cache.open(), qPrintable(m_cache.error())); }
    void cleanup() { m_cache.close(); }

    void rulesRoundTripThroughTheMetaTable()
    {
        AdvisoryRules rules = loadAdvisoryRules(*m_cache);
        QCOMPARE(rules.keywords, QStringList());
        QCOMPARE(rules.headings, AdvisoryRules::defaultHeadings());
        rules.keywords = {QStringLiteral("flood"), QStringLiteral("boil water")};
        rules.headings << QStringLiteral("Travel alert");
        QVERIFY(saveAdvisoryRules(*m_cache, rules));
        QCOMPARE(m_cache->meta(QLatin1String(advisorykeys::kKeywords)),
                 QStringLiteral("[\"flood\",\"boil water\"]"));

        // Another connection (as the refresh worker's) reads the same rules.
        QString error;
        auto other = Cache::open(m_cache.path(), &error);
        QVERIFY2(other, qPrintable(error));
        QCOMPARE(loadAdvisoryRules(*other), rules);

        // An empty heading list is kept as empty (no sections), not replaced by the defaults.
        rules.headings.clear();
        QVERIFY(saveAdvisoryRules(*m_cache, rules));
        QCOMPARE(loadAdvisoryRules(*m_cache).headings, QStringList());
    }

    void refreshOfAnAlertSourceGivesRuleAdvisories()
    {
        const qint64 feedId = *m_cache->feeds().addSubscription(
            QStringLiteral("http://example.org/feed"), QStringLiteral("County Alerts"));
        QVERIFY(m_cache->feeds().setAlertSource(feedId, true));
        const RefreshResult result = writeFeed(
            feedId,
            rss(QStringLiteral("County"),
                {QStringLiteral("Road closed"), QStringLiteral("Fair opens")}));
        QCOMPARE(result.status, RefreshResult::Status::Ok);
        QCOMPARE(result.added, 2);
        const QList<AdvisoryStore::Record> records = advisories();
        QCOMPARE(records.size(), 2);
        for (const AdvisoryStore::Record &r : records) {
            QCOMPARE(r.advisory.origin, QStringLiteral("rule"));
            QCOMPARE(r.advisory.issuer, QStringLiteral("County Alerts"));
            QCOMPARE(r.advisory.headline, r.storyTitle);
            QCOMPARE(r.advisory.text, QStringLiteral("Body of %1.").arg(r.storyTitle));
            QCOMPARE(r.advisory.severity, QStringLiteral("Unknown"));
            QCOMPARE(r.advisory.status, QStringLiteral("active"));
        }
        QVERIFY(AdvisoryStore(m_cache->database().connection()).mostSevereActive());

        // Not an alert source any more: the next refresh takes the rule advisories away.
        QVERIFY(m_cache->feeds().setAlertSource(feedId, false));
        const RefreshResult again = writeFeed(
            feedId,
            rss(QStringLiteral("County"),
                {QStringLiteral("Road closed"), QStringLiteral("Fair opens")}));
        QCOMPARE(again.updated, 2);
        QCOMPARE(advisories().size(), 0);
    }

    void refreshAppliesKeywordsButKeepsCapAdvisories()
    {
        AdvisoryRules rules;
        rules.keywords = {QStringLiteral("flood")};
        QVERIFY(saveAdvisoryRules(*m_cache, rules));
        const qint64 feedId = *m_cache->feeds().addSubscription(
            QStringLiteral("http://example.org/feed"), QStringLiteral("News"));
        QCOMPARE(writeFeed(feedId,
                           rss(QStringLiteral("News"),
                               {QStringLiteral("Flood defences tested"),
                                QStringLiteral("Floodlights fixed"), QStringLiteral("Market day")}))
                     .added,
                 3);
        QCOMPARE(advisories().size(), 1);
        const auto rule = advisoryOf(QStringLiteral("Flood defences tested"));
        QVERIFY(rule);
        QCOMPARE(rule->advisory.origin, QStringLiteral("rule"));
        QVERIFY(
            rule->advisory.text.startsWith(QStringLiteral("Matched your rule \u201Cflood\u201D.")));

        // A CAP alert keeps its own advisory even when a keyword matches and its feed is an
        // alert source.
        const qint64 alerts = *m_cache->feeds().addSubscription(
            QStringLiteral("http://example.org/cap"), QStringLiteral("Alerts"));
        QVERIFY(m_cache->feeds().setAlertSource(alerts, true));
        QCOMPARE(writeFeed(alerts, kCapItem).added, 1);
        const auto cap = advisoryOf(QStringLiteral("Flood Warning"));
        QVERIFY(cap);
        QCOMPARE(cap->advisory.origin, QStringLiteral("cap"));
        QCOMPARE(cap->advisory.severity, QStringLiteral("Severe"));
    }

    void customHeadingInHtmlFeedContent()
    {
        const QString section = QStringLiteral("<h3>Travel alert</h3><p>Avoid the A1 tonight.</p>"
                                               "<h3>Other news</h3><p>The fair opens.</p>");
        const qint64 feedId = *m_cache->feeds().addSubscription(
            QStringLiteral("http://example.org/feed"), QStringLiteral("North"));
        QCOMPARE(
            writeFeed(feedId,
                      rss(QStringLiteral("North"), {QStringLiteral("Trains delayed")}, section))
                .added,
            1);
        QCOMPARE(advisories().size(), 0); // not a default heading

        AdvisoryRules rules;
        rules.headings << QStringLiteral("Travel alert");
        QVERIFY(saveAdvisoryRules(*m_cache, rules));
        QCOMPARE(
            writeFeed(feedId,
                      rss(QStringLiteral("North"), {QStringLiteral("Trains delayed")}, section))
                .updated,
            1);
        const auto advisory = advisoryOf(QStringLiteral("Trains delayed"));
        QVERIFY(advisory);
        QCOMPARE(advisory->advisory.origin, QStringLiteral("section"));
        QCOMPARE(advisory->advisory.headline, QStringLiteral("Travel alert"));
        QCOMPARE(advisory->advisory.text, QStringLiteral("Avoid the A1 tonight."));
    }

    void defaultHeadingInHtmlFeedContent()
    {
        ImportService importer(*m_cache);
        const ImportService::Report report = importer.importFeed(
            rss(QStringLiteral("City"), {QStringLiteral("Water main burst")},
                QStringLiteral("<h2>What you should do</h2><ul><li>Boil tap water.</li></ul>")),
            {});
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        const auto advisory = advisoryOf(QStringLiteral("Water main burst"));
        QVERIFY(advisory);
        QCOMPARE(advisory->advisory.origin, QStringLiteral("section"));
        QVERIFY(advisory->advisory.text.contains(QStringLiteral("Boil tap water.")));
    }

    void shortAdvisoryParagraphInHtmlFeedContent()
    {
        // The paragraph has no full stop and is as short as a heading: the <p> says it is text.
        ImportService importer(*m_cache);
        const ImportService::Report report = importer.importFeed(
            rss(QStringLiteral("Bank"), {QStringLiteral("Fake messages")},
                QStringLiteral(
                    "<h3>Public Advisory</h3><p>Do not click links in unexpected emails</p>"
                    "<p>Severity: Moderate</p>")),
            {});
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        const auto advisory = advisoryOf(QStringLiteral("Fake messages"));
        QVERIFY(advisory);
        QCOMPARE(advisory->advisory.origin, QStringLiteral("section"));
        QCOMPARE(advisory->advisory.headline, QStringLiteral("Public Advisory"));
        QCOMPARE(advisory->advisory.text,
                 QStringLiteral("Do not click links in unexpected emails"));
        QCOMPARE(advisory->advisory.severity, QStringLiteral("Moderate"));
    }

    void importAppliesRulesAndCustomHeadings()
    {
        AdvisoryRules rules;
        rules.keywords = {QStringLiteral("landslide")};
        rules.headings << QStringLiteral("Travel alert");
        QVERIFY(saveAdvisoryRules(*m_cache, rules));
        ImportService importer(*m_cache);

        // A custom heading in a plain-text article.
        const ImportService::Report withSection = importer.importPlainText(
            "Snow closes the pass.\n\nTravel alert\n\nDo not drive over the pass today.\n",
            {QStringLiteral("Snow closes the pass"), QStringLiteral("Mountain News"), {}});
        QVERIFY2(withSection.error.isEmpty(), qPrintable(withSection.error));
        auto advisory = advisoryOf(QStringLiteral("Snow closes the pass"));
        QVERIFY(advisory);
        QCOMPARE(advisory->advisory.origin, QStringLiteral("section"));
        QCOMPARE(advisory->advisory.headline, QStringLiteral("Travel alert"));

        // A keyword in a plain-text article's title.
        QVERIFY(importer
                    .importPlainText("The road reopened after the slide.\n",
                                     {QStringLiteral("Landslide: road reopens"),
                                      QStringLiteral("Mountain News"),
                                      {}})
                    .error.isEmpty());
        advisory = advisoryOf(QStringLiteral("Landslide: road reopens"));
        QVERIFY(advisory);
        QCOMPARE(advisory->advisory.origin, QStringLiteral("rule"));
        QCOMPARE(advisory->advisory.issuer, QStringLiteral("Mountain News"));

        // An imported feed whose local source is an alert source.
        const QByteArray feed = rss(QStringLiteral("Imported alerts"),
                                    {QStringLiteral("Bridge shut")});
        QVERIFY(importer.importFeed(feed, {}).error.isEmpty());
        QVERIFY(!advisoryOf(QStringLiteral("Bridge shut")));
        const qint64 feedId = *m_cache->feeds().localSource(QStringLiteral("Imported alerts"));
        QVERIFY(m_cache->feeds().setAlertSource(feedId, true));
        QCOMPARE(importer.importFeed(feed, {}).updated, 1);
        advisory = advisoryOf(QStringLiteral("Bridge shut"));
        QVERIFY(advisory);
        QCOMPARE(advisory->advisory.origin, QStringLiteral("rule"));
        QCOMPARE(advisory->advisory.issuer, QStringLiteral("Imported alerts"));
    }

    void reapplyUpdatesCachedStories()
    {
        const qint64 feedId = *m_cache->feeds().addSubscription(
            QStringLiteral("http://example.org/feed"), QStringLiteral("News"));
        QCOMPARE(writeFeed(feedId,
                           rss(QStringLiteral("News"),
                               {QStringLiteral("Storm nears coast"), QStringLiteral("Market day")}))
                     .added,
                 2);
        const qint64 alerts = *m_cache->feeds().addSubscription(
            QStringLiteral("http://example.org/cap"), QStringLiteral("Alerts"));
        QCOMPARE(writeFeed(alerts, kCapItem).added, 1);
        QCOMPARE(advisories().size(), 1);

        AdvisoryRules rules;
        rules.keywords = {QStringLiteral("storm"), QStringLiteral("flood")};
        QVERIFY(saveAdvisoryRules(*m_cache, rules));
        RuleReapplyReport report = reapplyAdvisoryRules(*m_cache);
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.examined, 2); // the CAP story is not a candidate
        QCOMPARE(report.added, 1);
        QCOMPARE(advisoryOf(QStringLiteral("Storm nears coast"))->advisory.origin,
                 QStringLiteral("rule"));
        QCOMPARE(advisoryOf(QStringLiteral("Flood Warning"))->advisory.origin,
                 QStringLiteral("cap"));

        // Running it again changes nothing; removing the keyword removes the advisory.
        report = reapplyAdvisoryRules(*m_cache);
        QCOMPARE(report.added + report.changed + report.removed, 0);
        rules.keywords = {QStringLiteral("flood")};
        QVERIFY(saveAdvisoryRules(*m_cache, rules));
        report = reapplyAdvisoryRules(*m_cache);
        QCOMPARE(report.removed, 1);
        QVERIFY(!advisoryOf(QStringLiteral("Storm nears coast")));
        QCOMPARE(advisories().size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_AdvisorySettings)
#include "tst_advisorysettings.moc"
