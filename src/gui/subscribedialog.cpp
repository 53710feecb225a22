#include "gui/subscribedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace bulletin {

QStringList splitFolderPath(const QString &path)
{
    QStringList parts;
    for (const QString &part : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            parts << trimmed;
    }
    return parts;
}

SubscribeDialog::SubscribeDialog(const QStringList &folderPaths, const QString &folder, QWidget *parent)
    : QDialog(parent)
    , m_url(new QLineEdit(this))
    , m_folder(new QComboBox(this))
    , m_title(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Subscribe"));
    setAccessibleName(tr("Subscribe to a feed"));

    m_url->setPlaceholderText(tr("https://example.org/feed.xml or a web page"));
    m_url->setAccessibleName(tr("Feed or web page address"));
    m_url->setClearButtonEnabled(true);
    m_folder->setEditable(true);
    m_folder->setAccessibleName(tr("Folder"));
    m_folder->addItem(QString());
    m_folder->addItems(folderPaths);
    m_folder->setCurrentText(folder);
    m_folder->lineEdit()->setPlaceholderText(tr("Top level, or a new folder such as News/Europe"));
    m_title->setPlaceholderText(tr("The feed's own title"));
    m_title->setAccessibleName(tr("Title"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Subscribe"));

    auto *hint = new QLabel(tr("Give the address of a feed (RSS, Atom, JSON Feed or CAP alerts), or "
                               "of a web page that announces one."),
                            this);
    hint->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Address:"), m_url);
    form->addRow(tr("&Folder:"), m_folder);
    form->addRow(tr("&Title:"), m_title);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_url, &QLineEdit::textChanged, this, &SubscribeDialog::updateOk);
    updateOk();
    resize(520, sizeHint().height());
}

void SubscribeDialog::updateOk()
{
    const QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
    const QString scheme = url.scheme();
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(url.isValid() && !url.host().isEmpty()
                     && (scheme == QLatin1String("http") || scheme == QLatin1String("https")));
}

SubscriptionService::Request SubscribeDialog::request() const
{
    SubscriptionService::Request request;
    request.url = m_url->text().trimmed();
    request.folderPath = splitFolderPath(m_folder->currentText());
    request.title = m_title->text().trimmed();
    request.askWhenSeveral = true;
    return request;
}

} // namespace bulletin
