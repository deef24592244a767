// activities/ID.ics and areas/ID.ics. An area's feed holds the events of every activity in the
// area or an area inside it (ctx.area_activities, gathered once for the whole site), so the
// root area's feed holds everything. Each activity's VEVENTs are computed once, by whichever
// feed needs them first, and shared: an activity appears in its own feed and in the feed of
// every area above it, and the closures (EXDATEs over two years) are the costly part.
#include "render/calendar_files.h"

#include <memory>
#include <mutex>
#include <vector>

#include "model/taxonomy.h"
#include "render/links.h"
#include "render/page_plan.h"
#include "text/icalendar.h"

namespace tsunagu {

namespace {

// The UID domain and PRODID: the site's host, so two sites' events never share a UID. Without
// base_url there is no host; a reserved name (RFC 2606 .invalid) keeps UIDs well-formed.
std::string calendar_host(const RenderContext& ctx) {
    const std::string& base = ctx.base_url;
    const size_t scheme = base.find("://");
    if (scheme != std::string::npos) {
        const size_t begin = scheme + 3;
        const size_t end = base.find_first_of("/?#", begin);
        std::string host = base.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
        if (const size_t at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);
        if (!host.empty()) return host;
    }
    const std::string& code = ctx.site->config.municipality_code;
    return code.empty() ? std::string("tsunagu.invalid") : code + ".tsunagu.invalid";
}

// Every activity's VEVENTs, filled on first use from any render thread.
struct EventCache {
    explicit EventCache(size_t n) : once(n), text(n) {}
    std::vector<std::once_flag> once;
    std::vector<std::string> text;
    std::string host;

    const std::string& events(const RenderContext& ctx, int ix) {
        std::call_once(once[ix], [&] {
            const Activity& a = ctx.site->activities[ix];
            append_activity_events(text[ix], a, absolute_url(ctx.base_url, activity_path(a.meta.id)), host);
        });
        return text[ix];
    }
};

std::string calendar_name(const RenderContext& ctx, const std::string& what) {
    const std::string& site_title = ctx.site->config.title;
    return site_title.empty() ? what : what + "（" + site_title + "）";
}

}  // namespace

std::string activity_calendar_path(std::string_view id) { return "activities/" + url_path_escape(id) + ".ics"; }
std::string area_calendar_path(std::string_view id) { return "areas/" + url_path_escape(id) + ".ics"; }

bool activity_has_calendar(const Activity& a) {
    if (const Term* t = find_term(Vocabulary::status, a.status); t && (t->slug == "paused" || t->slug == "ended"))
        return false;
    return activity_has_events(a);
}

void plan_calendar_files(const RenderContext& ctx, PagePlan& plan) {
    const Site& site = *ctx.site;
    // Decided once here, in one pass: the area feeds below only look the answers up.
    auto listed = std::make_shared<std::vector<char>>(site.activities.size(), 0);
    auto cache = std::make_shared<EventCache>(site.activities.size());
    cache->host = calendar_host(ctx);

    for (size_t i = 0; i < site.activities.size(); ++i) {
        const Activity& a = site.activities[i];
        if (!activity_has_calendar(a)) continue;
        (*listed)[i] = 1;
        const int ix = static_cast<int>(i);
        PageJob job;
        job.path = activity_calendar_path(a.meta.id);
        job.in_sitemap = false;  // not a page: the sitemap lists HTML for search engines
        job.render = [ix, cache](const RenderContext& ctx) {
            std::string out;
            append_calendar_begin(out, cache->host, calendar_name(ctx, ctx.site->activities[ix].name));
            out += cache->events(ctx, ix);
            append_calendar_end(out);
            return out;
        };
        plan.push_back(std::move(job));
    }

    for (size_t i = 0; i < site.areas.size(); ++i) {
        const int ix = static_cast<int>(i);
        PageJob job;
        job.path = area_calendar_path(site.areas[i].meta.id);
        job.in_sitemap = false;
        job.render = [ix, cache, listed](const RenderContext& ctx) {
            std::string out;
            append_calendar_begin(out, cache->host, calendar_name(ctx, ctx.site->areas[ix].name + "の活動の予定"));
            for (int a : ctx.area_activities[ix])
                if ((*listed)[a]) out += cache->events(ctx, a);
            append_calendar_end(out);
            return out;
        };
        plan.push_back(std::move(job));
    }
}

}  // namespace tsunagu
