#include "core/feeds/feeddate.h"

#include <QTest>

using namespace bulletin;

// Each row pins one date form seen in real feeds; "expected" is UTC, empty for "must be
// invalid" (an unparseable date must never become "now").
class tst_FeedDate final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
};

void tst_FeedDate::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("rfc 822 GMT") << "Thu, 01 Jan 2004 19:48:21 GMT"
                                 << "2004-01-01T19:48:21Z";
    QTest::newRow("rfc 822 UT") << "Thu, 01 Jan 2004 19:48:21 UT"
                                << "2004-01-01T19:48:21Z";
    QTest::newRow("rfc 822 Z") << "Thu, 01 Jan 2004 19:48:21 Z"
                               << "2004-01-01T19:48:21Z";
    QTest::newRow("rfc 822 numeric offset") << "Thu, 01 Jan 2004 19:48:21 -0500"
                                            << "2004-01-02T00:48:21Z";
    QTest::newRow("rfc 822 offset with colon") << "Thu, 01 Jan 2004 19:48:21 +05:30"
                                               << "2004-01-01T14:18:21Z";
    QTest::newRow("us zone EST") << "Wed, 11 Jun 2003 22:39:00 EST"
                                 << "2003-06-12T03:39:00Z";
    QTest::newRow("us zone PDT") << "Wed, 11 Jun 2003 22:39:00 PDT"
                                 << "2003-06-12T05:39:00Z";
    QTest::newRow("missing seconds") << "Thu, 01 Jan 2004 19:48 GMT"
                                     << "2004-01-01T19:48:00Z";
    QTest::newRow("two-digit year") << "Thu, 01 Jan 04 19:48:21 GMT"
                                    << "2004-01-01T19:48:21Z";
    QTest::newRow("two-digit year in 1900s") << "Fri, 01 Jan 99 00:00:00 GMT"
                                             << "1999-01-01T00:00:00Z";
    QTest::newRow("no day name") << "01 Jan 2004 19:48:21 GMT"
                                 << "2004-01-01T19:48:21Z";
    QTest::newRow("localised day name") << "Do, 01 Jan 2004 19:48:21 +0100"
                                        << "2004-01-01T18:48:21Z";
    QTest::newRow("full month name") << "1 January 2004 10:00:00 GMT"
                                     << "2004-01-01T10:00:00Z";
    QTest::newRow("no zone means UTC") << "Thu, 01 Jan 2004 19:48:21"
                                       << "2004-01-01T19:48:21Z";
    QTest::newRow("single-digit hour") << "Sun, 11 Jan 2004 9:00:00 GMT"
                                       << "2004-01-11T09:00:00Z";
    QTest::newRow("dashed date (rss 0.91)") << "01-Jan-2004 10:00:00 GMT"
                                            << "2004-01-01T10:00:00Z";
    QTest::newRow("iso 8601 with offset") << "2003-12-31T10:14:55-08:00"
                                          << "2003-12-31T18:14:55Z";
    QTest::newRow("iso 8601 Z") << "2003-12-31T10:14:55Z"
                                << "2003-12-31T10:14:55Z";
    QTest::newRow("iso 8601 fraction") << "2003-12-31T10:14:55.123456Z"
                                       << "2003-12-31T10:14:55Z";
    QTest::newRow("iso 8601 -00:00 (CAP)") << "2010-08-31T14:24:00-00:00"
                                           << "2010-08-31T14:24:00Z";
    QTest::newRow("w3c-dtf date only") << "2003-12-31"
                                       << "2003-12-31T00:00:00Z";
    QTest::newRow("w3c-dtf year-month") << "2003-12"
                                        << "2003-12-01T00:00:00Z";
    QTest::newRow("iso 8601 without seconds") << "2003-12-31T10:14-05:00"
                                              << "2003-12-31T15:14:00Z";
    QTest::newRow("iso 8601 basic format") << "20031231T101455Z"
                                           << "2003-12-31T10:14:55Z";
    QTest::newRow("iso 8601 space separator") << "2003-12-31 10:14:55"
                                              << "2003-12-31T10:14:55Z";
    QTest::newRow("leap day") << "2024-02-29T23:30:00+01:00"
                              << "2024-02-29T22:30:00Z";
    QTest::newRow("surrounding white space") << "  2004-01-01T00:00:00Z\n"
                                             << "2004-01-01T00:00:00Z";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("garbage") << "yesterday"
                             << "";
    QTest::newRow("invalid day") << "2003-02-30"
                                 << "";
    QTest::newRow("invalid month name") << "01 Foo 2004 10:00:00 GMT"
                                        << "";
    QTest::newRow("hour out of range") << "2004-01-01T25:00:00Z"
                                       << "";
}

void tst_FeedDate::parse()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const QDateTime dt = parseFeedDate(input);
    if (expected.isEmpty()) {
        QVERIFY2(!dt.isValid(), qPrintable(dt.toString(Qt::ISODate)));
        return;
    }
    QVERIFY(dt.isValid());
    QCOMPARE(dt.timeSpec(), Qt::UTC);
    QCOMPARE(dt.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'")), expected);
}

QTEST_APPLESS_MAIN(tst_FeedDate)
#include "tst_feeddate.moc"
