#include "gui/windowdrops.h"

#include "core/opml/opmlparser.h"
#include "gui/feedactions.h"
#include "gui/opmlactions.h"

#include <QAction>
#include <QDir>
#include <QDropEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QTimer>
#include <QUrl>
#include <QWidget>

#include <optional>

namespace bulletin {

namespace {

// An http(s) address with a host, "feed:" read as http(s); nullopt for anything else.
std::optional<QUrl> webAddress(const QString &text)
{
    const QUrl url(withoutFeedScheme(text.trimmed()), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return std::nullopt;
    return url;
}

} // namespace

WindowDrops::WindowDrops(FeedActions &feeds, OpmlActions &opml, QWidget *window)
    : QObject(window)
    , m_feeds(feeds)
    , m_opml(opml)
    , m_window(window)
{
    m_window->setAcceptDrops(true);
    m_window->installEventFilter(this);
}

WindowDrops::Drop WindowDrops::read(const QMimeData *data, bool canSubscribe)
{
    Drop drop;
    drop.reason = tr(
        "Drop a feed's or a web page's address to subscribe, or an OPML file to import "
        "subscriptions.");
    if (!data)
        return drop;
    std::optional<QUrl> address;
    if (data->hasUrls()) {
        const QList<QUrl> urls = data->urls();
        if (urls.isEmpty())
            return drop;
        const QUrl &first = urls.first();
        if (first.isLocalFile()) {
            const QFileInfo file(first.toLocalFile());
            const QString suffix = file.suffix().toLower();
            if (suffix != QLatin1String("opml") && suffix != QLatin1String("xml")) {
                drop.reason = tr("%1 is not an OPML file (.opml or .xml); only subscription lists "
                                 "can be dropped here.")
                                  .arg(file.fileName());
                return drop;
            }
            drop.kind = Drop::Kind::OpmlFile;
            drop.target = file.filePath();
            return drop;
        }
        address = webAddress(first.toString(QUrl::FullyEncoded));
    } else if (data->hasText()) {
        const QString text = data->text().trimmed();
        // One address, not a paragraph that happens to hold one.
        if (!text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char(' ')))
            address = webAddress(text);
    }
    if (!address)
        return drop;
    if (!canSubscribe) {
        drop.reason = tr("Subscribing needs network access.");
        return drop;
    }
    drop.kind = Drop::Kind::Address;
    drop.target = address->toString();
    drop.reason.clear();
    return drop;
}

WindowDrops::Drop WindowDrops::readEvent(const QDropEvent *event) const
{
    // A story dragged out of the list passes over the window on its way out.
    if (event->source())
        return {};
    return read(event->mimeData(), m_feeds.subscribeAction()->isEnabled());
}

bool WindowDrops::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_window)
        return false;
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        const Drop drop = readEvent(drag);
        if (drop.kind == Drop::Kind::Refused) {
            drag->ignore();
            if (event->type() == QEvent::DragEnter && !drag->source())
                emit statusMessage(drop.reason);
            return true;
        }
        drag->setDropAction(Qt::CopyAction);
        drag->accept();
        return true;
    }
    case QEvent::Drop: {
        auto *dropEvent = static_cast<QDropEvent *>(event);
        const Drop drop = readEvent(dropEvent);
        if (drop.kind == Drop::Kind::Refused) {
            dropEvent->ignore();
            return true;
        }
        dropEvent->setDropAction(Qt::CopyAction);
        dropEvent->accept();
        // After the drop has finished: the other application is waiting for its answer.
        QTimer::singleShot(0, this, [this, drop] {
            if (drop.kind == Drop::Kind::Address)
                m_feeds.askToSubscribeTo(drop.target);
            else
                m_opml.importOpmlFileAndReport(drop.target);
        });
        return true;
    }
    default:
        return false;
    }
}

} // namespace bulletin
