#include "model/taxonomy.h"

#include <array>

namespace tsunagu {
namespace {

constexpr Term kContentTypes[] = {
    {"見守り", "mimamori", "Watching over"},
    {"交流・サロン", "salon", "Social gatherings and salons"},
    {"ちょボラ", "chobora", "Small favours"},
    {"家事援助", "housework", "Housework help"},
    {"会食", "communal-meals", "Communal meals"},
    {"配食", "meal-delivery", "Meal delivery"},
    {"移動・外出支援", "transport", "Rides and outings"},
    {"子ども食堂", "kodomo-shokudo", "Children's cafeterias"},
    {"学習支援", "study-support", "Study support"},
    {"相談", "consultation", "Consultation"},
    {"介護予防・体操", "exercise", "Care prevention and exercise"},
    {"認知症カフェ", "dementia-cafe", "Dementia cafés"},
    {"多世代交流", "intergenerational", "Intergenerational exchange"},
    {"就労・社会参加", "work-participation", "Work and social participation"},
};

constexpr Term kForms[] = {
    {"ご近所", "neighbours", "Neighbours"},
    {"地縁組織", "neighbourhood-association", "Neighbourhood association"},
    {"居場所", "ibasho", "Place to belong"},
    {"地域通貨", "community-currency", "Community currency"},
    {"有償ボランティア", "paid-volunteers", "Honorarium volunteering"},
    {"非営利団体", "nonprofit", "Non-profit organisation"},
    {"営利団体の社会貢献", "corporate", "Company social contribution"},
};

constexpr Term kPlaceTypes[] = {
    {"単独", "standalone", "Standalone"},
    {"カフェ", "cafe", "Café"},
    {"自然発生", "spontaneous", "Spontaneous"},
    {"併設", "co-located", "Co-located in a care facility"},
    {"訪問型", "visiting", "Visiting"},
};

constexpr Term kTargets[] = {
    {"誰でも", "everyone", "Everyone"},
    {"多世代", "all-ages", "All generations"},
    {"高齢者", "older-people", "Older people"},
    {"一人暮らし", "living-alone", "People living alone"},
    {"認知症の人と家族", "dementia", "People with dementia and their families"},
    {"障がい者・障がい児", "disability", "People with disabilities"},
    {"子ども", "children", "Children"},
    {"子育て中の親子", "parents", "Parents and young children"},
    {"生活困窮者", "hardship", "People in financial hardship"},
    {"ひきこもり", "hikikomori", "Socially withdrawn people"},
    {"外国人", "foreign-residents", "Foreign residents"},
    {"男性", "men", "Men"},
    {"女性", "women", "Women"},
};

constexpr Term kFields[] = {
    {"高齢・介護", "elderly-care", "Older people and care"},
    {"障害", "disability", "Disability"},
    {"子ども・子育て", "children", "Children and child-rearing"},
    {"生活困窮", "hardship", "Financial hardship"},
    {"保健医療", "health", "Health and medical care"},
    {"就労", "work", "Work"},
    {"教育", "education", "Education"},
    {"住まい", "housing", "Housing"},
    {"防災", "disaster", "Disaster preparedness"},
    {"多文化共生", "multicultural", "Multicultural coexistence"},
    {"環境", "environment", "Environment"},
    {"まちづくり", "community-development", "Community development"},
};

constexpr Term kStatuses[] = {
    {"活動中", "active", "Active"},
    {"休止中", "paused", "Paused"},
    {"終了", "ended", "Ended"},
};

constexpr Term kLegalForms[] = {
    {"任意団体", "voluntary", "Voluntary association"},
    {"準備委員会", "preparatory", "Preparatory committee"},
    {"NPO法人", "npo", "NPO corporation"},
    {"認定NPO法人", "certified-npo", "Certified NPO corporation"},
    {"社会福祉法人", "social-welfare", "Social welfare corporation"},
    {"一般財団法人", "general-foundation", "General incorporated foundation"},
    {"公益財団法人", "public-interest-foundation", "Public interest incorporated foundation"},
    {"一般社団法人", "general-association", "General incorporated association"},
    {"公益社団法人", "public-interest-association", "Public interest incorporated association"},
    {"協同組合", "cooperative", "Cooperative"},
    {"株式会社", "company", "Stock company"},
    {"合同会社", "llc", "Limited liability company"},
    {"医療法人", "medical", "Medical corporation"},
    {"行政", "government", "Local government"},
    {"社協", "shakyo", "Council of Social Welfare"},
    {"地区社協", "district-shakyo", "District Council of Social Welfare"},
    {"自治会・町内会", "neighbourhood-association", "Neighbourhood association"},
};

constexpr Term kChannels[] = {
    {"電話", "phone", "Phone"},
    {"来所", "walk-in", "Walk-in"},
    {"訪問", "outreach", "Home visits"},
    {"メール", "email", "Email"},
    {"FAX", "fax", "Fax"},
    {"オンライン", "online", "Online"},
};

constexpr Term kAreaLevels[] = {
    {"市区町村", "municipality", "Municipality (tier 1)"},
    {"日常生活圏域", "district", "Daily-life area / junior-high school district (tier 2)"},
    {"地区", "neighbourhood", "Neighbourhood / elementary school district"},
    {"町内会", "community", "Neighbourhood association area"},
};

}  // namespace

std::span<const Term> terms(Vocabulary v) {
    switch (v) {
        case Vocabulary::content_type: return kContentTypes;
        case Vocabulary::form: return kForms;
        case Vocabulary::place_type: return kPlaceTypes;
        case Vocabulary::target_people: return kTargets;
        case Vocabulary::field: return kFields;
        case Vocabulary::status: return kStatuses;
        case Vocabulary::legal_form: return kLegalForms;
        case Vocabulary::channel: return kChannels;
        case Vocabulary::area_level: return kAreaLevels;
    }
    return {};
}

const Term* find_term(Vocabulary v, std::string_view label) {
    for (const Term& t : terms(v))
        if (t.label == label) return &t;
    return nullptr;
}

const Term* find_term_by_slug(Vocabulary v, std::string_view slug) {
    for (const Term& t : terms(v))
        if (t.slug == slug) return &t;
    return nullptr;
}

int term_index(Vocabulary v, std::string_view label) {
    auto ts = terms(v);
    for (size_t i = 0; i < ts.size(); ++i)
        if (ts[i].label == label) return static_cast<int>(i);
    return -1;
}

std::string known_labels(Vocabulary v) {
    std::string out;
    for (const Term& t : terms(v)) {
        if (!out.empty()) out += "、";
        out += t.label;
    }
    return out;
}

std::string_view vocabulary_name(Vocabulary v) {
    switch (v) {
        case Vocabulary::content_type: return "content_types";
        case Vocabulary::form: return "form";
        case Vocabulary::place_type: return "place_type";
        case Vocabulary::target_people: return "target_people";
        case Vocabulary::field: return "fields";
        case Vocabulary::status: return "status";
        case Vocabulary::legal_form: return "legal_form";
        case Vocabulary::channel: return "channels";
        case Vocabulary::area_level: return "level";
    }
    return "";
}

}  // namespace tsunagu
