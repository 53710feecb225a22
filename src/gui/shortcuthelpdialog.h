#pragma once

#include <QDialog>

#include <memory>

class QAction;

namespace Ui {
class ShortcutHelpDialog;
}

namespace bulletin {

// Help ▸ Keyboard Shortcuts: every action with a configurable shortcut, one row each in the
// order given, with the keys the user has now (a user's own shortcuts, not the defaults).
// The form is ui/shortcuthelpdialog.ui; the rows are filled in once, when it opens.
// "Change…" closes it and asks for Preferences, where shortcuts are set.
class ShortcutHelpDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutHelpDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);
    ~ShortcutHelpDialog() override;

signals:
    // The user asked to change the shortcuts; the dialog has closed.
    void changeRequested();

private:
    std::unique_ptr<Ui::ShortcutHelpDialog> m_ui;
};

} // namespace bulletin
