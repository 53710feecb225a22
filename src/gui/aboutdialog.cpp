#include "gui/aboutdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace bulletin {

namespace {

QLabel *selectableLabel(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

QString sizeText(qint64 bytes)
{
    return bytes < 0 ? AboutDialog::tr("unknown") : QLocale().formattedDataSize(bytes);
}

} // namespace

AboutDialog::AboutDialog(const AboutInfo &info, QWidget *parent)
    : QDialog(parent)
    , m_info(info)
{
    setWindowTitle(tr("About Bulletin"));

    auto *title = new QLabel(tr("Bulletin %1").arg(info.version), this);
    title->setObjectName(QStringLiteral("aboutTitle"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    title->setFont(big);

    auto *summary = new QLabel(tr("A fast, safe desktop news reader: your feeds, read from a local "
                                  "cache, with public advisories shown as a banner and related "
                                  "coverage one click away."),
                               this);
    summary->setWordWrap(true);

    auto *details = new QFormLayout;
    details->addRow(tr("Qt:"), selectableLabel(info.qtVersion, QStringLiteral("aboutQt"), this));
    details->addRow(
        tr("SQLite:"),
        selectableLabel(info.sqliteVersion.isEmpty() ? tr("unknown") : info.sqliteVersion,
                        QStringLiteral("aboutSqlite"), this));
    details->addRow(tr("Cache:"),
                    selectableLabel(info.cachePath.isEmpty() ? tr("none open") : info.cachePath,
                                    QStringLiteral("aboutCachePath"), this));
    details->addRow(
        tr("Cache size:"),
        selectableLabel(sizeText(info.cacheBytes), QStringLiteral("aboutCacheSize"), this));

    auto *licence = new QLabel(
        tr("Copyright © 2026 The Bulletin developers. Bulletin is free software "
           "under the GNU General Public License, version 3 or later; it comes "
           "with no warranty. The bundled sample story is credited to its "
           "publisher, Questiqa Europe News."),
        this);
    licence->setObjectName(QStringLiteral("aboutLicence"));
    licence->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy Details"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("aboutCopy"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(detailsText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(summary);
    layout->addLayout(details);
    layout->addWidget(licence);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

QString AboutDialog::detailsText() const
{
    return QStringLiteral("Bulletin: %1\nQt: %2\nSQLite: %3\nCache: %4\nCache size: %5\n")
        .arg(m_info.version, m_info.qtVersion,
             m_info.sqliteVersion.isEmpty() ? tr("unknown") : m_info.sqliteVersion,
             m_info.cachePath.isEmpty() ? tr("none open") : m_info.cachePath,
             sizeText(m_info.cacheBytes));
}

} // namespace bulletin
