#include "gui/feedpropertiesdialog.h"

#include "gui/subscribedialog.h"
#include "net/webaddress.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace bulletin {

namespace {

QString intervalText(int minutes)
{
    // Spelled out rather than %n(s): the window runs untranslated, in the source's English.
    if (minutes == 24 * 60)
        return FeedPropertiesDialog::tr("Every day");
    if (minutes == 60)
        return FeedPropertiesDialog::tr("Every hour");
    if (minutes % 60 == 0)
        return FeedPropertiesDialog::tr("Every %1 hours").arg(minutes / 60);
    return FeedPropertiesDialog::tr("Every %1 minutes").arg(minutes);
}

} // namespace

QList<int> FeedPropertiesDialog::intervalChoices()
{
    return {5, 15, 30, 60, 2 * 60, 4 * 60, 12 * 60, 24 * 60};
}

FeedPropertiesDialog::FeedPropertiesDialog(const Values &values, bool addressEditable,
                                           const QStringList &folderPaths, int defaultMinutes,
                                           QWidget *parent)
    : QDialog(parent)
    , m_addressEditable(addressEditable)
    , m_title(new QLineEdit(values.title, this))
    , m_url(new QLineEdit(values.url, this))
    , m_urlProblem(new QLabel(this))
    , m_folder(new QComboBox(this))
    , m_interval(new QComboBox(this))
    , m_images(new QCheckBox(tr("Always load remote &images"), this))
    , m_alert(new QCheckBox(tr("Treat as an &alert source (every story is an advisory)"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Feed Properties"));
    m_title->setObjectName(QStringLiteral("feedTitle"));
    m_url->setObjectName(QStringLiteral("feedAddress"));
    m_url->setEnabled(addressEditable);
    if (!addressEditable)
        m_url->setPlaceholderText(tr("(no address: a local source or a sync account's feed)"));
    m_urlProblem->setObjectName(QStringLiteral("feedAddressProblem"));
    m_urlProblem->setWordWrap(true);
    m_urlProblem->setForegroundRole(QPalette::PlaceholderText);
    m_urlProblem->hide();
    m_folder->setObjectName(QStringLiteral("feedFolder"));
    m_folder->setEditable(true); // a new path ("News/Europe") makes the folders
    m_folder->addItem(tr("(top level)"));
    m_folder->addItems(folderPaths);
    const QString path = values.folderPath.join(QLatin1Char('/'));
    m_folder->setCurrentIndex(path.isEmpty() ? 0 : std::max(0, int(m_folder->findText(path))));
    if (!path.isEmpty() && m_folder->currentText() != path)
        m_folder->setEditText(path);
    m_interval->setObjectName(QStringLiteral("feedInterval"));
    m_interval->addItem(tr("Default (%1)").arg(intervalText(defaultMinutes).toLower()), 0);
    QList<int> choices = intervalChoices();
    if (values.refreshMinutes > 0 && !choices.contains(values.refreshMinutes)) {
        choices << values.refreshMinutes;
        std::sort(choices.begin(), choices.end());
    }
    for (int minutes : std::as_const(choices))
        m_interval->addItem(intervalText(minutes), minutes);
    m_interval->setCurrentIndex(std::max(0, m_interval->findData(values.refreshMinutes)));
    m_images->setObjectName(QStringLiteral("feedImages"));
    m_images->setChecked(values.loadImages);
    m_alert->setObjectName(QStringLiteral("feedAlertSource"));
    m_alert->setChecked(values.alertSource);

    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Address:"), m_url);
    form->addRow(QString(), m_urlProblem);
    form->addRow(tr("&Folder:"), m_folder);
    form->addRow(tr("&Refresh:"), m_interval);
    form->addRow(QString(), m_images);
    form->addRow(QString(), m_alert);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);

    connect(m_url, &QLineEdit::textChanged, this, &FeedPropertiesDialog::checkAddress);
    connect(m_title, &QLineEdit::textChanged, this, &FeedPropertiesDialog::checkAddress);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    checkAddress();
}

void FeedPropertiesDialog::checkAddress()
{
    m_problem.clear();
    if (m_title->text().trimmed().isEmpty()) {
        m_problem = tr("A feed needs a title.");
    } else if (m_addressEditable) {
        const QUrl url = webAddressFromUserInput(m_url->text(), &m_problem);
        if (m_problem.isEmpty() && url.scheme() != QLatin1String("http")
            && url.scheme() != QLatin1String("https"))
            m_problem = tr("Only http and https addresses can be fetched.");
    }
    m_urlProblem->setText(m_problem);
    m_urlProblem->setVisible(!m_problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problem.isEmpty());
}

FeedPropertiesDialog::Values FeedPropertiesDialog::values() const
{
    Values values;
    values.title = m_title->text().trimmed();
    if (m_addressEditable) {
        QString ignored;
        values.url = webAddressFromUserInput(m_url->text(), &ignored).toString();
    }
    const QString folder = m_folder->currentText().trimmed();
    values.folderPath = m_folder->currentIndex() == 0 && folder == m_folder->itemText(0)
        ? QStringList()
        : splitFolderPath(folder);
    values.refreshMinutes = m_interval->currentData().toInt();
    values.loadImages = m_images->isChecked();
    values.alertSource = m_alert->isChecked();
    return values;
}

} // namespace bulletin
