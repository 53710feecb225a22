#pragma once

#include <QObject>
#include <QUrl>

class QWidget;

namespace bulletin {

// Opens links from articles in the user's browser (QDesktopServices), for http, https and
// mailto only: a feed can put any scheme in a link (file:, javascript:, custom handlers
// registered by other programs), and a click in a news article must not reach those.
//
// A link the reader flagged as deceptive (its text names another site, a look-alike host,
// hidden user info) is opened only after the user confirms, in a dialog that shows where
// it really goes; Cancel is the default.
class LinkOpener final : public QObject
{
    Q_OBJECT

public:
    explicit LinkOpener(QWidget *dialogParent = nullptr, QObject *parent = nullptr);

    static bool isAllowed(const QUrl &url);
    // Returns whether the link was handed to the desktop.
    bool open(const QUrl &url);
    // Like open(), but with a warning (non-empty) asks the user first.
    bool openChecked(const QUrl &url, const QString &warning);

signals:
    void statusMessage(const QString &message);

private:
    QWidget *m_dialogParent = nullptr;
};

} // namespace bulletin
