#include "core/feeds/capreader.h"

#include "core/feeds/feeddate.h"

namespace bulletin {

namespace {

QString capVersion(QStringView ns)
{
    if (ns == u"urn:oasis:names:tc:emergency:cap:1.2")
        return QStringLiteral("1.2");
    if (ns == u"urn:oasis:names:tc:emergency:cap:1.1")
        return QStringLiteral("1.1");
    return {};
}

QStringList splitReferences(const QString &text)
{
    return text.split(u' ', Qt::SkipEmptyParts);
}

void readArea(XmlCursor &cursor, QStringList &areaDesc)
{
    while (cursor.nextChild()) {
        if (cursor.name() == u"areaDesc") {
            const QString text = cursor.readText();
            if (!text.isEmpty())
                areaDesc.append(text);
        } else {
            cursor.skipElement();
        }
    }
}

// Returns true when name is an info-level field and stores it.
bool readInfoField(XmlCursor &cursor, CapInfo &info)
{
    const QStringView n = cursor.name();
    QString *target = nullptr;
    QDateTime *time = nullptr;
    if (n == u"language")
        target = &info.language;
    else if (n == u"event")
        target = &info.event;
    else if (n == u"headline")
        target = &info.headline;
    else if (n == u"description")
        target = &info.description;
    else if (n == u"instruction")
        target = &info.instruction;
    else if (n == u"severity")
        target = &info.severity;
    else if (n == u"urgency")
        target = &info.urgency;
    else if (n == u"certainty")
        target = &info.certainty;
    else if (n == u"senderName")
        target = &info.senderName;
    else if (n == u"effective")
        time = &info.effective;
    else if (n == u"onset")
        time = &info.onset;
    else if (n == u"expires")
        time = &info.expires;
    if (target) {
        *target = cursor.readText();
        return true;
    }
    if (time) {
        *time = parseIso8601Date(cursor.readText());
        return true;
    }
    return false;
}

// A <resource> with a <uri>, resolved as every other address of the document is (a
// publisher writes "maps/flood.png" next to the alert).
void readResource(XmlCursor &cursor, QList<CapResource> &resources)
{
    CapResource resource;
    while (cursor.nextChild()) {
        const QStringView n = cursor.name();
        if (n == u"resourceDesc")
            resource.description = cursor.readText();
        else if (n == u"mimeType")
            resource.mimeType = cursor.readText();
        else if (n == u"uri")
            resource.uri = cursor.resolve(cursor.readText().trimmed());
        else
            cursor.skipElement();
    }
    if (!resource.uri.isEmpty())
        resources.append(resource);
}

CapInfo readInfo(XmlCursor &cursor)
{
    CapInfo info;
    while (cursor.nextChild()) {
        if (readInfoField(cursor, info))
            continue;
        if (cursor.name() == u"area")
            readArea(cursor, info.areaDesc);
        else if (cursor.name() == u"resource")
            readResource(cursor, info.resources);
        else
            cursor.skipElement();
    }
    return info;
}

// Returns true when name is an alert-level field and stores it.
bool readAlertField(XmlCursor &cursor, CapAlert &alert)
{
    const QStringView n = cursor.name();
    if (n == u"identifier")
        alert.identifier = cursor.readText();
    else if (n == u"sender")
        alert.sender = cursor.readText();
    else if (n == u"sent")
        alert.sent = parseIso8601Date(cursor.readText());
    else if (n == u"status")
        alert.status = cursor.readText();
    else if (n == u"msgType" || n == u"message_type")
        alert.msgType = cursor.readText();
    else if (n == u"scope")
        alert.scope = cursor.readText();
    else if (n == u"references")
        alert.references = splitReferences(cursor.readText());
    else
        return false;
    return true;
}

} // namespace

bool isCapNamespace(QStringView uri)
{
    return uri.startsWith(u"urn:oasis:names:tc:emergency:cap:");
}

CapAlert readCapAlert(XmlCursor &cursor)
{
    CapAlert alert;
    alert.capVersion = capVersion(cursor.namespaceUri());
    // Children are matched by local name: a lenient reader also accepts an <alert> in an
    // unknown namespace (its cap_version stays empty).
    while (cursor.nextChild()) {
        if (readAlertField(cursor, alert))
            continue;
        if (cursor.name() == u"info")
            alert.info.append(readInfo(cursor));
        else
            cursor.skipElement();
    }
    return alert;
}

void CapIndexBuilder::readElement(XmlCursor &cursor)
{
    m_any = true;
    if (readAlertField(cursor, m_alert))
        return;
    if (readInfoField(cursor, m_info)) {
        m_hasInfo = true;
        return;
    }
    if (cursor.name() == u"areaDesc") {
        const QString text = cursor.readText();
        if (!text.isEmpty())
            m_info.areaDesc.append(text);
        m_hasInfo = true;
        return;
    }
    if (cursor.name() == u"area") {
        readArea(cursor, m_info.areaDesc);
        m_hasInfo = true;
        return;
    }
    // cap:geocode, cap:polygon... are not part of the index we keep.
    cursor.skipElement();
}

CapAlert CapIndexBuilder::alert() const
{
    CapAlert a = m_alert;
    a.carried = QStringLiteral("index");
    if (m_hasInfo)
        a.info.append(m_info);
    return a;
}

} // namespace bulletin
