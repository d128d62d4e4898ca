// A listening socket that a server thread accepts on, for the fake servers (FakeHTTPServer,
// StallingPostgres). Closing the descriptor while that thread may still call accept() lets the
// kernel give its number to another test's new socket; the thread then takes that test's
// connections and never answers them (ClickHouse tests failed now and then with "did not answer
// within N s", the timeout's length making no difference). So `close()` only shuts the socket
// down, which wakes accept() and makes it fail from then on, and the descriptor is closed once
// both the owner has closed it and the thread is done with it.

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

final class ServedListener: @unchecked Sendable {
  private let listener: SilentListener
  private let lock = NSLock()
  private var closed = false
  private var served = false
  var port: Int { listener.port }

  init() throws { listener = try SilentListener() }

  /// The next connection, or -1 once the listener is closed.
  func accept() -> Int32 { Glibc.accept(listener.descriptor, nil, nil) }

  func close() {
    lock.lock()
    defer { lock.unlock() }
    guard !closed else { return }
    closed = true
    _ = shutdown(listener.descriptor, Int32(SHUT_RDWR))
    if served { _ = Glibc.close(listener.descriptor) }
  }

  /// The serving thread calls no more accept().
  func doneServing() {
    lock.lock()
    defer { lock.unlock() }
    served = true
    if closed { _ = Glibc.close(listener.descriptor) }
  }
}
