// Names students read: TCP states as RFC 9293 and `ss` spell them, errno names, and the plain
// sentences that explain errors and states.
#include "core/base/errors.h"
#include "core/base/event.h"
#include "core/base/tcp_state.h"
#include "core/explain/explain.h"

#include <QTest>
#include <cerrno>

using netstage::TcpState;

Q_DECLARE_METATYPE(netstage::TcpState)

class TstNames : public QObject
{
    Q_OBJECT
private slots:
    void stateNames_data();
    void stateNames();
    void stateFromNameRoundTrip_data();
    void stateFromNameRoundTrip();
    void stateFromNameUnknown();
    void stateFromLinux();
    void errnoNames_data();
    void errnoNames();
    void errnoUnknown();
    void explainErrors_data();
    void explainErrors();
    void explainStates();
    void explainSentence();
    void qtNameOfEnd();
};

void TstNames::stateNames_data()
{
    QTest::addColumn<TcpState>("state");
    QTest::addColumn<QString>("name");
    QTest::newRow("1") << TcpState::Established << "ESTABLISHED";
    QTest::newRow("2") << TcpState::SynSent << "SYN-SENT";
    QTest::newRow("3") << TcpState::SynReceived << "SYN-RECEIVED";
    QTest::newRow("4") << TcpState::FinWait1 << "FIN-WAIT-1";
    QTest::newRow("5") << TcpState::FinWait2 << "FIN-WAIT-2";
    QTest::newRow("6") << TcpState::TimeWait << "TIME-WAIT";
    QTest::newRow("7") << TcpState::Closed << "CLOSED";
    QTest::newRow("8") << TcpState::CloseWait << "CLOSE-WAIT";
    QTest::newRow("9") << TcpState::LastAck << "LAST-ACK";
    QTest::newRow("10") << TcpState::Listen << "LISTEN";
    QTest::newRow("11") << TcpState::Closing << "CLOSING";
    QTest::newRow("12") << TcpState::NewSynReceived << "SYN-RECEIVED";
}

void TstNames::stateNames()
{
    QFETCH(TcpState, state);
    QFETCH(QString, name);
    QCOMPARE(netstage::tcpStateName(state), name);
}

void TstNames::stateFromNameRoundTrip_data()
{
    stateNames_data();
}

void TstNames::stateFromNameRoundTrip()
{
    QFETCH(TcpState, state);
    QFETCH(QString, name);
    const TcpState back = netstage::tcpStateFromName(name);
    // Linux's two SYN-RECEIVED flavours share one name; the name maps to the classic one.
    const TcpState expected = state == TcpState::NewSynReceived ? TcpState::SynReceived : state;
    QCOMPARE(back, expected);
    QCOMPARE(netstage::tcpStateName(back), name);
}

void TstNames::stateFromNameUnknown()
{
    QCOMPARE(netstage::tcpStateFromName(QString()), TcpState::Unknown);
    QCOMPARE(netstage::tcpStateFromName(QStringLiteral("BOGUS")), TcpState::Unknown);
    QCOMPARE(netstage::tcpStateFromName(QStringLiteral("FIN-WAIT-3")), TcpState::Unknown);
}

void TstNames::stateFromLinux()
{
    // include/net/tcp_states.h numbering, 1..12.
    for (int s = 1; s <= 12; ++s)
        QCOMPARE(int(netstage::tcpStateFromLinux(s)), s);
    QCOMPARE(netstage::tcpStateFromLinux(0), TcpState::Unknown);
    QCOMPARE(netstage::tcpStateFromLinux(13), TcpState::Unknown);
    QCOMPARE(netstage::tcpStateFromLinux(-1), TcpState::Unknown);
    QCOMPARE(netstage::tcpStateFromLinux(255), TcpState::Unknown);
}

void TstNames::errnoNames_data()
{
    QTest::addColumn<int>("err");
    QTest::addColumn<QString>("name");
    QTest::newRow("ECONNREFUSED") << ECONNREFUSED << "ECONNREFUSED";
    QTest::newRow("EADDRINUSE") << EADDRINUSE << "EADDRINUSE";
    QTest::newRow("ECONNRESET") << ECONNRESET << "ECONNRESET";
    QTest::newRow("ETIMEDOUT") << ETIMEDOUT << "ETIMEDOUT";
    QTest::newRow("EPIPE") << EPIPE << "EPIPE";
    QTest::newRow("EHOSTUNREACH") << EHOSTUNREACH << "EHOSTUNREACH";
    QTest::newRow("ENETUNREACH") << ENETUNREACH << "ENETUNREACH";
    QTest::newRow("EADDRNOTAVAIL") << EADDRNOTAVAIL << "EADDRNOTAVAIL";
    QTest::newRow("EACCES") << EACCES << "EACCES";
    QTest::newRow("EINVAL") << EINVAL << "EINVAL";
}

void TstNames::errnoNames()
{
    QFETCH(int, err);
    QFETCH(QString, name);
    QCOMPARE(netstage::errnoName(err), name);
    QCOMPARE(netstage::errnoFromName(name), err);
}

void TstNames::errnoUnknown()
{
    QCOMPARE(netstage::errnoName(123456), QStringLiteral("E123456"));
    QCOMPARE(netstage::errnoFromName(QStringLiteral("ENOTATHING")), 0);
    QCOMPARE(netstage::errnoFromName(QString()), 0);
}

void TstNames::explainErrors_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("ECONNREFUSED") << "ECONNREFUSED";
    QTest::newRow("EADDRINUSE") << "EADDRINUSE";
    QTest::newRow("ECONNRESET") << "ECONNRESET";
    QTest::newRow("ETIMEDOUT") << "ETIMEDOUT";
}

void TstNames::explainErrors()
{
    QFETCH(QString, code);
    const QString s = netstage::Explain::forError(code);
    QVERIFY2(!s.trimmed().isEmpty(), qPrintable(code));
    // A sentence, not the code echoed back.
    QVERIFY2(s.trimmed() != code, qPrintable(s));
    QVERIFY2(s.split(QLatin1Char(' '), Qt::SkipEmptyParts).size() >= 3, qPrintable(s));
}

void TstNames::explainStates()
{
    for (const char* st : {"LISTEN", "ESTABLISHED", "FIN-WAIT-2", "CLOSE-WAIT", "LAST-ACK",
                           "TIME-WAIT", "CLOSED", "SYN-SENT"}) {
        const QString s = netstage::Explain::forState(QString::fromLatin1(st));
        QVERIFY2(!s.trimmed().isEmpty(), st);
        QVERIFY2(s.trimmed() != QLatin1String(st), st);
    }
}

void TstNames::explainSentence()
{
    netstage::Event e;
    e.socket = QStringLiteral("tcp-client-1");
    e.proto = QStringLiteral("tcp");
    e.event = QStringLiteral("error");
    e.source = QStringLiteral("app");
    e.code = QStringLiteral("ECONNREFUSED");
    // No detail of its own: the sentence comes from the code.
    QVERIFY(!netstage::Explain::sentence(e).trimmed().isEmpty());
    // Its own detail wins.
    e.detail = QStringLiteral("Nobody listens on 127.0.0.1:1.");
    QCOMPARE(netstage::Explain::sentence(e), e.detail);

    netstage::Event k;
    k.socket = QStringLiteral("tcp-conn-1");
    k.proto = QStringLiteral("tcp");
    k.event = QStringLiteral("state");
    k.source = QStringLiteral("kernel");
    k.state = QStringLiteral("CLOSE-WAIT");
    QVERIFY(!netstage::Explain::sentence(k).trimmed().isEmpty());
}

void TstNames::qtNameOfEnd()
{
    // docs/EVENTS.md: the log shows `end` = `readChannelFinished` for students moving to Qt (bare or
    // qualified with its class).
    const QString end = netstage::Explain::qtName(QStringLiteral("end"));
    QVERIFY2(end == QStringLiteral("readChannelFinished") ||
                 end.endsWith(QStringLiteral("::readChannelFinished")),
             qPrintable(end));
    QVERIFY(!netstage::Explain::qtName(QStringLiteral("data")).isEmpty());
    QVERIFY(!netstage::Explain::qtName(QStringLiteral("connect")).isEmpty());
}

QTEST_GUILESS_MAIN(TstNames)
#include "tst_names.moc"
