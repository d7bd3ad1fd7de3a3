// Golden end-to-end tests: run the real binary over tests/golden/<case>/ and
// over samples/, comparing stdout, stderr and the exit code byte for byte.
//
// A case folder holds `args` (one argument per line), optional `stdin`,
// `input/` and `rules/` (whatever the args name; the binary runs with the case
// folder as its working directory), and `expected.stdout`, `expected.stderr`,
// `expected.exit`. `EVENTLINE_UPDATE_GOLDEN=1 ctest -R golden` rewrites the
// expected files; review the diff like code.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const fs::path& p, const std::string& s) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << s;
}

struct RunResult {
  std::string out, err;
  int exit_code = -1;
};

// Runs `argv` in `cwd` with `stdin_path` (or /dev/null) as standard input.
RunResult RunBinary(const std::vector<std::string>& argv, const fs::path& cwd,
                    const fs::path& stdin_path) {
  const fs::path tmp =
      fs::temp_directory_path() / ("eventline-golden-" + std::to_string(::getpid()));
  fs::create_directories(tmp);
  const fs::path out_path = tmp / "stdout", err_path = tmp / "stderr";
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int in = ::open(stdin_path.empty() ? "/dev/null" : stdin_path.c_str(), O_RDONLY);
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || err < 0 || ::chdir(cwd.c_str()) != 0) ::_exit(127);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    ::setenv("NO_COLOR", "1", 1);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  RunResult r;
  r.out = ReadFile(out_path);
  r.err = ReadFile(err_path);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  fs::remove_all(tmp);
  return r;
}

bool Updating() {
  const char* v = std::getenv("EVENTLINE_UPDATE_GOLDEN");
  return v != nullptr && std::string(v) == "1";
}

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

void CheckOrUpdate(const fs::path& path, const std::string& actual) {
  if (Updating()) {
    WriteFile(path, actual);
    return;
  }
  INFO("expected file: " << path.string());
  REQUIRE(fs::exists(path));
  CHECK(ReadFile(path) == actual);
}

}  // namespace

TEST_CASE("golden: every tests/golden case matches byte for byte", "[golden]") {
  const fs::path root = fs::path(EVENTLINE_SOURCE_DIR) / "tests" / "golden";
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(root)) {
    if (e.is_directory() && fs::exists(e.path() / "args")) cases.push_back(e.path());
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE(!cases.empty());
  for (const fs::path& dir : cases) {
    SECTION(dir.filename().string()) {
      std::vector<std::string> argv{EVENTLINE_BINARY};
      std::istringstream args(ReadFile(dir / "args"));
      for (std::string line; std::getline(args, line);) {
        if (!line.empty()) argv.push_back(line);
      }
      const fs::path stdin_path = fs::exists(dir / "stdin") ? dir / "stdin" : fs::path();
      const RunResult r = RunBinary(argv, dir, stdin_path);
      CheckOrUpdate(dir / "expected.stdout", r.out);
      CheckOrUpdate(dir / "expected.stderr", r.err);
      if (Updating()) {
        WriteFile(dir / "expected.exit", std::to_string(r.exit_code) + "\n");
      } else {
        CHECK(Trim(ReadFile(dir / "expected.exit")) == std::to_string(r.exit_code));
      }
    }
  }
}

TEST_CASE("golden: samples/ give the timelines in tests/samples/", "[golden][samples]") {
  const fs::path src = EVENTLINE_SOURCE_DIR;
  std::vector<fs::path> inputs;
  for (const auto& e : fs::directory_iterator(src / "samples")) {
    const auto ext = e.path().extension();
    if (ext == ".txt" || ext == ".jsonl") inputs.push_back(e.path());
  }
  std::sort(inputs.begin(), inputs.end());
  REQUIRE(!inputs.empty());
  for (const fs::path& input : inputs) {
    SECTION(input.filename().string()) {
      const std::string rel = "samples/" + input.filename().string();
      const RunResult r = RunBinary({EVENTLINE_BINARY, "extract", rel}, src, {});
      INFO(r.err);
      CHECK(r.exit_code == 0);
      // Expected timelines live outside samples/, so `extract samples/`
      // reads only articles.
      const fs::path expected =
          src / "tests" / "samples" / input.filename().replace_extension(".csv");
      CheckOrUpdate(expected, r.out);
    }
  }
}
