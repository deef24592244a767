#include "render/links.h"

#include <algorithm>
#include <cctype>

namespace tsunagu {

std::string activity_path(std::string_view id) { return "activities/" + url_path_escape(id) + ".html"; }
std::string organization_path(std::string_view id) { return "organizations/" + url_path_escape(id) + ".html"; }
std::string consultation_path(std::string_view id) { return "consultation/" + url_path_escape(id) + ".html"; }
std::string area_path(std::string_view id) { return "areas/" + url_path_escape(id) + ".html"; }
std::string category_path(std::string_view slug) { return "categories/" + std::string(slug) + ".html"; }
std::string target_path(std::string_view slug) { return "targets/" + std::string(slug) + ".html"; }
std::string content_path(std::string_view slug) { return url_path_escape(slug) + ".html"; }
std::string case_path(std::string_view id) { return "cases/" + url_path_escape(id) + ".html"; }
std::string network_path(std::string_view id) { return "networks/" + url_path_escape(id) + ".html"; }
std::string report_path(std::string_view id) { return "reports/" + url_path_escape(id) + ".html"; }
std::string fund_path(std::string_view id) { return "funds/" + url_path_escape(id) + ".html"; }
std::string fund_year_path(std::string_view fund_id, int fiscal_year) {
    return "funds/" + url_path_escape(fund_id) + "/" + std::to_string(fiscal_year) + ".html";
}
std::string fund_grants_path(std::string_view fund_id) { return "funds/" + url_path_escape(fund_id) + "/grants.html"; }
std::string grant_path(std::string_view id) { return "grants/" + url_path_escape(id) + ".html"; }

std::string root_prefix(std::string_view rel_path) {
    std::string prefix;
    for (char c : rel_path)
        if (c == '/') prefix += "../";
    return prefix;
}

std::string url_path_escape(std::string_view path) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(path.size());
    for (unsigned char c : path) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string absolute_url(std::string_view base_url, std::string_view rel_path) {
    if (base_url.empty()) return "";
    std::string out(base_url);
    if (out.back() != '/') out += '/';
    out += rel_path;
    return out;
}

std::string url_path_of(std::string_view base_url) {
    size_t scheme = base_url.find("://");
    if (scheme == std::string_view::npos) return "";
    size_t slash = base_url.find('/', scheme + 3);
    if (slash == std::string_view::npos) return "/";
    std::string path(base_url.substr(slash));
    size_t cut = path.find_first_of("?#");
    if (cut != std::string::npos) path.erase(cut);
    if (path.back() != '/') path += '/';
    return path;
}

static bool starts_with_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    return true;
}

bool is_http_url(std::string_view url) {
    std::string_view rest;
    if (starts_with_ci(url, "https://")) rest = url.substr(8);
    else if (starts_with_ci(url, "http://")) rest = url.substr(7);
    else return false;
    if (rest.empty() || rest.front() == '/') return false;
    // Whitespace and control characters never belong in a URL we print as a link.
    return std::none_of(url.begin(), url.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; });
}

std::string tel_href(std::string_view phone) {
    // The number must come first; "042-000-1234（代表）" ends where the note begins, and text
    // that does not start with a number ("javascript:alert(1)") is never a link.
    std::string digits;
    int count = 0;
    for (char c : phone) {
        if (c >= '0' && c <= '9') { digits += c; ++count; }
        else if (c == '+' && digits.empty()) digits += c;
        else if (c == '-' && !digits.empty() && digits.back() != '-') digits += c;
        else if (c == ' ' || c == '(' || c == ')') continue;
        else break;
    }
    while (!digits.empty() && digits.back() == '-') digits.pop_back();
    if (count < 3) return "";
    return "tel:" + digits;
}

std::string mailto_href(std::string_view email) {
    size_t at = email.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 == email.size() || email.find('@', at + 1) != std::string_view::npos)
        return "";
    for (unsigned char c : email)
        if (!(std::isalnum(c) || std::string_view(".!#$%&*+/=?^_`{|}~@-").find(static_cast<char>(c)) != std::string_view::npos))
            return "";
    return "mailto:" + std::string(email);
}

bool is_safe_data_path(std::string_view path) {
    if (path.empty() || path.front() == '/' || path.find('\\') != std::string_view::npos || path.find(':') != std::string_view::npos)
        return false;
    size_t start = 0;
    while (start <= path.size()) {
        size_t slash = path.find('/', start);
        std::string_view seg = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        if (seg.empty() || seg == "." || seg == "..") return false;
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return true;
}

}  // namespace tsunagu
