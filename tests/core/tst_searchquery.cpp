#include "core/searchquery.h"

#include <QTest>

using namespace bulletin;

class tst_SearchQuery : public QObject
{
    Q_OBJECT

private slots:
    void parsesTheQuerySyntax();
    void marksWhatTheSearchMatched_data();
    void marksWhatTheSearchMatched();
};

void tst_SearchQuery::parsesTheQuerySyntax()
{
    const QList<SearchTerm> terms = parseSearchQuery(QStringLiteral("\"harbour bridge\" ferr* -storm e-mail \"\" -"));
    QCOMPARE(terms.size(), 4);
    QCOMPARE(terms.at(0).text, QStringLiteral("harbour bridge"));
    QVERIFY(terms.at(0).phrase);
    QCOMPARE(terms.at(1).text, QStringLiteral("ferr"));
    QVERIFY(terms.at(1).prefix);
    QVERIFY(terms.at(2).excluded);
    QCOMPARE(terms.at(3).text, QStringLiteral("e mail")); // split as the index splits it
}

// Each match as the text it covers, joined by '|'.
static QString marked(const QString &text, const QString &query)
{
    QStringList parts;
    for (const SearchMatcher::Span &span : SearchMatcher(query).matches(text))
        parts << text.mid(span.start, span.length);
    return parts.join(QLatin1Char('|'));
}

void tst_SearchQuery::marksWhatTheSearchMatched_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expected");
    const QString bridge = QStringLiteral("The harbour bridge is shut; a bridge in the old town and the harbour stay open.");
    QTest::newRow("phrase: only where its words follow each other")
        << bridge << QStringLiteral("\"harbour bridge\"") << QStringLiteral("harbour bridge");
    QTest::newRow("words: each wherever it is")
        << bridge << QStringLiteral("harbour bridge") << QStringLiteral("harbour|bridge|bridge|harbour");
    QTest::newRow("phrase across punctuation, as the index reads it")
        << QStringLiteral("Closed: harbour, bridge and quay.") << QStringLiteral("\"harbour bridge\"")
        << QStringLiteral("harbour, bridge");
    QTest::newRow("phrase in another case")
        << QStringLiteral("HARBOUR Bridge reopens") << QStringLiteral("\"harbour bridge\"")
        << QStringLiteral("HARBOUR Bridge");
    QTest::newRow("whole words, not inside others")
        << QStringLiteral("Bridgewater bridges no bridge") << QStringLiteral("bridge") << QStringLiteral("bridge");
    QTest::newRow("prefix")
        << QStringLiteral("Bridgewater bridges no bridge") << QStringLiteral("bridge*")
        << QStringLiteral("Bridgewater|bridges|bridge");
    QTest::newRow("prefix after a word: each on its own")
        << QStringLiteral("the harbour bridges, the harbour wall") << QStringLiteral("harbour bridge*")
        << QStringLiteral("harbour|bridges|harbour");
    QTest::newRow("diacritics aside")
        << QStringLiteral("Caf\u00e9 in Z\u00fcrich") << QStringLiteral("cafe zurich")
        << QStringLiteral("Caf\u00e9|Z\u00fcrich");
    QTest::newRow("excluded words are not marked")
        << bridge << QStringLiteral("bridge -harbour") << QStringLiteral("bridge|bridge");
    QTest::newRow("a phrase repeated back to back")
        << QStringLiteral("new york new york") << QStringLiteral("\"new york\"") << QStringLiteral("new york|new york");
    QTest::newRow("text without punctuation")
        << QStringLiteral("storm closes schools storm closes roads") << QStringLiteral("\"closes roads\"")
        << QStringLiteral("closes roads");
    QTest::newRow("empty text") << QString() << QStringLiteral("bridge") << QString();
    QTest::newRow("nothing to look for") << bridge << QStringLiteral("-bridge") << QString();
}

void tst_SearchQuery::marksWhatTheSearchMatched()
{
    QFETCH(QString, text);
    QFETCH(QString, query);
    QFETCH(QString, expected);
    QCOMPARE(marked(text, query), expected);
}

QTEST_APPLESS_MAIN(tst_SearchQuery)
#include "tst_searchquery.moc"
