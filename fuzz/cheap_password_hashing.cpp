// Fuzzing speed only: argon2id at libsodium's minimum cost instead of the server's "interactive"
// 64 MiB and 2 passes. This definition of crypto_pwhash_str_alg takes the place of libsodium's for
// the fuzz target (the server's hash_password calls it) and forwards to the real one with the
// minimum limits. Verifying follows the limits written in the hash, so every sign-in (including
// the dummy check for unknown usernames) then costs microseconds, not ~100 ms, and the fuzzer
// can explore the API instead of waiting on password hashing. Hashing strength is not under
// test here.
#include <dlfcn.h>
#include <sodium.h>

#include <cstdio>
#include <cstdlib>

extern "C" int crypto_pwhash_str_alg(char out[crypto_pwhash_STRBYTES], const char* const passwd,
                                     unsigned long long passwdlen, unsigned long long, size_t,
                                     int alg) {
  using Real = int (*)(char*, const char*, unsigned long long, unsigned long long, size_t, int);
  static const Real real = [] {
    void* symbol = dlsym(RTLD_NEXT, "crypto_pwhash_str_alg");
    if (symbol == nullptr) {
      std::fprintf(stderr, "cheap_password_hashing: libsodium's crypto_pwhash_str_alg not found\n");
      std::abort();
    }
    return reinterpret_cast<Real>(symbol);
  }();
  return real(out, passwd, passwdlen, crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN, alg);
}
