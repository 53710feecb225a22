#pragma once

#include <QObject>
#include <QString>

class QDropEvent;
class QMimeData;
class QWidget;

namespace bulletin {

class FeedActions;
class OpmlActions;

// What is dropped on the window, anywhere on it (sidebar, story list, reader): the address of
// a feed or of a web page (a link dragged from a browser, text that is one address, or a
// "feed:" link, read as http) opens the Subscribe dialog with it filled in, for the user to
// confirm as usual; a local OPML file (.opml, or .xml) is imported as File ▸ Import
// Subscriptions imports one, with the same summary. Anything else is refused while it is
// dragged (the cursor says no) and the status bar says what a drop takes. A drag that starts
// in Bulletin itself (a story dragged out of the list) is refused: it is on its way out.
//
// The reader does not take drops (it is read-only), so a link dropped on it reaches the
// window and never navigates the reader. The dialog opens once the drop has finished, not
// inside it: a modal dialog in the drop would hold the other application's drag. Installed
// as an event filter on the window; GUI thread only; the window and actions outlive it.
class WindowDrops final : public QObject
{
    Q_OBJECT

public:
    WindowDrops(FeedActions &feeds, OpmlActions &opml, QWidget *window);

    struct Drop
    {
        enum class Kind { Refused, Address, OpmlFile };
        Kind kind = Kind::Refused;
        QString target; // the http(s) address, or the file's path
        QString reason; // why it is refused, in words
    };
    // What a drop of this data would do; `canSubscribe` is false in a window without network
    // access, where an address is refused.
    static Drop read(const QMimeData *data, bool canSubscribe);

signals:
    void statusMessage(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Drop readEvent(const QDropEvent *event) const;

    FeedActions &m_feeds;
    OpmlActions &m_opml;
    QWidget *m_window = nullptr;
};

} // namespace bulletin
