// The command line, parsed only (nothing runs): defaults, every option, and bad usage.
#include "core/cli/cli.h"

#include "core/base/hex.h"

#include <QTest>
#include <vector>

using netstage::Cli;
using netstage::Command;
using netstage::HexBytes;
using netstage::TcpPreset;

namespace {

Command parse(const QStringList& rest)
{
    return Cli::parse(QStringList{QStringLiteral("netstage")} + rest);
}

// argv for Cli::isHeadless / langFromArgv; the strings live as long as the holder.
struct Argv
{
    explicit Argv(const QStringList& args)
    {
        for (const QString& a : args)
            store.push_back(a.toUtf8());
        for (QByteArray& b : store)
            ptrs.push_back(b.data());
        ptrs.push_back(nullptr);
    }
    int argc() const { return int(store.size()); }
    char** argv() { return ptrs.data(); }
    std::vector<QByteArray> store;
    std::vector<char*> ptrs;
};

} // namespace

class TstCliArgs : public QObject
{
    Q_OBJECT
private slots:
    void noArgumentsIsGui();
    void serveDefaults();
    void serveEveryOption();
    void servePortZero();
    void presets();
    void connectDefaults();
    void connectEveryOption();
    void connectThen_data();
    void connectThen();
    void usageErrors_data();
    void usageErrors();
    void help_data();
    void help();
    void version();
    void headless();
    void langFromArgv();
    void oneTable();
    void hexOneReading_data();
    void hexOneReading();
};

void TstCliArgs::noArgumentsIsGui()
{
    QCOMPARE(parse({}).kind, Command::Kind::Gui);
}

void TstCliArgs::serveDefaults()
{
    const Command c = parse({"tcp", "serve"});
    QCOMPARE(c.kind, Command::Kind::TcpServe);
    QCOMPARE(c.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(c.port, quint16(8124));
    QCOMPARE(c.preset, TcpPreset::Seed);
    QCOMPARE(c.forSeconds, -1.0);
    QVERIFY(c.error.isEmpty());
}

void TstCliArgs::serveEveryOption()
{
    const Command c = parse({"tcp", "serve", "--host", "127.0.0.2", "--port", "9000", "--preset",
                             "echo", "--for", "2.5", "--events", "out.jsonl"});
    QCOMPARE(c.kind, Command::Kind::TcpServe);
    QCOMPARE(c.host, QStringLiteral("127.0.0.2"));
    QCOMPARE(c.port, quint16(9000));
    QCOMPARE(c.preset, TcpPreset::Echo);
    QCOMPARE(c.forSeconds, 2.5);
    QCOMPARE(c.events, QStringLiteral("out.jsonl"));

    const Command d = parse({"tcp", "serve", "--events", "-", "--preset", "silent", "--for", "1"});
    QCOMPARE(d.kind, Command::Kind::TcpServe);
    QCOMPARE(d.events, QStringLiteral("-"));
    QCOMPARE(d.preset, TcpPreset::Silent);
    QCOMPARE(d.forSeconds, 1.0);
}

void TstCliArgs::servePortZero()
{
    const Command c = parse({"tcp", "serve", "--port", "0"});
    QCOMPARE(c.kind, Command::Kind::TcpServe);
    QCOMPARE(c.port, quint16(0));
    QCOMPARE(parse({"tcp", "serve", "--port", "65535"}).port, quint16(65535));
}

void TstCliArgs::presets()
{
    QCOMPARE(parse({"tcp", "serve", "--preset", "seed"}).preset, TcpPreset::Seed);
    QCOMPARE(parse({"tcp", "serve", "--preset", "echo"}).preset, TcpPreset::Echo);
    QCOMPARE(parse({"tcp", "serve", "--preset", "silent"}).preset, TcpPreset::Silent);

    for (TcpPreset p : {TcpPreset::Seed, TcpPreset::Echo, TcpPreset::Silent}) {
        TcpPreset back = TcpPreset::Seed;
        QVERIFY(netstage::tcpPresetFromName(netstage::tcpPresetName(p), &back));
        QCOMPARE(back, p);
    }
    TcpPreset out = TcpPreset::Echo;
    QVERIFY(!netstage::tcpPresetFromName(QStringLiteral("loud"), &out));
    QCOMPARE(netstage::tcpPresetName(TcpPreset::Seed), QStringLiteral("seed"));
}

void TstCliArgs::connectDefaults()
{
    const Command c = parse({"tcp", "connect", "127.0.0.1:9000"});
    QCOMPARE(c.kind, Command::Kind::TcpConnect);
    QCOMPARE(c.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(c.port, quint16(9000));
    QVERIFY(c.sends.isEmpty());
    QCOMPARE(c.hex, false);
    QCOMPARE(c.then, QStringLiteral("close"));
    QCOMPARE(c.waitMs, 500);
}

void TstCliArgs::connectEveryOption()
{
    const Command c =
        parse({"tcp", "connect", "localhost:8124", "--send", "hello", "--send", "two words",
               "--send", "你好", "--then", "half-close", "--wait", "120", "--events", "-"});
    QCOMPARE(c.kind, Command::Kind::TcpConnect);
    QCOMPARE(c.host, QStringLiteral("localhost"));
    QCOMPARE(c.port, quint16(8124));
    QCOMPARE(c.sends, (QStringList{"hello", "two words", QStringLiteral("你好")}));
    QCOMPARE(c.then, QStringLiteral("half-close"));
    QCOMPARE(c.waitMs, 120);
    QCOMPARE(c.events, QStringLiteral("-"));
    QCOMPARE(c.hex, false);

    const Command h = parse({"tcp", "connect", "127.0.0.1:1", "--hex", "--send", "48 65 6c"});
    QCOMPARE(h.kind, Command::Kind::TcpConnect);
    QCOMPARE(h.hex, true);
    QCOMPARE(h.sends, QStringList{"48 65 6c"});
}

void TstCliArgs::connectThen_data()
{
    QTest::addColumn<QString>("then");
    QTest::newRow("half-close") << "half-close";
    QTest::newRow("close") << "close";
    QTest::newRow("abort") << "abort";
}

void TstCliArgs::connectThen()
{
    QFETCH(QString, then);
    const Command c = parse({"tcp", "connect", "127.0.0.1:9", "--then", then});
    QCOMPARE(c.kind, Command::Kind::TcpConnect);
    QCOMPARE(c.then, then);
}

void TstCliArgs::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("unknown verb") << QStringList{"tcp", "frobnicate"};
    QTest::newRow("missing verb") << QStringList{"tcp"};
    QTest::newRow("unknown lab") << QStringList{"carrier-pigeon", "serve"};
    QTest::newRow("unknown option") << QStringList{"tcp", "serve", "--colour", "red"};
    QTest::newRow("port too big") << QStringList{"tcp", "serve", "--port", "70000"};
    QTest::newRow("port not a number") << QStringList{"tcp", "serve", "--port", "abc"};
    QTest::newRow("port negative") << QStringList{"tcp", "serve", "--port", "-1"};
    QTest::newRow("port missing value") << QStringList{"tcp", "serve", "--port"};
    QTest::newRow("bad preset") << QStringList{"tcp", "serve", "--preset", "loud"};
    QTest::newRow("bad for") << QStringList{"tcp", "serve", "--for", "soon"};
    QTest::newRow("bad then") << QStringList{"tcp", "connect", "127.0.0.1:9", "--then", "explode"};
    QTest::newRow("bad wait") << QStringList{"tcp", "connect", "127.0.0.1:9", "--wait", "later"};
    QTest::newRow("missing HOST:PORT") << QStringList{"tcp", "connect"};
    QTest::newRow("HOST without PORT") << QStringList{"tcp", "connect", "127.0.0.1"};
    QTest::newRow("connect port too big") << QStringList{"tcp", "connect", "127.0.0.1:99999"};
    QTest::newRow("connect port zero") << QStringList{"tcp", "connect", "127.0.0.1:0"};
    QTest::newRow("send missing value") << QStringList{"tcp", "connect", "127.0.0.1:9", "--send"};
}

void TstCliArgs::usageErrors()
{
    QFETCH(QStringList, args);
    const Command c = parse(args);
    QCOMPARE(c.kind, Command::Kind::UsageError);
    QVERIFY2(!c.error.trimmed().isEmpty(), "a usage error needs a message");
    QVERIFY2(!c.error.trimmed().contains(QLatin1Char('\n')), qPrintable(c.error)); // one line
}

void TstCliArgs::help_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("--help") << QStringList{"--help"};
    QTest::newRow("tcp --help") << QStringList{"tcp", "--help"};
    QTest::newRow("tcp serve --help") << QStringList{"tcp", "serve", "--help"};
    QTest::newRow("tcp connect --help") << QStringList{"tcp", "connect", "--help"};
}

void TstCliArgs::help()
{
    QFETCH(QStringList, args);
    const Command c = parse(args);
    QCOMPARE(c.kind, Command::Kind::Help);
    QVERIFY(!c.helpText.trimmed().isEmpty());
    QVERIFY(!Cli::mainHelp().isEmpty());
    QVERIFY(Cli::tcpHelp().contains(QStringLiteral("serve")));
    QVERIFY(Cli::tcpHelp().contains(QStringLiteral("connect")));
}

void TstCliArgs::version()
{
    QCOMPARE(parse({"--version"}).kind, Command::Kind::Version);
}

void TstCliArgs::headless()
{
    {
        Argv a({"netstage", "tcp", "serve"});
        QVERIFY(Cli::isHeadless(a.argc(), a.argv()));
    }
    {
        Argv a({"netstage", "tcp", "connect", "127.0.0.1:1"});
        QVERIFY(Cli::isHeadless(a.argc(), a.argv()));
    }
    {
        Argv a({"netstage", "--help"});
        QVERIFY(Cli::isHeadless(a.argc(), a.argv()));
    }
    {
        Argv a({"netstage", "--version"});
        QVERIFY(Cli::isHeadless(a.argc(), a.argv()));
    }
    {
        Argv a({"netstage"});
        QVERIFY(!Cli::isHeadless(a.argc(), a.argv()));
    }
    {
        Argv a({"netstage", "--lang", "zh_CN"});
        QVERIFY(!Cli::isHeadless(a.argc(), a.argv()));
    }
}

void TstCliArgs::langFromArgv()
{
    Argv a({"netstage", "--lang", "zh_CN", "tcp", "serve"});
    QCOMPARE(Cli::langFromArgv(a.argc(), a.argv()), QStringLiteral("zh_CN"));
    Argv b({"netstage", "tcp", "serve"});
    QCOMPARE(Cli::langFromArgv(b.argc(), b.argv()), QString());
    const Command c = parse({"--lang", "en", "tcp", "serve"});
    QCOMPARE(c.kind, Command::Kind::TcpServe);
    QCOMPARE(c.lang, QStringLiteral("en"));
}

void TstCliArgs::oneTable()
{
    // One parser for every lab (core/cli/cli_options.h): --opt=value beside --opt value, an
    // option of another verb named with its verb, the usage lines made from the table.
    QCOMPARE(parse({"tcp", "serve", "--port=9001"}).port, quint16(9001));
    const Command other = parse({"tcp", "serve", "--send", "hello"});
    QCOMPARE(other.kind, Command::Kind::UsageError);
    QVERIFY2(other.error.contains(QLatin1String("tcp connect")), qPrintable(other.error));
    const Command flagValue = parse({"tcp", "connect", "127.0.0.1:9", "--hex=yes"});
    QCOMPARE(flagValue.kind, Command::Kind::UsageError);
    const Command unknown = parse({"tcp", "lesson", "teardown", "--colour"});
    QVERIFY2(unknown.error.contains(QLatin1String("--step-delay")), qPrintable(unknown.error));
    QVERIFY2(Cli::tcpHelp().contains(QLatin1String("netstage tcp connect HOST:PORT "
                                                   "[--send TEXT]... [--hex]")),
             qPrintable(Cli::tcpHelp()));
    // Every lab's help starts with usage lines made the same way.
    for (const netstage::LabCli& m : Cli::labModules())
        QVERIFY2(m.help().startsWith(QStringLiteral("Usage:\n  netstage %1").arg(m.name)),
                 qPrintable(m.help().left(200)));
}

void TstCliArgs::hexOneReading_data()
{
    // One reading for --hex and the window's Hex box (core/base/hex.h): "" = not hex bytes.
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("ok");
    QTest::newRow("spaced") << "48 65 6c 6c 6f" << QByteArray("Hello") << true;
    QTest::newRow("packed") << "48656C" << QByteArray("Hel") << true;
    QTest::newRow("colons") << "48:65:6c" << QByteArray("Hel") << true;
    QTest::newRow("0x packed") << "0x48656c" << QByteArray("Hel") << true;
    QTest::newRow("0x each") << "0x48 0X65 0x6c" << QByteArray("Hel") << true;
    QTest::newRow("half a byte") << "48 6" << QByteArray() << false;
    QTest::newRow("not hex") << "48 zz" << QByteArray() << false;
    QTest::newRow("0x alone") << "0x" << QByteArray() << false;
}

void TstCliArgs::hexOneReading()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, bytes);
    QFETCH(bool, ok);
    const HexBytes h = HexBytes::parse(text);
    QCOMPARE(h.ok(), ok);
    QCOMPARE(h.bytes, bytes);
    if (!ok)
        QVERIFY(!h.badToken.isEmpty());
    // The command line takes exactly what the reading takes.
    const Command c = parse({"tcp", "connect", "127.0.0.1:9", "--hex", "--send", text});
    QCOMPARE(c.kind, ok ? Command::Kind::TcpConnect : Command::Kind::UsageError);
}

QTEST_GUILESS_MAIN(TstCliArgs)
#include "tst_cli_args.moc"
