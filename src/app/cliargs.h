#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace bulletin {

// The arguments of one command, after its name: positional words and --options. An option
// takes a value when written `--name=value`, or `--name value` when the command lists it
// among its valueOptions; any other `--name` is a flag. A value option with nothing after
// it is an error (error() says which); options the command does not know are left for
// unknown() to name, so that a typo is refused rather than ignored.
// A plain value, built once per command on the main thread.
class CliArgs final
{
public:
    CliArgs(const QStringList &arguments, const QStringList &valueOptions);

    QString error() const { return m_error; }
    bool has(const QString &name) const { return m_options.contains(name); }
    QString value(const QString &name) const { return m_options.value(name); }
    const QStringList &positional() const { return m_positional; }
    // The options given that are not in `known`, each as written ("--limt").
    QStringList unknown(const QStringList &known) const;

private:
    QHash<QString, QString> m_options;
    QStringList m_positional;
    QString m_error;
};

// A story, feed, folder or account id as typed: a positive whole number, else nothing.
inline std::optional<qint64> positiveId(const QString &word)
{
    bool ok = false;
    const qint64 id = word.toLongLong(&ok);
    return ok && id > 0 ? std::optional(id) : std::nullopt;
}

} // namespace bulletin
