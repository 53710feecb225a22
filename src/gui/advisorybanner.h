#pragma once

#include "storage/advisorystore.h"

#include <QFrame>

#include <optional>

class QLabel;
class QPushButton;
class QToolButton;

namespace bulletin {

// The window-level banner above the panes: the most severe active advisory from any source
// that the user has not dismissed, coloured by severity (light and dark sets), with its
// headline, area, issuer and expiry. "Read" (or a click on the text) opens its story;
// "Dismiss" hides it for good (the dismissal is stored in the cache) and the next most
// severe one, if any, takes its place. Hidden when there is none.
class AdvisoryBanner final : public QFrame
{
    Q_OBJECT

public:
    explicit AdvisoryBanner(AdvisoryStore store, QWidget *parent = nullptr);

    // Reads the advisories again (after a refresh, an import, a dismissal).
    void refresh();
    std::optional<qint64> storyId() const;
    QString text() const;

    void dismiss();
    // The story in the reader: while it is the banner's own story, the reader's banner says
    // it all and this one steps aside.
    void setStoryInReader(qint64 storyId);

signals:
    void storyRequested(qint64 storyId);
    void dismissed(qint64 storyId);

protected:
    void changeEvent(QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void applyColours();

    AdvisoryStore m_store;
    std::optional<AdvisoryStore::Record> m_current;
    QLabel *m_label = nullptr;
    QPushButton *m_open = nullptr;
    QToolButton *m_dismiss = nullptr;
    bool m_applyingColours = false;
    qint64 m_storyInReader = 0;
};

} // namespace bulletin
