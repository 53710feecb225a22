#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace bulletin {

// A search query as the user types it: words (all must match), "a phrase", prefix*,
// -excluded. Anything else is not syntax: punctuation inside a term splits it into words,
// as the full-text index's tokenizer would.
struct SearchTerm
{
    QString text; // the term's words, separated by single spaces
    bool phrase = false; // "quoted": its words must follow one another
    bool prefix = false; // ends in *: the last word matches as a prefix
    bool excluded = false; // -term
};

// The query's terms in the order typed; terms without a letter or digit are dropped.
QList<SearchTerm> parseSearchQuery(const QString &query);

// Finds a query's matches in a text the way the full-text index matches them (FTS5's
// unicode61 tokenizer with remove_diacritics 2): whole words, case and diacritics aside, a
// prefix* as a prefix, and a phrase's words only where they follow one another. Excluded
// terms match nothing. Used for everything that marks what a search found (the list, the
// reader, snippets), so what is highlighted is what the search matched.
// A plain value; cheap to copy. Any thread.
class SearchMatcher final
{
public:
    SearchMatcher() = default;
    explicit SearchMatcher(const QList<SearchTerm> &terms);
    explicit SearchMatcher(const QString &query);

    // True when the query has nothing to highlight.
    bool isEmpty() const { return m_terms.isEmpty(); }

    // A word of the text as the index splits it.
    struct Token
    {
        qsizetype begin = 0;
        qsizetype end = 0;
        int term = -1; // the index of the query term it is part of a match of, or -1
        bool first = false; // the first word of that match (a phrase spans several words)
    };
    QList<Token> tokens(QStringView text) const;

    // The stretches of text that matched, in order: one word, or a whole phrase from its
    // first word to its last (with what lies between, such as a comma).
    struct Span
    {
        qsizetype start = 0;
        qsizetype length = 0;
        friend bool operator==(const Span &, const Span &) = default;
    };
    QList<Span> matches(QStringView text) const;

private:
    struct Word
    {
        QString folded; // lower case, without diacritics
        bool prefix = false;
    };
    static bool wordMatches(QStringView token, const QString &foldedToken, const Word &word);

    QList<QList<Word>> m_terms; // the terms to find, each as its words in order
};

} // namespace bulletin
