// No password reaches a message: rows D12–D13 of docs/errors.md. Fake servers and closed ports
// only, so these run in every test run.

import Foundation
import TestSupport
import Testing

@Suite struct CredentialTests {
  /// D12: a URL with a typo in its scheme, one slash, or a `/` in its password is still treated as
  /// a URL: the message is about the URL and the password is cut out, never printed as a "file" or
  /// as the "database".
  @Test(arguments: [
    ("ClickHouse://analyst:s3cret-pw@127.0.0.1:1/default?table=trades", Int32(69), "cannot reach ClickHouse"),
    ("postgresql+psycopg2://analyst:s3cret-pw@127.0.0.1/shares?table=trades", 64, "unknown source scheme"),
    ("clickhouse:/analyst:s3cret-pw@127.0.0.1:1/default?table=trades", 64, "needs two slashes"),
    ("clickhouse://analyst:pa/s3cret-pw@127.0.0.1:1/default?table=trades", 69, "cannot reach ClickHouse"),
    ("mysql://analyst:s3cret-pw@127.0.0.1/shares?table=trades", 64, "unknown source scheme"),
  ])
  func passwordsInMalformedURLsAreNeverPrinted(_ url: String, _ status: Int32, _ message: String) throws {
    let result = try runSharelens(["shares", url, "--timeout", "120"])
    #expect(result.status == status, "\(result.stderr)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(!result.stderr.contains("s3cret-pw"), "\(result.stderr)")
  }

  /// D13: a server error that echoes the key has it cut out.
  @Test func anEchoedKeyIsCutFromServerText() throws {
    let server = try FakeHTTPServer(
      status: "500 Internal Server Error",
      body: "Code: 1, e.displayText() = DB::Exception: the key s3cret-pw is not what we expected\n")
    defer { server.close() }
    let result = try runSharelens(
      ["shares", "clickhouse://analyst@127.0.0.1:\(server.port)/default?table=trades", "--timeout", "120"],
      environment: ["CLICKHOUSE_PASSWORD": "s3cret-pw"])
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stderr.contains("the key *** is not"), "\(result.stderr)")
    #expect(!result.stderr.contains("s3cret-pw"))
    #expect(server.requests.first?.contains("X-Clickhouse-Key: s3cret-pw") == true)
  }

  /// D12: --help says to keep passwords out of the command line.
  @Test func helpNamesThePasswordVariables() throws {
    let result = try runSharelens(["--help"])
    #expect(result.stdout.contains("CLICKHOUSE_PASSWORD or PGPASSWORD"))
    #expect(result.stdout.contains("visible to every user"))
  }
}
