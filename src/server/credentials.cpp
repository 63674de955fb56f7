#include "server/credentials.h"

#include <sodium.h>

#include <string_view>
#include <vector>

#include "core/text.h"

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

namespace {

// The commonest passwords of 10 characters or more (from the NCSC's "100,000 most common
// passwords" list and the usual keyboard walks), compared ignoring case. Short ones are refused
// by length already.
constexpr std::string_view kCommonPasswords[] = {
    "1234567890",       "12345678910",  "123456789a",   "0123456789",    "0987654321",
    "1q2w3e4r5t",       "1qaz2wsx3edc", "qwertyuiop",   "asdfghjkl;",    "zxcvbnm,./",
    "qwerty1234",       "qwerty12345",  "qwerty123456", "password12",    "password123",
    "password1234",     "password!1",   "passw0rd123",  "iloveyou12",    "letmein123",
    "welcome123",       "welcome1234",  "changeme123",  "administrator", "adminadmin",
    "admin12345",       "admin123456",  "football123",  "abcdefghij",    "abcd123456",
    "a1b2c3d4e5",       "1234512345",   "1122334455",   "1234554321",    "9876543210",
    "trustno1234",      "sunshine123",  "princess123",  "monkey12345",   "dragon12345",
    "london2012",       "london1234",   "london12345",  "sendplan123",   "sendplan1234",
    "passwordpassword", "qwertyqwerty", "1q2w3e4r5t6y", "123qweasdzxc",  "zaq12wsxcde3",
};

}  // namespace

Status check_password_rules(const std::string& password, const std::string& username) {
  auto refuse = [](const char* why) { return make_error(ErrorCode::kInvalidArgument, why); };
  if (password.size() < 10) return refuse("the password must be at least 10 characters");
  if (password.size() > 256) return refuse("the password must be at most 256 characters");
  if (password.find_first_not_of(" \t") == std::string::npos)
    return refuse("the password must not be only spaces");
  if (password.find_first_not_of(password[0]) == std::string::npos)
    return refuse("the password must not be one character repeated");
  const std::string lower = to_lower(password);
  for (std::string_view common : kCommonPasswords)
    if (lower == common)
      return refuse("that password is one of the most common; choose three random words");
  // Runs of consecutive digits or letters ("1234567890", "abcdefghijk"), either way.
  bool sequence = true;
  for (std::size_t i = 1; i < lower.size() && sequence; ++i) {
    const int step = lower[i] - lower[i - 1];
    sequence = step == lower[1] - lower[0] && (step == 1 || step == -1);
  }
  if (sequence) return refuse("the password must not be a run of consecutive characters");
  if (!username.empty() && lower == to_lower(username))
    return refuse("the password must not be the username");
  return Status::success();
}

}  // namespace sendplan::server
