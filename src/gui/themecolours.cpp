#include "gui/themecolours.h"

#include <QtMath>

namespace bulletin {

namespace {

// Severity hues, saturated enough to tell apart as a border on light and dark bases alike.
const QColor kSevere(0xd3, 0x2f, 0x2f);
const QColor kModerate(0xe6, 0x7e, 0x22);
const QColor kMinor(0xd4, 0xac, 0x0d);
const QColor kNote(0x4a, 0x7b, 0xc0);

double channel(double c)
{
    return c <= 0.03928 ? c / 12.92 : qPow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &colour)
{
    const QColor rgb = colour.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF())
        + 0.0722 * channel(rgb.blueF());
}

QColor mix(const QColor &from, const QColor &to, double amount)
{
    const auto step = [amount](int a, int b) { return qRound(a + (b - a) * amount); };
    return QColor(step(from.red(), to.red()), step(from.green(), to.green()),
                  step(from.blue(), to.blue()));
}

bool isDark(const QColor &colour)
{
    return luminance(colour) < 0.18;
}

AdvisoryColours tinted(const QColor &hue, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    // A light tint on a light base; on a dark base more of the hue shows, as the eye sees
    // less of it there.
    const QColor background = mix(base, hue, isDark(base) ? 0.28 : 0.16);
    const QColor border = isDark(base) ? mix(hue, Qt::white, 0.15) : mix(hue, Qt::black, 0.1);
    const QColor text = legibleOn(background, palette.color(QPalette::Text), 7.0);
    return {background.name(), border.name(), text.name()};
}

} // namespace

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor legibleOn(const QColor &background, const QColor &text, double minimum)
{
    if (contrastRatio(background, text) >= minimum)
        return text;
    // Towards whichever end contrasts more with the background, in small steps.
    const QColor end = contrastRatio(background, Qt::black) > contrastRatio(background, Qt::white)
        ? QColor(Qt::black)
        : QColor(Qt::white);
    for (int i = 1; i <= 20; ++i) {
        const QColor candidate = mix(text, end, i / 20.0);
        if (contrastRatio(background, candidate) >= minimum)
            return candidate;
    }
    return end;
}

AdvisoryColours advisoryColours(const QString &severity, const QPalette &palette)
{
    const QString s = severity.toLower();
    if (s == QLatin1String("extreme") || s == QLatin1String("severe"))
        return tinted(kSevere, palette);
    if (s == QLatin1String("moderate"))
        return tinted(kModerate, palette);
    return tinted(kMinor, palette);
}

PageColours pageColours(const QPalette &palette)
{
    PageColours colours;
    colours.severe = tinted(kSevere, palette);
    colours.moderate = tinted(kModerate, palette);
    colours.minor = tinted(kMinor, palette);
    const AdvisoryColours note = tinted(kNote, palette);
    colours.noteBackground = note.background;
    colours.noteBorder = note.border;
    colours.noteText = note.text;
    return colours;
}

} // namespace bulletin
