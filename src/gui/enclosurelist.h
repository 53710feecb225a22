#pragma once

#include "core/article.h"

#include <QFrame>
#include <QHash>
#include <QList>

class QLabel;
class QNetworkAccessManager;
class QNetworkReply;
class QProgressBar;
class QPushButton;
class QSaveFile;
class QScrollArea;
class QVBoxLayout;

namespace bulletin {

class Cache;
class LinkOpener;
class StoryController;
struct ReaderLocation;

// The list under the reader of the story's enclosures: a podcast's episode, a video, attached
// images and files. Each row names the file (its title, else its file name), its type, size
// ("24.1 MB") and duration ("1:02:03") where the feed gives them, with Open (the desktop's
// player or browser, through LinkOpener: web addresses only) and Save… (downloaded with Qt
// Network into a file the user picks, with progress; the file appears only once it is all
// there, and a failure says why and leaves no partial file). Hidden for a story without
// enclosures. Without network access Save… is off. GUI thread only; the cache, controller
// and opener must outlive it.
class EnclosureList final : public QFrame
{
    Q_OBJECT

public:
    EnclosureList(Cache &cache, StoryController &controller, LinkOpener &links,
                  QNetworkAccessManager *network, QWidget *parent = nullptr);
    ~EnclosureList() override;

    // Puts the list under `reader` in the layout that holds it (the reader's container).
    void placeBelow(QWidget *reader);

    // What the rows show, for the story in the reader.
    int count() const { return int(m_rows.size()); }
    const Enclosure &enclosure(int row) const { return m_rows.at(row).enclosure; }
    QLabel *nameLabel(int row) const { return m_rows.at(row).name; }
    QLabel *detailsLabel(int row) const { return m_rows.at(row).details; }
    QPushButton *openButton(int row) const { return m_rows.at(row).open; }
    QPushButton *saveButton(int row) const { return m_rows.at(row).save; }
    QProgressBar *progressBar(int row) const { return m_rows.at(row).progress; }

    // Downloads the row's file into `path` (what Save… does after asking where). False when
    // its file is being downloaded already, the row does not exist or there is no network.
    // A download goes on when another story is opened; its row shows it again on return.
    bool save(int row, const QString &path);
    bool isSaving(int row) const;
    // Stops the row's download; nothing is left where it was going.
    void cancel(int row);

    // "24.1 MB", "512 bytes"; "1:02:03", "4:05".
    static QString sizeText(qint64 bytes);
    static QString durationText(qint64 seconds);
    // The row's title: the enclosure's title, else its file name, else its host.
    static QString displayName(const Enclosure &enclosure);
    // Its type in words where the system knows it ("MP3 audio"), else as the feed wrote it.
    static QString typeText(const Enclosure &enclosure);

signals:
    void statusMessage(const QString &message);
    // A download ended: the file is at `path`, or it failed for `reason` (nothing was saved).
    void saved(const QString &url, const QString &path);
    void saveFailed(const QString &url, const QString &reason);

private:
    struct Row
    {
        Enclosure enclosure;
        QWidget *widget = nullptr;
        QLabel *name = nullptr;
        QLabel *details = nullptr;
        QProgressBar *progress = nullptr;
        QPushButton *open = nullptr;
        QPushButton *save = nullptr;
    };
    struct Download
    {
        QNetworkReply *reply = nullptr;
        QSaveFile *file = nullptr;
        QString path;
        bool failed = false;
        bool cancelled = false;
        QString failure;
    };

    void showStory(const ReaderLocation &location);
    void clearRows();
    void addRow(const Enclosure &enclosure);
    void askAndSave(int row);
    void writeReceived(const QString &url);
    void finishDownload(const QString &url);
    void showProgress(const QString &url, qint64 received, qint64 total);
    int rowOf(const QString &url) const;
    void showSaving(int row);

    Cache &m_cache;
    LinkOpener &m_links;
    QNetworkAccessManager *m_network = nullptr;
    QLabel *m_heading = nullptr;
    QScrollArea *m_scroll = nullptr;
    QVBoxLayout *m_rowsLayout = nullptr;
    QList<Row> m_rows;
    QHash<QString, Download> m_downloads; // by address: one download of a file at a time
    qint64 m_storyId = 0;
};

} // namespace bulletin
