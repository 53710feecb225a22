#pragma once

#include <QDialog>

class QPlainTextEdit;

namespace bulletin {

// Asks for a bookmark's note: a few lines of the user's own text, shown with the bookmark and
// exported with it.
class NoteDialog final : public QDialog
{
    Q_OBJECT

public:
    NoteDialog(const QString &headline, const QString &note, QWidget *parent = nullptr);

    QString note() const;

private:
    QPlainTextEdit *m_edit = nullptr;
};

} // namespace bulletin
