#include "ui/shell/start_page.h"

#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace netstage {

namespace {

QLabel* wrapped(const QString& text, QWidget* parent)
{
    auto* l = new QLabel(text, parent);
    l->setWordWrap(true);
    l->setTextFormat(Qt::PlainText);
    return l;
}

QFont scaled(QFont f, qreal factor, bool bold)
{
    f.setPointSizeF(f.pointSizeF() * factor);
    f.setBold(bold);
    return f;
}

// One colour per kind of view (colour-blind-safe, as the charts): the model, the walk, the
// lessons, the labs.
QString accentOf(const QString& id)
{
    if (id == QLatin1String("osi"))
        return QStringLiteral("#0072b2");
    if (id == QLatin1String("url"))
        return QStringLiteral("#009e73");
    if (id == QLatin1String("handshake") || id == QLatin1String("teardown"))
        return QStringLiteral("#e69f00");
    return QStringLiteral("#56b4e9");
}

} // namespace

QList<StartPage::Card> StartPage::cards()
{
    return {
        {QStringLiteral("osi"), QStringLiteral("osi")},
        {QStringLiteral("url"), QStringLiteral("url")},
        {QStringLiteral("handshake"), QStringLiteral("lessons")},
        {QStringLiteral("teardown"), QStringLiteral("lessons")},
        {QStringLiteral("tcp"), QStringLiteral("tcp")},
        {QStringLiteral("udp"), QStringLiteral("udp")},
        {QStringLiteral("http"), QStringLiteral("http")},
        {QStringLiteral("ws"), QStringLiteral("ws")},
    };
}

StartPage::StartPage(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("startPage"));
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("startScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    auto* content = new QWidget(scroll);
    content->setObjectName(QStringLiteral("startContent"));
    scroll->setWidget(content);
    auto* page = new QVBoxLayout(content);
    page->setContentsMargins(32, 24, 32, 24);
    page->setSpacing(16);

    auto* title = new QLabel(tr("Start here: the tutorial, one chapter a card"), content);
    title->setObjectName(QStringLiteral("startTitle"));
    title->setFont(scaled(font(), 1.6, true));
    title->setWordWrap(true);
    page->addWidget(title);
    page->addWidget(wrapped(tr("Every button opens a view ready to run, with real sockets on "
                               "this machine: the lesson chosen, the server preset set, the "
                               "URL typed. Press the view's own button to begin."),
                            content));

    // The first run: the guided TCP chapter, to follow or to skip.
    banner_ = new QFrame(content);
    banner_->setObjectName(QStringLiteral("tourBanner"));
    banner_->setStyleSheet(QStringLiteral(
        "QFrame#tourBanner { background: #fff4d6; border: 2px solid #e69f00; border-radius: 8px; "
        "} QFrame#tourBanner QLabel { color: #202020; }"));
    auto* bannerRow = new QHBoxLayout(banner_);
    bannerRow->setContentsMargins(16, 10, 16, 10);
    auto* bannerText =
        wrapped(tr("First time here? Follow the guided run of the TCP chapter: start the "
                   "tutorial's server, connect, send, half-close. Each step points at the button "
                   "to press and says what will appear in the log and in the socket table."),
                banner_);
    bannerRow->addWidget(bannerText, 1);
    tourButton_ = new QPushButton(tr("Start the guided run"), banner_);
    tourButton_->setObjectName(QStringLiteral("tourButton"));
    tourButton_->setDefault(true);
    auto* skip = new QPushButton(tr("Skip"), banner_);
    skip->setObjectName(QStringLiteral("tourSkipButton"));
    bannerRow->addWidget(tourButton_);
    bannerRow->addWidget(skip);
    connect(tourButton_, &QPushButton::clicked, this, [this] {
        banner_->hide();
        emit tourRequested();
    });
    connect(skip, &QPushButton::clicked, this, [this] {
        banner_->hide();
        emit tourSkipped();
    });
    banner_->hide();
    page->addWidget(banner_);

    // The tutorial's table of contents, in its order.
    auto* grid = new QGridLayout;
    grid->setSpacing(14);
    const QList<QFrame*> cardFrames = {
        buildCard(QStringLiteral("osi"), QStringLiteral("1"), tr("The network model"),
                  tr("The seven OSI layers beside TCP/IP's four, and a real frame of the TCP "
                     "lab taken apart layer by layer."),
                  tr("Open the network model")),
        buildCard(QStringLiteral("url"), QStringLiteral("2"), tr("Type a URL, load a page"),
                  tr("What the browser does after you press Enter: DNS, the connection, the "
                     "request, the 301 redirect, the page and its resources."),
                  tr("Walk http://example.test/")),
        buildCard(QStringLiteral("handshake"), QStringLiteral("2.1"), tr("The 3-way handshake"),
                  tr("SYN, SYN+ACK, ACK between two real sockets, drawn as a ladder with each "
                     "side's kernel state."),
                  tr("Choose the handshake lesson")),
        buildCard(QStringLiteral("teardown"), QStringLiteral("2.2"), tr("The 4-way teardown"),
                  tr("FIN, ACK, FIN, ACK step by step: who waits in FIN-WAIT-2, CLOSE-WAIT and "
                     "TIME-WAIT, and why."),
                  tr("Choose the teardown lesson")),
        buildCard(QStringLiteral("tcp"), QStringLiteral("3"), tr("Build a TCP service"),
                  tr("The tutorial's server on port 8124: start it, connect, send, half-close, "
                     "and watch every socket's state."),
                  tr("Open the TCP lab")),
        buildCard(QStringLiteral("udp"), QStringLiteral("4"), tr("Build a UDP service"),
                  tr("Datagrams without a connection: the tutorial's server on port 41234, "
                     "and a relay that can lose them."),
                  tr("Open the UDP lab")),
        buildCard(QStringLiteral("http"), QStringLiteral("5"), tr("Build an HTTP service"),
                  tr("The demo site on port 8080: a request, the raw answer byte by byte, the "
                     "redirect and the timings."),
                  tr("Open the HTTP lab")),
        buildCard(QStringLiteral("ws"), QStringLiteral("6"), tr("Build a WebSocket service"),
                  tr("The upgrade from HTTP, then frames both ways over the same TCP "
                     "connection, on port 8090."),
                  tr("Open the WebSocket lab")),
    };
    constexpr int kColumns = 4;
    for (int i = 0; i < cardFrames.size(); ++i)
        grid->addWidget(cardFrames[i], i / kColumns, i % kColumns);
    for (int c = 0; c < kColumns; ++c)
        grid->setColumnStretch(c, 1);
    page->addLayout(grid);

    // Continue where you left off.
    continueBox_ = new QWidget(content);
    continueBox_->setObjectName(QStringLiteral("continueBox"));
    auto* continueOuter = new QVBoxLayout(continueBox_);
    continueOuter->setContentsMargins(0, 8, 0, 0);
    auto* continueTitle = new QLabel(tr("Continue where you left off"), continueBox_);
    continueTitle->setFont(scaled(font(), 1.2, true));
    continueOuter->addWidget(continueTitle);
    continueLayout_ = new QVBoxLayout;
    continueOuter->addLayout(continueLayout_);
    page->addWidget(continueBox_);
    setContinue(QString(), QString(), QStringList());

    auto* keys = new QLabel(tr("Press F1 (or ?) at any time for every keyboard shortcut; F11 "
                               "presents to the class."),
                            content);
    keys->setObjectName(QStringLiteral("keysHint"));
    keys->setWordWrap(true);
    page->addWidget(keys);
    page->addStretch(1);
}

QFrame* StartPage::buildCard(const QString& id, const QString& chapter, const QString& title,
                             const QString& sentence, const QString& button)
{
    auto* card = new QFrame(this);
    card->setObjectName(QStringLiteral("card_%1").arg(id));
    card->setFrameShape(QFrame::StyledPanel);
    card->setStyleSheet(QStringLiteral("QFrame#card_%1 { border: 1px solid palette(mid); "
                                       "border-top: 5px solid %2; border-radius: 6px; "
                                       "background: palette(base); }")
                            .arg(id, accentOf(id)));
    auto* v = new QVBoxLayout(card);
    v->setContentsMargins(14, 12, 14, 12);
    v->setSpacing(6);
    auto* number = new QLabel(tr("Section %1").arg(chapter), card);
    number->setObjectName(QStringLiteral("cardChapter"));
    QPalette muted = number->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    number->setPalette(muted);
    v->addWidget(number);
    auto* heading = wrapped(title, card);
    heading->setObjectName(QStringLiteral("cardTitle"));
    heading->setFont(scaled(font(), 1.25, true));
    v->addWidget(heading);
    auto* text = wrapped(sentence, card);
    text->setObjectName(QStringLiteral("cardText"));
    text->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    v->addWidget(text, 1);
    auto* open = new QPushButton(button, card);
    open->setObjectName(QStringLiteral("cardButton_%1").arg(id));
    open->setToolTip(sentence);
    v->addWidget(open, 0, Qt::AlignLeft);
    buttons_.insert(id, open);
    connect(open, &QPushButton::clicked, this, [this, id] { emit cardChosen(id); });
    return card;
}

void StartPage::setContinue(const QString& view, const QString& viewTitle,
                            const QStringList& recent)
{
    // Later, not now: this may run from a click on one of these buttons.
    const auto drop = [](QWidget* w) {
        if (w) {
            w->hide();
            w->setObjectName(QString());
            w->deleteLater();
        }
    };
    while (QLayoutItem* item = continueLayout_->takeAt(0)) {
        if (QLayout* row = item->layout()) {
            while (QLayoutItem* inner = row->takeAt(0)) {
                drop(inner->widget());
                delete inner;
            }
        }
        drop(item->widget());
        delete item;
    }
    if (view.isEmpty() && recent.isEmpty()) {
        continueLayout_->addWidget(
            wrapped(tr("Nothing yet: the view you leave open and the recordings you save or "
                       "open will be listed here next time."),
                    continueBox_));
        return;
    }
    auto* row = new QHBoxLayout;
    row->setSpacing(10);
    if (!view.isEmpty()) {
        auto* last = new QPushButton(tr("Back to %1").arg(viewTitle), continueBox_);
        last->setObjectName(QStringLiteral("lastViewButton"));
        connect(last, &QPushButton::clicked, this, [this, view] { emit viewChosen(view); });
        row->addWidget(last);
    }
    for (const QString& file : recent) {
        auto* b = new QPushButton(QFileInfo(file).fileName(), continueBox_);
        b->setObjectName(QStringLiteral("recentButton"));
        b->setToolTip(QDir::toNativeSeparators(file));
        b->setFlat(false);
        connect(b, &QPushButton::clicked, this, [this, file] { emit recordingChosen(file); });
        row->addWidget(b);
    }
    row->addStretch(1);
    continueLayout_->addLayout(row);
}

void StartPage::setFirstRun(bool first)
{
    banner_->setVisible(first);
}

bool StartPage::isOfferingTour() const
{
    return !banner_->isHidden();
}

} // namespace netstage
