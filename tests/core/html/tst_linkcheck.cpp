#include "core/html/linkcheck.h"

#include <QTest>

using namespace bulletin;

class tst_LinkCheck final : public QObject
{
    Q_OBJECT

private slots:
    void assess_data();
    void assess();
};

void tst_LinkCheck::assess_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("href");
    QTest::addColumn<bool>("deceptive");
    QTest::addColumn<QString>("reason"); // expected words in the reason (empty: none)
    QTest::addColumn<QString>("destination");

    QTest::newRow("ordinary words link anywhere") << "Read the report"
                                                  << "https://news.example/report" << false << ""
                                                  << "news.example";
    QTest::newRow("same host shown") << "example.com"
                                     << "https://example.com/a" << false << ""
                                     << "example.com";
    QTest::newRow("www prefix and subdomain are the same site")
        << "www.example.com"
        << "https://blog.example.com/" << false << ""
        << "blog.example.com";
    QTest::newRow("shown URL matches the target") << "https://www.example.org/path?q=1"
                                                  << "https://example.org/other" << false << ""
                                                  << "example.org";
    QTest::newRow("registrable domain under co.uk") << "bbc.co.uk"
                                                    << "https://www.bbc.co.uk/news" << false << ""
                                                    << "www.bbc.co.uk";
    QTest::newRow("different site under co.uk")
        << "bbc.co.uk"
        << "https://evil.co.uk/" << true
        << "The text shows bbc.co.uk but the link goes to evil.co.uk"
        << "evil.co.uk";
    QTest::newRow("text names another domain")
        << "paypal.com"
        << "https://paypa1-login.example/" << true
        << "The text shows paypal.com but the link goes to paypa1-login.example"
        << "paypa1-login.example";
    QTest::newRow("text shows a URL to another domain")
        << "Visit https://www.mybank.example/login now"
        << "http://203.0.113.9/login" << true
        << "The text shows www.mybank.example but the link goes to 203.0.113.9"
        << "203.0.113.9";
    QTest::newRow("host in a URL path is not the host shown")
        << "http://archive.example/web/news.example/x"
        << "https://archive.example/web" << false << ""
        << "archive.example";
    QTest::newRow("file names are not hosts") << "Download Map.app or node.js"
                                              << "https://downloads.example/" << false << ""
                                              << "downloads.example";
    QTest::newRow("a sentence's full stop names no host")
        << "Read the full report. It is long."
        << "https://news.example/report" << false << ""
        << "news.example";
    QTest::newRow("a name after a sentence's full stop")
        << "Full story. Source: paypal.com"
        << "https://paypa1-login.example/" << true
        << "The text shows paypal.com but the link goes to paypa1-login.example"
        << "paypa1-login.example";
    QTest::newRow("internationalised name shown, another site linked")
        << QString::fromUtf8("\xD0\xBF\xD1\x80\xD0\xB8\xD0\xBC\xD0\xB5\xD1\x80.\xD1\x80\xD1\x84")
        << "https://evil.example/" << true << "but the link goes to evil.example"
        << "evil.example";
    QTest::newRow("user info hides the real host")
        << "Sign in"
        << "http://paypal.com@evil.example/" << true << "it goes to evil.example"
        << "evil.example";
    QTest::newRow("mixed Latin and Cyrillic in one label")
        << "Sign in" << QString::fromUtf8("https://p\xD0\xB0ypal.com/") << true
        << "mixes Cyrillic and Latin letters"
        << QString::fromUtf8("p\xD0\xB0ypal.com (xn--pypal-4ve.com)");
    QTest::newRow("punycode label that is all look-alike Cyrillic")
        << "Apple"
        << "https://xn--80ak6aa92e.com/" << true << "Cyrillic letters that look Latin"
        << QString::fromUtf8("\xD0\xB0\xD1\x80\xD1\x80\xD3\x8F\xD0\xB5.com (xn--80ak6aa92e.com)");
    QTest::newRow("genuine internationalised name shown in both forms")
        << "Bücher"
        << "https://xn--bcher-kva.example/" << false << ""
        << QString::fromUtf8("b\xC3\xBC"
                             "cher.example (xn--bcher-kva.example)");
    QTest::newRow("Cyrillic name that is not a disguise")
        << "Kremlin"
        << QString::fromUtf8(
               "http://\xD0\xBA\xD1\x80\xD0\xB5\xD0\xBC\xD0\xBB\xD1\x8C.\xD1\x80\xD1\x84/")
        << false << ""
        << "";
    QTest::newRow("mail address matches the mailto domain")
        << "desk@news.example"
        << "mailto:tips@news.example" << false << ""
        << "news.example";
    QTest::newRow("mail address to another domain")
        << "support@paypal.com"
        << "mailto:support@paypa1.example" << true
        << "The text shows paypal.com but the link goes to paypa1.example"
        << "paypa1.example";
    QTest::newRow("javascript scheme") << "Click"
                                       << "javascript:alert(1)" << true << "javascript: scheme"
                                       << "";
    QTest::newRow("file scheme") << "Report"
                                 << "file:///etc/passwd" << true << "file: scheme"
                                 << "";
    QTest::newRow("confusable digit within one script is not flagged")
        << "Account"
        << "https://paypa1.example/" << false << ""
        << "paypa1.example";
}

void tst_LinkCheck::assess()
{
    QFETCH(QString, text);
    QFETCH(QString, href);
    QFETCH(bool, deceptive);
    QFETCH(QString, reason);
    QFETCH(QString, destination);
    const LinkAssessment a = assessLink(text, href);
    QVERIFY2(a.deceptive == deceptive, qPrintable(a.reason));
    if (reason.isEmpty())
        QVERIFY2(a.reason.isEmpty(), qPrintable(a.reason));
    else
        QVERIFY2(a.reason.contains(reason), qPrintable(a.reason));
    if (!destination.isEmpty())
        QCOMPARE(a.realDestination, destination);
}

QTEST_GUILESS_MAIN(tst_LinkCheck)
#include "tst_linkcheck.moc"
