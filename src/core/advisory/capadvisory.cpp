#include "core/advisory/capadvisory.h"

namespace bulletin {

const CapInfo *preferredInfo(const CapAlert &alert, const QString &preferredLanguage)
{
    if (alert.info.isEmpty())
        return nullptr;
    const auto languageMatches = [](const CapInfo &info, const QString &language) {
        const QString lang = info.language.isEmpty() ? QStringLiteral("en-US") : info.language;
        return !language.isEmpty()
            && lang.section(QLatin1Char('-'), 0, 0)
                   .compare(language.section(QLatin1Char('-'), 0, 0), Qt::CaseInsensitive)
            == 0;
    };
    for (const QString &language : {preferredLanguage, QStringLiteral("en")}) {
        for (const CapInfo &info : alert.info) {
            if (languageMatches(info, language))
                return &info;
        }
    }
    return &alert.info.first();
}

std::pair<QString, QString> parseCapReference(const QString &reference)
{
    const QStringList parts = reference.split(QLatin1Char(','));
    if (parts.size() < 2)
        return {};
    return {parts.at(0).trimmed(), parts.at(1).trimmed()};
}

std::optional<Advisory> advisoryFromCap(const CapAlert &alert, const QString &preferredLanguage,
                                        const QDateTime &now)
{
    if (alert.identifier.isEmpty() && alert.info.isEmpty())
        return std::nullopt;
    Advisory advisory;
    advisory.origin = QStringLiteral("cap");
    advisory.identifier = alert.identifier;
    advisory.sender = alert.sender;
    advisory.msgType = alert.msgType;
    advisory.references = alert.references;
    advisory.issuer = alert.sender;
    advisory.effective = alert.sent;
    if (const CapInfo *info = preferredInfo(alert, preferredLanguage)) {
        advisory.headline = info->headline.isEmpty() ? info->event : info->headline;
        advisory.text = info->description;
        advisory.instruction = info->instruction;
        advisory.severity = info->severity;
        advisory.urgency = info->urgency;
        advisory.certainty = info->certainty;
        if (!info->senderName.isEmpty())
            advisory.issuer = info->senderName;
        advisory.area = info->areaDesc.join(QStringLiteral("; "));
        if (info->effective.isValid())
            advisory.effective = info->effective;
        advisory.onset = info->onset;
        advisory.expires = info->expires;
    }
    if (advisory.headline.isEmpty())
        advisory.headline = alert.msgType == QLatin1String("Cancel")
            ? QStringLiteral("Alert cancelled")
            : QStringLiteral("Alert");
    if (alert.msgType.compare(QLatin1String("Cancel"), Qt::CaseInsensitive) == 0)
        advisory.status = QStringLiteral("cancelled");
    else if (advisory.expires.isValid() && advisory.expires < now)
        advisory.status = QStringLiteral("expired");
    else
        advisory.status = QStringLiteral("active");
    return advisory;
}

} // namespace bulletin
