// What a user types as a feed's address, turned into the URL to fetch or into words that
// name what was wrong with it.

#include "net/webaddress.h"

#include <QTest>

using namespace bulletin;

class tst_WebAddress final : public QObject
{
    Q_OBJECT

private slots:
    void typedAddresses_data();
    void typedAddresses();
    void invalidUrlsAreDescribed_data();
    void invalidUrlsAreDescribed();
};

void tst_WebAddress::typedAddresses_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("url"); // empty: refused
    QTest::addColumn<QString>("problem"); // what the refusal says

    QTest::newRow("full address") << "https://example.com/feed.xml"
                                  << "https://example.com/feed.xml"
                                  << "";
    QTest::newRow("surrounding spaces") << "  https://example.com/feed  "
                                        << "https://example.com/feed"
                                        << "";
    QTest::newRow("no scheme, as in a browser") << "example.com/feed"
                                                << "http://example.com/feed"
                                                << "";
    QTest::newRow("host and port") << "localhost:8080/feed"
                                   << "http://localhost:8080/feed"
                                   << "";
    QTest::newRow("feed scheme is the fetcher's to refuse") << "feed:example"
                                                            << "feed:example"
                                                            << "";
    QTest::newRow("only spaces") << "   "
                                 << ""
                                 << "no address was given";
    QTest::newRow("percent signs") << "%%"
                                   << ""
                                   << "\"%%\" is not a web address";
    // QUrl::fromUserInput would make this http://http//a b/, a DNS lookup for "http".
    QTest::newRow("space in the host")
        << "http://a b/"
        << ""
        << "\"http://a b/\" is not a valid address (Invalid hostname";
    QTest::newRow("unclosed bracket") << "https://[bad/feed"
                                      << ""
                                      << "\"https://[bad/feed\" is not a valid address (";
}

void tst_WebAddress::typedAddresses()
{
    QFETCH(QString, typed);
    QFETCH(QString, url);
    QFETCH(QString, problem);
    QString said;
    const QUrl result = webAddressFromUserInput(typed, &said);
    if (url.isEmpty()) {
        QVERIFY2(!result.isValid() || result.isEmpty(), qPrintable(result.toString()));
        QVERIFY2(said.startsWith(problem), qPrintable(said));
    } else {
        QCOMPARE(result.toString(), url);
        QVERIFY2(said.isEmpty(), qPrintable(said));
    }
}

void tst_WebAddress::invalidUrlsAreDescribed_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("words");
    QTest::newRow("empty") << QUrl() << "the address is empty";
    QTest::newRow("no scheme") << QUrl(QStringLiteral("example.com/feed"))
                               << "\"example.com/feed\" has no scheme such as https://";
    QTest::newRow("invalid host") << QUrl(QStringLiteral("http://a b/"))
                                  << "Invalid hostname (contains invalid characters)";
}

void tst_WebAddress::invalidUrlsAreDescribed()
{
    QFETCH(QUrl, url);
    QFETCH(QString, words);
    QCOMPARE(invalidAddressWords(url), words);
}

QTEST_GUILESS_MAIN(tst_WebAddress)
#include "tst_webaddress.moc"
