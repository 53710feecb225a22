#include "core/html/htmltokenizer.h"

#include <QTest>

using namespace bulletin;

namespace {

// A compact transcript of the tokens: S(name a=v ...) E(name) T(text) C(comment) D(doctype).
QString transcript(const QString &html)
{
    QStringList parts;
    HtmlTokenizer tokenizer(html);
    for (HtmlToken t = tokenizer.next(); t.type != HtmlToken::Type::EndOfFile;
         t = tokenizer.next()) {
        switch (t.type) {
        case HtmlToken::Type::StartTag: {
            QString s = QStringLiteral("S(") + t.name;
            for (const HtmlAttribute &a : t.attributes)
                s += u' ' + a.name + u'=' + a.value;
            parts << s + (t.selfClosing ? QStringLiteral("/)") : QStringLiteral(")"));
            break;
        }
        case HtmlToken::Type::EndTag:
            parts << QStringLiteral("E(%1)").arg(t.name);
            break;
        case HtmlToken::Type::Text:
            parts << QStringLiteral("T(%1)").arg(t.data);
            break;
        case HtmlToken::Type::Comment:
            parts << QStringLiteral("C(%1)").arg(t.data);
            break;
        case HtmlToken::Type::Doctype:
            parts << QStringLiteral("D(%1)").arg(t.data);
            break;
        case HtmlToken::Type::EndOfFile:
            break;
        }
    }
    return parts.join(u' ');
}

} // namespace

class tst_HtmlTokenizer final : public QObject
{
    Q_OBJECT

private slots:
    void tokens_data();
    void tokens();
    void attributeValuesSayWhereTheyAreWritten_data();
    void attributeValuesSayWhereTheyAreWritten();
};

void tst_HtmlTokenizer::tokens_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("expected");

    QTest::newRow("attributes quoted, unquoted and bare")
        << "<A HREF='x' title=\"a b\" data=c checked>"
        << "S(a href=x title=a b data=c checked=)";
    QTest::newRow("first of duplicate attributes wins") << "<p id=a id=b>"
                                                        << "S(p id=a)";
    QTest::newRow("slash separates attributes") << "<img/src=x/onerror=y>"
                                                << "S(img src=x/onerror=y)";
    QTest::newRow("self-closing flag") << "<br/>"
                                       << "S(br/)";
    QTest::newRow("equals sign starts an attribute name") << "<a =x>"
                                                          << "S(a =x=)";
    QTest::newRow("less-than that opens no tag is text") << "1 < 2 <3 </ 4"
                                                         << "T(1 < 2 <3 ) C( 4)";
    QTest::newRow("end tag with nothing in it dropped") << "a</>b"
                                                        << "T(a) T(b)";
    QTest::newRow("comments, short and bang-closed") << "<!-->a<!--->b<!--c--!>d"
                                                     << "C() T(a) C() T(b) C(c) T(d)";
    QTest::newRow("unterminated comment runs to the end") << "<!--x<p>"
                                                          << "C(x<p>)";
    QTest::newRow("bogus comments") << "<?xml x?><![CDATA[y]]>"
                                    << "C(?xml x?) C([CDATA[y]])";
    QTest::newRow("doctype") << "<!DOCTYPE html><p>"
                             << "D(html) S(p)";
    QTest::newRow("references in text, with and without semicolons")
        << "&amp;&lt&notit;&#65;&#x42&#150;&bogus;"
        << QString::fromUtf8("T(&<\xC2\xACit;AB\xE2\x80\x93&bogus;)");
    QTest::newRow("legacy reference kept before = and letters in attributes")
        << "<a href=\"?a&amp;b&copy=1&copyx&copy;\">"
        << QString::fromUtf8("S(a href=?a&b&copy=1&copyx\xC2\xA9)");
    QTest::newRow("script content is raw text") << "<script>if (a<b) x='</p>'</script>"
                                                << "S(script) T(if (a<b) x='</p>') E(script)";
    QTest::newRow("script escape states")
        << "<script><!--<script></script>x--></script>y"
        << "S(script) T(<!--<script></script>x-->) E(script) T(y)";
    QTest::newRow("style ends only at its own end tag") << "<style></p></styles></style>"
                                                        << "S(style) T(</p></styles>) E(style)";
    QTest::newRow("title decodes references") << "<title>&amp;<b></title>"
                                              << "S(title) T(&<b>) E(title)";
    QTest::newRow("plaintext never ends") << "<plaintext></plaintext><b>"
                                          << "S(plaintext) T(</plaintext><b>)";
    QTest::newRow("tag cut off by the end of input dropped") << "a<img src=x"
                                                             << "T(a)";
    QTest::newRow("unterminated quoted value drops the tag") << "a<p title=\"x>b"
                                                             << "T(a)";
    QTest::newRow("NUL in a tag name") << QStringLiteral("<a\u0000b>")
                                       << QString::fromUtf8("S(a\xEF\xBF\xBD"
                                                            "b)");
}

void tst_HtmlTokenizer::tokens()
{
    QFETCH(QString, html);
    QFETCH(QString, expected);
    QCOMPARE(transcript(html), expected);
}

void tst_HtmlTokenizer::attributeValuesSayWhereTheyAreWritten_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("written"); // the input at the first attribute's value span
    QTest::newRow("double quotes excluded") << "<a href=\"x y\">"
                                            << "x y";
    QTest::newRow("single quotes excluded") << "<a href='x'>"
                                            << "x";
    QTest::newRow("unquoted, up to '>'") << "<a href=x>"
                                         << "x";
    QTest::newRow("references as written") << "<a href=\"a&amp;b\">"
                                           << "a&amp;b";
    QTest::newRow("empty value") << "<a href=\"\">"
                                 << "";
    QTest::newRow("second tag") << "<p>t</p><img  src = 'i.png' >"
                                << "i.png";
}

void tst_HtmlTokenizer::attributeValuesSayWhereTheyAreWritten()
{
    QFETCH(QString, html);
    QFETCH(QString, written);
    HtmlTokenizer tokenizer(html);
    HtmlToken token = tokenizer.next();
    while (token.type != HtmlToken::Type::EndOfFile && token.attributes.isEmpty())
        token = tokenizer.next();
    QVERIFY(!token.attributes.isEmpty());
    const HtmlAttribute &a = token.attributes.first();
    QVERIFY(a.valueStart >= 0 && a.valueEnd >= a.valueStart);
    QCOMPARE(html.mid(a.valueStart, a.valueEnd - a.valueStart), written);

    HtmlTokenizer bare(QStringLiteral("<input checked>"));
    const HtmlToken input = bare.next();
    QCOMPARE(input.attributes.first().valueStart, -1);
}

QTEST_GUILESS_MAIN(tst_HtmlTokenizer)
#include "tst_htmltokenizer.moc"
