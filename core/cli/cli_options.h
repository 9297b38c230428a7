#pragma once

// The one parser of every lab's command line (`netstage <lab> <verb> [operands] [options]`),
// driven by a table: each verb lists its options. The same rules and the same one-line
// messages for every lab: an unknown verb or option names the known ones, an option of
// another verb says which verb it belongs to, a missing value names what was expected.
// The usage lines of each lab's --help are generated from the same table.
//
// Why not QCommandLineParser: it parses one flat set of options with positional arguments;
// the verbs (a second level, each with its own options), `--port=N` beside `--port N`, and
// messages that name a verb's options are what it cannot express, so each lab would still
// need a hand-written layer per verb. This is that layer, written once.
//
// A new lab (https, say) describes its verbs as a std::vector<CliVerb>, calls parseCliArgs()
// in its run() and checks the values it got (ranges, formats) with usageError() for bad ones;
// its help is cliUsage() followed by its own sentences. See docs/ARCHITECTURE.md.

#include <QList>
#include <QString>
#include <QStringList>
#include <vector>

namespace netstage {

struct CliOption
{
    CliOption(const QString& name, const QString& value = QString(),
              const QString& alias = QString(), bool repeats = false)
        : name(name), value(value), alias(alias), repeats(repeats)
    {
    }
    QString name;         // "--port"
    QString value;        // what follows, as usage and errors call it ("PORT"); "" for a flag
    QString alias;        // a short spelling ("-q"), or empty
    bool repeats = false; // may be given more than once ("--send TEXT...")
};

struct CliVerb
{
    QString name;     // "serve"; empty for a lab without verbs (url)
    QString operands; // for the usage line: "HOST:PORT", "[URL]", "URL..."
    std::vector<CliOption> options;
};

struct CliGiven
{
    QString option; // the option's name as in the table ("-q" comes back as "--quiet")
    QString value;  // empty for a flag
};

struct CliArgs
{
    QString verb;
    QStringList operands;
    QList<CliGiven> given; // in the order they came
    bool help = false;     // --help or -h anywhere: print the help, nothing else
    QString error;         // one line when the arguments do not fit the table

    bool has(const QString& option) const;
    QString value(const QString& option) const; // the last one given, or ""
};

// What every lab's verbs share, so each table names only its own options:
// withOutput(options) appends --events FILE|- and --quiet (-q); serveOptions(presets, more)
// is a server verb's --host, --port, --preset (when `presets` is not empty, "echo|chat"),
// then `more`, then --for SECONDS, --events and --quiet.
std::vector<CliOption> withOutput(std::vector<CliOption> options);
std::vector<CliOption> serveOptions(const QString& presets, std::vector<CliOption> more = {});

// Every verb of every lab takes these too: --lang L (handled before, by main) and --help.
// `lab` names the lab in messages ("udp"); args are the arguments after the lab's name.
CliArgs parseCliArgs(const QString& lab, const std::vector<CliVerb>& verbs,
                     const QStringList& args);

// "Usage:\n  netstage udp serve [--host HOST] ...\n" with every verb, wrapped at 79 columns.
QString cliUsage(const QString& lab, const std::vector<CliVerb>& verbs);

} // namespace netstage
