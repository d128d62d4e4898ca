// Filter values reach PostgreSQL as bound parameters, whatever the server's string settings:
// row D11 of docs/errors.md, against the real server of scripts/with-engines.sh.

import Foundation
import TestSupport
import Testing

@Suite(.enabled(if: engines != nil, "needs scripts/with-engines.sh"), .serialized)
struct PostgresParameterTests {
  /// The PostgreSQL port: with-engines' 55432 unless SHARELENS_TEST_PG_PORT names another.
  static let port = ProcessInfo.processInfo.environment["SHARELENS_TEST_PG_PORT"] ?? "55432"

  func psql(_ sql: String) throws {
    let result = try runProcess(
      "/usr/bin/psql", ["-q", "-h", "127.0.0.1", "-p", Self.port, "-U", "sharelens", "shares", "-c", sql],
      environment: pgEnvironment)
    #expect(result.status == 0, "\(result.stderr)")
  }

  /// D11: with standard_conforming_strings = off (here the role's setting) a backslash used to end
  /// the quoted value early, and `\') OR 1=1 --` selected every row. Bound, it matches nothing.
  @Test func backslashValuesStayValuesWithNonstandardStrings() throws {
    try psql("ALTER ROLE sharelens SET standard_conforming_strings = off")
    defer { try? psql("ALTER ROLE sharelens RESET standard_conforming_strings") }
    let source = "postgres://sharelens@127.0.0.1:\(Self.port)/shares?table=trades"
    let result = try runSharelens(
      ["shares", source, "--group", "exchange", "--include", "exchange=\\') OR 1=1 --", "--format", "csv"],
      environment: pgEnvironment)
    #expect(result.status == 65, "\(result.stdout)\n\(result.stderr)")
    #expect(result.stderr.contains("the query returned no rows"), "\(result.stderr)")
  }
}
