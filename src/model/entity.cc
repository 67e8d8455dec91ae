#include "tamiz/entity.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace tamiz {

namespace {
bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}
}  // namespace

std::string_view SchemaName(Schema s) {
  switch (s) {
    case Schema::kPerson:
      return "Person";
    case Schema::kOrganization:
      return "Organization";
    case Schema::kCompany:
      return "Company";
    case Schema::kLegalEntity:
      return "LegalEntity";
    case Schema::kVessel:
      return "Vessel";
    case Schema::kAirplane:
      return "Airplane";
    case Schema::kUnknown:
      break;
  }
  return "Thing";
}

std::optional<Schema> ParseSchema(std::string_view name) {
  static constexpr std::array<Schema, 7> kAll = {
      Schema::kPerson, Schema::kOrganization, Schema::kCompany, Schema::kLegalEntity,
      Schema::kVessel, Schema::kAirplane,     Schema::kUnknown};
  for (Schema s : kAll) {
    if (EqualsIgnoreCase(name, SchemaName(s))) return s;
  }
  if (EqualsIgnoreCase(name, "individual")) return Schema::kPerson;
  if (EqualsIgnoreCase(name, "entity")) return Schema::kLegalEntity;
  if (EqualsIgnoreCase(name, "aircraft")) return Schema::kAirplane;
  return std::nullopt;
}

bool IsOrganizationLike(Schema s) {
  return s == Schema::kOrganization || s == Schema::kCompany || s == Schema::kLegalEntity;
}

std::string_view NameKindName(NameKind k) {
  switch (k) {
    case NameKind::kPrimary:
      return "primary";
    case NameKind::kStrongAlias:
      return "alias";
    case NameKind::kWeakAlias:
      return "weak_alias";
    case NameKind::kFormer:
      return "former_name";
  }
  return "primary";
}

std::string_view RelationTypeName(RelationType t) {
  switch (t) {
    case RelationType::kUnknownLink:
      return "UnknownLink";
    case RelationType::kOwnership:
      return "Ownership";
    case RelationType::kDirectorship:
      return "Directorship";
    case RelationType::kFamily:
      return "Family";
    case RelationType::kAssociate:
      return "Associate";
    case RelationType::kMembership:
      return "Membership";
    case RelationType::kOccupancy:
      return "Occupancy";
    case RelationType::kSanction:
      return "Sanction";
  }
  return "UnknownLink";
}

std::string PartialDate::ToIso() const {
  if (year <= 0) return "";
  if (year_to > year) return fmt::format("{:04d}/{:04d}", year, year_to);
  if (month <= 0) return fmt::format("{:04d}", year);
  if (day <= 0) return fmt::format("{:04d}-{:02d}", year, month);
  return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
}

}  // namespace tamiz
