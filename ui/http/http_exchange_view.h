#pragma once

#include <QTextBrowser>
#include <QUrl>
#include <QWidget>
#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTabWidget;
class QTreeWidget;

namespace netstage {

struct HttpExchange;

// Renders an HTML answer with Qt's rich-text engine. Images and style sheets the page names are
// asked of a provider (the panel's cache of answers); what is missing is requested once, and
// the page is drawn again when it arrives.
class HttpPageBrowser : public QTextBrowser
{
    Q_OBJECT
public:
    using Lookup = std::function<bool(const QUrl& url, QByteArray* bytes)>;
    using Request = std::function<void(const QUrl& url)>;
    explicit HttpPageBrowser(QWidget* parent = nullptr);
    void setProvider(Lookup lookup, Request request);
    QVariant loadResource(int type, const QUrl& name) override;

private:
    Lookup lookup_;
    Request request_;
};

// One exchange, every way a student wants to see it: the raw request and raw response bytes
// (text with visible line ends, or hex), the headers of both as a table, and the body as text,
// hex, or rendered (an HTML page or an image).
class HttpExchangeView : public QWidget
{
    Q_OBJECT
public:
    explicit HttpExchangeView(QWidget* parent = nullptr);

    void showExchange(const HttpExchange& x);
    void clear();
    void setResourceProvider(HttpPageBrowser::Lookup lookup, HttpPageBrowser::Request request);
    // A resource the rendered page asked for has arrived: draw the page again.
    void refreshRendered();

    QTabWidget* tabs() const { return tabs_; }
    QPlainTextEdit* rawRequestView() const { return rawRequest_; }
    QPlainTextEdit* rawResponseView() const { return rawResponse_; }
    QTreeWidget* headersView() const { return headers_; }
    HttpPageBrowser* pageView() const { return page_; }
    QLabel* imageView() const { return image_; }
    QComboBox* bodyModeCombo() const { return bodyMode_; }

    // "GET / HTTP/1.1\\r\\n" + newline...: line ends made visible; a binary body replaced by a
    // note.
    static QString visibleText(const QByteArray& bytes, qsizetype headBytes);
    // "00000000  48 54 54 50 ...  |HTTP/1.1 200 OK.|", at most maxBytes.
    static QString hexDump(const QByteArray& bytes, qsizetype maxBytes = 64 * 1024);

private:
    void render();
    void showBody();

    QTabWidget* tabs_;
    QCheckBox* hexBox_;
    QPlainTextEdit* rawRequest_;
    QPlainTextEdit* rawResponse_;
    QTreeWidget* headers_;
    QComboBox* bodyMode_;
    QStackedWidget* bodyStack_;
    QPlainTextEdit* bodyText_;
    HttpPageBrowser* page_;
    QLabel* image_;
    QLabel* note_;

    QByteArray reqBytes_, respBytes_, body_, contentType_;
    qsizetype reqHead_ = 0, respHead_ = 0;
    QUrl url_;
};

} // namespace netstage
