#include "gui/linkopener.h"
#include "gui/readerview.h"

#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>

using namespace bulletin;

class tst_ReaderView : public QObject
{
    Q_OBJECT

private slots:
    void neverLoadsResources_data();
    void neverLoadsResources();
    void decodesDataImages();
    void linksBecomeSignals();
    void linkSchemes_data();
    void linkSchemes();
};

void tst_ReaderView::neverLoadsResources_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QUrl>("url");
    QTest::newRow("remote image") << int(QTextDocument::ImageResource) << QUrl(QStringLiteral("https://tracker.example/pixel.gif"));
    QTest::newRow("remote stylesheet") << int(QTextDocument::StyleSheetResource) << QUrl(QStringLiteral("http://example.org/a.css"));
    QTest::newRow("local file") << int(QTextDocument::ImageResource) << QUrl(QStringLiteral("file:///etc/passwd"));
    QTest::newRow("relative") << int(QTextDocument::ImageResource) << QUrl(QStringLiteral("image.png"));
    QTest::newRow("data but not an image") << int(QTextDocument::ImageResource)
                                           << QUrl(QStringLiteral("data:text/html;base64,PHNjcmlwdD4="));
}

void tst_ReaderView::neverLoadsResources()
{
    QFETCH(int, type);
    QFETCH(QUrl, url);
    ReaderView view;
    QVERIFY(view.loadResource(type, url).isNull());
}

void tst_ReaderView::decodesDataImages()
{
    ReaderView view;
    const QByteArray bytes("\x89PNG fake");
    const QUrl url(QStringLiteral("data:image/png;base64,") + QString::fromLatin1(bytes.toBase64()));
    QCOMPARE(view.loadResource(QTextDocument::ImageResource, url).toByteArray(), bytes);
}

void tst_ReaderView::linksBecomeSignals()
{
    ReaderView view;
    QVERIFY(!view.openLinks());
    QVERIFY(!view.openExternalLinks());
    QSignalSpy story(&view, &ReaderView::storyRequested);
    QSignalSpy external(&view, &ReaderView::externalLinkRequested);
    emit view.anchorClicked(QUrl(QStringLiteral("#bulletin-story-17")));
    QCOMPARE(story.size(), 1);
    QCOMPARE(story.at(0).at(0).toLongLong(), 17);
    emit view.anchorClicked(QUrl(QStringLiteral("https://example.org/")));
    QCOMPARE(external.size(), 1);
    QCOMPARE(story.size(), 1);
}

void tst_ReaderView::linkSchemes_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("https") << QStringLiteral("https://example.org/a") << true;
    QTest::newRow("http") << QStringLiteral("http://example.org/a") << true;
    QTest::newRow("mailto") << QStringLiteral("mailto:desk@example.org") << true;
    QTest::newRow("upper-case scheme") << QStringLiteral("HTTPS://example.org/") << true;
    QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << false;
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << false;
    QTest::newRow("custom handler") << QStringLiteral("steam://run/1") << false;
    QTest::newRow("data") << QStringLiteral("data:text/html,hi") << false;
    QTest::newRow("no host") << QStringLiteral("http:///path") << false;
    QTest::newRow("relative") << QStringLiteral("page.html") << false;
}

void tst_ReaderView::linkSchemes()
{
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    QCOMPARE(LinkOpener::isAllowed(QUrl(url)), allowed);
    if (!allowed) {
        LinkOpener opener;
        QSignalSpy message(&opener, &LinkOpener::statusMessage);
        QVERIFY(!opener.open(QUrl(url)));
        QCOMPARE(message.size(), 1);
        QVERIFY(message.at(0).at(0).toString().startsWith(QStringLiteral("Refused")));
    }
}

QTEST_MAIN(tst_ReaderView)
#include "tst_readerview.moc"
