// activities/ID.html: everything a resident needs to decide and to go — when, where, cost,
// who it is for, how to get in touch — with schema.org JSON-LD for other directories.
#include "index/schedule_json.h"
#include "model/taxonomy.h"
#include "render/calendar_files.h"
#include "render/json_ld.h"
#include "render/links.h"
#include "render/markdown_section.h"
#include "render/page_plan.h"
#include "render/record_views.h"
#include "text/occurrences.h"
#include "text/schedule_format.h"

namespace tsunagu {

using nlohmann::json;

namespace {

std::string tri_text(Tri t, const char* yes, const char* no) {
    if (t == Tri::yes) return yes;
    if (t == Tri::no) return no;
    return "";
}

json photos_view(const std::vector<Photo>& photos) {
    json out = json::array();
    for (const Photo& p : photos) {
        if (!is_safe_data_path(p.src)) continue;  // a path from data must stay inside static/
        out.push_back({{"src", "static/" + url_path_escape(p.src)}, {"alt", p.alt}, {"credit", p.credit}});
    }
    return out;
}

// 開催予定: the next dates as of the build date, and the schedule as JSON so
// assets/js/schedule.js can recompute them from the visitor's today (a static list goes stale).
// Absent for a paused or ended activity, a schedule that names no dates, or no build date.
json next_dates_view(const RenderContext& ctx, const Activity& a) {
    constexpr size_t kShown = 5;
    constexpr long kHorizonDays = 400;  // as far as next_occurrence looks
    json v = {{"present", false}};
    if (ctx.today.empty() || a.status == "休止中" || a.status == "終了") return v;
    json encoded = schedule_json(a.schedule);
    if (encoded.is_null()) return v;
    const std::vector<Occurrence> found = occurrences(a.schedule, ctx.today, add_days(ctx.today, kHorizonDays), kShown);
    if (found.empty()) return v;
    json dates = json::array();
    for (const Occurrence& o : found) dates.push_back({{"iso", to_iso(o.date)}, {"text", format_next(o)}});
    v["present"] = true;
    v["json"] = encoded.dump();
    v["count"] = kShown;
    v["next"] = format_next(found.front());
    v["dates"] = std::move(dates);
    v["as_of"] = to_japanese(ctx.today) + "時点";
    return v;
}

json activity_view(const RenderContext& ctx, int ix) {
    const Site& site = *ctx.site;
    const Activity& a = site.activities[ix];
    json v;
    v["name"] = a.name;
    v["reading"] = a.reading;
    v["aliases"] = join_labels(a.aliases);
    v["summary"] = a.summary;
    v["status"] = a.status;
    v["status_paused"] = a.status == "休止中";
    v["status_ended"] = a.status == "終了";
    v["content_types"] = term_links(Vocabulary::content_type, a.content_types);
    v["target_people"] = term_links(Vocabulary::target_people, a.target_people);
    v["has_content_types"] = !a.content_types.empty();
    v["has_target_people"] = !a.target_people.empty();
    v["form"] = a.form;
    v["place_type"] = a.place_type;
    v["fields"] = join_labels(a.fields);

    v["schedule"] = format_schedule(a.schedule);
    v["schedule_note"] = a.schedule.note;
    v["schedule_present"] = !a.schedule.empty();
    v["next_dates"] = next_dates_view(ctx, a);
    // Only when the feed exists: a stopped activity or an unreadable schedule has none.
    v["calendar_url"] = activity_has_calendar(a) ? activity_calendar_path(a.meta.id) : std::string();

    v["venue"] = venue_view(a.venue);

    json fees = json::array();
    for (const Fee& f : a.fees)
        fees.push_back({{"person", f.person.empty() ? std::string("参加費") : f.person},
                        {"amount", f.amount_yen ? yen_text(*f.amount_yen) : std::string("記載なし")},
                        {"note", f.note}});
    v["has_fees"] = !fees.empty();
    v["fees"] = std::move(fees);
    v["fee_note"] = a.fee_note;
    v["fees_present"] = !a.fees.empty() || !a.fee_note.empty();

    v["eligibility"] = a.eligibility;
    v["registration"] = a.registration;
    v["capacity"] = a.capacity ? count_text(*a.capacity, "人") : std::string();
    v["booking"] = a.booking;
    v["languages"] = join_labels(a.languages);
    v["join_present"] = !(a.eligibility.empty() && a.registration.empty() && !a.capacity && a.booking.empty() &&
                          a.languages.empty());

    json access;
    access["barrier_free"] = tri_text(a.accessibility.barrier_free, "あり", "なし");
    access["pickup"] = tri_text(a.accessibility.pickup, "あり", "なし");
    access["wheelchair_toilet"] = tri_text(a.accessibility.wheelchair_toilet, "あり", "なし");
    access["note"] = a.accessibility.note;
    access["present"] = !(access["barrier_free"].get_ref<const std::string&>().empty() &&
                          access["pickup"].get_ref<const std::string&>().empty() &&
                          access["wheelchair_toilet"].get_ref<const std::string&>().empty() && a.accessibility.note.empty());
    v["access"] = std::move(access);

    v["contact"] = contact_view(a.contact);
    if (a.organization_ix >= 0) {
        const Organization& o = site.organizations[a.organization_ix];
        v["organization"] = {{"present", true}, {"name", o.name}, {"url", organization_path(o.meta.id)}};
    } else {
        v["organization"] = {{"present", false}, {"name", ""}, {"url", ""}};
    }
    v["areas"] = area_links(site, a.areas_ix);
    v["has_areas"] = !v["areas"].empty();
    v["start_date"] = date_view(a.start_date);
    v["last_confirmed"] = date_view(a.meta.last_confirmed);
    v["as_of"] = date_view(a.meta.as_of);
    v["source"] = a.meta.source;
    // The description sits under an h2 (詳しい説明), so its own headings start at h3.
    v["description_html"] = a.description.empty() ? std::string() : render_markdown_at(a.description, 3);
    v["photos"] = photos_view(a.photos);
    v["has_photos"] = !v["photos"].empty();
    return v;
}

}  // namespace

void plan_activity_pages(const RenderContext& ctx, PagePlan& plan) {
    const Site& site = *ctx.site;
    for (size_t i = 0; i < site.activities.size(); ++i) {
        const Activity& a = site.activities[i];
        PageJob job;
        job.path = activity_path(a.meta.id);
        job.lastmod = to_iso(a.meta.last_confirmed);
        const int ix = static_cast<int>(i);
        job.render = [ix](const RenderContext& ctx) {
            const Activity& a = ctx.site->activities[ix];
            PageFrame frame;
            frame.path = activity_path(a.meta.id);
            frame.title = a.name;
            frame.description = a.summary;
            frame.nav_key = "areas";
            if (!a.areas_ix.empty()) frame.crumbs = area_crumbs(ctx, a.areas_ix.front(), true);
            frame.json_ld = json_for_script(activity_json_ld(*ctx.site, ix, ctx.base_url));
            json view;
            view["activity"] = activity_view(ctx, ix);
            return render_page(ctx, frame, "activity", std::move(view));
        };
        plan.push_back(std::move(job));
    }
}

}  // namespace tsunagu
