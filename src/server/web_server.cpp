#include "server/web_server.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "server/http_json.h"

namespace sendplan::server {
namespace {

// The page may load only its own scripts, styles and data; no framing.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::vector<RouteBodyLimit> small_body_routes() {
  return {{"/api/login", 8 * 1024},
          {"/api/logout", 1024},
          {"/api/me", 4 * 1024},
          {"/api/users", 16 * 1024},
          {"/api/health", 1024}};
}

WebServer::WebServer(Api& api, WebServerOptions options) : options_(std::move(options)) {
  // httplib keeps its own check too (defence in depth); the front refuses first.
  server_.set_payload_max_length(options_.max_body_bytes);
  // Connections are read by the front (http_front.h): its deadlines and limits replace
  // httplib's per-read timeouts and thread pool. Without TCP_NODELAY, separate header and body
  // writes meet delayed ACKs (measured: p50 42.6 ms -> 1.4 ms); the front sets it.
  FrontLimits limits = options_.front;
  limits.max_body_bytes = options_.max_body_bytes;
  if (limits.route_limits.empty()) limits.route_limits = small_body_routes();
  front_ = std::make_unique<HttpFront>(server_, std::move(limits));
  api.register_routes(server_);
  add_static_files();
  add_error_handling();
}

void WebServer::add_static_files() {
  const std::string index = options_.web_dir + "/index.html";
  server_.Get("/", [index](const httplib::Request&, httplib::Response& response) {
    std::string page = read_file(index);
    if (page.empty()) return send_error(response, 500, "internal", "the web app is not installed");
    response.set_content(page, "text/html; charset=utf-8");
  });
  if (!server_.set_mount_point("/app", options_.web_dir + "/app"))
    spdlog::warn("web app files not found in {}/app", options_.web_dir);
  if (!server_.set_mount_point("/vendor/leaflet", options_.vendor_dir + "/leaflet/dist"))
    spdlog::warn("Leaflet not found in {}/leaflet/dist (run scripts/install-deps.sh)",
                 options_.vendor_dir);
  if (!server_.set_mount_point("/vendor/chart.js", options_.vendor_dir + "/chart.js/dist"))
    spdlog::warn("Chart.js not found in {}/chart.js/dist (run scripts/install-deps.sh)",
                 options_.vendor_dir);
}

void WebServer::add_error_handling() {
  // Responses are compressed with gzip, not Brotli: httplib runs Brotli at its slowest setting
  // (about 2 s for Leaflet's 400 KB), gzip takes a few milliseconds. httplib picks the encoding
  // from the request's Accept-Encoding after routing, so "br" is dropped from it here (the
  // request object is httplib's own, not a constant; the handler only sees it as const).
  server_.set_pre_routing_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request& request, httplib::Response& response) {
        // Compressed request bodies are refused before they are read: httplib inflates them
        // after checking the compressed size, so 300 bytes of gzip could become gigabytes past
        // the body limit (found by fuzzing).
        const std::string encoding = request.get_header_value("Content-Encoding");
        if (!encoding.empty() && encoding != "identity") {
          send_error(response, 415, "unsupported_encoding",
                     "send the body uncompressed (no Content-Encoding)");
          return httplib::Server::HandlerResponse::Handled;
        }
        // A decoded path with a NUL or another control character ("main.js%00.html") names
        // no file: 400, before the static files see it.
        for (const char c : request.path) {
          if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            send_error(response, 400, "bad_request", "the address holds a control character");
            return httplib::Server::HandlerResponse::Handled;
          }
        }
        auto& headers = const_cast<httplib::Headers&>(request.headers);
        // Byte ranges of JSON answers would be cut-off JSON: the API ignores Range. Elsewhere
        // one range is served, never several (each overlapping range would be sent again: an
        // amplifier).
        const std::string range = request.get_header_value("Range");
        if (request.path.starts_with("/api/") || range.find(',') != std::string::npos) {
          headers.erase("Range");
          const_cast<httplib::Request&>(request).ranges.clear();  // parsed with the headers
        }
        const auto found = headers.find("Accept-Encoding");
        if (found != headers.end() && found->second.find("br") != std::string::npos) {
          std::string kept;
          std::string_view rest = found->second;
          while (!rest.empty()) {
            const size_t comma = rest.find(',');
            std::string_view item = rest.substr(0, comma);
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
            while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
            if (item.substr(0, 2) == "br") continue;
            if (!kept.empty()) kept += ", ";
            kept += item;
          }
          found->second = kept;
        }
        return httplib::Server::HandlerResponse::Unhandled;
      }));
  // Every response: security headers; API answers are never cached.
  server_.set_post_routing_handler(
      [](const httplib::Request& request, httplib::Response& response) {
        response.set_header("X-Content-Type-Options", "nosniff");
        response.set_header("X-Frame-Options", "DENY");
        response.set_header("Referrer-Policy", "no-referrer");
        response.set_header("Content-Security-Policy", kContentSecurityPolicy);
        if (request.path.starts_with("/api/") && !response.has_header("Cache-Control"))
          response.set_header("Cache-Control", "no-store");
      });
  // Errors httplib answers itself (unknown route 404, 413, 400 for a bad request line, ...) get
  // a JSON body; responses that already have one keep it.
  server_.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&,
                                                                    httplib::Response& response) {
    if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    switch (response.status) {
      case 404:
        send_error(response, 404, "not_found", "no such page or API endpoint");
        break;
      case 405:
        send_error(response, 405, "method_not_allowed", "this method is not allowed here");
        break;
      case 413:
        send_error(response, 413, "too_large", "the request body is too large (limit 20 MB)");
        break;
      case 414:
        send_error(response, 414, "too_large", "the address is too long");
        break;
      default:
        send_error(response, response.status, response.status < 500 ? "bad_request" : "internal",
                   response.status < 500 ? "the request could not be understood"
                                         : "the server could not complete the request");
    }
    return httplib::Server::HandlerResponse::Handled;
  }));
  server_.set_exception_handler(
      [](const httplib::Request& request, httplib::Response& response, std::exception_ptr error) {
        try {
          if (error) std::rethrow_exception(error);
        } catch (const std::exception& e) {
          spdlog::error("{} {}: {}", request.method, request.path, e.what());
        } catch (...) {
          spdlog::error("{} {}: unknown exception", request.method, request.path);
        }
        send_error(response, 500, "internal", "the server could not complete the request");
      });
  if (options_.log_requests) {
    server_.set_logger([](const httplib::Request& request, const httplib::Response& response) {
      spdlog::info("{} {} {}", request.method, request.path, response.status);
    });
  }
}

Result<int> WebServer::bind() {
  return front_->bind(options_.host, options_.port);
}

void WebServer::serve() {
  front_->run();
}

void WebServer::stop() {
  front_->stop();
}

}  // namespace sendplan::server
