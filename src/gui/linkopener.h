#pragma once

#include <QObject>
#include <QUrl>

namespace bulletin {

// Opens links from articles in the user's browser (QDesktopServices), for http, https and
// mailto only: a feed can put any scheme in a link (file:, javascript:, custom handlers
// registered by other programs), and a click in a news article must not reach those.
class LinkOpener final : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    static bool isAllowed(const QUrl &url);
    // Returns whether the link was handed to the desktop.
    bool open(const QUrl &url);

signals:
    void statusMessage(const QString &message);
};

} // namespace bulletin
