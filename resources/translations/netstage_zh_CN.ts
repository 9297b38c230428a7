<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>netstage::Cli</name>
    <message>
        <source>cannot write events to %1: %2</source>
        <translation>无法把事件写入 %1：%2</translation>
    </message>
    <message>
        <source>port %1 is already in use (EADDRINUSE)</source>
        <translation>端口 %1 已被占用（EADDRINUSE）</translation>
    </message>
    <message>
        <source>connection to %1 refused: nothing listens there (ECONNREFUSED)</source>
        <translation>连接 %1 被拒绝：那里没有程序在监听（ECONNREFUSED）</translation>
    </message>
    <message>
        <source>the server could not start</source>
        <translation>服务器无法启动</translation>
    </message>
    <message>
        <source>cannot connect</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>could not connect to %1:%2</source>
        <translation>无法连接到 %1:%2</translation>
    </message>
    <message>
        <source>the peer did not close its side within %1 ms; closing</source>
        <translation>对端在 %1 ms 内没有关闭它那一侧；现在关闭</translation>
    </message>
    <message>
        <source>the connection closed before every --send was sent</source>
        <translation>连接在所有 --send 发送完之前就关闭了</translation>
    </message>
    <message>
        <source>--lang needs a value (zh_CN or en)</source>
        <translation>--lang 需要一个值（zh_CN 或 en）</translation>
    </message>
    <message>
        <source>--lang must be zh_CN or en, not &quot;%1&quot;</source>
        <translation>--lang 必须是 zh_CN 或 en，而不是“%1”</translation>
    </message>
    <message>
        <source>--screenshot needs a file name</source>
        <translation>--screenshot 需要一个文件名</translation>
    </message>
    <message>
        <source>--view needs a view name</source>
        <translation>--view 需要一个视图名</translation>
    </message>
    <message>
        <source>--port needs a number from 0 to 65535</source>
        <translation>--port 需要 0 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>--preset must be seed, echo or silent</source>
        <translation>--preset 必须是 seed、echo 或 silent</translation>
    </message>
    <message>
        <source>--for needs a number of seconds</source>
        <translation>--for 需要一个秒数</translation>
    </message>
    <message>
        <source>--then must be half-close, close or abort</source>
        <translation>--then 必须是 half-close、close 或 abort</translation>
    </message>
    <message>
        <source>--wait needs milliseconds (0 to 600000)</source>
        <translation>--wait 需要毫秒数（0 到 600000）</translation>
    </message>
    <message>
        <source>tcp serve takes no argument &quot;%1&quot;</source>
        <translation>tcp serve 不接受参数“%1”</translation>
    </message>
    <message>
        <source>tcp connect needs HOST:PORT, e.g. 127.0.0.1:8124</source>
        <translation>tcp connect 需要 HOST:PORT，例如 127.0.0.1:8124</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not HOST:PORT (port 1-65535), e.g. 127.0.0.1:8124</source>
        <translation>“%1”不是 HOST:PORT（端口 1-65535），例如 127.0.0.1:8124</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not hex bytes (e.g. &quot;48 65 6c 6c 6f&quot;)</source>
        <translation>“%1”不是十六进制字节（例如 &quot;48 65 6c 6c 6f&quot;）</translation>
    </message>
    <message>
        <source>netstage: no command given</source>
        <translation>netstage：没有给出命令</translation>
    </message>
    <message>
        <source>no lesson named &quot;%1&quot;; &apos;netstage tcp lesson --list&apos; lists them</source>
        <translation>没有名为“%1”的课程；&apos;netstage tcp lesson --list&apos; 会列出所有课程</translation>
    </message>
    <message>
        <source>this build cannot draw diagrams</source>
        <translation>此版本无法绘制时序图</translation>
    </message>
    <message>
        <source>the lesson could not start</source>
        <translation>课程无法启动</translation>
    </message>
    <message>
        <source>cannot write the diagram to %1: %2</source>
        <translation>无法把时序图写入 %1：%2</translation>
    </message>
    <message>
        <source>  tcp serve     run the tutorial&apos;s TCP server (presets seed, echo, silent)
  tcp connect   connect, send, then close, half-close or abort
  tcp lesson    run a lesson (handshake, teardown, ...) on real sockets
</source>
        <translation>  tcp serve     运行教程中的 TCP 服务器（预设 seed、echo、silent）
  tcp connect   连接、发送，然后关闭、半关闭或中止
  tcp lesson    在真实套接字上运行一节课程（握手、挥手……）
</translation>
    </message>
    <message>
        <source>--step-delay needs milliseconds (0 to 600000)</source>
        <translation>--step-delay 需要毫秒数（0 到 600000）</translation>
    </message>
    <message>
        <source>--diagram needs a file name ending in .png or .svg</source>
        <translation>--diagram 需要以 .png 或 .svg 结尾的文件名</translation>
    </message>
    <message>
        <source>--source must be wire or model</source>
        <translation>--source 必须是 wire 或 model</translation>
    </message>
    <message>
        <source>tcp lesson needs a NAME (or --list)</source>
        <translation>tcp lesson 需要课程名 NAME（或 --list）</translation>
    </message>
    <message>
        <source>--loss needs a percentage from 1 to 100</source>
        <translation>--loss 需要 1 到 100 之间的百分比</translation>
    </message>
    <message>
        <source>cannot write %1: wire capture is not running (%2). Run as root, or once: sudo setcap cap_net_raw,cap_net_admin=eip %3</source>
        <translation>无法写入 %1：抓包没有运行（%2）。请以 root 运行，或执行一次：sudo setcap cap_net_raw,cap_net_admin=eip %3</translation>
    </message>
    <message numerus="yes">
        <source>The nftables rule dropped %n TCP segment(s) on the way to the server.</source>
        <translation>
            <numerusform>nftables 规则在发往服务器的途中丢弃了 %n 个 TCP 报文段。</numerusform>
        </translation>
    </message>
    <message>
        <source>this build cannot draw slides</source>
        <translation>这个版本无法绘制幻灯片</translation>
    </message>
    <message>
        <source>cannot write the slides to %1: %2</source>
        <translation>无法把幻灯片写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>wrote %n slide(s) and index.html to %1</source>
        <translation>
            <numerusform>已把 %n 张幻灯片和 index.html 写入 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: netstage [--lang zh_CN|en] [--screenshot FILE [--view V]]
       netstage &lt;lab&gt; &lt;verb&gt; [options] [--events FILE|-]

NetStage shows how network connections live and die, with real sockets.
Without a lab it opens the window. With one it runs headless and prints
events; --events writes them as JSON Lines (&quot;-&quot; = stdout, and then
people-readable lines go to stderr).

Labs:
</source>
        <translation>用法：netstage [--lang zh_CN|en] [--screenshot FILE [--view V]]
      netstage &lt;lab&gt; &lt;verb&gt; [options] [--events FILE|-]

NetStage 用真实的套接字展示网络连接如何建立、如何断开。
不指定实验时打开窗口。指定实验时在无界面模式下运行并打印
事件；--events 把事件写成 JSON Lines（&quot;-&quot; = 标准输出，此时
供人阅读的文字输出到标准错误）。

实验：
</translation>
    </message>
    <message>
        <source>there is no display (DISPLAY is not set)</source>
        <translation>没有显示器（未设置 DISPLAY）</translation>
    </message>
    <message>
        <source>there is no display at DISPLAY=%1</source>
        <translation>DISPLAY=%1 上没有显示器</translation>
    </message>
    <message>
        <source>netstage: cannot open the window: %1. The labs run without one, e.g. &apos;netstage tcp serve&apos;; &apos;netstage --help&apos; lists them.</source>
        <translation>netstage：无法打开窗口：%1。各个实验不需要显示器也能运行，例如 &apos;netstage tcp serve&apos;；&apos;netstage --help&apos; 会列出它们。</translation>
    </message>
    <message>
        <source>unknown option %1; the options are %2</source>
        <translation>未知选项 %1；可用的选项有 %2</translation>
    </message>
    <message>
        <source>unknown lab &quot;%1&quot;; the labs are %2</source>
        <translation>未知的实验“%1”；可用的实验有 %2</translation>
    </message>
    <message>
        <source>%1 needs a verb: %2</source>
        <translation>%1 需要一个动作：%2</translation>
    </message>
    <message>
        <source>unknown %1 verb &quot;%2&quot;; its verbs are %3</source>
        <translation>未知的 %1 动作“%2”；它的动作有 %3</translation>
    </message>
    <message>
        <source>%1 belongs to %2, not to %3</source>
        <translation>%1 属于 %2，不属于 %3</translation>
    </message>
    <message>
        <source>unknown option %1 for %2; its options are %3</source>
        <translation>%2 没有选项 %1；它的选项有 %3</translation>
    </message>
    <message>
        <source>%1 takes no value</source>
        <translation>%1 不带值</translation>
    </message>
    <message>
        <source>%1 needs a value (%2)</source>
        <translation>%1 需要一个值（%2）</translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>netstage: %1 (see &apos;%2&apos;)</source>
        <translation>netstage：%1（参见 &apos;%2&apos;）</translation>
    </message>
    <message>
        <source>cannot write the state diagram to %1: %2</source>
        <translation>无法把状态图写入 %1：%2</translation>
    </message>
    <message>
        <source>
Options:
  --lang L        zh_CN or en (default: the system&apos;s language)
  --screenshot F  open the window, let it settle, write a PNG to F, exit
  --view V        the view for --screenshot: tcp (default), start, lessons,
                  handshake, tcp-vs-udp, udp, http, https, ws, url, url-waterfall,
                  osi, presentation, shortcuts, tcp-states; empty-V: view V before
                  anything ran
  --help          this text; &apos;netstage &lt;lab&gt; --help&apos; for one lab
  --version       the version

Exit status: 0 success, 1 runtime failure, 2 bad usage.
</source>
        <translation>
选项：
  --lang L        zh_CN 或 en（默认：系统语言）
  --screenshot F  打开窗口，等界面稳定后把 PNG 截图写入 F，然后退出
  --view V        --screenshot 使用的视图：tcp（默认）、start、lessons、
                  handshake、tcp-vs-udp、udp、http、https、ws、url、url-waterfall、
                  osi、presentation、shortcuts、tcp-states；empty-V：视图 V 在运行任何东西
                  之前的样子
  --help          显示本帮助；&apos;netstage &lt;lab&gt; --help&apos; 查看单个实验
  --version       显示版本

退出状态：0 成功，1 运行时失败，2 用法错误。
</translation>
    </message>
    <message>
        <source>serve    listens (127.0.0.1 unless --host says otherwise; --port 0 picks a free
         port) until SIGINT/SIGTERM or --for SECONDS, then closes cleanly.
         seed: the tutorial&apos;s server: a welcome line on connection, &quot;你好&quot;
               for each message, ends its side when the client ends.
         echo: writes back what arrives.   silent: says nothing and never
               closes by itself (the connection waits in CLOSE-WAIT).
connect  connects, reads what the server says, sends each --send (waiting
         --wait ms, default 500, for replies after each), then closes
         (--then close, default), sends FIN and keeps reading (half-close),
         or resets with RST (abort). --hex: --send values are hex bytes.
lesson   runs a lesson on real sockets, pausing --step-delay ms (default 400)
         before each step, prints the ladder and, with --diagram, draws it.
         The arrows come from the wire capture when it runs (root or setcap),
         otherwise from the TCP model; --source model forces the model.
         --record FILE saves a recording the window opens (File &gt; Open).
         --loss PERCENT (root or CAP_NET_ADMIN): an nftables rule drops that
         share of the TCP segments sent to the lesson&apos;s server, so the wire
         shows TCP sending them again; UDP steps go through the UDP relay with
         the same loss. The rule is removed when the lesson ends.
         --slides DIR writes one picture per step (slide-01.png...) with the
         step&apos;s explanation, and an index.html that shows them in order.
         --states FILE draws both ends&apos; path on RFC 9293&apos;s state diagram.
         syn-retries, keepalive, simultaneous-close and simultaneous-open need
         root or CAP_NET_ADMIN (an nftables rule drops chosen segments);
         --syn-retries N (1-6, default 2): SYNs sent again (TCP_SYNCNT).
--pcap FILE      (connect, lesson) the captured frames as pcapng, for
                 Wireshark or tshark; needs capture permission
--events FILE|-  every event as a JSON line (t_us, socket, event, source, ...)
--quiet          no people-readable lines
</source>
        <translation>serve    开始监听（默认 127.0.0.1，可用 --host 指定；--port 0 自动选一个
         空闲端口），直到收到 SIGINT/SIGTERM 或 --for SECONDS 到期，
         然后正常关闭。
         seed：教程中的服务器：连接建立时发送一行欢迎语，每收到一条消息
               回复“你好”，客户端结束时它也结束自己这一侧。
         echo：原样回写收到的数据。   silent：什么也不说，也从不
               主动关闭（连接停留在 CLOSE-WAIT）。
connect  建立连接，读取服务器发来的内容，发送每个 --send（每次发送后等待
         --wait 毫秒，默认 500，接收回复），然后关闭（--then close，默认）、
         发送 FIN 并继续读取（half-close，半关闭），或用 RST 重置
         （abort，中止）。--hex：--send 的值是十六进制字节。
lesson   在真实套接字上运行一节课程，每一步之前暂停 --step-delay 毫秒
         （默认 400），打印时序图；加 --diagram 时把它画成图片。
         箭头来自抓包（以 root 运行或用 setcap 授权时），否则来自
         TCP 模型；--source model 强制使用模型。
         --record FILE 保存录制文件，可在窗口中打开（文件 &gt; 打开）。
         --loss PERCENT（需要 root 或 CAP_NET_ADMIN）：用一条 nftables 规则
         按这个比例丢弃发往课程服务器的 TCP 报文段，于是抓包中能看到 TCP
         重传它们；UDP 步骤经由 UDP 中继发送，丢包率相同。课程结束时删除
         这条规则。
         --slides DIR 为每一步写一张图片（slide-01.png……），附上这一步的
         讲解，并写一个按顺序展示它们的 index.html。
         --states FILE 把两端走过的路径画在 RFC 9293 的状态图上。
         syn-retries、keepalive、simultaneous-close 和 simultaneous-open
         需要 root 或 CAP_NET_ADMIN（一条 nftables 规则丢弃选定的报文段）；
         --syn-retries N（1-6，默认 2）：SYN 重发的次数（TCP_SYNCNT）。
--pcap FILE      （connect、lesson）把抓到的帧保存为 pcapng，供 Wireshark
                 或 tshark 打开；需要抓包权限
--events FILE|-  每个事件写成一行 JSON（t_us、socket、event、source……）
--quiet          不输出供人阅读的文字
</translation>
    </message>
    <message>
        <source>--explain        the JSON lines carry a sentence (&quot;detail&quot;) in --lang
--observe WHAT   none, app, kernel, wire or all (default), or a list: app,wire
--capacity N     events kept in memory (default 1000000)
</source>
        <translation>--explain        JSON 行带上一句说明（&quot;detail&quot;），语言按 --lang
--observe WHAT   none、app、kernel、wire 或 all（默认），也可以是列表：app,wire
--capacity N     内存中保留的事件数（默认 1000000）
</translation>
    </message>
    <message>
        <source>--observe must be none, app, kernel, wire or all (or a list such as app,kernel)</source>
        <translation>--observe 必须是 none、app、kernel、wire 或 all（或者像 app,kernel 这样的列表）</translation>
    </message>
    <message>
        <source>--capacity needs a number of events from 1000 to 100000000</source>
        <translation>--capacity 需要一个 1000 到 100000000 之间的事件数</translation>
    </message>
    <message>
        <source>--syn-retries needs a number from 1 to 6</source>
        <translation>--syn-retries 需要 1 到 6 之间的数字</translation>
    </message>
    <message>
        <source>--states needs a file name ending in .png or .svg</source>
        <translation>--states 需要以 .png 或 .svg 结尾的文件名</translation>
    </message>
    <message>
        <source>netstage: the reader of %1 is not keeping up; events are left out of the stream (a &quot;dropped&quot; event marks each gap), the servers keep serving</source>
        <translation>netstage：%1 的读取方跟不上；事件流中省略了一些事件（每个缺口由一个 &quot;dropped&quot; 事件标出），服务器照常服务</translation>
    </message>
    <message>
        <source>stdout</source>
        <translation>标准输出</translation>
    </message>
    <message>
        <source>netstage: cannot write events to %1: %2; the stream stops here</source>
        <translation>netstage：无法把事件写入 %1：%2；事件流到此为止</translation>
    </message>
    <message>
        <source>Cannot write events to %1: %2.</source>
        <translation>无法把事件写入 %1：%2。</translation>
    </message>
    <message numerus="yes">
        <source>netstage: %n event(s) were left out of the stream to %1 because its reader did not keep up (the in-memory log kept them)</source>
        <translation>
            <numerusform>netstage：因为读取方跟不上，%n 个事件没有写入 %1 的事件流（内存中的日志保留了它们）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::Dns</name>
    <message>
        <source>Query %1: what is the %2 record of %3?</source>
        <translation>查询 %1：%3 的 %2 记录是什么？</translation>
    </message>
    <message>
        <source>Answer %1: I do not know %2, but %3 is served by %4 (%5).</source>
        <translation>应答 %1：我不知道 %2，但 %3 由 %4（%5）负责。</translation>
    </message>
    <message>
        <source>Answer %1: %2 is %3 (TTL %4 s)%5.</source>
        <translation>应答 %1：%2 是 %3（TTL %4 s）%5。</translation>
    </message>
    <message>
        <source>, authoritative</source>
        <translation>，来自权威域名服务器</translation>
    </message>
    <message>
        <source>Answer %1 for %2: %3.</source>
        <translation>对 %2 的应答 %1：%3。</translation>
    </message>
</context>
<context>
    <name>netstage::DnsHierarchy</name>
    <message>
        <source>The browser&apos;s DNS client uses %1 (UDP) to ask the resolver %2.</source>
        <translation>浏览器的 DNS 客户端用 %1（UDP）向解析器 %2 发出查询。</translation>
    </message>
    <message>
        <source>The DNS servers could not start on 127.0.0.1: %1.</source>
        <translation>DNS 服务器无法在 127.0.0.1 上启动：%1。</translation>
    </message>
    <message>
        <source>The DNS servers are not running.</source>
        <translation>DNS 服务器没有在运行。</translation>
    </message>
    <message>
        <source>No answer from the resolver within %1 ms.</source>
        <translation>解析器在 %1 ms 内没有应答。</translation>
    </message>
    <message>
        <source>%1 does not exist (NXDOMAIN).</source>
        <translation>%1 不存在（NXDOMAIN）。</translation>
    </message>
    <message>
        <source>The resolver found no address for %1 (%2).</source>
        <translation>解析器没有找到 %1 的地址（%2）。</translation>
    </message>
</context>
<context>
    <name>netstage::DnsMessage</name>
    <message>
        <source>The record &quot;%1&quot; is not valid: %2</source>
        <translation>资源记录“%1”无效：%2</translation>
    </message>
    <message>
        <source>The question &quot;%1&quot; is not valid: %2</source>
        <translation>查询问题“%1”无效：%2</translation>
    </message>
    <message>
        <source>Not a valid DNS message (%1 bytes): %2</source>
        <translation>不是有效的 DNS 报文（%1 字节）：%2</translation>
    </message>
</context>
<context>
    <name>netstage::DnsResolver</name>
    <message>
        <source>The recursive resolver listens on %1 (UDP); it starts at the root server %2.</source>
        <translation>递归解析器在 %1（UDP）上监听；它从根域名服务器 %2 开始查询。</translation>
    </message>
    <message>
        <source>%1 is in the resolver&apos;s cache for %2 more seconds: no question to the root.</source>
        <translation>%1 还会在解析器的缓存中保留 %2 秒：无需向根域名服务器查询。</translation>
    </message>
    <message>
        <source>The resolver remembers that %1 is served by %2: it asks there directly.</source>
        <translation>解析器记得 %1 由 %2 负责：直接向它查询。</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 ms.</source>
        <translation>%1 在 %2 ms 内没有应答。</translation>
    </message>
    <message>
        <source>An answer nobody asked for (id %1 from %2) is ignored.</source>
        <translation>忽略一个没有人请求过的应答（来自 %2，id %1）。</translation>
    </message>
    <message>
        <source>The referral to %1 cannot be followed: no address or port known for %2.</source>
        <translation>无法按指引转向 %1：不知道 %2 的地址或端口。</translation>
    </message>
</context>
<context>
    <name>netstage::DnsServer</name>
    <message>
        <source>The DNS server for the zone %1 listens on %2 (UDP).</source>
        <translation>区域 %1 的 DNS 服务器在 %2（UDP）上监听。</translation>
    </message>
    <message>
        <source>An answer arrived where only questions are expected; it is ignored.</source>
        <translation>在只应收到查询的地方收到了一个应答；已忽略。</translation>
    </message>
</context>
<context>
    <name>netstage::Encapsulation</name>
    <message>
        <source>Application data</source>
        <translation>应用数据</translation>
    </message>
    <message>
        <source>Ethernet II</source>
        <translation>Ethernet II</translation>
    </message>
    <message>
        <source>Destination MAC</source>
        <translation>目的 MAC 地址</translation>
    </message>
    <message>
        <source>Source MAC</source>
        <translation>源 MAC 地址</translation>
    </message>
    <message>
        <source>EtherType</source>
        <translation>类型（EtherType）</translation>
    </message>
    <message>
        <source>Which protocol the frame carries.</source>
        <translation>帧中承载的是哪种协议。</translation>
    </message>
    <message>
        <source>On the loopback interface Linux writes an Ethernet header with all-zero addresses: the frame never leaves the machine, so there is no cable, no preamble and no frame check sequence (the physical layer) to capture.</source>
        <translation>在回环接口上，Linux 写入一个地址全为零的以太网首部：帧从不离开本机，所以没有电缆，也没有前同步码和帧检验序列（物理层）可抓。</translation>
    </message>
    <message>
        <source>BSD loopback</source>
        <translation>BSD 回环</translation>
    </message>
    <message>
        <source>Address family</source>
        <translation>地址族</translation>
    </message>
    <message>
        <source>Link layer</source>
        <translation>链路层</translation>
    </message>
    <message>
        <source>A raw IP capture: the packet was captured without its link-layer header.</source>
        <translation>原始 IP 抓包：抓到的数据包不带链路层首部。</translation>
    </message>
    <message>
        <source>Link type %1</source>
        <translation>链路类型 %1</translation>
    </message>
    <message>
        <source>NetStage does not decode this link type.</source>
        <translation>NetStage 不解码这种链路类型。</translation>
    </message>
    <message>
        <source>The captured bytes end before this header does.</source>
        <translation>抓到的字节在这个首部结束之前就结束了。</translation>
    </message>
    <message>
        <source>IP version %1</source>
        <translation>IP 版本 %1</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Header length</source>
        <translation>首部长度</translation>
    </message>
    <message>
        <source>%1 bytes (%2 × 4)</source>
        <translation>%1 字节（%2 × 4）</translation>
    </message>
    <message>
        <source>DSCP</source>
        <translation>DSCP</translation>
    </message>
    <message>
        <source>Differentiated services: the packet&apos;s priority class.</source>
        <translation>区分服务：数据包的优先级类别。</translation>
    </message>
    <message>
        <source>ECN</source>
        <translation>ECN</translation>
    </message>
    <message>
        <source>Explicit congestion notification.</source>
        <translation>显式拥塞通知。</translation>
    </message>
    <message>
        <source>Total length</source>
        <translation>总长度</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>The IP header and everything it carries.</source>
        <translation>IP 首部及其承载的全部内容。</translation>
    </message>
    <message>
        <source>Identification</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Names the packet so its fragments can be put together again.</source>
        <translation>给数据包编号，以便把它的各个分片重新组装起来。</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>DF: do not fragment; MF: more fragments follow.</source>
        <translation>DF：不分片；MF：后面还有分片。</translation>
    </message>
    <message>
        <source>Fragment offset</source>
        <translation>片偏移</translation>
    </message>
    <message>
        <source>Time to live</source>
        <translation>生存时间（TTL）</translation>
    </message>
    <message>
        <source>Each router takes one off; at 0 the packet is dropped, so a routing loop cannot keep it forever.</source>
        <translation>每经过一个路由器减 1；减到 0 时数据包被丢弃，这样路由环路就不能让它永远转下去。</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>What the IP packet carries.</source>
        <translation>IP 数据报承载的是什么协议。</translation>
    </message>
    <message>
        <source> (correct)</source>
        <translation>（正确）</translation>
    </message>
    <message>
        <source> (wrong)</source>
        <translation>（错误）</translation>
    </message>
    <message>
        <source>Covers the IP header only; every router recomputes it because the TTL changes.</source>
        <translation>只覆盖 IP 首部；由于 TTL 会变化，每个路由器都要重新计算它。</translation>
    </message>
    <message>
        <source>Header checksum</source>
        <translation>首部校验和</translation>
    </message>
    <message>
        <source>Source address</source>
        <translation>源地址</translation>
    </message>
    <message>
        <source>Destination address</source>
        <translation>目的地址</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Traffic class</source>
        <translation>通信量类</translation>
    </message>
    <message>
        <source>Flow label</source>
        <translation>流标号</translation>
    </message>
    <message>
        <source>Payload length</source>
        <translation>有效载荷长度</translation>
    </message>
    <message>
        <source>Next header</source>
        <translation>下一个首部</translation>
    </message>
    <message>
        <source>Hop limit</source>
        <translation>跳数限制</translation>
    </message>
    <message>
        <source>IPv6&apos;s time to live: each router takes one off.</source>
        <translation>IPv6 的生存时间：每经过一个路由器减 1。</translation>
    </message>
    <message>
        <source> (not filled in: on loopback Linux leaves it to a network card that does not exist)</source>
        <translation>（未填写：在回环接口上，Linux 把它留给一块并不存在的网卡去计算）</translation>
    </message>
    <message>
        <source>Source port</source>
        <translation>源端口</translation>
    </message>
    <message>
        <source>Destination port</source>
        <translation>目的端口</translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>The number of this segment&apos;s first byte (a SYN or FIN counts as one byte).</source>
        <translation>本报文段第一个字节的编号（SYN 或 FIN 算作一个字节）。</translation>
    </message>
    <message>
        <source>Acknowledgment number</source>
        <translation>确认号</translation>
    </message>
    <message>
        <source>%1 (not used: no ACK flag)</source>
        <translation>%1（未使用：没有 ACK 标志）</translation>
    </message>
    <message>
        <source>The next byte the sender expects from its peer.</source>
        <translation>发送方期望从对端收到的下一个字节的序号。</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>How many more bytes the sender can receive (before window scaling).</source>
        <translation>发送方还能接收多少字节（窗口缩放之前的值）。</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>校验和</translation>
    </message>
    <message>
        <source>Covers the TCP header, the data and a pseudo-header of the IP addresses.</source>
        <translation>覆盖 TCP 首部、数据，以及由 IP 地址构成的伪首部。</translation>
    </message>
    <message>
        <source>Urgent pointer</source>
        <translation>紧急指针</translation>
    </message>
    <message>
        <source> (none: allowed over IPv4)</source>
        <translation>（无：IPv4 上允许不填）</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>The 8-byte header and the data.</source>
        <translation>8 字节首部加上数据。</translation>
    </message>
    <message>
        <source>NetStage does not decode this protocol.</source>
        <translation>NetStage 不解码这种协议。</translation>
    </message>
    <message>
        <source>Option: end of list</source>
        <translation>选项：选项列表结束</translation>
    </message>
    <message>
        <source>Option: no-operation</source>
        <translation>选项：无操作</translation>
    </message>
    <message>
        <source>Padding that aligns the next option.</source>
        <translation>用于对齐下一个选项的填充。</translation>
    </message>
    <message>
        <source>Option: maximum segment size</source>
        <translation>选项：最大报文段长度</translation>
    </message>
    <message>
        <source>The largest segment payload this side accepts.</source>
        <translation>本端能接受的最大报文段载荷。</translation>
    </message>
    <message>
        <source>Option: window scale</source>
        <translation>选项：窗口缩放</translation>
    </message>
    <message>
        <source>shift %1 (× %2)</source>
        <translation>移位 %1（× %2）</translation>
    </message>
    <message>
        <source>The window field is multiplied by this.</source>
        <translation>窗口字段要乘以这个数。</translation>
    </message>
    <message>
        <source>Option: SACK permitted</source>
        <translation>选项：允许 SACK</translation>
    </message>
    <message>
        <source>This side understands selective acknowledgments.</source>
        <translation>本端支持选择确认（SACK）。</translation>
    </message>
    <message>
        <source>Option: SACK</source>
        <translation>选项：SACK</translation>
    </message>
    <message>
        <source>Option: timestamps</source>
        <translation>选项：时间戳</translation>
    </message>
    <message>
        <source>Measure the round trip and tell old segments from new ones.</source>
        <translation>用来测量往返时间，并区分新旧报文段。</translation>
    </message>
    <message>
        <source>Option %1</source>
        <translation>选项 %1</translation>
    </message>
    <message>
        <source>No application bytes: this packet only carries the transport header (control, like SYN or ACK).</source>
        <translation>没有应用字节：这个数据包只携带传输层首部（用于控制，如 SYN 或 ACK）。</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>As text</source>
        <translation>文本形式</translation>
    </message>
    <message>
        <source>Only %1 of the %2 bytes were captured.</source>
        <translation>%2 字节中只抓到了 %1 字节。</translation>
    </message>
    <message>
        <source>The model knows what RFC 9293 says, not the bytes.</source>
        <translation>模型只知道 RFC 9293 的规定，不知道实际的字节。</translation>
    </message>
    <message>
        <source>The frame&apos;s bytes are not stored (a recording, or dropped from the capture store): only the fields the event recorded are known.</source>
        <translation>没有保存这一帧的字节（来自录制文件，或已从抓包存储中丢弃）：只知道事件记录下来的字段。</translation>
    </message>
    <message>
        <source>The model describes TCP only: it has no link layer.</source>
        <translation>模型只描述 TCP：它没有链路层。</translation>
    </message>
    <message>
        <source>%1 (relative: the model counts from the first byte)</source>
        <translation>%1（相对值：模型从第一个字节开始计数）</translation>
    </message>
    <message>
        <source>Drawn from the TCP model: no TTL, IP id or checksum; the numbers are the model&apos;s.</source>
        <translation>根据 TCP 模型绘制：没有 TTL、IP 标识和校验和；这些数字来自模型。</translation>
    </message>
    <message>
        <source>Only the first %1 bytes were kept with the event.</source>
        <translation>事件中只保留了前 %1 个字节。</translation>
    </message>
    <message>
        <source>not captured</source>
        <translation>未抓到</translation>
    </message>
    <message>
        <source>Frame %1 (%2 bytes): %3 %4%5%6 %7</source>
        <translation>帧 %1（%2 字节）：%3 %4%5%6 %7</translation>
    </message>
    <message>
        <source>Decoded from the bytes captured on the wire (libpcap on lo).</source>
        <translation>根据线路上抓到的字节解码（lo 上的 libpcap）。</translation>
    </message>
    <message>
        <source>%1 %2%3%4 %5</source>
        <translation>%1 %2%3%4 %5</translation>
    </message>
    <message>
        <source>Drawn from the TCP model (RFC 9293), not from captured bytes: fields the model does not know are marked &quot;not captured&quot;.</source>
        <translation>根据 TCP 模型（RFC 9293）绘制，而不是根据抓到的字节：模型不知道的字段标为“未抓到”。</translation>
    </message>
    <message>
        <source>A wire event whose frame bytes are not at hand: the fields it recorded, the rest marked &quot;not captured&quot;.</source>
        <translation>一个手头没有帧字节的 wire 事件：显示它记录的字段，其余标为“未抓到”。</translation>
    </message>
    <message numerus="yes">
        <source>%1 event of %2: %n byte(s)</source>
        <translation>
            <numerusform>%2 的 %1 事件：%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>What the program sees: only the application bytes. The kernel adds the headers when it sends and strips them when it receives, so an app event has no header fields at all.</source>
        <translation>程序看到的：只有应用字节。内核在发送时加上各层首部，在接收时去掉它们，所以 app 事件根本没有首部字段。</translation>
    </message>
    <message>
        <source>Not visible to the program: the kernel adds this header on the way out and strips it on the way in. Select the matching wire segment or datagram to see it.</source>
        <translation>程序看不到：内核在发出时加上这个首部，在收到时去掉它。选中对应的 wire 报文段或数据报即可看到。</translation>
    </message>
    <message>
        <source>Socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>The socket&apos;s two ends, as the program knows them.</source>
        <translation>程序所知道的套接字两端。</translation>
    </message>
</context>
<context>
    <name>netstage::EventLogModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>→ out</source>
        <translation>→ 发出</translation>
    </message>
    <message>
        <source>← in</source>
        <translation>← 收到</translation>
    </message>
    <message>
        <source>t_us = %1 µs on the session clock</source>
        <translation>t_us = %1 µs（会话时钟）</translation>
    </message>
    <message>
        <source>%1
local %2
remote %3</source>
        <translation>%1
本地 %2
远端 %3</translation>
    </message>
    <message>
        <source>In Qt: %1</source>
        <translation>在 Qt 中：%1</translation>
    </message>
    <message>
        <source>%1 bytes
hex: %2
text: %3</source>
        <translation>%1 字节
十六进制：%2
文本：%3</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Dir</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Milliseconds since the first event; hover a cell for the raw microseconds.</source>
        <translation>自第一个事件起的毫秒数；鼠标悬停在单元格上可看原始微秒数。</translation>
    </message>
    <message>
        <source>Who saw it: app (the program), kernel (the kernel&apos;s TCP state), wire (captured packets), model (what RFC 9293 says happened).</source>
        <translation>谁看到的：app（程序本身）、kernel（内核中的 TCP 状态）、wire（抓到的数据包）、model（RFC 9293 规定应当发生的过程）。</translation>
    </message>
    <message>
        <source>Node.js event name; hover a cell for the matching Qt signal.</source>
        <translation>Node.js 事件名；鼠标悬停在单元格上可看对应的 Qt 信号。</translation>
    </message>
    <message>
        <source>→ out: this socket sent it. ← in: this socket received it.</source>
        <translation>→ 发出：此套接字发送的。← 收到：此套接字接收的。</translation>
    </message>
    <message>
        <source>The payload as text, or as hex when it is binary or Hex is on.</source>
        <translation>以文本显示的载荷；若是二进制数据或打开了“十六进制”，则以十六进制显示。</translation>
    </message>
    <message>
        <source>The TCP state the event reports.</source>
        <translation>该事件报告的 TCP 状态。</translation>
    </message>
</context>
<context>
    <name>netstage::EventLogPanel</name>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Event log&lt;/b&gt;</source>
        <translation>&lt;b&gt;事件日志&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Show the events of one socket, or of all sockets. Selecting a socket in the list above chooses it here too.</source>
        <translation>显示某一个套接字的事件，或所有套接字的事件。在上方列表中选中一个套接字，这里也会随之选中。</translation>
    </message>
    <message>
        <source>app</source>
        <translation>app</translation>
    </message>
    <message>
        <source>What the program sees: listening, connect, data, end, close…</source>
        <translation>程序看到的：listening、connect、data、end、close……</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>kernel</translation>
    </message>
    <message>
        <source>The kernel&apos;s TCP state of each socket (as `ss` shows it).</source>
        <translation>每个套接字在内核中的 TCP 状态（与 `ss` 显示的一致）。</translation>
    </message>
    <message>
        <source>wire</source>
        <translation>wire</translation>
    </message>
    <message>
        <source>Real segments captured on the loopback interface.</source>
        <translation>在回环接口上抓到的真实报文段。</translation>
    </message>
    <message>
        <source>model</source>
        <translation>model</translation>
    </message>
    <message>
        <source>What RFC 9293 says must have happened, when the wire is not visible.</source>
        <translation>看不到线路上的报文时，按 RFC 9293 推断必然发生的过程。</translation>
    </message>
    <message>
        <source>Show every payload as hex bytes, not only the binary ones.</source>
        <translation>把所有载荷都显示为十六进制字节，而不只是二进制载荷。</translation>
    </message>
    <message>
        <source>Copy the selected events as JSON Lines (Ctrl+C).</source>
        <translation>把选中的事件复制为 JSON Lines（Ctrl+C）。</translation>
    </message>
    <message>
        <source>Save the events shown (after filtering) as a JSON Lines file.</source>
        <translation>把当前显示的（过滤后的）事件保存为 JSON Lines 文件。</translation>
    </message>
    <message>
        <source>Copy as JSON Lines</source>
        <translation>复制为 JSON Lines</translation>
    </message>
    <message>
        <source>All sockets</source>
        <translation>所有套接字</translation>
    </message>
    <message>
        <source>Select rows to copy first.</source>
        <translation>请先选中要复制的行。</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n event(s) as JSON Lines.</source>
        <translation>
            <numerusform>已将 %n 个事件复制为 JSON Lines。</numerusform>
        </translation>
    </message>
    <message>
        <source>A save is still running; try again when it has finished.</source>
        <translation>仍有一次保存在进行中；请在它完成后再试。</translation>
    </message>
    <message numerus="yes">
        <source>Saving %n event(s)…</source>
        <translation>
            <numerusform>正在保存 %n 个事件…</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the event log as JSON Lines</source>
        <translation>把事件日志保存为 JSON Lines</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl *.ndjson);;All files (*)</source>
        <translation>JSON Lines (*.jsonl *.ndjson);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) shown</source>
        <translation>
            <numerusform>显示了 %n 个事件</numerusform>
        </translation>
    </message>
    <message>
        <source>Show layers (network model)</source>
        <translation>显示分层（网络模型）</translation>
    </message>
    <message>
        <source>Show the selected segment or datagram encapsulated: application bytes inside TCP/UDP inside IP inside the frame.</source>
        <translation>显示选中报文段或数据报的封装：应用字节封装在 TCP/UDP 里，TCP/UDP 封装在 IP 里，IP 再封装在帧里。</translation>
    </message>
    <message>
        <source>Select a segment or datagram first.</source>
        <translation>请先选中一个报文段或数据报。</translation>
    </message>
    <message>
        <source>All TCP lab sockets</source>
        <translation>TCP 实验的所有套接字</translation>
    </message>
    <message>
        <source>All UDP lab sockets</source>
        <translation>UDP 实验的所有套接字</translation>
    </message>
    <message>
        <source>All HTTP lab sockets</source>
        <translation>HTTP 实验的所有套接字</translation>
    </message>
    <message>
        <source>All WebSocket lab sockets</source>
        <translation>WebSocket 实验的所有套接字</translation>
    </message>
    <message>
        <source>All DNS sockets</source>
        <translation>所有 DNS 套接字</translation>
    </message>
    <message>
        <source>All URL walk sockets</source>
        <translation>URL 之旅的所有套接字</translation>
    </message>
    <message>
        <source>A %1 event is not a packet: choose a segment, a datagram or a data event to see its layers.</source>
        <translation>%1 事件不是数据包：请选择报文段、数据报或 data 事件来查看它的分层。</translation>
    </message>
    <message>
        <source>No events yet</source>
        <translation>还没有事件</translation>
    </message>
    <message>
        <source>Everything a socket of this lab does appears here, one row each.</source>
        <translation>这个实验中套接字做的每一件事都会出现在这里，每件事一行。</translation>
    </message>
</context>
<context>
    <name>netstage::Explain</name>
    <message>
        <source>The server socket is bound and listening: the kernel now completes handshakes for it and queues the new connections until the program accepts them.</source>
        <translation>服务器套接字已绑定并开始监听：内核现在会替它完成握手，并把新连接排队，直到程序接受（accept）它们。</translation>
    </message>
    <message>
        <source>The server accepted a new connection: the 3-way handshake (SYN, SYN+ACK, ACK) is already complete in the kernel.</source>
        <translation>服务器接受了一个新连接：三次握手（SYN、SYN+ACK、ACK）已在内核中完成。</translation>
    </message>
    <message>
        <source>The client&apos;s 3-way handshake completed (SYN, SYN+ACK, ACK): the connection is ESTABLISHED and both sides can send.</source>
        <translation>客户端的三次握手已完成（SYN、SYN+ACK、ACK）：连接进入 ESTABLISHED，双方都可以发送数据。</translation>
    </message>
    <message>
        <source>The peer sent FIN: it will send nothing more. Reading returns end-of-stream; this side may still write until it closes too.</source>
        <translation>对端发送了 FIN：它不会再发送任何数据。读取会得到流结束；本端在关闭之前仍可写入。</translation>
    </message>
    <message>
        <source>The program closed its socket. The kernel may still hold the connection (FIN-WAIT, TIME-WAIT) until the teardown completes.</source>
        <translation>程序关闭了它的套接字。在挥手完成之前，内核可能仍保留着这个连接（FIN-WAIT、TIME-WAIT）。</translation>
    </message>
    <message>
        <source>Connection refused: nothing listens on that port, so the peer&apos;s kernel answered the SYN with RST.</source>
        <translation>连接被拒绝：那个端口上没有程序在监听，所以对端内核用 RST 回应了 SYN。</translation>
    </message>
    <message>
        <source>Address in use: another socket already listens on this address and port. Stop the other program or choose another port.</source>
        <translation>地址已被占用：另一个套接字已经在这个地址和端口上监听。请停止那个程序，或换一个端口。</translation>
    </message>
    <message>
        <source>Connection reset: the peer sent RST. It aborted (SO_LINGER 0) or closed while data was still unread, so the connection ends at once, without a FIN.</source>
        <translation>连接被重置：对端发送了 RST。它中止了连接（SO_LINGER 0），或在仍有数据未读时关闭，所以连接立即结束，不经过 FIN。</translation>
    </message>
    <message>
        <source>Timed out: no answer came to the SYN in time (a firewall may drop it silently, or the host is unreachable).</source>
        <translation>超时：SYN 没有及时得到回应（可能被防火墙悄悄丢弃，或主机不可达）。</translation>
    </message>
    <message>
        <source>Broken pipe: this side already shut down its sending direction, or the peer reset the connection; the data cannot be sent.</source>
        <translation>管道已断开：本端已经关闭了发送方向，或对端重置了连接；数据无法发送。</translation>
    </message>
    <message>
        <source>Permission denied: ports below 1024 need administrator rights.</source>
        <translation>权限不足：1024 以下的端口需要管理员权限。</translation>
    </message>
    <message>
        <source>Address not available: that IP address does not belong to this machine.</source>
        <translation>地址不可用：该 IP 地址不属于本机。</translation>
    </message>
    <message>
        <source>No route to that network or host.</source>
        <translation>没有到达该网络或主机的路由。</translation>
    </message>
    <message>
        <source>The host name could not be resolved to an address.</source>
        <translation>无法把主机名解析为地址。</translation>
    </message>
    <message>
        <source>That socket is not open (it was closed already, or never existed).</source>
        <translation>该套接字没有打开（已经关闭，或从未存在）。</translation>
    </message>
    <message>
        <source>That input cannot be used.</source>
        <translation>该输入无法使用。</translation>
    </message>
    <message>
        <source>The operation failed (%1).</source>
        <translation>操作失败（%1）。</translation>
    </message>
    <message>
        <source>LISTEN: waiting for SYNs from clients.</source>
        <translation>LISTEN：等待客户端的 SYN。</translation>
    </message>
    <message>
        <source>SYN-SENT: the client sent SYN and waits for SYN+ACK.</source>
        <translation>SYN-SENT：客户端已发送 SYN，正在等待 SYN+ACK。</translation>
    </message>
    <message>
        <source>SYN-RECEIVED: the server got SYN, answered SYN+ACK and waits for the final ACK.</source>
        <translation>SYN-RECEIVED：服务器收到 SYN，已回复 SYN+ACK，正在等待最后的 ACK。</translation>
    </message>
    <message>
        <source>ESTABLISHED: the handshake is complete; data flows both ways.</source>
        <translation>ESTABLISHED：握手已完成；数据可以双向传输。</translation>
    </message>
    <message>
        <source>FIN-WAIT-1: this side sent FIN and waits for it to be acknowledged.</source>
        <translation>FIN-WAIT-1：本端已发送 FIN，正在等待对方确认。</translation>
    </message>
    <message>
        <source>FIN-WAIT-2: our FIN was acknowledged; we wait for the peer&apos;s FIN and can still receive data (half-closed).</source>
        <translation>FIN-WAIT-2：我们的 FIN 已被确认；正在等待对端的 FIN，仍可接收数据（半关闭）。</translation>
    </message>
    <message>
        <source>CLOSE-WAIT: the peer sent FIN and the kernel acknowledged it; the connection stays half-open until this program closes its side.</source>
        <translation>CLOSE-WAIT：对端发送了 FIN，内核已确认；在本程序关闭自己这一侧之前，连接保持半开状态。</translation>
    </message>
    <message>
        <source>CLOSING: both sides sent FIN at the same time; waiting for the ACK of ours.</source>
        <translation>CLOSING：双方同时发送了 FIN；正在等待对我方 FIN 的 ACK。</translation>
    </message>
    <message>
        <source>LAST-ACK: this side sent its FIN after the peer&apos;s; waiting for the last ACK.</source>
        <translation>LAST-ACK：本端在对端之后发送了 FIN；正在等待最后的 ACK。</translation>
    </message>
    <message>
        <source>TIME-WAIT: the side that closed first waits 2×MSL (60 s on Linux) so late segments die out and the last ACK can be repeated if it was lost.</source>
        <translation>TIME-WAIT：先关闭的一方等待 2×MSL（Linux 上为 60 秒），让迟到的报文段消失，并在最后的 ACK 丢失时能够重发。</translation>
    </message>
    <message>
        <source>CLOSED: the kernel has forgotten this connection.</source>
        <translation>CLOSED：内核已经忘掉了这个连接。</translation>
    </message>
    <message>
        <source>The request&apos;s headers are too large or too many: 431 Request Header Fields Too Large.</source>
        <translation>请求头太大或字段太多：431 Request Header Fields Too Large。</translation>
    </message>
    <message>
        <source>The request line is too long: 414 URI Too Long.</source>
        <translation>请求行太长：414 URI Too Long。</translation>
    </message>
    <message>
        <source>The body is larger than the server accepts: 413 Content Too Large.</source>
        <translation>请求体超过了服务器能接受的大小：413 Content Too Large。</translation>
    </message>
    <message>
        <source>The client was too slow to send its request: 408 Request Timeout, then close.</source>
        <translation>客户端发送请求太慢：408 Request Timeout，然后关闭。</translation>
    </message>
    <message>
        <source>The connection closed in the middle of an HTTP message.</source>
        <translation>连接在一条 HTTP 消息的中途关闭了。</translation>
    </message>
    <message>
        <source>The HTTP version is malformed or not HTTP/1.x (505 for HTTP/2 sent as text).</source>
        <translation>HTTP 版本格式错误或不是 HTTP/1.x（以文本形式发送 HTTP/2 会得到 505）。</translation>
    </message>
    <message>
        <source>The bytes are not well-formed HTTP/1.1 (%1): 400 Bad Request, then close.</source>
        <translation>这些字节不是格式正确的 HTTP/1.1（%1）：400 Bad Request，然后关闭。</translation>
    </message>
    <message>
        <source>The client sent requests faster than it read the answers; the server cut it off.</source>
        <translation>客户端发送请求的速度超过了它读取响应的速度；服务器切断了它。</translation>
    </message>
    <message>
        <source>The request was cancelled before an answer came.</source>
        <translation>请求在收到响应之前被取消了。</translation>
    </message>
    <message>
        <source>RST: reset. The connection is dropped at once, without FIN and without TIME-WAIT (an abort, or a SYN to a port where nothing listens).</source>
        <translation>RST：重置。连接立即被丢弃，没有 FIN，也没有 TIME-WAIT（中止连接，或向没有监听的端口发送 SYN）。</translation>
    </message>
    <message>
        <source>SYN (handshake 1/3): asks to open a connection. seq is this side&apos;s initial sequence number (ISN), chosen at random; the options offer MSS, window scaling, SACK and timestamps.</source>
        <translation>SYN（握手 1/3）：请求建立连接。seq 是本端的初始序列号（ISN），随机选取；选项中提出 MSS、窗口缩放、SACK 和时间戳。</translation>
    </message>
    <message>
        <source>SYN+ACK (handshake 2/3): the server agrees and sends its own ISN. ack is the client&apos;s ISN + 1, because a SYN consumes one sequence number.</source>
        <translation>SYN+ACK（握手 2/3）：服务器同意，并发送自己的 ISN。ack 是客户端的 ISN + 1，因为 SYN 占用一个序列号。</translation>
    </message>
    <message>
        <source>FIN: this side has nothing more to send. A FIN consumes one sequence number, so the peer acknowledges seq + 1. Linux often puts FIN and ACK in one segment.</source>
        <translation>FIN：本端没有更多数据要发送。FIN 占用一个序列号，所以对端确认 seq + 1。Linux 常把 FIN 和 ACK 放在同一个报文段里。</translation>
    </message>
    <message numerus="yes">
        <source>Data: %n byte(s) with sequence numbers from seq on; the receiver acknowledges seq + length.</source>
        <translation>
            <numerusform>数据：%n 字节，序列号从 seq 开始；接收方确认 seq + 长度。</numerusform>
        </translation>
    </message>
    <message>
        <source>ACK: acknowledges every byte before the ack number; no data of its own.</source>
        <translation>ACK：确认 ack 号之前的所有字节；本身不携带数据。</translation>
    </message>
    <message numerus="yes">
        <source>HTTP request %1 %2 (%3): the request line, %n header field(s) and %4 byte(s) of body, sent as plain text over the TCP connection.</source>
        <translation>
            <numerusform>HTTP 请求 %1 %2（%3）：请求行、%n 个首部字段和 %4 字节的请求体，以纯文本形式通过 TCP 连接发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>a server error</source>
        <translation>服务器错误</translation>
    </message>
    <message>
        <source>a client error: the request was refused</source>
        <translation>客户端错误：请求被拒绝</translation>
    </message>
    <message>
        <source>a redirect: ask again at Location</source>
        <translation>重定向：到 Location 指定的地址重新请求</translation>
    </message>
    <message>
        <source>success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>informational</source>
        <translation>信息性响应</translation>
    </message>
    <message>
        <source>HTTP response %1 %2 (%3), %4 byte(s) of body.</source>
        <translation>HTTP 响应 %1 %2（%3），响应体 %4 字节。</translation>
    </message>
    <message>
        <source>The server has as many connections as it allows; this one is refused.</source>
        <translation>服务器的连接数已达上限；这个连接被拒绝。</translation>
    </message>
    <message>
        <source>The host name is turned into an IP address before any connection can open.</source>
        <translation>在建立任何连接之前，主机名要先被解析成 IP 地址。</translation>
    </message>
    <message>
        <source>1000 normal closure: both sides are done and said so</source>
        <translation>1000 正常关闭：双方都已完成并告知对方</translation>
    </message>
    <message>
        <source>1001 going away: the server shuts down or the page is left</source>
        <translation>1001 离开：服务器关闭，或用户离开了页面</translation>
    </message>
    <message>
        <source>1002 protocol error: a frame broke RFC 6455 (an unmasked client frame, a bad opcode...)</source>
        <translation>1002 协议错误：某个帧违反了 RFC 6455（客户端帧未加掩码、操作码错误……）</translation>
    </message>
    <message>
        <source>1003 unsupported data: a kind of message this endpoint does not accept (text where only binary is understood, or the other way round)</source>
        <translation>1003 不支持的数据：本端不接受这种消息（只懂二进制却收到文本，或者反过来）</translation>
    </message>
    <message>
        <source>1005 no status: the close frame carried no code</source>
        <translation>1005 无状态码：关闭帧没有携带状态码</translation>
    </message>
    <message>
        <source>1006 abnormal closure: the connection ended without any close frame (never sent on the wire; it describes a vanished peer)</source>
        <translation>1006 异常关闭：连接结束时没有任何关闭帧（从不在线路上发送；它描述的是对端突然消失）</translation>
    </message>
    <message>
        <source>1007 invalid data: a text message that is not valid UTF-8</source>
        <translation>1007 无效数据：文本消息不是有效的 UTF-8</translation>
    </message>
    <message>
        <source>1008 policy violation: the message breaks the server&apos;s rules</source>
        <translation>1008 违反策略：消息违反了服务器的规则</translation>
    </message>
    <message>
        <source>1009 message too big: larger than this endpoint accepts</source>
        <translation>1009 消息过大：超过了本端能接受的大小</translation>
    </message>
    <message>
        <source>1010 extension missing: the client needs an extension the server did not agree to</source>
        <translation>1010 缺少扩展：客户端需要一个服务器没有同意的扩展</translation>
    </message>
    <message>
        <source>1011 internal error: the server met a condition it could not handle</source>
        <translation>1011 内部错误：服务器遇到了无法处理的情况</translation>
    </message>
    <message>
        <source>1012 service restart</source>
        <translation>1012 服务重启</translation>
    </message>
    <message>
        <source>1013 try again later: the server is overloaded</source>
        <translation>1013 稍后再试：服务器过载</translation>
    </message>
    <message>
        <source>1015 TLS handshake failed (never sent on the wire)</source>
        <translation>1015 TLS 握手失败（从不在线路上发送）</translation>
    </message>
    <message>
        <source>%1: a code registered with IANA by a library or framework</source>
        <translation>%1：由某个库或框架向 IANA 注册的状态码</translation>
    </message>
    <message>
        <source>%1: an application&apos;s own code, meaningful only to its two ends</source>
        <translation>%1：应用程序自定义的状态码，只对通信双方有意义</translation>
    </message>
    <message>
        <source>%1: not a code RFC 6455 defines</source>
        <translation>%1：不是 RFC 6455 定义的状态码</translation>
    </message>
    <message>
        <source>toward the client</source>
        <translation>发往客户端</translation>
    </message>
    <message>
        <source>toward the server</source>
        <translation>发往服务器</translation>
    </message>
    <message>
        <source>Datagram %1 (%2) dropped: too many datagrams were waiting in the relay, as a router drops when its queue is full.</source>
        <translation>数据报 %1（%2）被丢弃：中继里排队的数据报太多，就像路由器在队列满时丢包一样。</translation>
    </message>
    <message>
        <source>Datagram %1 (%2) lost on purpose. Nobody is told: UDP has no acknowledgements and no retransmission, so the receiver simply never sees it.</source>
        <translation>数据报 %1（%2）被故意丢弃。没有人会收到通知：UDP 没有确认，也没有重传，所以接收方根本看不到它。</translation>
    </message>
    <message>
        <source>Datagram %1 (%2) delayed by %3 ms.</source>
        <translation>数据报 %1（%2）被延迟了 %3 ms。</translation>
    </message>
    <message>
        <source>Datagram %1 (%2) sent twice: the receiver gets two identical copies and UDP does nothing to notice.</source>
        <translation>数据报 %1（%2）被发送了两次：接收方收到两份相同的副本，而 UDP 不会察觉。</translation>
    </message>
    <message>
        <source>Datagram %1 (%2) held back until the next one has gone: it will arrive out of order, and UDP keeps no sequence numbers to fix that.</source>
        <translation>数据报 %1（%2）被扣留到下一个发出之后：它会乱序到达，而 UDP 没有序列号来纠正顺序。</translation>
    </message>
    <message>
        <source>Datagram %1 (%2) passed on unchanged.</source>
        <translation>数据报 %1（%2）原样转发。</translation>
    </message>
    <message>
        <source>One datagram sent: one send() is one packet, delivered whole or not at all, with no handshake before it and no acknowledgement after it.</source>
        <translation>发送了一个数据报：一次 send() 就是一个数据包，要么完整送达，要么完全丢失，之前没有握手，之后也没有确认。</translation>
    </message>
    <message>
        <source>One datagram received, whole, with the sender&apos;s address and port (rinfo in Node).</source>
        <translation>收到了一个完整的数据报，附带发送方的地址和端口（Node 中的 rinfo）。</translation>
    </message>
    <message>
        <source>The socket is closed. UDP has no connection to tear down: no FIN, no TIME-WAIT.</source>
        <translation>套接字已关闭。UDP 没有需要断开的连接：没有 FIN，也没有 TIME-WAIT。</translation>
    </message>
    <message>
        <source>The socket is bound to its address and port and can receive datagrams.</source>
        <translation>套接字已绑定到它的地址和端口，可以接收数据报了。</translation>
    </message>
    <message>
        <source>The opening handshake, part 1: an ordinary HTTP GET asking to switch protocols (Upgrade: websocket, Connection: Upgrade), with a random Sec-WebSocket-Key and Sec-WebSocket-Version: 13.</source>
        <translation>开启握手，第 1 部分：一个普通的 HTTP GET，请求切换协议（Upgrade: websocket，Connection: Upgrade），带有随机的 Sec-WebSocket-Key 和 Sec-WebSocket-Version: 13。</translation>
    </message>
    <message>
        <source>The server answered %1 instead of 101: no WebSocket on this connection.</source>
        <translation>服务器回应了 %1 而不是 101：这个连接上没有 WebSocket。</translation>
    </message>
    <message>
        <source>The opening handshake, part 2: &quot;101 Switching Protocols&quot;. Sec-WebSocket-Accept is base64(SHA-1(key + 258EAFA5-E914-47DA-95CA-C5AB0DC85B11)); the lab computed it again and it matches.</source>
        <translation>开启握手，第 2 部分：“101 Switching Protocols”。Sec-WebSocket-Accept 等于 base64(SHA-1(key + 258EAFA5-E914-47DA-95CA-C5AB0DC85B11))；实验重新计算了一遍，结果一致。</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Accept does NOT match base64(SHA-1(key + 258EAFA5-E914-47DA-95CA-C5AB0DC85B11)): a client must refuse this answer.</source>
        <translation>Sec-WebSocket-Accept 与 base64(SHA-1(key + 258EAFA5-E914-47DA-95CA-C5AB0DC85B11)) 不一致：客户端必须拒绝这个响应。</translation>
    </message>
    <message>
        <source>&quot;101 Switching Protocols&quot;: from here on the TCP connection carries WebSocket frames.</source>
        <translation>“101 Switching Protocols”：从这里开始，这个 TCP 连接上传输的是 WebSocket 帧。</translation>
    </message>
    <message>
        <source>masked (client to server, as RFC 6455 requires)</source>
        <translation>已加掩码（客户端到服务器，RFC 6455 的要求）</translation>
    </message>
    <message>
        <source>not masked (server to client)</source>
        <translation>未加掩码（服务器到客户端）</translation>
    </message>
    <message>
        <source>Close frame: %1. The other side answers with a close frame, then the server closes the TCP connection.</source>
        <translation>关闭帧：%1。另一方回应一个关闭帧，然后服务器关闭 TCP 连接。</translation>
    </message>
    <message>
        <source>Ping (a control frame): the other side must answer with a pong carrying the same bytes; %1.</source>
        <translation>Ping（控制帧）：另一方必须回应一个携带相同字节的 pong；%1。</translation>
    </message>
    <message>
        <source>Pong: the answer to a ping, carrying the ping&apos;s bytes; %1.</source>
        <translation>Pong：对 ping 的回应，携带 ping 的字节；%1。</translation>
    </message>
    <message>
        <source>Continuation frame, the last of its message (FIN set); %1.</source>
        <translation>延续帧，是所属消息的最后一帧（FIN 置位）；%1。</translation>
    </message>
    <message>
        <source>Continuation frame: more of the same message follows; %1.</source>
        <translation>延续帧：同一条消息后面还有内容；%1。</translation>
    </message>
    <message>
        <source>A %1 frame holding a whole message (FIN set); %2.</source>
        <translation>一个包含完整消息的 %1 帧（FIN 置位）；%2。</translation>
    </message>
    <message>
        <source>A %1 frame starting a message split in fragments (FIN clear); %2.</source>
        <translation>一个 %1 帧，开始一条分片发送的消息（FIN 未置位）；%2。</translation>
    </message>
    <message>
        <source>Message too long: more bytes than one datagram can carry (65,507 over IPv4).</source>
        <translation>消息太长：超过了一个数据报能携带的字节数（IPv4 上为 65,507）。</translation>
    </message>
    <message>
        <source>Not a WebSocket handshake: the server answered with an HTTP error and closed that connection.</source>
        <translation>不是 WebSocket 握手：服务器回应了一个 HTTP 错误，并关闭了那个连接。</translation>
    </message>
    <message>
        <source>Message too big: the server closed the WebSocket with 1009.</source>
        <translation>消息过大：服务器以 1009 关闭了 WebSocket。</translation>
    </message>
    <message>
        <source>The client never finished its upgrade request: 408, then close.</source>
        <translation>客户端始终没有完成升级请求：408，然后关闭。</translation>
    </message>
</context>
<context>
    <name>netstage::Gui</name>
    <message>
        <source>cannot write the screenshot %1</source>
        <translation>无法写入截图 %1</translation>
    </message>
    <message>
        <source>unknown view &quot;%1&quot; (known: %2)</source>
        <translation>未知视图“%1”（已知：%2）</translation>
    </message>
</context>
<context>
    <name>netstage::GuidedTour</name>
    <message>
        <source>Esc ends the guided run.</source>
        <translation>按 Esc 结束引导。</translation>
    </message>
    <message>
        <source>Step 1 of 4: start the tutorial&apos;s server</source>
        <translation>第 1 步（共 4 步）：启动教程中的服务器</translation>
    </message>
    <message>
        <source>Press “%1” (the seed preset, port 8124). In the log: listening. In the socket table: the server, in LISTEN.</source>
        <translation>按“%1”（seed 预设，端口 8124）。日志中会出现：listening。套接字表中会出现：服务器，状态 LISTEN。</translation>
    </message>
    <message>
        <source>Step 2 of 4: connect a client</source>
        <translation>第 2 步（共 4 步）：连接一个客户端</translation>
    </message>
    <message>
        <source>Press “%1”. In the log: connect on the client, connection on the server, then the server&apos;s welcome line arriving as data. In the socket table: the client and the server&apos;s side, both ESTABLISHED.</source>
        <translation>按“%1”。日志中会出现：客户端的 connect、服务器的 connection，然后服务器的欢迎语作为 data 到达。套接字表中会出现：客户端和服务器一侧的连接，都是 ESTABLISHED。</translation>
    </message>
    <message>
        <source>Step 3 of 4: send a message</source>
        <translation>第 3 步（共 4 步）：发送一条消息</translation>
    </message>
    <message>
        <source>Type a few words and press “%1”. In the log: data out of the client, data into the server, and its answer “%2” coming back. In the socket table: both sides stay ESTABLISHED.</source>
        <translation>输入几个字，然后按“%1”。日志中会出现：客户端发出的 data、服务器收到的 data，以及它回复的“%2”。套接字表中：两端仍然是 ESTABLISHED。</translation>
    </message>
    <message>
        <source>Step 4 of 4: half-close</source>
        <translation>第 4 步（共 4 步）：半关闭</translation>
    </message>
    <message>
        <source>Press “%1”: the client sends FIN and keeps reading. In the log: finish on the client, end at the server, which then ends its side too (the seed server does). In the socket table: the client goes through FIN-WAIT-2 and stays in TIME-WAIT for 60 seconds.</source>
        <translation>按“%1”：客户端发送 FIN，但继续读取。日志中会出现：客户端的 finish、服务器的 end，随后服务器也结束自己这一侧（seed 服务器就是这样做的）。套接字表中：客户端经过 FIN-WAIT-2，然后在 TIME-WAIT 停留 60 秒。</translation>
    </message>
    <message>
        <source>Done: the tutorial&apos;s TCP chapter, on real sockets</source>
        <translation>完成：用真实套接字走完了教程的 TCP 一章</translation>
    </message>
    <message>
        <source>Every row of the log is one thing a socket did; the socket table keeps closed sockets, so TIME-WAIT stays visible. Next: the 4-way teardown drawn as a ladder, in “Handshake &amp; teardown”.</source>
        <translation>日志的每一行都是某个套接字做的一件事；套接字表会保留已关闭的套接字，所以 TIME-WAIT 一直看得见。下一步：在“握手与挥手”中看 4 次挥手画成的时序图。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>End the guided run</source>
        <translation>结束引导</translation>
    </message>
</context>
<context>
    <name>netstage::HttpCli</name>
    <message>
        <source>HTTP/1.1 server with the demo site; a client that shows every byte and phase</source>
        <translation>带演示站点的 HTTP/1.1 服务器；一个展示每个字节和每个阶段的客户端</translation>
    </message>
    <message>
        <source>the server could not start</source>
        <translation>服务器无法启动</translation>
    </message>
    <message>
        <source>  %1 bytes of body over %2%3</source>
        <translation>  响应体 %1 字节，经由 %2%3</translation>
    </message>
    <message>
        <source> (reused connection)</source>
        <translation>（复用的连接）</translation>
    </message>
    <message>
        <source>  DNS lookup %1 | initial connection %2 | request sent %3 | waiting (TTFB) %4 | content download %5 | total %6</source>
        <translation>  DNS 查询 %1 | 建立连接 %2 | 发送请求 %3 | 等待（TTFB）%4 | 下载内容 %5 | 总计 %6</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>没有响应</translation>
    </message>
    <message>
        <source>netstage: %1: %2</source>
        <translation>netstage：%1：%2</translation>
    </message>
    <message>
        <source>hint: .test names are not in the real DNS; add --resolve %1:127.0.0.1</source>
        <translation>提示：.test 域名不在真实 DNS 中；请加上 --resolve %1:127.0.0.1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 needs %2</source>
        <translation>%1 需要%2</translation>
    </message>
    <message>
        <source>a number from 0 to 65535</source>
        <translation>0 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>a number of seconds</source>
        <translation>一个秒数</translation>
    </message>
    <message>
        <source>a positive number</source>
        <translation>一个正数</translation>
    </message>
    <message>
        <source>a number of bytes</source>
        <translation>一个字节数</translation>
    </message>
    <message>
        <source>a method, e.g. GET</source>
        <translation>一个方法，例如 GET</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a method (letters only, e.g. POST)</source>
        <translation>“%1”不是方法（只能是字母，例如 POST）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a header (write &apos;Name: value&apos;)</source>
        <translation>“%1”不是首部（请写成 &apos;Name: value&apos;）</translation>
    </message>
    <message>
        <source>--resolve needs HOST:ADDR, e.g. example.test:127.0.0.1</source>
        <translation>--resolve 需要 HOST:ADDR，例如 example.test:127.0.0.1</translation>
    </message>
    <message>
        <source>http serve takes no argument &quot;%1&quot;</source>
        <translation>http serve 不接受参数“%1”</translation>
    </message>
    <message>
        <source>http get needs a URL, e.g. http://localhost:8080/</source>
        <translation>http get 需要一个 URL，例如 http://localhost:8080/</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a URL (e.g. http://localhost:8080/)</source>
        <translation>“%1”不是 URL（例如 http://localhost:8080/）</translation>
    </message>
    <message>
        <source>only http:// URLs are fetched, not &quot;%1&quot;</source>
        <translation>只能获取 http:// URL，不能获取“%1”</translation>
    </message>
    <message>
        <source>--output - and --events - cannot both use stdout</source>
        <translation>--output - 和 --events - 不能同时使用标准输出</translation>
    </message>
    <message>
        <source>serve  an HTTP/1.1 server on the lab&apos;s TCP sockets (127.0.0.1 unless --host
       says otherwise; --port 0 picks a free port) until SIGINT/SIGTERM or
       --for SECONDS. Without --site it serves the built-in demo site:
       example.test answers 301 to www.example.test; www.example.test and
       localhost get the page, its CSS, script, images and /api/time.
       --site DIR serves that folder and nothing outside it.
       Limits like nginx and Node: request line &gt; 8 KiB -&gt; 414, headers
       &gt; 16 KiB -&gt; 431, body &gt; --max-body (1 MiB) -&gt; 413, a request not
       complete within --request-timeout (10000 ms) -&gt; 408, malformed -&gt; 400;
       each closes that connection only. More than --max-connections (100)
       open connections: the next is refused with 503 (&apos;drop&apos;).
get    fetches each URL in turn over the lab&apos;s TCP client, reusing a
       kept-alive connection to the same host. Prints the status line and
       headers to stderr, then the timing phases (DNS lookup, initial
       connection, request sent, waiting (TTFB), content download, total).
       --output FILE writes the last body there (- for stdout).
       --resolve example.test:127.0.0.1 answers a name without DNS (like
       curl; .test names are not in the real DNS). --follow follows
       redirects. Exit status 0 for any HTTP answer (404 included), 1 when
       none came (refused, timed out, not HTTP), 2 for bad usage.
--events FILE|-  every event as a JSON line (request, response, and the TCP
                 events, kernel states and wire segments under them)
--quiet          no people-readable event lines
</source>
        <translation>serve  在实验的 TCP 套接字上运行 HTTP/1.1 服务器（默认 127.0.0.1，可用
       --host 指定；--port 0 自动选一个空闲端口），直到收到 SIGINT/SIGTERM
       或 --for SECONDS 到期。不加 --site 时提供内置演示站点：
       example.test 以 301 重定向到 www.example.test；www.example.test 和
       localhost 返回页面及其 CSS、脚本、图片和 /api/time。
       --site DIR 提供该文件夹的内容，文件夹之外的一概不提供。
       限制与 nginx 和 Node 相同：请求行 &gt; 8 KiB -&gt; 414，请求头
       &gt; 16 KiB -&gt; 431，请求体 &gt; --max-body（1 MiB）-&gt; 413，请求在
       --request-timeout（10000 ms）内未完成 -&gt; 408，格式错误 -&gt; 400；
       每种情况只关闭该连接。打开的连接超过 --max-connections（100）时：
       下一个连接以 503 拒绝（&apos;drop&apos;）。
get    通过实验的 TCP 客户端依次获取每个 URL，对同一主机复用保持
       （keep-alive）的连接。把状态行和首部打印到标准错误，然后打印
       各计时阶段（DNS 查询、建立连接、发送请求、等待（TTFB）、
       下载内容、总计）。
       --output FILE 把最后一个响应体写到该文件（- 表示标准输出）。
       --resolve example.test:127.0.0.1 不经 DNS 直接解析名字（与
       curl 相同；.test 域名不在真实 DNS 中）。--follow 跟随重定向。
       只要收到任何 HTTP 响应（包括 404）退出状态为 0；没有收到响应
       （被拒绝、超时、不是 HTTP）为 1；用法错误为 2。
--events FILE|-  每个事件写成一行 JSON（请求、响应，以及其下的 TCP
                 事件、内核状态和线路上的报文段）
--quiet          不输出供人阅读的事件行
</translation>
    </message>
</context>
<context>
    <name>netstage::HttpClient</name>
    <message>
        <source>HTTPS is not part of this lab: use an http:// URL.</source>
        <translation>HTTPS 不在本实验范围内：请使用 http:// URL。</translation>
    </message>
    <message>
        <source>Only http:// URLs can be fetched (not &quot;%1&quot;).</source>
        <translation>只能获取 http:// URL（不能获取“%1”）。</translation>
    </message>
    <message>
        <source>The URL has no host name.</source>
        <translation>URL 中没有主机名。</translation>
    </message>
    <message>
        <source>No complete answer within %1 s.</source>
        <translation>%1 秒内没有收到完整的响应。</translation>
    </message>
    <message>
        <source>Reusing the kept-alive connection %1 (request %2 on it): no DNS lookup, no handshake.</source>
        <translation>复用保持的连接 %1（这是它上面的第 %2 个请求）：不用 DNS 查询，也不用握手。</translation>
    </message>
    <message>
        <source>The name %1 could not be resolved.</source>
        <translation>无法解析名字 %1。</translation>
    </message>
    <message>
        <source>The name %1 could not be resolved: %2</source>
        <translation>无法解析名字 %1：%2</translation>
    </message>
    <message>
        <source>%1 → %2 from the resolve list (like curl --resolve): no DNS query.</source>
        <translation>%1 → %2，来自解析列表（类似 curl --resolve）：不发 DNS 查询。</translation>
    </message>
    <message>
        <source>%1 is already an address: nothing to look up.</source>
        <translation>%1 本身就是地址：无需查询。</translation>
    </message>
    <message>
        <source>localhost is always this machine (127.0.0.1): nothing to look up.</source>
        <translation>localhost 总是本机（127.0.0.1）：无需查询。</translation>
    </message>
    <message>
        <source>%1 → %2, answered by the %3 resolver.</source>
        <translation>%1 → %2，由 %3 解析器回答。</translation>
    </message>
    <message>
        <source>The server sent bytes while no request was waiting; the connection cannot be trusted and is closed.</source>
        <translation>服务器在没有等待中的请求时发来了字节；这个连接已不可信，因此关闭。</translation>
    </message>
    <message>
        <source>The answer is not valid HTTP: %1</source>
        <translation>响应不是有效的 HTTP：%1</translation>
    </message>
    <message>
        <source>%1 %2: following the redirect to %3.</source>
        <translation>%1 %2：跟随重定向到 %3。</translation>
    </message>
    <message>
        <source>The server had closed this kept-alive connection; the request is sent again on a new one.</source>
        <translation>服务器已经关闭了这个保持的连接；请求在一个新连接上重新发送。</translation>
    </message>
    <message>
        <source>The server closed the connection in the middle of its answer.</source>
        <translation>服务器在响应中途关闭了连接。</translation>
    </message>
    <message>
        <source>The server closed the connection without answering.</source>
        <translation>服务器没有响应就关闭了连接。</translation>
    </message>
    <message>
        <source>Closed because of the error above.</source>
        <translation>因上述错误而关闭。</translation>
    </message>
    <message>
        <source>The connection closed before the answer was complete.</source>
        <translation>连接在响应完整之前关闭了。</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>请求已取消。</translation>
    </message>
</context>
<context>
    <name>netstage::HttpExchangeView</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Rendered (page or image)</source>
        <translation>渲染（页面或图片）</translation>
    </message>
    <message>
        <source>Show the body as:</source>
        <translation>响应体显示为：</translation>
    </message>
    <message>
        <source>Raw request</source>
        <translation>原始请求</translation>
    </message>
    <message>
        <source>Raw response</source>
        <translation>原始响应</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>首部</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Show the raw bytes in hexadecimal</source>
        <translation>以十六进制显示原始字节</translation>
    </message>
    <message numerus="yes">
        <source>
[… %n more byte(s)]</source>
        <translation>
            <numerusform>
[… 还有 %n 字节]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n byte(s) of binary body: tick Hex to see them]</source>
        <translation>
            <numerusform>[%n 字节的二进制正文：勾选“十六进制”查看]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[… %n more byte(s)]</source>
        <translation>
            <numerusform>[… 还有 %n 字节]</numerusform>
        </translation>
    </message>
    <message>
        <source>Send a request to see its bytes here.</source>
        <translation>发送一个请求，在这里查看它的字节。</translation>
    </message>
    <message>
        <source>#%1 %2 %3 → %4 %5 over %6%7</source>
        <translation>#%1 %2 %3 → %4 %5，经由 %6%7</translation>
    </message>
    <message>
        <source> (kept-alive connection reused)</source>
        <translation>（复用了保持的连接）</translation>
    </message>
    <message>
        <source>#%1 %2 %3: no answer — %4 (%5)</source>
        <translation>#%1 %2 %3：没有响应 — %4（%5）</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>This image format cannot be shown here.</source>
        <translation>这里无法显示这种图片格式。</translation>
    </message>
</context>
<context>
    <name>netstage::HttpPanel</name>
    <message>
        <source>&lt;b&gt;Requests the server answered&lt;/b&gt;</source>
        <translation>&lt;b&gt;服务器响应过的请求&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Every request the client sent; pick one to see its bytes</source>
        <translation>客户端发送的每个请求；选择一个查看它的字节</translation>
    </message>
    <message>
        <source>HTTP server</source>
        <translation>HTTP 服务器</translation>
    </message>
    <message>
        <source>0 picks a free port</source>
        <translation>0 表示自动选择空闲端口</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Built-in demo site (example.test → www.example.test)</source>
        <translation>内置演示站点（example.test → www.example.test）</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>a folder to serve (nothing outside it is served)</source>
        <translation>要提供的文件夹（仅提供其中的文件）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Folder to serve</source>
        <translation>要提供的文件夹</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>HTTP client: compose a request</source>
        <translation>HTTP 客户端：编写请求</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Follow redirects</source>
        <translation>跟随重定向</translation>
    </message>
    <message>
        <source>example.test and www.example.test → 127.0.0.1</source>
        <translation>example.test 和 www.example.test → 127.0.0.1</translation>
    </message>
    <message>
        <source>Like curl --resolve: these names are not in the real DNS, so the client is told where they are</source>
        <translation>类似 curl --resolve：这些名字不在真实 DNS 中，所以直接告诉客户端它们在哪里</translation>
    </message>
    <message>
        <source>Load a page&apos;s images and CSS</source>
        <translation>加载页面的图片和 CSS</translation>
    </message>
    <message>
        <source>The rendered page asks for its images and style sheet: each is a real request, reusing the kept-alive connection</source>
        <translation>渲染后的页面会请求它的图片和样式表：每个都是真实的请求，复用保持的连接</translation>
    </message>
    <message>
        <source>Extra headers, one per line: Accept-Language: zh-CN</source>
        <translation>额外的首部，每行一个：Accept-Language: zh-CN</translation>
    </message>
    <message>
        <source>Body (for POST and PUT)</source>
        <translation>请求体（用于 POST 和 PUT）</translation>
    </message>
    <message>
        <source>Choose a folder to serve, or the built-in site.</source>
        <translation>选择一个要提供的文件夹，或使用内置站点。</translation>
    </message>
    <message>
        <source>The server could not start.</source>
        <translation>服务器无法启动。</translation>
    </message>
    <message>
        <source>Stopped. Start the server, then send a request from the client on the right (or: curl -v --resolve example.test:8080:127.0.0.1 http://example.test:8080/).</source>
        <translation>已停止。先启动服务器，再从右侧的客户端发送请求（或：curl -v --resolve example.test:8080:127.0.0.1 http://example.test:8080/）。</translation>
    </message>
    <message>
        <source>Listening on %1. Try http://example.test:%2/ (301 to www.example.test) or http://localhost:%2/.</source>
        <translation>正在 %1 上监听。试试 http://example.test:%2/（301 到 www.example.test）或 http://localhost:%2/。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a header line (write Name: value).</source>
        <translation>“%1”不是首部行（请写成 Name: value）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a URL (e.g. http://localhost:8080/).</source>
        <translation>“%1”不是 URL（例如 http://localhost:8080/）。</translation>
    </message>
    <message>
        <source>The method must be one word, e.g. GET.</source>
        <translation>方法必须是一个单词，例如 GET。</translation>
    </message>
    <message>
        <source>  [for the page]</source>
        <translation>  [页面所需]</translation>
    </message>
    <message>
        <source>No answer: %1 (%2)</source>
        <translation>没有响应：%1（%2）</translation>
    </message>
    <message>
        <source>No request yet</source>
        <translation>还没有请求</translation>
    </message>
    <message>
        <source>“%1” asks the demo site for the URL above; each request is listed here, its bytes beside it.</source>
        <translation>“%1”向演示网站请求上面的 URL；每个请求都列在这里，旁边是它的字节。</translation>
    </message>
    <message>
        <source>No timings yet</source>
        <translation>还没有计时</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>HTTPS (TLS)</source>
        <translation>HTTPS（TLS）</translation>
    </message>
    <message>
        <source>Each request draws one bar here: DNS, connect, send, wait and download.</source>
        <translation>每个请求在这里画一条横条：DNS、连接、发送、等待和下载。</translation>
    </message>
</context>
<context>
    <name>netstage::HttpParser</name>
    <message>
        <source>The first line is not an HTTP request line (METHOD, a space, the target, a space, HTTP/1.1).</source>
        <translation>第一行不是 HTTP 请求行（方法、一个空格、目标、一个空格、HTTP/1.1）。</translation>
    </message>
    <message>
        <source>The method contains characters a method cannot have (letters, digits and a few symbols only).</source>
        <translation>方法中含有方法不允许的字符（只能是字母、数字和少数几个符号）。</translation>
    </message>
    <message>
        <source>The request target contains a space, a control byte or a non-ASCII byte; such characters must be percent-encoded (%20).</source>
        <translation>请求目标中含有空格、控制字节或非 ASCII 字节；这些字符必须进行百分号编码（%20）。</translation>
    </message>
    <message>
        <source>The version is not written HTTP/&lt;digit&gt;.&lt;digit&gt;.</source>
        <translation>版本号没有写成 HTTP/&lt;数字&gt;.&lt;数字&gt; 的形式。</translation>
    </message>
    <message>
        <source>Only HTTP/1.x is spoken as text on this connection (HTTP/2 and 3 use binary frames and must be negotiated).</source>
        <translation>这个连接上只以文本形式使用 HTTP/1.x（HTTP/2 和 3 使用二进制帧，必须经过协商）。</translation>
    </message>
    <message>
        <source>The status line is not HTTP/1.x, a space and a three-digit status code.</source>
        <translation>状态行不是“HTTP/1.x、一个空格、三位状态码”的形式。</translation>
    </message>
    <message>
        <source>A header line has no colon, an empty name, or a space before the colon (RFC 9112 forbids it: proxies might read it differently).</source>
        <translation>某个首部行没有冒号、名字为空，或冒号前有空格（RFC 9112 禁止这样做：代理可能会有不同的理解）。</translation>
    </message>
    <message>
        <source>A header value contains a control byte.</source>
        <translation>某个首部值中含有控制字节。</translation>
    </message>
    <message>
        <source>A header line starts with whitespace (the obsolete line folding, refused by RFC 9112).</source>
        <translation>某个首部行以空白开头（过时的折行写法，RFC 9112 拒绝这种写法）。</translation>
    </message>
    <message>
        <source>A carriage return (CR) is not followed by a line feed (LF).</source>
        <translation>回车（CR）后面没有跟换行（LF）。</translation>
    </message>
    <message>
        <source>Content-Length is not a plain number, or two different lengths were sent.</source>
        <translation>Content-Length 不是一个单纯的数字，或者发送了两个不同的长度。</translation>
    </message>
    <message>
        <source>Both Content-Length and Transfer-Encoding were sent. Two framings for one body is how request smuggling works, so the request is refused.</source>
        <translation>同时发送了 Content-Length 和 Transfer-Encoding。一个正文有两种分帧方式正是请求走私（request smuggling）的手法，所以请求被拒绝。</translation>
    </message>
    <message>
        <source>Transfer-Encoding must end with chunked (and needs HTTP/1.1); otherwise the end of the body cannot be found.</source>
        <translation>Transfer-Encoding 必须以 chunked 结尾（并且需要 HTTP/1.1）；否则无法找到正文的结尾。</translation>
    </message>
    <message>
        <source>A chunk of the chunked body is malformed: its size is not hexadecimal, or the CRLF after its data is missing.</source>
        <translation>分块（chunked）正文中的某个块格式错误：它的大小不是十六进制，或者数据后缺少 CRLF。</translation>
    </message>
    <message numerus="yes">
        <source>The request line is longer than %n bytes (nginx&apos;s limit): 414 URI Too Long.</source>
        <translation>
            <numerusform>请求行超过了 %n 字节（nginx 的限制）：414 URI Too Long。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The headers are larger than %n bytes (Node&apos;s limit): 431 Request Header Fields Too Large.</source>
        <translation>
            <numerusform>请求头超过了 %n 字节（Node 的限制）：431 Request Header Fields Too Large。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>More than %n header fields: 431 Request Header Fields Too Large.</source>
        <translation>
            <numerusform>首部字段超过了 %n 个：431 Request Header Fields Too Large。</numerusform>
        </translation>
    </message>
    <message>
        <source>The body is larger than %1 bytes (nginx&apos;s client_max_body_size): 413 Content Too Large.</source>
        <translation>请求体超过了 %1 字节（nginx 的 client_max_body_size）：413 Content Too Large。</translation>
    </message>
    <message>
        <source>The connection closed in the middle of a message.</source>
        <translation>连接在一条消息的中途关闭了。</translation>
    </message>
</context>
<context>
    <name>netstage::HttpRequestLogModel</name>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>时间（秒）</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Time to answer</source>
        <translation>响应用时</translation>
    </message>
</context>
<context>
    <name>netstage::HttpServer</name>
    <message>
        <source>The HTTP server listens on %1 and serves the folder %2.</source>
        <translation>HTTP 服务器在 %1 上监听，提供文件夹 %2 的内容。</translation>
    </message>
    <message>
        <source>The HTTP server listens on %1 and serves the demo site (example.test redirects to www.example.test).</source>
        <translation>HTTP 服务器在 %1 上监听，提供演示站点（example.test 重定向到 www.example.test）。</translation>
    </message>
    <message>
        <source>The HTTP server stopped listening; open connections are closed after their answers.</source>
        <translation>HTTP 服务器停止了监听；已打开的连接在响应完成后关闭。</translation>
    </message>
    <message>
        <source>The kept-alive connection was idle for %1 s, so the server closes it (Node&apos;s keepAliveTimeout).</source>
        <translation>保持的连接空闲了 %1 秒，所以服务器关闭它（Node 的 keepAliveTimeout）。</translation>
    </message>
    <message>
        <source>The client did not finish its request within %1 s: 408 Request Timeout, and the connection is closed. A slow client must not hold a connection forever.</source>
        <translation>客户端没有在 %1 秒内完成请求：408 Request Timeout，连接被关闭。慢速客户端不能永远占着一个连接。</translation>
    </message>
    <message>
        <source>The client connected but sent no request within %1 s: 408 Request Timeout, and the connection is closed.</source>
        <translation>客户端连接后在 %1 秒内没有发送请求：408 Request Timeout，连接被关闭。</translation>
    </message>
    <message>
        <source>The client keeps sending requests without reading the answers; the server stops buffering and aborts the connection.</source>
        <translation>客户端不断发送请求却不读取响应；服务器停止缓冲并中止连接。</translation>
    </message>
    <message>
        <source>100 Continue: the server read the headers and invites the client to send the body.</source>
        <translation>100 Continue：服务器已读取首部，请客户端发送请求体。</translation>
    </message>
    <message>
        <source>The client sent FIN in the middle of a request; nothing is answered.</source>
        <translation>客户端在请求中途发送了 FIN；不作任何响应。</translation>
    </message>
    <message>
        <source>Closed because of the error above.</source>
        <translation>因上述错误而关闭。</translation>
    </message>
    <message>
        <source>The address %1 already holds %2 connection(s), its share of the server&apos;s %3, and none of them is idle: this one is refused with 503 Service Unavailable and closed, so one machine cannot take every slot.</source>
        <translation>地址 %1 已占用 %2 个连接，这是它在服务器 %3 个连接中应得的份额，而且其中没有空闲的：这个新连接以 503 Service Unavailable 拒绝并关闭，这样一台机器无法占满所有名额。</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) are already open, the server&apos;s limit, and none of them is idle: this one is refused with 503 Service Unavailable and closed (Node&apos;s server.maxConnections emits &apos;drop&apos;).</source>
        <translation>
            <numerusform>已经打开了 %n 个连接，达到服务器的上限，而且其中没有空闲的：这个连接以 503 Service Unavailable 拒绝并关闭（Node 的 server.maxConnections 会触发 &apos;drop&apos;）。</numerusform>
        </translation>
    </message>
    <message>
        <source>the address %1 holds more than its share (%2 of %3)</source>
        <translation>地址 %1 占用的连接超过了它的份额（%3 个中的 %2 个）</translation>
    </message>
    <message numerus="yes">
        <source>the server&apos;s limit of %n connection(s) is reached</source>
        <translation>
            <numerusform>服务器 %n 个连接的上限已满</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 arrived and %2: this connection, whose request began %3 s ago and is still not whole, is closed to make room.</source>
        <translation>%1 到来，而%2：这个连接的请求 %3 秒前就开始了，至今仍不完整，于是被关闭，腾出位置。</translation>
    </message>
    <message>
        <source>%1 arrived and %2: this connection, the oldest idle one, is closed to make room (idle connections give way to new ones).</source>
        <translation>%1 到来，而%2：这个连接是空闲最久的，于是被关闭，腾出位置（空闲连接给新连接让路）。</translation>
    </message>
    <message>
        <source>The file %1 could not be read to its end while it was being sent (did it change?): the connection is aborted, since the length already announced cannot be kept.</source>
        <translation>文件 %1 在发送过程中无法读到末尾（它被改动了吗？）：已经声明的长度无法兑现，因此连接被中止。</translation>
    </message>
</context>
<context>
    <name>netstage::HttpSite</name>
    <message>
        <source>&quot;%1&quot; is not a folder.</source>
        <translation>“%1”不是文件夹。</translation>
    </message>
    <message>
        <source>The folder &quot;%1&quot; cannot be read.</source>
        <translation>无法读取文件夹“%1”。</translation>
    </message>
    <message>
        <source>The path has a broken percent escape (%% must be followed by two hex digits) or encodes a NUL byte.</source>
        <translation>路径中有损坏的百分号转义（%% 后面必须跟两个十六进制数字），或编码了 NUL 字节。</translation>
    </message>
    <message>
        <source>The decoded path is not valid UTF-8.</source>
        <translation>解码后的路径不是有效的 UTF-8。</translation>
    </message>
    <message>
        <source>The path contains &quot;..&quot; (after decoding): it tries to climb out of the site&apos;s folder, so it is refused.</source>
        <translation>路径（解码后）中含有“..”：它试图爬出站点文件夹，因此被拒绝。</translation>
    </message>
    <message>
        <source>Hidden files (names starting with a dot) are not served.</source>
        <translation>不提供隐藏文件（以点开头的文件名）。</translation>
    </message>
    <message>
        <source>The decoded path contains a control character or a backslash.</source>
        <translation>解码后的路径中含有控制字符或反斜杠。</translation>
    </message>
    <message>
        <source>%1 is not allowed here; this resource allows %2.</source>
        <translation>这里不允许 %1；这个资源允许 %2。</translation>
    </message>
    <message>
        <source>OPTIONS * asks what the server as a whole supports.</source>
        <translation>OPTIONS * 询问服务器整体支持哪些功能。</translation>
    </message>
    <message>
        <source>The target &quot;*&quot; is only meaningful with OPTIONS.</source>
        <translation>目标“*”只有与 OPTIONS 一起使用才有意义。</translation>
    </message>
    <message>
        <source>The target must be a path starting with / (or an absolute http:// URL).</source>
        <translation>目标必须是以 / 开头的路径（或绝对的 http:// URL）。</translation>
    </message>
    <message>
        <source>HTTP/1.1 requires a Host header (RFC 9112 3.2): it says which of the sites on this address is meant.</source>
        <translation>HTTP/1.1 要求有 Host 首部（RFC 9112 3.2）：它说明请求的是这个地址上的哪个站点。</translation>
    </message>
    <message>
        <source>example.test has moved permanently to www.example.test: the browser is told to ask again there (Location).</source>
        <translation>example.test 已永久迁移到 www.example.test：浏览器被告知到那里重新请求（Location）。</translation>
    </message>
    <message>
        <source>The page&apos;s asynchronous request: the time as JSON.</source>
        <translation>页面的异步请求：以 JSON 返回时间。</translation>
    </message>
    <message>
        <source>The server read the request body and says what it got.</source>
        <translation>服务器读取了请求体，并说明它收到了什么。</translation>
    </message>
    <message>
        <source>This is a folder and the server lists no folders.</source>
        <translation>这是一个文件夹，而服务器不列出文件夹内容。</translation>
    </message>
    <message>
        <source>There is no file %1 on this site.</source>
        <translation>本站点上没有文件 %1。</translation>
    </message>
    <message>
        <source>There is no file %1 in the site&apos;s folder.</source>
        <translation>站点文件夹中没有文件 %1。</translation>
    </message>
    <message>
        <source>A folder is asked for with a slash at the end.</source>
        <translation>请求文件夹时要在末尾加斜杠。</translation>
    </message>
    <message>
        <source>This folder has no index.html and the server lists no folders.</source>
        <translation>这个文件夹没有 index.html，而服务器不列出文件夹内容。</translation>
    </message>
    <message>
        <source>This name leads outside the site&apos;s folder (a symbolic link), so it is not served.</source>
        <translation>这个名字指向站点文件夹之外（符号链接），因此不提供。</translation>
    </message>
    <message>
        <source>Only regular files are served.</source>
        <translation>只提供普通文件。</translation>
    </message>
    <message>
        <source>The file is larger than %1 MiB, more than this lab serves.</source>
        <translation>文件大于 %1 MiB，超出了本实验提供的范围。</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>The request has %1 Host headers: a server must refuse a request with more than one (RFC 9112 3.2), since a proxy and this server could each believe a different one.</source>
        <translation>这个请求有 %1 个 Host 头：服务器必须拒绝带有多个 Host 头的请求（RFC 9112 3.2），因为代理和本服务器可能各自相信不同的那一个。</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder: a slash after its name asks for something that does not exist.</source>
        <translation>%1 是文件，不是文件夹：名字后面加斜杠，请求的是不存在的东西。</translation>
    </message>
</context>
<context>
    <name>netstage::HttpTimingChart</name>
    <message>
        <source>Queued</source>
        <translation>排队</translation>
    </message>
    <message>
        <source>DNS lookup</source>
        <translation>DNS 查询</translation>
    </message>
    <message>
        <source>Initial connection</source>
        <translation>建立连接</translation>
    </message>
    <message>
        <source>Request sent</source>
        <translation>发送请求</translation>
    </message>
    <message>
        <source>Waiting (TTFB)</source>
        <translation>等待（TTFB）</translation>
    </message>
    <message>
        <source>Content download</source>
        <translation>下载内容</translation>
    </message>
    <message>
        <source>milliseconds since the request started</source>
        <translation>自请求开始的毫秒数</translation>
    </message>
    <message>
        <source>%1: %2 ms</source>
        <translation>%1：%2 ms</translation>
    </message>
    <message>
        <source>Total: %1 ms</source>
        <translation>总计：%1 ms</translation>
    </message>
    <message>
        <source>Paused (step mode)</source>
        <translation>暂停（单步模式）</translation>
    </message>
    <message>
        <source>Started at %1 ms</source>
        <translation>开始于 %1 ms</translation>
    </message>
    <message>
        <source>Paused by the step mode: %1 ms (not part of any phase)</source>
        <translation>单步模式暂停：%1 ms（不计入任何阶段）</translation>
    </message>
</context>
<context>
    <name>netstage::HttpsCli</name>
    <message>
        <source>Usage:
  netstage https ca
  netstage https serve [--host 127.0.0.1] [--port 8443] [--tls 1.2|1.3]
                       [--keylog FILE] [--for SECONDS] [--events FILE|-] [--quiet]
  netstage https get   URL... [--cacert FILE] [--tls 1.2|1.3] [--resolve HOST:ADDR]...
                       [--keylog FILE] [--pcap FILE] [--no-resume] [--timeout SECONDS]
                       [--output FILE|-] [--events FILE|-] [--quiet]
  netstage https lesson NAME|--list [--diagram FILE.png|FILE.svg] [--pcap FILE]
                       [--record FILE] [--events FILE|-] [--quiet]

ca     prints the path of the local certificate authority&apos;s certificate,
       making it first if needed (with a certificate for example.test,
       www.example.test and localhost). It lives in the user&apos;s data folder
       (NETSTAGE_TLS_DIR overrides it) and is trusted nowhere until you trust
       it in a browser (see the README).
serve  the demo site over TLS (TLS 1.3 preferred, 1.2 accepted; --tls picks
       one) until SIGINT/SIGTERM or --for SECONDS. Every TLS record and
       handshake message is an event. --keylog FILE appends the session keys
       in the SSLKEYLOGFILE format, so Wireshark and tshark can decrypt.
get    fetches each URL over a new TLS connection and prints every phase:
       DNS lookup, TCP connection, TLS handshake, waiting (TTFB), content
       download. It trusts the local CA unless --cacert names another file.
       A second URL to the same host resumes the session with its ticket
       (--no-resume: a full handshake each time). --pcap FILE writes the
       capture (root or cap_net_raw) and FILE.keys beside it.
       Exit status 0 for any HTTP answer, 1 when none came (refused,
       certificate not accepted, timed out), 2 for bad usage.
lesson runs a server and a client in this process and compares: tls13 (one
       round trip), tls12 (two), resumption (a ticket: no certificate the
       second time), bad-certificate (self-signed, wrong name, expired,
       unknown CA: each refused with an alert). Prints the events, the
       figures and the ladder; --diagram draws it, --record saves a recording
       the window opens, --pcap writes the capture and FILE.keys beside it.
</source>
        <translation>用法：
  netstage https ca
  netstage https serve [--host 127.0.0.1] [--port 8443] [--tls 1.2|1.3]
                       [--keylog FILE] [--for SECONDS] [--events FILE|-] [--quiet]
  netstage https get   URL... [--cacert FILE] [--tls 1.2|1.3] [--resolve HOST:ADDR]...
                       [--keylog FILE] [--pcap FILE] [--no-resume] [--timeout SECONDS]
                       [--output FILE|-] [--events FILE|-] [--quiet]
  netstage https lesson NAME|--list [--diagram FILE.png|FILE.svg] [--pcap FILE]
                       [--record FILE] [--events FILE|-] [--quiet]

ca     打印本地证书颁发机构（CA）证书的路径，需要时先创建它（连同
       example.test、www.example.test 和 localhost 的证书）。它保存在用户的
       数据文件夹中（可用 NETSTAGE_TLS_DIR 另指），在你于浏览器中信任它之前
       不被任何地方信任（见 README）。
serve  通过 TLS 提供示例网站（优先 TLS 1.3，也接受 1.2；--tls 指定其一），
       直到 SIGINT/SIGTERM 或 --for 秒数。每个 TLS 记录和握手消息都是一个
       事件。--keylog FILE 以 SSLKEYLOGFILE 格式追加会话密钥，Wireshark 和
       tshark 便能解密。
get    为每个 URL 建立新的 TLS 连接并打印每个阶段：DNS 查询、TCP 连接、
       TLS 握手、等待（TTFB）、内容下载。除非 --cacert 指定别的文件，否则
       信任本地 CA。对同一主机的第二个 URL 用票据恢复会话（--no-resume：
       每次完整握手）。--pcap FILE 写出抓包（需要 root 或 cap_net_raw），
       并在旁边写 FILE.keys。
       退出状态：收到任何 HTTP 应答为 0，没有应答（被拒绝、证书未被接受、
       超时）为 1，用法错误为 2。
lesson 在本进程中运行一个服务器和一个客户端并加以比较：tls13（一次往返）、
       tls12（两次）、resumption（票据：第二次不发证书）、bad-certificate
       （自签名、名称不符、已过期、未知 CA：每个都以告警被拒绝）。打印事件、
       数据和梯形图；--diagram 画出梯形图，--record 保存窗口可以打开的录制，
       --pcap 写出抓包并在旁边写 FILE.keys。
</translation>
    </message>
    <message>
        <source>the demo site over TLS with its own local CA; every handshake message shown</source>
        <translation>以本地 CA 通过 TLS 提供示例网站；逐条显示握手消息</translation>
    </message>
    <message>
        <source>Try &apos;netstage https --help&apos;.</source>
        <translation>请试试 &apos;netstage https --help&apos;。</translation>
    </message>
    <message>
        <source>made a new local CA and a server certificate in %1</source>
        <translation>已在 %1 新建本地 CA 和服务器证书</translation>
    </message>
    <message>
        <source>the server could not start</source>
        <translation>服务器无法启动</translation>
    </message>
    <message numerus="yes">
        <source>  %1, %2, ALPN %3%4, %n handshake message(s)</source>
        <translation>
            <numerusform>  %1，%2，ALPN %3%4，%n 条握手消息</numerusform>
        </translation>
    </message>
    <message>
        <source>, resumed</source>
        <translation>，已恢复会话</translation>
    </message>
    <message>
        <source>  %1 bytes of body; TLS bytes on the wire: %2 sent, %3 received</source>
        <translation>  正文 %1 字节；线路上的 TLS 字节：发送 %2，接收 %3</translation>
    </message>
    <message>
        <source>netstage: %1: %2 (%3)</source>
        <translation>netstage：%1：%2（%3）</translation>
    </message>
    <message>
        <source>hint: .test names are not in the real DNS; add --resolve %1:127.0.0.1</source>
        <translation>提示：.test 域名不在真实 DNS 中；请加上 --resolve %1:127.0.0.1</translation>
    </message>
    <message>
        <source>  DNS lookup %1 | TCP connection %2 | TLS handshake %3 | waiting (TTFB) %4 | content download %5 | total %6</source>
        <translation>  DNS 查询 %1 | TCP 连接 %2 | TLS 握手 %3 | 等待（TTFB）%4 | 内容下载 %5 | 合计 %6</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>TLS 1.3: the whole handshake in one round trip</source>
        <translation>TLS 1.3：一次往返完成整个握手</translation>
    </message>
    <message>
        <source>TLS 1.2: two round trips, the certificate in clear</source>
        <translation>TLS 1.2：两次往返，证书以明文传输</translation>
    </message>
    <message>
        <source>Resumption: a second connection with a session ticket</source>
        <translation>会话恢复：第二个连接使用会话票据</translation>
    </message>
    <message>
        <source>Bad certificates: self-signed, wrong name, expired, unknown CA</source>
        <translation>错误的证书：自签名、名称不符、已过期、未知 CA</translation>
    </message>
    <message>
        <source>The client sends its ClientHello with a key share; the server answers with ServerHello and, already encrypted, EncryptedExtensions, Certificate, CertificateVerify and Finished. The client&apos;s Finished goes out together with the HTTP request: one round trip before the request.</source>
        <translation>客户端发送带密钥共享（key share）的 ClientHello；服务器回复 ServerHello，随后已经加密的 EncryptedExtensions、Certificate、CertificateVerify 和 Finished。客户端的 Finished 与 HTTP 请求一同发出：请求之前只需一次往返。</translation>
    </message>
    <message>
        <source>The client offers only TLS 1.2. The server&apos;s ServerHello, Certificate, ServerKeyExchange and ServerHelloDone cross the wire in clear; the client answers with ClientKeyExchange, ChangeCipherSpec and Finished and must wait for the server&apos;s Finished: two round trips before the request.</source>
        <translation>客户端只提供 TLS 1.2。服务器的 ServerHello、Certificate、ServerKeyExchange 和 ServerHelloDone 以明文经过线路；客户端以 ClientKeyExchange、ChangeCipherSpec 和 Finished 回应，并且必须等待服务器的 Finished：请求之前需要两次往返。</translation>
    </message>
    <message>
        <source>The first connection ends with a NewSessionTicket. The second connection offers that ticket (pre_shared_key): the server accepts it, sends no Certificate and no CertificateVerify, and the handshake is shorter.</source>
        <translation>第一个连接以 NewSessionTicket 结束。第二个连接出示这张票据（pre_shared_key）：服务器接受它，不再发送 Certificate 和 CertificateVerify，握手更短。</translation>
    </message>
    <message>
        <source>Four servers with a certificate the client must refuse. Each handshake fails on the client when it checks the Certificate: it sends an alert, the server reads it, and no HTTP request is ever sent.</source>
        <translation>四个服务器，各带一张客户端必须拒绝的证书。每次握手都在客户端检查 Certificate 时失败：客户端发出告警（alert），服务器读到它，HTTP 请求根本不会发出。</translation>
    </message>
    <message>
        <source>self-signed: the certificate signs itself, no CA vouches for it</source>
        <translation>自签名：证书自己给自己签名，没有 CA 为它担保</translation>
    </message>
    <message>
        <source>wrong name: issued for other.example, the client asked for localhost</source>
        <translation>名称不符：证书签发给 other.example，客户端请求的是 localhost</translation>
    </message>
    <message>
        <source>expired: valid from 60 to 30 days ago</source>
        <translation>已过期：有效期为 60 天前到 30 天前</translation>
    </message>
    <message>
        <source>unknown CA: signed by a CA the client was never told to trust</source>
        <translation>未知 CA：由客户端从未被告知要信任的 CA 签发</translation>
    </message>
    <message>
        <source>no lesson named &quot;%1&quot;; &apos;netstage https lesson --list&apos; lists them</source>
        <translation>没有名为“%1”的课程；&apos;netstage https lesson --list&apos; 会列出所有课程</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2%3, %n handshake message(s), round trips before the request: %4, TLS handshake %5, %6 TLS bytes from the server, HTTP %7</source>
        <translation>
            <numerusform>%1：%2%3，%n 条握手消息，请求前的往返次数：%4，TLS 握手 %5，来自服务器的 TLS 字节 %6，HTTP %7</numerusform>
        </translation>
    </message>
    <message>
        <source> (resumed)</source>
        <translation>（已恢复）</translation>
    </message>
    <message>
        <source>%1: refused. Client: %2 Server: received the alert %3.</source>
        <translation>%1：被拒绝。客户端：%2 服务器：收到告警 %3。</translation>
    </message>
    <message>
        <source>cannot write the diagram to %1: %2</source>
        <translation>无法把图写入 %1：%2</translation>
    </message>
    <message>
        <source>https needs a verb: ca, serve or get</source>
        <translation>https 需要一个动作：ca、serve 或 get</translation>
    </message>
    <message>
        <source>unknown https verb &quot;%1&quot; (try: ca, serve, get, lesson)</source>
        <translation>未知的 https 动作“%1”（可用：ca、serve、get、lesson）</translation>
    </message>
    <message>
        <source>%1 needs %2</source>
        <translation>%1 需要%2</translation>
    </message>
    <message>
        <source>a file name or -</source>
        <translation>一个文件名或 -</translation>
    </message>
    <message>
        <source>a file name ending in .png or .svg</source>
        <translation>一个以 .png 或 .svg 结尾的文件名</translation>
    </message>
    <message>
        <source>a file name</source>
        <translation>一个文件名</translation>
    </message>
    <message>
        <source>1.2 or 1.3</source>
        <translation>1.2 或 1.3</translation>
    </message>
    <message>
        <source>an address</source>
        <translation>一个地址</translation>
    </message>
    <message>
        <source>a number from 0 to 65535</source>
        <translation>0 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>a number of seconds</source>
        <translation>秒数</translation>
    </message>
    <message>
        <source>a PEM file</source>
        <translation>一个 PEM 文件</translation>
    </message>
    <message>
        <source>--resolve needs HOST:ADDR, e.g. example.test:127.0.0.1</source>
        <translation>--resolve 需要 主机:地址，例如 example.test:127.0.0.1</translation>
    </message>
    <message>
        <source>unknown option %1 for https %2</source>
        <translation>https %2 没有选项 %1</translation>
    </message>
    <message>
        <source>https %1 takes no argument &quot;%2&quot;</source>
        <translation>https %1 不接受参数“%2”</translation>
    </message>
    <message>
        <source>https lesson needs a NAME or --list</source>
        <translation>https lesson 需要课程名或 --list</translation>
    </message>
    <message>
        <source>https get needs a URL, e.g. https://localhost:8443/</source>
        <translation>https get 需要一个 URL，例如 https://localhost:8443/</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an https:// URL (e.g. https://localhost:8443/)</source>
        <translation>“%1”不是 https:// URL（例如 https://localhost:8443/）</translation>
    </message>
    <message>
        <source>--output - and --events - cannot both use stdout</source>
        <translation>--output - 和 --events - 不能同时使用标准输出</translation>
    </message>
</context>
<context>
    <name>netstage::HttpsClient</name>
    <message>
        <source>cannot write the key log %1: %2</source>
        <translation>无法写入密钥日志 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>no answer within %n ms</source>
        <translation>
            <numerusform>%n 毫秒内没有应答</numerusform>
        </translation>
    </message>
    <message>
        <source>not an https:// URL with a host name</source>
        <translation>不是带主机名的 https:// URL</translation>
    </message>
    <message>
        <source>the name %1 is not found</source>
        <translation>找不到名称 %1</translation>
    </message>
    <message>
        <source>the server closed the connection during the TLS handshake</source>
        <translation>服务器在 TLS 握手期间关闭了连接</translation>
    </message>
    <message>
        <source>the server closed the connection before a whole answer</source>
        <translation>服务器在完整应答之前关闭了连接</translation>
    </message>
    <message>
        <source>the server sent close_notify before a whole answer</source>
        <translation>服务器在完整应答之前发送了 close_notify</translation>
    </message>
    <message>
        <source>the connection closed</source>
        <translation>连接已关闭</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>netstage::HttpsPane</name>
    <message>
        <source>TLS 1.3 (1.2 allowed)</source>
        <translation>TLS 1.3（允许 1.2）</translation>
    </message>
    <message>
        <source>TLS 1.3 only</source>
        <translation>仅 TLS 1.3</translation>
    </message>
    <message>
        <source>TLS 1.2 only</source>
        <translation>仅 TLS 1.2</translation>
    </message>
    <message>
        <source>HTTPS server: the demo site over TLS</source>
        <translation>HTTPS 服务器：通过 TLS 提供示例网站</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Open the CA certificate&apos;s folder</source>
        <translation>打开 CA 证书所在文件夹</translation>
    </message>
    <message>
        <source>The local certificate authority NetStage made for example.test, www.example.test and localhost. Trust it in a browser to open the demo site without a warning.</source>
        <translation>NetStage 为 example.test、www.example.test 和 localhost 创建的本地证书颁发机构。在浏览器中信任它，打开示例网站时就不会出现警告。</translation>
    </message>
    <message>
        <source>HTTPS client: one request, every phase</source>
        <translation>HTTPS 客户端：一次请求，每个阶段</translation>
    </message>
    <message>
        <source>Resume with the last ticket</source>
        <translation>用上次的票据恢复会话</translation>
    </message>
    <message>
        <source>Fetch</source>
        <translation>获取</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>On the wire</source>
        <translation>线路上</translation>
    </message>
    <message>
        <source>What it says</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>The CA certificate: %1</source>
        <translation>CA 证书：%1</translation>
    </message>
    <message>
        <source>Certificates from the local CA in %1 (made on first use).</source>
        <translation>证书来自 %1 中的本地 CA（首次使用时创建）。</translation>
    </message>
    <message>
        <source>The server could not start on port %1 (see the log).</source>
        <translation>服务器无法在端口 %1 上启动（见日志）。</translation>
    </message>
    <message>
        <source>Listening on 127.0.0.1:%1. Try: curl --cacert &quot;%2&quot; https://localhost:%1/</source>
        <translation>正在 127.0.0.1:%1 上监听。试试：curl --cacert &quot;%2&quot; https://localhost:%1/</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an https:// URL.</source>
        <translation>“%1”不是 https:// URL。</translation>
    </message>
    <message>
        <source>Fetching %1 ...</source>
        <translation>正在获取 %1 ……</translation>
    </message>
    <message>
        <source>alert: %1</source>
        <translation>告警：%1</translation>
    </message>
    <message>
        <source>encrypted: only the two ends read it</source>
        <translation>已加密：只有两端能读懂</translation>
    </message>
    <message>
        <source>in clear: anyone on the path reads it</source>
        <translation>明文：路径上的任何人都能读到</translation>
    </message>
    <message>
        <source>handshake complete</source>
        <translation>握手完成</translation>
    </message>
    <message>
        <source>TLS error</source>
        <translation>TLS 错误</translation>
    </message>
    <message>
        <source>HTTP request %1</source>
        <translation>HTTP 请求 %1</translation>
    </message>
    <message>
        <source>HTTP response %1</source>
        <translation>HTTP 响应 %1</translation>
    </message>
    <message>
        <source>client → server</source>
        <translation>客户端 → 服务器</translation>
    </message>
    <message>
        <source>server → client</source>
        <translation>服务器 → 客户端</translation>
    </message>
    <message>
        <source>HTTP %1 over %2, %3%4.</source>
        <translation>HTTP %1，经由 %2，%3%4。</translation>
    </message>
    <message>
        <source> (resumed with a ticket)</source>
        <translation>（用票据恢复）</translation>
    </message>
    <message>
        <source>No answer: %1</source>
        <translation>没有应答：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n handshake message(s), </source>
        <translation>
            <numerusform>%n 条握手消息，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n TLS record(s) on the wire. </source>
        <translation>
            <numerusform>线路上 %n 个 TLS 记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>DNS %1 | TCP connection %2 | TLS handshake %3 | waiting %4 | download %5 | total %6</source>
        <translation>DNS %1 | TCP 连接 %2 | TLS 握手 %3 | 等待 %4 | 下载 %5 | 合计 %6</translation>
    </message>
</context>
<context>
    <name>netstage::HttpsServer</name>
    <message>
        <source>cannot write the key log %1: %2</source>
        <translation>无法写入密钥日志 %1：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address this server can bind to (try 127.0.0.1).</source>
        <translation>“%1”不是本服务器可以绑定的 IP 地址（试试 127.0.0.1）。</translation>
    </message>
    <message>
        <source>The HTTPS server listens on %1 and serves the demo site over TLS with the certificate %2.</source>
        <translation>HTTPS 服务器在 %1 上监听，用证书 %2 通过 TLS 提供示例网站。</translation>
    </message>
    <message>
        <source>The HTTPS server stopped listening; open connections are closed with close_notify.</source>
        <translation>HTTPS 服务器停止监听；打开的连接以 close_notify 关闭。</translation>
    </message>
    <message>
        <source>The client closed the connection in the middle of the handshake.</source>
        <translation>客户端在握手进行到一半时关闭了连接。</translation>
    </message>
    <message numerus="yes">
        <source>Idle for %n ms: the server closes the connection with close_notify.</source>
        <translation>
            <numerusform>空闲 %n 毫秒：服务器以 close_notify 关闭连接。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No complete handshake within %n ms: the client stopped in the middle; the server closes the connection.</source>
        <translation>
            <numerusform>%n 毫秒内没有完成握手：客户端停在了中途；服务器关闭连接。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) are already open, the server&apos;s limit: this one is closed before its handshake.</source>
        <translation>
            <numerusform>已经打开了 %n 个连接，达到服务器的上限：这个连接在握手前被关闭。</numerusform>
        </translation>
    </message>
    <message>
        <source>A plain HTTP request arrived at the TLS port (the bytes are readable text, not a TLS record). The server answers 400 in clear, as nginx does, and closes.</source>
        <translation>一个明文 HTTP 请求到达了 TLS 端口（这些字节是可读文本，而不是 TLS 记录）。服务器像 nginx 一样以明文回复 400，然后关闭连接。</translation>
    </message>
</context>
<context>
    <name>netstage::KernelObserver</name>
    <message>
        <source>The kernel observer cannot open NETLINK_SOCK_DIAG, so the TCP states are not shown.</source>
        <translation>内核观察器无法打开 NETLINK_SOCK_DIAG，因此不显示 TCP 状态。</translation>
    </message>
</context>
<context>
    <name>netstage::LabServer</name>
    <message>
        <source>&quot;%1&quot; is not an IP address this server can bind to (try 127.0.0.1).</source>
        <translation>“%1”不是本服务器能绑定的 IP 地址（试试 127.0.0.1）。</translation>
    </message>
    <message>
        <source>Listening on %1, not on loopback: other machines on the network can connect to this server.</source>
        <translation>正在 %1 上监听，而不是回环地址：网络上的其他机器也能连接到这个服务器。</translation>
    </message>
    <message>
        <source>%1 KiB are waiting for this peer to read them (more than %2 KiB): the server stops reading from it until they drain. Its own kernel buffers fill, TCP&apos;s window closes, and the peer waits (flow control, like Node&apos;s highWaterMark); the other clients are served as before.</source>
        <translation>有 %1 KiB 数据在等这个对端读取（超过 %2 KiB）：服务器暂停读取它发来的数据，直到这些数据被取走。它自己的内核缓冲区随之填满，TCP 窗口关闭，对端只能等待（流量控制，类似 Node 的 highWaterMark）；其他客户端照常得到服务。</translation>
    </message>
    <message>
        <source>The peer read its answers (%1 KiB still waiting, less than %2 KiB): the server reads from it again.</source>
        <translation>对端读走了它的应答（还有 %1 KiB 在等待，少于 %2 KiB）：服务器恢复读取它的数据。</translation>
    </message>
</context>
<context>
    <name>netstage::LadderExplainer</name>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Press Space to play or N to go one step: each segment of the connection appears in turn, with the state of both sides beside it.</source>
        <translation>按空格键播放，或按 N 单步前进：连接的每个报文段依次出现，旁边显示双方的状态。</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>MSS %1 is the largest segment this side can receive (on loopback: the 65536-byte MTU minus 40 bytes of IP and TCP headers).</source>
        <translation>MSS %1 是本端能接收的最大报文段（在回环接口上：65536 字节的 MTU 减去 40 字节的 IP 和 TCP 首部）。</translation>
    </message>
    <message>
        <source>Window scale %1 multiplies the 16-bit window field by %2, so windows far beyond 64 KiB can be announced.</source>
        <translation>窗口缩放因子 %1 把 16 位的窗口字段乘以 %2，这样就能通告远超 64 KiB 的窗口。</translation>
    </message>
    <message>
        <source>SACK lets the receiver report which blocks arrived after a gap.</source>
        <translation>SACK 让接收方报告在缺口之后到达了哪些数据块。</translation>
    </message>
    <message>
        <source>Timestamps measure the round trip and reject very old segments.</source>
        <translation>时间戳用来测量往返时间，并拒绝非常旧的报文段。</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>%1 is now %2</source>
        <translation>%1现在是 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Nothing listens on that port, so the kernel answered the SYN with RST: the client&apos;s connect() fails with ECONNREFUSED.</source>
        <translation>那个端口上没有程序在监听，所以内核用 RST 回应了 SYN：客户端的 connect() 以 ECONNREFUSED 失败。</translation>
    </message>
    <message>
        <source>An abort (SO_LINGER 0, then close) sends RST instead of FIN: unread data is thrown away, the peer sees ECONNRESET, and nobody waits in TIME-WAIT.</source>
        <translation>中止（SO_LINGER 0，然后 close）发送的是 RST 而不是 FIN：未读的数据被丢弃，对端得到 ECONNRESET，谁也不用在 TIME-WAIT 中等待。</translation>
    </message>
    <message>
        <source>The textbook calls this ISN %1.</source>
        <translation>教科书把这个 ISN 记作 %1。</translation>
    </message>
    <message>
        <source>This ISN is %1; relative numbers count from it, so Wireshark shows Seq=0.</source>
        <translation>这个 ISN 是 %1；相对序号从它开始计数，所以 Wireshark 显示 Seq=0。</translation>
    </message>
    <message>
        <source>Here ack = %1 = %2 + 1. The server&apos;s own ISN is %3; its SYN consumes that number in turn, so the client will answer ack = %4.</source>
        <translation>这里 ack = %1 = %2 + 1。服务器自己的 ISN 是 %3；它的 SYN 同样占用这个序号，所以客户端将回复 ack = %4。</translation>
    </message>
    <message>
        <source>This FIN+ACK also acknowledges the peer&apos;s FIN: the program closed within the delayed-ACK time, so Linux sent one segment instead of an ACK and then a FIN. That is why a &quot;4-way&quot; teardown often shows 3 segments.</source>
        <translation>这个 FIN+ACK 同时确认了对端的 FIN：程序在延迟确认的时间内关闭了套接字，所以 Linux 只发送了一个报文段，而不是先发 ACK 再发 FIN。这就是“四次挥手”常常只看到 3 个报文段的原因。</translation>
    </message>
    <message>
        <source>The second FIN: this side sat in CLOSE-WAIT until its program closed. With the separate ACK before it, this is the textbook 4-way teardown; this side now waits in LAST-ACK for the final ACK.</source>
        <translation>第二个 FIN：本端一直停留在 CLOSE-WAIT，直到它的程序关闭。加上之前单独的 ACK，这就是教科书上的四次挥手；本端现在在 LAST-ACK 中等待最后的 ACK。</translation>
    </message>
    <message>
        <source>This side closes first, so it is the one that will wait in TIME-WAIT at the end.</source>
        <translation>本端先关闭，所以最后在 TIME-WAIT 中等待的是它。</translation>
    </message>
    <message>
        <source>The peer will answer ack = %1.</source>
        <translation>对端将回复 ack = %1。</translation>
    </message>
    <message>
        <source>The receiver will answer ack = %1 (seq + %2).</source>
        <translation>接收方将回复 ack = %1（seq + %2）。</translation>
    </message>
    <message>
        <source>Handshake 3/3: the client acknowledges the server&apos;s SYN with ack = %1. The client is ESTABLISHED as it sends this, the server when it arrives. Three segments suffice because the middle one both answers and opens.</source>
        <translation>握手 3/3：客户端用 ack = %1 确认服务器的 SYN。客户端发出它时进入 ESTABLISHED，服务器收到它时进入 ESTABLISHED。三个报文段就够了，因为中间那个既是应答，也是发起。</translation>
    </message>
    <message>
        <source>It acknowledges the peer&apos;s FIN: ack = %1 is the FIN&apos;s sequence number + 1, because a FIN consumes one number, like a SYN.</source>
        <translation>它确认对端的 FIN：ack = %1 是 FIN 的序列号 + 1，因为 FIN 和 SYN 一样占用一个序号。</translation>
    </message>
    <message>
        <source>It acknowledges the %1 bytes received: ack = %2 = their seq + %1.</source>
        <translation>它确认收到的 %1 字节：ack = %2 = 它们的 seq + %1。</translation>
    </message>
    <message>
        <source>It came %1 later: Linux delays an ACK (up to 40 ms on loopback) hoping to send it with data or its own FIN; nothing came, so the timer sent it alone.</source>
        <translation>它晚了 %1 才到：Linux 会延迟 ACK（在回环接口上最多 40 ms），希望能和数据或自己的 FIN 一起发送；结果什么都没有，于是定时器让它单独发出。</translation>
    </message>
    <message>
        <source>Only the side that sent the first FIN waits here (MSL is the maximum segment lifetime); its peer went through CLOSE-WAIT and LAST-ACK instead. `ss -tan` shows the timer.</source>
        <translation>只有发送第一个 FIN 的一方在这里等待（MSL 是报文段最大生存时间）；它的对端走的是 CLOSE-WAIT 和 LAST-ACK。`ss -tan` 可以看到这个定时器。</translation>
    </message>
    <message>
        <source>The kernel acknowledged the FIN by itself; leaving CLOSE-WAIT is the program&apos;s job: it must close(). A server that forgets piles up CLOSE-WAIT sockets.</source>
        <translation>内核自动确认了 FIN；离开 CLOSE-WAIT 是程序的责任：它必须调用 close()。忘记关闭的服务器会堆积大量 CLOSE-WAIT 套接字。</translation>
    </message>
    <message>
        <source>This side can still receive until the peer sends its FIN.</source>
        <translation>在对端发送 FIN 之前，本端仍可接收数据。</translation>
    </message>
    <message>
        <source>The %1 stayed in %2 for %3.</source>
        <translation>%1在 %2 中停留了 %3。</translation>
    </message>
    <message>
        <source>The program saw data: what it read from, or gave to, its socket. The segments carrying it are the arrows around this mark.</source>
        <translation>程序看到了数据：它从套接字读到的，或交给套接字的。承载这些数据的报文段就是这个标记周围的箭头。</translation>
    </message>
    <message>
        <source>The program half-closed its socket (shutdown for writing): the kernel sends FIN, but the socket can still read.</source>
        <translation>程序半关闭了它的套接字（关闭写方向）：内核发送 FIN，但套接字仍可读取。</translation>
    </message>
    <message>
        <source>The teacher&apos;s step: the lab waited here, and the kernel really held both sides in their states meanwhile.</source>
        <translation>老师设定的一步：实验在这里等待，其间内核确实让双方保持在各自的状态。</translation>
    </message>
    <message>
        <source>(Qt: %1)</source>
        <translation>（Qt：%1）</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>%1 after the first event</source>
        <translation>第一个事件之后 %1</translation>
    </message>
    <message>
        <source>from</source>
        <translation>发送方</translation>
    </message>
    <message>
        <source>to</source>
        <translation>接收方</translation>
    </message>
    <message>
        <source>flags</source>
        <translation>标志位</translation>
    </message>
    <message>
        <source>seq</source>
        <translation>seq</translation>
    </message>
    <message>
        <source>%1 (relative %2, textbook %3)</source>
        <translation>%1（相对 %2，教科书 %3）</translation>
    </message>
    <message>
        <source>ack</source>
        <translation>ack</translation>
    </message>
    <message>
        <source>length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>payload</source>
        <translation>载荷</translation>
    </message>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>wire: captured with libpcap</source>
        <translation>wire：用 libpcap 抓包得到</translation>
    </message>
    <message>
        <source>model: derived by RFC 9293&apos;s state machine, not captured</source>
        <translation>model：由 RFC 9293 的状态机推导，并非抓包</translation>
    </message>
    <message>
        <source>lane</source>
        <translation>所在一侧</translation>
    </message>
    <message>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>event</source>
        <translation>事件</translation>
    </message>
    <message numerus="yes">
        <source>DNS datagram, %n byte(s)</source>
        <translation>
            <numerusform>DNS 数据报，%n 字节</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>UDP datagram, %n byte(s)</source>
        <translation>
            <numerusform>UDP 数据报，%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>One DNS message (%1) in one UDP datagram: no connection was opened first and none is closed after; the resolver simply asks again if no answer comes.</source>
        <translation>一个 UDP 数据报装一条 DNS 报文（%1）：之前没有建立连接，之后也无需关闭；如果收不到应答，解析器就再问一次。</translation>
    </message>
    <message>
        <source>One UDP datagram: no handshake before it, no ACK after it, no state on either side. The sender&apos;s kernel sends it and forgets it; whether it arrives is nobody&apos;s business but the programs&apos;.</source>
        <translation>一个 UDP 数据报：之前没有握手，之后没有 ACK，双方都不保存状态。发送方内核把它发出去就忘了；它是否到达，只有程序自己关心。</translation>
    </message>
    <message>
        <source>The relay dropped it (the loss knob): it never arrives, and nobody tells the sender. UDP does not send it again.</source>
        <translation>中继把它丢弃了（丢包设置）：它永远不会到达，也没有人告诉发送方。UDP 不会重发它。</translation>
    </message>
    <message>
        <source>The relay held it back, so a datagram sent after it arrives first: UDP keeps no order.</source>
        <translation>中继扣留了它，所以在它之后发送的数据报先到达：UDP 不保证顺序。</translation>
    </message>
    <message>
        <source>The relay sent it twice: the receiver gets two copies and UDP does not notice.</source>
        <translation>中继把它发送了两次：接收方收到两份副本，而 UDP 不会察觉。</translation>
    </message>
    <message>
        <source>The second copy of a duplicated datagram.</source>
        <translation>重复数据报的第二份副本。</translation>
    </message>
    <message>
        <source>The relay delayed it by %1 ms.</source>
        <translation>中继把它延迟了 %1 ms。</translation>
    </message>
    <message>
        <source>It arrived %1 after it was sent.</source>
        <translation>它在发出 %1 后到达。</translation>
    </message>
    <message>
        <source>No program recorded here saw it arrive.</source>
        <translation>这里记录的程序都没有看到它到达。</translation>
    </message>
    <message>
        <source>This copy was never acknowledged: the receiver&apos;s ACKs stop short of it, and the sender sent the same bytes again further down. It was lost on the way (here: dropped by the loss rule after the capture saw it).</source>
        <translation>这份报文段从未得到确认：接收方的 ACK 停在它之前，发送方在下方又发送了相同的字节。它在途中丢失了（这里：抓包看到它之后，它被丢包规则丢弃）。</translation>
    </message>
    <message>
        <source>A retransmission: the same numbers were sent before, but that copy was lost (here: dropped by the loss rule before it reached the wire), no acknowledgement came, and the sender&apos;s kernel sent it again when its retransmission timer ran out (RTO, at least 200 ms on Linux, doubling each time). UDP has no such timer.</source>
        <translation>一次重传：相同的序号之前发送过，但那一份丢失了（这里：在到达线路之前被丢包规则丢弃），没有收到确认，于是发送方内核在重传计时器超时（RTO，Linux 上至少 200 ms，每次加倍）后再次发送。UDP 没有这样的计时器。</translation>
    </message>
    <message>
        <source>content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>relay</source>
        <translation>中继</translation>
    </message>
    <message>
        <source>app: what the programs sent and received</source>
        <translation>app：程序发送和接收的内容</translation>
    </message>
    <message>
        <source>This side had already closed its socket completely (its FIN went out), and then bytes still arrived from the peer. A closed socket cannot deliver them, so the kernel answers RST and the peer sees ECONNRESET.</source>
        <translation>这一端已经把套接字完全关闭（它的 FIN 已经发出），之后对端仍有字节到达。已关闭的套接字无法交付这些数据，于是内核回以 RST，对端看到 ECONNRESET。</translation>
    </message>
    <message>
        <source>Here the bytes are the server&apos;s close frame: QWebSocket closed TCP right after sending its own close frame instead of waiting for the server&apos;s answer, as RFC 6455 (section 7.1.1) asks a client to do.</source>
        <translation>这里到达的字节是服务器的关闭帧：QWebSocket 发出自己的关闭帧后立刻关闭了 TCP，而没有像 RFC 6455（第 7.1.1 节）要求客户端那样等待服务器的回应。</translation>
    </message>
</context>
<context>
    <name>netstage::LadderPainter</name>
    <message>
        <source>absolute: seq %1, ack %2</source>
        <translation>绝对值：seq %1，ack %2</translation>
    </message>
    <message>
        <source>absolute: seq %1</source>
        <translation>绝对值：seq %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Drawn from the wire (libpcap on lo): every arrow is a captured segment</source>
        <translation>根据抓包绘制（lo 上的 libpcap）：每个箭头都是抓到的报文段</translation>
    </message>
    <message>
        <source>Drawn from the TCP model (RFC 9293) — not captured: dashed arrows</source>
        <translation>根据 TCP 模型（RFC 9293）绘制，并非抓包：虚线箭头</translation>
    </message>
    <message>
        <source>No segments yet: only what the programs and the kernel reported</source>
        <translation>还没有报文段：只有程序和内核报告的内容</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Nothing recorded yet: start a lesson or open a recording.</source>
        <translation>还没有记录：开始一节课程，或打开录制文件。</translation>
    </message>
    <message>
        <source>MODEL</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>WIRE</source>
        <translation>抓包</translation>
    </message>
    <message>
        <source>Numbers: textbook — x = the client&apos;s initial sequence number, y = the server&apos;s</source>
        <translation>序号：教科书写法 — x = 客户端的初始序列号，y = 服务器的初始序列号</translation>
    </message>
    <message>
        <source>Numbers: relative to each side&apos;s initial sequence number, like Wireshark</source>
        <translation>序号：相对于各自的初始序列号，与 Wireshark 相同</translation>
    </message>
    <message>
        <source>SYN handshake</source>
        <translation>SYN 握手</translation>
    </message>
    <message>
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>ACK only</source>
        <translation>纯 ACK</translation>
    </message>
    <message>
        <source>FIN</source>
        <translation>FIN</translation>
    </message>
    <message>
        <source>RST</source>
        <translation>RST</translation>
    </message>
    <message>
        <source>time gap</source>
        <translation>时间间隔</translation>
    </message>
    <message>
        <source>CLIENT</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>SERVER</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>PEER</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>%1 later (not to scale)</source>
        <translation>%1 之后（未按比例）</translation>
    </message>
    <message>
        <source>Cannot save the diagram as &quot;%1&quot;: use a file name ending in .png or .svg.</source>
        <translation>无法把时序图保存为“%1”：请使用以 .png 或 .svg 结尾的文件名。</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <source>The diagram is too large for a PNG (%1 × %2 pixels): save it as .svg or show fewer steps.</source>
        <translation>时序图太大，无法保存为 PNG（%1 × %2 像素）：请保存为 .svg，或显示更少的步骤。</translation>
    </message>
    <message>
        <source>TCP ladder diagram</source>
        <translation>TCP 时序图</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: the SVG could not be started.</source>
        <translation>无法写入“%1”：无法开始生成 SVG。</translation>
    </message>
    <message>
        <source>lost in the relay: never arrives</source>
        <translation>在中继中丢失：永远不会到达</translation>
    </message>
    <message>
        <source>held back by the relay: arrives after a later one</source>
        <translation>被中继扣留：比后发的数据报晚到</translation>
    </message>
    <message>
        <source>duplicated by the relay: copy 1</source>
        <translation>被中继复制：副本 1</translation>
    </message>
    <message>
        <source>duplicated by the relay: copy 2</source>
        <translation>被中继复制：副本 2</translation>
    </message>
    <message>
        <source>delayed %1 ms by the relay</source>
        <translation>被中继延迟 %1 ms</translation>
    </message>
    <message>
        <source>%1, delayed %2 ms</source>
        <translation>%1，延迟 %2 ms</translation>
    </message>
    <message>
        <source>%1 %2 B</source>
        <translation>%1 %2 B</translation>
    </message>
    <message>
        <source>retransmission: sent again after a loss</source>
        <translation>重传：丢失后再次发送</translation>
    </message>
    <message>
        <source>retransmission · %1</source>
        <translation>重传 · %1</translation>
    </message>
    <message>
        <source>lost: no ACK came, sent again below</source>
        <translation>丢失：没有收到 ACK，在下方重发</translation>
    </message>
    <message>
        <source>Drawn from what the programs sent and received: every arrow is one datagram</source>
        <translation>根据程序发送和接收的内容绘制：每个箭头是一个数据报</translation>
    </message>
    <message>
        <source>%1; datagrams as the programs sent and received them</source>
        <translation>%1；数据报按程序实际的发送和接收绘制</translation>
    </message>
    <message>
        <source>UDP: no handshake, no acknowledgement, no state — each arrow is all there is</source>
        <translation>UDP：没有握手，没有确认，没有状态 — 每个箭头就是全部</translation>
    </message>
    <message>
        <source>datagram</source>
        <translation>数据报</translation>
    </message>
</context>
<context>
    <name>netstage::LanModeDialog</name>
    <message>
        <source>LAN mode</source>
        <translation>局域网模式</translation>
    </message>
    <message>
        <source>Let computers on this network connect to the labs&apos; servers</source>
        <translation>允许本网络中的计算机连接各实验的服务器</translation>
    </message>
    <message>
        <source>All interfaces (0.0.0.0)</source>
        <translation>所有网络接口 (0.0.0.0)</translation>
    </message>
    <message>
        <source> connections</source>
        <translation> 个连接</translation>
    </message>
    <message>
        <source>Each server accepts at most this many connections at once; the next ones are refused (Node&apos;s server.maxConnections).</source>
        <translation>每个服务器同时最多接受这么多连接；之后的连接会被拒绝（即 Node 的 server.maxConnections）。</translation>
    </message>
    <message>
        <source>Address to bind:</source>
        <translation>绑定地址：</translation>
    </message>
    <message>
        <source>Limit per server:</source>
        <translation>每个服务器上限：</translation>
    </message>
    <message>
        <source>Off: every server binds 127.0.0.1, so only programs on this computer can connect.</source>
        <translation>关闭：所有服务器都绑定 127.0.0.1，只有本机上的程序能连接。</translation>
    </message>
    <message>
        <source>This computer has no network address besides loopback: nobody else can reach it. Connect it to the classroom network first.</source>
        <translation>这台计算机除了回环地址之外没有网络地址：其他人无法访问它。请先接入教室网络。</translation>
    </message>
    <message>
        <source>On: anyone on this network can connect to the servers you start, e.g. the tutorial&apos;s Node client with host %1. Servers already running keep their address: stop and start them again.</source>
        <translation>开启：本网络中的任何人都能连接你启动的服务器，例如用教程里的 Node 客户端连接主机 %1。已在运行的服务器仍保持原地址：请先停止再重新启动。</translation>
    </message>
</context>
<context>
    <name>netstage::LessonPanel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Next step %1: %2 — press Step (or N in the diagram) when the class is ready. The kernel holds the state meanwhile.</source>
        <translation>下一步 %1：%2 — 全班准备好后按“单步”（或在时序图中按 N）。其间内核会保持当前状态。</translation>
    </message>
    <message>
        <source>Lesson over. Replay it with the controls below, step by step or at teaching speed; save it to show it again without a network.</source>
        <translation>课程结束。可以用下面的控件回放，单步或按教学速度播放；保存后无需网络也能再次演示。</translation>
    </message>
    <message>
        <source>The lesson to run on real sockets.</source>
        <translation>要在真实套接字上运行的课程。</translation>
    </message>
    <message>
        <source>Step mode</source>
        <translation>单步模式</translation>
    </message>
    <message>
        <source>Wait for the teacher before each application action. Between steps the kernel really holds the state (e.g. FIN-WAIT-2 and CLOSE-WAIT after a half-close).</source>
        <translation>每个应用操作之前等待老师。两步之间，内核确实保持着当前状态（例如半关闭后的 FIN-WAIT-2 和 CLOSE-WAIT）。</translation>
    </message>
    <message>
        <source>Run lesson</source>
        <translation>运行课程</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Run the next application action (F5, or N in the diagram).</source>
        <translation>执行下一个应用操作（F5，或在时序图中按 N）。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Wire (captured)</source>
        <translation>抓包（真实）</translation>
    </message>
    <message>
        <source>TCP model</source>
        <translation>TCP 模型</translation>
    </message>
    <message>
        <source>Draw the arrows from the real captured segments, or from the RFC 9293 model derived from what the programs did.</source>
        <translation>箭头根据真实抓到的报文段绘制，或根据程序的操作由 RFC 9293 模型推导。</translation>
    </message>
    <message>
        <source>Textbook numbers (x, y)</source>
        <translation>教科书序号（x, y）</translation>
    </message>
    <message>
        <source>Real numbers</source>
        <translation>真实序号</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Open a saved recording (works without a network).</source>
        <translation>打开保存的录制文件（无需网络）。</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save this session as a recording (JSON Lines).</source>
        <translation>把本次会话保存为录制文件（JSON Lines）。</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the diagram as PNG or SVG for slides.</source>
        <translation>把时序图导出为 PNG 或 SVG，用于幻灯片。</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Back to the beginning (Home).</source>
        <translation>回到开头（Home）。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>One step back (P or Left).</source>
        <translation>后退一步（P 或 ←）。</translation>
    </message>
    <message>
        <source>Play or pause (Space).</source>
        <translation>播放或暂停（空格）。</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <source>One step forward (N or Right).</source>
        <translation>前进一步（N 或 →）。</translation>
    </message>
    <message>
        <source>Drag to any moment of the recording.</source>
        <translation>拖动到录制中的任意时刻。</translation>
    </message>
    <message>
        <source>Playback speed, on a log scale: 0.1 to 10 steps a second.</source>
        <translation>回放速度，对数刻度：每秒 0.1 到 10 步。</translation>
    </message>
    <message>
        <source>%1 steps/s</source>
        <translation>%1 步/秒</translation>
    </message>
    <message>
        <source>Real time</source>
        <translation>真实时间</translation>
    </message>
    <message>
        <source>Keep the real gaps between steps (on loopback most are microseconds; the delayed ACK is 40 ms).</source>
        <translation>保留步骤之间的真实间隔（在回环接口上大多只有几微秒；延迟确认为 40 ms）。</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Ladder</source>
        <translation>时序图</translation>
    </message>
    <message>
        <source>The lesson could not start its server; see the log.</source>
        <translation>课程无法启动它的服务器；请查看日志。</translation>
    </message>
    <message>
        <source>Wire capture is not permitted here, so the arrows come from the TCP model (see README: setcap cap_net_raw,cap_net_admin=eip).</source>
        <translation>这里不允许抓包，所以箭头来自 TCP 模型（见 README：setcap cap_net_raw,cap_net_admin=eip）。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Nothing was opened. %1</source>
        <translation>没有打开任何文件。%1</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n step(s). Press Play or Forward.</source>
        <translation>
            <numerusform>已打开 %1：共 %n 步。请按“播放”或“前进”。</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Open a recording</source>
        <translation>打开录制文件</translation>
    </message>
    <message>
        <source>NetStage recordings (*.jsonl *.netstage);;All files (*)</source>
        <translation>NetStage 录制文件 (*.jsonl *.netstage);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save the recording</source>
        <translation>保存录制文件</translation>
    </message>
    <message>
        <source>NetStage recordings (*.jsonl *.netstage)</source>
        <translation>NetStage 录制文件 (*.jsonl *.netstage)</translation>
    </message>
    <message>
        <source>Export the diagram</source>
        <translation>导出时序图</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>已导出 %1。</translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation>没有导出任何内容：%1</translation>
    </message>
    <message>
        <source>Loss </source>
        <translation>丢包 </translation>
    </message>
    <message>
        <source> %</source>
        <translation>%</translation>
    </message>
    <message>
        <source>No loss</source>
        <translation>不丢包</translation>
    </message>
    <message>
        <source>Real loss (root only): drop this share of the TCP data segments sent to the lesson&apos;s server with an nftables rule, so the wire shows TCP sending them again; UDP steps go through the relay with the same loss. The rule is removed when the lesson ends.</source>
        <translation>真实丢包（仅限 root）：用一条 nftables 规则按这个比例丢弃发往课程服务器的 TCP 数据报文段，于是抓包中能看到 TCP 重传它们；UDP 步骤经由中继发送，丢包率相同。课程结束时删除这条规则。</translation>
    </message>
    <message>
        <source>Slides…</source>
        <translation>幻灯片…</translation>
    </message>
    <message>
        <source>Export the lesson as slides: one picture per step with its explanation, and an index.html that shows them in order.</source>
        <translation>把课程导出为幻灯片：每一步一张图片并附上讲解，另有一个按顺序展示它们的 index.html。</translation>
    </message>
    <message>
        <source>No slides were written: %1</source>
        <translation>没有写出幻灯片：%1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n slide(s) and index.html to %1.</source>
        <translation>
            <numerusform>已把 %n 张幻灯片和 index.html 写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a folder for the slides</source>
        <translation>选择存放幻灯片的文件夹</translation>
    </message>
    <message>
        <source>No lesson drawn yet</source>
        <translation>还没有画出课程</translation>
    </message>
    <message>
        <source>“%1” runs the chosen lesson on real sockets and draws every segment here as it happens, with each side&apos;s state. Or open a recording (Ctrl+O).</source>
        <translation>“%1”在真实套接字上运行选中的课程，并在报文段发生时把它画在这里，附上两端的状态。也可以打开一个录制文件（Ctrl+O）。</translation>
    </message>
</context>
<context>
    <name>netstage::LessonRunner</name>
    <message>
        <source>The lesson is over.</source>
        <translation>课程结束。</translation>
    </message>
    <message>
        <source>Real loss: an nftables rule drops %1% of the TCP data segments sent to 127.0.0.1:%2 after the capture saw them; UDP goes through the relay with the same loss.</source>
        <translation>真实丢包：发往 127.0.0.1:%2 的 TCP 数据报文段被抓包看到之后，一条 nftables 规则丢弃其中的 %1%；UDP 经由中继发送，丢包率相同。</translation>
    </message>
    <message>
        <source>An nftables rule drops every SYN sent to 127.0.0.1:%1 (after the capture saw it). TCP_SYNCNT is %2: the kernel gives up %3 s after the first SYN.</source>
        <translation>一条 nftables 规则丢弃所有发往 127.0.0.1:%1 的 SYN（在抓包看到之后）。TCP_SYNCNT 为 %2：内核在第一个 SYN 之后 %3 秒放弃。</translation>
    </message>
    <message>
        <source>An nftables rule drops every segment to and from 127.0.0.1:%1, as if the server&apos;s cable were cut: no FIN, no RST.</source>
        <translation>一条 nftables 规则丢弃进出 127.0.0.1:%1 的所有报文段，就像服务器的网线被剪断：没有 FIN，也没有 RST。</translation>
    </message>
    <message>
        <source>An nftables rule drops the FINs to and from 127.0.0.1:%1 for a moment, so both ends close before either FIN arrives.</source>
        <translation>一条 nftables 规则短暂丢弃进出 127.0.0.1:%1 的 FIN，使两端都在对方的 FIN 到达之前关闭。</translation>
    </message>
    <message>
        <source>No two free ports were found.</source>
        <translation>找不到两个空闲端口。</translation>
    </message>
    <message>
        <source>An nftables rule drops the first SYNs between 127.0.0.1:%1 and 127.0.0.1:%2, so that the SYNs sent again cross.</source>
        <translation>一条 nftables 规则丢弃 127.0.0.1:%1 与 127.0.0.1:%2 之间最初的 SYN，使重发的 SYN 彼此交叉。</translation>
    </message>
</context>
<context>
    <name>netstage::Lessons</name>
    <message>
        <source>The client connects</source>
        <translation>客户端发起连接</translation>
    </message>
    <message>
        <source>connect() sends SYN with the client&apos;s initial sequence number x. The server&apos;s kernel answers SYN+ACK with its own number y and ack = x+1 (a SYN consumes one number); the client&apos;s ACK (ack = y+1) completes the 3-way handshake. The server program is not involved yet: the kernel does all of it, then accept() hands over the connection.</source>
        <translation>connect() 发送 SYN，带上客户端的初始序列号 x。服务器内核回复 SYN+ACK，带上自己的序号 y 和 ack = x+1（SYN 占用一个序号）；客户端的 ACK（ack = y+1）完成三次握手。此时服务器程序还没有参与：这一切都由内核完成，然后 accept() 把连接交给程序。</translation>
    </message>
    <message>
        <source>The 3-way handshake</source>
        <translation>三次握手</translation>
    </message>
    <message>
        <source>A client opens a connection to the server: SYN, SYN+ACK, ACK. Then both close, so the connection ends cleanly.</source>
        <translation>客户端向服务器发起连接：SYN、SYN+ACK、ACK。然后双方关闭，连接正常结束。</translation>
    </message>
    <message>
        <source>The client closes</source>
        <translation>客户端关闭</translation>
    </message>
    <message>
        <source>close() sends FIN. The server&apos;s kernel acknowledges it and tells the program (end), which still has to close its own side.</source>
        <translation>close() 发送 FIN。服务器内核确认它，并通知程序（end），程序还需要关闭自己这一侧。</translation>
    </message>
    <message>
        <source>The server closes</source>
        <translation>服务器关闭</translation>
    </message>
    <message>
        <source>The server sends its FIN; the client&apos;s ACK ends the connection. The client, which closed first, waits in TIME-WAIT.</source>
        <translation>服务器发送它的 FIN；客户端的 ACK 结束连接。先关闭的客户端进入 TIME-WAIT 等待。</translation>
    </message>
    <message>
        <source>Normal open and close (the client closes first)</source>
        <translation>正常建立与关闭（客户端先关闭）</translation>
    </message>
    <message>
        <source>Connect, exchange a message each way, then the 4-way teardown: the client&apos;s FIN and its ACK, the server&apos;s FIN and its ACK.</source>
        <translation>建立连接，双方各发一条消息，然后四次挥手：客户端的 FIN 及其 ACK，服务器的 FIN 及其 ACK。</translation>
    </message>
    <message>
        <source>The client sends</source>
        <translation>客户端发送</translation>
    </message>
    <message>
        <source>5 bytes with seq = x+1; the server&apos;s kernel acknowledges them with ack = x+6 (seq + length).</source>
        <translation>5 个字节，seq = x+1；服务器内核用 ack = x+6（seq + 长度）确认。</translation>
    </message>
    <message>
        <source>The server answers</source>
        <translation>服务器回复</translation>
    </message>
    <message>
        <source>&quot;你好&quot; is 6 bytes in UTF-8; the client acknowledges y+7.</source>
        <translation>“你好”在 UTF-8 中占 6 个字节；客户端确认 y+7。</translation>
    </message>
    <message>
        <source>The client closes first (wave 1)</source>
        <translation>客户端先关闭（第一次挥手）</translation>
    </message>
    <message>
        <source>The client sends FIN and enters FIN-WAIT-1; the server&apos;s kernel acknowledges it (wave 2, often ~40 ms later: a delayed ACK). Now the client sits in FIN-WAIT-2 and the server in CLOSE-WAIT, for as long as the server program does not close.</source>
        <translation>客户端发送 FIN，进入 FIN-WAIT-1；服务器内核确认它（第二次挥手，常在约 40 ms 之后：延迟确认）。现在客户端处于 FIN-WAIT-2，服务器处于 CLOSE-WAIT，只要服务器程序不关闭就一直如此。</translation>
    </message>
    <message>
        <source>The server closes (waves 3 and 4)</source>
        <translation>服务器关闭（第三、四次挥手）</translation>
    </message>
    <message>
        <source>The server sends its FIN (LAST-ACK); the client acknowledges it and enters TIME-WAIT for 2×MSL (60 s on Linux), so a lost last ACK can be sent again and old segments die out.</source>
        <translation>服务器发送它的 FIN（LAST-ACK）；客户端确认它，并进入 TIME-WAIT 等待 2×MSL（Linux 上为 60 秒），以便在最后的 ACK 丢失时重发，并让旧报文段消失。</translation>
    </message>
    <message>
        <source>The server closes first</source>
        <translation>服务器先关闭</translation>
    </message>
    <message>
        <source>The side that closes first is the one that waits in TIME-WAIT: here the server, not the client.</source>
        <translation>先关闭的一方在 TIME-WAIT 中等待：这里是服务器，而不是客户端。</translation>
    </message>
    <message>
        <source>The server greets</source>
        <translation>服务器致欢迎语</translation>
    </message>
    <message>
        <source>The tutorial&apos;s welcome line, as data.</source>
        <translation>教程中的欢迎语，作为数据发送。</translation>
    </message>
    <message>
        <source>The server sends FIN: it is in FIN-WAIT, the client in CLOSE-WAIT until its program closes.</source>
        <translation>服务器发送 FIN：它处于 FIN-WAIT，客户端处于 CLOSE-WAIT，直到客户端程序关闭。</translation>
    </message>
    <message>
        <source>The client&apos;s FIN is acknowledged; the server, which closed first, waits in TIME-WAIT.</source>
        <translation>客户端的 FIN 得到确认；先关闭的服务器进入 TIME-WAIT 等待。</translation>
    </message>
    <message>
        <source>Half-close: the server keeps sending</source>
        <translation>半关闭：服务器继续发送</translation>
    </message>
    <message>
        <source>The client says it will send nothing more (FIN) but keeps reading. The server, in CLOSE-WAIT, still sends data, which the client in FIN-WAIT-2 receives.</source>
        <translation>客户端表示它不再发送任何数据（FIN），但继续读取。处于 CLOSE-WAIT 的服务器仍在发送数据，处于 FIN-WAIT-2 的客户端照样接收。</translation>
    </message>
    <message>
        <source>The client half-closes</source>
        <translation>客户端半关闭</translation>
    </message>
    <message>
        <source>shutdown(SHUT_WR), Node&apos;s socket.end(): FIN goes out, reading goes on. The server program sees end; the connection is half open.</source>
        <translation>shutdown(SHUT_WR)，即 Node 的 socket.end()：发出 FIN，继续读取。服务器程序看到 end；连接处于半开状态。</translation>
    </message>
    <message>
        <source>The server still sends</source>
        <translation>服务器仍在发送</translation>
    </message>
    <message>
        <source>In CLOSE-WAIT the server may still write: the data is delivered to the client, which is in FIN-WAIT-2.</source>
        <translation>在 CLOSE-WAIT 中服务器仍可写入：数据被送达处于 FIN-WAIT-2 的客户端。</translation>
    </message>
    <message>
        <source>And once more</source>
        <translation>再发一次</translation>
    </message>
    <message>
        <source>Every segment is acknowledged as usual.</source>
        <translation>每个报文段照常得到确认。</translation>
    </message>
    <message>
        <source>Its FIN ends the other direction; the client enters TIME-WAIT.</source>
        <translation>它的 FIN 结束另一个方向；客户端进入 TIME-WAIT。</translation>
    </message>
    <message>
        <source>Abort: RST instead of FIN</source>
        <translation>中止：用 RST 代替 FIN</translation>
    </message>
    <message>
        <source>With SO_LINGER 0, close() does not send FIN: the kernel sends RST and forgets the connection at once. The peer gets ECONNRESET; nobody waits in TIME-WAIT.</source>
        <translation>设置 SO_LINGER 0 后，close() 不发送 FIN：内核发送 RST，并立即忘掉这个连接。对端得到 ECONNRESET；谁也不用在 TIME-WAIT 中等待。</translation>
    </message>
    <message>
        <source>Ordinary data, acknowledged.</source>
        <translation>普通数据，得到确认。</translation>
    </message>
    <message>
        <source>The client aborts</source>
        <translation>客户端中止连接</translation>
    </message>
    <message>
        <source>SO_LINGER {1, 0} then close(): one RST segment. The server program&apos;s next read fails with ECONNRESET.</source>
        <translation>SO_LINGER {1, 0} 然后 close()：一个 RST 报文段。服务器程序的下一次读取以 ECONNRESET 失败。</translation>
    </message>
    <message>
        <source>Connect to a closed port</source>
        <translation>连接到关闭的端口</translation>
    </message>
    <message>
        <source>Nothing listens on the port, so the kernel answers the SYN with RST: connect() fails with ECONNREFUSED at once.</source>
        <translation>该端口上没有程序在监听，所以内核用 RST 回应 SYN：connect() 立即以 ECONNREFUSED 失败。</translation>
    </message>
    <message>
        <source>The client connects to a closed port</source>
        <translation>客户端连接到关闭的端口</translation>
    </message>
    <message>
        <source>SYN goes out; RST+ACK (ack = x+1) comes back from the kernel, since no socket listens there. No handshake, no connection.</source>
        <translation>SYN 发出；由于那里没有套接字在监听，内核返回 RST+ACK（ack = x+1）。没有握手，也没有连接。</translation>
    </message>
    <message>
        <source>Data exchange with ACKs</source>
        <translation>数据交换与 ACK</translation>
    </message>
    <message>
        <source>Messages in both directions: each segment carries seq (its first byte) and ack (the next byte expected), and each is acknowledged.</source>
        <translation>双向传输消息：每个报文段带有 seq（它第一个字节的序号）和 ack（期望收到的下一个字节），并且每个都得到确认。</translation>
    </message>
    <message>
        <source>seq = x+1, 5 bytes; acknowledged x+6.</source>
        <translation>seq = x+1，5 字节；确认 x+6。</translation>
    </message>
    <message>
        <source>seq = y+1, 6 bytes; acknowledged y+7.</source>
        <translation>seq = y+1，6 字节；确认 y+7。</translation>
    </message>
    <message>
        <source>The client sends again</source>
        <translation>客户端再次发送</translation>
    </message>
    <message>
        <source>seq continues where it stopped: x+6, 12 bytes; acknowledged x+18.</source>
        <translation>seq 从上次停下的地方继续：x+6，12 字节；确认 x+18。</translation>
    </message>
    <message>
        <source>The server answers again</source>
        <translation>服务器再次回复</translation>
    </message>
    <message>
        <source>seq = y+7, 12 bytes.</source>
        <translation>seq = y+7，12 字节。</translation>
    </message>
    <message>
        <source>FIN; the server is in CLOSE-WAIT.</source>
        <translation>FIN；服务器处于 CLOSE-WAIT。</translation>
    </message>
    <message>
        <source>FIN, ACK: the client waits in TIME-WAIT.</source>
        <translation>FIN、ACK：客户端在 TIME-WAIT 中等待。</translation>
    </message>
    <message>
        <source>TCP vs UDP</source>
        <translation>TCP 与 UDP 对比</translation>
    </message>
    <message>
        <source>The same word sent twice, side by side: once over a TCP connection (handshake, data, acknowledgement, teardown) and once as a UDP datagram, which an echo server sends back. Count the arrows and the states.</source>
        <translation>同一个词发送两次，并排对比：一次通过 TCP 连接（握手、数据、确认、挥手），一次作为 UDP 数据报，由 echo 服务器发回。数一数箭头和状态。</translation>
    </message>
    <message>
        <source>TCP: the client connects</source>
        <translation>TCP：客户端发起连接</translation>
    </message>
    <message>
        <source>Before TCP carries a single byte, three segments go back and forth (SYN, SYN+ACK, ACK) and both sides change state. That is the price of a connection: both kernels now know each other&apos;s sequence numbers.</source>
        <translation>在 TCP 传送第一个字节之前，三个报文段来回传递（SYN、SYN+ACK、ACK），双方的状态都发生了变化。这就是建立连接的代价：现在两个内核都知道了对方的序号。</translation>
    </message>
    <message>
        <source>TCP: the client sends &quot;hello&quot;</source>
        <translation>TCP：客户端发送“hello”</translation>
    </message>
    <message>
        <source>5 bytes, numbered (seq = x+1), and the server&apos;s kernel acknowledges them (ack = x+6). Had the segment been lost, the client&apos;s kernel would have sent it again by itself.</source>
        <translation>5 个字节，带有编号（seq = x+1），服务器内核确认它们（ack = x+6）。如果这个报文段丢失了，客户端内核会自动重发。</translation>
    </message>
    <message>
        <source>UDP: the client sends &quot;hello&quot;</source>
        <translation>UDP：客户端发送“hello”</translation>
    </message>
    <message>
        <source>The same 5 bytes as one UDP datagram: no handshake before it, no acknowledgement after it, no state on either lane. The echo server&apos;s answer is just another datagram. Two arrows, and that is all of it.</source>
        <translation>同样的 5 个字节作为一个 UDP 数据报发送：之前没有握手，之后没有确认，两侧都没有状态。echo 服务器的回复也只是另一个数据报。两个箭头，仅此而已。</translation>
    </message>
    <message>
        <source>TCP: the client closes</source>
        <translation>TCP：客户端关闭</translation>
    </message>
    <message>
        <source>A TCP connection also has to be taken down: the client&apos;s FIN, acknowledged; the server is in CLOSE-WAIT. UDP had nothing to close on the wire.</source>
        <translation>TCP 连接还必须拆除：客户端的 FIN 得到确认；服务器处于 CLOSE-WAIT。UDP 在线路上没有什么需要关闭的。</translation>
    </message>
    <message>
        <source>TCP: the server closes</source>
        <translation>TCP：服务器关闭</translation>
    </message>
    <message>
        <source>The server&apos;s FIN and the last ACK: the client waits in TIME-WAIT. Count: TCP needed a handful of segments to deliver 5 bytes reliably; UDP needed one datagram each way and promised nothing.</source>
        <translation>服务器的 FIN 和最后的 ACK：客户端在 TIME-WAIT 中等待。数一数：TCP 需要好几个报文段才能可靠地交付 5 个字节；UDP 每个方向只需一个数据报，但什么也不保证。</translation>
    </message>
    <message>
        <source>Data to a closed socket: RST</source>
        <translation>向已关闭的套接字发数据：RST</translation>
    </message>
    <message>
        <source>The server&apos;s program closes its socket; the client, in CLOSE-WAIT, still sends. No program will ever read those bytes, so the server&apos;s kernel answers RST; the client&apos;s next write fails with EPIPE.</source>
        <translation>服务器程序关闭了它的套接字；处于 CLOSE-WAIT 的客户端仍在发送。这些字节再也不会有程序读取，因此服务器内核回以 RST；客户端的下一次写入以 EPIPE 失败。</translation>
    </message>
    <message>
        <source>close() sends FIN. The client&apos;s kernel acknowledges it and its program sees end, but does not close: the client sits in CLOSE-WAIT. The server&apos;s socket is an orphan now, in FIN-WAIT-2, with no program behind it.</source>
        <translation>close() 发送 FIN。客户端内核确认它，客户端程序看到 end，但并不关闭：客户端停在 CLOSE-WAIT。服务器的套接字现在成了“孤儿”，处于 FIN-WAIT-2，背后已经没有程序。</translation>
    </message>
    <message>
        <source>The client sends anyway</source>
        <translation>客户端照样发送</translation>
    </message>
    <message>
        <source>The bytes reach a socket no program will read. Linux answers RST at once instead of acknowledging them; the client&apos;s kernel forgets the connection (CLOSED, no TIME-WAIT). Its program does not know yet: it has already read the end of the stream.</source>
        <translation>这些字节到达一个不会再有程序读取的套接字。Linux 不确认它们，而是立即回以 RST；客户端内核忘掉这条连接（CLOSED，没有 TIME-WAIT）。客户端程序还不知道：它已经读到了数据流的结尾。</translation>
    </message>
    <message>
        <source>Now write() fails: EPIPE, &quot;broken pipe&quot; (a reset received in CLOSE-WAIT is reported as EPIPE, elsewhere as ECONNRESET). Nothing goes on the wire any more.</source>
        <translation>这次 write() 失败了：EPIPE，“管道已断开”（在 CLOSE-WAIT 收到的重置报告为 EPIPE，其他状态下报告为 ECONNRESET）。线路上不再有任何报文段。</translation>
    </message>
    <message>
        <source>Nobody answers the SYN: retries, then ETIMEDOUT</source>
        <translation>SYN 无人应答：重试，然后 ETIMEDOUT</translation>
    </message>
    <message>
        <source>An nftables rule drops every SYN sent to the server&apos;s port (the capture sees each one before it is dropped). The client sits in SYN-SENT and its kernel sends the SYN again and again until the time TCP_SYNCNT allows is used up, then connect() fails with ETIMEDOUT.</source>
        <translation>一条 nftables 规则丢弃所有发往服务器端口的 SYN（抓包在丢弃之前看到每一个）。客户端停在 SYN-SENT，它的内核一次又一次重发 SYN，直到 TCP_SYNCNT 允许的时间用完，然后 connect() 以 ETIMEDOUT 失败。</translation>
    </message>
    <message>
        <source>The client connects; no SYN arrives</source>
        <translation>客户端发起连接；SYN 一个也没到达</translation>
    </message>
    <message>
        <source>connect() sends SYN and the client enters SYN-SENT. Nothing comes back: the rule drops the SYN before the server&apos;s kernel sees it. The textbook doubles the wait before each retry (1 s, 2 s, 4 s); Linux 6.5 and later first retry every second (net.ipv4.tcp_syn_linear_timeouts, 4 by default), then double. TCP_SYNCNT limits the time, not the count: with 2 retries, 1 + 2 + 4 = 7 s after the first SYN the kernel gives up: ETIMEDOUT, and the socket is CLOSED. The gaps beside the ladder are the real ones.</source>
        <translation>connect() 发送 SYN，客户端进入 SYN-SENT。没有任何回应：规则在服务器内核看到 SYN 之前就把它丢弃了。教科书里每次重试前等待时间加倍（1 秒、2 秒、4 秒）；Linux 6.5 及以后先每秒重试一次（net.ipv4.tcp_syn_linear_timeouts，默认 4 次），然后才加倍。TCP_SYNCNT 限制的是时间而不是次数：重试 2 次时，第一个 SYN 之后 1 + 2 + 4 = 7 秒内核放弃：ETIMEDOUT，套接字变为 CLOSED。梯形图旁的间隔就是真实的时间。</translation>
    </message>
    <message>
        <source>Keepalive: the peer vanished without a FIN</source>
        <translation>保活：对端没发 FIN 就消失了</translation>
    </message>
    <message>
        <source>After a normal handshake the server disappears without a word: an nftables rule drops everything to and from it, as if its cable were cut. The client notices only because keepalive is on (timers shortened for class): its kernel probes, hears nothing, gives up with an RST (lost as well) and reports ETIMEDOUT. The server never knew and still thinks the connection is open (half-open); when it finally writes, the answer is RST.</source>
        <translation>正常握手之后，服务器一声不响地消失了：一条 nftables 规则丢弃进出它的一切，就像网线被剪断。客户端之所以能察觉，只是因为开启了保活（为课堂缩短了计时器）：它的内核发出探测，得不到回应，最后发一个 RST 放弃（同样被丢弃），并报告 ETIMEDOUT。服务器毫不知情，仍以为连接开着（半开连接）；等它终于写数据时，得到的回答是 RST。</translation>
    </message>
    <message>
        <source>The client connects, with keepalive</source>
        <translation>客户端发起连接，开启保活</translation>
    </message>
    <message>
        <source>SO_KEEPALIVE on, TCP_KEEPIDLE 2 s, TCP_KEEPINTVL 1 s, TCP_KEEPCNT 3 (Linux&apos;s defaults: 2 hours, 75 s and 9 probes).</source>
        <translation>开启 SO_KEEPALIVE，TCP_KEEPIDLE 2 秒，TCP_KEEPINTVL 1 秒，TCP_KEEPCNT 3（Linux 的默认值：2 小时、75 秒和 9 次探测）。</translation>
    </message>
    <message>
        <source>Ordinary data, acknowledged: the connection is alive.</source>
        <translation>普通数据，已被确认：连接是活的。</translation>
    </message>
    <message>
        <source>The server vanishes</source>
        <translation>服务器消失</translation>
    </message>
    <message>
        <source>From now on every segment to and from the server is dropped, as if its cable were cut. After 2 quiet seconds the client&apos;s kernel sends a keepalive probe: an ACK whose seq is one below the next byte, which a live peer must answer. No answer comes. After 3 unanswered probes the client&apos;s kernel gives up: it sends an RST (in case the peer is still there; it is dropped too), reports ETIMEDOUT and the socket is CLOSED.</source>
        <translation>从现在起，进出服务器的每个报文段都被丢弃，就像网线被剪断了一样。安静 2 秒后，客户端内核发出一个保活探测：一个 seq 比下一个字节小 1 的 ACK，活着的对端必须回应。没有任何回应。3 次探测都没有回应之后，客户端内核放弃：它发出一个 RST（以防对端还在；这个 RST 也被丢弃），报告 ETIMEDOUT，套接字变为 CLOSED。</translation>
    </message>
    <message>
        <source>The server writes into a half-open connection</source>
        <translation>服务器向半开连接写数据</translation>
    </message>
    <message>
        <source>The rule is gone. The server noticed nothing and is still ESTABLISHED; its data reaches a client kernel that no longer knows the connection, which answers RST: the server&apos;s program gets ECONNRESET.</source>
        <translation>规则已撤除。服务器什么也没察觉，仍处于 ESTABLISHED；它的数据到达一个已不认识这条连接的客户端内核，后者回以 RST：服务器程序得到 ECONNRESET。</translation>
    </message>
    <message>
        <source>Simultaneous close: both FINs at once</source>
        <translation>同时关闭：两个 FIN 同时发出</translation>
    </message>
    <message>
        <source>Both programs close at the same moment, so each FIN leaves before the other side&apos;s arrives. On loopback a segment arrives within microseconds, so the lesson makes the FINs miss each other for real: an nftables rule drops both first FINs, and both ends sit in FIN-WAIT-1 at once. A FIN received in FIN-WAIT-1 leads to CLOSING, the state only a simultaneous close reaches; both ends closed actively, so both wait in TIME-WAIT.</source>
        <translation>两个程序在同一时刻关闭，所以每个 FIN 都在对方的 FIN 到达之前发出。在回环接口上报文段几微秒就到达，所以本课用真实的办法让两个 FIN 错过彼此：一条 nftables 规则丢弃最初的两个 FIN，两端同时处于 FIN-WAIT-1。在 FIN-WAIT-1 收到 FIN 就进入 CLOSING，这是只有同时关闭才会到达的状态；两端都是主动关闭，所以都要在 TIME-WAIT 等待。</translation>
    </message>
    <message>
        <source>Both close at once</source>
        <translation>两端同时关闭</translation>
    </message>
    <message>
        <source>Client and server call close() together: FIN and FIN, both dropped after the capture saw them, so each end is in FIN-WAIT-1 with its own FIN unacknowledged. After the retransmission timeout (about 200 ms) the FINs are sent again and the rule is gone: the first to arrive finds its receiver in FIN-WAIT-1, which enters CLOSING and acknowledges it; each ACK of a FIN then leads to TIME-WAIT. Whether the other end passes through CLOSING too is timing: when both retransmission timers fire in the same tick, the FINs sent again cross in flight and both do; otherwise the second FIN finds its receiver already in FIN-WAIT-2. Run it a few times.</source>
        <translation>客户端和服务器同时调用 close()：FIN 和 FIN，都在抓包看到之后被丢弃，所以两端都处于 FIN-WAIT-1，自己的 FIN 都未被确认。经过重传超时（约 200 毫秒），两个 FIN 被重发，此时规则已撤除：先到的那个发现接收方处于 FIN-WAIT-1，接收方进入 CLOSING 并确认它；之后每个 FIN 的 ACK 都带来 TIME-WAIT。另一端是否也经过 CLOSING 取决于时机：如果两个重传计时器在同一时刻触发，重发的 FIN 在途中交叉，两端都会经过 CLOSING；否则第二个 FIN 到达时接收方已处于 FIN-WAIT-2。多运行几次看看。</translation>
    </message>
    <message>
        <source>Simultaneous open: two SYNs cross</source>
        <translation>同时打开：两个 SYN 交叉</translation>
    </message>
    <message>
        <source>No server: two sockets, each bound to a port of its own, connect to each other at once. On loopback the first SYN would arrive before the other end has sent its own and be refused, so an nftables rule drops the first SYNs; the retransmitted ones find the other end in SYN-SENT. A SYN received in SYN-SENT leads to SYN-RECEIVED: a connection with no listener at all.</source>
        <translation>没有服务器：两个套接字各自绑定自己的端口，同时连接对方。在回环接口上，第一个 SYN 会在对方发出自己的 SYN 之前到达而被拒绝，所以一条 nftables 规则丢弃最初的 SYN；重发的 SYN 发现对方处于 SYN-SENT。在 SYN-SENT 收到 SYN 就进入 SYN-RECEIVED：一条根本没有监听者的连接。</translation>
    </message>
    <message>
        <source>Both ends connect to each other</source>
        <translation>两端互相连接</translation>
    </message>
    <message>
        <source>Both send SYN and enter SYN-SENT; both SYNs are dropped. A second later the kernels send them again: the first to arrive meets a socket in SYN-SENT, which answers SYN+ACK and enters SYN-RECEIVED; the SYN+ACK takes the other end to ESTABLISHED, and its ACK completes the connection. Both programs see connect succeed, neither ever called listen() or accept().</source>
        <translation>两端都发送 SYN 并进入 SYN-SENT；两个 SYN 都被丢弃。一秒后内核重发它们：先到的那个遇到处于 SYN-SENT 的套接字，后者回以 SYN+ACK 并进入 SYN-RECEIVED；这个 SYN+ACK 让另一端进入 ESTABLISHED，它的 ACK 完成连接。两个程序都看到 connect 成功，谁也没有调用过 listen() 或 accept()。</translation>
    </message>
    <message>
        <source>One end closes</source>
        <translation>一端关闭</translation>
    </message>
    <message>
        <source>An ordinary teardown from here: FIN, acknowledged.</source>
        <translation>从这里开始是普通的拆除：FIN，被确认。</translation>
    </message>
    <message>
        <source>The other end closes</source>
        <translation>另一端关闭</translation>
    </message>
    <message>
        <source>Its FIN and the last ACK: the end that closed first waits in TIME-WAIT.</source>
        <translation>它的 FIN 和最后的 ACK：先关闭的一端在 TIME-WAIT 等待。</translation>
    </message>
</context>
<context>
    <name>netstage::LogSaver</name>
    <message numerus="yes">
        <source>Saved %n event(s) to %1</source>
        <translation>
            <numerusform>已将 %n 个事件保存到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save the log to %1: %2</source>
        <translation>无法把日志保存到 %1：%2</translation>
    </message>
</context>
<context>
    <name>netstage::LoopbackLoss</name>
    <message>
        <source>Real TCP loss needs the server&apos;s port; it is not known yet.</source>
        <translation>真实 TCP 丢包需要知道服务器的端口，但现在还不知道。</translation>
    </message>
    <message>
        <source>The loss must be between 1 and 100 percent.</source>
        <translation>丢包率必须在 1% 到 100% 之间。</translation>
    </message>
    <message>
        <source>Real TCP loss needs root or CAP_NET_ADMIN: it adds an nftables rule that drops segments to port %1. Run NetStage as root (sudo), or compare with delay only (nftables said: %2).</source>
        <translation>真实 TCP 丢包需要 root 或 CAP_NET_ADMIN：它会添加一条 nftables 规则，丢弃发往端口 %1 的报文段。请以 root 运行 NetStage（sudo），或者只用延迟进行对比（nftables 的信息：%2）。</translation>
    </message>
    <message>
        <source>Real TCP loss could not be set up: nftables said &quot;%1&quot;.</source>
        <translation>无法设置真实 TCP 丢包：nftables 报告“%1”。</translation>
    </message>
    <message>
        <source>The nftables table %1 could not be removed: %2</source>
        <translation>无法删除 nftables 表 %1：%2</translation>
    </message>
    <message>
        <source>Real TCP loss is not available: the nft program is missing (Debian package nftables).</source>
        <translation>无法使用真实的 TCP 丢包：缺少 nft 程序（Debian 软件包 nftables）。</translation>
    </message>
    <message>
        <source>The rule needs the lesson&apos;s ports; they are not known yet.</source>
        <translation>规则需要课程的端口，但端口还未知。</translation>
    </message>
    <message>
        <source>The lesson needs nftables: the nft program is missing (Debian package nftables).</source>
        <translation>本课需要 nftables：缺少 nft 程序（Debian 软件包 nftables）。</translation>
    </message>
    <message>
        <source>This lesson needs root or CAP_NET_ADMIN: it adds an nftables rule that drops segments on port %1. Run NetStage as root (sudo) (nftables said: %2).</source>
        <translation>本课需要 root 或 CAP_NET_ADMIN：它会添加一条丢弃端口 %1 上报文段的 nftables 规则。请以 root（sudo）运行 NetStage（nftables 的回答：%2）。</translation>
    </message>
    <message>
        <source>The lesson&apos;s nftables rule could not be set up: nftables said &quot;%1&quot;.</source>
        <translation>无法设置本课的 nftables 规则：nftables 的回答是“%1”。</translation>
    </message>
</context>
<context>
    <name>netstage::MainWindow</name>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>Handshake &amp;&amp; teardown</source>
        <translation>握手与挥手</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Save log as JSON Lines…</source>
        <translation>把日志保存为 JSON Lines(&amp;S)…</translation>
    </message>
    <message>
        <source>Write every recorded event of this session to a .jsonl file.</source>
        <translation>把本次会话记录的所有事件写入 .jsonl 文件。</translation>
    </message>
    <message>
        <source>&amp;Open recording…</source>
        <translation>打开录制文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Save &amp;recording…</source>
        <translation>保存录制文件(&amp;R)…</translation>
    </message>
    <message>
        <source>Save the lesson shown as a recording.</source>
        <translation>把当前显示的课程保存为录制文件。</translation>
    </message>
    <message>
        <source>&amp;Export diagram as PNG or SVG…</source>
        <translation>导出时序图为 PNG 或 SVG(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About NetStage</source>
        <translation>关于 NetStage(&amp;A)</translation>
    </message>
    <message>
        <source>A save is still running; try again when it has finished.</source>
        <translation>仍有一次保存在进行中；请在它完成后再试。</translation>
    </message>
    <message numerus="yes">
        <source>Saving %n event(s)…</source>
        <translation>
            <numerusform>正在保存 %n 个事件…</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the session as JSON Lines</source>
        <translation>把会话保存为 JSON Lines</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl *.ndjson);;All files (*)</source>
        <translation>JSON Lines (*.jsonl *.ndjson);;所有文件 (*)</translation>
    </message>
    <message>
        <source>About NetStage</source>
        <translation>关于 NetStage</translation>
    </message>
    <message>
        <source>Events: %1 stored, %2 dropped</source>
        <translation>事件：已存储 %1，已丢弃 %2</translation>
    </message>
    <message>
        <source>Kernel states: on (sock_diag)</source>
        <translation>内核状态：已开启（sock_diag）</translation>
    </message>
    <message>
        <source>The kernel&apos;s TCP state of each socket is read through NETLINK_SOCK_DIAG, as `ss` does. No root needed.</source>
        <translation>通过 NETLINK_SOCK_DIAG 读取每个套接字在内核中的 TCP 状态，与 `ss` 的做法相同。无需 root 权限。</translation>
    </message>
    <message>
        <source>Kernel states: unavailable</source>
        <translation>内核状态：不可用</translation>
    </message>
    <message>
        <source>NETLINK_SOCK_DIAG could not be opened: the socket list shows only what the program sees.</source>
        <translation>无法打开 NETLINK_SOCK_DIAG：套接字列表只显示程序看到的内容。</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Open &amp;sample lesson</source>
        <translation>打开示例课程(&amp;S)</translation>
    </message>
    <message>
        <source>Recordings of every lesson, made on real sockets; they open without a network.</source>
        <translation>每节课程的录制文件，都是在真实套接字上录制的；无需网络即可打开。</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>No recent recordings</source>
        <translation>没有最近的录制</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1; %n other file(s) ignored (one recording at a time).</source>
        <translation>
            <numerusform>已打开 %1；忽略了另外 %n 个文件（一次只能打开一个录制）。</numerusform>
        </translation>
    </message>
    <message>
        <source>LAN &amp;mode…</source>
        <translation>局域网模式(&amp;M)…</translation>
    </message>
    <message>
        <source>Let students&apos; own programs on this network connect to the servers on this screen.</source>
        <translation>让学生在本网络中用自己的程序连接这台屏幕上的服务器。</translation>
    </message>
    <message>
        <source>LAN mode is on. Start (or restart) a server to bind it to %1.</source>
        <translation>局域网模式已开启。启动（或重新启动）服务器即可绑定到 %1。</translation>
    </message>
    <message>
        <source>LAN mode is off. Restart running servers to bind them to 127.0.0.1 again.</source>
        <translation>局域网模式已关闭。请重新启动正在运行的服务器，让它们重新绑定到 127.0.0.1。</translation>
    </message>
    <message>
        <source>no network address</source>
        <translation>没有网络地址</translation>
    </message>
    <message numerus="yes">
        <source>LAN mode ON: students connect to %1 · at most %n connection(s) per server</source>
        <translation>
            <numerusform>局域网模式已开启：学生连接 %1 · 每个服务器最多 %n 个连接</numerusform>
        </translation>
    </message>
    <message>
        <source>Anyone on this network can reach the servers started while LAN mode is on. Turn it off in View &gt; LAN mode when the lesson ends.</source>
        <translation>局域网模式开启期间启动的服务器，本网络中的任何人都能访问。下课后请在“视图 &gt; 局域网模式”中关闭它。</translation>
    </message>
    <message>
        <source>Network model</source>
        <translation>网络模型</translation>
    </message>
    <message>
        <source>An export is still running; try again when it has finished.</source>
        <translation>仍有一次导出在进行中；请在它完成后再试。</translation>
    </message>
    <message>
        <source>There is no capture to export: wire capture is not running (%1).</source>
        <translation>没有可导出的抓包数据：抓包没有运行（%1）。</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n frame(s) as pcapng…</source>
        <translation>
            <numerusform>正在把 %n 帧导出为 pcapng…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n frame(s) to %1 (pcapng: Wireshark and tshark open it).</source>
        <translation>
            <numerusform>已把 %n 帧导出到 %1（pcapng：可用 Wireshark 和 tshark 打开）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The capture could not be exported: %1</source>
        <translation>无法导出抓包数据：%1</translation>
    </message>
    <message>
        <source>Export the capture as pcapng</source>
        <translation>把抓包数据导出为 pcapng</translation>
    </message>
    <message>
        <source>pcapng capture (*.pcapng);;All files (*)</source>
        <translation>pcapng 抓包文件 (*.pcapng);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export capture as &amp;pcapng…</source>
        <translation>把抓包数据导出为 pcapng(&amp;P)…</translation>
    </message>
    <message>
        <source>Write every captured frame (real bytes and kernel timestamps) to a pcapng file that Wireshark opens.</source>
        <translation>把抓到的每一帧（真实字节和内核时间戳）写入 pcapng 文件，可用 Wireshark 打开。</translation>
    </message>
    <message>
        <source>URL → page</source>
        <translation>URL → 页面</translation>
    </message>
    <message>
        <source>&lt;h3&gt;NetStage %1&lt;/h3&gt;&lt;p&gt;Watch TCP connections live and die, with real sockets on this machine: what the program sees, what the kernel says, and what went over the wire.&lt;/p&gt;&lt;p&gt;Licence: GNU General Public License, version 3 or (at your option) any later version (GPL-3.0-or-later). There is NO WARRANTY.&lt;/p&gt;&lt;p&gt;Built with:&lt;br&gt;Qt %2 (LGPL-3.0 / GPL)&lt;br&gt;QCustomPlot (GPL-3.0-or-later)&lt;br&gt;libpcap (BSD-3-Clause)&lt;br&gt;ldns (BSD-3-Clause): the URL walk&apos;s DNS messages&lt;/p&gt;&lt;p&gt;Runs when asked: nft from nftables (GPL-2.0), a separate program, for real TCP loss in the lessons (root only).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;NetStage %1&lt;/h3&gt;&lt;p&gt;用本机上的真实套接字，观看 TCP 连接从建立到关闭的全过程：程序看到了什么，内核报告了什么，线路上传送了什么。&lt;/p&gt;&lt;p&gt;许可证：GNU 通用公共许可证第 3 版，或（由您选择）任何更高版本（GPL-3.0-or-later）。本程序不提供任何担保。&lt;/p&gt;&lt;p&gt;构建所用的库：&lt;br&gt;Qt %2（LGPL-3.0 / GPL）&lt;br&gt;QCustomPlot（GPL-3.0-or-later）&lt;br&gt;libpcap（BSD-3-Clause）&lt;br&gt;ldns（BSD-3-Clause）：URL 之旅中的 DNS 报文&lt;/p&gt;&lt;p&gt;按需运行：nftables 中的 nft（GPL-2.0），这是一个独立的程序，用于课程中的真实 TCP 丢包（仅限 root）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open a saved lesson or URL walk and replay it (no network needed).</source>
        <translation>打开保存的课程或 URL 之旅并回放（无需网络）。</translation>
    </message>
    <message>
        <source>Open a recording</source>
        <translation>打开录制文件</translation>
    </message>
    <message>
        <source>NetStage recordings (*.jsonl *.netstage);;All files (*)</source>
        <translation>NetStage 录制文件 (*.jsonl *.netstage);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>&amp;Start page</source>
        <translation>开始页(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Guided run of the TCP chapter</source>
        <translation>TCP 一章的引导(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Observe</source>
        <translation>观察(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Everything: app, kernel and wire</source>
        <translation>全部：应用、内核和线路(&amp;E)</translation>
    </message>
    <message>
        <source>App and &amp;kernel</source>
        <translation>应用和内核(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;App only</source>
        <translation>仅应用(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Nothing but errors</source>
        <translation>只记录错误(&amp;N)</translation>
    </message>
</context>
<context>
    <name>netstage::NetworkModelView</name>
    <message>
        <source>OSI model (7 layers)</source>
        <translation>OSI 参考模型（7 层）</translation>
    </message>
    <message>
        <source>TCP/IP model (4 layers)</source>
        <translation>TCP/IP 模型（4 层）</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Where NetStage shows it</source>
        <translation>NetStage 中的展示</translation>
    </message>
    <message>
        <source>7  Application</source>
        <translation>7  应用层</translation>
    </message>
    <message>
        <source>6  Presentation</source>
        <translation>6  表示层</translation>
    </message>
    <message>
        <source>5  Session</source>
        <translation>5  会话层</translation>
    </message>
    <message>
        <source>4  Transport</source>
        <translation>4  传输层</translation>
    </message>
    <message>
        <source>3  Network</source>
        <translation>3  网络层</translation>
    </message>
    <message>
        <source>2  Data link</source>
        <translation>2  数据链路层</translation>
    </message>
    <message>
        <source>1  Physical</source>
        <translation>1  物理层</translation>
    </message>
    <message>
        <source>what the program means</source>
        <translation>程序要表达的含义</translation>
    </message>
    <message>
        <source>encoding, compression, encryption</source>
        <translation>编码、压缩、加密</translation>
    </message>
    <message>
        <source>dialogues between programs</source>
        <translation>程序之间的会话</translation>
    </message>
    <message>
        <source>ports; reliable stream or single datagrams</source>
        <translation>端口；可靠的字节流或单个数据报</translation>
    </message>
    <message>
        <source>addresses and routes between networks</source>
        <translation>网络之间的地址和路由</translation>
    </message>
    <message>
        <source>frames between neighbours on one link</source>
        <translation>同一链路上相邻节点之间的帧</translation>
    </message>
    <message>
        <source>bits as signals: cable, radio, light</source>
        <translation>比特变为信号：电缆、无线电、光</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>应用层</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>传输层</translation>
    </message>
    <message>
        <source>Internet</source>
        <translation>网际层</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>网络接口层</translation>
    </message>
    <message>
        <source>unit: message (bytes of the program)</source>
        <translation>单位：报文（程序的字节）</translation>
    </message>
    <message>
        <source>segments (TCP), datagrams (UDP)</source>
        <translation>报文段（TCP）、数据报（UDP）</translation>
    </message>
    <message>
        <source>packets</source>
        <translation>IP 数据报（分组）</translation>
    </message>
    <message>
        <source>unit: frame, then bits</source>
        <translation>单位：帧，然后是比特</translation>
    </message>
    <message>
        <source>HTTP, WebSocket, DNS, TLS, SSH, SMTP</source>
        <translation>HTTP、WebSocket、DNS、TLS、SSH、SMTP</translation>
    </message>
    <message>
        <source>TCP, UDP (and QUIC on top of UDP)</source>
        <translation>TCP、UDP（以及基于 UDP 的 QUIC）</translation>
    </message>
    <message>
        <source>IPv4, IPv6, ICMP</source>
        <translation>IPv4、IPv6、ICMP</translation>
    </message>
    <message>
        <source>Ethernet, Wi-Fi, ARP; here the loopback interface lo</source>
        <translation>以太网、Wi-Fi、ARP；这里是回环接口 lo</translation>
    </message>
    <message>
        <source>HTTP lab, WebSocket lab, URL walk (DNS): requests, responses, frames, app events</source>
        <translation>HTTP 实验、WebSocket 实验、URL 之旅（DNS）：请求、响应、帧、app 事件</translation>
    </message>
    <message>
        <source>TCP lab, lessons (handshake, teardown), UDP lab: segments, datagrams, states</source>
        <translation>TCP 实验、课程（握手、挥手）、UDP 实验：报文段、数据报、状态</translation>
    </message>
    <message>
        <source>the IP header of each captured packet: addresses, TTL, id, checksum</source>
        <translation>每个抓到的数据包的 IP 首部：地址、TTL、标识、校验和</translation>
    </message>
    <message>
        <source>the loopback frame libpcap captures (zero MAC addresses); no physical signal</source>
        <translation>libpcap 抓到的回环帧（MAC 地址全为零）；没有物理信号</translation>
    </message>
    <message>
        <source>this packet: %1</source>
        <translation>本数据包：%1</translation>
    </message>
    <message>
        <source>this packet: %1 (not captured)</source>
        <translation>本数据包：%1（未抓到）</translation>
    </message>
    <message>
        <source>The network model: OSI and TCP/IP</source>
        <translation>网络模型：OSI 与 TCP/IP</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n byte(s)</source>
        <translation>
            <numerusform>%1，%n 字节</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::OsiPanel</name>
    <message>
        <source>Show the latest packet</source>
        <translation>显示最新的数据包</translation>
    </message>
    <message>
        <source>Export picture…</source>
        <translation>导出图片…</translation>
    </message>
    <message>
        <source>Right-click a segment or datagram in any event log or ladder and choose &quot;Show layers&quot; (or double-click it) to see it encapsulated here.</source>
        <translation>在任意事件日志或时序图中右键单击一个报文段或数据报，选择“显示分层”（或双击它），即可在这里看到它的封装。</translation>
    </message>
    <message>
        <source>Show the newest captured segment or datagram (or, without capture, the newest segment of the TCP model).</source>
        <translation>显示最新抓到的报文段或数据报（没有抓包时，显示 TCP 模型中最新的报文段）。</translation>
    </message>
    <message>
        <source>Save the network model picture as PNG or SVG.</source>
        <translation>把网络模型图保存为 PNG 或 SVG。</translation>
    </message>
    <message>
        <source>No segment or datagram yet: run a lab or a lesson first.</source>
        <translation>还没有报文段或数据报：请先运行一个实验或一节课程。</translation>
    </message>
    <message>
        <source>Nothing selected yet. Run a lab, then choose &quot;Show layers&quot; on a segment, a datagram or a data event.</source>
        <translation>还没有选中任何内容。请先运行一个实验，然后在报文段、数据报或 data 事件上选择“显示分层”。</translation>
    </message>
    <message>
        <source>A %1 event is not a packet: choose a segment, a datagram or a data event.</source>
        <translation>%1 事件不是数据包：请选择报文段、数据报或 data 事件。</translation>
    </message>
    <message>
        <source>Show layers (network model)</source>
        <translation>显示分层（网络模型）</translation>
    </message>
    <message>
        <source>Select an arrow (a segment) in the diagram first.</source>
        <translation>请先在时序图中选中一个箭头（一个报文段）。</translation>
    </message>
    <message>
        <source>Export the network model</source>
        <translation>导出网络模型</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Saved the network model to %1.</source>
        <translation>已把网络模型保存到 %1。</translation>
    </message>
</context>
<context>
    <name>netstage::PacketLayersView</name>
    <message numerus="yes">
        <source>%n byte(s) of data</source>
        <translation>
            <numerusform>%n 字节数据</numerusform>
        </translation>
    </message>
    <message>
        <source>%1-byte header, %2 bytes in all</source>
        <translation>%1 字节首部，共 %2 字节</translation>
    </message>
    <message>
        <source>%1-byte header</source>
        <translation>%1 字节首部</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Layer / field</source>
        <translation>层 / 字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Bytes in the frame</source>
        <translation>帧中字节位置</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Select a field to light up its bytes in the hex view.</source>
        <translation>选中一个字段，即可在十六进制视图中高亮它的字节。</translation>
    </message>
    <message>
        <source>The frame&apos;s bytes as captured, in hex and as text; each layer in its colour, the selected field in bold.</source>
        <translation>抓到的帧字节，以十六进制和文本显示；每一层用各自的颜色，选中的字段加粗。</translation>
    </message>
    <message>
        <source>No packet selected</source>
        <translation>未选中数据包</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>%1, bits %2–%3</source>
        <translation>%1，第 %2–%3 位</translation>
    </message>
    <message>
        <source>No bytes: %1</source>
        <translation>没有字节：%1</translation>
    </message>
    <message>
        <source>the program sees only its data, shown in the table.</source>
        <translation>程序只看到自己的数据，见表格。</translation>
    </message>
    <message>
        <source>this packet was not captured, only described.</source>
        <translation>这个数据包没有被抓到，只有描述。</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) as captured</source>
        <translation>
            <numerusform>抓到的 %n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1。%2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; = %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; = %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; = %2 (frame bytes: %3)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; = %2（帧中字节：%3）</translation>
    </message>
</context>
<context>
    <name>netstage::PcapngWriter</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>netstage::Presentation</name>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Handshake &amp; teardown: playback</source>
        <translation>握手与挥手：回放</translation>
    </message>
    <message>
        <source>Handshake &amp; teardown: diagram</source>
        <translation>握手与挥手：时序图</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen, large type and thick lines for a projector. F11 switches it on and off.</source>
        <translation>全屏、大字号、粗线条，适合投影仪。按 F11 开启或关闭。</translation>
    </message>
    <message>
        <source>Leave presentation mode</source>
        <translation>退出演示模式</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Light theme</source>
        <translation>浅色主题(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Export view as PNG or SVG…</source>
        <translation>把视图导出为 PNG 或 SVG(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the view shown (the current tab) as a picture.</source>
        <translation>把当前显示的视图（当前标签页）保存为图片。</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Play or pause the replay</source>
        <translation>播放或暂停回放</translation>
    </message>
    <message>
        <source>Step forward (or the next lesson step)</source>
        <translation>前进一步（或课程的下一步）</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <source>Back to the beginning</source>
        <translation>回到开头</translation>
    </message>
    <message>
        <source>Jump to the end</source>
        <translation>跳到结尾</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>减速</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>加速</translation>
    </message>
    <message>
        <source>Real time on or off</source>
        <translation>开启或关闭真实时间</translation>
    </message>
    <message>
        <source>Run the selected lesson</source>
        <translation>运行选中的课程</translation>
    </message>
    <message>
        <source>Run the next lesson step (step mode)</source>
        <translation>运行课程的下一步（单步模式）</translation>
    </message>
    <message>
        <source>Stop the lesson</source>
        <translation>停止课程</translation>
    </message>
    <message>
        <source>Export lesson as &amp;slides…</source>
        <translation>把课程导出为幻灯片(&amp;S)…</translation>
    </message>
    <message>
        <source>Zoom the diagram in</source>
        <translation>放大时序图</translation>
    </message>
    <message>
        <source>Zoom the diagram out</source>
        <translation>缩小时序图</translation>
    </message>
    <message>
        <source>Diagram at its normal size</source>
        <translation>时序图恢复正常大小</translation>
    </message>
    <message>
        <source>Scroll the diagram up</source>
        <translation>向上滚动时序图</translation>
    </message>
    <message>
        <source>Scroll the diagram down</source>
        <translation>向下滚动时序图</translation>
    </message>
    <message>
        <source>Scroll the diagram left</source>
        <translation>向左滚动时序图</translation>
    </message>
    <message>
        <source>Scroll the diagram right</source>
        <translation>向右滚动时序图</translation>
    </message>
    <message>
        <source>Zoom: %1%</source>
        <translation>缩放：%1%</translation>
    </message>
    <message>
        <source>Presentation mode: F11 or Esc leaves it, F1 lists the keys.</source>
        <translation>演示模式：按 F11 或 Esc 退出，按 F1 查看所有按键。</translation>
    </message>
    <message>
        <source>An export is still being written; try again in a moment.</source>
        <translation>上一次导出仍在写入；请稍后再试。</translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation>没有导出任何内容：%1</translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>已导出 %1。</translation>
    </message>
    <message>
        <source>Export the view</source>
        <translation>导出视图</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
</context>
<context>
    <name>netstage::RecordingFile</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is empty: it is not a NetStage recording.</source>
        <translation>%1 是空文件：它不是 NetStage 录制文件。</translation>
    </message>
    <message>
        <source>%1 is not a NetStage recording: its first line has no &quot;netstage_recording&quot; header.</source>
        <translation>%1 不是 NetStage 录制文件：它的第一行没有 &quot;netstage_recording&quot; 头。</translation>
    </message>
    <message>
        <source>%1 uses recording format %2; this NetStage reads format %3.</source>
        <translation>%1 使用录制格式 %2；此版本的 NetStage 读取格式 %3。</translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1，第 %2 行：%3</translation>
    </message>
</context>
<context>
    <name>netstage::ShortcutsOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Esc, F1 or a click closes this sheet.</source>
        <translation>按 Esc、F1 或点击鼠标即可关闭此页。</translation>
    </message>
</context>
<context>
    <name>netstage::SlidesExport</name>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>第 %1 步，共 %2 步：%3</translation>
    </message>
    <message numerus="yes">
        <source>%n slide(s), one per step. Use the arrow keys or scroll.</source>
        <translation>
            <numerusform>共 %n 张幻灯片，每步一张。用方向键或滚动浏览。</numerusform>
        </translation>
    </message>
    <message>
        <source>the recording has no lesson steps, so there are no slides to write</source>
        <translation>录制文件中没有课程步骤，因此没有可写的幻灯片</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
</context>
<context>
    <name>netstage::SocketListModel</name>
    <message>
        <source>listener</source>
        <translation>监听者</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>listening</source>
        <translation>监听中</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>open</source>
        <translation>已打开</translation>
    </message>
    <message>
        <source>half-closed (we sent FIN)</source>
        <translation>半关闭（我方已发 FIN）</translation>
    </message>
    <message>
        <source>peer ended</source>
        <translation>对端已结束</translation>
    </message>
    <message>
        <source>both ended</source>
        <translation>双方都已结束</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>closed (%1)</source>
        <translation>已关闭（%1）</translation>
    </message>
    <message>
        <source>No kernel state observed yet.</source>
        <translation>尚未观察到内核状态。</translation>
    </message>
    <message>
        <source>Socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>远端</translation>
    </message>
    <message>
        <source>App sees</source>
        <translation>程序视角</translation>
    </message>
    <message>
        <source>Kernel state</source>
        <translation>内核状态</translation>
    </message>
    <message>
        <source>What the program knows from its own calls and events.</source>
        <translation>程序根据它自己的调用和事件所知道的情况。</translation>
    </message>
    <message>
        <source>The kernel&apos;s own TCP state, read with NETLINK_SOCK_DIAG (what `ss` shows). It outlives the program&apos;s socket: look for TIME-WAIT.</source>
        <translation>内核自己的 TCP 状态，通过 NETLINK_SOCK_DIAG 读取（即 `ss` 显示的内容）。它比程序的套接字活得更久：留意 TIME-WAIT。</translation>
    </message>
    <message>
        <source>failed (%1)</source>
        <translation>失败（%1）</translation>
    </message>
</context>
<context>
    <name>netstage::StartPage</name>
    <message>
        <source>Start here: the tutorial, one chapter a card</source>
        <translation>从这里开始：教程的每一章是一张卡片</translation>
    </message>
    <message>
        <source>Every button opens a view ready to run, with real sockets on this machine: the lesson chosen, the server preset set, the URL typed. Press the view&apos;s own button to begin.</source>
        <translation>每个按钮都会打开一个准备就绪的视图，在本机上使用真实套接字：课程已选好，服务器预设已设置，URL 已填好。按视图中自己的按钮即可开始。</translation>
    </message>
    <message>
        <source>First time here? Follow the guided run of the TCP chapter: start the tutorial&apos;s server, connect, send, half-close. Each step points at the button to press and says what will appear in the log and in the socket table.</source>
        <translation>第一次使用？跟着引导走一遍 TCP 一章：启动教程中的服务器、连接、发送、半关闭。每一步都会指出要按的按钮，并说明日志和套接字表中会出现什么。</translation>
    </message>
    <message>
        <source>Start the guided run</source>
        <translation>开始引导</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>The network model</source>
        <translation>网络模型</translation>
    </message>
    <message>
        <source>The seven OSI layers beside TCP/IP&apos;s four, and a real frame of the TCP lab taken apart layer by layer.</source>
        <translation>OSI 七层与 TCP/IP 四层对照，并把 TCP 实验中的一个真实帧逐层拆开。</translation>
    </message>
    <message>
        <source>Open the network model</source>
        <translation>打开网络模型</translation>
    </message>
    <message>
        <source>Type a URL, load a page</source>
        <translation>输入 URL 到页面加载</translation>
    </message>
    <message>
        <source>What the browser does after you press Enter: DNS, the connection, the request, the 301 redirect, the page and its resources.</source>
        <translation>按下回车后浏览器做了什么：DNS、建立连接、请求、301 重定向、页面及其资源。</translation>
    </message>
    <message>
        <source>Walk http://example.test/</source>
        <translation>走一遍 http://example.test/</translation>
    </message>
    <message>
        <source>The 3-way handshake</source>
        <translation>3 次握手</translation>
    </message>
    <message>
        <source>SYN, SYN+ACK, ACK between two real sockets, drawn as a ladder with each side&apos;s kernel state.</source>
        <translation>两个真实套接字之间的 SYN、SYN+ACK、ACK，画成时序图，附上两端的内核状态。</translation>
    </message>
    <message>
        <source>Choose the handshake lesson</source>
        <translation>选择握手课程</translation>
    </message>
    <message>
        <source>The 4-way teardown</source>
        <translation>4 次挥手</translation>
    </message>
    <message>
        <source>FIN, ACK, FIN, ACK step by step: who waits in FIN-WAIT-2, CLOSE-WAIT and TIME-WAIT, and why.</source>
        <translation>一步一步地看 FIN、ACK、FIN、ACK：谁在 FIN-WAIT-2、CLOSE-WAIT 和 TIME-WAIT 中等待，以及为什么。</translation>
    </message>
    <message>
        <source>Choose the teardown lesson</source>
        <translation>选择挥手课程</translation>
    </message>
    <message>
        <source>Build a TCP service</source>
        <translation>构建 TCP 服务</translation>
    </message>
    <message>
        <source>The tutorial&apos;s server on port 8124: start it, connect, send, half-close, and watch every socket&apos;s state.</source>
        <translation>教程中端口 8124 上的服务器：启动它、连接、发送、半关闭，观察每个套接字的状态。</translation>
    </message>
    <message>
        <source>Open the TCP lab</source>
        <translation>打开 TCP 实验</translation>
    </message>
    <message>
        <source>Build a UDP service</source>
        <translation>构建 UDP 服务</translation>
    </message>
    <message>
        <source>Datagrams without a connection: the tutorial&apos;s server on port 41234, and a relay that can lose them.</source>
        <translation>没有连接的数据报：教程中端口 41234 上的服务器，以及一个会丢包的中继。</translation>
    </message>
    <message>
        <source>Open the UDP lab</source>
        <translation>打开 UDP 实验</translation>
    </message>
    <message>
        <source>Build an HTTP service</source>
        <translation>构建 HTTP 服务</translation>
    </message>
    <message>
        <source>The demo site on port 8080: a request, the raw answer byte by byte, the redirect and the timings.</source>
        <translation>端口 8080 上的演示网站：一个请求、逐字节的原始响应、重定向和计时。</translation>
    </message>
    <message>
        <source>Open the HTTP lab</source>
        <translation>打开 HTTP 实验</translation>
    </message>
    <message>
        <source>Build a WebSocket service</source>
        <translation>构建 WebSocket 服务</translation>
    </message>
    <message>
        <source>The upgrade from HTTP, then frames both ways over the same TCP connection, on port 8090.</source>
        <translation>从 HTTP 升级，然后在同一条 TCP 连接上双向收发数据帧，端口 8090。</translation>
    </message>
    <message>
        <source>Open the WebSocket lab</source>
        <translation>打开 WebSocket 实验</translation>
    </message>
    <message>
        <source>Continue where you left off</source>
        <translation>从上次离开的地方继续</translation>
    </message>
    <message>
        <source>Press F1 (or ?) at any time for every keyboard shortcut; F11 presents to the class.</source>
        <translation>随时按 F1（或 ?）查看所有快捷键；按 F11 进入课堂演示模式。</translation>
    </message>
    <message>
        <source>Section %1</source>
        <translation>第 %1 节</translation>
    </message>
    <message>
        <source>Nothing yet: the view you leave open and the recordings you save or open will be listed here next time.</source>
        <translation>还没有内容：下次这里会列出你离开时打开的视图，以及你保存或打开过的录制文件。</translation>
    </message>
    <message>
        <source>Back to %1</source>
        <translation>回到 %1</translation>
    </message>
</context>
<context>
    <name>netstage::TcpLab</name>
    <message>
        <source>The server stopped listening; connections it accepted stay open until they are closed.</source>
        <translation>服务器停止了监听；它已接受的连接保持打开，直到被关闭。</translation>
    </message>
    <message>
        <source>Port 0 cannot be connected to: choose the server&apos;s port (1-65535).</source>
        <translation>无法连接到端口 0：请选择服务器的端口（1-65535）。</translation>
    </message>
    <message>
        <source>No host given: type an address such as 127.0.0.1.</source>
        <translation>没有给出主机：请输入一个地址，例如 127.0.0.1。</translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; could not be resolved: %2</source>
        <translation>无法解析名字“%1”：%2</translation>
    </message>
    <message>
        <source>The client sent FIN. The seed server prints &quot;%1&quot; as in the tutorial and ends its own side too, like Node&apos;s default (allowHalfOpen: false).</source>
        <translation>客户端发送了 FIN。seed 服务器像教程中一样打印“%1”，并且也结束自己这一侧，与 Node 的默认行为（allowHalfOpen: false）相同。</translation>
    </message>
    <message>
        <source>The client sent FIN. The silent server keeps its side open: the connection stays in CLOSE-WAIT until you close it.</source>
        <translation>客户端发送了 FIN。silent 服务器保持自己这一侧打开：连接停留在 CLOSE-WAIT，直到你关闭它。</translation>
    </message>
    <message>
        <source>Aborted: with SO_LINGER 0 the kernel sent RST and dropped anything queued. No FIN, no TIME-WAIT.</source>
        <translation>已中止：由于 SO_LINGER 0，内核发送了 RST，并丢弃了排队中的所有数据。没有 FIN，也没有 TIME-WAIT。</translation>
    </message>
    <message>
        <source>Closed because of the error above.</source>
        <translation>因上述错误而关闭。</translation>
    </message>
    <message>
        <source>Cannot %1: %2 is not an open connection.</source>
        <translation>无法%1：%2 不是一个打开的连接。</translation>
    </message>
    <message>
        <source>send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>This side already sent its FIN (half-close or close), so it cannot send any more.</source>
        <translation>本端已经发送了 FIN（半关闭或关闭），因此不能再发送数据。</translation>
    </message>
    <message>
        <source>half-close</source>
        <translation>半关闭</translation>
    </message>
    <message>
        <source>This side already sent its FIN.</source>
        <translation>本端已经发送了 FIN。</translation>
    </message>
    <message>
        <source>This side sent FIN (shutdown SHUT_WR, Node&apos;s socket.end()): it will send nothing more, but it keeps reading what the peer still sends.</source>
        <translation>本端发送了 FIN（shutdown SHUT_WR，即 Node 的 socket.end()）：它不再发送数据，但继续读取对端仍在发送的内容。</translation>
    </message>
    <message>
        <source>close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>abort</source>
        <translation>中止</translation>
    </message>
    <message numerus="yes">
        <source>LAN mode allows %n connection(s) at once: the connection from %1 is refused and closed (Node&apos;s server.maxConnections emits &apos;drop&apos;).</source>
        <translation>
            <numerusform>局域网模式同时最多允许 %n 个连接：来自 %1 的连接被拒绝并关闭（Node 的 server.maxConnections 会触发 &apos;drop&apos;）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::TcpPanel</name>
    <message>
        <source>Every socket of the lab, as the events tell it. Select one to act on it and to see only its events in the log.</source>
        <translation>实验中的每个套接字，根据事件整理而来。选中一个即可对它进行操作，并在日志中只看它的事件。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sockets&lt;/b&gt; — what the program sees and what the kernel says</source>
        <translation>&lt;b&gt;套接字&lt;/b&gt; — 程序看到的和内核报告的</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>The address to listen on. 127.0.0.1 keeps the lab on this machine; any other address lets the network in.</source>
        <translation>要监听的地址。127.0.0.1 让实验只在本机进行；任何其他地址都会向网络开放。</translation>
    </message>
    <message>
        <source>The port to listen on (8124 as in the tutorial). 0 lets the kernel pick a free one.</source>
        <translation>要监听的端口（与教程相同，为 8124）。0 让内核选一个空闲端口。</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>seed</translation>
    </message>
    <message>
        <source>seed: the tutorial&apos;s server. Greets each client with “%1”, answers every message with “%2” and ends when the client ends.</source>
        <translation>seed：教程中的服务器。用“%1”问候每个客户端，对每条消息回复“%2”，客户端结束时它也结束。</translation>
    </message>
    <message>
        <source>echo</source>
        <translation>echo</translation>
    </message>
    <message>
        <source>echo: sends back every byte it receives and ends when the client ends.</source>
        <translation>echo：把收到的每个字节原样发回，客户端结束时它也结束。</translation>
    </message>
    <message>
        <source>silent</source>
        <translation>silent</translation>
    </message>
    <message>
        <source>silent: says nothing and never closes by itself, so the teacher decides when each side closes (watch CLOSE-WAIT and FIN-WAIT-2).</source>
        <translation>silent：什么也不说，也从不主动关闭，由老师决定每一侧何时关闭（观察 CLOSE-WAIT 和 FIN-WAIT-2）。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Start listening on this address and port.</source>
        <translation>开始在这个地址和端口上监听。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop listening. Connections already accepted stay open until they close.</source>
        <translation>停止监听。已接受的连接保持打开，直到它们关闭。</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>行为</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>host:port to connect to, e.g. 127.0.0.1:8124 or [::1]:8124.</source>
        <translation>要连接的 host:port，例如 127.0.0.1:8124 或 [::1]:8124。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Open a new client connection (tcp-client-N) to this address.</source>
        <translation>向这个地址打开一个新的客户端连接（tcp-client-N）。</translation>
    </message>
    <message>
        <source>Connect to</source>
        <translation>连接到</translation>
    </message>
    <message>
        <source>Selected socket</source>
        <translation>选中的套接字</translation>
    </message>
    <message>
        <source>message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>The bytes to send: text (sent as UTF-8) or, with Hex, hex bytes.</source>
        <translation>要发送的字节：文本（以 UTF-8 发送），或勾选“十六进制”后输入十六进制字节。</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Type the message as hex bytes, e.g. 48 65 6c 6c 6f.</source>
        <translation>以十六进制字节输入消息，例如 48 65 6c 6c 6f。</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Send the message on the selected socket.</source>
        <translation>在选中的套接字上发送消息。</translation>
    </message>
    <message>
        <source>Half-close</source>
        <translation>半关闭</translation>
    </message>
    <message>
        <source>Send FIN but keep reading (shutdown SHUT_WR): the peer sees `end`, this side waits in FIN-WAIT-2.</source>
        <translation>发送 FIN 但继续读取（shutdown SHUT_WR）：对端看到 `end`，本端在 FIN-WAIT-2 中等待。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close gracefully: send what is queued, then FIN; the kernel finishes the goodbye.</source>
        <translation>正常关闭：先发送排队中的数据，然后发送 FIN；由内核完成告别过程。</translation>
    </message>
    <message>
        <source>Abort (RST)</source>
        <translation>中止（RST）</translation>
    </message>
    <message>
        <source>Abort: SO_LINGER 0 then close, so the kernel sends RST and the peer gets ECONNRESET.</source>
        <translation>中止：设置 SO_LINGER 0 后 close，内核发送 RST，对端得到 ECONNRESET。</translation>
    </message>
    <message>
        <source>⚠ %1 is not a loopback address: other machines on the network can reach this server.</source>
        <translation>⚠ %1 不是回环地址：网络上的其他机器可以访问这个服务器。</translation>
    </message>
    <message>
        <source>Could not start the server; see the event log.</source>
        <translation>无法启动服务器；请查看事件日志。</translation>
    </message>
    <message>
        <source>Could not start the server: %1</source>
        <translation>无法启动服务器：%1</translation>
    </message>
    <message>
        <source>Listening on %1 port %2 (%3).</source>
        <translation>正在 %1 端口 %2 上监听（%3）。</translation>
    </message>
    <message>
        <source>Not listening.</source>
        <translation>未在监听。</translation>
    </message>
    <message>
        <source>Write the target as host:port, e.g. 127.0.0.1:8124.</source>
        <translation>请把目标写成 host:port，例如 127.0.0.1:8124。</translation>
    </message>
    <message>
        <source>Could not connect; see the event log.</source>
        <translation>无法连接；请查看事件日志。</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <source>%1 connecting to %2 port %3.</source>
        <translation>%1 正在连接 %2 端口 %3。</translation>
    </message>
    <message>
        <source>Select a client or an accepted connection in the list.</source>
        <translation>请在列表中选择一个客户端或已接受的连接。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is the listener: it only accepts. Select a connection to send or close.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 是监听套接字：它只负责接受连接。请选择一个连接来发送或关闭。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2): %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2）：%3</translation>
    </message>
    <message>
        <source>“%1” is not hex: use pairs of 0-9 and a-f, like 48 65 6c 6c 6f.</source>
        <translation>“%1”不是十六进制：请使用 0-9 和 a-f 组成的两位一组，例如 48 65 6c 6c 6f。</translation>
    </message>
    <message>
        <source>“%1” has an odd number of hex digits: each byte is two digits.</source>
        <translation>“%1”的十六进制数字个数是奇数：每个字节是两位数字。</translation>
    </message>
    <message>
        <source>Nothing to send: type hex bytes like 48 65 6c 6c 6f.</source>
        <translation>没有要发送的内容：请输入十六进制字节，例如 48 65 6c 6c 6f。</translation>
    </message>
    <message>
        <source>Nothing to send: type a message first.</source>
        <translation>没有要发送的内容：请先输入一条消息。</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n byte(s) on %1.</source>
        <translation>
            <numerusform>已在 %1 上发送 %n 字节。</numerusform>
        </translation>
    </message>
    <message>
        <source>FIN queued on %1; it keeps reading.</source>
        <translation>已在 %1 上排队发送 FIN；它继续读取。</translation>
    </message>
    <message>
        <source>Half-close failed: %1</source>
        <translation>半关闭失败：%1</translation>
    </message>
    <message>
        <source>Closing %1.</source>
        <translation>正在关闭 %1。</translation>
    </message>
    <message>
        <source>Close failed: %1</source>
        <translation>关闭失败：%1</translation>
    </message>
    <message>
        <source>%1 aborted: RST sent.</source>
        <translation>%1 已中止：已发送 RST。</translation>
    </message>
    <message>
        <source>Abort failed: %1</source>
        <translation>中止失败：%1</translation>
    </message>
    <message>
        <source>closed (%1)</source>
        <translation>已关闭（%1）</translation>
    </message>
    <message>
        <source>No server yet</source>
        <translation>还没有服务器</translation>
    </message>
    <message>
        <source>“%1” runs the tutorial&apos;s server on port %2; then “%3” connects a client. Every socket appears here with the kernel&apos;s state.</source>
        <translation>“%1”在端口 %2 上运行教程中的服务器；然后“%3”连接一个客户端。每个套接字都会和它的内核状态一起出现在这里。</translation>
    </message>
    <message>
        <source>Nothing has happened yet</source>
        <translation>还什么都没有发生</translation>
    </message>
    <message>
        <source>“%1” starts the server: its listening, then every connect, data, end and close of the TCP lab appears here, one row each.</source>
        <translation>“%1”启动服务器：它的 listening，以及 TCP 实验之后的每个 connect、data、end 和 close，都会出现在这里，每个一行。</translation>
    </message>
</context>
<context>
    <name>netstage::TcpStateDiagram</name>
    <message>
        <source>passive OPEN</source>
        <translation>被动打开</translation>
    </message>
    <message>
        <source>create TCB</source>
        <translation>创建 TCB</translation>
    </message>
    <message>
        <source>active OPEN</source>
        <translation>主动打开</translation>
    </message>
    <message>
        <source>snd SYN</source>
        <translation>发 SYN</translation>
    </message>
    <message>
        <source>rcv SYN</source>
        <translation>收 SYN</translation>
    </message>
    <message>
        <source>snd SYN,ACK</source>
        <translation>发 SYN,ACK</translation>
    </message>
    <message>
        <source>SEND</source>
        <translation>调用 SEND</translation>
    </message>
    <message>
        <source>CLOSE</source>
        <translation>调用 CLOSE</translation>
    </message>
    <message>
        <source>delete TCB</source>
        <translation>删除 TCB</translation>
    </message>
    <message>
        <source>rcv RST</source>
        <translation>收 RST</translation>
    </message>
    <message>
        <source>rcv SYN,ACK</source>
        <translation>收 SYN,ACK</translation>
    </message>
    <message>
        <source>snd ACK</source>
        <translation>发 ACK</translation>
    </message>
    <message>
        <source>CLOSE, rcv RST or timeout</source>
        <translation>CLOSE、收 RST 或超时</translation>
    </message>
    <message>
        <source>rcv ACK of SYN</source>
        <translation>收到 SYN 的 ACK</translation>
    </message>
    <message>
        <source>snd FIN</source>
        <translation>发 FIN</translation>
    </message>
    <message>
        <source>rcv FIN</source>
        <translation>收 FIN</translation>
    </message>
    <message>
        <source>ABORT, rcv RST or timeout</source>
        <translation>ABORT（中止）、收 RST 或超时</translation>
    </message>
    <message>
        <source>snd RST</source>
        <translation>发 RST</translation>
    </message>
    <message>
        <source>rcv ACK of FIN</source>
        <translation>收到 FIN 的 ACK</translation>
    </message>
    <message>
        <source>rcv FIN,ACK of FIN</source>
        <translation>收 FIN,ACK（确认了己方的 FIN）</translation>
    </message>
    <message>
        <source>timeout = 2MSL</source>
        <translation>超时 = 2MSL</translation>
    </message>
    <message>
        <source>not drawn in RFC 9293&apos;s figure</source>
        <translation>RFC 9293 的图中没有这条</translation>
    </message>
    <message>
        <source>client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>TCP state diagram (RFC 9293)</source>
        <translation>TCP 状态图（RFC 9293）</translation>
    </message>
    <message>
        <source>Faint: transitions not taken in this run. Dashed: Linux does it, RFC 9293&apos;s figure does not draw it. Numbers: the order each end took them.</source>
        <translation>浅色：本次没有走过的转换。虚线：Linux 会这样做，但 RFC 9293 的图中没有画。数字：每一端走过的先后顺序。</translation>
    </message>
    <message>
        <source>Cannot save the state diagram as &quot;%1&quot;: use a file name ending in .png or .svg.</source>
        <translation>无法把状态图保存为“%1”：请使用以 .png 或 .svg 结尾的文件名。</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: the SVG could not be started.</source>
        <translation>无法写入“%1”：SVG 无法开始写入。</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 微秒</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>netstage::TcpStateDiagramView</name>
    <message>
        <source>No socket was in %1 in this run.</source>
        <translation>本次没有套接字处于 %1。</translation>
    </message>
    <message>
        <source>%1: from %2 to the end of the recording</source>
        <translation>%1：从 %2 起，直到录制结束</translation>
    </message>
    <message>
        <source>%1: from %2 for %3</source>
        <translation>%1：从 %2 起，持续 %3</translation>
    </message>
    <message>
        <source>%1: %2 → %3 (%4). Click: go to the segment.</source>
        <translation>%1：%2 → %3（%4）。单击：跳到引起它的报文段。</translation>
    </message>
</context>
<context>
    <name>netstage::TlsCa</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot make the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>OpenSSL could not make the local certificate authority</source>
        <translation>OpenSSL 无法创建本地证书颁发机构</translation>
    </message>
    <message>
        <source>OpenSSL could not make the server certificate</source>
        <translation>OpenSSL 无法创建服务器证书</translation>
    </message>
</context>
<context>
    <name>netstage::TlsContext</name>
    <message>
        <source>OpenSSL could not make a TLS context: %1</source>
        <translation>OpenSSL 无法创建 TLS 上下文：%1</translation>
    </message>
    <message>
        <source>cannot load the server certificate %1: %2</source>
        <translation>无法加载服务器证书 %1：%2</translation>
    </message>
    <message>
        <source>cannot read the CA certificate %1: %2</source>
        <translation>无法读取 CA 证书 %1：%2</translation>
    </message>
</context>
<context>
    <name>netstage::TlsEngine</name>
    <message>
        <source>%1 with %2: the handshake is complete, resumed from a session ticket (no certificate sent). From here on only encrypted application_data records cross the wire.</source>
        <translation>%1，%2：握手完成，由会话票据恢复（未发送证书）。从现在起线路上只有加密的 application_data 记录。</translation>
    </message>
    <message>
        <source>%1 with %2: the handshake is complete. From here on only encrypted application_data records cross the wire.</source>
        <translation>%1，%2：握手完成。从现在起线路上只有加密的 application_data 记录。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not accepted: %1. The client ends the handshake with an alert.</source>
        <translation>服务器的证书未被接受：%1。客户端以告警结束握手。</translation>
    </message>
    <message>
        <source>The peer sent a plain HTTP request to this TLS port (its first bytes are text, not a TLS record).</source>
        <translation>对端向这个 TLS 端口发送了明文 HTTP 请求（开头的字节是文本，不是 TLS 记录）。</translation>
    </message>
    <message>
        <source>The bytes that arrived are not a TLS record (%1): the peer does not speak TLS, or the stream is damaged.</source>
        <translation>到达的字节不是 TLS 记录（%1）：对端不说 TLS，或者数据流已损坏。</translation>
    </message>
    <message>
        <source>The peer refused the handshake with an alert: %1.</source>
        <translation>对端以告警拒绝了握手：%1。</translation>
    </message>
    <message>
        <source>TLS failed: %1.</source>
        <translation>TLS 失败：%1。</translation>
    </message>
    <message>
        <source>close_notify: this side will send no more data over TLS.</source>
        <translation>close_notify：本端不会再通过 TLS 发送数据。</translation>
    </message>
    <message>
        <source>close_notify: the peer will send no more data over TLS.</source>
        <translation>close_notify：对端不会再通过 TLS 发送数据。</translation>
    </message>
    <message>
        <source>This side ends the handshake with the alert %1.</source>
        <translation>本端以告警 %1 结束握手。</translation>
    </message>
    <message>
        <source>The peer ends the connection with the alert %1.</source>
        <translation>对端以告警 %1 结束连接。</translation>
    </message>
    <message numerus="yes">
        <source>ClientHello, in clear: offers %1, %n cipher suite(s), server name &quot;%2&quot;; with a key share it could finish in one round trip.</source>
        <translation>
            <numerusform>ClientHello，明文：提供 %1、%n 个密码套件、服务器名“%2”；带着密钥共享，握手可以一次往返完成。</numerusform>
        </translation>
    </message>
    <message>
        <source>ServerHello, in clear: %1, %2. After it both sides derive the handshake keys; in TLS 1.3 everything that follows is encrypted.</source>
        <translation>ServerHello，明文：%1，%2。之后双方推导出握手密钥；在 TLS 1.3 中其后的一切都是加密的。</translation>
    </message>
    <message>
        <source>ServerHello, in clear: %1, %2. In TLS 1.2 the certificate and the key exchange follow in clear too.</source>
        <translation>ServerHello，明文：%1，%2。在 TLS 1.2 中随后的证书和密钥交换也是明文。</translation>
    </message>
    <message>
        <source>EncryptedExtensions: the server&apos;s choices that need not be in clear (ALPN %1).</source>
        <translation>EncryptedExtensions：服务器那些不必公开的选择（ALPN %1）。</translation>
    </message>
    <message>
        <source>Certificate: %1, issued by %2, valid until %3, names %4.</source>
        <translation>Certificate：%1，由 %2 签发，有效期至 %3，名称 %4。</translation>
    </message>
    <message>
        <source>ServerKeyExchange, in clear: the server&apos;s ephemeral %1 key, signed with its certificate&apos;s key.</source>
        <translation>ServerKeyExchange，明文：服务器的临时 %1 公钥，用其证书的私钥签名。</translation>
    </message>
    <message>
        <source>ServerHelloDone: the server&apos;s first flight is over; the client answers (the second round trip of TLS 1.2).</source>
        <translation>ServerHelloDone：服务器的第一组消息结束；客户端作答（TLS 1.2 的第二次往返）。</translation>
    </message>
    <message>
        <source>ClientKeyExchange, in clear: the client&apos;s ephemeral key. Both sides can now compute the keys.</source>
        <translation>ClientKeyExchange，明文：客户端的临时公钥。现在双方都能算出密钥。</translation>
    </message>
    <message>
        <source>CertificateVerify: a %1 signature over the handshake so far, proving the server holds the certificate&apos;s private key.</source>
        <translation>CertificateVerify：对目前为止整个握手的 %1 签名，证明服务器持有证书的私钥。</translation>
    </message>
    <message>
        <source>Finished: a MAC over the whole handshake; this side is done.</source>
        <translation>Finished：覆盖整个握手的 MAC；本端握手完成。</translation>
    </message>
    <message>
        <source>Finished from the peer: the handshake was not tampered with.</source>
        <translation>来自对端的 Finished：握手没有被篡改。</translation>
    </message>
    <message numerus="yes">
        <source>NewSessionTicket: a ticket (valid %n s) the client can show next time to resume without a certificate.</source>
        <translation>
            <numerusform>NewSessionTicket：一张票据（有效期 %n 秒），客户端下次出示它即可恢复会话，无需证书。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::UdpCli</name>
    <message>
        <source>UDP server (seed, echo) and sender; a relay that loses and reorders</source>
        <translation>UDP 服务器（seed、echo）和发送端；一个会丢包和乱序的中继</translation>
    </message>
    <message>
        <source>the server could not start</source>
        <translation>服务器无法启动</translation>
    </message>
    <message>
        <source>cannot send to %1:%2</source>
        <translation>无法发送到 %1:%2</translation>
    </message>
    <message>
        <source>relay: %1 datagrams in, %2 dropped, %3 duplicated, %4 reordered, %5 delayed, %6 sent on</source>
        <translation>中继：收到 %1 个数据报，丢弃 %2，复制 %3，乱序 %4，延迟 %5，转发 %6</translation>
    </message>
    <message>
        <source>%1 needs %2</source>
        <translation>%1 需要%2</translation>
    </message>
    <message>
        <source>a number from 0 to 65535</source>
        <translation>0 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>--preset must be seed or echo</source>
        <translation>--preset 必须是 seed 或 echo</translation>
    </message>
    <message>
        <source>a number of seconds</source>
        <translation>一个秒数</translation>
    </message>
    <message>
        <source>a number from 1 to %1</source>
        <translation>1 到 %1 之间的数字</translation>
    </message>
    <message>
        <source>milliseconds (0 to 600000)</source>
        <translation>毫秒数（0 到 600000）</translation>
    </message>
    <message>
        <source>milliseconds (0 to %1)</source>
        <translation>毫秒数（0 到 %1）</translation>
    </message>
    <message>
        <source>a probability, e.g. 0.1 or 10%</source>
        <translation>一个概率，例如 0.1 或 10%</translation>
    </message>
    <message>
        <source>a positive whole number</source>
        <translation>一个正整数</translation>
    </message>
    <message>
        <source>udp serve takes no argument &quot;%1&quot;</source>
        <translation>udp serve 不接受参数“%1”</translation>
    </message>
    <message>
        <source>udp send needs HOST:PORT and TEXT, e.g. udp send 127.0.0.1:41234 hello</source>
        <translation>udp send 需要 HOST:PORT 和 TEXT，例如 udp send 127.0.0.1:41234 hello</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not HOST:PORT (port 1-65535), e.g. 127.0.0.1:41234</source>
        <translation>“%1”不是 HOST:PORT（端口 1-65535），例如 127.0.0.1:41234</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not hex bytes (e.g. &quot;48 65 6c 6c 6f&quot;)</source>
        <translation>“%1”不是十六进制字节（例如 &quot;48 65 6c 6c 6f&quot;）</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n datagram(s) sent; answers received: %2</source>
        <translation>
            <numerusform>%1：已发送 %n 个数据报；收到的回复：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>serve  binds a UDP socket (127.0.0.1 unless --host says otherwise; --port 0
       picks a free port) until SIGINT/SIGTERM or --for SECONDS.
       seed: the tutorial&apos;s dgram server: every datagram is logged as
             &quot;server got: TEXT from ADDRESS:PORT&quot; (rinfo), nothing is answered.
       echo: sends every datagram back to its sender.
send   sends TEXT as one datagram (--hex: TEXT is hex bytes), or --count N
       datagrams, one every --interval MS (default 100); &quot;{n}&quot; in TEXT becomes
       the datagram&apos;s number. Then waits --wait MS (default 500) for answers.
       --connect: connect(2) the socket first, so ICMP &quot;port unreachable&quot;
       comes back as ECONNREFUSED (an unconnected socket never hears of it).
       --loss, --duplicate, --reorder (probabilities: 0.1 or 10%), --delay and
       --jitter (ms) send through the lab&apos;s relay, which drops, copies, holds
       back and delays datagrams on purpose, each decision an event; --seed N
       repeats the same decisions.
       Exit status 0 when everything was sent (UDP cannot know whether it
       arrived), 1 on an error such as EMSGSIZE (over 65,507 bytes) or
       ECONNREFUSED, 2 for bad usage.
--pcap FILE      (send) the captured datagrams as pcapng, for Wireshark or
                 tshark; needs capture permission
--events FILE|-  every event as a JSON line (listening, message, relay, error...)
--quiet          no people-readable event lines
</source>
        <translation>serve  绑定一个 UDP 套接字（默认 127.0.0.1，可用 --host 指定；--port 0
       自动选一个空闲端口），直到收到 SIGINT/SIGTERM 或 --for SECONDS 到期。
       seed：教程中的 dgram 服务器：每个数据报都记录为
             &quot;server got: TEXT from ADDRESS:PORT&quot;（rinfo），不作任何回复。
       echo：把每个数据报发回给它的发送方。
send   把 TEXT 作为一个数据报发送（--hex：TEXT 是十六进制字节），或发送
       --count N 个数据报，每隔 --interval MS（默认 100）发一个；TEXT 中的
       &quot;{n}&quot; 会替换为数据报的编号。然后等待 --wait MS（默认 500）接收回复。
       --connect：先对套接字调用 connect(2)，这样 ICMP“端口不可达”会以
       ECONNREFUSED 返回（未连接的套接字永远不会知道）。
       --loss、--duplicate、--reorder（概率：0.1 或 10%）、--delay 和
       --jitter（ms）会经由实验的中继发送，中继故意丢弃、复制、扣留和
       延迟数据报，每个决定都是一个事件；--seed N 可重现同样的决定。
       全部发送完时退出状态为 0（UDP 无法知道数据是否到达），出现
       EMSGSIZE（超过 65,507 字节）或 ECONNREFUSED 等错误时为 1，
       用法错误为 2。
--pcap FILE      （send）把抓到的数据报保存为 pcapng，供 Wireshark 或
                 tshark 打开；需要抓包权限
--events FILE|-  每个事件写成一行 JSON（listening、message、relay、error……）
--quiet          不输出供人阅读的事件行
</translation>
    </message>
</context>
<context>
    <name>netstage::UdpDatagramView</name>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>Each row is one datagram a client sent, oldest at the top. The arrow ends at the server when it arrived (with the order it arrived in), or stops at the relay with a cross when the relay dropped it. UDP itself never tells the sender either way.</source>
        <translation>每一行是客户端发送的一个数据报，最早的在最上面。如果数据报到达了服务器，箭头画到服务器为止（并标出到达的顺序）；如果被中继丢弃，箭头停在中继处并画一个叉。无论哪种情况，UDP 本身都不会告诉发送方。</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Relay</source>
        <translation>中继</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>%1 sent · %2 arrived · %3 lost · %4 duplicated · %5 out of order</source>
        <translation>发送 %1 · 到达 %2 · 丢失 %3 · 重复 %4 · 乱序 %5</translation>
    </message>
    <message>
        <source>Send datagrams to see what becomes of each one.</source>
        <translation>发送数据报，看看每一个的下场。</translation>
    </message>
    <message>
        <source>+%1 ms</source>
        <translation>+%1 ms</translation>
    </message>
    <message>
        <source>×2</source>
        <translation>×2</translation>
    </message>
    <message>
        <source>held back</source>
        <translation>被扣留</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>被丢弃</translation>
    </message>
    <message>
        <source>arrived %1 (twice)</source>
        <translation>到达顺序 %1（两次）</translation>
    </message>
    <message>
        <source>arrived %1</source>
        <translation>到达顺序 %1</translation>
    </message>
    <message>
        <source>, late</source>
        <translation>，迟到</translation>
    </message>
    <message>
        <source>not (yet) arrived</source>
        <translation>（尚）未到达</translation>
    </message>
</context>
<context>
    <name>netstage::UdpLab</name>
    <message>
        <source>Message too long: %1 bytes do not fit in one UDP datagram. Over IPv4 a datagram carries at most 65,507 bytes (65,535 minus the 20-byte IP header and the 8-byte UDP header). Nothing was sent: UDP never splits a message for you, as TCP&apos;s byte stream does.</source>
        <translation>消息太长：%1 字节放不进一个 UDP 数据报。在 IPv4 上，一个数据报最多携带 65,507 字节（65,535 减去 20 字节的 IP 首部和 8 字节的 UDP 首部）。什么也没有发送：UDP 从不替你拆分消息，而 TCP 的字节流会这样做。</translation>
    </message>
    <message>
        <source>Connection refused, UDP style: nothing listens on %1, so that machine&apos;s kernel answered with ICMP &quot;port unreachable&quot;. Only a connected UDP socket hears of it (here, on its next send or receive); an unconnected one never knows its datagram vanished.</source>
        <translation>UDP 式的连接被拒绝：%1 上没有程序在监听，所以那台机器的内核回应了 ICMP“端口不可达”。只有已连接的 UDP 套接字才会知道（这里是在它下一次发送或接收时）；未连接的套接字永远不知道它的数据报消失了。</translation>
    </message>
    <message>
        <source>Address in use: another socket is already bound to UDP port %1 on this address (another server, or the tutorial&apos;s Node server?). Stop it or choose another port.</source>
        <translation>地址已被占用：这个地址上的 UDP 端口 %1 已经绑定了另一个套接字（另一个服务器，还是教程中的 Node 服务器？）。请停止它，或换一个端口。</translation>
    </message>
    <message>
        <source>The UDP server is bound to %1: it has no connections and no handshake; every datagram that arrives is one `message` with its sender&apos;s address (rinfo).</source>
        <translation>UDP 服务器已绑定到 %1：它没有连接，也没有握手；每到达一个数据报就是一次 `message`，附带发送方的地址（rinfo）。</translation>
    </message>
    <message>
        <source>Bound to %1, not to loopback: other machines on the network can send datagrams to this server.</source>
        <translation>绑定到 %1，而不是回环地址：网络上的其他机器也能向这个服务器发送数据报。</translation>
    </message>
    <message>
        <source>The server closed its socket. Datagrams sent to its port from now on are answered by the kernel with ICMP &quot;port unreachable&quot;.</source>
        <translation>服务器关闭了它的套接字。从现在起发往这个端口的数据报，内核会用 ICMP“端口不可达”回应。</translation>
    </message>
    <message>
        <source>The relay now works with %1.</source>
        <translation>中继现在的设置为 %1。</translation>
    </message>
    <message>
        <source>No host given: type an address such as 127.0.0.1.</source>
        <translation>没有给出主机：请输入一个地址，例如 127.0.0.1。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address. The UDP lab sends to addresses (127.0.0.1, ::1) or localhost.</source>
        <translation>“%1”不是 IP 地址。UDP 实验只能发送到 IP 地址（127.0.0.1、::1）或 localhost。</translation>
    </message>
    <message>
        <source>Port 0 cannot be sent to: choose the server&apos;s port (1-65535).</source>
        <translation>无法发送到端口 0：请选择服务器的端口（1-65535）。</translation>
    </message>
    <message>
        <source>The client&apos;s socket is bound to %1: the kernel picked a free port, and that is the port the server will see as rinfo.port.</source>
        <translation>客户端套接字已绑定到 %1：内核选了一个空闲端口，服务器看到的 rinfo.port 就是它。</translation>
    </message>
    <message>
        <source>connect() on a UDP socket sends nothing: no handshake, no packet. It only fixes the peer, so plain send() works and ICMP errors such as &quot;port unreachable&quot; come back as ECONNREFUSED.</source>
        <translation>对 UDP 套接字调用 connect() 不发送任何东西：没有握手，也没有数据包。它只是固定对端，这样普通的 send() 就能用，而“端口不可达”等 ICMP 错误会以 ECONNREFUSED 返回。</translation>
    </message>
    <message>
        <source>Cannot send: %1 is not an open socket.</source>
        <translation>无法发送：%1 不是一个打开的套接字。</translation>
    </message>
    <message>
        <source>The count must be between 1 and %1.</source>
        <translation>数量必须在 1 到 %1 之间。</translation>
    </message>
    <message>
        <source>Cannot close: %1 is not an open socket.</source>
        <translation>无法关闭：%1 不是一个打开的套接字。</translation>
    </message>
    <message numerus="yes">
        <source>The kernel dropped %n datagram(s) for this socket: its receive buffer was full, the program did not read fast enough (SO_RXQ_OVFL counts them; %1 so far). UDP has no flow control: nobody, not even the sender, is told.</source>
        <translation>
            <numerusform>内核为这个套接字丢弃了 %n 个数据报：它的接收缓冲区满了，程序读得不够快（由 SO_RXQ_OVFL 计数；迄今共 %1 个）。UDP 没有流量控制：没有人会被告知，发送方也不会。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>netstage::UdpPanel</name>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>The lab&apos;s UDP sockets. Select one to see only its events in the log. A UDP socket has no connection: &quot;listening&quot; only means it is bound to its port.</source>
        <translation>实验中的 UDP 套接字。选中一个即可在日志中只看它的事件。UDP 套接字没有连接：“listening”只表示它已绑定到端口。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sockets&lt;/b&gt;</source>
        <translation>&lt;b&gt;套接字&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Datagrams&lt;/b&gt; — what became of each one (UDP itself never tells the sender)</source>
        <translation>&lt;b&gt;数据报&lt;/b&gt; — 每一个的下场（UDP 本身从不告诉发送方）</translation>
    </message>
    <message>
        <source>Server (dgram)</source>
        <translation>服务器（dgram）</translation>
    </message>
    <message>
        <source>The address to bind. 127.0.0.1 keeps the lab on this machine.</source>
        <translation>要绑定的地址。127.0.0.1 让实验只在本机进行。</translation>
    </message>
    <message>
        <source>The port to bind (41234 as in Node&apos;s dgram documentation). 0 lets the kernel pick a free one.</source>
        <translation>要绑定的端口（与 Node 的 dgram 文档相同，为 41234）。0 让内核选一个空闲端口。</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>seed</translation>
    </message>
    <message>
        <source>seed: the tutorial&apos;s server: logs &quot;server got: … from address:port&quot; for every datagram and answers nothing.</source>
        <translation>seed：教程中的服务器：对每个数据报记录 &quot;server got: … from address:port&quot;，不作任何回复。</translation>
    </message>
    <message>
        <source>echo</source>
        <translation>echo</translation>
    </message>
    <message>
        <source>echo: sends every datagram back to its sender.</source>
        <translation>echo：把每个数据报发回给它的发送方。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>host:port to send to, e.g. 127.0.0.1:41234.</source>
        <translation>要发送到的 host:port，例如 127.0.0.1:41234。</translation>
    </message>
    <message>
        <source>connect() first</source>
        <translation>先 connect()</translation>
    </message>
    <message>
        <source>connect(2) the UDP socket to the target before sending. It sends nothing, but then the kernel reports ICMP &quot;port unreachable&quot; as ECONNREFUSED. Unconnected, a datagram to a closed port vanishes without a word.</source>
        <translation>发送前先对 UDP 套接字调用 connect(2) 连接到目标。它不发送任何东西，但之后内核会把 ICMP“端口不可达”报告为 ECONNREFUSED。不连接的话，发往关闭端口的数据报会悄无声息地消失。</translation>
    </message>
    <message>
        <source>The datagram&apos;s bytes: text (UTF-8) or, with Hex, hex bytes. &quot;{n}&quot; becomes the datagram&apos;s number, so losses and reordering can be told apart.</source>
        <translation>数据报的字节：文本（UTF-8），或勾选“十六进制”后输入十六进制字节。&quot;{n}&quot; 会替换为数据报的编号，这样就能区分丢包和乱序。</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Type the message as hex bytes, e.g. 48 65 6c 6c 6f.</source>
        <translation>以十六进制字节输入消息，例如 48 65 6c 6c 6f。</translation>
    </message>
    <message>
        <source>How many datagrams to send.</source>
        <translation>要发送多少个数据报。</translation>
    </message>
    <message>
        <source>The time between two datagrams of a series.</source>
        <translation>一组数据报中相邻两个之间的时间间隔。</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Send the datagram(s). The first send binds the client&apos;s socket to a port the kernel picks.</source>
        <translation>发送数据报。第一次发送时，内核会为客户端套接字选一个端口并绑定。</translation>
    </message>
    <message>
        <source>Stop the series.</source>
        <translation>停止这组发送。</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>发送到</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>every</source>
        <translation>间隔</translation>
    </message>
    <message>
        <source>Send through the relay</source>
        <translation>经由中继发送</translation>
    </message>
    <message>
        <source>The client sends to a relay inside NetStage that drops, copies, holds back and delays datagrams on purpose, as a bad network would. Each decision is an event in the log.</source>
        <translation>客户端发往 NetStage 内部的一个中继，中继会像糟糕的网络那样，故意丢弃、复制、扣留和延迟数据报。每个决定都会作为一个事件记入日志。</translation>
    </message>
    <message>
        <source>The chance that a datagram is lost.</source>
        <translation>数据报丢失的概率。</translation>
    </message>
    <message>
        <source>The chance that a datagram arrives twice.</source>
        <translation>数据报到达两次的概率。</translation>
    </message>
    <message>
        <source>The chance that a datagram is held back until the next one has gone, so they arrive out of order.</source>
        <translation>数据报被扣留到下一个发出之后、从而乱序到达的概率。</translation>
    </message>
    <message>
        <source>Added to every datagram.</source>
        <translation>加到每个数据报上的延迟。</translation>
    </message>
    <message>
        <source>Plus a random 0 to this many milliseconds, so datagrams may overtake each other.</source>
        <translation>再加上 0 到这么多毫秒的随机延迟，这样数据报之间可能互相超越。</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>The same seed repeats the same decisions (for a class demo that must show the same losses every time); &quot;random&quot; picks one.</source>
        <translation>相同的种子会重现相同的决定（适合课堂演示，每次都要展示同样的丢包）；“随机”则随机选一个种子。</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>丢包</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Reorder</source>
        <translation>乱序</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation>抖动</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>The relay starts with the first datagram sent through it.</source>
        <translation>中继在第一个经由它发送的数据报到来时启动。</translation>
    </message>
    <message>
        <source>%1 in · %2 dropped · %3 duplicated · %4 reordered · %5 delayed (seed %6)</source>
        <translation>收到 %1 · 丢弃 %2 · 重复 %3 · 乱序 %4 · 延迟 %5（种子 %6）</translation>
    </message>
    <message>
        <source>Could not start the server; see the event log.</source>
        <translation>无法启动服务器；请查看事件日志。</translation>
    </message>
    <message>
        <source>Could not start the server: %1</source>
        <translation>无法启动服务器：%1</translation>
    </message>
    <message>
        <source>Bound to %1 port %2 (%3). No connection, no handshake: it just waits for datagrams.</source>
        <translation>已绑定到 %1 端口 %2（%3）。没有连接，也没有握手：它只是等待数据报。</translation>
    </message>
    <message>
        <source>Not bound.</source>
        <translation>未绑定。</translation>
    </message>
    <message>
        <source>Write the target as host:port, e.g. 127.0.0.1:41234.</source>
        <translation>请把目标写成 host:port，例如 127.0.0.1:41234。</translation>
    </message>
    <message>
        <source>Could not send; see the event log.</source>
        <translation>无法发送；请查看事件日志。</translation>
    </message>
    <message>
        <source>Could not send: %1</source>
        <translation>无法发送：%1</translation>
    </message>
    <message>
        <source>%1 sent one datagram from %2.</source>
        <translation>%1 从 %2 发送了一个数据报。</translation>
    </message>
    <message>
        <source>%1 sends %2 datagrams from %3, one every %4 ms.</source>
        <translation>%1 从 %3 发送 %2 个数据报，每 %4 ms 一个。</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source> B</source>
        <translation> B</translation>
    </message>
    <message>
        <source>as typed</source>
        <translation>按原样</translation>
    </message>
    <message>
        <source>Repeat the message up to exactly this many bytes. Try 65507, the largest UDP datagram over IPv4, then 65508: EMSGSIZE.</source>
        <translation>把消息重复填充到正好这么多字节。试试 65507（IPv4 上最大的 UDP 数据报），再试 65508：EMSGSIZE。</translation>
    </message>
    <message>
        <source>Relay (a bad network, on purpose)</source>
        <translation>中继（故意模拟糟糕的网络）</translation>
    </message>
    <message>
        <source>UDP datagrams: one arrow each, no connection</source>
        <translation>UDP 数据报：每个一个箭头，没有连接</translation>
    </message>
    <message>
        <source>Datagrams</source>
        <translation>数据报</translation>
    </message>
    <message>
        <source>Ladder</source>
        <translation>时序图</translation>
    </message>
    <message>
        <source>No UDP server yet</source>
        <translation>还没有 UDP 服务器</translation>
    </message>
    <message>
        <source>“%1” binds the tutorial&apos;s server on port 41234 (no connection, no handshake); then “%2” sends it a datagram.</source>
        <translation>“%1”在端口 41234 上绑定教程中的服务器（没有连接，也没有握手）；然后“%2”给它发送一个数据报。</translation>
    </message>
    <message>
        <source>No datagrams yet</source>
        <translation>还没有数据报</translation>
    </message>
    <message>
        <source>“%1” starts the server; every datagram sent and received then appears here with its sender&apos;s address and port.</source>
        <translation>“%1”启动服务器；之后收发的每个数据报都会连同发送方的地址和端口出现在这里。</translation>
    </message>
    <message>
        <source>No datagrams to draw</source>
        <translation>还没有可画的数据报</translation>
    </message>
    <message>
        <source>“%1” sends a datagram to the target: each one becomes one arrow here, with no handshake before it and no ACK after it.</source>
        <translation>“%1”向目标发送一个数据报：每个数据报在这里成为一个箭头，之前没有握手，之后没有 ACK。</translation>
    </message>
</context>
<context>
    <name>netstage::UdpRelay</name>
    <message>
        <source>The relay listens on %1 and passes datagrams on to %2 (%3, seed %4).</source>
        <translation>中继在 %1 上监听，把数据报转发到 %2（%3，随机种子 %4）。</translation>
    </message>
    <message numerus="yes">
        <source>The relay stopped; %n datagram(s) still waiting in it were discarded.</source>
        <translation>
            <numerusform>中继已停止；其中仍在等待的 %n 个数据报被丢弃。</numerusform>
        </translation>
    </message>
    <message>
        <source>The relay stopped.</source>
        <translation>中继已停止。</translation>
    </message>
</context>
<context>
    <name>netstage::UrlCli</name>
    <message>
        <source>what happens after you type a URL: DNS, TCP, HTTP, sub-resources</source>
        <translation>输入 URL 之后发生了什么：DNS、TCP、HTTP、子资源</translation>
    </message>
    <message>
        <source>%1 %2 ms</source>
        <translation>%1 %2 ms</translation>
    </message>
    <message>
        <source>hit: %1</source>
        <translation>命中：%1</translation>
    </message>
    <message>
        <source>miss</source>
        <translation>未命中</translation>
    </message>
    <message>
        <source>visit %1: %2</source>
        <translation>第 %1 次访问：%2</translation>
    </message>
    <message>
        <source>visit %1: total %2 ms</source>
        <translation>第 %1 次访问：总计 %2 ms</translation>
    </message>
    <message>
        <source>this build cannot draw the waterfall (no writer): run it from the netstage binary with its GUI library</source>
        <translation>此版本无法绘制瀑布图（没有绘图模块）：请用带 GUI 库的 netstage 程序运行</translation>
    </message>
    <message>
        <source>the walk did not finish in time</source>
        <translation>URL 之旅没有在限定时间内完成</translation>
    </message>
    <message>
        <source>netstage: %1</source>
        <translation>netstage：%1</translation>
    </message>
    <message>
        <source>cannot write the waterfall to %1: %2</source>
        <translation>无法把瀑布图写入 %1：%2</translation>
    </message>
    <message>
        <source>waterfall written to %1</source>
        <translation>瀑布图已写入 %1</translation>
    </message>
    <message>
        <source>--visits needs a number from 1 to 100</source>
        <translation>--visits 需要 1 到 100 之间的数字</translation>
    </message>
    <message>
        <source>--step-delay needs milliseconds from 0 to 60000</source>
        <translation>--step-delay 需要 0 到 60000 之间的毫秒数</translation>
    </message>
    <message>
        <source>--timeout needs seconds from 1 to 600</source>
        <translation>--timeout 需要 1 到 600 之间的秒数</translation>
    </message>
    <message>
        <source>--waterfall needs a file name ending in .png or .svg</source>
        <translation>--waterfall 需要以 .png 或 .svg 结尾的文件名</translation>
    </message>
    <message>
        <source>url takes one URL, not also &quot;%1&quot;</source>
        <translation>url 只接受一个 URL，不能再加上“%1”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a URL (e.g. http://example.test/)</source>
        <translation>“%1”不是 URL（例如 http://example.test/）</translation>
    </message>
    <message>
        <source>only http:// URLs can be walked, not &quot;%1&quot;</source>
        <translation>URL 之旅只支持 http:// URL，不支持“%1”</translation>
    </message>
    <message>
        <source>What happens after you type a URL, on real sockets on this machine: the URL
taken apart, the browser&apos;s DNS cache and the hosts file, a real DNS resolution
over UDP (resolver -&gt; root -&gt; .test -&gt; example.test, each its own server on
127.0.0.1), the TCP handshake, the request and the answer, the 301 from
example.test to www.example.test followed, the HTML parsed for its CSS, scripts
and images, each fetched once (kept-alive connections, at most 6 per host), the
page&apos;s fetch(&apos;/api/time&apos;), render, done. Each phase is a `step` event with its
start and duration; stderr gets the time per phase.

URL        default: http://example.test/ on the built-in demo site (started on a
           free port). Any http:// server works, e.g. http://localhost:3000/;
           .test names come from NetStage&apos;s own DNS, others from the system&apos;s.
--visits N       walk N times (1-100); from the second visit the name comes from
                 the browser&apos;s DNS cache (TTL 60 s) and no DNS datagram is sent
--step-delay MS  pause before each phase (0: real speed, the default)
--waterfall FILE draw the requests&apos; timing waterfall (PNG or SVG)
--timeout S      per request and per DNS question (default 10)
--events FILE|-  every event as a JSON line (- : stdout, nothing else goes there)
--quiet          no people-readable event lines

Exit status: 0 the page was walked to the end, 1 it could not be (no such name,
refused, timed out...), 2 bad usage.
</source>
        <translation>在本机的真实套接字上演示输入 URL 之后发生的一切：拆解 URL，查看浏览器的
DNS 缓存和 hosts 文件，通过 UDP 进行真实的域名解析（解析器 -&gt; 根 -&gt; .test
-&gt; example.test，每个都是 127.0.0.1 上独立的服务器），TCP 三次握手，请求
与响应，跟随 example.test 到 www.example.test 的 301 重定向，解析 HTML，
找出其中的 CSS、脚本和图片并各获取一次（保持连接，每个主机最多 6 个），
页面的 fetch(&apos;/api/time&apos;)，渲染，完成。每个阶段是一个 `step` 事件，带有
开始时间和持续时间；标准错误输出每个阶段的耗时。

URL        默认：内置演示站点上的 http://example.test/（在一个空闲端口上
           启动）。任何 http:// 服务器都可以，例如 http://localhost:3000/；
           .test 域名由 NetStage 自己的 DNS 解析，其他域名由系统解析。
--visits N       访问 N 次（1-100）；从第二次访问起，域名来自浏览器的
                 DNS 缓存（TTL 60 s），不再发送 DNS 数据报
--step-delay MS  每个阶段之前暂停（0：真实速度，默认值）
--waterfall FILE 绘制各请求计时的瀑布图（PNG 或 SVG）
--timeout S      每个请求和每个 DNS 查询的超时（默认 10）
--events FILE|-  每个事件写成一行 JSON（- ：标准输出，此时不再输出其他内容）
--quiet          不输出供人阅读的事件行

退出状态：0 页面完整走完，1 无法走完（域名不存在、被拒绝、超时……），
2 用法错误。
</translation>
    </message>
</context>
<context>
    <name>netstage::UrlPanel</name>
    <message>
        <source>&amp;URL:</source>
        <translation>URL(&amp;U)：</translation>
    </message>
    <message>
        <source>http://example.test/ or http://localhost:8080/</source>
        <translation>http://example.test/ 或 http://localhost:8080/</translation>
    </message>
    <message>
        <source>Any http:// address. Names under example.test are answered by the DNS servers and the demo site this tab starts on this machine.</source>
        <translation>任何 http:// 地址均可。example.test 下的域名由本标签页在本机上启动的 DNS 服务器和演示站点应答。</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>前往(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Visits:</source>
        <translation>访问次数(&amp;V)：</translation>
    </message>
    <message>
        <source>Walk the same URL this many times: the second visit finds the name in the browser&apos;s DNS cache.</source>
        <translation>把同一个 URL 访问这么多次：第二次访问时会在浏览器的 DNS 缓存中找到这个域名。</translation>
    </message>
    <message>
        <source>&amp;Step mode</source>
        <translation>单步模式(&amp;S)</translation>
    </message>
    <message>
        <source>Pause before each phase until you press Next (F5 or N).</source>
        <translation>每个阶段之前暂停，直到按下“下一步”（F5 或 N）。</translation>
    </message>
    <message>
        <source>&amp;Pause between steps:</source>
        <translation>步间暂停(&amp;P)：</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Wait this long before each phase, to follow the walk in class (0 = real speed; the pauses are not counted in any timing).</source>
        <translation>每个阶段之前等待这么长时间，便于在课堂上跟随 URL 之旅（0 = 真实速度；暂停时间不计入任何计时）。</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <source>Run the phase that waits (F5 or N).</source>
        <translation>执行正在等待的阶段（F5 或 N）。</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Save walk…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save the walk&apos;s events as a recording that opens without a network.</source>
        <translation>把这次 URL 之旅的事件保存为录制文件，无需网络即可打开。</translation>
    </message>
    <message>
        <source>Open walk…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Open a saved walk and replay its steps, waterfall and ladder.</source>
        <translation>打开保存的 URL 之旅，回放其中的步骤、瀑布图和时序图。</translation>
    </message>
    <message>
        <source>Whole walk</source>
        <translation>全程</translation>
    </message>
    <message>
        <source>Show every connection of the walk on the ladder.</source>
        <translation>在时序图上显示 URL 之旅的所有连接。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <source>Go to any step of the saved walk.</source>
        <translation>跳到保存的 URL 之旅中的任意一步。</translation>
    </message>
    <message>
        <source>Ladder</source>
        <translation>时序图</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>The page as Qt&apos;s rich-text engine draws it.</source>
        <translation>由 Qt 的富文本引擎绘制的页面。</translation>
    </message>
    <message>
        <source>Type a URL and press Go. http://example.test/ walks the built-in demo site: its DNS servers and web server run on this machine.</source>
        <translation>输入 URL 后按“前往”。http://example.test/ 会走访内置的演示站点：它的 DNS 服务器和 Web 服务器都在本机上运行。</translation>
    </message>
    <message>
        <source>The page appears here when the walk reaches the render step. Qt&apos;s rich-text engine draws a subset of HTML and CSS (text, colours, fonts, tables, images); it runs no JavaScript, so this is a sketch of the page, not a browser&apos;s rendering.</source>
        <translation>URL 之旅到达渲染步骤时，页面会显示在这里。Qt 的富文本引擎只能绘制 HTML 和 CSS 的一个子集（文本、颜色、字体、表格、图片），而且不执行 JavaScript，所以这只是页面的草图，而不是浏览器的渲染结果。</translation>
    </message>
    <message>
        <source>Select a step to see only its connection.</source>
        <translation>选中一个步骤，只查看它所用的连接。</translation>
    </message>
    <message>
        <source>Each step of the walk lights up here as it happens; open a step to see its events.</source>
        <translation>URL 之旅的每一步发生时都会在这里亮起；展开一个步骤即可查看它的事件。</translation>
    </message>
    <message>
        <source>A walk is under way: stop it first.</source>
        <translation>一次 URL 之旅正在进行：请先停止它。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http:// URL (e.g. http://example.test/).</source>
        <translation>“%1”不是 http:// URL（例如 http://example.test/）。</translation>
    </message>
    <message>
        <source>Walking %1 in step mode.</source>
        <translation>正在以单步模式走访 %1。</translation>
    </message>
    <message>
        <source>Walking %1…</source>
        <translation>正在走访 %1…</translation>
    </message>
    <message>
        <source>Step mode: next comes &quot;%1&quot;. Press Next (F5 or N) to run it.</source>
        <translation>单步模式：下一步是“%1”。按“下一步”（F5 或 N）执行它。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>The whole walk: DNS datagrams and %n TCP connection(s)</source>
        <translation>
            <numerusform>整个 URL 之旅：DNS 数据报和 %n 个 TCP 连接</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The whole walk: %n TCP connection(s)</source>
        <translation>
            <numerusform>整个 URL 之旅：%n 个 TCP 连接</numerusform>
        </translation>
    </message>
    <message>
        <source>This step sent nothing on the network: select another step, or press Whole walk.</source>
        <translation>这一步没有在网络上发送任何数据：请选择其他步骤，或按“全程”。</translation>
    </message>
    <message>
        <source>The ladder shows the walk&apos;s connections; select a step to see only the connection it used.</source>
        <translation>时序图显示 URL 之旅的各个连接；选中一个步骤，只查看它所用的连接。</translation>
    </message>
    <message>
        <source>%1 (running)</source>
        <translation>%1（进行中）</translation>
    </message>
    <message>
        <source>%1 (%2 ms)</source>
        <translation>%1（%2 ms）</translation>
    </message>
    <message>
        <source>The walk fetched no page to show.</source>
        <translation>这次 URL 之旅没有获取到可显示的页面。</translation>
    </message>
    <message>
        <source>%1, drawn by Qt&apos;s rich-text engine from the bytes the walk fetched. It supports a subset of HTML and CSS (text, colours, fonts, tables, images) and runs no JavaScript: a sketch of the page, not a browser&apos;s rendering.</source>
        <translation>%1，由 Qt 的富文本引擎根据 URL 之旅获取的字节绘制。它只支持 HTML 和 CSS 的一个子集（文本、颜色、字体、表格、图片），不执行 JavaScript：这是页面的草图，而不是浏览器的渲染结果。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>A recording keeps only the first bytes of each answer, so the page cannot be drawn again from it. Walk the URL to see the page.</source>
        <translation>录制文件只保存每个响应的前面一部分字节，所以无法据此重新绘制页面。请重新走访这个 URL 来查看页面。</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Nothing was opened. %1</source>
        <translation>没有打开任何文件。%1</translation>
    </message>
    <message>
        <source>%1 holds no step of a URL walk.</source>
        <translation>%1 中没有 URL 之旅的步骤。</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n step(s) of a saved walk. Back, Forward (F5 or N) and the slider replay it step by step.</source>
        <translation>
            <numerusform>已打开 %1：保存的 URL 之旅，共 %n 步。用“后退”、“前进”（F5 或 N）和滑块逐步回放。</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the walk as a recording</source>
        <translation>把 URL 之旅保存为录制文件</translation>
    </message>
    <message>
        <source>NetStage recordings (*.netstage.jsonl *.jsonl);;All files (*)</source>
        <translation>NetStage 录制文件 (*.netstage.jsonl *.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a saved walk</source>
        <translation>打开保存的 URL 之旅</translation>
    </message>
    <message>
        <source>No walk yet</source>
        <translation>还没有走过</translation>
    </message>
    <message>
        <source>“%1” walks the URL above on real sockets: the DNS caches, the resolver, the connection, the request, the redirect, the page; each step lights up here.</source>
        <translation>“%1”在真实套接字上走一遍上面的 URL：DNS 缓存、解析器、连接、请求、重定向、页面；每一步都会在这里亮起。</translation>
    </message>
    <message>
        <source>No requests yet</source>
        <translation>还没有请求</translation>
    </message>
    <message>
        <source>The walk&apos;s requests appear here as a browser&apos;s Network panel shows them, one bar each.</source>
        <translation>这次访问的请求会像浏览器的“网络”面板那样出现在这里，每个请求一条横条。</translation>
    </message>
    <message>
        <source>Nothing to draw yet</source>
        <translation>还没有可画的内容</translation>
    </message>
    <message>
        <source>“%1” walks the URL: every DNS datagram and TCP segment of the walk becomes an arrow here.</source>
        <translation>“%1”走一遍这个 URL：这次访问的每个 DNS 数据报和 TCP 报文段都会在这里成为一个箭头。</translation>
    </message>
</context>
<context>
    <name>netstage::UrlStepModel</name>
    <message>
        <source>Read the URL</source>
        <translation>读取 URL</translation>
    </message>
    <message>
        <source>Look in the DNS caches</source>
        <translation>查看 DNS 缓存</translation>
    </message>
    <message>
        <source>Ask DNS</source>
        <translation>查询 DNS</translation>
    </message>
    <message>
        <source>Open a TCP connection</source>
        <translation>建立 TCP 连接</translation>
    </message>
    <message>
        <source>Send the request</source>
        <translation>发送请求</translation>
    </message>
    <message>
        <source>Read the response</source>
        <translation>读取响应</translation>
    </message>
    <message>
        <source>Follow the redirect</source>
        <translation>跟随重定向</translation>
    </message>
    <message>
        <source>Parse the HTML</source>
        <translation>解析 HTML</translation>
    </message>
    <message>
        <source>Fetch a sub-resource</source>
        <translation>获取子资源</translation>
    </message>
    <message>
        <source>Asynchronous request</source>
        <translation>异步请求</translation>
    </message>
    <message>
        <source>Render the page</source>
        <translation>渲染页面</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>+%1 ms</source>
        <translation>+%1 ms</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Visit %1 · %2</source>
        <translation>第 %1 次访问 · %2</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>进行中…</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>netstage::UrlWalk</name>
    <message>
        <source>&quot;%1&quot; is not a URL with a host name.</source>
        <translation>“%1”不是带主机名的 URL。</translation>
    </message>
    <message>
        <source>HTTPS is not part of this walk (no TLS here): use an http:// URL.</source>
        <translation>HTTPS 不在这次 URL 之旅的范围内（这里没有 TLS）：请使用 http:// URL。</translation>
    </message>
    <message>
        <source>Only http:// URLs can be walked (not &quot;%1&quot;).</source>
        <translation>URL 之旅只支持 http:// URL（不支持“%1”）。</translation>
    </message>
    <message>
        <source>The demo web site could not start on 127.0.0.1.</source>
        <translation>演示网站无法在 127.0.0.1 上启动。</translation>
    </message>
    <message>
        <source>Visit %1: the browser reads the URL %2.</source>
        <translation>第 %1 次访问：浏览器读取 URL %2。</translation>
    </message>
    <message>
        <source>Scheme %1: speak HTTP over TCP. Host %2: the name to look up. Port %3: where the web server listens. Path %4: which document to ask for.</source>
        <translation>协议 %1：在 TCP 上使用 HTTP。主机 %2：要解析的域名。端口 %3：Web 服务器监听的端口。路径 %4：要请求哪个文档。</translation>
    </message>
    <message>
        <source>Where is %1? The browser looks in its DNS cache first.</source>
        <translation>%1 在哪里？浏览器先查看自己的 DNS 缓存。</translation>
    </message>
    <message>
        <source>%1 is already an address: nothing to look up.</source>
        <translation>%1 已经是地址：无需解析。</translation>
    </message>
    <message>
        <source>localhost is always this machine (127.0.0.1): nothing to look up.</source>
        <translation>localhost 总是指本机（127.0.0.1）：无需解析。</translation>
    </message>
    <message>
        <source>The browser opens a TCP connection to %1 port %2: SYN, SYN+ACK, ACK.</source>
        <translation>浏览器与 %1 的端口 %2 建立 TCP 连接：SYN、SYN+ACK、ACK。</translation>
    </message>
    <message>
        <source>Where is %1? The browser looks in its DNS cache, then in the system&apos;s hosts file.</source>
        <translation>%1 在哪里？浏览器先查看自己的 DNS 缓存，再查看系统的 hosts 文件。</translation>
    </message>
    <message>
        <source>Cache hit: %1 is %2, still valid for %3 s. No DNS question goes out.</source>
        <translation>缓存命中：%1 是 %2，还有 %3 s 有效。不发出 DNS 查询。</translation>
    </message>
    <message>
        <source>The hosts file says %1 is %2. No DNS question goes out.</source>
        <translation>hosts 文件写明 %1 是 %2。不发出 DNS 查询。</translation>
    </message>
    <message>
        <source>Cache miss: neither the browser nor the hosts file knows %1.</source>
        <translation>缓存未命中：浏览器和 hosts 文件都不知道 %1。</translation>
    </message>
    <message>
        <source>The browser asks the resolver for %1; the resolver asks the root, then the .test server, then example.test&apos;s own server.</source>
        <translation>浏览器向递归解析器查询 %1；解析器先问根域名服务器，再问 .test 顶级域名服务器，最后问 example.test 自己的权威域名服务器。</translation>
    </message>
    <message>
        <source>%1 is not in NetStage&apos;s small DNS; the system resolver is asked.</source>
        <translation>%1 不在 NetStage 的小型 DNS 中；改为询问系统的解析器。</translation>
    </message>
    <message>
        <source>No address for %1: %2</source>
        <translation>找不到 %1 的地址：%2</translation>
    </message>
    <message>
        <source>%1 is %2 (TTL %3 s); the browser keeps it that long.</source>
        <translation>%1 是 %2（TTL %3 s）；浏览器把它缓存这么长时间。</translation>
    </message>
    <message>
        <source>The system resolver says %1 is %2; the browser keeps it %3 s.</source>
        <translation>系统解析器回答 %1 是 %2；浏览器把它缓存 %3 s。</translation>
    </message>
    <message>
        <source>The browser reuses its open connection %1 to %2.</source>
        <translation>浏览器复用它到 %2 的已打开连接 %1。</translation>
    </message>
    <message>
        <source>No handshake needed: %1 is kept alive.</source>
        <translation>无需握手：%1 一直保持连接（keep-alive）。</translation>
    </message>
    <message>
        <source>Connected: %1 is ESTABLISHED (3 segments on the wire).</source>
        <translation>已连接：%1 进入 ESTABLISHED（线路上 3 个报文段）。</translation>
    </message>
    <message>
        <source>The browser sends GET %1 to %2 over %3.</source>
        <translation>浏览器通过 %3 向 %2 发送 GET %1。</translation>
    </message>
    <message>
        <source>The kernel has all %1 bytes of the request.</source>
        <translation>请求的全部 %1 字节都已交给内核。</translation>
    </message>
    <message>
        <source>The server works and answers; the browser waits for the first byte, then reads to the end.</source>
        <translation>服务器处理并响应；浏览器等待第一个字节，然后一直读到结束。</translation>
    </message>
    <message>
        <source>%1 of %2 sub-resources arrived, over %3 connections.</source>
        <translation>%2 个子资源中有 %1 个已到达，共用了 %3 个连接。</translation>
    </message>
    <message>
        <source>The script&apos;s request came back: %1 %2, %3 bytes.</source>
        <translation>脚本的请求已返回：%1 %2，%3 字节。</translation>
    </message>
    <message>
        <source>The script&apos;s request failed: %1</source>
        <translation>脚本的请求失败：%1</translation>
    </message>
    <message>
        <source>The page could not be fetched: %1</source>
        <translation>无法获取页面：%1</translation>
    </message>
    <message>
        <source>%1 %2: %3 bytes (%4 of body), first byte after %5 ms.</source>
        <translation>%1 %2：%3 字节（响应体 %4 字节），%5 ms 后收到第一个字节。</translation>
    </message>
    <message>
        <source>More than %1 redirects: the browser gives up.</source>
        <translation>重定向超过 %1 次：浏览器放弃。</translation>
    </message>
    <message>
        <source>%1 %2 says: ask %3 instead (Location).</source>
        <translation>%1 %2 表示：改为请求 %3（Location）。</translation>
    </message>
    <message>
        <source>The redirect leads to %1, which this walk cannot follow (only http://).</source>
        <translation>重定向指向 %1，本次 URL 之旅无法跟随（只支持 http://）。</translation>
    </message>
    <message>
        <source>The redirect leads to %1, which is not http://.</source>
        <translation>重定向指向 %1，它不是 http://。</translation>
    </message>
    <message>
        <source>Same host: the browser asks again, on the same connection if it is still open.</source>
        <translation>同一主机：浏览器再次请求；如果连接仍然打开，就在同一个连接上请求。</translation>
    </message>
    <message>
        <source>A new host name: the browser looks up %1 and connects again.</source>
        <translation>新的主机名：浏览器解析 %1，然后重新建立连接。</translation>
    </message>
    <message>
        <source>The browser parses %1 bytes of HTML and looks for what else it needs.</source>
        <translation>浏览器解析 %1 字节的 HTML，寻找还需要哪些资源。</translation>
    </message>
    <message numerus="yes">
        <source>The page names %n sub-resource(s): style sheets, scripts and images.</source>
        <translation>
            <numerusform>页面引用了 %n 个子资源：样式表、脚本和图片。</numerusform>
        </translation>
    </message>
    <message>
        <source>The browser fetches each sub-resource once: over the kept-alive connection and up to %1 parallel connections per host.</source>
        <translation>浏览器对每个子资源只获取一次：复用保持（keep-alive）的连接，每个主机最多同时使用 %1 个连接。</translation>
    </message>
    <message>
        <source>Nothing else to fetch.</source>
        <translation>没有其他需要获取的资源。</translation>
    </message>
    <message>
        <source>The page&apos;s scripts run (NetStage does not run JavaScript; it looks for fetch(&apos;...&apos;) calls in them).</source>
        <translation>页面的脚本运行（NetStage 不执行 JavaScript；它只在脚本中查找 fetch(&apos;...&apos;) 调用）。</translation>
    </message>
    <message>
        <source>The page&apos;s script asks for %1 in the background (fetch).</source>
        <translation>页面的脚本在后台请求 %1（fetch）。</translation>
    </message>
    <message>
        <source>No script of this page starts a request that NetStage can see.</source>
        <translation>这个页面没有脚本发起 NetStage 能看到的请求。</translation>
    </message>
    <message>
        <source>The browser lays out the page with its styles and images.</source>
        <translation>浏览器根据样式和图片对页面进行布局。</translation>
    </message>
    <message>
        <source>The page %1 is ready to show, with %2 of its %3 sub-resources.</source>
        <translation>页面 %1 可以显示了，已获得 %3 个子资源中的 %2 个。</translation>
    </message>
    <message>
        <source>Visit %1 is complete.</source>
        <translation>第 %1 次访问完成。</translation>
    </message>
    <message>
        <source>From typing the URL to the page: %1 ms, %2 requests, %3 bytes, %4 connections.</source>
        <translation>从输入 URL 到显示页面：%1 ms，%2 个请求，%3 字节，%4 个连接。</translation>
    </message>
    <message numerus="yes">
        <source>The walk is complete: %n visit(s).</source>
        <translation>
            <numerusform>URL 之旅完成：共访问 %n 次。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>The walk was stopped.</source>
        <translation>URL 之旅已停止。</translation>
    </message>
</context>
<context>
    <name>netstage::ViewExport</name>
    <message>
        <source>Exported from NetStage.</source>
        <translation>由 NetStage 导出。</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>the picture could not be encoded as PNG</source>
        <translation>图片无法编码为 PNG</translation>
    </message>
    <message>
        <source>the file name must end in .png or .svg</source>
        <translation>文件名必须以 .png 或 .svg 结尾</translation>
    </message>
    <message>
        <source>there is no view to export</source>
        <translation>没有可导出的视图</translation>
    </message>
</context>
<context>
    <name>netstage::WaterfallChart</name>
    <message>
        <source>milliseconds since the walk began</source>
        <translation>自 URL 之旅开始的毫秒数</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>visit %1 · %2 %3</source>
        <translation>第 %1 次访问 · %2 %3</translation>
    </message>
    <message>
        <source>#%1 %2 %3 (over %4)</source>
        <translation>#%1 %2 %3（经由 %4）</translation>
    </message>
    <message>
        <source>drawing the waterfall needs the GUI library (a QApplication)</source>
        <translation>绘制瀑布图需要 GUI 库（一个 QApplication）</translation>
    </message>
    <message>
        <source>the walk made no request, so there is no waterfall to draw</source>
        <translation>URL 之旅没有发出任何请求，所以没有瀑布图可画</translation>
    </message>
    <message numerus="yes">
        <source>The walk&apos;s waterfall: %n request(s), the last one done at %1 ms</source>
        <translation>
            <numerusform>URL 之旅的瀑布图：%n 个请求，最后一个在 %1 ms 时完成</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
<context>
    <name>netstage::WireCapture</name>
    <message>
        <source>Wire capture needs permission (%1). Run as root, or once: sudo setcap cap_net_raw,cap_net_admin=eip %2. Until then the diagrams are drawn from the TCP model.</source>
        <translation>抓包需要权限（%1）。请以 root 运行，或执行一次：sudo setcap cap_net_raw,cap_net_admin=eip %2。在此之前，时序图根据 TCP 模型绘制。</translation>
    </message>
    <message>
        <source>Wire capture on %1 is not available: %2. The diagrams are drawn from the TCP model.</source>
        <translation>无法在 %1 上抓包：%2。时序图根据 TCP 模型绘制。</translation>
    </message>
    <message numerus="yes">
        <source>A UDP datagram on the wire: %n byte(s) of payload behind an 8-byte header (ports, length, checksum). No handshake, no sequence number, no acknowledgement.</source>
        <translation>
            <numerusform>线路上的一个 UDP 数据报：8 字节首部（端口、长度、校验和）后面跟着 %n 字节的载荷。没有握手，没有序号，也没有确认。</numerusform>
        </translation>
    </message>
    <message>
        <source>there is no capture to write: wire capture is not running (%1)</source>
        <translation>没有可写入的抓包数据：抓包没有运行（%1）</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <source>loopback, captured by NetStage</source>
        <translation>回环接口，由 NetStage 抓取</translation>
    </message>
</context>
<context>
    <name>netstage::WsCli</name>
    <message>
        <source>WebSocket server (echo, chat) showing every byte; a QWebSocket client</source>
        <translation>显示每个字节的 WebSocket 服务器（echo、chat）；一个 QWebSocket 客户端</translation>
    </message>
    <message>
        <source>the server could not start</source>
        <translation>服务器无法启动</translation>
    </message>
    <message>
        <source>cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>could not open %1</source>
        <translation>未能打开 %1</translation>
    </message>
    <message>
        <source>the connection did not close within 5 s</source>
        <translation>连接没有在 5 秒内关闭</translation>
    </message>
    <message>
        <source>the connection closed (%1) before every step was done</source>
        <translation>连接在所有步骤完成之前就关闭了（%1）</translation>
    </message>
    <message>
        <source>%1 needs %2</source>
        <translation>%1 需要%2</translation>
    </message>
    <message>
        <source>a number from 0 to 65535</source>
        <translation>0 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>--preset must be echo or chat</source>
        <translation>--preset 必须是 echo 或 chat</translation>
    </message>
    <message>
        <source>a number of seconds</source>
        <translation>一个秒数</translation>
    </message>
    <message>
        <source>a number of bytes</source>
        <translation>一个字节数</translation>
    </message>
    <message>
        <source>--close needs a code that may be sent: 1000-1003, 1007-1014 or 3000-4999</source>
        <translation>--close 需要一个可以发送的状态码：1000-1003、1007-1014 或 3000-4999</translation>
    </message>
    <message>
        <source>milliseconds (0 to 600000)</source>
        <translation>毫秒数（0 到 600000）</translation>
    </message>
    <message>
        <source>ws serve takes no argument &quot;%1&quot;</source>
        <translation>ws serve 不接受参数“%1”</translation>
    </message>
    <message>
        <source>ws connect needs one URL, e.g. ws://127.0.0.1:8090/</source>
        <translation>ws connect 需要一个 URL，例如 ws://127.0.0.1:8090/</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a ws:// URL, e.g. ws://127.0.0.1:8090/</source>
        <translation>“%1”不是 ws:// URL，例如 ws://127.0.0.1:8090/</translation>
    </message>
    <message>
        <source>serve    a WebSocket server (127.0.0.1 unless --host says otherwise; --port 0
         picks a free port) until SIGINT/SIGTERM or --for SECONDS. It shows
         every byte it receives and sends: the HTTP upgrade request, the
         101 answer (Sec-WebSocket-Accept recomputed and compared), and each
         frame with its opcode, FIN, mask and length.
         echo: sends every message back.  chat: sends every message to every
         client. A request that is not a WebSocket upgrade gets 426 or 400;
         a message over --max-message (1048576) bytes is closed with 1009;
         each only ends that connection.
connect  opens URL (ws://HOST:PORT/PATH) with QWebSocket, sends each --send
         (--binary: as binary messages) and waits up to --wait MS (default
         500) for an answer after each, pings with --ping, then closes with
         --close CODE (default 1000) and --reason, or drops the connection
         without a close frame with --abort (the server sees 1006).
         QWebSocket hides its own bytes: this side&apos;s frames come from its API.
         Exit status 0 when it opened and every step was done, 1 otherwise,
         2 for bad usage.
--events FILE|-  every event as a JSON line (handshake, frame, close...)
--quiet          no people-readable event lines
</source>
        <translation>serve    运行 WebSocket 服务器（默认 127.0.0.1，可用 --host 指定；--port 0
         自动选一个空闲端口），直到收到 SIGINT/SIGTERM 或 --for SECONDS 到期。
         它显示收发的每个字节：HTTP 升级请求、101 响应（重新计算并比对
         Sec-WebSocket-Accept），以及每一帧的操作码、FIN、掩码和长度。
         echo：把每条消息发回。  chat：把每条消息发给所有
         客户端。不是 WebSocket 升级的请求得到 426 或 400；
         超过 --max-message（1048576）字节的消息以 1009 关闭；
         每种情况只结束该连接。
connect  用 QWebSocket 打开 URL（ws://HOST:PORT/PATH），发送每个 --send
         （--binary：作为二进制消息），每次发送后最多等待 --wait MS（默认
         500）接收回复，--ping 时发送 ping，然后以 --close CODE（默认 1000）
         和 --reason 关闭，或用 --abort 不发关闭帧直接断开连接（服务器
         看到 1006）。
         QWebSocket 隐藏了自己的字节：本端的帧信息来自它的 API。
         成功打开且每一步都完成时退出状态为 0，否则为 1，
         用法错误为 2。
--events FILE|-  每个事件写成一行 JSON（handshake、frame、close……）
--quiet          不输出供人阅读的事件行
</translation>
    </message>
</context>
<context>
    <name>netstage::WsLab</name>
    <message>
        <source>The WebSocket server listens on %1 (plain TCP underneath). A client first opens a TCP connection, then asks in HTTP to upgrade it.</source>
        <translation>WebSocket 服务器在 %1 上监听（底层是普通的 TCP）。客户端先建立 TCP 连接，再用 HTTP 请求把它升级。</translation>
    </message>
    <message>
        <source>The server stopped listening; WebSocket connections it accepted stay open until they are closed.</source>
        <translation>服务器停止了监听；它已接受的 WebSocket 连接保持打开，直到被关闭。</translation>
    </message>
    <message>
        <source>No complete upgrade request within %1 ms: the server answers 408 and closes, so an idle connection cannot hold a slot for ever.</source>
        <translation>%1 ms 内没有收到完整的升级请求：服务器回应 408 并关闭，这样空闲连接就不能永远占着一个名额。</translation>
    </message>
    <message>
        <source>A TCP connection arrived (the 3-way handshake is done). Nothing is a WebSocket yet: the client must now send an HTTP upgrade request.</source>
        <translation>一个 TCP 连接到达（三次握手已完成）。现在还谈不上 WebSocket：客户端接下来必须发送 HTTP 升级请求。</translation>
    </message>
    <message>
        <source>This is not an HTTP request (it starts with the bytes %1), so it cannot be a WebSocket handshake: the server answers 400 Bad Request and closes this connection. Other clients are not affected.</source>
        <translation>这不是 HTTP 请求（它以字节 %1 开头），所以不可能是 WebSocket 握手：服务器回应 400 Bad Request 并关闭这个连接。其他客户端不受影响。</translation>
    </message>
    <message>
        <source>The request head grew past %1 bytes without ending: the server answers 431 and closes.</source>
        <translation>请求头超过了 %1 字节仍未结束：服务器回应 431 并关闭。</translation>
    </message>
    <message>
        <source>The incoming bytes no longer parse as WebSocket frames (%1); the lab stops showing frames for this connection.</source>
        <translation>收到的字节已无法解析为 WebSocket 帧（%1）；实验不再显示这个连接的帧。</translation>
    </message>
    <message>
        <source>The request head is not valid HTTP (a line without &quot;name: value&quot;): the server answers 400 Bad Request and closes.</source>
        <translation>请求头不是有效的 HTTP（某行不是“name: value”形式）：服务器回应 400 Bad Request 并关闭。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an HTTP request line: the server answers 400 Bad Request and closes this connection.</source>
        <translation>“%1”不是 HTTP 请求行：服务器回应 400 Bad Request 并关闭这个连接。</translation>
    </message>
    <message>
        <source>A plain HTTP request (&quot;%1&quot;) without &quot;Upgrade: websocket&quot;: this port only speaks WebSocket, so the server answers 426 Upgrade Required and closes. Other clients are not affected.</source>
        <translation>一个没有“Upgrade: websocket”的普通 HTTP 请求（“%1”）：这个端口只讲 WebSocket，所以服务器回应 426 Upgrade Required 并关闭。其他客户端不受影响。</translation>
    </message>
    <message numerus="yes">
        <source>The client sent %n byte(s) of frames before the server&apos;s 101 answer. RFC 6455 (section 4.1) says a client must wait for the answer first; this server does not act on them.</source>
        <translation>
            <numerusform>客户端在服务器的 101 响应之前发送了 %n 字节的帧。RFC 6455（第 4.1 节）规定客户端必须先等待响应；这个服务器不会处理这些帧。</numerusform>
        </translation>
    </message>
    <message>
        <source>The upgrade request was refused with &quot;%1&quot;: the request asked for a WebSocket but something in it is wrong (RFC 6455 wants Sec-WebSocket-Version: 13 and a 16-byte base64 Sec-WebSocket-Key).</source>
        <translation>升级请求被以“%1”拒绝：请求想要 WebSocket，但其中有错误（RFC 6455 要求 Sec-WebSocket-Version: 13 和一个 16 字节、base64 编码的 Sec-WebSocket-Key）。</translation>
    </message>
    <message>
        <source>An unmasked frame from a client breaks RFC 6455 (every client frame must be masked), so this server closes with 1002. (QWebSocketServer alone would let it pass: the lab checks it.)</source>
        <translation>客户端发来未加掩码的帧，违反了 RFC 6455（客户端的每一帧都必须加掩码），所以这个服务器以 1002 关闭。（单靠 QWebSocketServer 会放行：是实验做了这项检查。）</translation>
    </message>
    <message>
        <source>The client sent a message larger than this server accepts (%1 bytes): the server closes with 1009 (message too big). Other clients are not affected.</source>
        <translation>客户端发送的消息超过了这个服务器能接受的大小（%1 字节）：服务器以 1009（消息过大）关闭。其他客户端不受影响。</translation>
    </message>
    <message>
        <source>Aborted by this side: the TCP connection was dropped without a close frame. The peer sees 1006 (abnormal closure).</source>
        <translation>由本端中止：TCP 连接在没有关闭帧的情况下被断开。对端看到 1006（异常关闭）。</translation>
    </message>
    <message>
        <source>The client vanished without a close frame (its TCP connection simply ended): that is 1006, abnormal closure. The server goes on serving the others.</source>
        <translation>客户端没有发关闭帧就消失了（它的 TCP 连接直接结束）：这就是 1006，异常关闭。服务器继续为其他客户端服务。</translation>
    </message>
    <message>
        <source>The WebSocket is closed (%1) and so is its TCP connection.</source>
        <translation>WebSocket 已关闭（%1），它的 TCP 连接也已关闭。</translation>
    </message>
    <message>
        <source>The TCP connection closed before it became a WebSocket.</source>
        <translation>TCP 连接在成为 WebSocket 之前就关闭了。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a WebSocket URL such as ws://127.0.0.1:8090/.</source>
        <translation>“%1”不是 WebSocket URL（如 ws://127.0.0.1:8090/）。</translation>
    </message>
    <message>
        <source>wss:// (WebSocket over TLS) is not part of the lab: use ws://.</source>
        <translation>wss://（基于 TLS 的 WebSocket）不在本实验范围内：请使用 ws://。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a ws:// URL (for example ws://127.0.0.1:8090/).</source>
        <translation>“%1”不是 ws:// URL（例如 ws://127.0.0.1:8090/）。</translation>
    </message>
    <message>
        <source>Opening %1: QWebSocket makes the TCP connection, sends the HTTP upgrade request and checks the 101 answer by itself, without showing those bytes.</source>
        <translation>正在打开 %1：QWebSocket 自己建立 TCP 连接、发送 HTTP 升级请求并检查 101 响应，但不显示这些字节。</translation>
    </message>
    <message>
        <source>Open: the TCP handshake is done and the server answered &quot;101 Switching Protocols&quot;. From now on the connection carries frames, not HTTP.</source>
        <translation>已打开：TCP 握手已完成，服务器回应了“101 Switching Protocols”。从现在起，连接上传输的是帧，而不是 HTTP。</translation>
    </message>
    <message>
        <source>QWebSocket hides its bytes: this side cannot show its GET request, its Sec-WebSocket-Key or the server&apos;s Sec-WebSocket-Accept (Qt checked the accept value itself). When the server is this lab&apos;s, its ws-conn socket shows both heads byte for byte; otherwise the wire capture shows the segments when it runs.</source>
        <translation>QWebSocket 隐藏了它的字节：本端无法显示它的 GET 请求、Sec-WebSocket-Key，以及服务器的 Sec-WebSocket-Accept（Qt 自己检查了 accept 值）。如果服务器是本实验的，它的 ws-conn 套接字会逐字节显示双方的请求头和响应头；否则，抓包运行时会显示这些报文段。</translation>
    </message>
    <message>
        <source>The WebSocket could not open: %1</source>
        <translation>WebSocket 无法打开：%1</translation>
    </message>
    <message>
        <source>Aborted: the TCP connection was dropped without a close frame (1006 on both sides).</source>
        <translation>已中止：TCP 连接在没有关闭帧的情况下被断开（双方都是 1006）。</translation>
    </message>
    <message>
        <source>The connection ended without a close frame: 1006, abnormal closure.</source>
        <translation>连接在没有关闭帧的情况下结束：1006，异常关闭。</translation>
    </message>
    <message>
        <source>The WebSocket never opened.</source>
        <translation>WebSocket 从未打开。</translation>
    </message>
    <message>
        <source>Cannot send: %1 is not an open WebSocket.</source>
        <translation>无法发送：%1 不是一个打开的 WebSocket。</translation>
    </message>
    <message>
        <source>Cannot ping: %1 is not an open WebSocket.</source>
        <translation>无法 ping：%1 不是一个打开的 WebSocket。</translation>
    </message>
    <message>
        <source>Cannot close: %1 is not an open WebSocket.</source>
        <translation>无法关闭：%1 不是一个打开的 WebSocket。</translation>
    </message>
    <message>
        <source>%1 cannot be sent in a close frame: use 1000-1003, 1007-1014 or 3000-4999 (1005, 1006 and 1015 only describe what happened).</source>
        <translation>%1 不能放在关闭帧中发送：请使用 1000-1003、1007-1014 或 3000-4999（1005、1006 和 1015 只用来描述发生了什么）。</translation>
    </message>
    <message>
        <source>Cannot abort: %1 is not an open connection.</source>
        <translation>无法中止：%1 不是一个打开的连接。</translation>
    </message>
    <message numerus="yes">
        <source>LAN mode allows %n connection(s) at once: this one is answered 503 Service Unavailable and closed before it becomes a WebSocket.</source>
        <translation>
            <numerusform>局域网模式同时最多允许 %n 个连接：这个连接在成为 WebSocket 之前就收到 503 Service Unavailable 并被关闭。</numerusform>
        </translation>
    </message>
    <message>
        <source>The upgrade request has no Sec-WebSocket-Key (or an empty one): RFC 6455 (4.2.1) wants 16 random bytes in base64, so the server answers 400 Bad Request and closes.</source>
        <translation>升级请求没有 Sec-WebSocket-Key（或者它是空的）：RFC 6455（4.2.1）要求 16 个随机字节的 base64 编码，因此服务器回答 400 Bad Request 并关闭连接。</translation>
    </message>
    <message>
        <source>The Sec-WebSocket-Key &quot;%1&quot; is not 16 bytes in base64 (24 characters): RFC 6455 (4.2.1) wants exactly that, so the server answers 400 Bad Request and closes.</source>
        <translation>Sec-WebSocket-Key“%1”不是 16 个字节的 base64 编码（24 个字符）：RFC 6455（4.2.1）正是这样要求的，因此服务器回答 400 Bad Request 并关闭连接。</translation>
    </message>
    <message>
        <source>More than %1 ping or pong frames within a second: the server drops this client (RST), so that one client cannot keep it busy; the others are served as before.</source>
        <translation>一秒内收到超过 %1 个 ping 或 pong 帧：服务器断开这个客户端（RST），免得一个客户端拖住整个服务器；其他客户端照常得到服务。</translation>
    </message>
</context>
<context>
    <name>netstage::WsPanel</name>
    <message>
        <source>Every socket of the WebSocket lab. Select one to act on it, to see its handshake and ladder, and to see only its events.</source>
        <translation>WebSocket 实验中的每个套接字。选中一个即可对它进行操作、查看它的握手和时序图，并只看它的事件。</translation>
    </message>
    <message>
        <source>Opening handshake</source>
        <translation>开启握手</translation>
    </message>
    <message>
        <source>Ladder</source>
        <translation>时序图</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sockets&lt;/b&gt;</source>
        <translation>&lt;b&gt;套接字&lt;/b&gt;</translation>
    </message>
    <message>
        <source>WebSocket server</source>
        <translation>WebSocket 服务器</translation>
    </message>
    <message>
        <source>The address to listen on. 127.0.0.1 keeps the lab on this machine.</source>
        <translation>要监听的地址。127.0.0.1 让实验只在本机进行。</translation>
    </message>
    <message>
        <source>The port to listen on. 0 lets the kernel pick a free one.</source>
        <translation>要监听的端口。0 让内核选一个空闲端口。</translation>
    </message>
    <message>
        <source>echo</source>
        <translation>echo</translation>
    </message>
    <message>
        <source>echo: sends every message back to its sender.</source>
        <translation>echo：把每条消息发回给它的发送方。</translation>
    </message>
    <message>
        <source>chat</source>
        <translation>chat</translation>
    </message>
    <message>
        <source>chat: sends every message to every client, the sender included, like a classroom chat.</source>
        <translation>chat：把每条消息发给所有客户端（包括发送方），就像课堂聊天室。</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>A larger message is refused: the server closes that connection with 1009 (message too big).</source>
        <translation>更大的消息会被拒绝：服务器以 1009（消息过大）关闭那个连接。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>行为</translation>
    </message>
    <message>
        <source>Largest message</source>
        <translation>最大消息</translation>
    </message>
    <message>
        <source>Client (QWebSocket)</source>
        <translation>客户端（QWebSocket）</translation>
    </message>
    <message>
        <source>The WebSocket URL, e.g. ws://127.0.0.1:8090/chat.</source>
        <translation>WebSocket URL，例如 ws://127.0.0.1:8090/chat。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Open a new client (ws-client-N): TCP connection, then the HTTP upgrade.</source>
        <translation>打开一个新客户端（ws-client-N）：先建立 TCP 连接，再进行 HTTP 升级。</translation>
    </message>
    <message>
        <source>QWebSocket hides its own bytes: select the server&apos;s ws-conn socket to see the handshake byte for byte.</source>
        <translation>QWebSocket 隐藏了它自己的字节：选中服务器的 ws-conn 套接字，可以逐字节查看握手。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Selected socket</source>
        <translation>选中的套接字</translation>
    </message>
    <message>
        <source>A text message (UTF-8), sent as one text frame.</source>
        <translation>一条文本消息（UTF-8），作为一个文本帧发送。</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Ping</source>
        <translation>Ping</translation>
    </message>
    <message>
        <source>A ping control frame; the other side must answer with a pong.</source>
        <translation>一个 ping 控制帧；另一方必须回应一个 pong。</translation>
    </message>
    <message>
        <source>The status code the close frame carries.</source>
        <translation>关闭帧携带的状态码。</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The closing handshake: a close frame with this code; the other side answers with one, then the server ends the TCP connection.</source>
        <translation>关闭握手：发送带有此状态码的关闭帧；另一方也回应一个关闭帧，然后服务器结束 TCP 连接。</translation>
    </message>
    <message>
        <source>Drop (no close frame)</source>
        <translation>断开（不发关闭帧）</translation>
    </message>
    <message>
        <source>End the TCP connection without a close frame: the other side sees 1006, abnormal closure.</source>
        <translation>不发关闭帧，直接结束 TCP 连接：另一方看到 1006，异常关闭。</translation>
    </message>
    <message>
        <source>Could not start the server; see the event log.</source>
        <translation>无法启动服务器；请查看事件日志。</translation>
    </message>
    <message>
        <source>Could not start the server: %1</source>
        <translation>无法启动服务器：%1</translation>
    </message>
    <message>
        <source>Listening on %1 port %2 (%3). Every byte it receives and sends is shown.</source>
        <translation>正在 %1 端口 %2 上监听（%3）。收发的每个字节都会显示出来。</translation>
    </message>
    <message>
        <source>Not listening.</source>
        <translation>未在监听。</translation>
    </message>
    <message>
        <source>Could not connect; see the event log.</source>
        <translation>无法连接；请查看事件日志。</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <source>Select a connection in the list.</source>
        <translation>请在列表中选择一个连接。</translation>
    </message>
    <message>
        <source>%1 is the listener: select a connection.</source>
        <translation>%1 是监听套接字：请选择一个连接。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2）</translation>
    </message>
    <message>
        <source>client, QWebSocket</source>
        <translation>客户端，QWebSocket</translation>
    </message>
    <message>
        <source>accepted by the server</source>
        <translation>由服务器接受</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is closed.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 已关闭。</translation>
    </message>
    <message>
        <source>Select a connection to see its opening handshake: the HTTP GET with Upgrade: websocket, and the 101 answer.</source>
        <translation>选择一个连接，查看它的开启握手：带 Upgrade: websocket 的 HTTP GET，以及 101 响应。</translation>
    </message>
    <message>
        <source>Select a connection to see its ladder.</source>
        <translation>选择一个连接，查看它的时序图。</translation>
    </message>
    <message>
        <source>%1 is a QWebSocket client: QWebSocket hides its bytes, so this side cannot show its request or the server&apos;s answer.</source>
        <translation>%1 是 QWebSocket 客户端：QWebSocket 隐藏了它的字节，所以本端无法显示它的请求或服务器的响应。</translation>
    </message>
    <message>
        <source>Its server is not this lab&apos;s, so no byte of the handshake can be shown here (the wire capture shows the segments when it runs).</source>
        <translation>它的服务器不是本实验的，所以这里无法显示握手的任何字节（抓包运行时会显示这些报文段）。</translation>
    </message>
    <message>
        <source>Its server is this lab&apos;s: below is the same handshake as %1 saw it, byte for byte.</source>
        <translation>它的服务器是本实验的：下面是 %1 看到的同一次握手，逐字节显示。</translation>
    </message>
    <message numerus="yes">
        <source>── The client&apos;s request (%n byte(s)) ──</source>
        <translation>
            <numerusform>── 客户端的请求（%n 字节）──</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>── The server&apos;s answer (%n byte(s)) ──</source>
        <translation>
            <numerusform>── 服务器的响应（%n 字节）──</numerusform>
        </translation>
    </message>
    <message>
        <source>── Sec-WebSocket-Accept, computed again ──</source>
        <translation>── 重新计算的 Sec-WebSocket-Accept ──</translation>
    </message>
    <message>
        <source>The server sent %1: it matches ✓</source>
        <translation>服务器发送的是 %1：一致 ✓</translation>
    </message>
    <message>
        <source>The server sent %1: it does NOT match ✗</source>
        <translation>服务器发送的是 %1：不一致 ✗</translation>
    </message>
    <message>
        <source>No handshake on this connection yet.</source>
        <translation>这个连接上还没有握手。</translation>
    </message>
    <message>
        <source>No segments of this connection were captured: the wire capture needs permission (root, or setcap cap_net_raw on netstage). The event log still shows every frame.</source>
        <translation>没有抓到这个连接的报文段：抓包需要权限（root，或对 netstage 执行 setcap cap_net_raw）。事件日志仍会显示每一帧。</translation>
    </message>
    <message>
        <source>%1: TCP handshake, HTTP upgrade, frames, closing handshake, teardown</source>
        <translation>%1：TCP 握手、HTTP 升级、数据帧、关闭握手、挥手</translation>
    </message>
    <message>
        <source>Started %1 towards %2; its state is in the socket list. QWebSocket hides its own bytes: select the server&apos;s ws-conn socket to see the handshake byte for byte.</source>
        <translation>已启动 %1，目标 %2；它的状态见套接字列表。QWebSocket 隐藏了它自己的字节：选中服务器的 ws-conn 套接字，可以逐字节查看握手。</translation>
    </message>
    <message>
        <source>No WebSocket server yet</source>
        <translation>还没有 WebSocket 服务器</translation>
    </message>
    <message>
        <source>“%1” runs the echo server on port 8090; then “%2” opens a client: an HTTP upgrade, then frames on the same TCP connection.</source>
        <translation>“%1”在端口 8090 上运行 echo 服务器；然后“%2”打开一个客户端：先是 HTTP 升级，然后在同一条 TCP 连接上收发数据帧。</translation>
    </message>
    <message>
        <source>Nothing has happened yet</source>
        <translation>还什么都没有发生</translation>
    </message>
    <message>
        <source>“%1” starts the server: the upgrade&apos;s bytes and every frame (opcode, FIN, mask, length) then appear here.</source>
        <translation>“%1”启动服务器：升级请求的字节和之后的每个数据帧（操作码、FIN、掩码、长度）都会出现在这里。</translation>
    </message>
</context>
</TS>
