// Passwords and tokens, with libsodium: argon2id password hashes (crypto_pwhash_str, libsodium's
// "interactive" limits: 2 passes, 64 MiB), random session and CSRF tokens, and the hash under
// which a session token is stored (the store never holds a usable token).
// Thread-safe. Call init_crypto() once before anything else (it is cheap to call again).
#pragma once

#include <string>

#include "core/result.h"

namespace sendplan::server {

// kInternal when libsodium cannot start (no entropy source).
Status init_crypto();

// The argon2id hash string of `password` ("$argon2id$v=19$m=65536,t=2,p=1$...").
Result<std::string> hash_password(const std::string& password);
// True when `password` matches `hash` (constant time); false for a malformed hash.
bool verify_password(const std::string& password, const std::string& hash);

// `bytes` random bytes as lower-case hex (2 × bytes characters).
std::string random_token(int bytes = 32);
// BLAKE2b-256 of the token, hex: what the store keeps for a session.
std::string token_hash(const std::string& token);
// Compares two strings in time independent of where they differ (CSRF tokens).
bool same_token(const std::string& a, const std::string& b);

// Password rules (NCSC advice: length over complexity, and a block list): 10 to 256
// characters; not only spaces, not one character repeated, not a run like "1234567890", not one
// of the commonest passwords, not the username. kInvalidArgument with the reason.
Status check_password_rules(const std::string& password, const std::string& username = "");

}  // namespace sendplan::server
