// Before the load: signing in to the server as a browser would (POST /api/login, keeping the
// session cookie), and filling in the paths' "{latest}" with the borough's newest plan id.
#pragma once

#include <httplib.h>

#include <string>
#include <vector>

#include "core/result.h"
#include "load_options.h"

namespace sendplan::load {

struct SignedIn {
  std::string cookie;   // "sendplan_session=TOKEN", for the Cookie header
  std::string role;     // "officer", "analyst" or "admin"
  std::string borough;  // the officer's borough; "" for others
};

// kInvalidArgument for a bad URL, kIo when the server cannot be reached or refuses the sign-in.
Result<SignedIn> sign_in(const LoadOptions& options);

// `options.paths` with "{latest}" replaced by the newest plan id of `options.borough`
// (GET /api/boroughs/BOROUGH/plans). kNotFound when a path needs it and there is no plan.
Result<std::vector<std::string>> resolve_paths(const LoadOptions& options, const SignedIn& who);

// A client for `options.url` with the session cookie and the time limits set.
httplib::Client make_client(const LoadOptions& options, const SignedIn& who);

}  // namespace sendplan::load
