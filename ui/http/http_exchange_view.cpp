#include "ui/http/http_exchange_view.h"

#include "core/http/http_client.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStringDecoder>
#include <QTabWidget>
#include <QTextDocument>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace netstage {

namespace {
enum BodyMode
{
    Text,
    Hex,
    Rendered
};

QPlainTextEdit* monoView(QWidget* parent)
{
    auto* v = new QPlainTextEdit(parent);
    v->setReadOnly(true);
    v->setLineWrapMode(QPlainTextEdit::NoWrap);
    v->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return v;
}

bool isUtf8Text(const QByteArray& b)
{
    QStringDecoder d(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString s = d.decode(b);
    if (d.hasError())
        return false;
    for (const QChar c : s) {
        if (c.unicode() < 0x20 && c != QLatin1Char('\n') && c != QLatin1Char('\r') &&
            c != QLatin1Char('\t'))
            return false;
    }
    return true;
}
} // namespace

HttpPageBrowser::HttpPageBrowser(QWidget* parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
}

void HttpPageBrowser::setProvider(Lookup lookup, Request request)
{
    lookup_ = std::move(lookup);
    request_ = std::move(request);
}

QVariant HttpPageBrowser::loadResource(int type, const QUrl& name)
{
    if (type != QTextDocument::ImageResource && type != QTextDocument::StyleSheetResource)
        return {};
    const QUrl url = document()->baseUrl().resolved(name);
    if (url.scheme() != QLatin1String("http"))
        return {};
    QByteArray bytes;
    if (lookup_ && lookup_(url, &bytes)) {
        if (type == QTextDocument::StyleSheetResource)
            return QString::fromUtf8(bytes);
        return bytes; // the document decodes images from bytes
    }
    if (request_)
        request_(url);
    return {};
}

HttpExchangeView::HttpExchangeView(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    tabs_ = new QTabWidget(this);
    rawRequest_ = monoView(this);
    rawResponse_ = monoView(this);
    headers_ = new QTreeWidget(this);
    headers_->setColumnCount(2);
    headers_->setHeaderLabels({tr("Field"), tr("Value")});
    headers_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    headers_->setRootIsDecorated(true);

    auto* bodyBox = new QWidget(this);
    auto* bodyLayout = new QVBoxLayout(bodyBox);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyMode_ = new QComboBox(bodyBox);
    bodyMode_->addItem(tr("Text"));
    bodyMode_->addItem(tr("Hex"));
    bodyMode_->addItem(tr("Rendered (page or image)"));
    bodyMode_->setCurrentIndex(Rendered);
    bodyStack_ = new QStackedWidget(bodyBox);
    bodyText_ = monoView(bodyBox);
    page_ = new HttpPageBrowser(bodyBox);
    image_ = new QLabel(bodyBox);
    image_->setAlignment(Qt::AlignCenter);
    auto* imageScroll = new QScrollArea(bodyBox);
    imageScroll->setWidget(image_);
    imageScroll->setWidgetResizable(true);
    bodyStack_->addWidget(bodyText_);
    bodyStack_->addWidget(page_);
    bodyStack_->addWidget(imageScroll);
    auto* modeRow = new QHBoxLayout;
    modeRow->addWidget(new QLabel(tr("Show the body as:"), bodyBox));
    modeRow->addWidget(bodyMode_);
    modeRow->addStretch(1);
    bodyLayout->addLayout(modeRow);
    bodyLayout->addWidget(bodyStack_);

    tabs_->addTab(rawRequest_, tr("Raw request"));
    tabs_->addTab(rawResponse_, tr("Raw response"));
    tabs_->addTab(headers_, tr("Headers"));
    tabs_->addTab(bodyBox, tr("Body"));

    hexBox_ = new QCheckBox(tr("Hex"), this);
    hexBox_->setToolTip(tr("Show the raw bytes in hexadecimal"));
    note_ = new QLabel(this);
    note_->setWordWrap(true);
    auto* top = new QHBoxLayout;
    top->addWidget(note_, 1);
    top->addWidget(hexBox_);
    layout->addLayout(top);
    layout->addWidget(tabs_, 1);

    connect(hexBox_, &QCheckBox::toggled, this, &HttpExchangeView::render);
    connect(bodyMode_, &QComboBox::currentIndexChanged, this, &HttpExchangeView::showBody);
    clear();
}

void HttpExchangeView::setResourceProvider(HttpPageBrowser::Lookup lookup,
                                           HttpPageBrowser::Request request)
{
    page_->setProvider(std::move(lookup), std::move(request));
}

QString HttpExchangeView::visibleText(const QByteArray& bytes, qsizetype headBytes)
{
    const qsizetype head = headBytes > 0 ? qMin(headBytes, bytes.size()) : bytes.size();
    QString out = QString::fromLatin1(bytes.left(head));
    // Line ends made visible in plain ASCII (the symbol glyphs are missing from common fonts).
    out.replace(QStringLiteral("\r\n"), QStringLiteral("\\r\\n\n"));
    const QByteArray body = bytes.mid(head);
    if (body.isEmpty())
        return out;
    if (isUtf8Text(body.left(256 * 1024))) {
        out += QString::fromUtf8(body.left(256 * 1024));
        if (body.size() > 256 * 1024)
            out += tr("\n[… %n more byte(s)]", nullptr, int(body.size() - 256 * 1024));
    } else {
        out += tr("[%n byte(s) of binary body: tick Hex to see them]", nullptr, int(body.size()));
    }
    return out;
}

QString HttpExchangeView::hexDump(const QByteArray& bytes, qsizetype maxBytes)
{
    QString out;
    const qsizetype n = qMin(bytes.size(), maxBytes);
    out.reserve(int(n / 16 + 1) * 80);
    for (qsizetype off = 0; off < n; off += 16) {
        QString hex, ascii;
        for (qsizetype i = off; i < off + 16; ++i) {
            if (i < n) {
                const auto c = static_cast<unsigned char>(bytes[i]);
                hex += QStringLiteral("%1 ").arg(c, 2, 16, QLatin1Char('0'));
                ascii += (c >= 0x20 && c < 0x7f) ? QChar(c) : QLatin1Char('.');
            } else {
                hex += QStringLiteral("   ");
            }
            if (i == off + 7)
                hex += QLatin1Char(' ');
        }
        out += QStringLiteral("%1  %2 |%3|\n").arg(off, 8, 16, QLatin1Char('0')).arg(hex, ascii);
    }
    if (bytes.size() > n)
        out += tr("[… %n more byte(s)]", nullptr, int(bytes.size() - n));
    return out;
}

void HttpExchangeView::clear()
{
    reqBytes_.clear();
    respBytes_.clear();
    body_.clear();
    contentType_.clear();
    url_.clear();
    headers_->clear();
    note_->setText(tr("Send a request to see its bytes here."));
    render();
}

void HttpExchangeView::showExchange(const HttpExchange& x)
{
    reqBytes_ = x.rawRequest;
    respBytes_ = x.rawResponse;
    reqHead_ = x.rawRequest.indexOf("\r\n\r\n");
    reqHead_ = reqHead_ < 0 ? x.rawRequest.size() : reqHead_ + 4;
    respHead_ = x.response.headBytes;
    body_ = x.response.body;
    contentType_ = x.response.header("Content-Type");
    url_ = x.request.url;

    if (x.ok) {
        note_->setText(tr("#%1 %2 %3 → %4 %5 over %6%7")
                           .arg(x.id)
                           .arg(QString::fromLatin1(x.request.method), x.request.url.toString())
                           .arg(x.response.status)
                           .arg(QString::fromLatin1(x.response.reason), x.socket,
                                x.reused ? tr(" (kept-alive connection reused)") : QString()));
    } else {
        note_->setText(tr("#%1 %2 %3: no answer — %4 (%5)")
                           .arg(x.id)
                           .arg(QString::fromLatin1(x.request.method), x.request.url.toString(),
                                x.error, x.errorCode));
    }

    headers_->clear();
    auto* req = new QTreeWidgetItem(headers_, {tr("Request"), QString()});
    const QList<QByteArray> lines = x.rawRequest.left(reqHead_).split('\n');
    for (int i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const int colon = line.indexOf(':');
        if (colon > 0)
            new QTreeWidgetItem(req, {QString::fromLatin1(line.left(colon)),
                                      QString::fromLatin1(line.mid(colon + 1).trimmed())});
    }
    if (x.ok) {
        auto* resp = new QTreeWidgetItem(
            headers_, {tr("Response"), QStringLiteral("%1 %2")
                                           .arg(x.response.status)
                                           .arg(QString::fromLatin1(x.response.reason))});
        for (const HttpHeader& h : x.response.headers)
            new QTreeWidgetItem(resp, {QString::fromLatin1(h.name), QString::fromLatin1(h.value)});
    }
    headers_->expandAll();
    render();
}

void HttpExchangeView::render()
{
    if (hexBox_->isChecked()) {
        rawRequest_->setPlainText(hexDump(reqBytes_));
        rawResponse_->setPlainText(hexDump(respBytes_));
    } else {
        rawRequest_->setPlainText(visibleText(reqBytes_, reqHead_));
        rawResponse_->setPlainText(visibleText(respBytes_, respHead_));
    }
    showBody();
}

void HttpExchangeView::showBody()
{
    const int mode = bodyMode_->currentIndex();
    if (mode == Rendered && contentType_.startsWith("text/html")) {
        page_->document()->setBaseUrl(url_);
        page_->setHtml(QString::fromUtf8(body_));
        bodyStack_->setCurrentWidget(page_);
        // Lay the page out now, even on a hidden tab: that is when it asks for its images
        // and style sheet, so they are on their way before the student looks.
        page_->document()->setTextWidth(qMax(400, page_->viewport()->width()));
        page_->document()->size();
        return;
    }
    if (mode == Rendered && contentType_.startsWith("image/")) {
        QImage img;
        if (img.loadFromData(body_)) {
            image_->setPixmap(QPixmap::fromImage(img));
            image_->setText({});
        } else {
            image_->setPixmap({});
            image_->setText(tr("This image format cannot be shown here."));
        }
        bodyStack_->setCurrentWidget(image_->parentWidget()->parentWidget());
        return;
    }
    bodyStack_->setCurrentWidget(bodyText_);
    if (mode == Hex || (!body_.isEmpty() && !isUtf8Text(body_.left(64 * 1024))))
        bodyText_->setPlainText(hexDump(body_));
    else
        bodyText_->setPlainText(QString::fromUtf8(body_.left(1024 * 1024)));
}

void HttpExchangeView::refreshRendered()
{
    if (bodyMode_->currentIndex() == Rendered && contentType_.startsWith("text/html")) {
        const int scroll = page_->verticalScrollBar()->value();
        page_->setHtml(QString::fromUtf8(body_));
        page_->document()->setTextWidth(qMax(400, page_->viewport()->width()));
        page_->document()->size();
        page_->verticalScrollBar()->setValue(scroll);
    }
}

} // namespace netstage
