#pragma once

#include "storage/advisorystore.h"

#include <QColor>
#include <QFrame>

#include <optional>

class QLabel;
class QPushButton;
class QToolButton;

namespace bulletin {

// The window-level banner above the panes: the most severe active advisory from any source
// that the user has not dismissed, coloured by severity from the palette around it, so it
// reads in any theme (gui/themecolours.h): its headline and severity with its area, issuer
// and expiry on the first line, and what it says (its text, else its instruction) on the two
// lines below, cut with an ellipsis where longer (the tooltip has it all). "Read" (or a click
// on the text) opens its story; "Dismiss" hides it for good (the dismissal is stored in the
// cache) and the next most severe one, if any, takes its place. Hidden when there is none.
//
// Its height is the same whatever the advisory says and whichever story is in the reader,
// so the panes below never move under the pointer: while its own story is open it stays,
// and only its Read button steps aside.
//
// Over a read-only cache (setReadOnly) Dismiss is off and its tooltip says why; a dismissal
// that cannot be stored leaves the advisory in place and says so (dismissFailed).
class AdvisoryBanner final : public QFrame
{
    Q_OBJECT

public:
    explicit AdvisoryBanner(AdvisoryStore store, QWidget *parent = nullptr);

    // Reads the advisories again (after a refresh, an import, a dismissal).
    void refresh();
    std::optional<qint64> storyId() const;
    QString text() const;

    // Stores the dismissal and shows the next advisory; when the cache is read-only or the
    // write fails, nothing changes and dismissFailed says why.
    void dismiss();
    // The cache cannot be written (`reason` says why): Dismiss stays off.
    void setReadOnly(const QString &reason);
    // The story in the reader: while it is the banner's own story, Read is disabled.
    void setStoryInReader(qint64 storyId);
    // The colours it draws its text and background in (from the palette around it).
    QColor textColour() const;
    QColor backgroundColour() const;

signals:
    void storyRequested(qint64 storyId);
    void dismissed(qint64 storyId);
    void dismissFailed(const QString &why);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyColours();
    // Fits the heading and the text into the labels' width (an ellipsis where cut).
    void fitText();
    void fixHeight();
    void updateReadButton();

    AdvisoryStore m_store;
    std::optional<AdvisoryStore::Record> m_current;
    QString m_heading; // "⚠ headline · severity"
    QString m_details; // "Area: … · Issued by … · Until …"
    QString m_says; // what the advisory says, whole
    QLabel *m_label = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_open = nullptr;
    QToolButton *m_dismiss = nullptr;
    bool m_applyingColours = false;
    QColor m_border;
    qint64 m_storyInReader = 0;
    QString m_readOnlyReason; // empty while the cache can be written
};

} // namespace bulletin
