#include "app/cliargs.h"

namespace bulletin {

CliArgs::CliArgs(const QStringList &arguments, const QStringList &valueOptions)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a.startsWith(QLatin1String("--")) && a.size() > 2) {
            const qsizetype eq = a.indexOf(QLatin1Char('='));
            if (eq > 0) {
                m_options.insert(a.mid(2, eq - 2), a.mid(eq + 1));
            } else if (valueOptions.contains(a.mid(2))) {
                if (i + 1 >= arguments.size()) {
                    m_error = QStringLiteral("%1 needs a value").arg(a);
                    return;
                }
                m_options.insert(a.mid(2), arguments.at(++i));
            } else {
                m_options.insert(a.mid(2), QString());
            }
        } else {
            m_positional << a;
        }
    }
}

QStringList CliArgs::unknown(const QStringList &known) const
{
    QStringList result;
    for (auto it = m_options.cbegin(); it != m_options.cend(); ++it) {
        if (!known.contains(it.key()))
            result << QStringLiteral("--") + it.key();
    }
    return result;
}

} // namespace bulletin
