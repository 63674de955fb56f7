// Accounts changed the same way from the CLI (`sendplan user ...`) and the API.
// New accounts, checked the same way from the CLI (`sendplan user add`) and the API: username
// 3 to 64 characters of letters, digits and . _ - @; the password rules of credentials.h; a role
// (officer, analyst, admin); a borough for officers only (any spelling the atlas knows, stored
// canonical). The password is hashed here (argon2id); the plain text goes no further.
#pragma once

#include <optional>
#include <string>

#include "core/result.h"
#include "server/borough_atlas.h"
#include "store/store.h"

namespace sendplan::server {

// An account changed by an administrator: any of role, borough (needed by and only for
// officers) and disabled. kInvalidArgument saying what is wrong (e.g. an officer without a
// borough, an unknown role).
struct AccountChange {
  std::optional<std::string> role;
  std::optional<std::string> borough;  // "" = none
  std::optional<bool> disabled;
};
Result<store::User> changed_user(const store::User& current, const AccountChange& change,
                                 const BoroughAtlas& atlas);
// "role officer → admin, disabled" (what differs, for the audit log; "" when nothing does).
std::string account_difference(const store::User& before, const store::User& after);

// kInvalidArgument saying what is wrong.
Result<store::User> make_user(const std::string& username, const std::string& password,
                              const std::string& role, const std::string& borough,
                              const BoroughAtlas& atlas);

}  // namespace sendplan::server
