#include "server/accounts.h"

#include <fmt/format.h>

#include "server/credentials.h"

namespace sendplan::server {

Result<store::User> make_user(const std::string& username, const std::string& password,
                              const std::string& role, const std::string& borough,
                              const BoroughAtlas& atlas) {
  auto invalid = [](std::string message) {
    return make_error(ErrorCode::kInvalidArgument, std::move(message));
  };
  if (username.size() < 3 || username.size() > 64)
    return invalid("the username must be 3 to 64 characters");
  for (char c : username) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-' || c == '@';
    if (!ok) return invalid("the username may hold only letters, digits and . _ - @");
  }
  if (Status rules = check_password_rules(password); !rules) return rules.error();
  const std::optional<store::Role> parsed = store::parse_role(role);
  if (!parsed)
    return invalid(fmt::format("role must be officer, analyst or admin, got '{}'", role));
  store::User user;
  user.username = username;
  user.role = *parsed;
  if (user.role == store::Role::kBoroughOfficer) {
    if (borough.empty()) return invalid("a borough officer needs a borough");
    std::optional<std::string> name = atlas.canonical(borough);
    if (!name) return invalid(fmt::format("'{}' is not a London borough", borough));
    user.borough = *name;
  } else if (!borough.empty()) {
    return invalid("only borough officers have a borough");
  }
  Result<std::string> hash = hash_password(password);
  if (!hash) return hash.error();
  user.password_hash = hash.value();
  user.created_at = store::utc_now();
  return user;
}

}  // namespace sendplan::server
