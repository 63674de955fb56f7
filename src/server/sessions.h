// Signing in and out, and who is asking: sessions are random 256-bit tokens in an HttpOnly,
// SameSite=Strict (and, unless turned off for plain-HTTP development, Secure) cookie; the store
// keeps only the token's hash, with the session's CSRF token and expiry. State-changing requests
// must echo the CSRF token in the X-CSRF-Token header (checked in constant time).
// Thread-safe (the store serialises).
#pragma once

#include <httplib.h>

#include <optional>
#include <string>

#include "store/store.h"

namespace sendplan::server {

inline constexpr const char* kSessionCookie = "sendplan_session";

struct Principal {
  store::User user;
  store::Session session;
};

struct SignIn {
  Principal principal;
  std::string cookie;  // the Set-Cookie header value
};

class Sessions {
 public:
  Sessions(store::Store& store, int hours, bool secure_cookies)
      : store_(store), hours_(hours), secure_(secure_cookies) {}

  // nullopt for an unknown user or a wrong password (the same answer for both, and the same
  // time: an unknown user's check runs against a dummy hash).
  Result<std::optional<SignIn>> sign_in(const std::string& username, const std::string& password);
  // The signed-in user of `request` (valid, unexpired session cookie), if any.
  Result<std::optional<Principal>> who(const httplib::Request& request);
  // Deletes the session; the Set-Cookie value that clears the cookie.
  Result<std::string> sign_out(const Principal& principal);
  // True when the request carries the session's CSRF token.
  static bool csrf_ok(const httplib::Request& request, const Principal& principal);

 private:
  std::string cookie(const std::string& value, int max_age_seconds) const;

  store::Store& store_;
  int hours_;
  bool secure_;
};

// The value of cookie `name` in the request's Cookie header; "" when absent.
std::string cookie_value(const httplib::Request& request, const std::string& name);
// UTC time `seconds` from now, as the store writes times.
std::string utc_after(long seconds);

}  // namespace sendplan::server
