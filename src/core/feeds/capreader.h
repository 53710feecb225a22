#pragma once

#include "core/feeds/parsedfeed.h"
#include "core/feeds/xmlcursor.h"

namespace bulletin {

// Reading OASIS CAP 1.1/1.2 (Common Alerting Protocol) from an XmlCursor: bare <alert>
// documents, alerts embedded in feed entries, and the "index" elements (cap:event,
// cap:expires...) that NWS and Krisinformation.se put directly in Atom entries.
// CAP text is plain text: white space is collapsed and nothing is HTML-decoded.

bool isCapNamespace(QStringView uri);

// The cursor is on an <alert> start element; reads up to its end.
CapAlert readCapAlert(XmlCursor &cursor);

// Collects cap: children of a feed entry (see the CAP corpus README, carried "index").
class CapIndexBuilder final
{
public:
    // The cursor is on a CAP-namespace start element that is a direct child of an entry;
    // reads it to its end.
    void readElement(XmlCursor &cursor);
    bool isEmpty() const { return !m_any; }
    CapAlert alert() const;

private:
    CapAlert m_alert;
    CapInfo m_info;
    bool m_any = false;
    bool m_hasInfo = false;
};

} // namespace bulletin
