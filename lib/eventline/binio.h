#pragma once

// Writing the build-time images (the gazetteer image, the actors' parse):
// fixed-size values in the machine's byte order, strings as a u32 length
// and their bytes. The images are read by the binary that was built with
// them, so the byte order is never foreign.

#include <cstdint>
#include <string>
#include <string_view>

namespace eventline::binio {

template <typename T>
void PutRaw(std::string& out, T v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

inline void PutString(std::string& out, std::string_view s) {
  PutRaw<std::uint32_t>(out, static_cast<std::uint32_t>(s.size()));
  out.append(s);
}

}  // namespace eventline::binio
