#pragma once

#include <QList>
#include <QObject>
#include <QUrl>

namespace bulletin::test {

// Stands in for the user's browser in window tests: register it for a scheme with
// QDesktopServices::setUrlHandler(scheme, &catcher, "open") and read what was opened.
class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void open(const QUrl &url) { urls << url; }
};

} // namespace bulletin::test
