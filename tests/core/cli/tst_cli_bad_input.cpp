// Bad command lines as a new user types them, on a machine without a display: the real
// binary answers with one line on stderr and exit 2, never the window; the window itself,
// with no display to open on, says so in one sentence and exits 1 (no abort, no core dump).

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

class TstCliBadInput : public QObject
{
    Q_OBJECT
private slots:
    void usageErrors_data();
    void usageErrors();
    void noDisplay_data();
    void noDisplay();
    void displayThatDoesNotAnswer();
    void labsStillRunHeadless();
};

namespace {

struct Run
{
    bool finished = false;
    QProcess::ExitStatus status = QProcess::CrashExit;
    int code = -1;
    QString out;
    QString err;
};

// The binary with no display at all: DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM unset
// (ctest sets QT_QPA_PLATFORM=offscreen for the suites; a user's terminal does not).
Run runNetstage(const QStringList& args, const QString& display = QString())
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    if (!display.isEmpty())
        env.insert(QStringLiteral("DISPLAY"), display);
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(NETSTAGE_BIN), args);
    Run r;
    r.finished = p.waitForFinished(20000);
    if (!r.finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.status = p.exitStatus();
    r.code = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QByteArray report(const QStringList& args, const Run& r)
{
    return QStringLiteral("$ netstage %1\nfinished %2, status %3, code %4\n--- stdout\n%5--- "
                          "stderr\n%6")
        .arg(args.join(QLatin1Char(' ')))
        .arg(r.finished)
        .arg(int(r.status))
        .arg(r.code)
        .arg(r.out.left(2000), r.err.left(2000))
        .toUtf8();
}

} // namespace

void TstCliBadInput::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("named"); // words the one line must hold
    const QStringList labs{"\"tpc\"", "tcp", "udp", "ws", "http", "url"};
    QTest::newRow("typo in the lab") << QStringList{"tpc", "serve"} << labs;
    QTest::newRow("a lab that does not exist")
        << QStringList{"carrier-pigeon", "ca"}
        << QStringList{"\"carrier-pigeon\"", "tcp", "udp", "ws", "http", "url"};
    QTest::newRow("typo in the lab, with --lang")
        << QStringList{"--lang", "en", "tpc", "serve"} << labs;
    QTest::newRow("unknown tcp verb")
        << QStringList{"tcp", "srve"} << QStringList{"\"srve\"", "serve", "connect", "lesson"};
    QTest::newRow("unknown tcp option")
        << QStringList{"tcp", "serve", "--colour", "red"}
        << QStringList{"--colour", "--host", "--port", "--preset", "tcp --help"};
    QTest::newRow("unknown window option")
        << QStringList{"--colour"} << QStringList{"--colour", "--lang", "--screenshot"};
    QTest::newRow("unknown udp verb")
        << QStringList{"udp", "listen"} << QStringList{"\"listen\"", "serve", "send"};
    QTest::newRow("unknown ws verb")
        << QStringList{"ws", "listen"} << QStringList{"\"listen\"", "serve", "connect"};
    QTest::newRow("unknown http verb")
        << QStringList{"http", "post"} << QStringList{"\"post\"", "serve", "get"};
    QTest::newRow("an option of the other udp verb")
        << QStringList{"udp", "serve", "--hex"} << QStringList{"--hex", "udp send", "udp serve"};
    QTest::newRow("unknown ws option")
        << QStringList{"ws", "connect", "ws://127.0.0.1:1/", "--colour"}
        << QStringList{"--colour", "--send", "--close", "ws --help"};
    QTest::newRow("unknown url option")
        << QStringList{"url", "--colour"} << QStringList{"--colour", "--visits", "--waterfall"};
    QTest::newRow("a value missing")
        << QStringList{"http", "get", "--header"} << QStringList{"--header", "http --help"};
    QTest::newRow("bad tcp port") << QStringList{"tcp", "serve", "--port", "70000"}
                                  << QStringList{"--port", "65535"};
}

void TstCliBadInput::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, named);
    const Run r = runNetstage(args);
    QVERIFY2(r.finished && r.status == QProcess::NormalExit && r.code == 2, report(args, r));
    QVERIFY2(r.out.isEmpty(), report(args, r));
    const QStringList lines = r.err.trimmed().split(QLatin1Char('\n'));
    QVERIFY2(lines.size() == 1, report(args, r)); // one line, no Qt noise
    QVERIFY2(lines[0].startsWith(QLatin1String("netstage: ")), report(args, r));
    for (const QString& word : named)
        QVERIFY2(lines[0].contains(word), qPrintable(word + QLatin1Char('\n') + report(args, r)));
}

void TstCliBadInput::noDisplay_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("the window") << QStringList{} << QString() << "no display";
    QTest::newRow("the window in Chinese")
        << QStringList{"--lang", "zh_CN"} << QString() << QString::fromUtf8("没有显示");
    QTest::newRow("a screenshot") << QStringList{"--screenshot", "/tmp/netstage-none.png"}
                                  << QString() << "no display";
    // A display that is named but not there (no X server on :97).
    QTest::newRow("a display that is not there") << QStringList{} << ":97"
                                                 << "DISPLAY=:97";
}

void TstCliBadInput::noDisplay()
{
    QFETCH(QStringList, args);
    QFETCH(QString, display);
    QFETCH(QString, sentence);
    QVERIFY2(display.isEmpty() || !QFile::exists(QStringLiteral("/tmp/.X11-unix/X97")),
             "an X server runs on :97 here");
    const Run r = runNetstage(args, display);
    QVERIFY2(r.finished && r.status == QProcess::NormalExit && r.code == 1, report(args, r));
    const QStringList lines = r.err.trimmed().split(QLatin1Char('\n'));
    QVERIFY2(lines.size() == 1, report(args, r));
    QVERIFY2(lines[0].contains(sentence), report(args, r));
    QVERIFY2(lines[0].contains(QLatin1String("netstage tcp serve")), report(args, r));
    QVERIFY2(!QFile::exists(QStringLiteral("/tmp/netstage-none.png")), report(args, r));
}

void TstCliBadInput::displayThatDoesNotAnswer()
{
    // A display named on another host cannot be checked before Qt tries it: Qt's platform
    // plugin fails (fatal, which aborts with a core dump) and netstage turns that into its
    // sentence and exit 1. Nothing listens on TCP port 6097 here (display 97).
    const Run r = runNetstage({}, QStringLiteral("127.0.0.1:97"));
    QVERIFY2(r.finished && r.status == QProcess::NormalExit && r.code == 1, report({}, r));
    const QStringList lines = r.err.trimmed().split(QLatin1Char('\n'));
    QVERIFY2(lines.last().contains(QLatin1String("netstage tcp serve")), report({}, r));
}

void TstCliBadInput::labsStillRunHeadless()
{
    // What the sentence promises: a lab runs without a display.
    const QStringList args{"tcp", "serve", "--port", "0", "--for", "0.2", "--quiet"};
    const Run r = runNetstage(args);
    QVERIFY2(r.finished && r.status == QProcess::NormalExit && r.code == 0, report(args, r));
}

QTEST_GUILESS_MAIN(TstCliBadInput)
#include "tst_cli_bad_input.moc"
