#pragma once

#include "core/feeds/feeditemstate.h"
#include "core/feeds/parsedfeed.h"
#include "core/feeds/xmlcursor.h"
#include "core/feeds/xmlinput.h"

namespace bulletin {

// Reads RSS 0.9x/2.0, RSS 1.0/0.90 (RDF), Atom 0.3/1.0 and CAP documents in one pass over
// prepared UTF-8 (see xmlinput.h). Keeps what it read before an XML error: items already
// read (and the one being read) are returned with wellFormed = false.
// One instance per document; not thread-safe, but instances are independent.
class XmlFeedReader final
{
public:
    // Takes the input's set-aside runs (each is let go of once read). documentUrl: where
    // the document came from, after redirects (see XmlCursor); empty when unknown.
    explicit XmlFeedReader(XmlInput &&input, const QString &documentUrl = {});

    FeedParseResult read();

private:
    enum class Dialect { Rss, Atom };

    void readRssChildren(ParsedFeed &feed);
    void readChannel(ParsedFeed &feed);
    void readAtomFeed(ParsedFeed &feed);
    bool readFeedElement(ParsedFeed &feed);
    void readItem(ParsedFeed &feed);
    void readItemElement(ItemState &state);
    bool readCoreRssElement(ItemState &state);
    bool readAtomElement(ItemState &state);
    void readAtomLink(ItemState &state);
    QString readAtomPersonName();
    // An Atom text construct: plain gets its plain text (an HTML or XHTML one's only when
    // plainOfHtml), html its HTML. True when it was written as HTML or XHTML.
    enum class PlainOfHtml { Wanted, NotWanted };
    bool readTextConstruct(QString *plain, QString *html,
                           PlainOfHtml plainOfHtml = PlainOfHtml::Wanted);

    bool isCore(QStringView ns) const;
    bool isAtom(QStringView ns) const;

    XmlCursor m_cursor;
    Dialect m_dialect = Dialect::Rss;
    QString m_rootNamespace;
    XmlCursor::ElementHook m_embeddedAlertHook; // set while an item is read
    bool m_atom03 = false;
};

} // namespace bulletin
