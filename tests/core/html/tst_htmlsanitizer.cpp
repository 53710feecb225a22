#include "core/html/htmlsanitizer.h"
#include "core/html/htmltokenizer.h"

#include <QRegularExpression>
#include <QTest>

using namespace bulletin;

namespace {

const QString kBase = QStringLiteral("https://news.example/2024/story.html");

SanitizedHtml sanitize(const QString &html, bool allowRemote = false)
{
    SanitizeOptions options;
    options.baseUrl = kBase;
    options.allowRemoteContent = allowRemote;
    return sanitizeHtml(html, options);
}

// The text alone, as a refresh asks for it to index a story.
QString textOnly(const QString &html)
{
    SanitizeOptions options;
    options.baseUrl = kBase;
    options.textOnly = true;
    const SanitizedHtml out = sanitizeHtml(html, options);
    return out.html.isEmpty() ? out.text : QStringLiteral("(html written: %1)").arg(out.html);
}

// Every start tag of a non-void element is closed, in order, by the matching end tag.
bool isBalanced(const QString &html, QString *why)
{
    static const QStringList kVoid = {QStringLiteral("br"), QStringLiteral("hr"),
                                      QStringLiteral("img")};
    QStringList stack;
    HtmlTokenizer tokenizer(html);
    for (HtmlToken t = tokenizer.next(); t.type != HtmlToken::Type::EndOfFile;
         t = tokenizer.next()) {
        if (t.type == HtmlToken::Type::StartTag && !kVoid.contains(t.name)) {
            stack.append(t.name);
        } else if (t.type == HtmlToken::Type::EndTag) {
            if (stack.isEmpty() || stack.last() != t.name) {
                *why = QStringLiteral("unexpected </%1>").arg(t.name);
                return false;
            }
            stack.removeLast();
        } else if (t.type == HtmlToken::Type::Comment || t.type == HtmlToken::Type::Doctype) {
            *why = QStringLiteral("comment or doctype in output");
            return false;
        }
    }
    *why = stack.isEmpty() ? QString() : QStringLiteral("unclosed <%1>").arg(stack.join(u','));
    return stack.isEmpty();
}

// What the output's markup says once references are decoded, as a browser would read it:
// every tag written as <name attr="value">, so patterns see decoded attribute values.
QString decodedMarkup(const QString &html)
{
    QString out;
    HtmlTokenizer tokenizer(html);
    for (HtmlToken t = tokenizer.next(); t.type != HtmlToken::Type::EndOfFile;
         t = tokenizer.next()) {
        if (t.type == HtmlToken::Type::StartTag) {
            out += u'<' + t.name;
            for (const HtmlAttribute &a : t.attributes)
                out += u' ' + a.name + QStringLiteral("=\"") + a.value + u'"';
            out += u'>';
        } else if (t.type == HtmlToken::Type::EndTag) {
            out += QStringLiteral("</") + t.name + u'>';
        } else if (t.type == HtmlToken::Type::Text) {
            out += QString(t.data).replace(u'<', QStringLiteral("&lt;"));
        }
    }
    return out;
}

} // namespace

class tst_HtmlSanitizer final : public QObject
{
    Q_OBJECT

private slots:
    void hostile_data();
    void hostile();
    void benign_data();
    void benign();
    void remoteImages();
    void remoteImagesAllowed();
    void everyRemoteImageListedOnceInOrder();
    void inlineImageKept();
    void relativeLinksResolved();
    void linksWithoutBaseDropRelativeTargets();
    void deceptiveLinkMarked();
    void plainText_data();
    void plainText();
    void deepNestingFlattened();
    void emptyInput();
};

void tst_HtmlSanitizer::hostile_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("forbidden"); // regex on the decoded markup of the output
    QTest::addColumn<QString>("keptText");

    const QString script = QStringLiteral("<script|alert\\(");
    const QString handler = QStringLiteral("<[^>]*\\son[a-z]+=");
    const QString jsUrl = QStringLiteral("=\"\\s*(?:java|vb)script:");

    QTest::newRow("plain script element")
        << "<p>kept</p><script>alert(1)</script>" << script << "kept";
    QTest::newRow("script with slash before attribute")
        << "<p>kept</p><script/xss src=\"http://evil.example/x.js\"></script>" << script << "kept";
    QTest::newRow("script hidden in escaped comment inside script")
        << "<script><!--<script></script>alert(1)--></script><p>kept</p>" << script << "kept";
    QTest::newRow("script end tag split by case")
        << "<ScRiPt>alert(1)</sCrIpT><p>kept</p>" << script << "kept";
    QTest::newRow("escaped script stays text, not markup")
        << "<p>&lt;script&gt;alert(1)&lt;/script&gt; kept</p>" << QStringLiteral("<script")
        << "<script>alert(1)</script> kept";
    QTest::newRow("onerror on img")
        << "<img src=x onerror=alert(1)><p>kept</p>" << handler << "kept";
    QTest::newRow("onload on body")
        << "<body onload=alert(1)><p>kept</p></body>" << handler << "kept";
    QTest::newRow("onfocus with autofocus on input")
        << "<input onfocus=alert(1) autofocus><p>kept</p>" << handler << "kept";
    QTest::newRow("handler after slash without space")
        << "<img/src=\"x\"/onerror=alert(1)><p>kept</p>" << handler << "kept";
    QTest::newRow("javascript: href keeps its text")
        << "<a href=\"javascript:alert(1)\">I am a dolphin!</a>" << jsUrl << "I am a dolphin!";
    QTest::newRow("javascript: href with entity-encoded scheme")
        << "<a "
           "href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>"
        << jsUrl << "x";
    QTest::newRow("javascript: href with hex references without semicolons")
        << "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\">x</a>"
        << jsUrl << "x";
    QTest::newRow("javascript: href with tab inside the scheme")
        << "<a href=\"jav\tascript:alert(1)\">x</a>" << jsUrl << "x";
    QTest::newRow("javascript: href with encoded newline inside the scheme")
        << "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>" << jsUrl << "x";
    QTest::newRow("javascript: href after a control character")
        << "<a href=\"&#x01;javascript:alert(1)\">x</a>" << jsUrl << "x";
    QTest::newRow("javascript: href after Unicode spaces")
        << "<a href=\"\u2028\u00A0\u1680javascript:alert(1)\">x</a>" << jsUrl << "x";
    QTest::newRow("vbscript: href in upper case")
        << "<a href=\"VBSCRIPT:msgbox(1)\">x</a>" << QStringLiteral("=\"\\s*vbscript:") << "x";
    QTest::newRow("data: href to an HTML document")
        << "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>"
        << QStringLiteral("data:") << "x";
    QTest::newRow("unknown scheme href")
        << "<a href=\"ms-settings:\">x</a>" << QStringLiteral("href=") << "x";
    QTest::newRow("javascript: in img src")
        << "<img src=\"javascript:alert(1)\" alt=\"pic\">" << jsUrl << "pic";
    QTest::newRow("style position:fixed overlay")
        << "<div style=\"position:fixed;top:0;left:0;width:100%;height:100%\">kept</div>"
        << QStringLiteral("style=") << "kept";
    QTest::newRow("style expression") << "<p style=\"width: expression(alert(1))\">kept</p>"
                                      << QStringLiteral("expression") << "kept";
    QTest::newRow("style element with import")
        << "<style>@import url(http://evil.example/x.css);</style><p>kept</p>"
        << QStringLiteral("<style|@import") << "kept";
    QTest::newRow("link stylesheet")
        << "<link rel=stylesheet href=\"http://evil.example/x.css\"><p>kept</p>"
        << QStringLiteral("<link") << "kept";
    QTest::newRow("remote tracking pixel dropped")
        << "<p>kept</p><img src=\"http://tracker.example/p.gif\" width=1 height=1>"
        << QStringLiteral("tracker\\.example") << "kept";
    QTest::newRow("background attribute to a remote image")
        << "<table background=\"http://evil.example/bg.png\"><tr><td>kept</td></tr></table>"
        << QStringLiteral("evil\\.example") << "kept";
    QTest::newRow("iframe with fallback markup")
        << "<iframe src=\"http://evil.example/\"><img src=x onerror=alert(1)></iframe><p>kept</p>"
        << QStringLiteral("<iframe|<img|src=") << "kept";
    QTest::newRow("object and embed")
        << "<object data=\"http://evil.example/x.swf\"><param name=movie value=x>"
           "<embed src=\"http://evil.example/x.swf\"></object><p>kept</p>"
        << QStringLiteral("<object|<embed|<param|evil") << "kept";
    QTest::newRow("form with javascript action")
        << "<form action=\"javascript:alert(1)\"><p>kept</p><button "
           "formaction=\"javascript:alert(1)\">"
           "go</button><input type=password name=pw></form>"
        << QStringLiteral("<form|action=|<input|<button") << "kept";
    QTest::newRow("meta refresh")
        << "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\"><p>kept</p>"
        << QStringLiteral("<meta|refresh") << "kept";
    QTest::newRow("base href") << "<base href=\"javascript://\"><p>kept</p>"
                               << QStringLiteral("<base") << "kept";
    QTest::newRow("svg set writes onload")
        << "<svg><set attributeName=\"onload\" to=\"alert(1)\"/></svg><p>kept</p>"
        << QStringLiteral("<svg|<set|onload") << "kept";
    QTest::newRow("svg animate writes a javascript href")
        << "<svg><a><animate attributeName=href values=javascript:alert(1) />"
           "<text x=20 y=20>Click</text></a></svg><p>kept</p>"
        << QStringLiteral("<svg|<animate|javascript") << "kept";
    QTest::newRow("svg style hides an img that breaks out")
        << "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\"><p>kept</p>" << handler
        << "kept";
    QTest::newRow("math mglyph namespace confusion")
        << "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></table>"
           "<p>kept</p>"
        << handler << "kept";
    QTest::newRow("end of xmp inside an attribute value")
        << "<xmp><p title=\"</xmp><img src=x onerror=alert(1)>\"></xmp><p>kept</p>" << handler
        << "kept";
    QTest::newRow("noembed wrapper")
        << "<noembed><img title=\"</noembed><img src onerror=alert(1)>\"></noembed><p>kept</p>"
        << handler << "kept";
    QTest::newRow("textarea wrapper shows its markup as text")
        << "<textarea><script>alert(1)</script></textarea><p>kept</p>" << QStringLiteral("<script")
        << "<script>alert(1)</script>";
    QTest::newRow("template content dropped")
        << "<template><img src=x onerror=alert(1)></template><p>kept</p>"
        << QStringLiteral("<template|<img") << "kept";
    QTest::newRow("comment hiding markup") << "<!--<img src=x onerror=alert(1)>--><p>kept</p>"
                                           << QStringLiteral("<img|onerror") << "kept";
    QTest::newRow("early-closing comment <!-->")
        << "<!--><p>kept</p>" << QStringLiteral("<!") << "kept";
    QTest::newRow("unterminated tag at end of input")
        << "<p>kept</p><img src=x onerror=alert(1)" << handler << "kept";
    QTest::newRow("double-encoded markup stays text")
        << "<p>&amp;lt;script&amp;gt; kept</p>" << QStringLiteral("<script")
        << "&lt;script&gt; kept";
    QTest::newRow("NUL inside a tag name")
        << QStringLiteral("<scr\u0000ipt>alert(1)</scr\u0000ipt><p>kept</p>")
        << QStringLiteral("<script") << "kept";
}

void tst_HtmlSanitizer::hostile()
{
    QFETCH(QString, input);
    QFETCH(QString, forbidden);
    QFETCH(QString, keptText);
    const SanitizedHtml out = sanitize(input);
    const QRegularExpression rx(forbidden, QRegularExpression::CaseInsensitiveOption);
    const QString markup = decodedMarkup(out.html);
    QVERIFY2(!rx.match(markup).hasMatch(), qPrintable(out.html));
    QVERIFY2(out.text.contains(keptText), qPrintable(out.text));
    QCOMPARE(textOnly(input), out.text);
    QString why;
    QVERIFY2(isBalanced(out.html, &why), qPrintable(why + QStringLiteral(": ") + out.html));
    // Sanitising the output again changes nothing: it is already in the safe subset.
    QCOMPARE(sanitize(out.html).html, out.html);
}

void tst_HtmlSanitizer::benign_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("benign table kept")
        << "<table><caption>Scores</caption><thead><tr><th>Team</th><th colspan=\"2\">Pts</th></tr>"
           "</thead><tbody><tr><td>A</td><td>1</td><td>2</td></tr></tbody></table>"
        << "<table><caption>Scores</caption><thead><tr><th>Team</th><th colspan=\"2\">Pts</th>"
           "</tr></thead><tbody><tr><td>A</td><td>1</td><td>2</td></tr></tbody></table>";
    QTest::newRow("table cells without rows get a row")
        << "<table><td>a<td>b</table>"
        << "<table><tr><td>a</td><td>b</td></tr></table>";
    QTest::newRow("headings, lists and quotes kept")
        << "<h2>Title</h2><ul><li>one<li>two</ul><blockquote><p>Said.</p></blockquote>"
        << "<h2>Title</h2><ul><li>one</li><li>two</li></ul><blockquote><p>Said.</p></blockquote>";
    QTest::newRow("code block keeps white space") << "<pre><code>if (a)\n  b();\n</code></pre>"
                                                  << "<pre><code>if (a)\n  b();\n</code></pre>";
    QTest::newRow("implied paragraph ends") << "<p>one<p>two<div>three</div>"
                                            << "<p>one</p><p>two</p><div>three</div>";
    QTest::newRow("misnested formatting balanced") << "<b><i>x</b>y</i>"
                                                   << "<b><i>x</i></b>y";
    QTest::newRow("unknown elements unwrapped") << "<font color=red><blink>hot</blink></font>"
                                                << "hot";
    QTest::newRow("section mapped to div")
        << "<section><figure>f<figcaption>c</figcaption></figure></section>"
        << "<div><div>f<div>c</div></div></div>";
    QTest::newRow("attributes outside the allow-list dropped")
        << "<p class=\"x\" id=\"y\" style=\"color:red\" dir=\"rtl\">t</p>"
        << "<p dir=\"rtl\">t</p>";
    QTest::newRow("text escaped") << "<p>1 < 2 & 3 > 2</p>"
                                  << "<p>1 &lt; 2 &amp; 3 &gt; 2</p>";
    QTest::newRow("character references decoded once")
        << "<p>&eacute;&amp;amp;&notit;&#x1F600;</p>"
        << QString::fromUtf8("<p>\xC3\xA9&amp;amp;\xC2\xACit;\xF0\x9F\x98\x80</p>");
    QTest::newRow("legacy reference in a query string is not decoded")
        << "<a href=\"https://news.example/?a=1&copy=2\">q</a>"
        << "<a href=\"https://news.example/?a=1&amp;copy=2\">q</a>";
    QTest::newRow("inline quotation rendered with marks")
        << "<p><q>Hi</q></p>" << QString::fromUtf8("<p>\xE2\x80\x9CHi\xE2\x80\x9D</p>");
    QTest::newRow("embedded video becomes a link")
        << "<iframe src=\"https://www.youtube.com/embed/x1\" allowfullscreen></iframe>"
        << "<a href=\"https://www.youtube.com/embed/x1\">[embedded content: www.youtube.com]</a>";
    QTest::newRow("mailto link kept")
        << "<a href=\"mailto:desk@news.example\" title=\"Write\">desk@news.example</a>"
        << "<a href=\"mailto:desk@news.example\" title=\"Write\">desk@news.example</a>";
}

void tst_HtmlSanitizer::benign()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(sanitize(input).html, expected);
}

void tst_HtmlSanitizer::remoteImages()
{
    const SanitizedHtml out = sanitize(QStringLiteral(
        "<p><img src=\"https://cdn.example/chart.png\" alt=\"Chart of sales\">"
        "<img src=\"/img/photo.jpg\"><img src=\"https://cdn.example/spacer.gif\" alt=\"\"></p>"));
    QCOMPARE(out.html, QStringLiteral("<p>[Chart of sales][image]</p>"));
    QCOMPARE(out.blockedUrls,
             QStringList({QStringLiteral("https://cdn.example/chart.png"),
                          QStringLiteral("https://news.example/img/photo.jpg"),
                          QStringLiteral("https://cdn.example/spacer.gif")}));
}

void tst_HtmlSanitizer::remoteImagesAllowed()
{
    const SanitizedHtml out = sanitize(
        QStringLiteral("<img src=\"img/a.png\" alt=\"A\" width=\"300\" height=\"x\" onload=\"f()\">"
                       "<img src=\"http://t.example/p.gif\" width=\"1\" height=\"1\">"),
        true);
    QCOMPARE(out.html,
             QStringLiteral(
                 "<img src=\"https://news.example/2024/img/a.png\" alt=\"A\" width=\"300\">"));
    // A tracking pixel is never loaded, even with remote content allowed.
    QCOMPARE(out.blockedUrls, QStringList(QStringLiteral("http://t.example/p.gif")));
}

// A hostile story with 100,000 remote images, some of them repeated and some of them
// tracking pixels: each URL is listed once, in the order it first came, with or without
// remote content allowed (allowed, only the pixels are left out).
void tst_HtmlSanitizer::everyRemoteImageListedOnceInOrder()
{
    constexpr int kCount = 100000;
    QString html = QStringLiteral("<p>");
    QStringList everyImage;
    QStringList pixels;
    for (int i = 0; i < kCount; ++i) {
        const QString url = QStringLiteral("https://img%1.example/%2.png").arg(i % 7).arg(i);
        const bool pixel = i % 10 == 0;
        everyImage << url;
        if (pixel)
            pixels << url;
        html += QStringLiteral("<img src=\"%1\"%2>").arg(url, pixel ? u" width=\"1\"" : u"");
        if (i % 100 == 0)
            html += QStringLiteral("<img src=\"https://img0.example/0.png\" width=\"1\">");
    }
    const SanitizedHtml blocked = sanitize(html);
    QCOMPARE(blocked.blockedUrls.size(), kCount);
    QCOMPARE(blocked.blockedUrls, everyImage);
    QCOMPARE(blocked.text.count(QStringLiteral("[image]")), kCount - pixels.size());

    const SanitizedHtml allowed = sanitize(html, true);
    QCOMPARE(allowed.blockedUrls, pixels);
    QCOMPARE(allowed.html.count(QStringLiteral("<img ")), kCount - pixels.size());
}

void tst_HtmlSanitizer::inlineImageKept()
{
    const QString png = QStringLiteral("data:image/png;base64,iVBORw0KGgo=");
    const QString tag = QStringLiteral("<img src=\"%1\" alt=\"dot\">").arg(png);
    QCOMPARE(sanitize(tag).html, tag);
    // SVG documents can carry script: not loaded even inline.
    QCOMPARE(
        sanitize(QStringLiteral("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\" alt=\"s\">")).html,
        QStringLiteral("[s]"));
    QCOMPARE(
        sanitize(QStringLiteral("<img src=\"data:iMage/SVG+xml;base64,PHN2Zz4=\" alt=\"s\">")).html,
        QStringLiteral("[s]"));
    // A character outside the media type's token is no image, even where it hides "svg".
    QCOMPARE(
        sanitize(QStringLiteral("<img src=\"data:image/\u0003svg+xml,<svg/>\" alt=\"s\">")).html,
        QStringLiteral("[s]"));
    QCOMPARE(
        sanitize(QStringLiteral("<img src=\"data:image/png\u0001;base64,iVBORw0KGgo=\" alt=\"p\">"))
            .html,
        QStringLiteral("[p]"));
    // The media type's case does not matter; it is written in one spelling.
    QCOMPARE(
        sanitize(QStringLiteral("<img src=\"DATA:iMage/PNG;base64,iVBORw0KGgo=\" alt=\"dot\">"))
            .html,
        tag);
}

void tst_HtmlSanitizer::relativeLinksResolved()
{
    QCOMPARE(sanitize(QStringLiteral("<a href=\"../other.html#c\">o</a>")).html,
             QStringLiteral("<a href=\"https://news.example/other.html#c\">o</a>"));
    QCOMPARE(sanitize(QStringLiteral("<a href=\"//cdn.example/x\">o</a>")).html,
             QStringLiteral("<a href=\"https://cdn.example/x\">o</a>"));
}

void tst_HtmlSanitizer::linksWithoutBaseDropRelativeTargets()
{
    QCOMPARE(sanitizeHtml(u"<a href=\"other.html\">o</a>").html, QStringLiteral("o"));
}

void tst_HtmlSanitizer::deceptiveLinkMarked()
{
    const SanitizedHtml out = sanitize(QStringLiteral(
        "<p>Log in at <a href=\"https://paypa1-login.example/\">paypal.com</a>.</p>"));
    QVERIFY2(out.html.contains(QStringLiteral("title=\"The text shows paypal.com but the link goes "
                                              "to paypa1-login.example\"")),
             qPrintable(out.html));
    QVERIFY2(out.html.contains(QString::fromUtf8("</a> \xE2\x9A\xA0.")), qPrintable(out.html));
    QCOMPARE(out.text, QString::fromUtf8("Log in at paypal.com \xE2\x9A\xA0."));
    // An honest link is left alone.
    QCOMPARE(sanitize(QStringLiteral("<a href=\"https://www.paypal.com/x\">paypal.com</a>")).html,
             QStringLiteral("<a href=\"https://www.paypal.com/x\">paypal.com</a>"));
}

void tst_HtmlSanitizer::plainText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("text");

    QTest::newRow("paragraphs separated by a blank line") << "<p>One  two\nthree</p><p>Four</p>"
                                                          << "One two three\n\nFour";
    QTest::newRow("line breaks and list items on their own lines")
        << "a<br>b<ul><li>c</li><li>d</li></ul>"
        << "a\nb\n\nc\nd";
    QTest::newRow("table cells separated by spaces")
        << "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"
        << "a b\nc";
    QTest::newRow("inline elements do not split words") << "w<b>o</b><span>r</span>d"
                                                        << "word";
    QTest::newRow("preformatted text keeps its lines") << "<pre>\nx  = 1\ny  = 2</pre>"
                                                       << "x  = 1\ny  = 2";
    QTest::newRow("script and style text not shown")
        << "<style>p{}</style><p>a</p><script>b()</script>"
        << "a";
    QTest::newRow("alt text of blocked images shown")
        << "<p>See <img src=\"https://x.example/a.png\" alt=\"map\"> here</p>"
        << "See [map] here";
    QTest::newRow("references decoded")
        << "<p>caf&eacute; &lt;3</p>" << QString::fromUtf8("caf\xC3\xA9 <3");
    QTest::newRow("white space collapses, and after a no-break space goes")
        << QStringLiteral("<p>one two  three\tfour \n five\u00A0 six \u0001 seven </p>")
        << QStringLiteral("one two three four five\u00A0six seven");
    QTest::newRow("quotation marks, control characters, a deceptive link's marker")
        << QStringLiteral(
               "<p><q>Hi</q>\u0001 at <a href=\"https://paypa1-login.example/\">paypal.com</a>.</p>"
               "<iframe src=\"https://video.example/v\"></iframe><p>x</p>")
        << QString::fromUtf8("\xE2\x80\x9CHi\xE2\x80\x9D at paypal.com \xE2\x9A\xA0.\n\n"
                             "[embedded content: video.example]\n\nx");
}

void tst_HtmlSanitizer::plainText()
{
    QFETCH(QString, input);
    QFETCH(QString, text);
    QCOMPARE(sanitize(input).text, text);
    QCOMPARE(textOnly(input), text);
}

void tst_HtmlSanitizer::deepNestingFlattened()
{
    QString input;
    for (int i = 0; i < 5000; ++i)
        input += QStringLiteral("<div><b>");
    input += QStringLiteral("deep");
    const SanitizedHtml out = sanitize(input);
    QCOMPARE(out.text, QStringLiteral("deep"));
    QVERIFY(out.html.count(QStringLiteral("<div>")) <= 64);
    QString why;
    QVERIFY2(isBalanced(out.html, &why), qPrintable(why));
}

void tst_HtmlSanitizer::emptyInput()
{
    const SanitizedHtml out = sanitizeHtml(QStringView());
    QVERIFY(out.html.isEmpty());
    QVERIFY(out.text.isEmpty());
    QVERIFY(out.blockedUrls.isEmpty());
}

QTEST_GUILESS_MAIN(tst_HtmlSanitizer)
#include "tst_htmlsanitizer.moc"
