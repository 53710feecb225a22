#include "gui/advisorybanner.h"

#include "core/html/htmlreferences.h"
#include "gui/themecolours.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QTextLayout>
#include <QToolButton>
#include <QVBoxLayout>

namespace bulletin {

namespace {

constexpr int kTextLines = 2;
// More than two lines hold at any width: the rest is never laid out.
constexpr qsizetype kLaidOutChars = 2000;

QString whenText(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

// The text in at most `lines` lines of `width` pixels, broken where the text would wrap, with
// an ellipsis at the end of the last line when the text goes on.
QString fitLines(const QString &text, const QFont &font, int width, int lines)
{
    QTextLayout layout(text, font);
    layout.setCacheEnabled(true);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    QStringList out;
    layout.beginLayout();
    for (int i = 0; i < lines; ++i) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        const bool more = line.textStart() + line.textLength() < text.size();
        if (i == lines - 1 && more)
            out << QFontMetrics(font).elidedText(text.mid(line.textStart()), Qt::ElideRight, width);
        else
            out << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return out.join(QLatin1Char('\n'));
}

} // namespace

AdvisoryBanner::AdvisoryBanner(AdvisoryStore store, QWidget *parent)
    : QFrame(parent)
    , m_store(std::move(store))
    , m_label(new QLabel(this))
    , m_text(new QLabel(this))
    , m_open(new QPushButton(tr("&Read"), this))
    , m_dismiss(new QToolButton(this))
{
    setObjectName(QStringLiteral("advisoryBanner"));
    setFrameShape(QFrame::NoFrame);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setCursor(Qt::PointingHandCursor);
    m_label->setObjectName(QStringLiteral("advisoryHeading"));
    m_text->setObjectName(QStringLiteral("advisoryText"));
    for (QLabel *label : {m_label, m_text}) {
        label->setTextInteractionFlags(Qt::NoTextInteraction);
        label->setAttribute(Qt::WA_TransparentForMouseEvents);
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        // The labels take the width they are given and cut their text to it; they never
        // widen the window.
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    }
    m_label->setTextFormat(Qt::RichText);
    m_text->setTextFormat(Qt::PlainText);
    m_open->setToolTip(tr("Open the story this advisory comes from"));
    m_open->setAccessibleName(tr("Read the advisory's story"));
    m_open->setCursor(Qt::ArrowCursor);
    m_dismiss->setText(tr("Dismiss"));
    m_dismiss->setToolTip(tr("Hide this advisory; it stays in the Advisories view"));
    m_dismiss->setAccessibleName(tr("Dismiss the advisory"));
    m_dismiss->setCursor(Qt::ArrowCursor);

    auto *words = new QVBoxLayout;
    words->setContentsMargins(0, 0, 0, 0);
    words->setSpacing(2);
    words->addWidget(m_label);
    words->addWidget(m_text);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addLayout(words, 1);
    layout->addWidget(m_open, 0, Qt::AlignVCenter);
    layout->addWidget(m_dismiss, 0, Qt::AlignVCenter);

    connect(m_open, &QPushButton::clicked, this, [this] {
        if (m_current)
            emit storyRequested(m_current->storyId);
    });
    connect(m_dismiss, &QToolButton::clicked, this, &AdvisoryBanner::dismiss);
    if (parent)
        parent->installEventFilter(this);
    fixHeight();
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
    QStringList parts{m_heading};
    if (!m_details.isEmpty())
        parts << m_details;
    if (!m_says.isEmpty())
        parts << m_says;
    return m_current ? parts.join(QLatin1Char('\n')) : QString();
}

void AdvisoryBanner::refresh()
{
    m_current = m_store.mostSevereActive();
    if (!m_current) {
        hide();
        m_heading.clear();
        m_details.clear();
        m_says.clear();
        m_label->clear();
        m_text->clear();
        return;
    }
    const Advisory &a = m_current->advisory;
    const QString headline = a.headline.isEmpty() ? m_current->storyTitle : a.headline;
    m_heading = QStringLiteral("\u26a0 ") + headline;
    if (!a.severity.isEmpty() && a.severity != QLatin1String("Unknown"))
        m_heading += QStringLiteral(" \u00b7 ") + a.severity;
    QStringList details;
    if (!a.area.isEmpty())
        details << tr("Area: %1").arg(a.area);
    if (!a.issuer.isEmpty())
        details << tr("Issued by %1").arg(a.issuer);
    else if (!m_current->source.isEmpty())
        details << tr("From %1").arg(m_current->source);
    if (a.expires.isValid())
        details << tr("Until %1").arg(whenText(a.expires));
    m_details = details.join(QStringLiteral(" \u00b7 "));
    // What it says: the text, else what to do; a headline alone says it all already.
    m_says = (a.text.isEmpty() ? a.instruction : a.text).simplified();
    setAccessibleName(tr("Advisory: %1").arg(headline));
    setAccessibleDescription(QStringList{m_details, m_says}.join(QStringLiteral(". ")));
    setToolTip(QStringLiteral("<p><b>%1</b></p><p>%2</p><p>%3</p><p><i>%4</i></p>")
                   .arg(escapeHtml(m_heading), escapeHtml(m_details), escapeHtml(m_says),
                        tr("Click to read the story")));
    fitText();
    applyColours();
    updateReadButton();
    show();
}

void AdvisoryBanner::fitText()
{
    const int width = m_label->contentsRect().width();
    if (width <= 0 || !m_current) {
        m_label->setText(QStringLiteral("<b>%1</b>").arg(escapeHtml(m_heading)));
        m_text->setText(m_says);
        return;
    }
    QFont bold = m_label->font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QFontMetrics metrics(m_label->font());
    const QString heading = boldMetrics.elidedText(m_heading, Qt::ElideRight, width);
    const QString dash = QStringLiteral(" \u2014 ");
    const int room = width - boldMetrics.horizontalAdvance(heading)
        - metrics.horizontalAdvance(dash);
    QString html = QStringLiteral("<b>%1</b>").arg(escapeHtml(heading));
    if (!m_details.isEmpty() && room > metrics.horizontalAdvance(QStringLiteral("Area: \u2026")))
        html += dash + escapeHtml(metrics.elidedText(m_details, Qt::ElideRight, room));
    m_label->setText(html);
    m_text->setText(fitLines(m_says.left(kLaidOutChars), m_text->font(),
                             m_text->contentsRect().width(), kTextLines));
}

void AdvisoryBanner::fixHeight()
{
    // One line of heading and two of text, whatever the advisory says.
    QFont bold = m_label->font();
    bold.setBold(true);
    m_label->setFixedHeight(QFontMetrics(bold).lineSpacing() + 1);
    m_text->setFixedHeight(QFontMetrics(m_text->font()).lineSpacing() * kTextLines + 1);
}

void AdvisoryBanner::setStoryInReader(qint64 storyId)
{
    m_storyInReader = storyId;
    updateReadButton();
}

void AdvisoryBanner::updateReadButton()
{
    const bool open = m_current && m_current->storyId == m_storyInReader;
    m_open->setEnabled(m_current && !open);
    m_open->setToolTip(open ? tr("Its story is in the reader")
                            : tr("Open the story this advisory comes from"));
}

void AdvisoryBanner::dismiss()
{
    if (!m_current)
        return;
    if (!m_readOnlyReason.isEmpty()) {
        emit dismissFailed(tr("the cache is read-only: %1").arg(m_readOnlyReason));
        return;
    }
    const qint64 storyId = m_current->storyId;
    if (!m_store.setDismissed(storyId, true)) {
        emit dismissFailed(tr("the cache could not be written"));
        return;
    }
    emit dismissed(storyId);
    refresh();
}

void AdvisoryBanner::setReadOnly(const QString &reason)
{
    m_readOnlyReason = reason;
    m_dismiss->setEnabled(false);
    m_dismiss->setToolTip(tr("The cache is read-only: %1").arg(reason));
}

void AdvisoryBanner::applyColours()
{
    if (!m_current || m_applyingColours)
        return;
    m_applyingColours = true;
    // From the palette around the banner, whatever it is (a theme's, the desktop's): the
    // banner's own palette holds the severity's colours, so it is not the one to ask.
    const QPalette around = parentWidget() ? parentWidget()->palette() : QApplication::palette();
    const AdvisoryColours c = advisoryColours(m_current->advisory.severity, around);
    // A palette rather than a style sheet: the labels inside read it as they read any
    // palette, and what the banner is drawn in can be asked of it (textColour()).
    QPalette own = around;
    own.setColor(QPalette::Window, QColor(c.background));
    own.setColor(QPalette::WindowText, QColor(c.text));
    own.setColor(QPalette::Text, QColor(c.text));
    m_border = QColor(c.border);
    setPalette(own);
    m_label->setPalette(own);
    m_text->setPalette(own);
    update();
    m_applyingColours = false;
}

QColor AdvisoryBanner::textColour() const
{
    return m_text->palette().color(m_text->foregroundRole());
}

QColor AdvisoryBanner::backgroundColour() const
{
    return palette().color(QPalette::Window);
}

void AdvisoryBanner::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(m_border, 2.0));
    painter.setBrush(palette().color(QPalette::Window));
    painter.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 4, 4);
}

void AdvisoryBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        fixHeight();
        fitText();
    }
}

bool AdvisoryBanner::eventFilter(QObject *watched, QEvent *event)
{
    // The banner's palette is its own, so a theme or desktop switch reaches only the widget
    // around it: the colours follow that one's palette.
    if (watched == parent() && event->type() == QEvent::PaletteChange)
        applyColours();
    return QFrame::eventFilter(watched, event);
}

void AdvisoryBanner::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    fitText();
}

void AdvisoryBanner::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_current
        && rect().contains(event->position().toPoint()))
        emit storyRequested(m_current->storyId);
    QFrame::mouseReleaseEvent(event);
}

} // namespace bulletin
