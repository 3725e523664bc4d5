#include "datamodel/EntityKind.h"

namespace twin::datamodel {

std::string_view entityKindName(EntityKind kind) {
    for (const EntityKindInfo& info : kEntityKinds)
        if (info.kind == kind)
            return info.name;
    return "unknown";
}

std::optional<EntityKind> entityKindFromCode(int code) {
    for (const EntityKindInfo& info : kEntityKinds)
        if (static_cast<int>(info.kind) == code)
            return info.kind;
    return std::nullopt;
}

std::optional<EntityKind> entityKindFromName(std::string_view name) {
    for (const EntityKindInfo& info : kEntityKinds)
        if (info.name == name)
            return info.kind;
    return std::nullopt;
}

} // namespace twin::datamodel
