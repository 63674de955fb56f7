#include "server/suppression.h"

namespace sendplan::server {

void put_count(nlohmann::json& object, const std::string& key, int count) {
  if (count > 0 && count < kSuppressBelow) {
    object[key] = nullptr;
    if (!object.contains("suppressed")) object["suppressed"] = nlohmann::json::array();
    object["suppressed"].push_back(key);
  } else {
    object[key] = count;
  }
}

}  // namespace sendplan::server
