#include "gui/linkopener.h"

#include <QDesktopServices>
#include <QMessageBox>
#include <QPushButton>

namespace bulletin {

LinkOpener::LinkOpener(QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_dialogParent(dialogParent)
{
}

bool LinkOpener::openChecked(const QUrl &url, const QString &warning)
{
    if (warning.isEmpty() || !isAllowed(url))
        return open(url);
    QMessageBox box(QMessageBox::Warning, tr("Suspicious Link"),
                    tr("This link may not go where it seems to."), QMessageBox::NoButton,
                    m_dialogParent);
    box.setInformativeText(tr("%1\n\nIt really opens:\n%2").arg(warning, url.toDisplayString()));
    box.setAccessibleName(tr("Suspicious link warning"));
    QPushButton *openAnyway = box.addButton(tr("&Open Anyway"), QMessageBox::AcceptRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    if (box.clickedButton() != openAnyway) {
        emit statusMessage(tr("Did not open %1.").arg(url.toDisplayString()));
        return false;
    }
    return open(url);
}

bool LinkOpener::isAllowed(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("mailto"))
        return !url.path().isEmpty();
    return (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        && !url.host().isEmpty();
}

bool LinkOpener::open(const QUrl &url)
{
    if (!isAllowed(url)) {
        const QString scheme = url.scheme().isEmpty() ? tr("(none)") : url.scheme();
        emit statusMessage(tr("Refused to open a link with the scheme “%1”: only web and "
                              "mail links are opened.")
                               .arg(scheme));
        return false;
    }
    if (!QDesktopServices::openUrl(url)) {
        emit statusMessage(tr("Could not open %1 in your browser.").arg(url.toDisplayString()));
        return false;
    }
    emit statusMessage(tr("Opened %1 in your browser.").arg(url.toDisplayString()));
    return true;
}

} // namespace bulletin
