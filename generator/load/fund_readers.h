// Readers for the 助け合い基金 records: data/funds/, data/fund-years/, data/grants/ (README
// "助け合い基金"). Field-level problems (a decimal amount, an unknown key) are reported here;
// whether the books balance is check/fund_check's job.
#pragma once

#include "load/field_reader.h"
#include "model/fund.h"

namespace tsunagu {

Fund read_fund(FieldReader& r);
FundYear read_fund_year(FieldReader& r);
Grant read_grant(FieldReader& r);

}  // namespace tsunagu
