#include "eventline/input.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace eventline {
namespace {

namespace fs = std::filesystem;

// A temporary directory removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "eventline_input_XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string Write(const std::string& rel, std::string_view bytes) const {
    const fs::path p = fs::path(path_) / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p.string();
  }
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  std::string path_;
};

struct Run {
  std::vector<Document> docs;
  std::vector<Diagnostic> diags;
  InputStats stats;
  std::size_t known = 0;
};

Run ReadAll(std::vector<std::string> paths, InputOptions options = {}) {
  DiagnosticSink sink;
  InputReader reader(std::move(paths), options, sink);
  Run run;
  run.known = reader.known_total_bytes();
  Document doc;
  while (reader.Next(doc)) run.docs.push_back(doc);
  run.diags = sink.diagnostics();
  run.stats = reader.stats();
  return run;
}

std::vector<std::string> Rendered(const Run& run) {
  std::vector<std::string> out;
  for (const auto& d : run.diags) out.push_back(Render(d));
  return out;
}

constexpr std::string_view kNoDate =
    "warning: no publication date; relative dates stay unresolved\n";

TEST_CASE("input: directories are walked in sorted order, hidden entries skipped", "[input]") {
  TempDir dir;
  dir.Write("b/2.txt", "Second file.");
  dir.Write("b/10.txt", "Tenth file.");
  dir.Write("a.txt", "First file.");
  dir.Write(".hidden.txt", "Hidden.");
  dir.Write(".git/HEAD", "ref: refs/heads/main");
  dir.Write("c/.svn/entries", "x");
  dir.Write("c/2021-04-05_note.txt", "Dated by name.");
  // A loop: c/back -> the top directory.
  fs::create_directory_symlink(dir.path(), fs::path(dir.path()) / "c" / "back");

  const Run run = ReadAll({dir.path()});
  std::vector<std::string> ids;
  for (const auto& d : run.docs) ids.push_back(d.doc_id.substr(dir.path().size() + 1));
  CHECK(ids == std::vector<std::string>{"a.txt", "b/10.txt", "b/2.txt", "c/2021-04-05_note.txt"});
  CHECK(run.stats.documents == 4);
  CHECK(run.stats.failed == 0);
  CHECK(run.known == 11 + 11 + 12 + 14);
  REQUIRE(run.docs.size() == 4);
  CHECK(run.docs[0].file == run.docs[0].doc_id);
  CHECK(run.docs[3].pub_date_source == PubDateSource::kFileName);
  CHECK(FormatIsoDate(*run.docs[3].pub_date) == "2021-04-05");
  // Three undated documents, one warning each.
  CHECK(run.diags.size() == 3);
}

TEST_CASE("input: odd files", "[input]") {
  TempDir dir;
  const std::string empty = dir.Write("empty.txt", "");
  const std::string bom = dir.Write("bom.txt", "\xEF\xBB\xBFWith a mark.");
  const std::string crlf = dir.Write("crlf.txt", "Line one.\r\nLine two.\r\n");
  const std::string bad = dir.Write("bad.txt", "Caf\xE9 menu.");
  std::string binary_bytes = "PK";
  binary_bytes += '\0';
  binary_bytes += "junk";
  const std::string binary = dir.Write("blob.txt", binary_bytes);
  const std::string missing = dir.path() + "/nope.txt";

  const Run run = ReadAll({empty, bom, crlf, bad, binary, missing}, {InputFormat::kAuto, {}});
  REQUIRE(run.docs.size() == 4);
  CHECK(run.docs[0].text.empty());
  CHECK(run.docs[1].text == "With a mark.");
  CHECK(run.docs[2].text == "Line one.\r\nLine two.\r\n");
  CHECK(run.docs[3].text == "Caf\xE9 menu.");
  CHECK(run.docs[3].had_invalid_utf8);
  CHECK_FALSE(run.docs[2].had_invalid_utf8);
  CHECK(run.stats.skipped == 1);
  CHECK(run.stats.failed == 1);
  CHECK(run.stats.bytes == 0 + 12 + 22 + 10);

  const std::vector<std::string> want = {
      "eventline: " + empty + ": " + std::string(kNoDate),
      "eventline: " + bom + ": " + std::string(kNoDate),
      "eventline: " + crlf + ": " + std::string(kNoDate),
      "eventline: " + bad + ": warning: invalid UTF-8; bytes kept as read\n",
      "eventline: " + bad + ": " + std::string(kNoDate),
      "eventline: " + binary + ": warning: binary file, skipped\n",
      "eventline: " + missing + ": error: cannot read: No such file or directory\n",
  };
  CHECK(Rendered(run) == want);
}

TEST_CASE("input: JSONL records, broken lines and date fields", "[input]") {
  TempDir dir;
  const std::string path = dir.Write(
      "feed.jsonl",
      "{\"id\": \"r1\", \"date\": \"2023-06-30T00:00:08+00:00\", \"text\": \"One.\", "
      "\"title\": \"T1\", \"url\": \"https://example.org/1\"}\n"
      "{\"id\": \"r2\", \"date\": \"2022-01-01 11:38:22.70089\", \"text\": \"Two\n"  // cut short
      "   \n"  // blank lines are skipped silently
      "{\"id\": \"r3\", \"published\": \"2022-01-01 00:02:08+00:00\", \"text\": \"Three.\"}\r\n"
      "{\"id\": \"r4\", \"date\": \"2021-05-06\"}\n"
      "{\"published_at\": \"2020-02-02\", \"text\": \"No id.\"}\n"
      "[1, 2]\n"
      "{\"id\": \"r7\", \"date\": \"\", \"text\": \"Published 9 March 2019\\nBody.\"}\n"
      "{\"id\": \"r8\", \"date\": \"soon\", \"text\": \"Undated.\"}");
  const Run run = ReadAll({path});
  REQUIRE(run.docs.size() == 5);
  CHECK(run.docs[0].doc_id == "r1");
  CHECK(run.docs[0].file == path + ":1");
  CHECK(run.docs[0].title == "T1");
  CHECK(run.docs[0].url == "https://example.org/1");
  CHECK(FormatIsoDate(*run.docs[0].pub_date) == "2023-06-30");
  CHECK(run.docs[0].pub_date_source == PubDateSource::kField);
  CHECK(run.docs[1].doc_id == "r3");
  CHECK(run.docs[1].file == path + ":4");
  CHECK(FormatIsoDate(*run.docs[1].pub_date) == "2022-01-01");
  // No id: content-derived, the same in every shard of a parallel run.
  CHECK(run.docs[2].doc_id.rfind("xxh-", 0) == 0);
  CHECK(run.docs[2].doc_id.size() == 20);
  CHECK(run.docs[2].file == path + ":6");
  CHECK(FormatIsoDate(*run.docs[2].pub_date) == "2020-02-02");
  CHECK(run.docs[3].doc_id == "r7");
  CHECK(run.docs[3].text == "Published 9 March 2019\nBody.");
  CHECK(run.docs[3].pub_date_source == PubDateSource::kText);
  CHECK(FormatIsoDate(*run.docs[3].pub_date) == "2019-03-09");
  CHECK(run.docs[4].pub_date_source == PubDateSource::kNone);
  CHECK(run.stats.failed == 3);  // lines 2, 5 and 7

  const auto rendered = Rendered(run);
  REQUIRE(rendered.size() == 5);
  CHECK(rendered[0].rfind("eventline: " + path + ":2: error: malformed JSON: ", 0) == 0);
  CHECK(rendered[1] == "eventline: " + path + ":5: error: record has no 'text' string\n");
  CHECK(rendered[2] ==
        "eventline: " + path + ":7: error: malformed JSON: a record must be an object\n");
  CHECK(rendered[3] ==
        "eventline: " + path + ":9: warning: unrecognised date 'soon' in field 'date'\n");
  CHECK(rendered[4] == "eventline: " + path + ":9: " + std::string(kNoDate));
}

TEST_CASE("input: publication date order is field, flag, text, file name", "[input]") {
  TempDir dir;
  const std::string named = dir.Write("2020-01-02_story.txt", "Text without a date line.");
  const std::string both = dir.Write("2020-01-03_x.txt", "Published 4 January 2020\nText.");
  const std::string jsonl = dir.Write("2020-01-05.jsonl",
                                      "{\"id\": \"j\", \"date\": \"2020-01-06\", \"text\": \"x\"}\n"
                                      "{\"id\": \"k\", \"text\": \"x\"}\n");
  {
    const Run run = ReadAll({named, both, jsonl});
    REQUIRE(run.docs.size() == 4);
    CHECK(run.docs[0].pub_date_source == PubDateSource::kFileName);
    CHECK(run.docs[1].pub_date_source == PubDateSource::kText);
    CHECK(FormatIsoDate(*run.docs[1].pub_date) == "2020-01-04");
    CHECK(run.docs[2].pub_date_source == PubDateSource::kField);
    // A JSONL file name dates no record: it holds many articles.
    CHECK(run.docs[3].pub_date_source == PubDateSource::kNone);
  }
  {
    InputOptions options;
    options.pub_date = ParseIsoDate("2019-12-31");
    const Run run = ReadAll({named, both, jsonl}, options);
    REQUIRE(run.docs.size() == 4);
    CHECK(run.docs[0].pub_date_source == PubDateSource::kFlag);
    CHECK(run.docs[1].pub_date_source == PubDateSource::kFlag);
    CHECK(run.docs[2].pub_date_source == PubDateSource::kField);
    CHECK(run.docs[3].pub_date_source == PubDateSource::kFlag);
    CHECK(FormatIsoDate(*run.docs[3].pub_date) == "2019-12-31");
    CHECK(run.diags.empty());
  }
}

TEST_CASE("input: --input jsonl forces JSONL, text forces one document", "[input]") {
  TempDir dir;
  const std::string path = dir.Write("records.txt", "{\"id\": \"a\", \"text\": \"A.\"}\n");
  CHECK(ReadAll({path}, {InputFormat::kJsonl, {}}).docs.at(0).doc_id == "a");
  const std::string jl = dir.Write("x.jsonl", "{\"id\": \"a\", \"text\": \"A.\"}\n");
  CHECK(ReadAll({jl}, {InputFormat::kText, {}}).docs.at(0).doc_id == jl);
}

TEST_CASE("input: long JSONL lines cross read chunks", "[input]") {
  TempDir dir;
  std::string body(200000, 'w');
  std::string content;
  for (int i = 0; i < 3; ++i) {
    content += "{\"id\": \"n" + std::to_string(i) + "\", \"date\": \"2022-02-02\", \"text\": \"" +
               body + "\"}\n";
  }
  const Run run = ReadAll({dir.Write("big.jsonl", content)});
  REQUIRE(run.docs.size() == 3);
  for (const auto& d : run.docs) CHECK(d.text.size() == body.size());
  CHECK(run.docs[2].doc_id == "n2");
  CHECK(run.diags.empty());
}

TEST_CASE("ToString(PubDateSource)", "[input]") {
  CHECK(ToString(PubDateSource::kNone) == "none");
  CHECK(ToString(PubDateSource::kField) == "field");
  CHECK(ToString(PubDateSource::kFlag) == "flag");
  CHECK(ToString(PubDateSource::kText) == "text");
  CHECK(ToString(PubDateSource::kFileName) == "filename");
}

}  // namespace
}  // namespace eventline

namespace eventline {
namespace {

TEST_CASE("input: a JSONL id or date of the wrong type is reported, not dropped", "[input]") {
  // Before the fix a numeric date was ignored without a word (only "no
  // publication date" followed) and an object id silently became a hash.
  TempDir dir;
  const std::string path = dir.Write(
      "types.jsonl",
      "{\"id\": {\"n\": 1}, \"date\": 20230514, \"text\": \"One.\"}\n"
      "{\"id\": \"r2\", \"date\": null, \"published\": [2023], \"published_at\": \"2023-05-14\", "
      "\"text\": \"Two.\"}\n"
      "{\"id\": 7, \"date\": \"2023-05-14\", \"text\": \"Three.\"}\n");
  const Run run = ReadAll({path});
  REQUIRE(run.docs.size() == 3);
  CHECK(run.docs[0].doc_id.rfind("xxh-", 0) == 0);
  CHECK(run.docs[1].doc_id == "r2");
  CHECK(FormatIsoDate(*run.docs[1].pub_date) == "2023-05-14");
  CHECK(run.docs[2].doc_id == "7");
  const std::vector<std::string> want = {
      "eventline: " + path +
          ":1: warning: 'id' is not a string or an integer (an object); using a content hash\n",
      "eventline: " + path + ":1: warning: field 'date' is not a string (a number); ignored\n",
      "eventline: " + path + ":1: " + std::string(kNoDate),
      "eventline: " + path + ":2: warning: field 'published' is not a string (a list); ignored\n",
  };
  CHECK(Rendered(run) == want);
}

}  // namespace
}  // namespace eventline

namespace eventline {
namespace {

TEST_CASE("input: a FIFO found in a directory walk is reported and counted as skipped", "[input]") {
  // It used to vanish from the run: no diagnostic, not in the -v accounting.
  TempDir dir;
  const std::string doc = dir.Write("a.txt", "Published 9 March 2019\nTroops left.");
  const std::string fifo = dir.path() + "/b.pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const Run run = ReadAll({dir.path()});
  REQUIRE(run.docs.size() == 1);
  CHECK(run.docs[0].doc_id == doc);
  CHECK(run.stats.skipped == 1);
  CHECK(run.stats.failed == 0);
  CHECK(Rendered(run) ==
        std::vector<std::string>{"eventline: " + fifo +
                                 ": warning: not a regular file (a FIFO), skipped\n"});
}

}  // namespace
}  // namespace eventline
