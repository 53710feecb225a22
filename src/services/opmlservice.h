#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace bulletin {

class Cache;

// Subscriptions to and from OPML: import adds each feed (making its folders) and merges
// ones already subscribed; export writes every subscription with its folder path, so that
// an export imported into an empty cache gives the same subscriptions back.
class OpmlService final
{
public:
    struct ImportReport
    {
        int added = 0;
        int alreadySubscribed = 0;
        QStringList problems; // entries skipped or merged, with their line numbers
        QString error; // the file was not OPML; nothing was written
    };

    explicit OpmlService(Cache &cache);

    ImportReport importOpml(const QByteArray &bytes);
    QByteArray exportOpml() const;

private:
    Cache &m_cache;
};

} // namespace bulletin
