#include "server/accounts.h"

#include <fmt/format.h>

#include <vector>

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
  if (Status rules = check_password_rules(password, username); !rules) return rules.error();
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

Result<store::User> changed_user(const store::User& current, const AccountChange& change,
                                 const BoroughAtlas& atlas) {
  store::User user = current;
  if (change.role) {
    const std::optional<store::Role> parsed = store::parse_role(*change.role);
    if (!parsed)
      return make_error(ErrorCode::kInvalidArgument,
                        fmt::format("role must be officer, analyst or admin, got '{}'",
                                    change.role->substr(0, 40)));
    user.role = *parsed;
  }
  if (change.borough) {
    if (change.borough->empty()) {
      user.borough.clear();
    } else {
      std::optional<std::string> name = atlas.canonical(*change.borough);
      if (!name)
        return make_error(ErrorCode::kInvalidArgument, fmt::format("'{}' is not a London borough",
                                                                   change.borough->substr(0, 40)));
      user.borough = *name;
    }
  } else if (user.role != store::Role::kBoroughOfficer) {
    user.borough.clear();  // an officer made analyst or admin keeps no borough
  }
  if (user.role == store::Role::kBoroughOfficer && user.borough.empty())
    return make_error(ErrorCode::kInvalidArgument, "a borough officer needs a borough");
  if (user.role != store::Role::kBoroughOfficer && !user.borough.empty())
    return make_error(ErrorCode::kInvalidArgument, "only borough officers have a borough");
  if (change.disabled) user.disabled = *change.disabled;
  return user;
}

std::string account_difference(const store::User& before, const store::User& after) {
  std::vector<std::string> parts;
  if (before.role != after.role)
    parts.push_back(
        fmt::format("role {} → {}", store::role_name(before.role), store::role_name(after.role)));
  if (before.borough != after.borough)
    parts.push_back(fmt::format("borough {} → {}", before.borough.empty() ? "none" : before.borough,
                                after.borough.empty() ? "none" : after.borough));
  if (before.disabled != after.disabled) parts.push_back(after.disabled ? "disabled" : "enabled");
  std::string text;
  for (const std::string& part : parts) text += (text.empty() ? "" : ", ") + part;
  return text;
}

}  // namespace sendplan::server
