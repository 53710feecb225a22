#pragma once

#include <QObject>

class QAction;

namespace bulletin {

class Cache;
class StoryController;

// Story › Copy Link and Copy Headline (also in the story list's context menu): the story in
// the reader's address or headline to the clipboard, as plain text. A bookmark whose story
// has left the cache gives its snapshot's. Disabled with no story, and Copy Link for a story
// without a link. GUI thread only; the cache and the controller must outlive this object.
class CopyActions final : public QObject
{
    Q_OBJECT

public:
    CopyActions(Cache &cache, StoryController &controller, QObject *parent = nullptr);

    QAction *copyLinkAction() const { return m_copyLink; }
    QAction *copyHeadlineAction() const { return m_copyHeadline; }

signals:
    void statusMessage(const QString &message);

private:
    void updateState();
    QString headline() const;

    Cache &m_cache;
    StoryController &m_controller;
    QAction *m_copyLink = nullptr;
    QAction *m_copyHeadline = nullptr;
};

} // namespace bulletin
