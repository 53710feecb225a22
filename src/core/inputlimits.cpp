#include "core/inputlimits.h"

#include <QLocale>

namespace bulletin {

namespace {

// A tag or reference split by the cut is looked for this far back; anything longer is
// not a tag the reader would keep anyway.
constexpr qsizetype kTailLookBack = 4096;

// Counts in messages read "2,000,000", whatever the user's locale: messages are English.
QLocale messageLocale()
{
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

QString limitInWords()
{
    return formatCount(kMaxTextChars);
}

} // namespace

QString textCutNotice()
{
    return QStringLiteral(
               " [\u2026 Bulletin cut the rest of this text: it is longer than %1 characters.]")
        .arg(limitInWords());
}

bool capText(QString &text)
{
    if (text.size() <= kMaxTextChars)
        return false;
    text.truncate(kMaxTextChars);
    endCutText(text);
    return true;
}

void endCutText(QString &text)
{
    if (!text.isEmpty() && text.back().isHighSurrogate())
        text.chop(1);
    const qsizetype from = qMax<qsizetype>(0, text.size() - kTailLookBack);
    const QStringView tail = QStringView(text).sliced(from);
    const qsizetype lt = tail.lastIndexOf(QLatin1Char('<'));
    if (lt >= 0 && tail.indexOf(QLatin1Char('>'), lt) < 0)
        text.truncate(from + lt);
    const qsizetype ampFrom = qMax<qsizetype>(0, text.size() - 12);
    const qsizetype amp = QStringView(text).sliced(ampFrom).lastIndexOf(QLatin1Char('&'));
    if (amp >= 0 && text.indexOf(QLatin1Char(';'), ampFrom + amp) < 0)
        text.truncate(ampFrom + amp);
    text += textCutNotice();
}

QString textsCutMessage(int count)
{
    if (count == 1)
        return QStringLiteral("1 text longer than %1 characters was cut").arg(limitInWords());
    return QStringLiteral("%1 texts longer than %2 characters were cut")
        .arg(formatCount(count), limitInWords());
}

qsizetype utf8PrefixFor(QByteArrayView utf8, qsizetype units)
{
    qsizetype decoded = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = uchar(utf8[i]);
        if ((c & 0xC0) == 0x80)
            continue;
        decoded += c >= 0xF0 ? 2 : 1;
        if (decoded > units)
            return i;
    }
    return utf8.size();
}

QString formatCount(qint64 count)
{
    return messageLocale().toString(count);
}

} // namespace bulletin
