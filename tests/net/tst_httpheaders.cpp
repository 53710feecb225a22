#include "net/httpheaders.h"

#include <QTest>

using namespace bulletin;

class tst_HttpHeaders final : public QObject
{
    Q_OBJECT

private slots:
    void parsesHttpDates_data();
    void parsesHttpDates();
    void parsesRetryAfter_data();
    void parsesRetryAfter();
    void parsesMaxAge_data();
    void parsesMaxAge();
    void splitsContentType_data();
    void splitsContentType();
};

void tst_HttpHeaders::parsesHttpDates_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QDateTime>("expected"); // invalid: no date

    const QDateTime nov6(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC);
    QTest::newRow("IMF-fixdate") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << nov6;
    QTest::newRow("RFC 850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << nov6;
    QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:49:37 1994") << nov6;
    QTest::newRow("lower-case month and extra spaces")
        << QByteArray("  Sun,  06 nov 1994 08:49:37 gmt ") << nov6;
    QTest::newRow("not GMT") << QByteArray("Sun, 06 Nov 1994 08:49:37 +0200") << QDateTime();
    QTest::newRow("31 February") << QByteArray("Sun, 31 Feb 1994 08:49:37 GMT") << QDateTime();
    QTest::newRow("bad clock") << QByteArray("Sun, 06 Nov 1994 25:49:37 GMT") << QDateTime();
    QTest::newRow("year of ten digits")
        << QByteArray("Sun Nov 6 08:49:37 1994919949") << QDateTime();
    QTest::newRow("year of five digits")
        << QByteArray("Sun, 06 Nov 19940 08:49:37 GMT") << QDateTime();
    QTest::newRow("garbage") << QByteArray("tomorrow-ish") << QDateTime();
    QTest::newRow("empty") << QByteArray() << QDateTime();
}

void tst_HttpHeaders::parsesHttpDates()
{
    QFETCH(QByteArray, value);
    QFETCH(QDateTime, expected);
    const std::optional<QDateTime> parsed = parseHttpDate(value);
    QCOMPARE(parsed.has_value(), expected.isValid());
    if (parsed)
        QCOMPARE(*parsed, expected);
}

void tst_HttpHeaders::parsesRetryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expectedSecondsFromNow"); // -1: nothing

    QTest::newRow("seconds") << QByteArray("120") << qint64(120);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("padded") << QByteArray(" 30 ") << qint64(30);
    QTest::newRow("absurd seconds clamp to ten years")
        << QByteArray("99999999999999999999999") << qint64(10LL * 365 * 24 * 3600);
    QTest::newRow("http date a day later")
        << QByteArray("Fri, 02 Jan 2026 12:00:00 GMT") << qint64(86400);
    QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
    QTest::newRow("fraction") << QByteArray("1.5") << qint64(-1);
    QTest::newRow("empty") << QByteArray("") << qint64(-1);
}

void tst_HttpHeaders::parsesRetryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expectedSecondsFromNow);
    const QDateTime now(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
    const std::optional<QDateTime> parsed = parseRetryAfter(value, now);
    QCOMPARE(parsed.has_value(), expectedSecondsFromNow >= 0);
    if (parsed)
        QCOMPARE(now.secsTo(*parsed), expectedSecondsFromNow);
}

void tst_HttpHeaders::parsesMaxAge_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("expected");

    QTest::newRow("plain") << QByteArray("max-age=600") << 600;
    QTest::newRow("among others") << QByteArray("public, MAX-AGE = 60, must-revalidate") << 60;
    QTest::newRow("quoted") << QByteArray("max-age=\"30\"") << 30;
    QTest::newRow("s-maxage is not max-age") << QByteArray("s-maxage=100") << -1;
    QTest::newRow("huge clamps") << QByteArray("max-age=99999999999")
                                 << std::numeric_limits<int>::max();
    QTest::newRow("negative") << QByteArray("max-age=-1") << -1;
    QTest::newRow("no-cache only") << QByteArray("no-cache") << -1;
    QTest::newRow("absent") << QByteArray() << -1;
}

void tst_HttpHeaders::parsesMaxAge()
{
    QFETCH(QByteArray, value);
    QFETCH(int, expected);
    QCOMPARE(parseMaxAge(value), expected);
}

void tst_HttpHeaders::splitsContentType_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("mime");
    QTest::addColumn<QString>("charset");

    QTest::newRow("with charset") << QByteArray("application/rss+xml; charset=utf-8")
                                  << QStringLiteral("application/rss+xml")
                                  << QStringLiteral("utf-8");
    QTest::newRow("case and quotes") << QByteArray("Text/XML;Charset=\"ISO-8859-1\"")
                                     << QStringLiteral("text/xml") << QStringLiteral("iso-8859-1");
    QTest::newRow("other parameters first")
        << QByteArray("text/html; q=1; charset=windows-1252") << QStringLiteral("text/html")
        << QStringLiteral("windows-1252");
    QTest::newRow("no charset") << QByteArray("application/feed+json")
                                << QStringLiteral("application/feed+json") << QString();
    QTest::newRow("empty") << QByteArray() << QString() << QString();
}

void tst_HttpHeaders::splitsContentType()
{
    QFETCH(QByteArray, value);
    QFETCH(QString, mime);
    QFETCH(QString, charset);
    const auto [gotMime, gotCharset] = splitContentType(value);
    QCOMPARE(gotMime, mime);
    QCOMPARE(gotCharset, charset);
}

QTEST_GUILESS_MAIN(tst_HttpHeaders)
#include "tst_httpheaders.moc"
