#include "core/searchquery.h"

#include <QTest>

using namespace bulletin;

class tst_SearchQuery : public QObject
{
    Q_OBJECT

private slots:
    void parsesTheQuerySyntax_data();
    void parsesTheQuerySyntax();
    void marksWhatTheSearchMatched_data();
    void marksWhatTheSearchMatched();
};

// A query's terms written back in the syntax, each as the parser understood it:
// "a phrase", prefix*, -excluded; joined by '|'.
static QString written(const QList<SearchTerm> &terms)
{
    QStringList parts;
    for (const SearchTerm &term : terms) {
        QString part = term.phrase ? u'"' + term.text + u'"' : term.text;
        if (term.prefix)
            part += u'*';
        if (term.excluded)
            part.prepend(u'-');
        parts << part;
    }
    return parts.join(u'|');
}

void tst_SearchQuery::parsesTheQuerySyntax_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("terms");
    QTest::newRow("words") << "harbour bridge"
                           << "harbour|bridge";
    QTest::newRow("a phrase") << "\"harbour bridge\" closed"
                              << "\"harbour bridge\"|closed";
    QTest::newRow("a phrase's spaces collapse") << "\"  harbour \t bridge \""
                                                << "\"harbour bridge\"";
    QTest::newRow("an unclosed phrase runs to the end") << "ferry \"harbour bridge"
                                                        << "ferry|\"harbour bridge\"";
    QTest::newRow("prefix") << "ferr*"
                            << "ferr*";
    QTest::newRow("several stars are one prefix") << "ferr**"
                                                  << "ferr*";
    QTest::newRow("excluded word") << "bridge -storm"
                                   << "bridge|-storm";
    QTest::newRow("excluded phrase") << "bridge -\"high winds\""
                                     << "bridge|-\"high winds\"";
    QTest::newRow("excluded prefix") << "-storm*"
                                     << "-storm*";
    QTest::newRow("punctuation splits a word as the index does") << "e-mail"
                                                                 << "e mail";
    QTest::newRow("a hyphen inside a word excludes nothing") << "covid-19 -x"
                                                             << "covid 19|-x";
    QTest::newRow("non-ASCII letters and digits are words")
        << QString::fromUtf8("Zürich 2026 東京") << QString::fromUtf8("Zürich|2026|東京");
    QTest::newRow("an empty phrase is dropped") << "\"\" bridge"
                                                << "bridge";
    QTest::newRow("a lone minus is dropped") << "- bridge -"
                                             << "bridge";
    QTest::newRow("punctuation alone is dropped") << "... !!! bridge"
                                                  << "bridge";
    QTest::newRow("text without punctuation") << "storm closes schools"
                                              << "storm|closes|schools";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("white space only") << " \t\n "
                                      << "";
}

void tst_SearchQuery::parsesTheQuerySyntax()
{
    QFETCH(QString, query);
    QFETCH(QString, terms);
    QCOMPARE(written(parseSearchQuery(query)), terms);
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
    const QString bridge = QStringLiteral(
        "The harbour bridge is shut; a bridge in the old town and the harbour stay open.");
    QTest::newRow("phrase: only where its words follow each other")
        << bridge << QStringLiteral("\"harbour bridge\"") << QStringLiteral("harbour bridge");
    QTest::newRow("words: each wherever it is") << bridge << QStringLiteral("harbour bridge")
                                                << QStringLiteral("harbour|bridge|bridge|harbour");
    QTest::newRow("phrase across punctuation, as the index reads it")
        << QStringLiteral("Closed: harbour, bridge and quay.")
        << QStringLiteral("\"harbour bridge\"") << QStringLiteral("harbour, bridge");
    QTest::newRow("phrase in another case")
        << QStringLiteral("HARBOUR Bridge reopens") << QStringLiteral("\"harbour bridge\"")
        << QStringLiteral("HARBOUR Bridge");
    QTest::newRow("whole words, not inside others")
        << QStringLiteral("Bridgewater bridges no bridge") << QStringLiteral("bridge")
        << QStringLiteral("bridge");
    QTest::newRow("prefix") << QStringLiteral("Bridgewater bridges no bridge")
                            << QStringLiteral("bridge*")
                            << QStringLiteral("Bridgewater|bridges|bridge");
    QTest::newRow("prefix after a word: each on its own")
        << QStringLiteral("the harbour bridges, the harbour wall")
        << QStringLiteral("harbour bridge*") << QStringLiteral("harbour|bridges|harbour");
    QTest::newRow("diacritics aside")
        << QStringLiteral("Caf\u00e9 in Z\u00fcrich") << QStringLiteral("cafe zurich")
        << QStringLiteral("Caf\u00e9|Z\u00fcrich");
    QTest::newRow("excluded words are not marked")
        << bridge << QStringLiteral("bridge -harbour") << QStringLiteral("bridge|bridge");
    QTest::newRow("a phrase repeated back to back")
        << QStringLiteral("new york new york") << QStringLiteral("\"new york\"")
        << QStringLiteral("new york|new york");
    QTest::newRow("text without punctuation")
        << QStringLiteral("storm closes schools storm closes roads")
        << QStringLiteral("\"closes roads\"") << QStringLiteral("closes roads");
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
