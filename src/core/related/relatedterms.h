#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace bulletin {

// One word of a headline as related-coverage scoring sees it.
struct RelatedTerm
{
    QString surface; // as SQLite's unicode61 tokenizer indexes it (lower case, no diacritics)
    QString stem; // the surface with light plural stemming; terms match on this
    bool name = false; // written like a proper noun or an acronym
};

// The distinct non-stop-word terms of a headline, in order of first appearance.
//
// Tokens are split exactly where FTS5's unicode61 tokenizer splits them (any character that
// is not a letter or digit), so a surface form can be looked up in the title index as is.
// HTML entities left in headlines by their publishers ("Apple&#39;s") are decoded first.
//
// A token counts as a name when it is an acronym ("NASA", "GM") or capitalised inside a
// headline written in sentence case. In Title Case headlines every word is capitalised, so
// there capitalisation says nothing and only acronyms count.
QList<RelatedTerm> headlineTerms(QStringView title);

// Distinct stems of body text (its first maxChars characters), stop words dropped.
QStringList textStems(QStringView text, int maxChars = 1500);

// A key under which syndicated copies of one headline compare equal: case, punctuation,
// entities and spacing are ignored.
QString syndicationKey(QStringView title);

bool isRelatedStopWord(QStringView lowerWord);
QString lightStem(const QString &lowerWord);

} // namespace bulletin
