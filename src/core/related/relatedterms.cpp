#include "core/related/relatedterms.h"

#include "core/html/htmltext.h"

#include <QSet>

#include <algorithm>
#include <array>
#include <string_view>

namespace bulletin {

namespace {

// Function words and headline filler that say nothing about which event a story covers.
// Kept short on purpose: words such as "new" or "report" still help when they are rare,
// and the idf weighting takes care of the rest.
constexpr std::array<std::string_view, 94> kStopWords = {
    "a",    "about",  "after", "against", "all",    "also",  "amid",  "an",   "and",  "are",
    "as",   "at",     "be",    "been",    "before", "being", "but",   "by",   "can",  "could",
    "did",  "do",     "does",  "down",    "for",    "from",  "had",   "has",  "have", "he",
    "her",  "his",    "how",   "i",       "if",     "in",    "into",  "is",   "it",   "its",
    "just", "may",    "me",    "more",    "most",   "my",    "new",   "no",   "not",  "of",
    "off",  "on",     "or",    "our",     "out",    "over",  "s",     "said", "say",  "says",
    "she",  "should", "so",    "than",    "that",   "the",   "their", "them", "then", "these",
    "they", "this",   "those", "to",      "too",    "up",    "us",    "very", "via",  "vs",
    "was",  "we",     "were",  "what",    "when",   "where", "which", "who",  "why",  "will",
    "with", "would",  "you",   "your"};
// Sorted, so that a word is looked up by binary search: scoring looks up every word of the
// text of hundreds of candidates per story.
static_assert(std::is_sorted(kStopWords.begin(), kStopWords.end()));
constexpr qsizetype kLongestStopWord = qsizetype(
    std::max_element(kStopWords.begin(), kStopWords.end(),
                     [](std::string_view a, std::string_view b) { return a.size() < b.size(); })
        ->size());

struct Token
{
    QString lower;
    bool capitalised = false;
    bool acronym = false;
    bool alpha = false;
};

QString foldDiacritics(const QString &word)
{
    bool ascii = true;
    for (QChar c : word)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii)
        return word;
    QString out;
    const QString decomposed = word.normalized(QString::NormalizationForm_KD);
    out.reserve(decomposed.size());
    for (QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing && c.category() != QChar::Mark_SpacingCombining
            && c.category() != QChar::Mark_Enclosing)
            out.append(c);
    }
    return out;
}

// Splits like unicode61: runs of letters and digits are tokens, everything else separates.
QList<Token> tokens(QStringView text)
{
    QList<Token> out;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && !text[i].isLetterOrNumber())
            ++i;
        const qsizetype start = i;
        while (i < n && text[i].isLetterOrNumber())
            ++i;
        if (i == start)
            continue;
        const QStringView word = text.mid(start, i - start);
        Token t;
        t.lower = foldDiacritics(word.toString().toLower());
        t.alpha = word[0].isLetter();
        t.capitalised = word[0].isUpper();
        int upper = 0;
        for (QChar c : word)
            upper += c.isUpper() ? 1 : 0;
        t.acronym = word.size() >= 2 && upper == word.size();
        out.append(t);
    }
    return out;
}

} // namespace

bool isRelatedStopWord(QStringView lowerWord)
{
    if (lowerWord.isEmpty() || lowerWord.size() > kLongestStopWord)
        return false;
    const auto latin = [](std::string_view w) {
        return QLatin1String(w.data(), qsizetype(w.size()));
    };
    const auto it = std::lower_bound(
        kStopWords.begin(), kStopWords.end(), lowerWord,
        [&](std::string_view w, QStringView word) { return word.compare(latin(w)) > 0; });
    return it != kStopWords.end() && lowerWord == latin(*it);
}

QString lightStem(const QString &w)
{
    // Plurals only: "shares"/"share", "companies"/"company". Anything heavier (Porter)
    // merges names ("Sims", "Ross") more often than it helps on headlines.
    if (w.size() > 4 && w.endsWith(QLatin1String("ies")))
        return w.left(w.size() - 3) + QLatin1Char('y');
    if (w.size() > 3 && w.endsWith(QLatin1Char('s')) && !w.endsWith(QLatin1String("ss"))
        && !w.endsWith(QLatin1String("us")) && !w.endsWith(QLatin1String("is")))
        return w.left(w.size() - 1);
    return w;
}

QList<RelatedTerm> headlineTerms(QStringView title)
{
    const QString decoded = decodeHtmlCharacterReferences(title);
    const QList<Token> all = tokens(decoded);

    int words = 0;
    int capitalised = 0;
    for (const Token &t : all) {
        if (!t.alpha || isRelatedStopWord(t.lower))
            continue;
        ++words;
        capitalised += t.capitalised ? 1 : 0;
    }
    const bool titleCase = words > 0 && capitalised * 10 >= words * 7;

    QList<RelatedTerm> out;
    QSet<QString> seen;
    for (qsizetype i = 0; i < all.size(); ++i) {
        const Token &t = all[i];
        if (isRelatedStopWord(t.lower) || (t.lower.size() < 2 && t.alpha))
            continue;
        RelatedTerm term;
        term.surface = t.lower;
        term.stem = lightStem(t.lower);
        term.name = t.acronym || (!titleCase && i > 0 && t.capitalised);
        if (seen.contains(term.stem)) {
            // The same word twice: keep the first, but remember it was written as a name.
            for (RelatedTerm &e : out)
                if (e.stem == term.stem)
                    e.name = e.name || term.name;
            continue;
        }
        seen.insert(term.stem);
        out.append(term);
    }
    return out;
}

QStringList textStems(QStringView text, int maxChars)
{
    QStringList out;
    QSet<QString> seen;
    for (const Token &t : tokens(text.left(maxChars))) {
        if (t.lower.size() < 3 || isRelatedStopWord(t.lower))
            continue;
        const QString stem = lightStem(t.lower);
        if (!seen.contains(stem)) {
            seen.insert(stem);
            out.append(stem);
        }
    }
    return out;
}

QString syndicationKey(QStringView title)
{
    QStringList words;
    for (const Token &t : tokens(decodeHtmlCharacterReferences(title)))
        words.append(t.lower);
    return words.join(QLatin1Char(' '));
}

} // namespace bulletin
