#include "core/html/htmltext.h"

#include <QTest>

using namespace bulletin;

class tst_HtmlText final : public QObject
{
    Q_OBJECT

private slots:
    void decodeEntities_data();
    void decodeEntities();
    void plainText_data();
    void plainText();
};

void tst_HtmlText::decodeEntities_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("named") << "caf&eacute;" << QString::fromUtf8("café");
    QTest::newRow("legacy name without semicolon") << "&copy 2004" << QString::fromUtf8("© 2004");
    QTest::newRow("longest legacy prefix") << "&notit;" << QString::fromUtf8("¬it;");
    QTest::newRow("two code points") << "&NotEqualTilde;" << QString::fromUtf8("\u2242\u0338");
    QTest::newRow("decimal") << "&#8217;" << QString::fromUtf8("’");
    QTest::newRow("hex") << "&#x2019;" << QString::fromUtf8("’");
    QTest::newRow("windows-1252 &#146;") << "don&#146;t" << QString::fromUtf8("don’t");
    QTest::newRow("windows-1252 &#128;") << "&#128;5" << QString::fromUtf8("€5");
    QTest::newRow("astral") << "&#x1F600;" << QString::fromUtf8("😀");
    QTest::newRow("nul becomes replacement") << "&#0;" << QString::fromUtf8("\uFFFD");
    QTest::newRow("out of range") << "&#x110000;" << QString::fromUtf8("\uFFFD");
    QTest::newRow("unknown stays") << "&bogus; & &#;" << "&bogus; & &#;";
}

void tst_HtmlText::decodeEntities()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(decodeHtmlEntities(input), expected);
}

void tst_HtmlText::plainText_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("expected");
    QTest::newRow("tags removed") << "<p>Hello <b>world</b></p>" << "Hello world";
    QTest::newRow("block tags separate words") << "<p>one</p><p>two</p>a<br>b" << "one two a b";
    QTest::newRow("script dropped") << "a<script>alert('x')</script>b" << "ab";
    QTest::newRow("style dropped") << "a<STYLE type=\"text/css\">p{}</STYLE>b" << "ab";
    QTest::newRow("applet dropped") << "a<applet code=x>inside</applet>b" << "ab";
    QTest::newRow("unterminated script drops the rest") << "a<script>evil" << "a";
    QTest::newRow("comment dropped") << "a<!-- hidden -->b" << "ab";
    QTest::newRow("quoted > in attribute") << "<a title=\"x>y\">link</a>" << "link";
    QTest::newRow("less-than in text") << "1 < 2 and 3 > 2" << "1 < 2 and 3 > 2";
    QTest::newRow("entities decoded after tags") << "&lt;b&gt; is &amp;amp;" << "<b> is &amp;";
    QTest::newRow("nbsp collapsed") << QString::fromUtf8("a&nbsp;\u00a0 \n b") << "a b";
    QTest::newRow("trimmed") << "  <div> x </div>  " << "x";
    QTest::newRow("empty") << "" << "";
}

void tst_HtmlText::plainText()
{
    QFETCH(QString, html);
    QFETCH(QString, expected);
    QCOMPARE(htmlToPlainText(html), expected);
}

QTEST_APPLESS_MAIN(tst_HtmlText)
#include "tst_htmltext.moc"
