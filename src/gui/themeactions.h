#pragma once

#include <QObject>
#include <QPalette>

class QAction;
class QActionGroup;
class QMenu;
class QWidget;

namespace bulletin {

class AppSettings;

// View ▸ Theme: System, Light or Dark, one of them checked, kept in the settings
// (appearance/theme) and applied at once and at start. Light and Dark give the application
// the Fusion style and a palette of their own, so the window looks the same on any desktop;
// System puts back the style and palette the desktop gave, and follows the desktop from
// there. Everything the window colours itself derives from the palette (themecolours.h), and
// the widgets that draw with it (the banner, the reader's page, the list's markers) follow
// its PaletteChange, so a switch needs nothing else.
//
// The application's look is one for the process: the first explicit theme remembers the
// desktop's style and palette for System to put back.
class ThemeActions final : public QObject
{
    Q_OBJECT

public:
    enum class Theme {
        System,
        Light,
        Dark,
    };
    Q_ENUM(Theme)

    // Reads the theme from the settings and applies it. The menu is the caller's to place.
    ThemeActions(AppSettings &settings, QWidget *parent);

    QMenu *menu() const { return m_menu; }
    QAction *action(Theme theme) const;
    Theme theme() const { return m_theme; }
    // Applies the theme and remembers it.
    void setTheme(Theme theme);

    static QPalette lightPalette();
    static QPalette darkPalette();

private:
    static void apply(Theme theme);

    AppSettings &m_settings;
    QMenu *m_menu = nullptr;
    QActionGroup *m_group = nullptr;
    QAction *m_actions[3] = {};
    Theme m_theme = Theme::System;
};

} // namespace bulletin
