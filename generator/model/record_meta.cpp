#include "model/records.h"

#include <cstring>

namespace tsunagu {

SourcePos field_position(const RecordMeta& meta, std::string_view field, int index) {
    for (const FieldPos& f : meta.field_pos)
        if (field == f.field && f.index == index) return SourcePos{meta.pos.file, f.line, f.column};
    return meta.pos;
}

}  // namespace tsunagu
