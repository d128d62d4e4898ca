// ClickHouse over its HTTP interface (URLSession): the SQL goes in a POST body, the answer comes
// back as tab-separated text. Errors arrive as 4xx/5xx with "Code: N, e.displayText() = …".

import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

struct ClickHouseClient {
  let url: SourceURL
  let timeout: Double

  /// Runs `sql` and returns the rows of its TabSeparated answer; nil is NULL (`\N`). Fields are
  /// unescaped and checked as bytes: decoding first turned `\N` into a category "N" (merged with
  /// a real "N"), and every invalid UTF-8 sequence into U+FFFD (merging distinct names).
  func rows(_ sql: String) throws -> [[String?]] {
    let body = try run(sql + "\nFORMAT TabSeparated")
    return try body.split(separator: 0x0A, omittingEmptySubsequences: true).enumerated().map { index, line in
      try line.split(separator: 0x09, omittingEmptySubsequences: false).map { field -> String? in
        if field.elementsEqual([0x5C, 0x4E]) { return nil }  // \N
        let bytes = ClickHouseClient.unescape(field)
        guard let text = String(validating: bytes, as: UTF8.self) else {
          throw ShareError.data(
            "ClickHouse answered text that is not valid UTF-8 in row \(index + 1): \(quoted(String(decoding: bytes, as: UTF8.self)))",
            at: SourceLocation(file: url.display), expected: "UTF-8 text",
            hint:
              "names that differ only in their invalid bytes would be merged: fix them in the table, or exclude them")
        }
        return text
      }
    }
  }

  func run(_ sql: String) throws -> [UInt8] {
    var components = URLComponents()
    components.scheme = url.secure ? "https" : "http"
    components.percentEncodedHost = url.host
    components.port = url.port
    components.path = "/"
    components.queryItems = [URLQueryItem(name: "database", value: url.database)]
    guard let address = components.url else {
      throw ShareError.request("cannot make an HTTP address from \(url.display)")
    }
    var request = URLRequest(url: address, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
    request.httpMethod = "POST"
    request.httpBody = Data(sql.utf8)
    // ClickHouse's own headers (18.16 and later), not HTTP Basic: a 401 challenge to Basic would
    // send URLSession looking for credentials to retry with.
    if url.user != nil || url.password != nil {
      request.setValue(url.user ?? "default", forHTTPHeaderField: "X-ClickHouse-User")
      request.setValue(url.password ?? "", forHTTPHeaderField: "X-ClickHouse-Key")
    }
    // The answer is the uncompressed text: no gzip to inflate past the size limit.
    request.setValue("identity", forHTTPHeaderField: "Accept-Encoding")
    let body: [UInt8]
    switch HTTPExchange.run(request, timeout: timeout, maxBytes: ClickHouseClient.maxAnswerBytes) {
    case .timedOut: throw timedOut()
    case .challenged:
      // The server asked for credentials again: the ones sent were refused.
      throw ShareError(
        .refused, "ClickHouse refused the login for \(url.user ?? "default")",
        hint: "check the user in the URL and CLICKHOUSE_PASSWORD")
    case .redirect(let status, let location):
      throw ShareError(
        .serverUnreachable,
        Phrase(
          "ClickHouse at \(url.host):\(url.port) answered with a redirect (HTTP \(status)) to "
            + (location.map { SourceURL.redacted($0) } ?? "no location")
            + "; sharelens does not follow redirects, so the credentials go nowhere else"),
        hint: "name the server the redirect points to in the URL, if you trust it")
    case .tooLarge:
      throw ShareError.data(
        "the answer from ClickHouse at \(url.host):\(url.port) is larger than \(ClickHouseClient.maxAnswerBytes >> 20) MiB",
        at: SourceLocation(file: url.display), expected: "one row per day and category",
        hint:
          "narrow the query with \(setting: .from)/\(setting: .to) or \(setting: .include), group into fewer categories, or raise SHARELENS_MAX_ANSWER_MIB"
      )
    case .failed(let error):
      if let error = error as? URLError,
        error.code == .userCancelledAuthentication || error.code == .userAuthenticationRequired
      {
        throw ShareError(
          .refused, "ClickHouse refused the login for \(url.user ?? "default")",
          hint: "check the user in the URL and CLICKHOUSE_PASSWORD")
      }
      throw ShareError(
        .serverUnreachable, "cannot reach ClickHouse at \(url.host):\(url.port): \(error.localizedDescription)",
        hint: "is the server running, and is \(url.port) its HTTP port (8123 by default)?")
    case .answer(let status, let data):
      guard status == 200 else {
        throw ClickHouseClient.error(status: status, body: String(decoding: data, as: UTF8.self), url: url)
      }
      body = Array(data)
    }
    return body
  }

  /// The largest answer read: about 1.3 million rows of day, category, sum and count (50 bytes
  /// each), far more than a share table can show; also the bound on rows. SHARELENS_MAX_ANSWER_MIB
  /// (1 to 4096) changes it, for a table with more days × categories than that.
  static var maxAnswerBytes: Int {
    let asked = ProcessInfo.processInfo.environment["SHARELENS_MAX_ANSWER_MIB"].flatMap { Int($0) }
    return (asked.map { (1...4096).contains($0) ? $0 : 64 } ?? 64) << 20
  }

  func timedOut() -> ShareError {
    ShareError(
      .timedOut, "ClickHouse at \(url.host):\(url.port) did not answer within \(NumberFormatting.seconds(timeout))",
      hint: "raise \(setting: .timeout), or narrow the query with \(setting: .from)/\(setting: .to)")
  }

  /// Maps ClickHouse's error codes to what a user can do about them.
  static func error(status: Int, body: String, url: SourceURL) -> ShareError {
    // The server's own text, with the key cut out wherever it echoes it.
    var message =
      body.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").first.map(String.init)
      ?? "HTTP \(status)"
    message = url.redacting(message)
    let code = message.hasPrefix("Code: ") ? Int(message.dropFirst(6).prefix { $0.isNumber }) : nil
    switch code {
    // Unknown user, wrong password, required password, IP not allowed, authentication failed.
    case 192, 193, 194, 195, 516:
      return ShareError(
        .refused, "ClickHouse refused the login for \(url.user ?? "default"): \(message)",
        hint: "check the user in the URL and CLICKHOUSE_PASSWORD")
    case 60, 81:  // unknown table, unknown database
      return ShareError.data(
        "ClickHouse has no such table: \(message)", at: SourceLocation(file: url.display),
        expected: "an existing database and table")
    case 16, 47:  // no such column, unknown identifier
      return ShareError.data(
        "ClickHouse has no such column: \(message)", at: SourceLocation(file: url.display),
        expected: "a column of \(url.table)")
    default:
      if status == 401 || status == 403 {
        return ShareError(.refused, "ClickHouse refused the login: \(message)")
      }
      return ShareError.data("ClickHouse answered an error: \(message)", at: SourceLocation(file: url.display))
    }
  }

  /// TabSeparated escapes (\t \n \\ and friends), on bytes.
  static func unescape<C: Collection<UInt8>>(_ field: C) -> [UInt8] {
    guard field.contains(0x5C) else { return Array(field) }
    var out: [UInt8] = []
    out.reserveCapacity(field.count)
    var escape = false
    for byte in field {
      if escape {
        switch byte {
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "0"): out.append(0x00)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        default: out.append(byte)
        }
        escape = false
      } else if byte == 0x5C {
        escape = true
      } else {
        out.append(byte)
      }
    }
    return out
  }

}

enum NumberFormatting {
  static func seconds(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? "\(Int(value)) s" : "\(value) s"
  }
}
