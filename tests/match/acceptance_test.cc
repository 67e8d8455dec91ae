// The acceptance queries of issue 3 against the bundled lists (data/lists), so CI guards them.
#include <gtest/gtest.h>

#include "index/snapshot.h"
#include "screen/query_parse.h"
#include "tamiz/engine.h"

namespace tamiz {
namespace {

class Acceptance : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    EngineOptions o;
    o.data_dir = TAMIZ_SOURCE_DIR "/data";
    auto e = Engine::Open(o);
    ASSERT_TRUE(e.ok()) << e.status().message();
    engine_ = std::move(e).value().release();
  }
  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
  }

  static ScreenResult Screen(const std::string& name, std::optional<Schema> schema = {}) {
    Query q;
    q.names.push_back(name);
    q.schema = schema;
    return engine_->Screen(q);
  }

  static void ExpectFirst(const std::string& name, const std::string& id) {
    auto r = Screen(name);
    ASSERT_FALSE(r.hits.empty()) << name;
    EXPECT_EQ(r.hits[0].entity->id, id) << name;
    EXPECT_TRUE(r.hits[0].match) << name << " scored " << r.hits[0].score;
  }

  static void ExpectNoMatch(const std::string& name, std::optional<Schema> schema = {}) {
    auto r = Screen(name, schema);
    for (const auto& h : r.hits) {
      EXPECT_FALSE(h.match) << name << " matched " << h.entity->id << " (" << h.matched_name
                            << ") at " << h.score;
    }
  }

  static Engine* engine_;
};

Engine* Acceptance::engine_ = nullptr;

TEST_F(Acceptance, ListedPersonsComeFirst) {
  ExpectFirst("Diosdado Cabello", "us_ofac_sdn:24424");
  ExpectFirst("Tarek El Aissami", "us_ofac_sdn:20250");
  ExpectFirst("Nicolás Maduro", "us_ofac_sdn:22790");
}

TEST_F(Acceptance, VariantsTyposAndScriptsComeFirst) {
  ExpectFirst("Diosdado Cabelo", "us_ofac_sdn:24424");
  ExpectFirst("Tareck El-Aissami", "us_ofac_sdn:20250");
  ExpectFirst("Олег Дерипаска", "us_ofac_sdn:24283");
}

TEST_F(Acceptance, CompaniesWithLegalFormsComeFirst) {
  ExpectFirst("NOOR PLANTATION INVESTMENTS, L.L.C.", "us_ofac_sdn:24429");
  ExpectFirst("SAI Advisors Incorporated", "us_ofac_sdn:24428");
}

TEST_F(Acceptance, DobAndCountryExplained) {
  Query q;
  q.names.push_back("CABELLO RONDÓN, Diosdado");
  auto d = screen::ParseQueryDate("1963-04-15");
  ASSERT_TRUE(d.ok());
  q.birth_dates.push_back(*d);
  q.countries.push_back("VE");
  auto r = engine_->Screen(q);
  ASSERT_FALSE(r.hits.empty());
  const Hit& h = r.hits[0];
  EXPECT_EQ(h.entity->id, "us_ofac_sdn:24424");
  EXPECT_TRUE(h.match);
  bool dob = false, country = false;
  for (const auto& f : h.explanation) {
    if (f.feature == "dob") dob = f.score == 1.0;
    if (f.feature == "country") country = f.score == 1.0;
  }
  EXPECT_TRUE(dob);
  EXPECT_TRUE(country);
}

TEST_F(Acceptance, NamesakesDoNotMatch) {
  ExpectNoMatch("Roger Noriega", Schema::kPerson);
  ExpectNoMatch("Marco Rubio");
  ExpectNoMatch("Douglas Farah");
  ExpectNoMatch("Siemens AG");
}

TEST_F(Acceptance, DifferentDobLowersTheScore) {
  auto score_of = [](const ScreenResult& r, const std::string& id) {
    for (const auto& h : r.hits) {
      if (h.entity->id == id) return h.score;
    }
    return -1.0;
  };
  Query q;
  q.names.push_back("Diosdado Cabello");
  auto same = engine_->Screen(q);
  auto d = screen::ParseQueryDate("1990-01-01");
  ASSERT_TRUE(d.ok());
  q.birth_dates.push_back(*d);
  auto other = engine_->Screen(q);
  const double before = score_of(same, "us_ofac_sdn:24424");
  const double after = score_of(other, "us_ofac_sdn:24424");
  ASSERT_GT(before, 0.0);
  EXPECT_LT(after, before);
}

TEST_F(Acceptance, ExactIdentifierIsStrongEvidence) {
  const Entity* e = engine_->snapshot()->Find("us_ofac_sdn:24424");
  ASSERT_NE(e, nullptr);
  if (e->identifiers.empty()) GTEST_SKIP() << "no identifiers parsed";
  Query q;
  q.names.push_back("Someone Else Entirely");
  q.identifiers.push_back(e->identifiers[0].number);
  auto r = engine_->Screen(q);
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].entity->id, "us_ofac_sdn:24424");
  EXPECT_TRUE(r.hits[0].match);
}

}  // namespace
}  // namespace tamiz
