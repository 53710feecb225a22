#include "core/feeds/feedjson.h"
#include "core/feeds/feedparser.h"
#include "support/testdata.h"

#include <QJsonArray>
#include <QTest>

using namespace bulletin;

namespace {

ParsedFeed parseFixture(const QString &name)
{
    const FeedParseResult r = parseFeed(test::readTestData(name));
    if (!r.feed)
        qWarning("parse error: %s", qPrintable(r.error));
    return r.feed.value_or(ParsedFeed{});
}

QString utc(const QDateTime &dt)
{
    return dt.isValid() ? dt.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"))
                        : QString();
}

} // namespace

class tst_CapParser final : public QObject
{
    Q_OBJECT

private slots:
    void bareAlert();
    void bareAlertIsNamedAfterItsSender_data();
    void bareAlertIsNamedAfterItsSender();
    void feedCarriage_data();
    void feedCarriage();
    void externalEntityIsDroppedNotFetched();
    void jsonShape();
};

void tst_CapParser::bareAlert()
{
    const ParsedFeed feed = parseFixture(QStringLiteral("alert.cap"));
    QCOMPARE(feed.format, QStringLiteral("cap"));
    QCOMPARE(feed.alerts.size(), 1);
    const CapAlert &a = feed.alerts[0];
    QCOMPARE(a.capVersion, QStringLiteral("1.2"));
    QCOMPARE(a.identifier, QStringLiteral("EX-2024-1"));
    QCOMPARE(utc(a.sent), QStringLiteral("2024-05-01T10:00:00Z")); // -00:00 means UTC
    QCOMPARE(a.msgType, QStringLiteral("Update"));
    // References are split at white space and kept exactly as written, offsets included.
    QCOMPARE(
        a.references,
        (QStringList{QStringLiteral("alerts@example.org,EX-2024-0,2024-05-01T09:00:00-07:00"),
                     QStringLiteral("alerts@example.org,EX-2023-9,2023-12-01T09:00:00+01:00")}));
    QCOMPARE(a.info.size(), 2);
    QCOMPARE(a.info[0].headline, QStringLiteral("Flood warning"));
    // CAP text is plain text: a double-escaped entity stays escaped once.
    QCOMPARE(a.info[0].description, QStringLiteral("Rivers rising. Use &lt;br&gt; literally."));
    QCOMPARE(utc(a.info[0].expires), QStringLiteral("2024-05-02T08:00:00Z"));
    QVERIFY(!a.info[0].effective.isValid());
    QCOMPARE(a.info[0].areaDesc,
             (QStringList{QStringLiteral("North County; South County"), QStringLiteral("Coast")}));
    QCOMPARE(a.info[1].language, QStringLiteral("fr-CA"));
    QVERIFY(a.info[1].areaDesc.isEmpty());
}

void tst_CapParser::bareAlertIsNamedAfterItsSender_data()
{
    QTest::addColumn<QByteArray>("infos");
    QTest::addColumn<QString>("title");
    QTest::newRow("senderName of the first info that has one")
        << QByteArray("<info><language>fr-CA</language></info>"
                      "<info><senderName>  Environment\n  Canada </senderName></info>")
        << QStringLiteral("Environment Canada");
    QTest::newRow("no senderName: the sender address")
        << QByteArray("<info><event>Test</event></info>") << QStringLiteral("alerts@example.org");
    QTest::newRow("no info at all") << QByteArray() << QStringLiteral("alerts@example.org");
}

void tst_CapParser::bareAlertIsNamedAfterItsSender()
{
    QFETCH(QByteArray, infos);
    QFETCH(QString, title);
    const FeedParseResult r = parseFeed(
        "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"
        "<identifier>A1</identifier><sender>alerts@example.org</sender>"
        "<sent>2024-05-01T10:00:00-00:00</sent><status>Actual</status>"
        "<msgType>Alert</msgType><scope>Public</scope>"
        + infos + "</alert>");
    QVERIFY2(r.feed, qPrintable(r.error));
    QCOMPARE(r.feed->title, title);
    QCOMPARE(parseFixture(QStringLiteral("alert.cap")).title,
             QStringLiteral("Example Weather Office"));
}

void tst_CapParser::feedCarriage_data()
{
    QTest::addColumn<int>("entry");
    QTest::addColumn<QString>("carried");
    QTest::addColumn<QString>("link");
    QTest::newRow("cap index entry (NWS)") << 0 << "index"
                                           << "http://alerts.example.gov/1.cap";
    QTest::newRow("alert embedded in atom content") << 1 << "embedded"
                                                    << "";
    QTest::newRow("entry that only links its alert") << 2 << ""
                                                     << "http://alerts.example.gov/3.cap";
}

void tst_CapParser::feedCarriage()
{
    QFETCH(int, entry);
    QFETCH(QString, carried);
    QFETCH(QString, link);
    const ParsedFeed feed = parseFixture(QStringLiteral("cap-index-nws.atom"));
    QCOMPARE(feed.entries, 3);
    QVERIFY(feed.isCapFeed);
    QCOMPARE(feed.alerts.size(), 3);
    const ParsedItem &item = feed.items.at(entry);
    if (carried.isEmpty()) {
        QVERIFY(!item.alert);
        QCOMPARE(item.link, link);
        return;
    }
    QVERIFY(item.alert);
    QCOMPARE(item.alert->carried, carried);
    QCOMPARE(item.alert->entryId, item.id);
    if (!link.isEmpty())
        QCOMPARE(item.alert->entryLink, link);
    if (carried == u"index") {
        // The entry's own title/summary are not the alert's headline/description.
        QCOMPARE(item.alert->info.size(), 1);
        QVERIFY(item.alert->info[0].headline.isEmpty());
        QCOMPARE(item.alert->info[0].event, QStringLiteral("Heat Advisory"));
        QCOMPARE(utc(item.alert->info[0].effective), QStringLiteral("2024-07-01T17:00:00Z"));
        QCOMPARE(item.alert->info[0].areaDesc, QStringList{QStringLiteral("Zone A; Zone B")});
        QVERIFY(item.alert->capVersion.isEmpty());
    } else {
        QCOMPARE(item.alert->identifier, QStringLiteral("E2"));
        QCOMPARE(item.alert->capVersion, QStringLiteral("1.2"));
        QVERIFY(item.alert->info.isEmpty());
    }
}

void tst_CapParser::externalEntityIsDroppedNotFetched()
{
    // google/cap-library's XXE test: &xxe; names file:///etc/passwd and must read as nothing.
    const ParsedFeed feed = parseFixture(QStringLiteral("xxe.cap"));
    QCOMPARE(feed.alerts.size(), 1);
    QCOMPARE(feed.alerts[0].identifier, QStringLiteral("X1"));
    QCOMPARE(feed.alerts[0].capVersion, QStringLiteral("1.1"));
}

void tst_CapParser::jsonShape()
{
    const QJsonObject bare = feedToJson(parseFixture(QStringLiteral("alert.cap")));
    QCOMPARE(bare.value(QLatin1StringView("kind")).toString(), QStringLiteral("alert"));
    QCOMPARE(bare.value(QLatin1StringView("alerts")).toArray().size(), 1);

    const QJsonObject feed = feedToJson(parseFixture(QStringLiteral("cap-index-nws.atom")));
    QCOMPARE(feed.value(QLatin1StringView("kind")).toString(), QStringLiteral("feed"));
    QCOMPARE(feed.value(QLatin1StringView("entries")).toInt(), 3);
    const QJsonArray alerts = feed.value(QLatin1StringView("alerts")).toArray();
    QCOMPARE(alerts.size(), 3); // one per entry, in document order
    QCOMPARE(alerts[2].toObject().value(QLatin1StringView("carried")).toString(),
             QStringLiteral("none"));
    QVERIFY(alerts[2].toObject().value(QLatin1StringView("identifier")).isNull());
}

QTEST_APPLESS_MAIN(tst_CapParser)
#include "tst_capparser.moc"
