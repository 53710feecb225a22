#pragma once

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace bulletin {

// A feed's properties, to read and change in one place: its title, its address, its folder,
// how often it is refreshed, whether its remote images load, and whether it is an alert
// source. The dialog only gathers them: OK stays disabled while the address is not one
// Bulletin can fetch (an http or https address, completed as a browser completes it), with
// the reason shown under it; applying them is FeedPropertiesAction's. A local source (a
// file's or a plain-text import's) and a sync account's feed have no address to change.
// GUI thread only.
class FeedPropertiesDialog final : public QDialog
{
    Q_OBJECT

public:
    struct Values
    {
        QString title;
        QString url; // empty for a feed without an address to change
        QStringList folderPath; // empty: the top level
        int refreshMinutes = 0; // 0: the default interval (Preferences)
        bool loadImages = false; // always load this feed's remote images
        bool alertSource = false;

        friend bool operator==(const Values &, const Values &) = default;
    };
    // The intervals offered, in minutes, after "Default"; a feed's own other value is added.
    static QList<int> intervalChoices();

    // `addressEditable` is false for a local source or an account's feed; `defaultMinutes`
    // names the default interval in its entry.
    FeedPropertiesDialog(const Values &values, bool addressEditable, const QStringList &folderPaths,
                         int defaultMinutes, QWidget *parent = nullptr);

    Values values() const;
    // Why the address cannot be used (empty when it can); OK is disabled meanwhile.
    QString addressProblem() const { return m_problem; }

private:
    void checkAddress();

    bool m_addressEditable = true;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_urlProblem = nullptr;
    QComboBox *m_folder = nullptr;
    QComboBox *m_interval = nullptr;
    QCheckBox *m_images = nullptr;
    QCheckBox *m_alert = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QString m_problem;
};

} // namespace bulletin
