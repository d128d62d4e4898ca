// Source URLs that are wrong get a usage error that says what is wrong: row D18 of docs/errors.md.

import Foundation
import TestSupport
import Testing

@Suite struct SourceURLTests {
  /// D18: a host that is no host name (`ho%20st` stopped the program), a port past 65535 (was
  /// "cannot reach", 69), and ClickHouse at an IPv6 literal (failed with NSURLErrorDomain -1000).
  @Test(arguments: [
    ("clickhouse://ho%20st/default?table=trades", "is not a host name or IP address"),
    ("clickhouse://127.0.0.1:99999/default?table=trades", "port 99999 is out of range"),
    ("postgres://a@127.0.0.1:70000/shares?table=trades", "port 70000 is out of range"),
    ("clickhouse://[::1]:8123/default?table=trades", "IPv6 address ([::1]) cannot be reached over HTTP"),
  ])
  func badHostsAndPortsAreUsageErrors(_ url: String, _ message: String) throws {
    let result = try runSharelens(["shares", url, "--timeout", "3"])
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(!result.stderr.contains("Fatal error"))
  }

  /// D18: PostgreSQL at an IPv6 literal is reached at that address (libpq wants it without the
  /// brackets; it used to try to resolve "[::1]" as a name).
  @Test func postgresAtAnIPv6LiteralIsReached() throws {
    let result = try runSharelens(["shares", "postgres://a@[::1]:1/shares?table=trades", "--timeout", "120"])
    #expect(result.status == 69, "\(result.stderr)")
    #expect(!result.stderr.contains("could not translate host name"), "\(result.stderr)")
    #expect(result.stderr.contains("cannot reach PostgreSQL at [::1]:1"), "\(result.stderr)")
  }
}
