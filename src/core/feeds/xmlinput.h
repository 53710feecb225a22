#pragma once

#include "core/feeds/xmltext.h"

#include <QByteArray>
#include <QString>

namespace bulletin {

// Turns the bytes of an XML feed into UTF-8 that QXmlStreamReader can read to the end in
// the common broken cases, without a DOM and without touching well-formed UTF-8 input
// (the fast path returns the same bytes, shared, not copied).
//
// Encoding, in order: byte-order mark; the caller's hint (the HTTP charset); UTF-16/32
// detected from the first bytes; the XML declaration; UTF-8. Input transcoded from another
// encoding loses its XML declaration, so the reader does not decode it a second time.
// "UTF-8" that is not valid UTF-8 keeps its valid sequences and reads the other bytes as
// Windows-1252 (mislabelled feeds from Windows tools; the same mapping HTML5 uses for
// ISO-8859-1 labels).
//
// Entities: HTML named references that XML does not know (&eacute;, &nbsp;) become numeric
// references, a bare '&' becomes &amp;, numeric references to characters XML forbids become
// U+FFFD. CDATA sections, comments and the DOCTYPE are left alone; entities that the
// document's internal subset declares are left for the reader (which never fetches external
// ones), unless the references to them would expand to more than kMaxEntityExpansion
// characters in all: then `error` says so and the document is not read.
struct XmlInput
{
    QByteArray utf8;
    QString encoding; // the encoding the bytes were read as
    bool repaired = false; // entities or bytes were rewritten
    // Long runs of character data, and runs with references, decoded here: utf8 holds a
    // marker in each one's place (U+E000, its index, U+E001), which expandSetAsideText()
    // turns back into the run. QXmlStreamReader reads character data one character at a
    // time; this takes most of a feed's kilobytes of HTML out of its way.
    QList<SetAsideText> setAside;
    QString error; // set when the document must not be read at all (utf8 is then empty)
};

// The most characters the references to a document's own entity declarations may expand
// to, all together: QXmlStreamReader bounds one entity's expansion, not how often it is used.
constexpr qint64 kMaxEntityExpansion = 2'000'000;

XmlInput prepareXmlInput(const QByteArray &bytes, const QString &charsetHint = {});

// Exposed for tests: the encoding detection step alone.
QString detectXmlEncoding(const QByteArray &bytes, const QString &charsetHint = {});

} // namespace bulletin
