// PostgreSQL through libpq: one connection, one query, text results. Connection and statement
// timeouts come from the caller's timeout setting, so a silent server never hangs the tool.

import CLibPQ
import Foundation

final class PostgresClient {
  private let connection: OpaquePointer
  let url: SourceURL
  let timeout: Double

  init(url: SourceURL, timeout: Double) throws {
    self.url = url
    self.timeout = timeout
    var keywords = ["host", "port", "dbname", "connect_timeout", "options", "application_name"]
    var values = [
      url.bareHost, String(url.port), url.database, String(Int(PostgresClient.seconds(timeout).rounded(.up))),
      "-c statement_timeout=\(PostgresClient.milliseconds(timeout))", "sharelens",
    ]
    // TLS as the URL asks; libpq's own default (prefer) otherwise.
    for (keyword, value) in [("sslmode", url.sslMode), ("sslrootcert", url.sslRootCert)] {
      if let value {
        keywords.append(keyword)
        values.append(value)
      }
    }
    if let user = url.user {
      keywords.append("user")
      values.append(user)
    }
    if let password = url.password {
      keywords.append("password")
      values.append(password)
    }
    let connection: OpaquePointer? = PostgresClient.withCStrings(keywords) { k in
      PostgresClient.withCStrings(values) { v in PQconnectdbParams(k, v, 0) }
    }
    guard let connection else {
      throw ShareError(.serverUnreachable, "cannot start a PostgreSQL connection (out of memory)")
    }
    self.connection = connection
    // libpq prints the server's notices to standard error as they come, unfiltered; sharelens
    // prints only what it checked (errors, redacted and made safe for the terminal).
    PQsetNoticeProcessor(connection, { _, _ in }, nil)
    guard PQstatus(connection) == CONNECTION_OK else {
      // deinit runs for this half-made object and calls PQfinish: do not finish it here too.
      let message = String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines)
      throw PostgresClient.connectionError(message, url: url, timeout: timeout)
    }
  }

  deinit { PQfinish(connection) }

  /// A connection timeout libpq can take: whole seconds, 1 s to a day (a larger Double would trap
  /// converting to Int).
  static func seconds(_ timeout: Double) -> Double { timeout.isFinite ? min(max(timeout, 1), 86_400) : 86_400 }

  /// The server's statement_timeout: milliseconds, 1 ms to a day. A query may be given less than the
  /// one second the connection needs (a timeout of 0.001 s cancels any real query).
  static func milliseconds(_ timeout: Double) -> Int {
    timeout.isFinite ? Int((min(max(timeout, 0.001), 86_400) * 1000).rounded(.up)) : 86_400_000
  }

  /// Runs `sql` with `parameters` ($1, $2, … as text) and returns the rows as text (nil = NULL).
  func rows(_ sql: String, parameters: [String] = []) throws -> [[String?]] {
    let sent = PostgresClient.withCStrings(parameters) { p in
      PQsendQueryParams(connection, sql, Int32(parameters.count), nil, p, nil, nil, 0)
    }
    guard sent == 1 else { throw lost() }
    // The server's statement_timeout normally ends a slow query first, with a clearer message;
    // this deadline covers a server or network that has gone silent.
    let deadline = DispatchTime.now() + timeout + 1
    var result: OpaquePointer? = nil
    while true {
      try waitUntilReady(deadline)
      guard let next = PQgetResult(connection) else { break }
      if result == nil { result = next } else { PQclear(next) }
    }
    guard let result else { throw lost() }
    defer { PQclear(result) }
    guard PQresultStatus(result) == PGRES_TUPLES_OK else {
      let message = String(cString: PQresultErrorMessage(result)).trimmingCharacters(in: .whitespacesAndNewlines)
      let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
      throw PostgresClient.queryError(message, state: state, url: url, timeout: timeout)
    }
    let count = Int(PQntuples(result))
    let columns = Int(PQnfields(result))
    return (0..<count).map { r in
      (0..<columns).map { c in
        PQgetisnull(result, Int32(r), Int32(c)) == 1 ? nil : String(cString: PQgetvalue(result, Int32(r), Int32(c)))
      }
    }
  }

  /// Reads from the socket until libpq has a whole result (PQgetResult will not block), or
  /// throws when `deadline` passes first.
  private func waitUntilReady(_ deadline: DispatchTime) throws {
    let socket = PQsocket(connection)
    while true {
      guard PQconsumeInput(connection) == 1 else { throw lost() }
      if PQisBusy(connection) == 0 { return }
      let now = DispatchTime.now()
      guard now < deadline else {
        throw ShareError(
          .timedOut, "PostgreSQL at \(url.host):\(url.port) did not answer within \(NumberFormatting.seconds(timeout))",
          hint: "raise \(setting: .timeout), or narrow the query with \(setting: .from)/\(setting: .to)")
      }
      let milliseconds = (deadline.uptimeNanoseconds - now.uptimeNanoseconds) / 1_000_000 + 1
      var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
      if poll(&descriptor, 1, Int32(min(milliseconds, UInt64(Int32.max)))) < 0 && errno != EINTR { throw lost() }
    }
  }

  private func lost() -> ShareError {
    let detail = url.redacting(
      String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines))
    return ShareError(
      .serverUnreachable,
      "lost the PostgreSQL connection to \(url.host):\(url.port)\(detail.isEmpty ? "" : ": " + PostgresClient.firstLine(detail))"
    )
  }

  static func connectionError(_ message: String, url: SourceURL, timeout: Double) -> ShareError {
    let message = url.redacting(message)
    let lower = message.lowercased()
    if lower.contains("password authentication failed") || lower.contains("no password supplied")
      || lower.contains("authentication failed")
      || lower.contains("role") && lower.contains("does not exist")
    {
      return ShareError(
        .refused, "PostgreSQL refused the login for \(url.user ?? "the default user"): \(firstLine(message))",
        hint: "check the user in the URL and PGPASSWORD")
    }
    if lower.contains("timeout expired") {
      return ShareError(
        .timedOut, "PostgreSQL at \(url.host):\(url.port) did not answer within \(NumberFormatting.seconds(timeout))",
        hint: "raise \(setting: .timeout)")
    }
    if lower.contains("database") && lower.contains("does not exist") {
      return ShareError.data(
        "PostgreSQL has no such database: \(firstLine(message))", at: SourceLocation(file: url.display),
        expected: "an existing database")
    }
    return ShareError(
      .serverUnreachable, "cannot reach PostgreSQL at \(url.host):\(url.port): \(firstLine(message))",
      hint: "is the server running and listening on \(url.host):\(url.port)?")
  }

  static func queryError(_ message: String, state: String, url: SourceURL, timeout: Double) -> ShareError {
    let message = url.redacting(message)
    switch state {
    case "42P01":
      return ShareError.data(
        "PostgreSQL has no such table: \(firstLine(message))", at: SourceLocation(file: url.display),
        expected: "an existing table")
    case "42703":
      return ShareError.data(
        "PostgreSQL has no such column: \(firstLine(message))", at: SourceLocation(file: url.display),
        expected: "a column of \(url.table)")
    case "57014":
      return ShareError(
        .timedOut, "PostgreSQL cancelled the query after \(NumberFormatting.seconds(timeout))",
        hint: "raise \(setting: .timeout), or narrow the query with \(setting: .from)/\(setting: .to)")
    case "28000", "28P01", "42501": return ShareError(.refused, "PostgreSQL refused: \(firstLine(message))")
    default:
      return ShareError.data(
        "PostgreSQL answered an error: \(firstLine(message))", at: SourceLocation(file: url.display))
    }
  }

  static func firstLine(_ text: String) -> String {
    text.split(separator: "\n").first.map {
      String($0).replacingOccurrences(of: "ERROR:  ", with: "").replacingOccurrences(of: "FATAL:  ", with: "")
    } ?? text
  }

  /// Calls `body` with a C array of C strings that live for the call.
  static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { for copy in copies { free(copy) } }
    var pointers: [UnsafePointer<CChar>?] = copies.map { UnsafePointer($0) } + [nil]
    return pointers.withUnsafeMutableBufferPointer { body(UnsafePointer($0.baseAddress!)) }
  }
}
