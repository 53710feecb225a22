#pragma once

#include "support/darkpalette.h"

#include <QApplication>
#include <QDir>
#include <QPalette>
#include <QString>
#include <QTest>
#include <QWidget>

#include <functional>

namespace bulletin::test {

// The screenshots the GUI tests save for a person to look at: set BULLETIN_SCREENSHOT_DIR to
// a folder and run a GUI test; without it no test grabs anything. No test compares pixels,
// so a screenshot is only ever looked at, never checked.

// The folder BULLETIN_SCREENSHOT_DIR names, created when missing; empty when it is unset.
inline QString screenshotDir()
{
    const QString dir = qEnvironmentVariable("BULLETIN_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QDir().mkpath(dir);
    return dir;
}

// Saves what `widget` shows as `fileName` in screenshotDir(). Does nothing, and returns true,
// when the variable is unset; false only when the file could not be written.
inline bool saveScreenshot(QWidget *widget, const QString &fileName)
{
    const QString dir = screenshotDir();
    return dir.isEmpty() || widget->grab().save(QDir(dir).filePath(fileName));
}

// The application under darkPalette() for as long as it lives; its destructor puts back the
// palette it found, also when a check on the way fails and returns early.
class DarkPaletteScope final
{
public:
    DarkPaletteScope()
        : m_original(QApplication::palette())
    {
        QApplication::setPalette(darkPalette());
        settle();
    }
    ~DarkPaletteScope() { QApplication::setPalette(m_original); }
    DarkPaletteScope(const DarkPaletteScope &) = delete;
    DarkPaletteScope &operator=(const DarkPaletteScope &) = delete;

    // Lets the widgets repaint after a palette change. A palette change reaches a widget as
    // posted events and its style sheets and documents are rebuilt on the way, with no signal
    // that all of it is done, so this is a short fixed wait: screenshots only, never a check.
    static void settle() { QTest::qWait(50); }

private:
    QPalette m_original;
};

// Saves `name`-light.png in the current palette and `name`-dark.png under darkPalette() in
// screenshotDir(), then puts the palette back. `whileDark`, when given, runs under the dark
// palette before its grab (a check of what the palette changed). Does nothing, and returns
// true, when the variable is unset; false when a file could not be written.
inline bool saveLightAndDark(QWidget *widget, const QString &name,
                             const std::function<void()> &whileDark = {})
{
    if (screenshotDir().isEmpty())
        return true;
    DarkPaletteScope::settle();
    if (!saveScreenshot(widget, name + QStringLiteral("-light.png")))
        return false;
    const DarkPaletteScope dark;
    if (whileDark) {
        whileDark();
        if (QTest::currentTestFailed())
            return false;
    }
    return saveScreenshot(widget, name + QStringLiteral("-dark.png"));
}

} // namespace bulletin::test
