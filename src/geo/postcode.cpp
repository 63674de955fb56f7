#include "geo/postcode.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.h"

namespace sendplan::geo {

namespace {

// ASCII-only classification: postcodes are ASCII, and <cctype> depends on the locale.
constexpr bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
constexpr bool is_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
constexpr char to_upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

// The outward code's shapes: A9, A99, AA9, AA99, A9A, AA9A.
bool is_outward_code(std::string_view code) {
  if (code.size() < 2 || code.size() > 4 || !is_letter(code[0])) return false;
  const std::string_view rest = code.substr(1);  // 9, 99, A9, A99, 9A, A9A
  switch (rest.size()) {
    case 1:
      return is_digit(rest[0]);
    case 2:
      return (is_digit(rest[0]) && (is_digit(rest[1]) || is_letter(rest[1]))) ||
             (is_letter(rest[0]) && is_digit(rest[1]));
    default:
      return is_letter(rest[0]) && is_digit(rest[1]) && (is_digit(rest[2]) || is_letter(rest[2]));
  }
}

}  // namespace

std::string normalise_postcode(std::string_view text) {
  constexpr size_t kMaxCompact = 7;
  std::string compact;
  compact.reserve(kMaxCompact + 1);
  for (const char c : text) {
    if (c == ' ' || c == '\t') continue;
    if (!is_digit(c) && !is_letter(c)) return {};
    if (compact.size() == kMaxCompact) return {};
    compact += to_upper(c);
  }
  if (compact.size() < 5) return {};
  const size_t inward = compact.size() - 3;
  if (!is_outward_code(std::string_view(compact).substr(0, inward)) || !is_digit(compact[inward]) ||
      !is_letter(compact[inward + 1]) || !is_letter(compact[inward + 2])) {
    return {};
  }
  compact.insert(inward, 1, ' ');
  return compact;
}

namespace detail {

std::uint64_t postcode_key(std::string_view normalised) {
  if (normalised.size() > 8) return 0;
  std::uint64_t key = 0;
  for (size_t i = 0; i < 8; ++i) {
    const auto byte = i < normalised.size() ? static_cast<unsigned char>(normalised[i]) : 0u;
    key = (key << 8) | byte;
  }
  return key;
}

}  // namespace detail

const PostcodeDirectory::Entry* PostcodeDirectory::lookup(std::string_view postcode) const {
  const std::string normalised = normalise_postcode(postcode);
  if (normalised.empty()) return nullptr;
  const std::uint64_t key = detail::postcode_key(normalised);
  const auto it =
      std::lower_bound(entries_.begin(), entries_.end(), key,
                       [](const Entry& entry, std::uint64_t k) { return entry.key < k; });
  if (it == entries_.end() || it->key != key) return nullptr;
  return &*it;
}

std::optional<GridReference> PostcodeDirectory::find(std::string_view postcode) const {
  const Entry* entry = lookup(postcode);
  if (entry == nullptr) return std::nullopt;
  return entry->location;
}

std::optional<std::string> PostcodeDirectory::local_authority(std::string_view postcode) const {
  const Entry* entry = lookup(postcode);
  if (entry == nullptr || entry->local_authority == kNoLocalAuthority) return std::nullopt;
  return local_authorities_[entry->local_authority];
}

Result<GridReference> PostcodeDirectory::resolve(std::string_view postcode,
                                                 const SourceLocation& where) const {
  if (normalise_postcode(postcode).empty()) {
    return make_error(ErrorCode::kInvalidInput,
                      fmt::format("{} is not a UK postcode", quoted_excerpt(postcode)), where);
  }
  const Entry* entry = lookup(postcode);
  if (entry == nullptr) {
    return make_error(
        ErrorCode::kNotFound,
        fmt::format("unknown postcode {} (not in the postcode file)", quoted_excerpt(postcode)),
        where);
  }
  return entry->location;
}

}  // namespace sendplan::geo
