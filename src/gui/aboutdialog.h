#pragma once

#include "services/aboutinfo.h"

#include <QDialog>

class QLabel;

namespace bulletin {

// Help › About Bulletin: what this Bulletin is, the versions it runs with, where its cache
// is and how large, and its licence. The details can be copied for a bug report.
class AboutDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(const AboutInfo &info, QWidget *parent = nullptr);

    // The details as plain text, one "Name: value" a line (what Copy puts on the clipboard).
    QString detailsText() const;

private:
    AboutInfo m_info;
};

} // namespace bulletin
