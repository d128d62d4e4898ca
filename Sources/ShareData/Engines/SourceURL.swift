// Database sources named like files: clickhouse://[user[:password]@]host[:port]/database?table=NAME
// and postgres://… The password may also come from CLICKHOUSE_PASSWORD or PGPASSWORD; it never
// appears in a message, a log, a printed query or a report: `display` leaves it out.

import Foundation

public enum EngineKind: String, Sendable {
  case clickhouse
  case postgres

  /// The HTTP interface's port for ClickHouse, the server port for PostgreSQL.
  var defaultPort: Int { self == .clickhouse ? 8123 : 5432 }
  var passwordVariable: String { self == .clickhouse ? "CLICKHOUSE_PASSWORD" : "PGPASSWORD" }
}

public struct SourceURL: Sendable, Equatable {
  public var kind: EngineKind
  public var user: String?
  public var password: String?
  public var host: String
  public var port: Int
  public var database: String
  public var table: String

  /// Whether `text` names a database rather than a file.
  public static func isURL(_ text: String) -> Bool {
    text.hasPrefix("clickhouse://") || text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
  }

  public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
    guard let components = URLComponents(string: text), let scheme = components.scheme else {
      throw ShareError.request(
        "\(SourceURL.redacted(text)) is not a valid source URL",
        hint: "write clickhouse://host:8123/database?table=NAME")
    }
    switch scheme {
    case "clickhouse": kind = .clickhouse
    case "postgres", "postgresql": kind = .postgres
    default: throw ShareError.request("unknown source scheme \(scheme)://", hint: "use clickhouse:// or postgres://")
    }
    guard let host = components.host, !host.isEmpty else {
      throw ShareError.request(
        "\(SourceURL.redacted(text)) names no host", hint: "write \(scheme)://host/database?table=NAME")
    }
    self.host = host
    port = components.port ?? kind.defaultPort
    user = components.user.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding }
    password = components.password?.removingPercentEncoding ?? environment[kind.passwordVariable]
    let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
    database = path.isEmpty ? (kind == .clickhouse ? "default" : (user ?? "postgres")) : path
    guard let table = components.queryItems?.first(where: { $0.name == "table" })?.value, !table.isEmpty else {
      throw ShareError.request("\(SourceURL.redacted(text)) names no table", hint: "add ?table=NAME")
    }
    self.table = table
    try SQLIdentifier.validate(database, what: "database")
    try SQLIdentifier.validate(table, what: "table")
  }

  /// The source as shown to people: no password, ever.
  public var display: String {
    "\(kind.rawValue)://\(user.map { "\($0)@" } ?? "")\(host):\(port)/\(database)?table=\(table)"
  }

  /// A URL typed by a user with any password cut out, for messages about a malformed URL.
  static func redacted(_ text: String) -> String {
    guard let at = text.firstIndex(of: "@"), let scheme = text.range(of: "://"), scheme.upperBound < at else {
      return text
    }
    let credentials = text[scheme.upperBound..<at]
    guard let colon = credentials.firstIndex(of: ":") else { return text }
    return String(text[..<colon]) + ":***" + String(text[at...])
  }
}
