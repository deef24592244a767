// serve: live reload for the preview. After each rebuild the server tells every open tab over
// Server-Sent Events (/__tsunagu/events): "reload" when the new site is in place, "errors" with
// the diagnostics (file:line, Japanese and English) when the data became invalid — the tab then
// shows them in an overlay over the last good site, and the overlay goes away with the next
// good build. The script (/__tsunagu/live.js) is injected into HTML pages only by `serve`: the
// built site never contains it.
#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace httplib {
class Server;
}

namespace tsunagu {

class LiveState {
public:
    // A rebuild finished: with no errors the tabs reload; with errors they show the overlay.
    void publish(const Diagnostics& diags, bool ok);
    // Blocks until the generation is newer than seen or timeout_ms passes; returns the event to
    // send ("" on timeout) and updates seen.
    std::string next_event(unsigned long& seen, int timeout_ms);
    unsigned long generation();
    void stop();  // wakes every waiting client so the server can shut down
    bool stopped();

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    unsigned long generation_ = 0;
    std::string event_;  // the SSE frame of the latest generation
    bool stopped_ = false;
};

// The SSE frame for a finished rebuild: "event: reload" or "event: errors" with a JSON list of
// {where, severity, ja, en} (errors first, at most 50).
std::string live_event_frame(const Diagnostics& diags, bool ok);

// The client script: opens the event stream, reloads on "reload", draws the overlay on "errors".
const std::string& live_reload_script();

// The HTML with the script tag before </body> (or at the end): preview only.
std::string inject_live_reload(std::string html);

// GET /__tsunagu/events and /__tsunagu/live.js.
void add_live_reload_routes(httplib::Server& server, LiveState& state);

}  // namespace tsunagu
