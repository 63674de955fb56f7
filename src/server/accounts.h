// New accounts, checked the same way from the CLI (`sendplan user add`) and the API: username
// 3 to 64 characters of letters, digits and . _ - @; the password rules of credentials.h; a role
// (officer, analyst, admin); a borough for officers only (any spelling the atlas knows, stored
// canonical). The password is hashed here (argon2id); the plain text goes no further.
#pragma once

#include <string>

#include "core/result.h"
#include "server/borough_atlas.h"
#include "store/store.h"

namespace sendplan::server {

// kInvalidArgument saying what is wrong.
Result<store::User> make_user(const std::string& username, const std::string& password,
                              const std::string& role, const std::string& borough,
                              const BoroughAtlas& atlas);

}  // namespace sendplan::server
