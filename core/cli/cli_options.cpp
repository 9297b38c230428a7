#include "core/cli/cli_options.h"

#include "core/cli/cli.h"

#include <algorithm>

namespace netstage {

namespace {

const CliOption* findOption(const CliVerb& verb, const QString& spelled)
{
    for (const CliOption& o : verb.options) {
        if (o.name == spelled || (!o.alias.isEmpty() && o.alias == spelled))
            return &o;
    }
    return nullptr;
}

QString verbNames(const std::vector<CliVerb>& verbs)
{
    QStringList names;
    for (const CliVerb& v : verbs)
        names << v.name;
    return names.join(QLatin1String(", "));
}

QString optionNames(const CliVerb& verb)
{
    QStringList names;
    for (const CliOption& o : verb.options)
        names << o.name;
    names << QStringLiteral("--help");
    return names.join(QLatin1String(", "));
}

QString command(const QString& lab, const CliVerb& verb)
{
    return verb.name.isEmpty() ? lab : lab + QLatin1Char(' ') + verb.name;
}

} // namespace

std::vector<CliOption> withOutput(std::vector<CliOption> options)
{
    options.emplace_back(QStringLiteral("--events"), QStringLiteral("FILE|-"));
    options.emplace_back(QStringLiteral("--quiet"), QString(), QStringLiteral("-q"));
    return options;
}

std::vector<CliOption> serveOptions(const QString& presets, std::vector<CliOption> more)
{
    std::vector<CliOption> options{{QStringLiteral("--host"), QStringLiteral("HOST")},
                                   {QStringLiteral("--port"), QStringLiteral("PORT")}};
    if (!presets.isEmpty())
        options.emplace_back(QStringLiteral("--preset"), presets);
    options.insert(options.end(), more.begin(), more.end());
    options.emplace_back(QStringLiteral("--for"), QStringLiteral("SECONDS"));
    return withOutput(std::move(options));
}

bool CliArgs::has(const QString& option) const
{
    for (const CliGiven& g : given) {
        if (g.option == option)
            return true;
    }
    return false;
}

QString CliArgs::value(const QString& option) const
{
    for (auto it = given.crbegin(); it != given.crend(); ++it) {
        if (it->option == option)
            return it->value;
    }
    return QString();
}

CliArgs parseCliArgs(const QString& lab, const std::vector<CliVerb>& verbs, const QStringList& args)
{
    CliArgs r;
    // --help wins over everything else, wherever it stands.
    for (const QString& a : args) {
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            r.help = true;
            return r;
        }
    }
    // The verb: the first word that is not an option (a lab without verbs has one, unnamed).
    const CliVerb* verb = nullptr;
    int verbAt = -1;
    if (verbs.size() == 1 && verbs.front().name.isEmpty()) {
        verb = &verbs.front();
    } else {
        for (int i = 0; i < args.size(); ++i) {
            if (args[i] == QLatin1String("--lang")) {
                ++i;
                continue;
            }
            if (args[i].startsWith(QLatin1Char('-')) && args[i].size() > 1)
                continue;
            verbAt = i;
            break;
        }
        if (verbAt < 0) {
            r.error = Cli::tr("%1 needs a verb: %2").arg(lab, verbNames(verbs));
            return r;
        }
        for (const CliVerb& v : verbs) {
            if (v.name == args[verbAt])
                verb = &v;
        }
        if (!verb) {
            r.error = Cli::tr("unknown %1 verb \"%2\"; its verbs are %3")
                          .arg(lab, args[verbAt], verbNames(verbs));
            return r;
        }
        r.verb = verb->name;
    }
    for (int i = 0; i < args.size(); ++i) {
        if (i == verbAt)
            continue;
        QString a = args[i];
        if (!a.startsWith(QLatin1Char('-')) || a.size() == 1) {
            r.operands << a; // "-" alone is an operand (stdout)
            continue;
        }
        QString inlineValue;
        bool hasInline = false;
        const int eq = a.indexOf(QLatin1Char('='));
        if (a.startsWith(QLatin1String("--")) && eq > 2) {
            inlineValue = a.mid(eq + 1);
            hasInline = true;
            a = a.left(eq);
        }
        if (a == QLatin1String("--lang")) { // the global option, read before by main()
            if (!hasInline)
                ++i;
            continue;
        }
        const CliOption* o = findOption(*verb, a);
        if (!o) {
            for (const CliVerb& other : verbs) {
                if (&other != verb && findOption(other, a)) {
                    r.error = Cli::tr("%1 belongs to %2, not to %3")
                                  .arg(a, command(lab, other), command(lab, *verb));
                    return r;
                }
            }
            r.error = Cli::tr("unknown option %1 for %2; its options are %3")
                          .arg(a, command(lab, *verb), optionNames(*verb));
            return r;
        }
        CliGiven g{o->name, QString()};
        if (o->value.isEmpty()) {
            if (hasInline) {
                r.error = Cli::tr("%1 takes no value").arg(o->name);
                return r;
            }
        } else if (hasInline) {
            g.value = inlineValue;
        } else if (i + 1 < args.size()) {
            g.value = args[++i];
        } else {
            r.error = Cli::tr("%1 needs a value (%2)").arg(o->name, o->value);
            return r;
        }
        r.given << g;
    }
    return r;
}

QString cliUsage(const QString& lab, const std::vector<CliVerb>& verbs)
{
    QString out = Cli::tr("Usage:") + QLatin1Char('\n');
    int width = 0;
    for (const CliVerb& v : verbs)
        width = std::max(width, int(v.name.size()));
    for (const CliVerb& v : verbs) {
        QString head = QStringLiteral("  netstage %1").arg(lab);
        if (!v.name.isEmpty())
            head += QLatin1Char(' ') + v.name.leftJustified(width);
        QStringList words;
        if (!v.operands.isEmpty())
            words << v.operands;
        for (const CliOption& o : v.options) {
            QString w = o.value.isEmpty() ? o.name : o.name + QLatin1Char(' ') + o.value;
            w = QLatin1Char('[') + w + QLatin1Char(']');
            if (o.repeats)
                w += QStringLiteral("...");
            words << w;
        }
        const QString indent(head.size() + 1, QLatin1Char(' '));
        QString line = head;
        for (const QString& w : std::as_const(words)) {
            if (line.size() + 1 + w.size() > 79 && line.size() > head.size()) {
                out += line + QLatin1Char('\n');
                line = indent.left(indent.size() - 1);
            }
            line += QLatin1Char(' ') + w;
        }
        out += line + QLatin1Char('\n');
    }
    return out;
}

} // namespace netstage
