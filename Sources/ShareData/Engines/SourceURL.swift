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
  /// ClickHouse `?secure=1`: HTTPS (port 8443 by default), the server's certificate checked.
  public var secure = false
  /// PostgreSQL `?sslmode=…` and `?sslrootcert=…`, handed to libpq as they are.
  public var sslMode: String?
  public var sslRootCert: String?

  /// The query parameters each engine understands; any other is an error, never ignored (an
  /// ignored `ssl=true` would connect unencrypted).
  static let parameters: [EngineKind: Set<String>] = [
    .clickhouse: ["table", "secure"], .postgres: ["table", "sslmode", "sslrootcert"],
  ]
  static let sslModes: Set<String> = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]

  /// Whether `text` is taken for a URL rather than a file: anything that starts like one
  /// (`scheme:/`, any case), so a typo in the scheme (`ClickHouse://`, `postgresql+psycopg2://`,
  /// `clickhouse:/`) is an error about the URL, with its password cut out, and never a "file"
  /// printed whole. A file whose name starts like that can be given as `./NAME`.
  /// (These helpers work on UTF-8 bytes: `@` or `/` followed by a combining mark is no `@` or `/`
  /// Character, but is one to a URL parser and to a reader.)
  public static func isURL(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard let colon = schemeEnd(bytes) else { return false }
    return colon + 1 < bytes.count && bytes[colon + 1] == UInt8(ascii: "/")
  }

  /// The index of the `:` that ends a scheme (a letter, then letters, digits, `+ - .`), if any.
  static func schemeEnd(_ bytes: [UInt8]) -> Int? {
    func isLetter(_ c: UInt8) -> Bool { (0x61...0x7A).contains(c) || (0x41...0x5A).contains(c) }
    guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, isLetter(bytes[0]) else { return nil }
    let valid = bytes[..<colon].allSatisfy {
      isLetter($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-")
        || $0 == UInt8(ascii: ".")
    }
    return valid ? colon : nil
  }

  public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
    guard let components = URLComponents(string: SourceURL.encodingUserInfo(text)), let scheme = components.scheme
    else {
      throw ShareError.request(
        "\(SourceURL.redacted(text)) is not a valid source URL",
        hint: "write clickhouse://host:8123/database?table=NAME")
    }
    // Schemes are case-insensitive (RFC 3986 §3.1).
    switch scheme.lowercased() {
    case "clickhouse": kind = .clickhouse
    case "postgres", "postgresql": kind = .postgres
    default:
      throw ShareError.request(
        "\(SourceURL.redacted(text)): unknown source scheme \(quoted(scheme))",
        hint: "use clickhouse://host:8123/database?table=NAME or postgres://user@host/database?table=NAME")
    }
    guard text.utf8.dropFirst(scheme.utf8.count).starts(with: "://".utf8) else {
      throw ShareError.request(
        "\(SourceURL.redacted(text)) is not a valid source URL: the scheme needs two slashes",
        hint: "write \(kind.rawValue)://host/database?table=NAME")
    }
    guard let host = components.percentEncodedHost, !host.isEmpty else {
      throw ShareError.request(
        "\(SourceURL.redacted(text)) names no host", hint: "write \(scheme)://host/database?table=NAME")
    }
    guard SourceURL.isValidHost(host) else {
      throw ShareError.request(
        "\(SourceURL.redacted(text)): \(quoted(host)) is not a host name or IP address",
        hint: "a name such as db.example.com, an IPv4 address, or an IPv6 address in brackets: [::1]")
    }
    if kind == .clickhouse && host.hasPrefix("[") {
      // Foundation's URLSession on Linux refuses every URL with an IPv6 literal (NSURLErrorBadURL,
      // -1000) before connecting; say so instead of "cannot reach".
      throw ShareError.request(
        "\(SourceURL.redacted(text)): ClickHouse at an IPv6 address (\(host)) cannot be reached over HTTP here",
        hint: "use a host name that resolves to it (e.g. an /etc/hosts entry), or its IPv4 address")
    }
    if let port = components.port, !(1...65535).contains(port) {
      throw ShareError.request(
        "\(SourceURL.redacted(text)): port \(port) is out of range", hint: "ports are 1–65535")
    }
    self.host = host
    for item in components.queryItems ?? [] where !SourceURL.parameters[kind]!.contains(item.name) {
      throw ShareError.request(
        "\(SourceURL.redacted(text)): unknown parameter \(quoted(item.name))",
        hint: "\(kind.rawValue) URLs take \(SourceURL.parameters[kind]!.sorted().joined(separator: ", "))")
    }
    func parameter(_ name: String) -> String? { components.queryItems?.first { $0.name == name }?.value }
    if let value = parameter("secure") {
      guard ["0", "1", "true", "false"].contains(value) else {
        throw ShareError.request(
          "\(SourceURL.redacted(text)): secure=\(quoted(value))", hint: "write secure=1 or secure=0")
      }
      secure = value == "1" || value == "true"
    }
    if let value = parameter("sslmode") {
      guard SourceURL.sslModes.contains(value) else {
        throw ShareError.request(
          "\(SourceURL.redacted(text)): sslmode=\(quoted(value))",
          hint: "one of \(SourceURL.sslModes.sorted().joined(separator: ", "))")
      }
      sslMode = value
    }
    sslRootCert = parameter("sslrootcert")
    port = components.port ?? (secure ? 8443 : kind.defaultPort)
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

  /// A host name (letters, digits, `-`, `_`, `.`), or an IPv6 address in brackets (hex digits,
  /// `:`, `.`, and a `%25` zone of letters and digits). Anything else (`ho%20st`, spaces) used to
  /// reach a force-unwrapped URL and stop the program.
  static func isValidHost(_ host: String) -> Bool {
    let scalars = host.unicodeScalars
    func isAlphanumeric(_ c: Unicode.Scalar) -> Bool {
      ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
    }
    if host.hasPrefix("[") {
      guard host.hasSuffix("]"), host.count > 2 else { return false }
      let inner = host.dropFirst().dropLast()
      let (address, zone) =
        inner.range(of: "%25").map { (inner[..<$0.lowerBound], inner[$0.upperBound...]) } ?? (inner, "")
      return address.contains(":")
        && address.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit || $0 == ":" || $0 == "." }
        && zone.unicodeScalars.allSatisfy(isAlphanumeric)
    }
    return scalars.count <= 253 && scalars.allSatisfy { isAlphanumeric($0) || $0 == "-" || $0 == "_" || $0 == "." }
  }

  /// The host as libpq and people take it: an IPv6 address without its brackets.
  public var bareHost: String {
    host.hasPrefix("[") ? String(host.dropFirst().dropLast()).replacingOccurrences(of: "%25", with: "%") : host
  }

  /// The source as shown to people: no password, ever.
  public var display: String {
    "\(kind.rawValue)://\(user.map { "\($0)@" } ?? "")\(host):\(port)/\(database)?table=\(table)"
  }

  /// A URL typed by a user with any password cut out, for messages about a malformed URL. The
  /// credentials end at the last `@` (a password may hold `/`, `?`, `#`, `:` or `@` unencoded) and
  /// start after `scheme://` (or `scheme:/`); everything from their first `:` is cut. Without the
  /// slashes (`word:secret@host`) or without a scheme, the cut starts at the first `:`. Cutting too
  /// much from a message is better than too little.
  public static func redacted(_ text: String) -> String {
    let bytes = Array(text.utf8)
    guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return text }
    var start = 0
    if let colon = schemeEnd(bytes), let authority = authorityStart(bytes), authority <= at {
      start = colon + 1 < bytes.count && bytes[colon + 1] == UInt8(ascii: "/") ? authority : colon
    }
    guard let colon = bytes[start..<at].firstIndex(of: UInt8(ascii: ":")) else { return text }
    return String(decoding: bytes[..<colon] + Array(":***".utf8) + bytes[at...], as: UTF8.self)
  }

  /// Where the part after `scheme:`, `scheme:/` or `scheme://` starts, if `bytes` start with a
  /// scheme (more loosely than isURL: a password is cut from anything that might be a URL).
  static func authorityStart(_ bytes: [UInt8]) -> Int? {
    guard let colon = schemeEnd(bytes) else { return nil }
    var start = colon + 1
    while start < bytes.count && bytes[start] == UInt8(ascii: "/") { start += 1 }
    return start
  }

  /// The URL with its user and password percent-encoded where they hold characters that would end
  /// them early (`/ ? # [ ]` and all but the last `@`): `clickhouse://u:pa/ss@host/db` means the
  /// password `pa/ss`, not the host `u` and the database `ss@host/db`.
  static func encodingUserInfo(_ text: String) -> String {
    let bytes = Array(text.utf8)
    guard let authority = authorityStart(bytes), let at = bytes[authority...].lastIndex(of: UInt8(ascii: "@")) else {
      return text
    }
    var encoded: [UInt8] = []
    for byte in bytes[authority..<at] {
      switch byte {
      case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: "["),
        UInt8(ascii: "]"):
        encoded += Array("%\(String(byte, radix: 16, uppercase: true))".utf8)
      default: encoded.append(byte)
      }
    }
    return String(decoding: bytes[..<authority] + encoded + bytes[at...], as: UTF8.self)
  }

  /// `text` (any message) with the password of every URL in it cut out. A URL is taken to run to
  /// the end of its line and its credentials to the line's last `@`: a password may hold spaces or
  /// quotes, and cutting too much from a message is better than too little. (A URL whose password
  /// holds a line break is cut by `redacted` where the message is made; this is the second net.)
  /// Lines and URLs are found in UTF-8 bytes, as `redacted` works: a Character search missed
  /// `scheme:/` when a combining mark followed the slash (`"/\u{357}"` is one Character, not `/`),
  /// and a `\r\n` line end is one Character that a match could not end inside.
  public static func redactingURLs(in text: String) -> String {
    var bytes = Array(text.utf8)
    var lineStart = 0
    var changed = false
    while lineStart < bytes.count {
      let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
      if let urlStart = firstURLStart(bytes[lineStart..<lineEnd]) {
        let url = String(decoding: bytes[urlStart..<lineEnd], as: UTF8.self)
        let cut = Array(redacted(url).utf8)
        if !cut.elementsEqual(bytes[urlStart..<lineEnd]) {
          bytes.replaceSubrange(urlStart..<lineEnd, with: cut)
          changed = true
        }
        lineStart = urlStart + cut.count + 1
      } else {
        lineStart = lineEnd + 1
      }
    }
    return changed ? String(decoding: bytes, as: UTF8.self) : text
  }

  /// Where the first URL-like text of a line starts: the leftmost letter that begins a run of
  /// scheme characters (letters, digits, `+ - .`) ending in `:/`.
  static func firstURLStart(_ line: ArraySlice<UInt8>) -> Int? {
    func isLetter(_ c: UInt8) -> Bool { (0x61...0x7A).contains(c) || (0x41...0x5A).contains(c) }
    func isSchemeByte(_ c: UInt8) -> Bool {
      isLetter(c) || (0x30...0x39).contains(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: "-")
        || c == UInt8(ascii: ".")
    }
    var colon = line.startIndex
    while let found = line[colon...].firstIndex(of: UInt8(ascii: ":")) {
      colon = found + 1
      guard found + 1 < line.endIndex, line[found + 1] == UInt8(ascii: "/") else { continue }
      var run = found
      while run > line.startIndex && isSchemeByte(line[run - 1]) { run -= 1 }
      // The scheme starts at the run's first letter (a digit, `+`, `-` or `.` cannot start it).
      if let letter = line[run..<found].firstIndex(where: isLetter) { return letter }
    }
    return nil
  }

  /// Server text (an error message) with this URL's password cut out, wherever the server echoed it.
  /// (Passwords shorter than 3 characters are not searched for: they would cut words apart.)
  public func redacting(_ text: String) -> String {
    guard let password, password.count >= 3 else { return text }
    return text.replacingOccurrences(of: password, with: "***")
  }
}
