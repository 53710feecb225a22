#pragma once

#include "services/storypage.h"

#include <QColor>
#include <QPalette>

namespace bulletin {

// The colours the window draws itself (the advisory banner, the reader's advisory box and
// note, the list's markers), worked out from a palette rather than picked for "light" and
// "dark": a desktop's palette can be anything, and a fixed set meant for a light window was
// illegible on a dark one. Each text colour is the palette's own where that is legible on the
// tinted background, and moved towards black or white until it reaches WCAG's 4.5:1 where not.

// WCAG 2's contrast ratio of two colours, 1 to 21.
double contrastRatio(const QColor &a, const QColor &b);

// `text` if it reads on `background` at `minimum` or better, else the nearest colour towards
// black or white that does.
QColor legibleOn(const QColor &background, const QColor &text, double minimum = 4.5);

// An advisory's colours by severity (Extreme/Severe red, Moderate orange, else yellow): the
// palette's base tinted with the severity's hue, its border in that hue, the palette's text.
AdvisoryColours advisoryColours(const QString &severity, const QPalette &palette);

// Everything the reader's page colours itself, from the reader's palette.
PageColours pageColours(const QPalette &palette);

} // namespace bulletin
