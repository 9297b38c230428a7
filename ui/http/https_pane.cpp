#include "ui/http/https_pane.h"

#include "core/base/timeline.h"
#include "core/tls/https_client.h"
#include "core/tls/https_server.h"
#include "core/tls/tls_ca.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace netstage {

namespace {

TlsVersion versionAt(const QComboBox* box)
{
    return static_cast<TlsVersion>(box->currentData().toInt());
}

void fillVersions(QComboBox* box)
{
    box->addItem(HttpsPane::tr("TLS 1.3 (1.2 allowed)"), int(TlsVersion::Any));
    box->addItem(HttpsPane::tr("TLS 1.3 only"), int(TlsVersion::V13));
    box->addItem(HttpsPane::tr("TLS 1.2 only"), int(TlsVersion::V12));
}

QString ms(qint64 us)
{
    return QString::number(us / 1000.0, 'f', 2) + QStringLiteral(" ms");
}

} // namespace

HttpsPane::HttpsPane(Timeline* timeline, KernelObserver* observer, WireCapture* wire,
                     QWidget* parent)
    : QWidget(parent), timeline_(timeline),
      server_(new HttpsServer(timeline, observer, wire, this)),
      client_(new HttpsClient(timeline, observer, wire, this))
{
    auto* layout = new QVBoxLayout(this);

    auto* serverBox = new QGroupBox(tr("HTTPS server: the demo site over TLS"), this);
    auto* s = new QVBoxLayout(serverBox);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Port"), serverBox));
    portSpin_ = new QSpinBox(serverBox);
    portSpin_->setRange(0, 65535);
    portSpin_->setValue(8443);
    row->addWidget(portSpin_);
    serverTls_ = new QComboBox(serverBox);
    fillVersions(serverTls_);
    row->addWidget(serverTls_);
    startButton_ = new QPushButton(tr("Start"), serverBox);
    stopButton_ = new QPushButton(tr("Stop"), serverBox);
    stopButton_->setEnabled(false);
    row->addWidget(startButton_);
    row->addWidget(stopButton_);
    caButton_ = new QPushButton(tr("Open the CA certificate's folder"), serverBox);
    caButton_->setToolTip(
        tr("The local certificate authority NetStage made for example.test, www.example.test "
           "and localhost. Trust it in a browser to open the demo site without a warning."));
    row->addWidget(caButton_);
    row->addStretch(1);
    s->addLayout(row);
    serverNote_ = new QLabel(serverBox);
    serverNote_->setWordWrap(true);
    serverNote_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    s->addWidget(serverNote_);
    layout->addWidget(serverBox);

    auto* clientBox = new QGroupBox(tr("HTTPS client: one request, every phase"), this);
    auto* c = new QVBoxLayout(clientBox);
    auto* line = new QHBoxLayout;
    urlEdit_ = new QLineEdit(QStringLiteral("https://localhost:8443/"), clientBox);
    urlEdit_->setObjectName(QStringLiteral("httpsUrlEdit"));
    line->addWidget(urlEdit_, 1);
    clientTls_ = new QComboBox(clientBox);
    fillVersions(clientTls_);
    line->addWidget(clientTls_);
    resumeBox_ = new QCheckBox(tr("Resume with the last ticket"), clientBox);
    resumeBox_->setChecked(true);
    line->addWidget(resumeBox_);
    fetchButton_ = new QPushButton(tr("Fetch"), clientBox);
    line->addWidget(fetchButton_);
    c->addLayout(line);
    table_ = new QTableWidget(0, 5, clientBox);
    table_->setHorizontalHeaderLabels(
        {tr("ms"), tr("Direction"), tr("Message"), tr("On the wire"), tr("What it says")});
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setWordWrap(true);
    table_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    c->addWidget(table_, 1);
    summary_ = new QLabel(clientBox);
    summary_->setObjectName(QStringLiteral("httpsSummary"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    c->addWidget(summary_);
    layout->addWidget(clientBox, 1);

    connect(startButton_, &QPushButton::clicked, this, &HttpsPane::startServer);
    connect(stopButton_, &QPushButton::clicked, this, &HttpsPane::stopServer);
    connect(fetchButton_, &QPushButton::clicked, this, &HttpsPane::fetch);
    connect(urlEdit_, &QLineEdit::returnPressed, this, &HttpsPane::fetch);
    connect(caButton_, &QPushButton::clicked, this, [this] {
        TlsCa ca;
        QString why;
        if (!ca.ensure(&why)) {
            serverNote_->setText(why);
            return;
        }
        serverNote_->setText(tr("The CA certificate: %1").arg(ca.caCertPath()));
        QDesktopServices::openUrl(QUrl::fromLocalFile(ca.directory()));
    });
    connect(client_, &HttpsClient::finished, this, &HttpsPane::onFinished);
    connect(server_, &HttpsServer::listeningChanged, this, [this](bool on) {
        startButton_->setEnabled(!on);
        stopButton_->setEnabled(on);
        portSpin_->setEnabled(!on);
        serverTls_->setEnabled(!on);
    });
    sink_ = timeline_->addSink([this](const Event& e) { onEvent(e); });
    serverNote_->setText(tr("Certificates from the local CA in %1 (made on first use).")
                             .arg(TlsCa::defaultDirectory()));
}

HttpsPane::~HttpsPane()
{
    timeline_->removeSink(sink_);
}

void HttpsPane::setPort(quint16 port)
{
    portSpin_->setValue(port);
}

bool HttpsPane::startServer()
{
    HttpsServerOptions o;
    o.port = static_cast<quint16>(portSpin_->value());
    o.version = versionAt(serverTls_);
    if (!server_->start(o)) {
        serverNote_->setText(
            tr("The server could not start on port %1 (see the log).").arg(portSpin_->value()));
        return false;
    }
    serverNote_->setText(tr("Listening on 127.0.0.1:%1. Try: curl --cacert \"%2\" "
                            "https://localhost:%1/")
                             .arg(server_->port())
                             .arg(TlsCa().caCertPath()));
    urlEdit_->setText(QStringLiteral("https://localhost:%1/").arg(server_->port()));
    return true;
}

void HttpsPane::stopServer()
{
    server_->stop();
}

int HttpsPane::fetch()
{
    const QUrl url = QUrl::fromUserInput(urlEdit_->text().trimmed());
    if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty()) {
        summary_->setText(tr("\"%1\" is not an https:// URL.").arg(urlEdit_->text()));
        return 0;
    }
    QString why;
    if (!client_->setup(QString(), versionAt(clientTls_), &why)) {
        summary_->setText(why);
        return 0;
    }
    client_->setResumption(resumeBox_->isChecked());
    client_->setResolveOverride(QStringLiteral("example.test"), QHostAddress::LocalHost);
    client_->setResolveOverride(QStringLiteral("www.example.test"), QHostAddress::LocalHost);
    table_->setRowCount(0);
    records_ = 0;
    const int id = client_->fetch(url);
    socket_ = client_->result(id).socket;
    summary_->setText(tr("Fetching %1 ...").arg(url.toString()));
    return id;
}

void HttpsPane::onEvent(const Event& e)
{
    if (socket_.isEmpty() || e.socket != socket_)
        return;
    QString message, wire;
    if (e.event == QLatin1String("record")) {
        ++records_;
        return;
    }
    if (e.event == QLatin1String("handshake") || e.event == QLatin1String("alert")) {
        message = e.event == QLatin1String("alert")
                      ? tr("alert: %1").arg(e.extra.value(QStringLiteral("description")).toString())
                      : e.extra.value(QStringLiteral("message")).toString();
        wire = e.extra.value(QStringLiteral("visibility")).toString() == QLatin1String("decrypted")
                   ? tr("encrypted: only the two ends read it")
                   : tr("in clear: anyone on the path reads it");
    } else if (e.event == QLatin1String("secure") || e.event == QLatin1String("tlsError")) {
        message = e.event == QLatin1String("secure") ? tr("handshake complete") : tr("TLS error");
    } else if (e.event == QLatin1String("request") || e.event == QLatin1String("response")) {
        message =
            e.event == QLatin1String("request")
                ? tr("HTTP request %1").arg(e.extra.value(QStringLiteral("target")).toString())
                : tr("HTTP response %1").arg(e.extra.value(QStringLiteral("status")).toInt());
        wire = tr("encrypted: only the two ends read it");
    } else {
        return;
    }
    const int row = table_->rowCount();
    table_->insertRow(row);
    const qint64 t = e.t_us ? e.t_us : timeline_->now();
    auto item = [](const QString& text) { return new QTableWidgetItem(text); };
    table_->setItem(row, 0, item(QString::number(t / 1000.0, 'f', 3)));
    table_->setItem(row, 1,
                    item(e.dir == QLatin1String("out")  ? tr("client → server")
                         : e.dir == QLatin1String("in") ? tr("server → client")
                                                        : QString()));
    table_->setItem(row, 2, item(message));
    table_->setItem(row, 3, item(wire));
    table_->setItem(row, 4, item(e.detail));
    // The short columns fit their contents; the sentence takes the rest and wraps.
    for (int c = 0; c < 4; ++c)
        table_->resizeColumnToContents(c);
    table_->resizeRowToContents(row);
    table_->scrollToBottom();
}

void HttpsPane::onFinished(int id)
{
    const HttpsResult r = client_->result(id);
    if (r.socket != socket_)
        return;
    const HttpsTiming& t = r.timing;
    QString head =
        r.ok ? tr("HTTP %1 over %2, %3%4.")
                   .arg(r.status)
                   .arg(r.version, r.cipher, r.resumed ? tr(" (resumed with a ticket)") : QString())
             : tr("No answer: %1").arg(r.error);
    summary_->setText(head + QLatin1Char(' ') +
                      tr("%n handshake message(s), ", nullptr, r.handshakeMessages) +
                      tr("%n TLS record(s) on the wire. ", nullptr, records_) +
                      tr("DNS %1 | TCP connection %2 | TLS handshake %3 | waiting %4 | "
                         "download %5 | total %6")
                          .arg(ms(t.dnsUs), ms(t.connectUs), ms(t.tlsUs), ms(t.waitUs),
                               ms(t.downloadUs), ms(t.totalUs)));
}

} // namespace netstage
