#pragma once

#include "core/article.h"
#include "core/html/htmlsanitizer.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace bulletin {

// The user's advisory settings: the section headings that start an advisory inside an
// article's text, and keyword rules that turn matching stories into advisories. A feed
// marked as an alert source (FeedRecord::alertSource) turns each of its stories into one.
//
// Pure value type and pure functions; QtCore only. Stored by services/advisorysettings.
struct AdvisoryRules
{
    QStringList keywords; // words or phrases, matched case-insensitively as whole words
    QStringList headings = defaultHeadings(); // section headings, matched case-insensitively

    static QStringList defaultHeadings();
    bool operator==(const AdvisoryRules &other) const = default;
};

// "Public Advisory:" -> "public advisory": lower case, trimmed, trailing colons dropped.
QString normalisedAdvisoryHeading(const QString &heading);

// True when the heading (as written in the article) is one of the given headings.
bool isAdvisoryHeading(const QString &heading, const QStringList &headings);

// isAdvisoryHeading() for many blocks against the same headings: they are normalised once,
// and a block too long to be any of them is turned down before it is normalised (most
// blocks of a story are paragraphs, not headings).
class AdvisoryHeadingMatcher
{
public:
    explicit AdvisoryHeadingMatcher(const QStringList &headings);
    bool isEmpty() const { return m_headings.isEmpty(); }
    bool matches(QStringView block) const;

private:
    QStringList m_headings; // normalised, none empty
    qsizetype m_longest = 0;
};

// The first keyword found in the text as a whole word or phrase (case-insensitive; the
// words of a phrase may be separated by any white space), or an empty string. A keyword
// never matches inside a longer word: "flood" does not match "floodlight".
QString matchingKeyword(const QString &text, const QStringList &keywords);

// A short plain-text summary of a story: the first paragraph of its text, cut at a word
// boundary near 300 characters.
QString storySummary(const Article &article);

// The advisory a user rule gives the story, or nothing. A story that already has an
// advisory of its own (CAP or article section) keeps it: rules never override it, and then
// this returns nullopt. Headline-only stories get none (there is nothing to warn with).
// - alertSourceFeed: every story of the feed becomes an advisory (headline = title, text =
//   summary, issuer = feedTitle).
// - keywords: a story whose title or summary (first paragraph) contains a keyword becomes an
//   advisory whose text says which rule matched.
// Severity is "Unknown" unless the text says so (see severityFromText).
std::optional<Advisory> applyRules(const Article &article, const AdvisoryRules &rules,
                                   bool alertSourceFeed, const QString &feedTitle);

// The severity a text states ("Severity: Extreme/Severe/Moderate/Minor", any case, also with
// a dash), or "Unknown".
QString severityFromText(const QString &text);

// The advisory of an article section: its heading and its paragraphs, origin "section",
// status "active". A paragraph that only states the severity ("Severity: Severe") sets it
// and is left out of the text (the banner shows the severity); otherwise the severity is
// read from the text, "Unknown" when it states none.
Advisory sectionAdvisory(const QString &heading, const QStringList &paragraphs,
                         const QString &issuer);

// An advisory section in plain text made of blocks separated by blank lines (the text the
// HTML sanitiser gives a feed item): a block that is exactly one of the headings starts the
// section, and the blocks after it are its text, up to the next section. Where the section
// ends:
// - with the item's HTML, when the heading is a heading element (<h3>Public Advisory</h3>):
//   at the next heading element of the same or a higher rank; paragraphs are text whatever
//   their length or punctuation;
// - otherwise (no HTML, or a heading written as <p> or <strong>): at the next heading
//   element or heading-shaped block (see looksLikeHeading), but never at the first block,
//   which is the section's text even when it is short and has no full stop.
// A "Severity: X" block sets the severity (see sectionAdvisory) and never ends the section.
// Returns nullopt when no heading is found or the section is empty. The HTML is read only
// when the text has a heading, so the many stories without one cost one pass over the text.
std::optional<Advisory> advisoryFromTextSections(const QString &text, const QStringList &headings,
                                                 const QString &issuer);
// The same, for the many stories of a feed against the same headings.
std::optional<Advisory> advisoryFromTextSections(const QString &text,
                                                 const AdvisoryHeadingMatcher &headings,
                                                 const QString &issuer, QStringView html = {});

// An advisory section and where it is in the text it was found in: from the first character
// of its heading to the last of its last block.
struct AdvisorySection
{
    Advisory advisory;
    qsizetype start = 0;
    qsizetype end = 0;
};

// advisoryFromTextSections(), with where the section is in the text.
std::optional<AdvisorySection> findAdvisorySection(const QString &text,
                                                   const AdvisoryHeadingMatcher &headings,
                                                   const QString &issuer, QStringView html = {});

// The advisory section of a story from a feed, taken out of its body: the reader shows it
// in the banner, so article.html loses the markup of the section (htmlWithoutText) and
// keeps everything else, as a plain-text import leaves the section out of the body it
// writes. article.text must be sanitizeHtml(article.html, options).text; it keeps the
// section, so search still finds it. Returns nullopt, and changes nothing, when the text
// has no advisory section.
std::optional<Advisory> takeAdvisorySection(Article &article,
                                            const AdvisoryHeadingMatcher &headings,
                                            const QString &issuer, const SanitizeOptions &options);

} // namespace bulletin
