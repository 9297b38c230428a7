#include "ui/http/http_panel.h"

#include "core/base/timeline.h"
#include "core/explain/explain.h"
#include "core/http/http_client.h"
#include "core/http/http_server.h"
#include "ui/common/empty_state.h"
#include "ui/common/lan_host.h"
#include "ui/common/stage_colors.h"
#include "ui/http/http_exchange_view.h"
#include "ui/http/http_request_log_model.h"
#include "ui/http/http_timing_chart.h"
#include "ui/http/https_pane.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace netstage {

namespace {
const QStringList kDemoNames = {QStringLiteral("example.test"), QStringLiteral("www.example.test")};
} // namespace

HttpPanel::HttpPanel(Timeline* timeline, KernelObserver* observer, WireCapture* wire,
                     QWidget* parent)
    : HttpPanel(nullptr, nullptr, timeline, observer, wire, parent)
{
}

HttpPanel::HttpPanel(HttpServer* server, HttpClient* client, Timeline* timeline,
                     KernelObserver* observer, WireCapture* wire, QWidget* parent)
    : QWidget(parent), timeline_(timeline),
      server_(server ? server : new HttpServer(timeline, observer, wire, this)),
      client_(client ? client : new HttpClient(timeline, observer, wire, this)),
      log_(new HttpRequestLogModel(timeline, QStringLiteral("http-conn-"), this))
{
    auto* outer = new QHBoxLayout(this);
    // HTTP and HTTPS (issue 15) side by side as two tabs of one lab.
    tabs_ = new QTabWidget(this);
    outer->addWidget(tabs_);
    auto* split = new QSplitter(Qt::Horizontal, tabs_);
    tabs_->addTab(split, tr("HTTP"));
    httpsPane_ = new HttpsPane(timeline, observer, wire, tabs_);
    tabs_->addTab(httpsPane_, tr("HTTPS (TLS)"));

    auto* left = new QWidget(split);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(buildServerBox());
    auto* logTitle = new QLabel(tr("<b>Requests the server answered</b>"), left);
    leftLayout->addWidget(logTitle);
    logView_ = new QTableView(left);
    logView_->setModel(log_);
    logView_->verticalHeader()->hide();
    logView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    logView_->horizontalHeader()->setStretchLastSection(true);
    logView_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    leftLayout->addWidget(logView_, 1);
    // Follow the newest row, like a terminal's tail.
    connect(log_, &QAbstractItemModel::rowsInserted, logView_, [this] {
        // Fit the columns while the log is short; later rows keep the widths (cheap).
        if (log_->rowCount() < 100)
            logView_->resizeColumnsToContents();
        logView_->scrollToBottom();
    });

    auto* right = new QSplitter(Qt::Vertical, split);
    right->addWidget(buildClientBox());
    auto* middle = new QSplitter(Qt::Horizontal, right);
    history_ = new QListWidget(middle);
    history_->setToolTip(tr("Every request the client sent; pick one to see its bytes"));
    view_ = new HttpExchangeView(middle);
    middle->addWidget(history_);
    middle->addWidget(view_);
    middle->setStretchFactor(0, 1);
    middle->setStretchFactor(1, 3);
    right->addWidget(middle);
    chart_ = new HttpTimingChart(right);
    right->addWidget(chart_);
    right->setStretchFactor(0, 0);
    right->setStretchFactor(1, 3);
    right->setStretchFactor(2, 2);

    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({560, 840});

    view_->setResourceProvider(
        [this](const QUrl& u, QByteArray* b) { return cachedResource(u, b); },
        [this](const QUrl& u) { fetchResource(u); });

    connect(server_, &HttpServer::listeningChanged, this, &HttpPanel::onListening);
    connect(client_, &HttpClient::finished, this, &HttpPanel::onFinished);
    connect(history_, &QListWidget::currentRowChanged, this, &HttpPanel::showHistoryRow);
    applyResolveOverrides();
    // A server that outlived the previous panel may be listening already.
    if (server_->isListening())
        portSpin_->setValue(server_->port());
    onListening(server_->isListening());
    addEmptyStates();
}

void HttpPanel::showHttps()
{
    tabs_->setCurrentWidget(httpsPane_);
}

HttpPanel::~HttpPanel()
{
    client_->disconnect(this);
    server_->disconnect(this);
}

QWidget* HttpPanel::buildServerBox()
{
    auto* box = new QGroupBox(tr("HTTP server"), this);
    auto* form = new QFormLayout(box);
    hostEdit_ = new QLineEdit(QStringLiteral("127.0.0.1"), box);
    hostEdit_->setObjectName(QStringLiteral("httpHostEdit"));
    portSpin_ = new QSpinBox(box);
    portSpin_->setObjectName(QStringLiteral("httpPortSpin"));
    portSpin_->setRange(0, 65535);
    portSpin_->setValue(8080);
    portSpin_->setToolTip(tr("0 picks a free port"));
    auto* addr = new QHBoxLayout;
    addr->addWidget(hostEdit_, 2);
    addr->addWidget(new QLabel(tr("Port"), box));
    addr->addWidget(portSpin_, 1);
    form->addRow(tr("Address"), addr);

    builtInRadio_ =
        new QRadioButton(tr("Built-in demo site (example.test → www.example.test)"), box);
    builtInRadio_->setChecked(true);
    folderRadio_ = new QRadioButton(tr("Folder:"), box);
    folderEdit_ = new QLineEdit(box);
    folderEdit_->setPlaceholderText(tr("a folder to serve (nothing outside it is served)"));
    browseButton_ = new QPushButton(tr("Browse…"), box);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(folderRadio_);
    folderRow->addWidget(folderEdit_, 1);
    folderRow->addWidget(browseButton_);
    form->addRow(tr("Site"), builtInRadio_);
    form->addRow(QString(), folderRow);
    connect(browseButton_, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder to serve"));
        if (!dir.isEmpty()) {
            folderEdit_->setText(dir);
            folderRadio_->setChecked(true);
        }
    });
    connect(folderEdit_, &QLineEdit::textEdited, this, [this] { folderRadio_->setChecked(true); });

    startButton_ = new QPushButton(tr("Start"), box);
    stopButton_ = new QPushButton(tr("Stop"), box);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(startButton_);
    buttons->addWidget(stopButton_);
    buttons->addStretch(1);
    form->addRow(buttons);
    serverNote_ = new QLabel(box);
    serverNote_->setWordWrap(true);
    serverNote_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(serverNote_);
    connect(startButton_, &QPushButton::clicked, this, &HttpPanel::startServer);
    connect(stopButton_, &QPushButton::clicked, this, &HttpPanel::stopServer);
    return box;
}

QWidget* HttpPanel::buildClientBox()
{
    auto* box = new QGroupBox(tr("HTTP client: compose a request"), this);
    auto* layout = new QVBoxLayout(box);
    auto* line = new QHBoxLayout;
    methodCombo_ = new QComboBox(box);
    methodCombo_->setEditable(true);
    methodCombo_->addItems({QStringLiteral("GET"), QStringLiteral("HEAD"), QStringLiteral("POST"),
                            QStringLiteral("PUT"), QStringLiteral("DELETE"),
                            QStringLiteral("OPTIONS")});
    urlEdit_ = new QLineEdit(QStringLiteral("http://example.test:8080/"), box);
    urlEdit_->setObjectName(QStringLiteral("httpUrlEdit"));
    sendButton_ = new QPushButton(tr("Send"), box);
    sendButton_->setDefault(true);
    line->addWidget(methodCombo_);
    line->addWidget(urlEdit_, 1);
    line->addWidget(sendButton_);
    layout->addLayout(line);

    auto* options = new QHBoxLayout;
    followBox_ = new QCheckBox(tr("Follow redirects"), box);
    followBox_->setChecked(true);
    resolveBox_ = new QCheckBox(tr("example.test and www.example.test → 127.0.0.1"), box);
    resolveBox_->setChecked(true);
    resolveBox_->setToolTip(tr("Like curl --resolve: these names are not in the real DNS, so the "
                               "client is told where they are"));
    subresourceBox_ = new QCheckBox(tr("Load a page's images and CSS"), box);
    subresourceBox_->setChecked(true);
    subresourceBox_->setToolTip(tr("The rendered page asks for its images and style sheet: each "
                                   "is a real request, reusing the kept-alive connection"));
    options->addWidget(followBox_);
    options->addWidget(subresourceBox_);
    options->addStretch(1);
    layout->addLayout(options);
    // On a line of its own: the longest of the three, it was cut first at large type.
    layout->addWidget(resolveBox_);

    auto* fields = new QHBoxLayout;
    headersEdit_ = new QPlainTextEdit(box);
    headersEdit_->setPlaceholderText(tr("Extra headers, one per line: Accept-Language: zh-CN"));
    bodyEdit_ = new QPlainTextEdit(box);
    bodyEdit_->setPlaceholderText(tr("Body (for POST and PUT)"));
    const int h = fontMetrics().height() * 3 + 12;
    headersEdit_->setMaximumHeight(h);
    bodyEdit_->setMaximumHeight(h);
    fields->addWidget(headersEdit_);
    fields->addWidget(bodyEdit_);
    layout->addLayout(fields);
    clientNote_ = new QLabel(box);
    clientNote_->setWordWrap(true);
    layout->addWidget(clientNote_);

    connect(sendButton_, &QPushButton::clicked, this, &HttpPanel::sendRequest);
    connect(urlEdit_, &QLineEdit::returnPressed, this, &HttpPanel::sendRequest);
    connect(urlEdit_, &QLineEdit::textEdited, this, [this] { urlEdited_ = true; });
    connect(resolveBox_, &QCheckBox::toggled, this, &HttpPanel::applyResolveOverrides);
    return box;
}

void HttpPanel::note(QLabel* label, const QString& text, bool bad)
{
    label->setText(text);
    label->setStyleSheet(StageColors::noteStyle(bad));
    if (!text.isEmpty())
        emit statusMessage(text);
}

void HttpPanel::setPort(quint16 port)
{
    portSpin_->setValue(port);
}
void HttpPanel::setUrl(const QString& url)
{
    urlEdit_->setText(url);
    urlEdited_ = true;
}
void HttpPanel::setMethod(const QString& method)
{
    methodCombo_->setCurrentText(method);
}
void HttpPanel::setHeadersText(const QString& text)
{
    headersEdit_->setPlainText(text);
}
void HttpPanel::setBodyText(const QString& text)
{
    bodyEdit_->setPlainText(text);
}
void HttpPanel::setFollowRedirects(bool on)
{
    followBox_->setChecked(on);
}

bool HttpPanel::startServer()
{
    HttpServerOptions o;
    o.host = hostEdit_->text().trimmed();
    o.port = quint16(portSpin_->value());
    if (folderRadio_->isChecked()) {
        o.siteDir = folderEdit_->text().trimmed();
        if (o.siteDir.isEmpty()) {
            note(serverNote_, tr("Choose a folder to serve, or the built-in site."), true);
            return false;
        }
    }
    const quint64 before = timeline_->endIndex();
    if (!server_->start(o)) {
        QString why = tr("The server could not start.");
        for (quint64 i = timeline_->endIndex(); i > before && i > timeline_->firstIndex(); --i) {
            const Event e = timeline_->at(i - 1);
            if (e.event == ev::Error && e.socket == server_->serverId()) {
                why = Explain::sentence(e);
                break;
            }
        }
        note(serverNote_, why, true);
        return false;
    }
    return true;
}

void HttpPanel::stopServer()
{
    server_->stop();
}

void HttpPanel::onListening(bool listening)
{
    startButton_->setEnabled(!listening);
    stopButton_->setEnabled(listening);
    hostEdit_->setEnabled(!listening);
    portSpin_->setEnabled(!listening);
    if (!listening) {
        if (!serverNote_->text().contains(QLatin1Char('!')))
            note(serverNote_,
                 tr("Stopped. Start the server, then send a request from the client "
                    "on the right (or: curl -v --resolve "
                    "example.test:8080:127.0.0.1 http://example.test:8080/)."),
                 false);
        return;
    }
    const quint16 port = server_->port();
    note(serverNote_,
         tr("Listening on %1. Try http://example.test:%2/ (301 to www.example.test) or "
            "http://localhost:%2/.")
             .arg(server_->local())
             .arg(port),
         false);
    if (!urlEdited_)
        urlEdit_->setText(QStringLiteral("http://example.test:%1/").arg(port));
}

void HttpPanel::applyResolveOverrides()
{
    client_->clearResolveOverrides();
    if (resolveBox_->isChecked()) {
        for (const QString& n : kDemoNames)
            client_->setResolveOverride(n, QHostAddress(QHostAddress::LocalHost));
    }
}

bool HttpPanel::parseHeaderLines(const QString& text, QList<QPair<QByteArray, QByteArray>>* out,
                                 QString* error)
{
    out->clear();
    for (const QString& raw : text.split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed();
        if (line.isEmpty())
            continue;
        const int colon = line.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            *error = tr("\"%1\" is not a header line (write Name: value).").arg(line);
            return false;
        }
        out->append(
            {line.left(colon).trimmed().toLatin1(), line.mid(colon + 1).trimmed().toUtf8()});
    }
    return true;
}

int HttpPanel::sendRequest()
{
    QString text = urlEdit_->text().trimmed();
    if (!text.contains(QLatin1String("://")))
        text.prepend(QStringLiteral("http://"));
    const QUrl url(text);
    if (!url.isValid() || url.host().isEmpty()) {
        note(clientNote_, tr("\"%1\" is not a URL (e.g. http://localhost:8080/).").arg(text), true);
        return 0;
    }
    const QString method = methodCombo_->currentText().trimmed().toUpper();
    if (method.isEmpty() || method.contains(QLatin1Char(' '))) {
        note(clientNote_, tr("The method must be one word, e.g. GET."), true);
        return 0;
    }
    QList<QPair<QByteArray, QByteArray>> lines;
    QString error;
    if (!parseHeaderLines(headersEdit_->toPlainText(), &lines, &error)) {
        note(clientNote_, error, true);
        return 0;
    }
    HttpClientRequest r;
    r.method = method.toLatin1();
    r.url = url;
    for (const auto& l : lines)
        r.headers.append(HttpHeader{l.first, l.second});
    r.body = bodyEdit_->toPlainText().toUtf8();
    r.follow = followBox_->isChecked();
    note(clientNote_, QString(), false);
    return client_->fetch(r);
}

void HttpPanel::onFinished(const HttpExchange& x)
{
    historyIds_.append(x.id);
    const bool forPage = pendingResources_.value(x.request.url.toString()) == x.id;
    QString label = x.ok ? QStringLiteral("#%1  %2  %3 %4")
                               .arg(x.id)
                               .arg(x.response.status)
                               .arg(QString::fromLatin1(x.request.method), x.request.url.path())
                         : QStringLiteral("#%1  %2  %3 %4")
                               .arg(x.id)
                               .arg(x.errorCode, QString::fromLatin1(x.request.method),
                                    x.request.url.toString());
    if (x.ok && x.request.url.host() != QLatin1String("localhost"))
        label += QStringLiteral("  (%1)").arg(x.request.url.host());
    if (forPage)
        label += tr("  [for the page]");
    auto* item = new QListWidgetItem(label, history_);
    item->setForeground(x.ok ? HttpRequestLogModel::statusColor(x.response.status)
                             : HttpRequestLogModel::statusColor(500));
    chart_->addExchange(x);
    if (x.ok && x.response.status == 200)
        resources_.insert(x.request.url.toString(), x.response.body);
    if (forPage) {
        view_->refreshRendered();
        return; // keep showing the page that asked for it
    }
    if (x.redirectedTo)
        return; // the final answer of the chain is shown
    history_->setCurrentRow(history_->count() - 1);
    if (!x.ok)
        note(clientNote_, tr("No answer: %1 (%2)").arg(x.error, x.errorCode), true);
}

void HttpPanel::showHistoryRow(int row)
{
    if (row < 0 || row >= historyIds_.size())
        return;
    view_->showExchange(client_->exchange(historyIds_[row]));
}

bool HttpPanel::cachedResource(const QUrl& url, QByteArray* bytes) const
{
    const auto it = resources_.constFind(url.toString());
    if (it == resources_.constEnd())
        return false;
    *bytes = it.value();
    return true;
}

void HttpPanel::fetchResource(const QUrl& url)
{
    if (!subresourceBox_->isChecked())
        return;
    const QString key = url.toString();
    if (pendingResources_.contains(key) || resources_.contains(key))
        return; // asked once; a failure is not asked again
    HttpClientRequest r;
    r.url = url;
    pendingResources_.insert(key, client_->fetch(r));
}

void HttpPanel::addEmptyStates()
{
    const QString sendText = EmptyState::plainText(sendButton_->text());
    // The one action: the demo site when no server runs yet, then the request.
    auto visit = [this] {
        if (!server_->isListening() && !startServer())
            return;
        sendRequest();
    };
    auto* noRequests = EmptyState::over(history_);
    noRequests->setObjectName(QStringLiteral("httpHistoryEmpty"));
    noRequests->setText(tr("No request yet"),
                        tr("“%1” asks the demo site for the URL above; each request is listed "
                           "here, its bytes beside it.")
                            .arg(sendText));
    noRequests->setAction(sendText, visit);
    auto* noTimings = new EmptyState(chart_, [this] { return chart_->rowCount() == 0; });
    noTimings->setObjectName(QStringLiteral("httpTimingEmpty"));
    noTimings->setText(tr("No timings yet"),
                       tr("Each request draws one bar here: DNS, connect, send, wait and "
                          "download."));
    noTimings->setAction(sendText, visit);
}

void HttpPanel::setLanHost(const QString& from, const QString& to)
{
    followLanHost(hostEdit_, from, to);
}

} // namespace netstage
