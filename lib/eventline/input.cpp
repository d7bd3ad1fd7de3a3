#include "eventline/input.h"

#include <fmt/format.h>
#include <simdjson.h>
#include <sys/stat.h>
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <set>
#include <utility>

#include "eventline/pubdate.h"
#include "eventline/utf8.h"

namespace eventline {

namespace {

constexpr std::size_t kBinaryProbeBytes = 8192;
constexpr std::size_t kChunkBytes = 1 << 16;
constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kNoDateMessage = "no publication date; relative dates stay unresolved";

// Reads a FILE* in chunks; hands out whole lines or the whole rest. Memory is
// bounded by the longest line plus one chunk. Does not own the FILE*.
class ChunkReader {
 public:
  explicit ChunkReader(std::FILE* f) : file_(f) {}

  // Makes at least `n` bytes available unless the stream ends first.
  std::string_view Peek(std::size_t n) {
    while (buf_.size() - pos_ < n && Fill()) {
    }
    return std::string_view(buf_).substr(pos_, std::min(n, buf_.size() - pos_));
  }

  // Next line without its '\n'; false at the end of the stream.
  bool ReadLine(std::string& line) {
    std::size_t scan = pos_;
    for (;;) {
      const std::size_t nl = buf_.find('\n', scan);
      if (nl != std::string::npos) {
        line.assign(buf_, pos_, nl - pos_);
        pos_ = nl + 1;
        return true;
      }
      scan = buf_.size();
      if (!Fill()) break;
      scan -= consumed_;  // Fill() dropped the bytes before pos_
    }
    if (pos_ >= buf_.size()) return false;
    line.assign(buf_, pos_, std::string::npos);
    pos_ = buf_.size();
    return true;
  }

  // Everything left in the stream.
  void ReadAll(std::string& out) {
    while (Fill()) {
    }
    out.assign(buf_, pos_, std::string::npos);
    pos_ = buf_.size();
  }

  [[nodiscard]] bool error() const { return error_ != 0; }
  [[nodiscard]] int error_number() const { return error_; }

 private:
  bool Fill() {
    if (eof_) return false;
    consumed_ = pos_;
    if (pos_ > 0) {
      buf_.erase(0, pos_);
      pos_ = 0;
    }
    const std::size_t old = buf_.size();
    buf_.resize(old + kChunkBytes);
    const std::size_t got = std::fread(buf_.data() + old, 1, kChunkBytes, file_);
    buf_.resize(old + got);
    if (got < kChunkBytes) {
      if (std::ferror(file_)) error_ = errno != 0 ? errno : EIO;
      eof_ = true;
    }
    return got > 0;
  }

  std::FILE* file_;
  std::string buf_;
  std::size_t pos_ = 0;
  std::size_t consumed_ = 0;
  bool eof_ = false;
  int error_ = 0;
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string ErrnoText(int e) { return std::strerror(e); }

struct Entry {
  std::string path;     // as named or found
  std::string error;    // non-empty: report this instead of reading
  std::string warning;  // non-empty: skip with this warning
};

}  // namespace

struct InputReader::Impl {
  Impl(std::vector<std::string> paths_in, InputOptions opts, DiagnosticSink& s)
      : options(opts), sink(s) {
    if (paths_in.empty()) paths_in.emplace_back("-");
    for (auto& p : paths_in) Expand(p, /*top_level=*/true);
  }

  ~Impl() { CloseCurrent(); }

  // --- walking ---------------------------------------------------------------

  void Expand(const std::string& path, bool top_level) {
    if (path == "-") {
      entries.push_back({path, {}, {}});
      return;
    }
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
      entries.push_back({path, "cannot read: " + ErrnoText(errno), {}});
      return;
    }
    if (S_ISDIR(st.st_mode)) {
      const auto key = std::make_pair(static_cast<unsigned long long>(st.st_dev),
                                      static_cast<unsigned long long>(st.st_ino));
      if (!visited_dirs.insert(key).second) return;  // symlink loop or repeat
      std::error_code ec;
      std::vector<std::string> names;
      for (std::filesystem::directory_iterator it(path, ec), end; !ec && it != end;
           it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;  // hidden, .git, .hg, .svn
        names.push_back(std::move(name));
      }
      if (ec) {
        entries.push_back({path, "cannot read directory: " + ec.message(), {}});
        return;
      }
      std::sort(names.begin(), names.end());
      const std::string prefix = EndsWith(path, "/") ? path : path + "/";
      for (const auto& name : names) Expand(prefix + name, false);
      return;
    }
    if (!top_level && !S_ISREG(st.st_mode)) {  // sockets, fifos, devices found in a walk
      const char* what = S_ISFIFO(st.st_mode)   ? "a FIFO"
                         : S_ISSOCK(st.st_mode) ? "a socket"
                                                : "a device";
      entries.push_back({path, {}, fmt::format("not a regular file ({}), skipped", what)});
      return;
    }
    if (S_ISREG(st.st_mode)) known_bytes += static_cast<std::size_t>(st.st_size);
    entries.push_back({path, {}, {}});
  }

  // --- reading ---------------------------------------------------------------

  void CloseCurrent() {
    if (file != nullptr && file != stdin) std::fclose(file);
    file = nullptr;
    reader.reset();
    jsonl_active = false;
  }

  bool IsJsonl(const std::string& path) const {
    switch (options.format) {
      case InputFormat::kJsonl:
        return true;
      case InputFormat::kText:
        return false;
      case InputFormat::kAuto:
        return path != "-" && (EndsWith(path, ".jsonl") || EndsWith(path, ".ndjson"));
    }
    return false;
  }

  // Opens entries[next_entry]; false when it was reported and skipped.
  bool Open(const Entry& e) {
    if (!e.error.empty()) {
      sink.Error({e.path, 0, 0}, e.error);
      ++stats.failed;
      return false;
    }
    if (!e.warning.empty()) {
      sink.Warning({e.path, 0, 0}, e.warning);
      ++stats.skipped;
      return false;
    }
    if (e.path == "-") {
      file = stdin;
    } else {
      file = std::fopen(e.path.c_str(), "rb");
      if (file == nullptr) {
        sink.Error({e.path, 0, 0}, "cannot read: " + ErrnoText(errno));
        ++stats.failed;
        return false;
      }
    }
    reader = std::make_unique<ChunkReader>(file);
    current = e.path;
    line_no = 0;
    // Binary check on the first 8 KiB (stdin included: it is peeked, not consumed).
    const std::string_view head = reader->Peek(kBinaryProbeBytes);
    if (head.find('\0') != std::string_view::npos) {
      sink.Warning({e.path, 0, 0}, "binary file, skipped");
      ++stats.skipped;
      CloseCurrent();
      return false;
    }
    return true;
  }

  void ResolvePubDate(Document& doc, const SourceLocation& at, bool text_file) {
    if (doc.pub_date) {
      doc.pub_date_source = PubDateSource::kField;
      return;
    }
    if (options.pub_date) {
      doc.pub_date = options.pub_date;
      doc.pub_date_source = PubDateSource::kFlag;
      return;
    }
    if (auto found = FindPubDateInText(doc.text)) {
      doc.pub_date = found->date;
      doc.pub_date_source = PubDateSource::kText;
      return;
    }
    if (text_file && current != "-") {
      if (auto d = FindPubDateInFileName(current)) {
        doc.pub_date = d;
        doc.pub_date_source = PubDateSource::kFileName;
        return;
      }
    }
    doc.pub_date_source = PubDateSource::kNone;
    sink.Warning(at, std::string(kNoDateMessage));
  }

  // `valid_utf8`: the caller has checked the text already.
  void Finish(Document& doc, const SourceLocation& at, bool text_file, bool valid_utf8 = false) {
    if (!valid_utf8 && !IsValidUtf8(doc.text)) {
      doc.had_invalid_utf8 = true;
      sink.Warning(at, "invalid UTF-8; bytes kept as read");
    }
    ResolvePubDate(doc, at, text_file);
    Count(doc);
  }

  void Count(const Document& doc) {
    ++stats.documents;
    stats.bytes += doc.text.size();
  }

  static void Reset(Document& doc) {
    doc.doc_id.clear();
    doc.file.clear();
    doc.text.clear();
    doc.title.clear();
    doc.url.clear();
    doc.pub_date.reset();
    doc.pub_date_source = PubDateSource::kNone;
    doc.had_invalid_utf8 = false;
  }

  bool ReadText(Document& doc) {
    Reset(doc);
    reader->ReadAll(doc.text);
    const bool failed = reader->error();
    const int err = reader->error_number();
    const std::string path = current;
    if (failed) {
      sink.Error({path, 0, 0}, "cannot read: " + ErrnoText(err));
      ++stats.failed;
      CloseCurrent();
      return false;
    }
    if (doc.text.compare(0, kBom.size(), kBom) == 0) doc.text.erase(0, kBom.size());
    doc.doc_id = path;
    doc.file = path;
    Finish(doc, {path, 0, 0}, /*text_file=*/true);
    CloseCurrent();
    return true;
  }

  // Reads JSONL records until one is produced (true) or the file ends (false).
  bool ReadJsonl(Document& doc) {
    while (reader->ReadLine(line)) {
      ++line_no;
      if (line_no == 1 && line.compare(0, kBom.size(), kBom) == 0) line.erase(0, kBom.size());
      if (TrimSpace(line).empty()) continue;
      if (ParseFlatRecord(doc) || ParseRecord(doc)) return true;
    }
    if (reader->error()) {
      sink.Error({current, line_no + 1, 0}, "cannot read: " + ErrnoText(reader->error_number()));
      ++stats.failed;
    }
    CloseCurrent();
    return false;
  }

  // The fields a record is read from, found in one pass over its object
  // (a lookup per field walked the object seven times); the first of a
  // repeated key, as simdjson's obj[key].
  struct Fields {
    std::optional<simdjson::dom::element> text, id, title, url;
    std::array<std::optional<simdjson::dom::element>, 3> dates;  // kDateKeys
  };
  static constexpr std::array<std::string_view, 3> kDateKeys = {"date", "published",
                                                                "published_at"};

  static Fields FindFields(simdjson::dom::object& obj) {
    Fields f;
    for (const simdjson::dom::key_value_pair field : obj) {
      const std::string_view k = field.key;
      std::optional<simdjson::dom::element>* slot = nullptr;
      if (k == "text") {
        slot = &f.text;
      } else if (k == "id") {
        slot = &f.id;
      } else if (k == "title") {
        slot = &f.title;
      } else if (k == "url") {
        slot = &f.url;
      } else {
        for (std::size_t i = 0; i < kDateKeys.size(); ++i) {
          if (k == kDateKeys[i]) slot = &f.dates[i];
        }
      }
      if (slot != nullptr && !*slot) *slot = field.value;
    }
    return f;
  }

  static std::optional<std::string_view> StringField(
      const std::optional<simdjson::dom::element>& el) {
    std::string_view s;
    if (!el || el->get_string().get(s) != simdjson::SUCCESS) return std::nullopt;
    return s;
  }

  static const char* TypeName(simdjson::dom::element el) {
    switch (el.type()) {
      case simdjson::dom::element_type::ARRAY:
        return "a list";
      case simdjson::dom::element_type::OBJECT:
        return "an object";
      case simdjson::dom::element_type::BOOL:
        return "a boolean";
      case simdjson::dom::element_type::STRING:
        return "a string";
      case simdjson::dom::element_type::NULL_VALUE:
        return "null";
      default:
        return "a number";
    }
  }

  // The common record, a flat object of plain strings ({"id": "...",
  // "date": "...", "text": "..."}), read in one pass without simdjson: no
  // backslash or control byte in any string, valid UTF-8, every value a
  // string, a non-empty "id" and a "text". Anything else returns false
  // with nothing reported, and ParseRecord reads it; for these records
  // both give the same document and the same warnings. A one-sentence
  // record cost 2.3 k instructions through simdjson.
  bool ParseFlatRecord(Document& doc) {
    const std::string_view s = line;
    std::size_t i = 0;
    const auto space = [&] {
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    };
    // Bytes that end a run of plain string bytes: '"', '\\', control bytes
    // (the line's terminating NUL among them) and non-ASCII (checked below).
    static constexpr auto kStop = [] {
      std::array<bool, 256> t{};
      for (int c = 0; c < 0x20; ++c) t[static_cast<std::size_t>(c)] = true;
      for (int c = 0x80; c < 0x100; ++c) t[static_cast<std::size_t>(c)] = true;
      t['"'] = t['\\'] = true;
      return t;
    }();
    const char* const p = line.c_str();
    bool ascii = true;
    const auto string = [&](std::string_view& out) {
      if (i >= s.size() || s[i] != '"') return false;
      const std::size_t b = ++i;
      for (;;) {
        while (!kStop[static_cast<unsigned char>(p[i])]) ++i;
        const auto c = static_cast<unsigned char>(p[i]);
        if (c < 0x80) break;
        ascii = false;
        ++i;
      }
      if (p[i] != '"') return false;  // a backslash, a control byte or the end
      out = s.substr(b, i - b);
      ++i;
      return true;
    };
    std::optional<std::string_view> text, id, title, url;
    std::array<std::optional<std::string_view>, 3> dates;
    space();
    if (i >= s.size() || s[i] != '{') return false;
    ++i;
    for (;;) {
      std::string_view k, v;
      space();
      if (!string(k)) return false;
      space();
      if (i >= s.size() || s[i] != ':') return false;
      ++i;
      space();
      if (!string(v)) return false;
      std::optional<std::string_view>* slot = nullptr;
      if (k == "text") {
        slot = &text;
      } else if (k == "id") {
        slot = &id;
      } else if (k == "title") {
        slot = &title;
      } else if (k == "url") {
        slot = &url;
      } else {
        for (std::size_t ki = 0; ki < kDateKeys.size(); ++ki) {
          if (k == kDateKeys[ki]) slot = &dates[ki];
        }
      }
      if (slot != nullptr && !*slot) *slot = v;  // the first of a repeated key
      space();
      if (i < s.size() && s[i] == ',') {
        ++i;
        continue;
      }
      if (i < s.size() && s[i] == '}') {
        ++i;
        break;
      }
      return false;
    }
    space();
    if (i != s.size() || !text || !id || id->empty() || (!ascii && !IsValidUtf8(s))) return false;
    StartRecord(doc, *text);
    doc.doc_id.assign(*id);
    if (title) doc.title.assign(*title);
    if (url) doc.url.assign(*url);
    // The common record: its first non-empty date field parses. Nothing can
    // warn then (valid UTF-8, a date from a field), so the warnings'
    // location, a copy of the path, is not made (an allocation a record).
    for (std::size_t ki = 0; ki < kDateKeys.size(); ++ki) {
      const auto& v = dates[ki];
      if (!v || TrimSpace(*v).empty()) continue;
      if (auto d = ParseDateField(*v)) {
        doc.pub_date = d;
        doc.pub_date_source = PubDateSource::kField;  // Finish, as ResolvePubDate sets it
        Count(doc);
        return true;
      }
      break;
    }
    const SourceLocation at{current, line_no, 0};
    for (std::size_t ki = 0; ki < kDateKeys.size(); ++ki) {
      const auto& v = dates[ki];
      if (TakeDate(doc, at, v, kDateKeys[ki])) break;
    }
    Finish(doc, at, /*text_file=*/false, /*valid_utf8=*/true);
    return true;
  }

  // A JSONL record's document: its text, and `file` as "path:line".
  void StartRecord(Document& doc, std::string_view text) {
    Reset(doc);
    doc.text.assign(text);
    char number[16] = {':'};
    char* number_end = std::to_chars(number + 1, number + sizeof number, line_no).ptr;
    doc.file.reserve(current.size() + static_cast<std::size_t>(number_end - number));
    doc.file.assign(current).append(number, static_cast<std::size_t>(number_end - number));
  }

  // A date field's value: true when it gives the publication date; an empty
  // value is skipped and one that does not parse warns (the next key is tried).
  bool TakeDate(Document& doc, const SourceLocation& at, std::optional<std::string_view> v,
                std::string_view key) {
    if (!v || TrimSpace(*v).empty()) return false;
    if (auto d = ParseDateField(*v)) {
      doc.pub_date = d;
      return true;
    }
    sink.Warning(at,
                 "unrecognised date '" + std::string(*v) + "' in field '" + std::string(key) + "'");
    return false;
  }

  bool ParseRecord(Document& doc) {
    const SourceLocation at{current, line_no, 0};
    line.reserve(line.size() + simdjson::SIMDJSON_PADDING);
    simdjson::dom::element root;
    auto err = parser.parse(line.data(), line.size(), /*realloc_if_needed=*/false).get(root);
    if (err != simdjson::SUCCESS) {
      sink.Error(at, std::string("malformed JSON: ") + simdjson::error_message(err));
      ++stats.failed;
      return false;
    }
    simdjson::dom::object obj;
    if (root.get_object().get(obj) != simdjson::SUCCESS) {
      sink.Error(at, "malformed JSON: a record must be an object");
      ++stats.failed;
      return false;
    }
    const Fields fields = FindFields(obj);
    const auto text = StringField(fields.text);
    if (!text) {
      sink.Error(at, "record has no 'text' string");
      ++stats.failed;
      return false;
    }
    StartRecord(doc, *text);
    if (auto id = StringField(fields.id); id && !id->empty()) {
      doc.doc_id.assign(*id);
    } else {
      simdjson::dom::element id_el;
      int64_t id_num = 0;
      if (fields.id && (id_el = *fields.id, id_el.get_int64().get(id_num) == simdjson::SUCCESS)) {
        doc.doc_id = std::to_string(id_num);
      } else {
        if (fields.id && (id_el = *fields.id, !id_el.is_null()) &&
            !(id_el.is_string() && id_el.get_string().value_unsafe().empty())) {
          sink.Warning(at, std::string("'id' is not a string or an integer (") + TypeName(id_el) +
                               "); using a content hash");
        }
        // No id: derive one from the content, so a record keeps its id in
        // every shard of a parallel or cluster run (docs/scale.md).
        const auto url = StringField(fields.url);
        const std::string_view basis = url && !url->empty() ? *url : std::string_view(doc.text);
        doc.doc_id = fmt::format(
            "xxh-{:016x}", static_cast<unsigned long long>(XXH64(basis.data(), basis.size(), 0)));
      }
    }
    if (auto v = StringField(fields.title)) doc.title.assign(*v);
    if (auto v = StringField(fields.url)) doc.url.assign(*v);
    for (std::size_t ki = 0; ki < kDateKeys.size(); ++ki) {
      const std::string_view key = kDateKeys[ki];
      const auto v = StringField(fields.dates[ki]);
      if (const auto& el = fields.dates[ki]; !v && el && !el->is_null()) {
        sink.Warning(at, "field '" + std::string(key) + "' is not a string (" + TypeName(*el) +
                             "); ignored");
        continue;
      }
      if (TakeDate(doc, at, v, key)) break;
    }
    Finish(doc, at, /*text_file=*/false);
    return true;
  }

  bool Next(Document& doc) {
    for (;;) {
      if (jsonl_active) {
        if (ReadJsonl(doc)) return true;
        continue;
      }
      if (next_entry >= entries.size()) return false;
      const Entry& e = entries[next_entry++];
      if (!Open(e)) continue;
      if (IsJsonl(e.path)) {
        jsonl_active = true;
        continue;
      }
      if (ReadText(doc)) return true;
    }
  }

  InputOptions options;
  DiagnosticSink& sink;
  InputStats stats;
  std::vector<Entry> entries;
  std::size_t next_entry = 0;
  std::set<std::pair<unsigned long long, unsigned long long>> visited_dirs;
  std::size_t known_bytes = 0;

  std::FILE* file = nullptr;
  std::unique_ptr<ChunkReader> reader;
  std::string current;
  int line_no = 0;
  bool jsonl_active = false;
  std::string line;
  simdjson::dom::parser parser;
};

InputReader::InputReader(std::vector<std::string> paths, InputOptions options, DiagnosticSink& sink)
    : impl_(std::make_unique<Impl>(std::move(paths), options, sink)) {}

InputReader::~InputReader() = default;

bool InputReader::Next(Document& doc) { return impl_->Next(doc); }

const InputStats& InputReader::stats() const { return impl_->stats; }

std::size_t InputReader::known_total_bytes() const { return impl_->known_bytes; }

}  // namespace eventline
