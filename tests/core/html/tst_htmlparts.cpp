#include "core/html/htmlparts.h"
#include "core/html/htmlsanitizer.h"

#include <QTest>

using namespace bulletin;

namespace {

// The visible text of sanitised HTML, without the break opportunities htmlPart() adds.
QString textOf(const QString &html)
{
    SanitizeOptions options;
    options.textOnly = true;
    QString text = sanitizeHtml(html, options).text;
    text.remove(QChar(0x200B));
    return text;
}

// Words "w0 w1 w2 ..." up to about `length` characters.
QString words(qsizetype length)
{
    QString text;
    for (int i = 0; text.size() < length; ++i)
        text += QStringLiteral("w%1 ").arg(i);
    return text.trimmed();
}

QString sanitized(const QString &html)
{
    return sanitizeHtml(html).html;
}

} // namespace

class tst_HtmlParts final : public QObject
{
    Q_OBJECT

private slots:
    void shortHtmlIsOnePart();
    void partsTogetherHoldEveryWord_data();
    void partsTogetherHoldEveryWord();
    void partsAreBalancedAndReopenTheirElements();
    void partsEndAfterABlock();
    void endlessWordsGetBreakOpportunities();
    void markupWithoutTextIsBounded();
    void indexIsClamped();
};

void tst_HtmlParts::shortHtmlIsOnePart()
{
    const QString html = sanitized(
        QStringLiteral("<p>Hello <b>there</b></p><ul><li>one</li></ul>"));
    const HtmlPart part = htmlPart(html, 0, 1000);
    QCOMPARE(part.count, 1);
    QCOMPARE(part.index, 0);
    QCOMPARE(part.html, html);
}

void tst_HtmlParts::partsTogetherHoldEveryWord_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<int>("maxChars");
    QTest::newRow("one long paragraph")
        << sanitized(u"<p>"_qs + words(50'000) + u"</p>"_qs) << 5000;
    QString paragraphs;
    for (int i = 0; i < 200; ++i)
        paragraphs += u"<p>"_qs + words(300) + u"</p>"_qs;
    QTest::newRow("many paragraphs") << sanitized(paragraphs) << 5000;
    QString nested;
    for (int i = 0; i < 100; ++i)
        nested += u"<blockquote><p><a href=\"https://example.org/\">link</a> "_qs + words(600)
            + u"</p><ul><li>"_qs + words(100) + u"</li></ul></blockquote>"_qs;
    QTest::newRow("links and lists in quotes") << sanitized(nested) << 3000;
    QTest::newRow("references") << sanitized(
        u"<p>"_qs + QString(u"a &amp; b &lt; c "_qs).repeated(5000) + u"</p>"_qs)
                                << 1000;
}

void tst_HtmlParts::partsTogetherHoldEveryWord()
{
    QFETCH(QString, html);
    QFETCH(int, maxChars);
    const HtmlPart first = htmlPart(html, 0, maxChars);
    QVERIFY(first.count > 1);
    QString joined;
    for (int i = 0; i < first.count; ++i) {
        const HtmlPart part = htmlPart(html, i, maxChars);
        QCOMPARE(part.index, i);
        QCOMPARE(part.count, first.count);
        const QString text = textOf(part.html);
        // About maxChars each: no part is much longer, none but the last much shorter.
        QVERIFY2(text.size() <= maxChars + maxChars / 10, qPrintable(QString::number(text.size())));
        if (i + 1 < first.count)
            QVERIFY2(text.size() >= maxChars / 2, qPrintable(QString::number(text.size())));
        joined += text + u' ';
    }
    // No word is lost, split or repeated.
    QCOMPARE(joined.simplified(), textOf(html).simplified());
}

void tst_HtmlParts::partsAreBalancedAndReopenTheirElements()
{
    const QString html = sanitized(u"<blockquote><p><b>"_qs + words(20'000)
                                   + u"</b></p></blockquote><p>end</p>"_qs);
    const HtmlPart second = htmlPart(html, 1, 5000);
    QVERIFY(second.count >= 4);
    QVERIFY2(second.html.startsWith(QLatin1String("<blockquote><p><b>")),
             qPrintable(second.html.left(60)));
    QVERIFY2(second.html.endsWith(QLatin1String("</b></p></blockquote>")),
             qPrintable(second.html.right(60)));
    // What a reader sees of it is the same as sanitising it again: it is balanced.
    QCOMPARE(sanitized(second.html).remove(QChar(0x200B)),
             QString(second.html).remove(QChar(0x200B)));
    const HtmlPart last = htmlPart(html, second.count - 1, 5000);
    QVERIFY(last.html.endsWith(QLatin1String("<p>end</p>")));
}

void tst_HtmlParts::partsEndAfterABlock()
{
    QString html;
    for (int i = 0; i < 100; ++i)
        html += u"<p>"_qs + words(900) + u"</p>"_qs;
    html = sanitized(html);
    for (int i = 0; i < 5; ++i) {
        const HtmlPart part = htmlPart(html, i, 5000);
        QVERIFY2(part.html.startsWith(QLatin1String("<p>")), qPrintable(part.html.left(40)));
        QVERIFY2(part.html.endsWith(QLatin1String("</p>")), qPrintable(part.html.right(40)));
    }
}

void tst_HtmlParts::endlessWordsGetBreakOpportunities()
{
    // One word of 300,000 characters: Qt lays it out in time quadratic in its length unless
    // it may break somewhere.
    const QString html = sanitized(u"<p>"_qs + QString(300'000, u'a') + u" tail</p>"_qs);
    const HtmlPart part = htmlPart(html, 1, 100'000);
    QVERIFY(part.count >= 3);
    qsizetype run = 0;
    qsizetype longest = 0;
    for (const QChar c : part.html) {
        run = c == QChar(0x200B) || c.isSpace() || c == u'<' || c == u'>' ? 0 : run + 1;
        longest = qMax(longest, run);
    }
    QVERIFY2(longest <= kUnbreakableRun, qPrintable(QString::number(longest)));
    QCOMPARE(textOf(part.html).size(), 100'000);
    // Ordinary words are left alone.
    const QString prose = sanitized(u"<p>"_qs + words(10'000) + u"</p>"_qs);
    QVERIFY(!htmlPart(prose, 0, 100'000).html.contains(QChar(0x200B)));
}

void tst_HtmlParts::markupWithoutTextIsBounded()
{
    // Markup with no text to speak of (10,000 inline images) is split as well.
    const QString html = sanitized(
        QStringLiteral("<p>")
        + QStringLiteral("<img src=\"data:image/png;base64,iVBORw0KGgo=\">").repeated(10'000)
        + QStringLiteral("</p>"));
    const HtmlPart part = htmlPart(html, 0, 1000);
    QVERIFY(part.count >= 10);
    const qsizetype images = part.html.count(QLatin1String("<img"));
    QVERIFY2(images > 900 && images <= 1000, qPrintable(QString::number(images)));
}

void tst_HtmlParts::indexIsClamped()
{
    const QString html = sanitized(u"<p>"_qs + words(10'000) + u"</p>"_qs);
    const HtmlPart last = htmlPart(html, 1000, 2000);
    QCOMPARE(last.index, last.count - 1);
    QCOMPARE(last.html, htmlPart(html, last.count - 1, 2000).html);
    QCOMPARE(htmlPart(html, -3, 2000).index, 0);
    QCOMPARE(htmlPart(QString(), 0, 2000).count, 1);
}

QTEST_APPLESS_MAIN(tst_HtmlParts)
#include "tst_htmlparts.moc"
