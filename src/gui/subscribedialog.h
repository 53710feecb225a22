#pragma once

#include "services/subscriptionservice.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;

namespace bulletin {

// Asks for a subscription: the address of a feed or of a web page that announces one, the
// folder (an existing path or a new one, "News/Europe") and an optional title.
class SubscribeDialog final : public QDialog
{
    Q_OBJECT

public:
    SubscribeDialog(const QStringList &folderPaths, const QString &folder, QWidget *parent = nullptr);

    SubscriptionService::Request request() const;

private:
    void updateOk();

    QLineEdit *m_url = nullptr;
    QComboBox *m_folder = nullptr;
    QLineEdit *m_title = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

// "News/Europe" as {"News", "Europe"}, empty parts dropped.
QStringList splitFolderPath(const QString &path);

} // namespace bulletin
