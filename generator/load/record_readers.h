// One reader per record kind: YAML mapping → plain struct, through FieldReader.
#pragma once

#include "load/field_reader.h"
#include "model/records.h"
#include "model/site.h"

namespace tsunagu {

Area read_area(FieldReader& r);
Organization read_organization(FieldReader& r);
Activity read_activity(FieldReader& r);
ConsultationPoint read_consultation_point(FieldReader& r);
Difficulty read_difficulty(FieldReader& r);
SiteConfig read_site_config(FieldReader& r);

// Parts several record kinds share.
void read_legal_form_history(FieldReader& r, std::vector<LegalFormChange>& out);
// Photos under `key` ({src, alt, credit}); a src that could leave static/ is an error.
void read_photos(FieldReader& r, std::vector<Photo>& out, const char* key);

}  // namespace tsunagu
