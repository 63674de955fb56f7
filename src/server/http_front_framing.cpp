// How the front reads a request as its bytes arrive, without blocking (http_front.h,
// http_front_internal.h): the head (request line, the headers that frame the body, Expect:
// 100-continue), the body limit for its route, and the body by Content-Length or chunk by chunk,
// refused as soon as it is too large.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "core/text.h"
#include "server/http_front_internal.h"

namespace sendplan::server {
namespace {

constexpr std::size_t kMaxChunkLine = 1024;  // a chunk-size line (with extensions)

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

using detail::send_now;

void HttpFront::Impl::advance(Connection& connection) {
  if (connection.state == State::kHead && !read_head(connection)) return;
  if (connection.state != State::kBody) return;
  std::optional<std::size_t> end = body_end(connection);
  if (connection.state != State::kBody) return;  // refused while scanning
  if (!end) {
    // Count what this connection holds against the bodies buffered in all.
    const std::size_t holds = connection.chunked ? connection.buffer.size() - connection.body_start
                                                 : connection.content_length;
    if (holds > connection.reserved) {
      buffered += holds - connection.reserved;
      connection.reserved = holds;
      if (buffered > limits.max_buffered_body_bytes) {
        ++counters.too_large;
        return refuse(connection, 503, "busy",
                      "the server is receiving too many uploads at once; try again shortly");
      }
    }
    return;
  }
  dispatch(connection, *end);
}

bool HttpFront::Impl::read_head(Connection& connection) {
  std::string& buffer = connection.buffer;
  // Blank lines before a request are allowed (RFC 9112 2.2).
  const std::size_t start = buffer.find_first_not_of("\r\n");
  if (start == std::string::npos) {
    buffer.clear();
    return false;
  }
  if (start > 0) buffer.erase(0, start);
  std::size_t end = std::string::npos;
  for (std::size_t at = buffer.find('\n'); at != std::string::npos;
       at = buffer.find('\n', at + 1)) {
    if (at + 1 < buffer.size() && buffer[at + 1] == '\n') {
      end = at + 2;
      break;
    }
    if (at + 2 < buffer.size() && buffer[at + 1] == '\r' && buffer[at + 2] == '\n') {
      end = at + 3;
      break;
    }
  }
  if (end == std::string::npos) {
    if (buffer.size() > limits.max_head_bytes) {
      ++counters.too_large;
      refuse(connection, 431, "too_large",
             fmt::format("the request's headers are too large (limit {} KB)",
                         limits.max_head_bytes / 1024));
    }
    return false;
  }
  if (end > limits.max_head_bytes) {
    ++counters.too_large;
    refuse(connection, 431, "too_large",
           fmt::format("the request's headers are too large (limit {} KB)",
                       limits.max_head_bytes / 1024));
    return false;
  }

  // Request line and the headers that frame the body.
  std::string_view head(buffer.data(), end);
  std::string kept;
  std::optional<std::size_t> content_length;
  bool chunked = false;
  bool expect_continue = false;
  std::string_view method;
  std::string_view path;
  std::size_t line_start = 0;
  bool first = true;
  while (line_start < head.size()) {
    std::size_t line_end = head.find('\n', line_start);
    std::string_view line = head.substr(line_start, line_end - line_start + 1);
    line_start = line_end + 1;
    std::string_view text = line;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
    if (first) {
      first = false;
      const std::size_t space = text.find(' ');
      const std::size_t second =
          space == std::string_view::npos ? space : text.find(' ', space + 1);
      if (space == std::string_view::npos || second == std::string_view::npos) {
        refuse(connection, 400, "bad_request", "the request line could not be understood");
        return false;
      }
      method = text.substr(0, space);
      path = text.substr(space + 1, second - space - 1);
      path = path.substr(0, path.find('?'));
      kept.append(line);
      continue;
    }
    const std::size_t colon = text.find(':');
    if (text.empty() || colon == std::string_view::npos) {
      kept.append(line);
      continue;
    }
    const std::string_view name = trim(text.substr(0, colon));
    const std::string_view value = trim(text.substr(colon + 1));
    if (iequals(name, "Content-Length")) {
      std::size_t parsed = 0;
      bool digits = !value.empty() && value.size() <= 18;
      for (char c : value) {
        if (c < '0' || c > '9')
          digits = false;
        else
          parsed = parsed * 10 + static_cast<std::size_t>(c - '0');
      }
      if (!digits || (content_length && *content_length != parsed)) {
        refuse(connection, 400, "bad_request", "the Content-Length header is not valid");
        return false;
      }
      content_length = parsed;
    } else if (iequals(name, "Transfer-Encoding")) {
      if (!iequals(value, "chunked") || chunked) {
        refuse(connection, 501, "unsupported_encoding",
               "only the chunked transfer encoding is supported");
        return false;
      }
      chunked = true;
    } else if (iequals(name, "Expect")) {
      if (!iequals(value, "100-continue")) {
        refuse(connection, 400, "bad_request", "only 'Expect: 100-continue' is understood");
        return false;
      }
      expect_continue = true;
      continue;  // answered here; httplib does not see it
    }
    kept.append(line);
  }
  if (chunked && content_length) {
    refuse(connection, 400, "bad_request",
           "a request may not have both Content-Length and Transfer-Encoding");
    return false;
  }
  const std::size_t limit = limit_for(method, path);
  connection.chunked = chunked;
  connection.content_length = content_length.value_or(0);
  if (content_length && *content_length > limit) {
    ++counters.too_large;
    refuse(connection, 413, "too_large", too_large_message(limit));
    return false;
  }
  connection.head = std::move(kept);
  connection.body_start = end;
  connection.body_limit = limit;
  connection.chunked = chunked;
  connection.content_length = content_length.value_or(0);
  connection.scan = end;
  connection.chunk_left = 0;
  connection.in_trailers = false;
  connection.decoded = 0;
  connection.state = State::kBody;
  const std::size_t expected = chunked ? limit : connection.content_length;
  connection.deadline =
      Clock::now() + limits.body_deadline_base +
      std::chrono::milliseconds(expected * 1000 /
                                std::max<std::size_t>(1, limits.min_body_bytes_per_second));
  if (expect_continue && (chunked || connection.content_length > 0))
    send_now(connection.fd, "HTTP/1.1 100 Continue\r\n\r\n");
  return true;
}

std::string HttpFront::Impl::too_large_message(std::size_t limit) {
  return limit >= 1024 * 1024
             ? fmt::format("the request body is too large (limit {} MB)", limit >> 20)
             : fmt::format("the request body is too large for this address (limit {} KB)",
                           limit / 1024);
}

std::size_t HttpFront::Impl::limit_for(std::string_view method, std::string_view path) const {
  for (const RouteBodyLimit& route : limits.route_limits)
    if (path.starts_with(route.path_prefix)) return route.max_body_bytes;
  // Uploads are PUT; every other request carries a small JSON body at most.
  if (method != "PUT") return std::min(limits.max_body_bytes, limits.max_non_put_body_bytes);
  return limits.max_body_bytes;
}

std::optional<std::size_t> HttpFront::Impl::body_end(Connection& connection) {
  const std::string& buffer = connection.buffer;
  if (!connection.chunked) {
    const std::size_t end = connection.body_start + connection.content_length;
    return buffer.size() >= end ? std::optional<std::size_t>(end) : std::nullopt;
  }
  while (true) {
    if (connection.chunk_left > 0) {
      const std::size_t take = std::min(connection.chunk_left, buffer.size() - connection.scan);
      connection.scan += take;
      connection.chunk_left -= take;
      if (connection.chunk_left > 0) return std::nullopt;
    }
    const std::size_t newline = buffer.find('\n', connection.scan);
    if (newline == std::string::npos) {
      if (buffer.size() - connection.scan > kMaxChunkLine) {
        refuse(connection, 400, "bad_request", "a chunk header is too long");
      }
      return std::nullopt;
    }
    std::string_view line(buffer.data() + connection.scan, newline - connection.scan);
    connection.scan = newline + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (connection.in_trailers) {
      if (line.empty()) return connection.scan;
      continue;
    }
    line = line.substr(0, line.find(';'));
    line = trim(line);
    std::size_t size = 0;
    bool ok = !line.empty() && line.size() <= 15;
    for (char c : line) {
      const int digit =
          std::isxdigit(static_cast<unsigned char>(c))
              ? (std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (c | 0x20) - 'a' + 10)
              : -1;
      if (digit < 0)
        ok = false;
      else
        size = size * 16 + static_cast<std::size_t>(digit);
    }
    if (!ok) {
      refuse(connection, 400, "bad_request", "a chunk size could not be read");
      return std::nullopt;
    }
    if (size == 0) {
      connection.in_trailers = true;
      continue;
    }
    connection.decoded += size;
    if (connection.decoded > connection.body_limit) {
      ++counters.too_large;
      refuse(connection, 413, "too_large", too_large_message(connection.body_limit));
      return std::nullopt;
    }
    connection.chunk_left = size + 2;  // its data and the CRLF after it
  }
}

}  // namespace sendplan::server
