#include "server/sessions.h"

#include <fmt/format.h>

#include <chrono>
#include <ctime>

#include "core/text.h"
#include "server/credentials.h"

namespace sendplan::server {

std::string utc_after(long seconds) {
  const std::time_t when = std::time(nullptr) + seconds;
  std::tm tm{};
  gmtime_r(&when, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

std::string cookie_value(const httplib::Request& request, const std::string& name) {
  const std::string header = request.get_header_value("Cookie");
  std::string_view rest = header;
  while (!rest.empty()) {
    const size_t end = rest.find(';');
    std::string_view part = trim(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    const size_t equals = part.find('=');
    if (equals != std::string_view::npos && trim(part.substr(0, equals)) == name)
      return std::string(trim(part.substr(equals + 1)));
  }
  return "";
}

std::string Sessions::cookie(const std::string& value, int max_age_seconds) const {
  return fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Strict{}", kSessionCookie,
                     value, max_age_seconds, secure_ ? "; Secure" : "");
}

Result<std::optional<SignIn>> Sessions::sign_in(const std::string& username,
                                                const std::string& password) {
  Result<std::optional<store::User>> found = store_.find_user(username);
  if (!found) return found.error();
  if (!found.value()) {
    // Spend the same time as a real check so timing does not tell which usernames exist.
    static const std::string dummy = hash_password("not a real password").value();
    verify_password(password, dummy);
    return std::optional<SignIn>{};
  }
  const store::User& user = *found.value();
  if (!verify_password(password, user.password_hash)) return std::optional<SignIn>{};
  // The right password for a disabled account: no session, and no word of which it was.
  if (user.disabled) return std::optional<SignIn>{};

  const std::string token = random_token();
  store::Session session{token_hash(token), user.id, random_token(), store::utc_now(),
                         utc_after(long(hours_) * 3600)};
  if (Status added = store_.add_session(session); !added) return added.error();
  // Housekeeping: sign-ins are rare enough to carry it.
  (void)store_.delete_expired_sessions(store::utc_now());
  return std::optional<SignIn>(SignIn{{user, session}, cookie(token, hours_ * 3600)});
}

Result<std::optional<Principal>> Sessions::who(const httplib::Request& request) {
  const std::string token = cookie_value(request, kSessionCookie);
  if (token.size() != 64) return std::optional<Principal>{};
  Result<std::optional<store::Session>> session = store_.find_session(token_hash(token));
  if (!session) return session.error();
  if (!session.value() || session.value()->expires_at <= store::utc_now())
    return std::optional<Principal>{};
  Result<std::optional<store::User>> user = store_.user_by_id(session.value()->user_id);
  if (!user) return user.error();
  // A disabled or deleted account's sessions are ended when it is changed; checked here too.
  if (!user.value() || user.value()->disabled || !user.value()->deleted_at.empty())
    return std::optional<Principal>{};
  return std::optional<Principal>(Principal{*user.value(), *session.value()});
}

Result<std::string> Sessions::sign_out(const Principal& principal) {
  if (Status deleted = store_.delete_session(principal.session.token_hash); !deleted)
    return deleted.error();
  return cookie("", 0);
}

bool Sessions::csrf_ok(const httplib::Request& request, const Principal& principal) {
  return same_token(request.get_header_value("X-CSRF-Token"), principal.session.csrf_token);
}

}  // namespace sendplan::server
