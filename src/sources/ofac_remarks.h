// Helpers shared by the OFAC parsers (legacy CSV, classic XML, advanced XML, enhanced XML):
// the grammar of the free-text "remarks" field, OFAC date forms, name splitting, program lists
// and in-list resolution of "Linked To:" targets. See docs/formats/ofac-sdn-csv.md for the
// grammar. Pure functions; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tamiz/entity.h"

namespace tamiz::sources::ofac {

// `s` without leading/trailing ASCII whitespace.
std::string_view TrimView(std::string_view s);
inline std::string Trim(std::string_view s) { return std::string(TrimView(s)); }

// True for the OFAC null marker "-0-" (with or without the trailing space) and for blanks.
bool IsNull(std::string_view field);

// Appends `value` to `v` unless it is empty or already present.
void PushUnique(std::vector<std::string>& v, std::string_view value);

// Maps an OFAC type ("individual", "Individual", "vessel", "aircraft", "-0-", "Entity") to a
// schema: Person, Vessel, Airplane, else Organization.
Schema OfacSchema(std::string_view sdn_type);

// Splits the CSV Program field: "VENEZUELA] [IRAN-CON-ARMS-EO" -> {VENEZUELA, IRAN-CON-ARMS-EO}.
std::vector<std::string> SplitPrograms(std::string_view field);

// A Name whose `full` is `full` as listed; for persons "LAST, First Middle" also fills
// last ("LAST") and first ("First Middle").
Name MakeName(std::string_view full, NameKind kind, bool person);

// Adds a name from a list's name fields unless the entity already has a name with the same
// `full` text (lists repeat the primary name as an a.k.a.); a primary name upgrades an
// existing alias with that text.
void AddListedName(Entity& e, Name n);

// Parses an OFAC date: "12 Nov 1974", "Nov 1962", "1962", "circa 1960", "1960 to 1965",
// "circa 1960-1965", "01 Jan 1960 to 31 Dec 1962", ISO "1974-11-12". nullopt when no year.
std::optional<PartialDate> ParseOfacDate(std::string_view text);

// Splits remarks on ';' outside parentheses; items are trimmed, empty ones dropped, and the
// final '.' of the whole remark is removed (see the doc for the "S.A." exception).
std::vector<std::string> SplitRemarks(std::string_view remarks);

// Parses one identifier remark item ("Passport A0237802 (Venezuela) expires 02 Feb 2020");
// nullopt when the item is not an identifier.
std::optional<Identifier> ParseIdentifierItem(std::string_view item);

// When `id.country` is empty and the number ends in " (<country>)" (an upstream quirk of the
// OFAC XML exports: "33556474 (Russia)"), moves the country out of the number.
void SplitCountryFromNumber(Identifier& id);

// Adds the structured facts found in `remarks` to `e` (birth dates, places, nationality,
// citizenship, gender, identifiers, vessel data, weak aliases, websites, emails, sanctions
// information) without duplicating values already present, and appends one kUnknownLink
// Relation per "Linked To:" item to `relations`. Does not touch e.remarks.
void ApplyRemarks(std::string_view remarks, Entity& e, std::vector<Relation>& relations);

// Applies one structured (type, value) pair from an XML list ("Website", "www.x.com";
// "Gender", "Male"; "Secondary sanctions risk:", "...") as the remark item "type value".
// Returns false, changing nothing, when it is not a known non-identifier fact; the caller
// then treats it as an identifier.
bool ApplyFact(std::string_view type, std::string_view value, Entity& e,
               std::vector<Relation>& relations);

// Applies an XML vessel feature ("Vessel Call Sign", "VESSEL TYPE", "Vessel Flag", "Vessel
// Owner", "Vessel Tonnage", "Vessel Gross Registered Tonnage"; case-insensitive) to
// e.vessel. Returns false, changing nothing, for any other type.
bool ApplyVesselFeature(std::string_view type, std::string_view value, Entity& e);

// Sets target_id of every relation whose target_name is the primary name or an alias of an
// entity in `entities` (case-insensitive; a final '.' dropped by the remarks split is tried
// back). Returns the number of relations resolved.
size_t ResolveRelations(const std::vector<Entity>& entities, std::vector<Relation>& relations);

}  // namespace tamiz::sources::ofac
