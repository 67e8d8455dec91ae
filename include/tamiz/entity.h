// The entity model, aligned with FollowTheMoney: what every list parser produces and every
// later stage (text analysis, index, matching, scanning, graph) consumes. Plain data;
// immutable once inside a Snapshot, so safe to read from any number of threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tamiz {

enum class Schema : uint8_t {
  kUnknown = 0,
  kPerson,
  kOrganization,
  kCompany,
  kLegalEntity,
  kVessel,
  kAirplane,
};

// FtM schema name ("Person", ...). kUnknown maps to "LegalEntity"-agnostic "Thing".
std::string_view SchemaName(Schema s);
// Parses an FtM schema name, case-insensitively; nullopt when unknown.
std::optional<Schema> ParseSchema(std::string_view name);
// True for the schemata screened on the organization path (Organization, Company, LegalEntity).
bool IsOrganizationLike(Schema s);

enum class NameKind : uint8_t {
  kPrimary = 0,
  kStrongAlias,
  kWeakAlias,  // OFAC "weak a.k.a.", UN QUALITY=Low, UK "Low quality" alias
  kFormer,     // f.k.a. / former name
};
std::string_view NameKindName(NameKind k);

// A name as the list gives it. `full` is always set; the parts are filled when the source
// separates them (OFAC XML firstName/lastName, UN FIRST_NAME..FOURTH_NAME, UK Name 1..6).
struct Name {
  std::string full;
  NameKind kind = NameKind::kPrimary;
  std::string first;  // given names
  std::string middle;
  std::string last;    // family name(s)
  std::string script;  // ISO 15924 code when the source says so ("Cyrl", "Arab"), else empty
};

// A possibly partial date: year only, year-month, or full; or a year range ("1960 to 1965").
struct PartialDate {
  int year = 0;     // 0 = unknown
  int month = 0;    // 0 = unknown
  int day = 0;      // 0 = unknown
  int year_to = 0;  // > year for a range, else 0
  bool circa = false;
  std::string raw;  // the text the list gave

  // "1963-04-15", "1963-04", "1963" or "1960/1965" (range); "" when year is 0.
  std::string ToIso() const;
};

struct Identifier {
  std::string type;  // "Passport", "Cedula No.", "IMO", "Tax ID No.", ...
  std::string number;
  std::string country;  // as given by the list
  std::string note;     // e.g. "expires 02 Feb 2020", "issued ..."
};

struct Address {
  std::string street;
  std::string city;
  std::string postal_code;
  std::string region;
  std::string country;
  std::string full;  // one-line form
};

// Vessel particulars (OFAC remarks, UK/EU ship fields).
struct VesselInfo {
  std::string imo;
  std::string mmsi;
  std::string flag;
  std::string call_sign;
  std::string vessel_type;
  std::string tonnage;
  std::string owner;
};

enum class RelationType : uint8_t {
  kUnknownLink = 0,  // OFAC "Linked To:"
  kOwnership,
  kDirectorship,
  kFamily,
  kAssociate,
  kMembership,
  kOccupancy,
  kSanction,
};
std::string_view RelationTypeName(RelationType t);

// A directed link between two entities. `target_id` may be empty when the list names the
// target only by name (`target_name`) and it could not be resolved.
struct Relation {
  std::string source_id;
  std::string target_id;
  std::string target_name;
  RelationType type = RelationType::kUnknownLink;
  std::optional<double> percent;  // Ownership share in [0, 100]
  std::string role;               // "brother", "director", free text from the source
  std::string provenance;         // "us_ofac_sdn remarks of 24427", file:line, FtM id
};

struct Entity {
  std::string id;         // "<dataset>:<record id>", e.g. "us_ofac_sdn:24424"
  std::string dataset;    // "us_ofac_sdn"
  std::string record_id;  // "24424"
  Schema schema = Schema::kUnknown;
  std::string caption;  // display name (primary name as the list writes it)
  std::vector<Name> names;
  std::vector<PartialDate> birth_dates;
  std::vector<std::string> birth_places;
  std::vector<std::string> nationalities;
  std::vector<std::string> citizenships;
  std::vector<std::string> countries;  // other country links (address, jurisdiction)
  std::string gender;                  // "male", "female" or ""
  std::vector<Identifier> identifiers;
  std::vector<Address> addresses;
  std::vector<std::string> programs;
  std::vector<std::string> titles;     // honorifics / titles from the list
  std::vector<std::string> positions;  // "President of ...", designations
  std::vector<std::string> websites;
  std::vector<std::string> emails;
  std::vector<std::string> topics;          // "sanction", "role.pep", "crime", ...
  std::vector<std::string> sanctions_info;  // "Additional Sanctions Information - ..."
  std::optional<VesselInfo> vessel;
  std::string listed_on;  // ISO date when known
  std::string remarks;
  std::string source_ref;  // file:line (or XML path) where the record starts
};

// One loaded list file set.
struct ListVersion {
  std::string dataset;  // "us_ofac_sdn"
  std::string title;    // "OFAC Specially Designated Nationals"
  std::string format;   // "ofac-csv", "ofac-xml", "un-xml", ...
  std::string date;     // ISO date of the data (publish date or snapshot date)
  std::string path;     // directory or file it was read from
  std::vector<std::string> files;
  std::string sha256;  // of the main file (hex)
  size_t entity_count = 0;
  size_t relation_count = 0;
  size_t skipped = 0;  // records skipped in lenient mode
};

// What a parser returns: entities, relations and the version record.
struct ParsedList {
  ListVersion version;
  std::vector<Entity> entities;
  std::vector<Relation> relations;
  std::vector<std::string> warnings;  // one per skipped record or repaired field, file:line first
};

}  // namespace tamiz
