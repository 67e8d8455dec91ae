#include "update/config.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

namespace tamiz::update {
namespace {

TEST(UpdateConfig, ParsesSourcesAndDefaults) {
  auto c = ParseUpdateConfig(R"(
timeout_seconds = 1.5
[[source]]
dataset = "us_ofac_sdn"
files = ["https://example.org/ofac/sdn.csv", "https://example.org/ofac/add.csv"]
max_bytes = 1000
)",
                             "sources.toml");
  ASSERT_TRUE(c.ok()) << c.status().message();
  ASSERT_EQ(c->sources.size(), 1u);
  EXPECT_EQ(c->sources[0].dataset, "us_ofac_sdn");
  ASSERT_EQ(c->sources[0].files.size(), 2u);
  EXPECT_EQ(c->sources[0].files[1].name, "add.csv");
  EXPECT_EQ(c->sources[0].max_bytes, 1000u);
  EXPECT_DOUBLE_EQ(c->timeout_seconds, 1.5);
  EXPECT_FALSE(c->allow_http);
  EXPECT_DOUBLE_EQ(c->max_drop, 0.20);
  EXPECT_EQ(c->keep_versions, 3);
}

TEST(UpdateConfig, FileNameFromTableOverridesUrl) {
  auto c = ParseUpdateConfig(R"(
[[source]]
dataset = "eu_fsf"
files = [{ url = "https://example.org/files/content?token=x", name = "export.xml" }]
)",
                             "s.toml");
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->sources[0].files[0].name, "export.xml");
}

TEST(UpdateConfig, UrlWithoutFileNameNeedsAName) {
  auto c = ParseUpdateConfig(R"(
[[source]]
dataset = "eu_fsf"
files = ["https://example.org/"]
)",
                             "s.toml");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("s.toml:2: source 1 (eu_fsf): cannot use ''"),
            std::string::npos)
      << c.status().message();
}

TEST(UpdateConfig, PlainHttpNeedsAllowHttp) {
  const char* body = R"(
[[source]]
dataset = "un_sc"
files = ["http://127.0.0.1:8080/consolidated.xml"]
)";
  auto refused = ParseUpdateConfig(body, "s.toml");
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("only https is allowed"), std::string::npos);
  auto allowed = ParseUpdateConfig(std::string("allow_http = true\n") + body, "s.toml");
  EXPECT_TRUE(allowed.ok()) << allowed.status().message();
}

TEST(UpdateConfig, SyntaxErrorNamesFileAndLine) {
  auto c =
      ParseUpdateConfig("[[source]]\ndataset = \"x\"\nfiles = [\"https://a/b.csv\"\n", "bad.toml");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().message().rfind("bad.toml:", 0), 0u) << c.status().message();
}

TEST(UpdateConfig, RejectsBadSources) {
  struct Case {
    const char* toml;
    const char* error;
  } cases[] = {
      {"", "no [[source]] entries"},
      {"[[source]]\nfiles = [\"https://a/b.csv\"]\n", "'dataset' must be"},
      {"[[source]]\ndataset = \"../etc\"\nfiles = [\"https://a/b.csv\"]\n", "'dataset' must be"},
      {"[[source]]\ndataset = \"x\"\nfiles = []\n", "'files' must be a non-empty array"},
      {"[[source]]\ndataset = \"x\"\nfiles = [\"ftp://a/b.csv\"]\n", "is not an http(s) URL"},
      {"[[source]]\ndataset = \"x\"\nfiles = [\"https://a/b.csv\", \"https://c/b.csv\"]\n",
       "two files are both named 'b.csv'"},
      {"[[source]]\ndataset = \"x\"\nfiles = [\"https://a/manifest.json\"]\n", "cannot use"},
      {"[[source]]\ndataset = \"x\"\nfiles = [\"https://a/b.csv\"]\nmax_bytes = -1\n",
       "'max_bytes' must be a positive integer"},
      {"max_drop = 2.0\n[[source]]\ndataset = \"x\"\nfiles = [\"https://a/b.csv\"]\n",
       "'max_drop' must be a fraction"},
      {"[[source]]\ndataset = \"x\"\nfiles = [\"https://a/b.csv\"]\n"
       "[[source]]\ndataset = \"x\"\nfiles = [\"https://a/c.csv\"]\n",
       "dataset 'x' is configured twice"},
  };
  for (const auto& c : cases) {
    auto r = ParseUpdateConfig(c.toml, "s.toml");
    ASSERT_FALSE(r.ok()) << c.toml;
    EXPECT_NE(r.status().message().find(c.error), std::string::npos)
        << c.toml << " -> " << r.status().message();
  }
}

TEST(UpdateConfig, UrlFileName) {
  EXPECT_EQ(UrlFileName("https://www.treasury.gov/ofac/downloads/sdn.csv"), "sdn.csv");
  EXPECT_EQ(UrlFileName("https://a.org/x/consolidated.xml?x=1#f"), "consolidated.xml");
  EXPECT_EQ(UrlFileName("https://a.org"), "");
  EXPECT_EQ(UrlFileName("https://a.org/"), "");
}

TEST(UpdateConfig, BundledSourcesCoverEveryOfficialListOverHttps) {
  auto c = LoadUpdateConfig(std::filesystem::path(TAMIZ_SOURCE_DIR) / "data" / "sources.toml");
  ASSERT_TRUE(c.ok()) << c.status().message();
  std::set<std::string> datasets;
  for (const auto& s : c->sources) {
    datasets.insert(s.dataset);
    for (const auto& f : s.files) EXPECT_EQ(f.url.rfind("https://", 0), 0u) << f.url;
  }
  EXPECT_EQ(datasets, (std::set<std::string>{"us_ofac_sdn", "us_ofac_cons", "un_sc", "gb_hmt",
                                             "gb_fcdo", "ca_sema", "us_trade_csl", "eu_fsf"}));
  EXPECT_FALSE(c->allow_http);
  for (const auto& s : c->sources) {
    if (s.dataset == "us_ofac_sdn") {
      ASSERT_EQ(s.files.size(), 4u);
      EXPECT_EQ(s.files[0].name, "sdn.csv");
    }
  }
}

}  // namespace
}  // namespace tamiz::update
