// Headless Chromium over the DevTools pipe. See chromium_pdf.h.
//
// One Browser object owns the child process (in its own process group), the three pipes
// (commands, replies, stderr) and the temporary profile directory; its destructor always kills
// what is left and removes the directory, so no path out of print_html_files_to_pdf leaves a
// zombie or a profile behind. All waiting is poll() against one deadline for the whole job.
#include "print/chromium_pdf.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

extern char** environ;

namespace tsunagu {

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

bool is_executable_file(const std::string& p) {
    struct stat st {};
    return !p.empty() && ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
           ::access(p.c_str(), X_OK) == 0;
}

std::string search_path(const std::string& name) {
    const char* path = std::getenv("PATH");
    if (!path) return "";
    std::string_view rest(path);
    while (true) {
        size_t colon = rest.find(':');
        std::string dir(rest.substr(0, colon));
        if (!dir.empty()) {
            std::string candidate = dir + "/" + name;
            if (is_executable_file(candidate)) return candidate;
        }
        if (colon == std::string_view::npos) break;
        rest.remove_prefix(colon + 1);
    }
    return "";
}

// A given name without a slash is looked up on $PATH, like a shell would.
std::string resolve_program(const std::string& p) {
    if (p.find('/') != std::string::npos) return is_executable_file(p) ? p : "";
    return search_path(p);
}

std::string base64_decode(std::string_view in, bool& ok) {
    auto value = [](char c) -> int {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+' || c == '-') return 62;
        if (c == '/' || c == '_') return 63;
        return -1;
    };
    std::string out;
    out.reserve(in.size() / 4 * 3);
    uint32_t acc = 0;
    int bits = 0;
    ok = true;
    for (char c : in) {
        if (c == '=') break;
        if (c == '\n' || c == '\r' || c == ' ' || c == '\t') continue;
        int v = value(c);
        if (v < 0) {
            ok = false;
            return out;
        }
        acc = (acc << 6) | static_cast<uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((acc >> bits) & 0xFF));
        }
    }
    return out;
}

// file:// URL of an absolute path, every byte but unreserved characters and '/' percent-encoded.
std::string file_url(const std::string& abs_path) {
    static const char* hex = "0123456789ABCDEF";
    std::string url = "file://";
    for (unsigned char c : abs_path) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
            c == '.' || c == '_' || c == '~' || c == '/') {
            url.push_back(static_cast<char>(c));
        } else {
            url.push_back('%');
            url.push_back(hex[c >> 4]);
            url.push_back(hex[c & 15]);
        }
    }
    return url;
}

struct Message {
    std::string ja, en;
};

// The browser is gone or the time is up: nothing more can be printed in this session.
struct BrowserFailure {
    Message msg;
};
// This tab failed (error reply, load error, renderer crash): the next file can still be printed.
struct TabFailure {
    Message msg;
};

// Moves fd to a number >= 10 with close-on-exec, so the child's dup2 onto 3 and 4 cannot clobber it.
int high_fd(int fd) {
    if (fd < 0) return fd;
    int h = ::fcntl(fd, F_DUPFD_CLOEXEC, 10);
    ::close(fd);
    return h;
}

void close_fd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

void set_nonblocking(int fd) {
    int fl = ::fcntl(fd, F_GETFL);
    if (fl >= 0) ::fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

class Browser {
public:
    explicit Browser(Clock::time_point deadline) : deadline_(deadline) {}
    Browser(const Browser&) = delete;
    Browser& operator=(const Browser&) = delete;
    ~Browser() { shutdown(false); }

    // Starts the browser; throws BrowserFailure.
    void launch(const std::string& exe) {
        std::string tmpl = (fs::temp_directory_path() / "tsunagu-chromium-XXXXXX").string();
        std::vector<char> buf(tmpl.begin(), tmpl.end());
        buf.push_back('\0');
        if (!::mkdtemp(buf.data())) {
            std::string e = std::strerror(errno);
            throw BrowserFailure{{"Chromium 用の一時ディレクトリを作れませんでした: " + e,
                                  "Could not create a temporary directory for Chromium: " + e}};
        }
        profile_dir_ = buf.data();

        int cmd[2] = {-1, -1}, resp[2] = {-1, -1}, err[2] = {-1, -1};
        if (::pipe(cmd) != 0 || ::pipe(resp) != 0 || ::pipe(err) != 0) {
            std::string e = std::strerror(errno);
            for (int fd : {cmd[0], cmd[1], resp[0], resp[1], err[0], err[1]})
                if (fd >= 0) ::close(fd);
            throw BrowserFailure{{"パイプを作れませんでした: " + e, "Could not create pipes: " + e}};
        }
        int child_cmd = high_fd(cmd[0]);
        cmd_fd_ = high_fd(cmd[1]);
        resp_fd_ = high_fd(resp[0]);
        int child_resp = high_fd(resp[1]);
        err_fd_ = high_fd(err[0]);
        int child_err = high_fd(err[1]);
        int devnull = high_fd(::open("/dev/null", O_RDWR));

        std::vector<std::string> args = {
            exe,
            "--headless=new",
            "--remote-debugging-pipe",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-dev-shm-usage",
            "--user-data-dir=" + profile_dir_,
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            "about:blank",
        };
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);

        pid_t pid = ::fork();
        if (pid == 0) {
            // Child: only async-signal-safe calls from here to exec.
            ::setpgid(0, 0);
            sigset_t none;
            sigemptyset(&none);
            ::sigprocmask(SIG_SETMASK, &none, nullptr);
            ::signal(SIGPIPE, SIG_DFL);
            if (devnull < 0 || child_cmd < 0 || child_resp < 0 || child_err < 0) ::_exit(127);
            ::dup2(devnull, 0);
            ::dup2(devnull, 1);
            ::dup2(child_err, 2);
            ::dup2(child_cmd, 3);
            ::dup2(child_resp, 4);
            ::close_range(5, ~0U, 0);
            ::execve(argv[0], argv.data(), environ);
            static const char m[] = "tsunagu: exec failed\n";
            ssize_t ignored = ::write(2, m, sizeof m - 1);
            (void)ignored;
            ::_exit(127);
        }
        int fork_errno = errno;
        close_fd(child_cmd);
        close_fd(child_resp);
        close_fd(child_err);
        close_fd(devnull);
        if (pid < 0) {
            std::string e = std::strerror(fork_errno);
            throw BrowserFailure{{"Chromium を起動できませんでした: " + e, "Could not start Chromium: " + e}};
        }
        ::setpgid(pid, pid);  // also in the parent, so the group exists whichever runs first
        pid_ = pid;
        if (cmd_fd_ < 0 || resp_fd_ < 0 || err_fd_ < 0)
            throw BrowserFailure{{"パイプを用意できませんでした", "Could not set up the pipes"}};
        set_nonblocking(cmd_fd_);
        set_nonblocking(resp_fd_);
        set_nonblocking(err_fd_);
    }

    // Sends a command and waits for its reply. An {"error":…} reply throws TabFailure, as does the
    // tab's session going away; the browser going away or the deadline throws BrowserFailure.
    json call(const std::string& method, json params, const std::string& session = "") {
        int id = next_id_++;
        json msg = {{"id", id}, {"method", method}, {"params", std::move(params)}};
        if (!session.empty()) msg["sessionId"] = session;
        send(msg.dump());
        while (true) {
            json m = read_message();
            if (m.contains("id")) {
                if (m["id"] != id) continue;  // a late reply to something we stopped waiting for
                if (m.contains("error")) {
                    std::string text = m["error"].value("message", std::string("?"));
                    if (m["error"].contains("data") && m["error"]["data"].is_string())
                        text += " (" + m["error"]["data"].get<std::string>() + ")";
                    throw TabFailure{{"Chromium が " + method + " でエラーを返しました: " + text,
                                      "Chromium returned an error for " + method + ": " + text}};
                }
                return m.value("result", json::object());
            }
            if (!session.empty()) check_session_gone(m, session);
            events_.push_back(std::move(m));
        }
    }

    // Waits for an event of the session (seen since the last forget_events or still to come).
    json wait_event(const std::string& method, const std::string& session) {
        for (auto it = events_.begin(); it != events_.end(); ++it) {
            if (it->value("method", "") == method && it->value("sessionId", "") == session) {
                json m = std::move(*it);
                events_.erase(it);
                return m;
            }
        }
        while (true) {
            json m = read_message();
            if (m.contains("id")) continue;
            check_session_gone(m, session);
            if (m.value("method", "") == method && m.value("sessionId", "") == session) return m;
            events_.push_back(std::move(m));
        }
    }

    void forget_events() { events_.clear(); }

    // Asks the browser to quit (when it still can), then makes sure it and its group are gone,
    // and removes the profile directory. Safe to call more than once.
    void shutdown(bool graceful) {
        if (pid_ > 0 && graceful && cmd_fd_ >= 0 && Clock::now() < deadline_) {
            try {
                // Browser.close replies and then exits; give it a short while, within the deadline.
                auto saved = deadline_;
                deadline_ = std::min(deadline_, Clock::now() + std::chrono::seconds(5));
                try {
                    call("Browser.close", json::object());
                } catch (...) {
                }
                deadline_ = saved;
            } catch (...) {
            }
        }
        close_fd(cmd_fd_);
        close_fd(resp_fd_);
        if (pid_ > 0) {
            auto grace_end = std::min(Clock::now() + std::chrono::seconds(graceful ? 5 : 0),
                                      std::max(deadline_, Clock::now()));
            bool exited = false;
            while (true) {
                drain_stderr();
                siginfo_t info{};
                // WNOWAIT: see that it exited without reaping it, so the group id stays ours
                // while the rest of the group is killed.
                if (::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
                    info.si_pid == pid_) {
                    exited = true;
                    break;
                }
                if (Clock::now() >= grace_end) break;
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
            ::kill(-pid_, SIGKILL);
            if (!exited) ::kill(pid_, SIGKILL);
            int status = 0;
            while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
            }
            pid_ = -1;
        }
        close_fd(err_fd_);
        if (!profile_dir_.empty()) {
            std::error_code ec;
            // A helper process killed a moment ago may still be finishing a write; try twice.
            fs::remove_all(profile_dir_, ec);
            if (ec || fs::exists(profile_dir_, ec)) {
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
                fs::remove_all(profile_dir_, ec);
            }
            profile_dir_.clear();
        }
    }

    bool timed_out() const { return Clock::now() >= deadline_; }

private:
    [[noreturn]] void fail_eof() {
        drain_stderr();
        std::string tail = stderr_tail();
        Message m{"Chromium が途中で終了しました。", "Chromium exited unexpectedly."};
        if (!tail.empty()) {
            m.ja += "\n" + tail;
            m.en += "\n" + tail;
        }
        throw BrowserFailure{m};
    }

    [[noreturn]] void fail_timeout() {
        ::kill(-pid_, SIGKILL);  // the destructor reaps it
        throw BrowserFailure{{"PDF の作成が時間内に終わりませんでした（Chromium の応答がありません）。",
                              "Printing to PDF did not finish in time (no answer from Chromium)."}};
    }

    void check_session_gone(const json& m, const std::string& session) {
        std::string method = m.value("method", "");
        bool gone = false;
        if (method == "Inspector.targetCrashed" && m.value("sessionId", "") == session) gone = true;
        if (method == "Target.detachedFromTarget" && m.contains("params") &&
            m["params"].value("sessionId", "") == session)
            gone = true;
        if (gone)
            throw TabFailure{{"ページの表示中に Chromium のタブが落ちました。",
                              "The Chromium tab crashed while showing the page."}};
    }

    int remaining_ms() const {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now()).count();
        if (left <= 0) return 0;
        return static_cast<int>(std::min<long long>(left, 1000000));
    }

    // Writes with SIGPIPE blocked in this thread, so a dead browser shows up as EPIPE, not a signal.
    ssize_t write_no_sigpipe(const char* data, size_t len) {
        sigset_t pipe_set, old;
        sigemptyset(&pipe_set);
        sigaddset(&pipe_set, SIGPIPE);
        ::pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
        sigset_t pending;
        sigpending(&pending);
        bool was_pending = sigismember(&pending, SIGPIPE);
        ssize_t n = ::write(cmd_fd_, data, len);
        int e = errno;
        if (n < 0 && e == EPIPE && !was_pending) {
            timespec zero{0, 0};
            while (::sigtimedwait(&pipe_set, nullptr, &zero) < 0 && errno == EINTR) {
            }
        }
        ::pthread_sigmask(SIG_SETMASK, &old, nullptr);
        errno = e;
        return n;
    }

    void send(const std::string& text) {
        if (cmd_fd_ < 0) fail_eof();
        std::string out = text;
        out.push_back('\0');
        size_t off = 0;
        while (off < out.size()) {
            if (Clock::now() >= deadline_) fail_timeout();
            ssize_t n = write_no_sigpipe(out.data() + off, out.size() - off);
            if (n > 0) {
                off += static_cast<size_t>(n);
                continue;
            }
            if (n < 0 && errno == EINTR) continue;
            if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) fail_eof();
            wait_io(true);
        }
    }

    // Waits until the command pipe can take more (for_write) or a reply arrived, draining stderr
    // meanwhile. Throws on timeout.
    void wait_io(bool for_write) {
        while (true) {
            if (Clock::now() >= deadline_) fail_timeout();
            pollfd pfd[2];
            int n = 0;
            pfd[n++] = {for_write ? cmd_fd_ : resp_fd_, static_cast<short>(for_write ? POLLOUT : POLLIN), 0};
            int err_index = -1;
            if (err_fd_ >= 0) {
                err_index = n;
                pfd[n++] = {err_fd_, POLLIN, 0};
            }
            int r = ::poll(pfd, static_cast<nfds_t>(n), remaining_ms());
            if (r < 0) {
                if (errno == EINTR) continue;
                fail_eof();
            }
            if (r == 0) continue;  // deadline check at the top
            if (err_index >= 0 && pfd[err_index].revents) drain_stderr();
            if (pfd[0].revents & (POLLERR | POLLNVAL)) fail_eof();
            if (pfd[0].revents) return;  // readable/writable, or hung up (the read/write tells)
        }
    }

    json read_message() {
        while (true) {
            size_t nul = inbuf_.find('\0', scanned_);
            if (nul != std::string::npos) {
                json m = json::parse(inbuf_.begin(), inbuf_.begin() + static_cast<long>(nul), nullptr, false);
                inbuf_.erase(0, nul + 1);
                scanned_ = 0;
                if (m.is_discarded() || !m.is_object()) continue;  // not ours to understand
                return m;
            }
            scanned_ = inbuf_.size();
            if (Clock::now() >= deadline_) fail_timeout();
            if (resp_fd_ < 0) fail_eof();
            char buf[65536];
            ssize_t n = ::read(resp_fd_, buf, sizeof buf);
            if (n > 0) {
                inbuf_.append(buf, static_cast<size_t>(n));
                continue;
            }
            if (n == 0) fail_eof();
            if (errno == EINTR) continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK) fail_eof();
            wait_io(false);
        }
    }

    void drain_stderr() {
        if (err_fd_ < 0) return;
        char buf[8192];
        while (true) {
            ssize_t n = ::read(err_fd_, buf, sizeof buf);
            if (n > 0) {
                stderr_.append(buf, static_cast<size_t>(n));
                if (stderr_.size() > kStderrKeep * 2) stderr_.erase(0, stderr_.size() - kStderrKeep);
                continue;
            }
            if (n < 0 && errno == EINTR) continue;
            if (n == 0) close_fd(err_fd_);
            return;
        }
    }

    // The last few lines the browser wrote to stderr, for an error message.
    std::string stderr_tail() const {
        std::string s = stderr_.size() > 1500 ? stderr_.substr(stderr_.size() - 1500) : stderr_;
        if (stderr_.size() > 1500) {
            size_t nl = s.find('\n');
            if (nl != std::string::npos) s.erase(0, nl + 1);
        }
        while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
        return s;
    }

    static constexpr size_t kStderrKeep = 8192;
    Clock::time_point deadline_;
    pid_t pid_ = -1;
    int cmd_fd_ = -1, resp_fd_ = -1, err_fd_ = -1;
    std::string profile_dir_;
    std::string inbuf_;
    size_t scanned_ = 0;
    std::string stderr_;
    std::deque<json> events_;
    int next_id_ = 1;
};

PdfPrintResult failure(const Message& m) {
    PdfPrintResult r;
    r.error_ja = m.ja;
    r.error_en = m.en;
    return r;
}

Message not_found_message(const PdfPrintOptions& opt) {
    const char* env = std::getenv("TSUNAGU_CHROMIUM");
    std::string given = !opt.chromium.empty() ? opt.chromium : (env && *env ? std::string(env) : "");
    Message m;
    if (!given.empty()) {
        m.ja = "指定された Chromium（" + given + "）が見つからないか、実行できません。";
        m.en = "The Chromium given (" + given + ") was not found or is not executable.";
    } else {
        m.ja = "Chromium が見つかりません。";
        m.en = "Chromium was not found.";
    }
    m.ja += "PDF を作るには Chromium をインストールしてください（Debian/Ubuntu: sudo apt-get install chromium）。"
            "別の場所にある場合は環境変数 TSUNAGU_CHROMIUM にそのパスを指定してください。";
    m.en += " Install it to make PDFs (Debian/Ubuntu: sudo apt-get install chromium), "
            "or set TSUNAGU_CHROMIUM to the browser's path.";
    return m;
}

// Closing a tab that is already gone is not an error worth reporting.
void close_tab(Browser& b, const std::string& target) {
    if (target.empty()) return;
    try {
        b.call("Target.closeTarget", {{"targetId", target}});
    } catch (const TabFailure&) {
    }
}

// One file in its own tab. Throws TabFailure / BrowserFailure.
std::string print_one(Browser& b, const std::string& abs_path) {
    json created = b.call("Target.createTarget", {{"url", "about:blank"}});
    std::string target = created.value("targetId", "");
    std::string session;
    try {
        json attached = b.call("Target.attachToTarget", {{"targetId", target}, {"flatten", true}});
        session = attached.value("sessionId", "");
        b.call("Page.enable", json::object(), session);
        b.forget_events();  // anything so far belongs to about:blank
        json nav = b.call("Page.navigate", {{"url", file_url(abs_path)}}, session);
        if (nav.contains("errorText") && nav["errorText"].is_string() && !nav["errorText"].get<std::string>().empty()) {
            std::string e = nav["errorText"];
            throw TabFailure{{"ページを開けませんでした（" + e + "）: " + abs_path,
                              "Could not open the page (" + e + "): " + abs_path}};
        }
        b.wait_event("Page.loadEventFired", session);
        b.call("Runtime.evaluate",
               {{"expression", "document.fonts.ready.then(()=>1)"}, {"awaitPromise", true}, {"returnByValue", true}},
               session);
        json printed = b.call("Page.printToPDF",
                              {{"preferCSSPageSize", true},
                               {"printBackground", true},
                               {"displayHeaderFooter", false},
                               {"generateTaggedPDF", true},
                               {"generateDocumentOutline", false}},
                              session);
        bool ok = false;
        std::string pdf = base64_decode(printed.value("data", ""), ok);
        if (!ok || pdf.rfind("%PDF-", 0) != 0)
            throw TabFailure{{"Chromium から受け取った PDF が壊れています: " + abs_path,
                              "The PDF received from Chromium is not valid: " + abs_path}};
        close_tab(b, target);
        return pdf;
    } catch (const TabFailure&) {
        close_tab(b, target);
        throw;
    }
}

}  // namespace

std::string find_chromium(const std::string& preferred) {
    if (!preferred.empty()) return resolve_program(preferred);
    if (const char* env = std::getenv("TSUNAGU_CHROMIUM"); env && *env) return resolve_program(env);
    for (const char* p : {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"})
        if (is_executable_file(p)) return p;
    for (const char* name : {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"})
        if (std::string p = search_path(name); !p.empty()) return p;
    return "";
}

std::vector<PdfPrintResult> print_html_files_to_pdf(const std::vector<std::string>& html_paths,
                                                    const PdfPrintOptions& opt) {
    std::vector<PdfPrintResult> results(html_paths.size());
    if (html_paths.empty()) return results;

    std::string exe = find_chromium(opt.chromium);
    if (exe.empty()) {
        Message m = not_found_message(opt);
        for (auto& r : results) r = failure(m);
        return results;
    }

    auto deadline = Clock::now() + std::chrono::milliseconds(std::max(opt.timeout_ms, 1));
    Browser browser(deadline);
    size_t i = 0;
    try {
        browser.launch(exe);
        for (; i < html_paths.size(); ++i) {
            std::error_code ec;
            std::string abs = fs::absolute(html_paths[i], ec).lexically_normal().string();
            if (ec) abs = html_paths[i];
            if (!fs::is_regular_file(abs, ec)) {
                results[i] = failure({"HTML ファイルがありません: " + abs, "The HTML file does not exist: " + abs});
                continue;
            }
            try {
                results[i].pdf = print_one(browser, abs);
                results[i].ok = true;
            } catch (const TabFailure& f) {
                results[i] = failure(f.msg);
            }
        }
        browser.shutdown(true);
    } catch (const BrowserFailure& f) {
        for (; i < html_paths.size(); ++i) results[i] = failure(f.msg);
        browser.shutdown(false);
    }
    return results;
}

}  // namespace tsunagu
