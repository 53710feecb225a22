#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

namespace bulletin {

// Whether XML allows the character in a document (its Char production).
bool isXmlChar(char32_t c);

// A run of character data taken out of the document before the XML reader sees it (see
// XmlInput::setAside): its characters, and the line breaks its marker is followed by.
// Kept as UTF-8, half the size of a QString of it, until the cursor reads it.
struct SetAsideText
{
    QByteArray utf8;
    int lineBreaks = 0;
    bool cut = false; // longer than kMaxTextChars: utf8 is its start and the cut notice
};

// The last step of prepareXmlInput() (xmlinput.h), on repaired UTF-8: each run of
// character data that is long or holds references is decoded here and replaced by a marker
// (U+E000, its index in *runs, U+E001, then the run's line breaks); long CDATA sections
// are set aside the same way. A run longer than kMaxTextChars (inputlimits.h) characters
// is cut there (and decoded only as far as that needs). Returns the input itself when nothing was
// set aside.
QByteArray setAsideTextRuns(const QByteArray &in, QList<SetAsideText> *runs);

// Character data as the XML reader reported it for prepared input, with each marker put
// back to the run it stands for, up to kMaxTextChars characters. *cut (when given) is set
// when one of those runs was cut, or the runs together were longer than that.
QString expandSetAsideText(QStringView text, const QList<SetAsideText> &runs, bool *cut = nullptr);
// The same, letting go of each run it puts back: each run's marker is in the document
// once, and the reader reads each piece of character data once.
QString takeSetAsideText(QStringView text, QList<SetAsideText> &runs, bool *cut = nullptr);

} // namespace bulletin
