#include "server/credentials.h"

#include <sodium.h>

#include <vector>

namespace sendplan::server {

Status init_crypto() {
  if (sodium_init() < 0)
    return make_error(ErrorCode::kInternal, "libsodium could not start (no source of randomness)");
  return Status::success();
}

Result<std::string> hash_password(const std::string& password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    return make_error(ErrorCode::kInternal, "hashing the password failed (out of memory?)");
  return std::string(out);
}

bool verify_password(const std::string& password, const std::string& hash) {
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string random_token(int bytes) {
  std::vector<unsigned char> raw(static_cast<size_t>(bytes));
  randombytes_buf(raw.data(), raw.size());
  std::string hex(raw.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
  hex.pop_back();
  return hex;
}

std::string token_hash(const std::string& token) {
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

bool same_token(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || a.empty()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

Status check_password_rules(const std::string& password) {
  if (password.size() < 10)
    return make_error(ErrorCode::kInvalidArgument, "the password must be at least 10 characters");
  if (password.size() > 256)
    return make_error(ErrorCode::kInvalidArgument, "the password must be at most 256 characters");
  return Status::success();
}

}  // namespace sendplan::server
