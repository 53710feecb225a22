#pragma once

#include "core/feeds/capreader.h"
#include "core/feeds/parsedfeed.h"
#include "core/feeds/xmlcursor.h"

#include <QStringView>

#include <optional>

namespace bulletin {

// Shared by the XML feed readers: the namespaces they recognise and the state of the item
// being read (which source won each field, so precedence does not depend on order).

inline constexpr QStringView kAtom10 = u"http://www.w3.org/2005/Atom";
inline constexpr QStringView kAtom03 = u"http://purl.org/atom/ns#";
inline constexpr QStringView kRss10 = u"http://purl.org/rss/1.0/";
inline constexpr QStringView kRss090 = u"http://my.netscape.com/rdf/simple/0.9/";
inline constexpr QStringView kRdf = u"http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr QStringView kDc = u"http://purl.org/dc/elements/1.1/";
inline constexpr QStringView kDcTerms = u"http://purl.org/dc/terms/";
inline constexpr QStringView kContent = u"http://purl.org/rss/1.0/modules/content/";
inline constexpr QStringView kItunes = u"http://www.itunes.com/dtds/podcast-1.0.dtd";
inline constexpr QStringView kXhtml = u"http://www.w3.org/1999/xhtml";

inline bool isAtomNamespace(QStringView ns)
{
    return ns == kAtom10 || ns == kAtom03;
}

struct ItemState
{
    ParsedItem item;
    int summaryRank = 100; // which summary source won; lower is better
    int authorRank = 100;
    bool hasTitle = false;
    QString fallbackTitle; // dc:title / media:title when there is no <title>
    int fallbackTitleRank = 100;
    bool hasContent = false;
    bool hasRssLink = false;
    QString atomLink; // first alternate HTML link
    QString capLink; // first application/cap+xml link
    QString guid;
    QString guidBase; // the base in scope at the guid, should it be the link
    bool guidIsPermaLink = false;
    QString rawTitle; // the <title> text, for CAP entry identification
    std::optional<CapAlert> embedded;
    CapIndexBuilder index;
    std::optional<qint64> itunesDuration; // seconds, for the item's enclosure
};

// Appends the category with its white space collapsed, unless it is empty. The reader drops
// duplicates once the item is read (QStringList::removeDuplicates hashes, keeping the first
// of each): a list scan per category is quadratic, and one hostile item with 100,000
// categories would stall a refresh for half a minute.
void addCategory(QStringList &categories, const QString &category);
std::optional<qint64> parseLength(const QString &text);

// dc:, dcterms:, content:, xhtml:body, itunes: and media: elements of an item. Returns false
// when the element at the cursor is none of those (the cursor has not moved).
bool readExtensionElement(XmlCursor &cursor, ItemState &state);

} // namespace bulletin
