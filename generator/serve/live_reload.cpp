#include "serve/live_reload.h"

#include <httplib.h>

#include <chrono>
#include <nlohmann/json.hpp>

namespace tsunagu {

namespace {

constexpr int kHeartbeatMs = 15000;  // a comment line now and then keeps proxies and browsers from closing the stream

const char* severity_name(Severity s) { return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note"; }

}  // namespace

void LiveState::publish(const Diagnostics& diags, bool ok) {
    const std::string frame = live_event_frame(diags, ok);
    {
        std::lock_guard<std::mutex> lock(mutex_);
        ++generation_;
        event_ = frame;
    }
    changed_.notify_all();
}

std::string LiveState::next_event(unsigned long& seen, int timeout_ms) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait_for(lock, std::chrono::milliseconds(timeout_ms), [&] { return stopped_ || generation_ > seen; });
    if (stopped_ || generation_ <= seen) return {};
    seen = generation_;
    return event_;
}

unsigned long LiveState::generation() {
    std::lock_guard<std::mutex> lock(mutex_);
    return generation_;
}

bool LiveState::stopped() {
    std::lock_guard<std::mutex> lock(mutex_);
    return stopped_;
}

void LiveState::stop() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopped_ = true;
    }
    changed_.notify_all();
}

std::string live_event_frame(const Diagnostics& diags, bool ok) {
    if (ok) return "event: reload\ndata: {}\n\n";
    Diagnostics sorted = diags;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) { return a.severity < b.severity; });
    nlohmann::json list = nlohmann::json::array();
    for (const Diagnostic& d : sorted) {
        if (list.size() >= 50) break;
        std::string where = d.pos.file;
        if (!where.empty() && d.pos.line > 0) where += ":" + std::to_string(d.pos.line) + (d.pos.column > 0 ? ":" + std::to_string(d.pos.column) : "");
        list.push_back({{"where", where}, {"severity", severity_name(d.severity)}, {"code", d.code}, {"ja", d.ja}, {"en", d.en}, {"hint", d.hint}});
    }
    // JSON on one line: a data field ends at the newline.
    return "event: errors\ndata: " + list.dump() + "\n\n";
}

const std::string& live_reload_script() {
    static const std::string script = R"JS(// tsunagu serve: live reload and the diagnostics overlay (preview only; never in the built site).
(function () {
  'use strict';
  var box = null;
  function hide() { if (box) { box.remove(); box = null; } }
  function show(list) {
    hide();
    box = document.createElement('section');
    box.id = 'tsunagu-diagnostics';
    box.setAttribute('role', 'alert');
    box.setAttribute('aria-labelledby', 'tsunagu-diagnostics-title');
    box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;' +
      'background:#fff;color:#1a1a1a;border-top:6px solid #b00020;padding:1rem 1.2rem;font:16px/1.6 sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.3)';
    var h = document.createElement('h2');
    h.id = 'tsunagu-diagnostics-title';
    h.style.cssText = 'margin:0 0 .5rem;font-size:1.2rem';
    h.textContent = 'データにエラーがあります。前回のサイトを表示しています (the data has errors: showing the last good site)';
    box.appendChild(h);
    var ul = document.createElement('ul');
    ul.style.cssText = 'margin:0;padding-left:1.2rem';
    list.forEach(function (d) {
      var li = document.createElement('li');
      var where = document.createElement('code');
      where.textContent = (d.where || '') + ' ' + d.severity + ': ' + (d.code || '');
      li.appendChild(where);
      li.appendChild(document.createTextNode(' ' + d.ja + ' (' + d.en + ')' + (d.hint ? ' ' + d.hint : '')));
      ul.appendChild(li);
    });
    box.appendChild(ul);
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = '閉じる (close)';
    close.style.cssText = 'margin-top:.6rem;min-height:44px;font:inherit';
    close.addEventListener('click', hide);
    box.appendChild(close);
    document.body.appendChild(box);
  }
  if (!window.EventSource) return;
  var src = document.currentScript && document.currentScript.src;
  var base = src ? src.replace(/live\.js(\?.*)?$/, '') : '/__tsunagu/';
  var es = new EventSource(base + 'events');
  es.addEventListener('reload', function () { location.reload(); });
  es.addEventListener('errors', function (e) { try { show(JSON.parse(e.data)); } catch (err) { /* ignore a broken frame */ } });
  window.tsunaguLive = { show: show, hide: hide };
})();
)JS";
    return script;
}

std::string inject_live_reload(std::string html) {
    static const std::string tag = "<script src=\"/__tsunagu/live.js\" defer></script>";
    const size_t at = html.rfind("</body>");
    if (at == std::string::npos) return html + tag;
    html.insert(at, tag);
    return html;
}

void add_live_reload_routes(httplib::Server& server, LiveState& state) {
    server.Get("/__tsunagu/live.js", [](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-cache");
        res.set_content(live_reload_script(), "text/javascript; charset=utf-8");
    });
    server.Get("/__tsunagu/events", [&state](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-cache");
        res.set_header("X-Accel-Buffering", "no");
        auto seen = std::make_shared<unsigned long>(state.generation());
        res.set_chunked_content_provider("text/event-stream", [&state, seen](size_t, httplib::DataSink& sink) {
            std::string frame = state.next_event(*seen, kHeartbeatMs);
            if (state.stopped()) return false;
            if (frame.empty()) frame = ": keep-alive\n\n";
            if (!sink.is_writable()) return false;
            return sink.write(frame.data(), frame.size());
        });
    });
}

}  // namespace tsunagu
