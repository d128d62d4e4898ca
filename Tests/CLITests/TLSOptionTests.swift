// TLS options in source URLs are honoured, and unknown ones refused: row D14 of docs/errors.md.
// Fake servers in this process: one that refuses TLS, one that speaks plain HTTP only.

import Foundation
import TestSupport
import Testing

@Suite struct TLSOptionTests {
  /// D14: `sslmode=require` reaches libpq: a server without TLS is refused before the login
  /// (it used to be ignored, and the login and query went unencrypted).
  @Test func postgresSSLModeRequireRefusesAPlainServer() throws {
    let server = try StallingPostgres()
    defer { server.close() }
    let result = try runSharelens([
      "shares", "postgres://analyst@127.0.0.1:\(server.port)/shares?table=trades&sslmode=require", "--timeout", "120",
    ])
    #expect(result.status == 69, "\(result.stderr)")
    #expect(result.stderr.contains("SSL"), "\(result.stderr)")
    #expect(!server.loggedIn)
  }

  /// D14: ClickHouse `secure=1` speaks HTTPS: the first bytes the server sees are a TLS handshake,
  /// not a plain-text request with the key in it.
  @Test func clickhouseSecureSpeaksTLS() throws {
    let server = try FakeHTTPServer(status: "500 Internal Server Error", body: "Code: 1, e.displayText() = plain")
    defer { server.close() }
    let result = try runSharelens(
      ["shares", "clickhouse://analyst@127.0.0.1:\(server.port)/default?table=trades&secure=1", "--timeout", "3"],
      environment: ["CLICKHOUSE_PASSWORD": "s3cret-pw"])
    #expect(result.status == 69 || result.status == 75, "\(result.stderr)")
    // The server records a request once the client has closed the connection, on its own thread:
    // under load that can come a moment after sharelens has exited.
    let deadline = Date().addingTimeInterval(10)
    while server.requests.isEmpty && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    let first = server.requests.first.map { Array($0.utf8.prefix(1)) }
    #expect(first == [0x16], "not a TLS handshake: \(server.requests)")
    #expect(!server.requests.contains { $0.contains("s3cret-pw") })
  }

  /// D14: a parameter the engine does not take (`ssl=true`) is an error, never ignored.
  @Test(arguments: [
    "clickhouse://127.0.0.1:1/default?table=trades&ssl=true", "postgres://a@127.0.0.1:1/shares?table=t&tls=1",
    "postgres://a@127.0.0.1:1/shares?table=t&sslmode=requier",
  ])
  func unknownParametersAreRefused(_ url: String) throws {
    let result = try runSharelens(["shares", url])
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.contains("unknown parameter") || result.stderr.contains("sslmode="), "\(result.stderr)")
  }
}
