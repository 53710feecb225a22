#include "gui/advisorybanner.h"

#include "services/storypage.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPushButton>
#include <QToolButton>

namespace bulletin {

namespace {

QString whenText(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

AdvisoryBanner::AdvisoryBanner(AdvisoryStore store, QWidget *parent)
    : QFrame(parent)
    , m_store(std::move(store))
    , m_label(new QLabel(this))
    , m_open(new QPushButton(tr("&Read"), this))
    , m_dismiss(new QToolButton(this))
{
    setObjectName(QStringLiteral("advisoryBanner"));
    setFrameShape(QFrame::StyledPanel);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    setCursor(Qt::PointingHandCursor);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::RichText);
    m_label->setTextInteractionFlags(Qt::NoTextInteraction);
    m_label->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_open->setToolTip(tr("Open the story this advisory comes from"));
    m_open->setAccessibleName(tr("Read the advisory's story"));
    m_open->setCursor(Qt::ArrowCursor);
    m_dismiss->setText(tr("Dismiss"));
    m_dismiss->setToolTip(tr("Hide this advisory; it stays in the Advisories view"));
    m_dismiss->setAccessibleName(tr("Dismiss the advisory"));
    m_dismiss->setCursor(Qt::ArrowCursor);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_open);
    layout->addWidget(m_dismiss);

    connect(m_open, &QPushButton::clicked, this, [this] {
        if (m_current)
            emit storyRequested(m_current->storyId);
    });
    connect(m_dismiss, &QToolButton::clicked, this, &AdvisoryBanner::dismiss);
    refresh();
}

std::optional<qint64> AdvisoryBanner::storyId() const
{
    if (!m_current)
        return std::nullopt;
    return m_current->storyId;
}

QString AdvisoryBanner::text() const
{
    return m_label->text();
}

void AdvisoryBanner::refresh()
{
    m_current = m_store.mostSevereActive();
    if (!m_current) {
        hide();
        m_label->clear();
        return;
    }
    const Advisory &a = m_current->advisory;
    const QString headline = a.headline.isEmpty() ? m_current->storyTitle : a.headline;
    QString first = QStringLiteral("<b>\u26a0 %1</b>").arg(headline.toHtmlEscaped());
    if (!a.severity.isEmpty() && a.severity != QLatin1String("Unknown"))
        first += QStringLiteral(" \u00b7 ") + a.severity.toHtmlEscaped();
    QStringList details;
    if (!a.area.isEmpty())
        details << tr("Area: %1").arg(a.area);
    if (!a.issuer.isEmpty())
        details << tr("Issued by %1").arg(a.issuer);
    else if (!m_current->source.isEmpty())
        details << tr("From %1").arg(m_current->source);
    if (a.expires.isValid())
        details << tr("Until %1").arg(whenText(a.expires));
    QString html = first;
    if (!details.isEmpty())
        html += QStringLiteral("<br>") + details.join(QStringLiteral(" \u00b7 ")).toHtmlEscaped();
    m_label->setText(html);
    const QString spoken = tr("Advisory: %1").arg(headline);
    setAccessibleName(spoken);
    setAccessibleDescription(details.join(QStringLiteral(", ")));
    setToolTip(tr("Click to read the story"));
    applyColours();
    setVisible(m_current->storyId != m_storyInReader);
}

void AdvisoryBanner::setStoryInReader(qint64 storyId)
{
    m_storyInReader = storyId;
    if (m_current)
        setVisible(m_current->storyId != m_storyInReader);
}

void AdvisoryBanner::dismiss()
{
    if (!m_current)
        return;
    const qint64 storyId = m_current->storyId;
    m_store.setDismissed(storyId, true);
    emit dismissed(storyId);
    refresh();
}

void AdvisoryBanner::applyColours()
{
    if (!m_current || m_applyingColours)
        return;
    m_applyingColours = true;
    // Light or dark from the window around the banner (the banner's own palette carries the
    // severity colours once the style sheet is applied).
    const QPalette around = parentWidget() ? parentWidget()->palette() : QApplication::palette();
    const bool dark = around.color(QPalette::Window).lightness() < 128;
    const AdvisoryColours c = advisoryColours(m_current->advisory.severity, dark);
    // The colours come from a style sheet scoped to the banner, so the window's palette (and
    // so dark mode detection) is left alone.
    setStyleSheet(QStringLiteral("#advisoryBanner { background-color: %1; border: 2px solid %2; "
                                 "border-radius: 4px; } #advisoryBanner QLabel { color: %3; }")
                      .arg(c.background, c.border, c.text));
    m_applyingColours = false;
}

void AdvisoryBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColours();
}

void AdvisoryBanner::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_current && rect().contains(event->position().toPoint()))
        emit storyRequested(m_current->storyId);
    QFrame::mouseReleaseEvent(event);
}

} // namespace bulletin
