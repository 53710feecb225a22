#include "core/html/htmlsanitizer.h"
#include "core/html/htmlurlresolver.h"

#include <QTest>

using namespace bulletin;

namespace {

const QString kFeed = QStringLiteral("http://news.example/blog/feed.xml");

} // namespace

// What a feed's HTML looks like once its relative addresses are resolved against the
// address the feed came from: what the reader, the exports and the link checks read.
class tst_HtmlUrlResolver final : public QObject
{
    Q_OBJECT

private slots:
    void resolvesAgainstTheFeed_data();
    void resolvesAgainstTheFeed();
    void withoutAnAbsoluteWebBaseNothingChanges_data();
    void withoutAnAbsoluteWebBaseNothingChanges();
    void readerKeepsWhatWasResolved();
    void enormousInputResolvedInOnePass();
};

void tst_HtmlUrlResolver::resolvesAgainstTheFeed_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("expected");

    QTest::newRow("root-relative link")
        << "<p>See <a href=\"/about/\">about us</a>.</p>"
        << "<p>See <a href=\"http://news.example/about/\">about us</a>.</p>";
    QTest::newRow("path-relative image, from the feed's folder")
        << "<img src=\"img/x.png\" alt=\"x\">"
        << "<img src=\"http://news.example/blog/img/x.png\" alt=\"x\">";
    QTest::newRow("dot segments") << "<a href=\"../2026/12/01/post/\">p</a>"
                                  << "<a href=\"http://news.example/2026/12/01/post/\">p</a>";
    QTest::newRow("single quotes kept, a quote in the URL escaped")
        << "<a href='it&#39;s/'>x</a>"
        << "<a href='http://news.example/blog/it&#39;s/'>x</a>";
    QTest::newRow("unquoted value, query with an ampersand")
        << "<a href=page?a=1&amp;b=2>x</a>"
        << "<a href=http://news.example/blog/page?a=1&amp;b=2>x</a>";
    QTest::newRow("upper-case attribute name and spaces around '='")
        << "<IMG SRC = \"x.png\">"
        << "<IMG SRC = \"http://news.example/blog/x.png\">";
    QTest::newRow("white space inside the quotes, as a browser reads it")
        << "<a href=\"  /x \n\">x</a>"
        << "<a href=\"http://news.example/x\">x</a>";
    QTest::newRow("protocol-relative takes the feed's scheme")
        << "<img src=\"//cdn.example/a.png\">"
        << "<img src=\"http://cdn.example/a.png\">";
    QTest::newRow("text without punctuation or markup stays") << "just words here"
                                                              << "just words here";
    QTest::newRow("absolute, mailto and inline data stay as written")
        << "<a href=\"https://other.example/x\">a</a><a href=\"mailto:ed@news.example\">m</a>"
           "<img src=\"data:image/png;base64,AAAA\">"
        << "<a href=\"https://other.example/x\">a</a><a href=\"mailto:ed@news.example\">m</a>"
           "<img src=\"data:image/png;base64,AAAA\">";
    QTest::newRow("fragment-only stays: it points into the story, not the feed")
        << "<a href=\"#fn1\">1</a>"
        << "<a href=\"#fn1\">1</a>";
    QTest::newRow("javascript stays for the sanitiser to drop, even disguised")
        << "<a href=\"java&#x09;script:alert(1)\">x</a><a href=\" javascript:alert(1)\">y</a>"
        << "<a href=\"java&#x09;script:alert(1)\">x</a><a href=\" javascript:alert(1)\">y</a>";
    QTest::newRow("other attributes, comments and script text untouched")
        << "<a title=\"href=x\" href=\"y\">z</a><!-- <a href=\"c\"> --><script>s.src=\"q\"</script>"
        << "<a title=\"href=x\" href=\"http://news.example/blog/y\">z</a><!-- <a href=\"c\"> -->"
           "<script>s.src=\"q\"</script>";
    QTest::newRow("links in text are not attributes") << "use href=\"/x\" in your page"
                                                      << "use href=\"/x\" in your page";
    QTest::newRow("iframe, source and any element's src")
        << "<iframe src=\"/embed/1\"></iframe><video><source src=\"v.mp4\"></video>"
        << "<iframe src=\"http://news.example/embed/1\"></iframe><video><source "
           "src=\"http://news.example/blog/v.mp4\"></video>";
    QTest::newRow("base href on the same host is followed, everywhere in the fragment")
        << "<a href=\"a/\">a</a><base href=\"/archive/\"><img src=\"b.png\">"
        << "<a href=\"http://news.example/archive/a/\">a</a><base href=\"/archive/\">"
           "<img src=\"http://news.example/archive/b.png\">";
    QTest::newRow("base href to another host is ignored")
        << "<base href=\"https://evil.example/\"><a href=\"login\">x</a>"
        << "<base href=\"https://evil.example/\"><a href=\"http://news.example/blog/login\">x</a>";
    QTest::newRow("protocol-relative base href to another host is ignored")
        << "<base href=\"//evil.example/\"><a href=\"login\">x</a>"
        << "<base href=\"//evil.example/\"><a href=\"http://news.example/blog/login\">x</a>";
    QTest::newRow("only the first base href counts")
        << "<base href=\"https://evil.example/\"><base href=\"/ok/\"><a href=\"x\">x</a>"
        << "<base href=\"https://evil.example/\"><base href=\"/ok/\"><a "
           "href=\"http://news.example/blog/x\">x</a>";
    QTest::newRow("a tag cut off at the end is left as it is")
        << "<a href=\"x\">x</a><img src=\"y"
        << "<a href=\"http://news.example/blog/x\">x</a><img src=\"y";
    QTest::newRow("empty") << ""
                           << "";
}

void tst_HtmlUrlResolver::resolvesAgainstTheFeed()
{
    QFETCH(QString, html);
    QFETCH(QString, expected);
    QCOMPARE(resolveHtmlUrls(html, kFeed), expected);
}

void tst_HtmlUrlResolver::withoutAnAbsoluteWebBaseNothingChanges_data()
{
    QTest::addColumn<QString>("base");
    QTest::newRow("no address (a file on disk)") << QString();
    QTest::newRow("a relative address") << QStringLiteral("/blog/feed.xml");
    QTest::newRow("a file URL") << QStringLiteral("file:///home/u/feed.xml");
    QTest::newRow("not a URL") << QStringLiteral("::: not a url");
}

void tst_HtmlUrlResolver::withoutAnAbsoluteWebBaseNothingChanges()
{
    QFETCH(QString, base);
    const QString html = QStringLiteral(
        "<base href=\"https://news.example/\"><a href=\"/about/\">a</a>");
    QCOMPARE(resolveHtmlUrls(html, base), html);
}

// The sanitiser, given the resolved HTML and no base of its own, keeps the link and lists
// the image for Load Images: what was lost before.
void tst_HtmlUrlResolver::readerKeepsWhatWasResolved()
{
    const QString html = resolveHtmlUrls(
        QStringLiteral("<p><a href=\"/about/\">About</a> <img src=\"img/x.png\" alt=\"Map\"></p>"),
        kFeed);
    const SanitizedHtml page = sanitizeHtml(html);
    QVERIFY2(page.html.contains(QStringLiteral("<a href=\"http://news.example/about/\">About</a>")),
             qPrintable(page.html));
    QCOMPARE(page.blockedUrls, QStringList{QStringLiteral("http://news.example/blog/img/x.png")});
}

void tst_HtmlUrlResolver::enormousInputResolvedInOnePass()
{
    // 100,000 relative links: each is rewritten once, the text between them copied as is.
    QString html;
    for (int i = 0; i < 100000; ++i)
        html += QStringLiteral("<a href=\"p%1\">%1</a> ").arg(i);
    const QString resolved = resolveHtmlUrls(html, kFeed);
    QCOMPARE(resolved.count(QStringLiteral("href=\"http://news.example/blog/p")), 100000);
    QVERIFY(resolved.endsWith(
        QStringLiteral("<a href=\"http://news.example/blog/p99999\">99999</a> ")));
}

QTEST_APPLESS_MAIN(tst_HtmlUrlResolver)
#include "tst_htmlurlresolver.moc"
