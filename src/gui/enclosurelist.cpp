#include "gui/enclosurelist.h"

#include "gui/linkopener.h"
#include "gui/storycontroller.h"
#include "models/storyhistory.h"
#include "net/feedfetcher.h"
#include "storage/cache.h"

#include <QBoxLayout>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMimeDatabase>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>

namespace bulletin {

namespace {

// The rows shown before the list scrolls: a podcast has one, a gallery may have dozens.
constexpr int kVisibleRows = 4;

// A file name from an address for the save dialog: the last part of its path, without
// anything a file system would read as a folder or a hidden file.
QString suggestedFileName(const Enclosure &enclosure)
{
    QString name = QUrl(enclosure.url).fileName();
    name.replace(QLatin1Char('/'), QLatin1Char('_')).replace(QLatin1Char('\\'), QLatin1Char('_'));
    while (name.startsWith(QLatin1Char('.')))
        name.remove(0, 1);
    if (name.isEmpty())
        name = QStringLiteral("download");
    if (QFileInfo(name).suffix().isEmpty() && !enclosure.type.isEmpty()) {
        const QString suffix = QMimeDatabase().mimeTypeForName(enclosure.type).preferredSuffix();
        if (!suffix.isEmpty())
            name += QLatin1Char('.') + suffix;
    }
    return name.left(200);
}

} // namespace

EnclosureList::EnclosureList(Cache &cache, StoryController &controller, LinkOpener &links,
                             QNetworkAccessManager *network, QWidget *parent)
    : QFrame(parent)
    , m_cache(cache)
    , m_links(links)
    , m_network(network)
{
    setObjectName(QStringLiteral("enclosureList"));
    setAccessibleName(tr("Enclosures"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(4);
    m_heading = new QLabel(this);
    m_heading->setTextFormat(Qt::PlainText);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    layout->addWidget(m_heading);

    m_scroll = new QScrollArea(this);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *rows = new QWidget(m_scroll);
    m_rowsLayout = new QVBoxLayout(rows);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(2);
    m_rowsLayout->addStretch();
    m_scroll->setWidget(rows);
    layout->addWidget(m_scroll);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    hide();

    connect(&controller, &StoryController::locationChanged, this, &EnclosureList::showStory);
}

EnclosureList::~EnclosureList()
{
    // A download cut off by quitting leaves nothing where it was going.
    for (Download &download : m_downloads) {
        download.file->cancelWriting();
        download.reply->disconnect(this);
        download.reply->abort();
    }
}

void EnclosureList::placeBelow(QWidget *reader)
{
    auto *layout = reader->parentWidget()
        ? qobject_cast<QBoxLayout *>(reader->parentWidget()->layout())
        : nullptr;
    if (!layout)
        return;
    layout->insertWidget(layout->indexOf(reader) + 1, this);
}

void EnclosureList::showStory(const ReaderLocation &location)
{
    if (location.storyId == m_storyId && !m_rows.isEmpty())
        return;
    m_storyId = location.storyId;
    clearRows();
    const QList<Enclosure> enclosures = m_storyId ? m_cache.articles().enclosures(m_storyId)
                                                  : QList<Enclosure>{};
    for (const Enclosure &enclosure : enclosures)
        addRow(enclosure);
    if (m_rows.isEmpty()) {
        hide();
        return;
    }
    m_heading->setText(m_rows.size() == 1 ? tr("1 enclosure")
                                          : tr("%1 enclosures").arg(m_rows.size()));
    // As tall as its rows, up to a few; more scroll.
    int height = 0;
    for (int i = 0; i < std::min<int>(kVisibleRows, int(m_rows.size())); ++i)
        height += m_rows.at(i).widget->sizeHint().height() + m_rowsLayout->spacing();
    m_scroll->setFixedHeight(height);
    show();
}

void EnclosureList::clearRows()
{
    for (const Row &row : std::as_const(m_rows))
        delete row.widget;
    m_rows.clear();
}

void EnclosureList::addRow(const Enclosure &enclosure)
{
    Row row;
    row.enclosure = enclosure;
    row.widget = new QWidget(m_scroll->widget());
    auto *layout = new QHBoxLayout(row.widget);
    layout->setContentsMargins(0, 0, 0, 0);

    // A feed writes titles and types: shown as plain text, never as markup.
    row.name = new QLabel(displayName(enclosure), row.widget);
    row.name->setTextFormat(Qt::PlainText);
    row.name->setToolTip(enclosure.url);
    row.name->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    row.name->setMinimumWidth(80);
    QStringList details;
    if (const QString type = typeText(enclosure); !type.isEmpty())
        details << type;
    if (enclosure.length)
        details << sizeText(*enclosure.length);
    if (enclosure.durationSeconds)
        details << durationText(*enclosure.durationSeconds);
    row.details = new QLabel(details.join(QStringLiteral(" · ")), row.widget);
    row.details->setTextFormat(Qt::PlainText);
    row.details->setForegroundRole(QPalette::PlaceholderText);
    row.progress = new QProgressBar(row.widget);
    row.progress->setMaximumWidth(160);
    row.progress->setTextVisible(true);
    row.progress->hide();
    row.open = new QPushButton(tr("Open"), row.widget);
    row.open->setToolTip(tr("Open %1 in the desktop's player or browser").arg(enclosure.url));
    row.open->setAccessibleName(tr("Open %1").arg(displayName(enclosure)));
    row.save = new QPushButton(tr("Save…"), row.widget);
    row.save->setAccessibleName(tr("Save %1").arg(displayName(enclosure)));
    row.save->setEnabled(m_network != nullptr);
    row.save->setToolTip(m_network
                             ? tr("Download the file to your computer")
                             : tr("Saving needs network access, which this window has not got"));
    layout->addWidget(row.name, 1);
    layout->addWidget(row.details);
    layout->addWidget(row.progress);
    layout->addWidget(row.open);
    layout->addWidget(row.save);
    m_rowsLayout->insertWidget(m_rowsLayout->count() - 1, row.widget);

    const QString url = enclosure.url;
    connect(row.open, &QPushButton::clicked, this, [this, url] { m_links.open(QUrl(url)); });
    connect(row.save, &QPushButton::clicked, this, [this, url] {
        const int index = rowOf(url);
        if (index < 0)
            return;
        if (m_downloads.contains(url))
            cancel(index);
        else
            askAndSave(index);
    });
    m_rows << row;
    showSaving(int(m_rows.size()) - 1);
}

QString EnclosureList::displayName(const Enclosure &enclosure)
{
    const QString title = enclosure.title.simplified();
    if (!title.isEmpty())
        return title;
    const QUrl url(enclosure.url);
    const QString file = url.fileName();
    return file.isEmpty() ? url.host() : file;
}

QString EnclosureList::typeText(const Enclosure &enclosure)
{
    if (enclosure.type.isEmpty())
        return {};
    const QMimeType mime = QMimeDatabase().mimeTypeForName(enclosure.type);
    return mime.isValid() && !mime.comment().isEmpty() ? mime.comment() : enclosure.type;
}

QString EnclosureList::sizeText(qint64 bytes)
{
    if (bytes < 1000)
        return bytes == 1 ? tr("1 byte") : tr("%1 bytes").arg(bytes);
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString EnclosureList::durationText(qint64 seconds)
{
    const qint64 h = seconds / 3600;
    const qint64 m = (seconds % 3600) / 60;
    const qint64 s = seconds % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

int EnclosureList::rowOf(const QString &url) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).enclosure.url == url)
            return i;
    }
    return -1;
}

void EnclosureList::askAndSave(int row)
{
    const Enclosure &enclosure = m_rows.at(row).enclosure;
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    const QString path = QFileDialog::getSaveFileName(
        window(), tr("Save Enclosure"), QDir(folder).filePath(suggestedFileName(enclosure)));
    if (!path.isEmpty())
        save(row, path);
}

bool EnclosureList::isSaving(int row) const
{
    return row >= 0 && row < m_rows.size() && m_downloads.contains(m_rows.at(row).enclosure.url);
}

bool EnclosureList::save(int row, const QString &path)
{
    if (row < 0 || row >= m_rows.size() || !m_network || isSaving(row))
        return false;
    const QString url = m_rows.at(row).enclosure.url;
    const QUrl address(url);
    if (!LinkOpener::isAllowed(address) || address.scheme() == QLatin1String("mailto"))
        return false;
    Download download;
    download.path = path;
    download.file = new QSaveFile(path, this);
    // Written beside the file and renamed over it at the end: a cut-off download never
    // leaves half a file where the user asked for it, nor damages one already there.
    if (!download.file->open(QIODevice::WriteOnly)) {
        const QString reason = download.file->errorString();
        delete download.file;
        emit statusMessage(tr("Could not save %1: %2").arg(QFileInfo(path).fileName(), reason));
        emit saveFailed(url, reason);
        return false;
    }
    QNetworkRequest request(address);
    request.setHeader(QNetworkRequest::UserAgentHeader, FeedFetcher::defaultUserAgent());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    download.reply = m_network->get(request);
    m_downloads.insert(url, download);
    connect(download.reply, &QNetworkReply::readyRead, this, [this, url] { writeReceived(url); });
    connect(download.reply, &QNetworkReply::downloadProgress, this,
            [this, url](qint64 received, qint64 total) { showProgress(url, received, total); });
    connect(download.reply, &QNetworkReply::finished, this, [this, url] { finishDownload(url); });
    showSaving(row);
    emit statusMessage(tr("Saving %1…").arg(QFileInfo(path).fileName()));
    return true;
}

void EnclosureList::cancel(int row)
{
    if (!isSaving(row))
        return;
    Download &download = m_downloads[m_rows.at(row).enclosure.url];
    download.failed = true;
    download.cancelled = true;
    download.failure = tr("cancelled");
    download.reply->abort(); // finished() follows at once
}

void EnclosureList::writeReceived(const QString &url)
{
    auto it = m_downloads.find(url);
    if (it == m_downloads.end() || it->failed)
        return;
    const QByteArray bytes = it->reply->readAll();
    if (it->file->write(bytes) != bytes.size()) {
        it->failed = true;
        it->failure = it->file->errorString();
        it->reply->abort();
    }
}

void EnclosureList::showProgress(const QString &url, qint64 received, qint64 total)
{
    const int row = rowOf(url);
    if (row < 0)
        return;
    QProgressBar *bar = m_rows.at(row).progress;
    if (total > 0 && total < (qint64(1) << 40)) {
        // In kilobytes: a progress bar counts in int.
        bar->setRange(0, int(total / 1024) + 1);
        bar->setValue(int(received / 1024));
        bar->setFormat(QStringLiteral("%p%"));
    } else {
        bar->setRange(0, 0); // the server did not say how much: busy
    }
    bar->setToolTip(
        tr("%1 of %2")
            .arg(sizeText(received), total > 0 ? sizeText(total) : tr("an unknown size")));
}

void EnclosureList::finishDownload(const QString &url)
{
    auto it = m_downloads.find(url);
    if (it == m_downloads.end())
        return;
    Download download = *it;
    m_downloads.erase(it);
    download.reply->deleteLater();
    const QString name = QFileInfo(download.path).fileName();
    QString failure = download.failure;
    if (!download.failed) {
        const int status
            = download.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (download.reply->error() != QNetworkReply::NoError) {
            failure = status >= 400
                ? tr("the server answered %1 %2")
                      .arg(status)
                      .arg(download.reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute)
                               .toString())
                : download.reply->errorString();
        } else {
            const QByteArray rest = download.reply->readAll();
            if (download.file->write(rest) != rest.size() || !download.file->commit())
                failure = download.file->errorString();
        }
    }
    if (!failure.isEmpty())
        download.file->cancelWriting();
    delete download.file;
    if (const int row = rowOf(url); row >= 0)
        showSaving(row);
    if (failure.isEmpty()) {
        emit statusMessage(tr("Saved %1.").arg(QDir::toNativeSeparators(download.path)));
        emit saved(url, download.path);
    } else if (download.cancelled) {
        emit statusMessage(tr("Stopped saving %1: nothing was saved.").arg(name));
        emit saveFailed(url, failure);
    } else {
        emit statusMessage(tr("Could not save %1: %2.").arg(name, failure));
        emit saveFailed(url, failure);
    }
}

void EnclosureList::showSaving(int row)
{
    Row &r = m_rows[row];
    const bool saving = m_downloads.contains(r.enclosure.url);
    r.save->setText(saving ? tr("Cancel") : tr("Save…"));
    r.progress->setVisible(saving);
    r.details->setVisible(!saving);
    if (saving) {
        r.progress->setRange(0, 0);
        r.progress->setValue(0);
    }
}

} // namespace bulletin
