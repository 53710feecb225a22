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
struct SetAsideText
{
    QString text;
    int lineBreaks = 0;
};

// The last step of prepareXmlInput() (xmlinput.h), on repaired UTF-8: each run of
// character data that is long or holds references is decoded here and replaced by a marker
// (U+E000, its index in *runs, U+E001, then the run's line breaks). Returns the input
// itself when nothing was set aside.
QByteArray setAsideTextRuns(const QByteArray &in, QList<SetAsideText> *runs);

// Character data as the XML reader reported it for prepared input, with each marker put
// back to the run it stands for.
QString expandSetAsideText(QStringView text, const QList<SetAsideText> &runs);

} // namespace bulletin
