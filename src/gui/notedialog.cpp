#include "gui/notedialog.h"

#include "core/html/htmlreferences.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace bulletin {

NoteDialog::NoteDialog(const QString &headline, const QString &note, QWidget *parent)
    : QDialog(parent)
    , m_edit(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Bookmark Note"));
    auto *label = new QLabel(tr("Note for “%1”:").arg(escapeHtml(headline)), this);
    label->setWordWrap(true);
    label->setBuddy(m_edit);
    m_edit->setPlainText(note);
    m_edit->setAccessibleName(tr("Note"));
    m_edit->setTabChangesFocus(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setAccessibleName(tr("Dialog buttons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_edit);
    layout->addWidget(buttons);
    resize(420, 220);
}

QString NoteDialog::note() const
{
    return m_edit->toPlainText().trimmed();
}

} // namespace bulletin
