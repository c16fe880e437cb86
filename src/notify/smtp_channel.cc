#include "notify/smtp_channel.h"

#include <sodium.h>

#include <algorithm>
#include <ctime>
#include <vector>

#include "notify/timed_stream.h"

namespace qorgau::notify {

namespace {

constexpr std::size_t kMaxLineOctets = 998;
constexpr std::size_t kBase64LineChars = 76;

std::string base64(std::string_view bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

// The text's lines, whatever their ends (CRLF, LF or CR).
std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines(1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      lines.emplace_back();
    } else {
      lines.back().push_back(c);
    }
  }
  return lines;
}

bool has_line_break(std::string_view text) {
  return text.find_first_of("\r\n") != std::string_view::npos;
}

struct Reply {
  int code = 0;
  std::vector<std::string> lines;
};

// One reply, possibly multi-line ("250-..." continued, "250 ..." last).
Reply read_reply(TimedStream& stream) {
  Reply reply;
  for (;;) {
    std::string line = stream.read_line();
    if (line.size() < 3 ||
        !std::all_of(line.begin(), line.begin() + 3, [](char c) { return c >= '0' && c <= '9'; })) {
      throw ChannelError("bad_reply");
    }
    int code = std::stoi(line.substr(0, 3));
    if (reply.code != 0 && code != reply.code) throw ChannelError("bad_reply");
    reply.code = code;
    reply.lines.push_back(line.size() > 4 ? line.substr(4) : "");
    if (line.size() == 3 || line[3] == ' ') return reply;
    if (line[3] != '-') throw ChannelError("bad_reply");
  }
}

// Sends `command` (without CRLF; empty: just read) and requires a reply of `expected` class.
Reply step(TimedStream& stream, const std::string& command, int expected_first_digit) {
  if (!command.empty()) stream.write(command + "\r\n");
  Reply reply = read_reply(stream);
  if (reply.code / 100 == expected_first_digit) return reply;
  throw ChannelError(reply.code / 100 == 4 ? "deferred" : "refused");
}

std::string domain_of(const std::string& address) {
  auto at = address.rfind('@');
  return at == std::string::npos ? std::string("localhost") : address.substr(at + 1);
}

}  // namespace

std::string rfc5322_date(std::int64_t at_ms) {
  std::time_t seconds = static_cast<std::time_t>(at_ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[64];
  std::size_t n = std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S +0000", &utc);
  return std::string(text, n);
}

std::string smtp_message(const std::string& from, const Delivery& delivery, const std::string& date,
                         bool eight_bit) {
  std::vector<std::string> body = lines_of(delivery.text);
  bool fits = std::all_of(body.begin(), body.end(),
                          [](const std::string& line) { return line.size() <= kMaxLineOctets; });
  std::vector<std::string> lines = {
      "From: <" + from + ">",
      "To: <" + delivery.address + ">",
      "Subject: =?UTF-8?B?" + base64(delivery.subject) + "?=",
      "Date: " + date,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=UTF-8",
  };
  if (eight_bit && fits) {
    lines.emplace_back("Content-Transfer-Encoding: 8bit");
    lines.emplace_back();
    lines.insert(lines.end(), body.begin(), body.end());
  } else {
    lines.emplace_back("Content-Transfer-Encoding: base64");
    lines.emplace_back();
    std::string crlf_text;
    for (std::size_t i = 0; i < body.size(); ++i) crlf_text += (i ? "\r\n" : "") + body[i];
    std::string encoded = base64(crlf_text);
    for (std::size_t at = 0; at < encoded.size(); at += kBase64LineChars) {
      lines.push_back(encoded.substr(at, kBase64LineChars));
    }
  }
  std::string out;
  for (const auto& line : lines) {
    if (line.starts_with('.')) out.push_back('.');  // dot-stuffing (RFC 5321 4.5.2)
    out += line;
    out += "\r\n";
  }
  return out;
}

void SmtpChannel::send(store::Connection&, const Delivery& delivery) const {
  if (!configured()) throw ChannelError("not_configured");
  if (delivery.address.empty() || has_line_break(delivery.address) ||
      has_line_break(settings_.from)) {
    throw ChannelError("bad_address");
  }
  TimedStream stream(settings_.timeout);
  stream.connect(settings_.host, settings_.port);
  step(stream, "", 2);  // the greeting
  Reply hello = step(stream, "EHLO " + domain_of(settings_.from), 2);
  bool eight_bit = std::any_of(hello.lines.begin(), hello.lines.end(), [](const std::string& l) {
    return l == "8BITMIME" || l.starts_with("8BITMIME ");
  });
  step(stream, "MAIL FROM:<" + settings_.from + ">" + (eight_bit ? " BODY=8BITMIME" : ""), 2);
  step(stream, "RCPT TO:<" + delivery.address + ">", 2);
  step(stream, "DATA", 3);
  stream.write(smtp_message(settings_.from, delivery, rfc5322_date(clock_.now_ms()), eight_bit) +
               ".\r\n");
  step(stream, "", 2);
  try {
    step(stream, "QUIT", 2);
  } catch (const ChannelError&) {
    // The message was accepted; a server that drops the line at QUIT changes nothing.
  }
  stream.close();
}

}  // namespace qorgau::notify
