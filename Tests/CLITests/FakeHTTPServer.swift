// A fake ClickHouse for the tests that need a server misbehaving on purpose: an HTTP/1.1 server on
// 127.0.0.1 (a port the kernel picks), in this process, answering every request with `respond`.
// It records each request's head and body.

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

final class FakeHTTPServer: @unchecked Sendable {
  private let listener: ServedListener
  private let lock = NSLock()
  private var received: [String] = []
  private let respond: @Sendable (Int32, String) -> Void
  var port: Int { listener.port }

  /// Every request so far: its head (request line and headers) and body, as text.
  var requests: [String] {
    lock.lock()
    defer { lock.unlock() }
    return received
  }

  /// `respond` writes the whole answer to the connection; it gets the request as text.
  init(respond: @escaping @Sendable (Int32, String) -> Void) throws {
    listener = try ServedListener()
    self.respond = respond
    Thread { [self] in serve() }.start()
  }

  /// Answers with a fixed status line, headers and body.
  convenience init(status: String, headers: [String] = [], body: String = "") throws {
    try self.init { fd, _ in
      let head = (["HTTP/1.1 \(status)", "Content-Length: \(body.utf8.count)", "Connection: close"] + headers)
        .joined(separator: "\r\n")
      FakeHTTPServer.send(fd, head + "\r\n\r\n" + body)
    }
  }

  func close() { listener.close() }

  private func serve() {
    defer { listener.doneServing() }
    while true {
      let client = listener.accept()
      guard client >= 0 else { return }
      let request = readRequest(client)
      lock.lock()
      received.append(request)
      lock.unlock()
      respond(client, request)
      _ = shutdown(client, Int32(SHUT_RDWR))
      _ = Glibc.close(client)
    }
  }

  /// Reads the head, then as many body bytes as Content-Length says.
  private func readRequest(_ fd: Int32) -> String {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    func headEnd() -> Int? {
      guard bytes.count >= 4 else { return nil }
      for i in 0...(bytes.count - 4) where bytes[i..<i + 4].elementsEqual([13, 10, 13, 10]) { return i + 4 }
      return nil
    }
    while headEnd() == nil {
      let n = read(fd, &buffer, buffer.count)
      if n <= 0 { return String(decoding: bytes, as: UTF8.self) }
      bytes += buffer[..<n]
    }
    let head = String(decoding: bytes[..<headEnd()!], as: UTF8.self)
    let length =
      head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
      .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
    while bytes.count < headEnd()! + length {
      let n = read(fd, &buffer, buffer.count)
      if n <= 0 { break }
      bytes += buffer[..<n]
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A fake ClickHouse with a table `trades(timestamp UInt32, quote String, amount Float64)`:
  /// answers DESCRIBE and the one-row sample itself, and the aggregation with `aggregation`
  /// (TabSeparated bytes).
  static func clickhouse(aggregation: [UInt8]) throws -> FakeHTTPServer {
    try FakeHTTPServer { fd, request in
      let body: [UInt8]
      if request.contains("DESCRIBE") {
        body = Array("timestamp\tUInt32\nquote\tString\namount\tFloat64\n".utf8)
      } else if request.contains("LIMIT 1") {
        body = Array("1451606400\n".utf8)
      } else {
        body = aggregation
      }
      let head = "HTTP/1.1 200 OK\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
      FakeHTTPServer.send(fd, bytes: Array(head.utf8) + body)
    }
  }

  /// Writes all of `text`; false once the client has gone.
  @discardableResult
  static func send(_ fd: Int32, _ text: String) -> Bool { send(fd, bytes: Array(text.utf8)) }

  /// Writes all of `bytes`; false once the client has gone.
  @discardableResult
  static func send(_ fd: Int32, bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      var done = 0
      while done < buffer.count {
        let n = Glibc.send(fd, buffer.baseAddress! + done, buffer.count - done, Int32(MSG_NOSIGNAL))
        if n <= 0 { return false }
        done += n
      }
      return true
    }
  }
}
