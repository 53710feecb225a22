#include "gui/dialogstatus.h"

#include <QLabel>

namespace bulletin {

void showDialogProgress(QLabel *status, const QString &message)
{
    status->setStyleSheet(QString());
    status->setText(message);
    status->show();
}

void showDialogError(QLabel *status, const QString &message)
{
    status->setStyleSheet(QStringLiteral("color: white; background-color: #b3261e; padding: 6px; "
                                         "border-radius: 3px;"));
    status->setText(message);
    status->show();
}

} // namespace bulletin
