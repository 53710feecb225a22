#include "gui/themeactions.h"

#include "gui/appsettings.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QStyle>
#include <QStyleFactory>

namespace bulletin {

namespace {

const char *const kNames[] = {"system", "light", "dark"};

// What the desktop gave, kept when an explicit theme first replaces it.
struct DesktopLook
{
    bool replaced = false;
    QString style;
    QPalette palette;
};

DesktopLook &desktopLook()
{
    static DesktopLook look;
    return look;
}

// The roles Fusion and the window read, and the disabled text read rows are drawn in: grey,
// yet at 4.5:1 on the list's base.
QPalette makePalette(const QColor &window, const QColor &base, const QColor &alternate,
                     const QColor &text, const QColor &button, const QColor &disabled,
                     const QColor &link, const QColor &visited, const QColor &placeholder)
{
    QPalette p(button, window);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, alternate);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::ToolTipBase, button);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, link);
    p.setColor(QPalette::LinkVisited, visited);
    p.setColor(QPalette::PlaceholderText, placeholder);
    for (const QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, disabled);
    return p;
}

} // namespace

ThemeActions::ThemeActions(AppSettings &settings, QWidget *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_menu(new QMenu(tr("&Theme"), parent))
    , m_group(new QActionGroup(this))
{
    m_menu->setObjectName(QStringLiteral("themeMenu"));
    const QString texts[] = {tr("&System"), tr("&Light"), tr("&Dark")};
    const QString tips[] = {tr("Follow the desktop's colours"),
                            tr("Dark text on light backgrounds, whatever the desktop"),
                            tr("Light text on dark backgrounds, whatever the desktop")};
    for (int i = 0; i < 3; ++i) {
        auto *action = new QAction(texts[i], m_group);
        action->setObjectName(QStringLiteral("theme") + QString::fromLatin1(kNames[i]));
        action->setCheckable(true);
        action->setToolTip(tips[i]);
        action->setStatusTip(tips[i]);
        m_menu->addAction(action);
        m_actions[i] = action;
        const Theme theme = Theme(i);
        connect(action, &QAction::triggered, this, [this, theme] { setTheme(theme); });
    }
    m_group->setExclusive(true);

    const QString stored = settings.theme();
    for (int i = 0; i < 3; ++i) {
        if (stored == QLatin1String(kNames[i]))
            m_theme = Theme(i);
    }
    action(m_theme)->setChecked(true);
    apply(m_theme);
}

QAction *ThemeActions::action(Theme theme) const
{
    return m_actions[int(theme)];
}

void ThemeActions::setTheme(Theme theme)
{
    m_theme = theme;
    action(theme)->setChecked(true);
    m_settings.setTheme(QString::fromLatin1(kNames[int(theme)]));
    apply(theme);
}

void ThemeActions::apply(Theme theme)
{
    DesktopLook &desktop = desktopLook();
    if (theme == Theme::System) {
        if (!desktop.replaced)
            return; // the desktop's look is still the application's
        QApplication::setStyle(desktop.style);
        QApplication::setPalette(desktop.palette);
        desktop.replaced = false;
        return;
    }
    if (!desktop.replaced) {
        desktop.style = QApplication::style()->name();
        desktop.palette = QApplication::palette();
        desktop.replaced = true;
    }
    if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(theme == Theme::Dark ? darkPalette() : lightPalette());
}

QPalette ThemeActions::lightPalette()
{
    return makePalette(QColor(0xef, 0xef, 0xef), Qt::white, QColor(0xf5, 0xf5, 0xf5),
                       QColor(0x1a, 0x1a, 0x1a), QColor(0xe6, 0xe6, 0xe6), QColor(0x76, 0x76, 0x76),
                       QColor(0x1a, 0x55, 0xc4), QColor(0x6a, 0x3f, 0xb5),
                       QColor(0x6e, 0x6e, 0x6e));
}

QPalette ThemeActions::darkPalette()
{
    return makePalette(QColor(0x2b, 0x2d, 0x30), QColor(0x1e, 0x1f, 0x22), QColor(0x26, 0x28, 0x2b),
                       QColor(0xe6, 0xe6, 0xe6), QColor(0x3a, 0x3d, 0x41), QColor(0x8c, 0x8c, 0x8c),
                       QColor(0x8a, 0xb4, 0xf8), QColor(0xc5, 0x8a, 0xf9),
                       QColor(0x9a, 0x9a, 0x9a));
}

} // namespace bulletin
