#include "core/html/htmltext.h"

#include <QTest>

using namespace bulletin;

class tst_HtmlText final : public QObject
{
    Q_OBJECT

private slots:
    void plainText_data();
    void plainText();
};

void tst_HtmlText::plainText_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("expected");
    QTest::newRow("tags removed") << "<p>Hello <b>world</b></p>"
                                  << "Hello world";
    QTest::newRow("block tags separate words") << "<p>one</p><p>two</p>a<br>b"
                                               << "one two a b";
    QTest::newRow("sectioning elements separate words")
        << "<nav>Home</nav><main>News</main><aside>Ads</aside><address>Here</address>"
        << "Home News Ads Here";
    QTest::newRow("table parts separate words")
        << "<table><caption>Fares</caption><thead><tr><td>a</td></tr></thead></table>"
        << "Fares a";
    QTest::newRow("inline elements do not") << "<b>bo</b><i>ld</i><span>er</span><a href=x>!</a>"
                                            << "bolder!";
    QTest::newRow("script dropped") << "a<script>alert('x')</script>b"
                                    << "ab";
    QTest::newRow("style dropped") << "a<STYLE type=\"text/css\">p{}</STYLE>b"
                                   << "ab";
    QTest::newRow("applet dropped, a break like other embedded content")
        << "a<applet code=x>inside</applet>b"
        << "a b";
    QTest::newRow("unterminated script drops the rest") << "a<script>evil"
                                                        << "a";
    QTest::newRow("comment dropped") << "a<!-- hidden -->b"
                                     << "ab";
    QTest::newRow("quoted > in attribute") << "<a title=\"x>y\">link</a>"
                                           << "link";
    QTest::newRow("less-than in text") << "1 < 2 and 3 > 2"
                                       << "1 < 2 and 3 > 2";
    QTest::newRow("entities decoded after tags") << "&lt;b&gt; is &amp;amp;"
                                                 << "<b> is &amp;";
    QTest::newRow("nbsp collapsed") << QString::fromUtf8("a&nbsp;\u00a0 \n b") << "a b";
    QTest::newRow("trimmed") << "  <div> x </div>  "
                             << "x";
    QTest::newRow("empty") << ""
                           << "";
}

void tst_HtmlText::plainText()
{
    QFETCH(QString, html);
    QFETCH(QString, expected);
    QCOMPARE(htmlToPlainText(html), expected);
}

QTEST_APPLESS_MAIN(tst_HtmlText)
#include "tst_htmltext.moc"
