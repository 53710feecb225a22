#include "core/html/htmlreferences.h"

#include <QTest>

using namespace bulletin;

Q_DECLARE_METATYPE(bulletin::ReferenceContext)
Q_DECLARE_METATYPE(bulletin::HtmlEscape)

class tst_HtmlReferences final : public QObject
{
    Q_OBJECT

private slots:
    void decodesAsHtml5_data();
    void decodesAsHtml5();
    void readsNumericReferences_data();
    void readsNumericReferences();
    void escapes_data();
    void escapes();
    void escapedTextDecodesBack_data();
    void escapedTextDecodesBack();
};

void tst_HtmlReferences::decodesAsHtml5_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<ReferenceContext>("context");
    QTest::addColumn<QString>("expected");
    const auto text = ReferenceContext::Text;
    const auto attribute = ReferenceContext::AttributeValue;
    QTest::newRow("named") << "caf&eacute;" << text << QString::fromUtf8("café");
    QTest::newRow("legacy name without semicolon")
        << "&copy 2004" << text << QString::fromUtf8("© 2004");
    QTest::newRow("longest legacy prefix") << "&notit;" << text << QString::fromUtf8("¬it;");
    QTest::newRow("two code points")
        << "&NotEqualTilde;" << text << QString::fromUtf8("\u2242\u0338");
    QTest::newRow("decimal") << "&#8217;" << text << QString::fromUtf8("’");
    QTest::newRow("hex") << "&#x2019;" << text << QString::fromUtf8("’");
    QTest::newRow("numeric without semicolon") << "&#8217t" << text << QString::fromUtf8("’t");
    QTest::newRow("windows-1252 &#146;") << "don&#146;t" << text << QString::fromUtf8("don’t");
    QTest::newRow("windows-1252 &#128;") << "&#128;5" << text << QString::fromUtf8("€5");
    QTest::newRow("astral") << "&#x1F600;" << text << QString::fromUtf8("😀");
    QTest::newRow("nul becomes replacement") << "&#0;" << text << QString::fromUtf8("\uFFFD");
    QTest::newRow("surrogate becomes replacement")
        << "&#xD800;" << text << QString::fromUtf8("\uFFFD");
    QTest::newRow("out of range") << "&#x110000;" << text << QString::fromUtf8("\uFFFD");
    QTest::newRow("out of range however many digits")
        << "&#99999999999999999999999999;x" << text << QString::fromUtf8("\uFFFDx");
    QTest::newRow("leading zeros") << "&#000000000000065;" << text << "A";
    QTest::newRow("unknown stays") << "&bogus; & &#; &#x;" << text << "&bogus; & &#; &#x;";
    QTest::newRow("ampersand at the end") << "AT&" << text << "AT&";
    QTest::newRow("query string in text") << "?a=1&copy=2" << text << QString::fromUtf8("?a=1©=2");
    QTest::newRow("query string in an attribute")
        << "?a=1&copy=2&notx" << attribute << "?a=1&copy=2&notx";
    QTest::newRow("terminated name in an attribute")
        << "?a=1&copy;=2" << attribute << QString::fromUtf8("?a=1©=2");
    QTest::newRow("legacy name before space in an attribute") << "&amp x" << attribute << "& x";
    QTest::newRow("no reference at all") << "plain text" << text << "plain text";
    QTest::newRow("empty") << "" << text << "";
}

void tst_HtmlReferences::decodesAsHtml5()
{
    QFETCH(QString, input);
    QFETCH(ReferenceContext, context);
    QFETCH(QString, expected);
    QCOMPARE(decodeHtmlCharacterReferences(input, context), expected);
}

void tst_HtmlReferences::readsNumericReferences_data()
{
    QTest::addColumn<QString>("afterAmpersand");
    QTest::addColumn<int>("length");
    QTest::addColumn<uint>("value");
    QTest::addColumn<bool>("terminated");
    const uint out = NumericReference::kOutOfRange;
    QTest::newRow("decimal") << "#8217;rest" << 6 << 8217u << true;
    QTest::newRow("hex, upper-case X") << "#X1f600;" << 8 << 0x1F600u << true;
    QTest::newRow("unterminated") << "#65 " << 3 << 65u << false;
    QTest::newRow("hex letters end a decimal") << "#65af;" << 3 << 65u << false;
    QTest::newRow("wraps nowhere in 32 bits") << "#x100000041;" << 12 << out << true;
    QTest::newRow("no digits") << "#;" << 0 << 0u << false;
    QTest::newRow("no hex digits") << "#xg;" << 0 << 0u << false;
    QTest::newRow("a name is not numeric") << "amp;" << 0 << 0u << false;
    QTest::newRow("only ASCII digits") << QString::fromUtf8("#\u0663;") << 0 << 0u << false;
    QTest::newRow("empty") << "" << 0 << 0u << false;
}

void tst_HtmlReferences::readsNumericReferences()
{
    QFETCH(QString, afterAmpersand);
    QFETCH(int, length);
    QFETCH(uint, value);
    QFETCH(bool, terminated);
    // The same reading from UTF-16 text and from UTF-8 bytes.
    const QByteArray utf8 = afterAmpersand.toUtf8();
    for (const NumericReference ref : {readNumericReference(QStringView(afterAmpersand)),
                                       readNumericReference(QByteArrayView(utf8))}) {
        QCOMPARE(ref.length, qsizetype(length));
        QCOMPARE(uint(ref.value), value);
        QCOMPARE(ref.terminated, terminated);
    }
}

void tst_HtmlReferences::escapes_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<HtmlEscape>("escape");
    QTest::addColumn<QString>("expected");
    const auto text = HtmlEscape::Text;
    const auto attribute = HtmlEscape::AttributeValue;
    QTest::newRow("specials in an attribute")
        << "a<b>&\"c'" << attribute << "a&lt;b&gt;&amp;&quot;c'";
    QTest::newRow("quote stays in text")
        << "say \"hi\" & <go>" << text << "say \"hi\" &amp; &lt;go&gt;";
    QTest::newRow("references are escaped, not kept") << "&amp;" << attribute << "&amp;amp;";
    QTest::newRow("tab and line feed kept") << "a\tb\nc" << text << "a\tb\nc";
    QTest::newRow("other controls dropped")
        << QString::fromUtf8("a\u0001b\u007Fc\rd\uFFFFe") << text << "abcde";
    QTest::newRow("non-ASCII kept")
        << QString::fromUtf8("café — 😀") << attribute << QString::fromUtf8("café — 😀");
    QTest::newRow("empty") << "" << attribute << "";
}

void tst_HtmlReferences::escapes()
{
    QFETCH(QString, input);
    QFETCH(HtmlEscape, escape);
    QFETCH(QString, expected);
    QCOMPARE(escapeHtml(input, escape), expected);
    QString appended = QStringLiteral("<p>");
    appendHtmlEscaped(appended, input, escape);
    QCOMPARE(appended, QStringLiteral("<p>") + expected);
}

void tst_HtmlReferences::escapedTextDecodesBack_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("markup as text") << "<b>1 < 2 & \"3\"</b>";
    QTest::newRow("a reference as text") << "&eacute; &#233;";
    QTest::newRow("query string") << "?a=1&copy=2&b";
}

void tst_HtmlReferences::escapedTextDecodesBack()
{
    QFETCH(QString, input);
    for (const ReferenceContext context :
         {ReferenceContext::Text, ReferenceContext::AttributeValue})
        QCOMPARE(decodeHtmlCharacterReferences(escapeHtml(input), context), input);
}

QTEST_APPLESS_MAIN(tst_HtmlReferences)
#include "tst_htmlreferences.moc"
