#include "gui/shortcuthelpdialog.h"

#include "gui/actionname.h"
#include "ui_shortcuthelpdialog.h"

#include <QAction>
#include <QHeaderView>
#include <QPushButton>

namespace bulletin {

ShortcutHelpDialog::ShortcutHelpDialog(const QList<QAction *> &actions, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ShortcutHelpDialog>())
{
    m_ui->setupUi(this);
    QTableWidget *table = m_ui->shortcutTable;
    table->setRowCount(int(actions.size()));
    for (int row = 0; row < actions.size(); ++row) {
        const QString name = listedActionName(actions.at(row));
        QStringList keys;
        for (const QKeySequence &key : actions.at(row)->shortcuts())
            keys << key.toString(QKeySequence::NativeText);
        table->setItem(row, 0, new QTableWidgetItem(name));
        table->setItem(row, 1, new QTableWidgetItem(keys.join(tr(", "))));
    }
    // Designer sets no per-column resize mode: the names take the room, the keys what they need.
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto *change = m_ui->buttons->addButton(tr("&Change\u2026"), QDialogButtonBox::ActionRole);
    connect(change, &QPushButton::clicked, this, [this] {
        reject();
        emit changeRequested();
    });
}

ShortcutHelpDialog::~ShortcutHelpDialog() = default;

} // namespace bulletin
