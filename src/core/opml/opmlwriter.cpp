#include "core/opml/opmlwriter.h"

#include <QXmlStreamWriter>

#include <memory>
#include <vector>

namespace bulletin {

namespace {

// A folder while writing: its feeds and subfolders in order of first appearance.
struct Folder
{
    QString name;
    struct Item
    {
        const OpmlFeed *feed = nullptr; // either a feed...
        Folder *folder = nullptr; // ...or a subfolder
    };
    std::vector<Item> items;
    std::vector<std::unique_ptr<Folder>> children;

    Folder *child(const QString &childName)
    {
        for (const auto &c : children) {
            if (c->name == childName)
                return c.get();
        }
        children.push_back(std::make_unique<Folder>());
        children.back()->name = childName;
        items.push_back({nullptr, children.back().get()});
        return children.back().get();
    }
};

// XML 1.0 cannot carry most control characters, not even escaped; QXmlStreamWriter would
// write them anyway and produce a file no reader accepts. Titles copied from feeds do carry
// them now and then, so they are dropped here.
QString xmlSafe(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x20 || u == 0x9 || u == 0xA || u == 0xD) {
            if (u != 0xFFFE && u != 0xFFFF)
                out.append(c);
        }
    }
    return out;
}

void writeFolder(QXmlStreamWriter &xml, const Folder &folder)
{
    for (const Folder::Item &item : folder.items) {
        xml.writeStartElement(QStringLiteral("outline"));
        if (item.feed) {
            const OpmlFeed &feed = *item.feed;
            xml.writeAttribute(QStringLiteral("type"), QStringLiteral("rss"));
            xml.writeAttribute(QStringLiteral("text"), xmlSafe(feed.title));
            xml.writeAttribute(QStringLiteral("title"), xmlSafe(feed.title));
            xml.writeAttribute(QStringLiteral("xmlUrl"), xmlSafe(feed.url));
            if (!feed.siteUrl.isEmpty())
                xml.writeAttribute(QStringLiteral("htmlUrl"), xmlSafe(feed.siteUrl));
        } else {
            xml.writeAttribute(QStringLiteral("text"), xmlSafe(item.folder->name));
            xml.writeAttribute(QStringLiteral("title"), xmlSafe(item.folder->name));
            writeFolder(xml, *item.folder);
        }
        xml.writeEndElement();
    }
}

} // namespace

QByteArray writeOpml(const QString &title, const QList<OpmlFeed> &feeds)
{
    Folder root;
    for (const OpmlFeed &feed : feeds) {
        Folder *folder = &root;
        for (const QString &name : feed.folderPath)
            folder = folder->child(name);
        folder->items.push_back({&feed, nullptr});
    }

    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("opml"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("2.0"));
    xml.writeStartElement(QStringLiteral("head"));
    xml.writeTextElement(QStringLiteral("title"), xmlSafe(title));
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("body"));
    writeFolder(xml, root);
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

} // namespace bulletin
