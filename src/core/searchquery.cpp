#include "core/searchquery.h"

#include <QRegularExpression>

#include <algorithm>

namespace bulletin {

namespace {

// Lower case without diacritics, as the index's unicode61 tokenizer compares words.
QString folded(QStringView word)
{
    const QString decomposed = word.toString().normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            out += c;
    }
    return out.toCaseFolded();
}

bool isAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

bool isTokenCharacter(char32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    // unicode61 splits at spaces and punctuation; letters, digits and marks make words.
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
    case QChar::Other_PrivateUse:
        return true;
    default:
        return QChar::isLetterOrNumber(c);
    }
}

char32_t codePointAt(QStringView text, qsizetype at, qsizetype *size)
{
    const QChar c = text.at(at);
    if (c.isHighSurrogate() && at + 1 < text.size() && text.at(at + 1).isLowSurrogate()) {
        *size = 2;
        return QChar::surrogateToUcs4(c, text.at(at + 1));
    }
    *size = 1;
    return c.unicode();
}

} // namespace

QList<SearchTerm> parseSearchQuery(const QString &query)
{
    QList<SearchTerm> terms;
    static const QRegularExpression token(QStringLiteral("(-?)\"([^\"]*)\"?|(-?)([^\\s\"]+)"));
    auto it = token.globalMatch(query);
    while (it.hasNext()) {
        const auto m = it.next();
        SearchTerm term;
        if (m.capturedLength(2) > 0 || m.captured(0).contains(QLatin1Char('"'))) {
            term.excluded = !m.captured(1).isEmpty();
            term.text = m.captured(2).simplified();
            term.phrase = true;
        } else {
            term.excluded = !m.captured(3).isEmpty();
            term.text = m.captured(4);
            term.prefix = term.text.endsWith(QLatin1Char('*'));
            while (term.text.endsWith(QLatin1Char('*')))
                term.text.chop(1);
        }
        // Keep letters and digits; the index's tokenizer splits at everything else.
        QString cleaned;
        for (const QChar c : std::as_const(term.text))
            cleaned += (c.isLetterOrNumber() || c == QLatin1Char(' ')) ? c : QLatin1Char(' ');
        term.text = cleaned.simplified();
        if (!term.text.isEmpty())
            terms << term;
    }
    return terms;
}

SearchMatcher::SearchMatcher(const QString &query)
    : SearchMatcher(parseSearchQuery(query))
{
}

SearchMatcher::SearchMatcher(const QList<SearchTerm> &terms)
{
    for (const SearchTerm &term : terms) {
        if (term.excluded)
            continue;
        QList<Word> words;
        const QStringList parts = term.text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const QString word = folded(parts.at(i));
            if (!word.isEmpty())
                words.append({word, term.prefix && i == parts.size() - 1});
        }
        if (!words.isEmpty())
            m_terms << words;
    }
}

bool SearchMatcher::wordMatches(QStringView token, const QString &foldedToken, const Word &word)
{
    if (foldedToken.isNull()) {
        // An ASCII token folds to itself in lower case: compare without building a string.
        if (token.front().toLower() != word.folded.front())
            return false;
        return word.prefix ? token.startsWith(word.folded, Qt::CaseInsensitive)
                           : token.compare(word.folded, Qt::CaseInsensitive) == 0;
    }
    return word.prefix ? foldedToken.startsWith(word.folded) : foldedToken == word.folded;
}

QList<SearchMatcher::Token> SearchMatcher::tokens(QStringView text) const
{
    QList<Token> tokens;
    QList<QString> foldedTokens; // null for an ASCII token
    for (qsizetype i = 0; i < text.size();) {
        qsizetype size = 1;
        if (!isTokenCharacter(codePointAt(text, i, &size))) {
            i += size;
            continue;
        }
        const qsizetype begin = i;
        while (i < text.size() && isTokenCharacter(codePointAt(text, i, &size)))
            i += size;
        tokens.append({begin, i});
        if (!m_terms.isEmpty()) {
            const QStringView token = text.mid(begin, i - begin);
            foldedTokens.append(isAscii(token) ? QString() : folded(token));
        }
    }
    if (m_terms.isEmpty())
        return tokens;
    for (qsizetype t = 0; t < tokens.size(); ++t) {
        if (tokens.at(t).term >= 0)
            continue; // already part of an earlier match
        for (int termIndex = 0; termIndex < m_terms.size(); ++termIndex) {
            const QList<Word> &words = m_terms.at(termIndex);
            if (t + words.size() > tokens.size())
                continue;
            bool all = true;
            for (qsizetype w = 0; w < words.size() && all; ++w) {
                const Token &token = tokens.at(t + w);
                all = token.term < 0
                    && wordMatches(text.mid(token.begin, token.end - token.begin),
                                   foldedTokens.at(t + w), words.at(w));
            }
            if (!all)
                continue;
            for (qsizetype w = 0; w < words.size(); ++w) {
                tokens[t + w].term = termIndex;
                tokens[t + w].first = w == 0;
            }
            break;
        }
    }
    return tokens;
}

QList<SearchMatcher::Span> SearchMatcher::matches(QStringView text) const
{
    QList<Span> spans;
    if (m_terms.isEmpty())
        return spans;
    const QList<Token> all = tokens(text);
    for (qsizetype t = 0; t < all.size(); ++t) {
        const Token &token = all.at(t);
        if (token.term < 0)
            continue;
        if (token.first || spans.isEmpty())
            spans.append({token.begin, token.end - token.begin});
        else
            spans.last().length = token.end - spans.last().start;
    }
    return spans;
}

} // namespace bulletin
