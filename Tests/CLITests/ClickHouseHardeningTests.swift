// ClickHouse servers that misbehave on purpose (fake ones in this process, so these run in every
// test run): rows D09–D10 of docs/errors.md.

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct ClickHouseHardeningTests {
  /// D09: a redirect is not followed, so the key never reaches the host it names; the error says
  /// where it pointed.
  @Test func redirectsAreNotFollowedWithTheKey() throws {
    let elsewhere = try FakeHTTPServer(status: "500 Internal Server Error", body: "Code: 1, e.displayText() = nope")
    defer { elsewhere.close() }
    let server = try FakeHTTPServer(
      status: "302 Found", headers: ["Location: http://127.0.0.1:\(elsewhere.port)/?database=default"])
    defer { server.close() }
    let result = try runSharelens([
      "shares", "clickhouse://analyst:s3cret@127.0.0.1:\(server.port)/default?table=trades", "--timeout", "120",
    ])
    #expect(result.status == 69, "\(result.stderr)")
    #expect(result.stderr.contains("redirect (HTTP 302) to http://127.0.0.1:\(elsewhere.port)/"), "\(result.stderr)")
    #expect(elsewhere.requests.isEmpty, "the redirect was followed: \(elsewhere.requests)")
    #expect(server.requests.count == 1)
    #expect(!result.stderr.contains("s3cret"))
  }

  /// D10: an answer that never ends is given up at 64 MiB, long before the timeout, instead of
  /// being held in memory until the machine runs out.
  @Test func anEndlessAnswerIsCutAtTheLimit() throws {
    let server = try FakeHTTPServer { fd, _ in
      guard FakeHTTPServer.send(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n") else {
        return
      }
      let chunk = String(repeating: "2016-01-01\tsome category\t12345.678\t42\n", count: 2048)
      while FakeHTTPServer.send(fd, chunk) {}
    }
    defer { server.close() }
    // Status 65 and the size message (not 75, the timeout's) show the limit ended it; a wall-clock
    // bound would only measure how loaded the machine is (sanitizer runs are several times slower).
    // The limit is 64 MiB; 1 MiB (the smallest allowed) keeps the test quick under ThreadSanitizer,
    // where reading 64 MiB took minutes and 4 MiB once ran past the test helper's 300 s kill.
    let result = try runSharelens(
      ["shares", "clickhouse://127.0.0.1:\(server.port)/default?table=trades", "--timeout", "120"],
      environment: ["SHARELENS_MAX_ANSWER_MIB": "1"])
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stderr.contains("larger than 1 MiB"), "\(result.stderr)")
  }

  /// A server that keeps sending a line now and then never finishes its answer: the exchange ends
  /// at --timeout (status 75), data still arriving. Cancelling the transfer waits for URLSession's
  /// work queue on Linux; the process must not wait with it (a run under ThreadSanitizer once
  /// outlived its own timeout by minutes).
  @Test func aTrickleOfBytesDoesNotOutliveTheTimeout() throws {
    let server = try FakeHTTPServer { fd, _ in
      guard FakeHTTPServer.send(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n") else {
        return
      }
      while FakeHTTPServer.send(fd, "2016-01-01\tUSD\t1\t1\n") { usleep(100_000) }
    }
    defer { server.close() }
    let result = try runSharelens([
      "shares", "clickhouse://127.0.0.1:\(server.port)/default?table=trades", "--timeout", "3",
    ])
    #expect(result.status == 75, "\(result.stderr)")
    #expect(result.stderr.contains("did not answer within 3 s"), "\(result.stderr)")
  }
}

@Suite struct ClickHouseAnswerTests {
  /// The fake server answers at once; the timeout is only a backstop. It is patient because a
  /// loaded sanitizer run once took more than 5 s to start the process and connect (status 75).
  func run(_ aggregation: [UInt8]) throws -> CommandResult {
    let server = try FakeHTTPServer.clickhouse(aggregation: aggregation)
    defer { server.close() }
    return try runSharelens([
      "shares", "clickhouse://127.0.0.1:\(server.port)/default?table=trades", "--format", "csv", "--timeout", "120",
    ])
  }

  /// D15: a NULL category (`\N` in TabSeparated) is an error, not a category "N" merged with a
  /// real one.
  @Test func aNullCategoryIsNotN() throws {
    let result = try run(Array("2016-01-01\tN\t1\t1\n2016-01-01\t\\N\t2\t1\n2016-01-01\tUSD\t1\t1\n".utf8))
    #expect(result.status == 65, "\(result.stdout)\n\(result.stderr)")
    #expect(result.stderr.contains("no category (NULL in quote) on 2016-01-01"), "\(result.stderr)")
  }

  /// D15: a real category "N" and escaped text are read as they are.
  @Test func escapedTextIsReadAsIs() throws {
    let result = try run(Array("2016-01-01\tN\t1\t1\n2016-01-01\ta\\tb\t3\t1\n".utf8))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("2016-01-01,2016-01-01,N,1,0.25,4,1,false"), "\(result.stdout)")
    #expect(result.stdout.contains("2016-01-01,2016-01-01,a\tb,3,0.75,4,1,false"), "\(result.stdout)")
  }

  /// D19: a negative row count, or counts past Int64 in all, are an error (one was shown as
  /// "rows -4"; a sum of Int64.min trapped).
  @Test(arguments: [
    "2016-01-01\tUSD\t1\t-5\n2016-01-01\tEUR\t1\t1\n",
    "2016-01-01\tUSD\t1\t9223372036854775807\n2016-01-01\tEUR\t1\t9223372036854775807\n",
  ])
  func impossibleRowCountsAreAnError(_ answer: String) throws {
    let result = try run(Array(answer.utf8))
    #expect(result.status == 65, "\(result.stdout)\n\(result.stderr)")
    #expect(result.stderr.contains("the engine counted"), "\(result.stderr)")
  }

  /// D16: two names that differ only in invalid UTF-8 bytes are an error, not merged into one
  /// name with U+FFFD.
  @Test func invalidUTF8NamesAreNotMerged() throws {
    let result = try run(
      Array("2016-01-01\ta".utf8) + [0xFF] + Array("\t1\t1\n2016-01-01\ta".utf8) + [0xFE] + Array("\t2\t1\n".utf8))
    #expect(result.status == 65, "\(result.stdout)\n\(result.stderr)")
    #expect(result.stderr.contains("not valid UTF-8"), "\(result.stderr)")
  }
}

@Suite struct ShowSQLTests {
  /// D17: --show-sql asks only for the table's column list: no row is read (the one-row sample
  /// that tells seconds from milliseconds is skipped and explained) and the query is not run.
  @Test func showSQLReadsOnlyTheColumnList() throws {
    let server = try FakeHTTPServer.clickhouse(aggregation: Array("2016-01-01\tUSD\t1\t1\n".utf8))
    defer { server.close() }
    let result = try runSharelens([
      "shares", "clickhouse://127.0.0.1:\(server.port)/default?table=trades", "--show-sql", "--timeout", "120",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("GROUP BY bucket, category"))
    #expect(result.stdout.contains("taken as unix seconds here"))
    #expect(server.requests.count == 1, "\(server.requests)")
    #expect(server.requests.allSatisfy { $0.contains("DESCRIBE TABLE") })
  }
}
