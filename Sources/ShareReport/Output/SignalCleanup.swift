// Signals that stop the process while `--out` is being written must not leave the temporary file.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Removes the temporary file being written when the process is told to stop (SIGINT, SIGTERM,
/// SIGHUP), then dies of the same signal, as it would have without the handler. A signal that was
/// ignored when the process started stays ignored (nohup, background jobs). SIGKILL cannot be
/// caught: its file stays, named `.NAME.tmp-…` beside the output.
enum SignalCleanup {
  static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// The path to remove, as a C string the handler can read without allocating; nil when none.
  nonisolated(unsafe) static var pending: UnsafeMutablePointer<CChar>? = nil
  nonisolated(unsafe) static var installed = false

  static func installOnce() {
    withSignalsBlocked {
      guard !installed else { return }
      installed = true
      for signal in signals {
        var previous = sigaction()
        sigaction(signal, nil, &previous)
        if isIgnored(previous) { continue }
        var action = sigaction()
        #if canImport(Glibc)
          action.__sigaction_handler.sa_handler = cleanupHandler
        #else
          action.__sigaction_u.__sa_handler = cleanupHandler
        #endif
        sigemptyset(&action.sa_mask)
        for other in signals { sigaddset(&action.sa_mask, other) }
        action.sa_flags = 0
        sigaction(signal, &action, nil)
      }
    }
  }

  static func isIgnored(_ action: sigaction) -> Bool {
    #if canImport(Glibc)
      let handler = action.__sigaction_handler.sa_handler
    #else
      let handler = action.__sigaction_u.__sa_handler
    #endif
    guard let handler else { return false }
    return unsafeBitCast(handler, to: Int.self) == 1  // SIG_IGN
  }

  /// The old string is never freed: a handler running on another thread may still be reading it
  /// (a few bytes per file written, for the life of a short process).
  static func register(_ path: String) {
    pending = strdup(path)
  }

  /// The temporary file is gone (renamed into place or removed): nothing to clean up any more.
  static func release() {
    withSignalsBlocked { pending = nil }
  }

  static func withSignalsBlocked(_ body: () -> Void) {
    var set = sigset_t()
    var old = sigset_t()
    sigemptyset(&set)
    for signal in signals { sigaddset(&set, signal) }
    pthread_sigmask(SIG_BLOCK, &set, &old)
    body()
    pthread_sigmask(SIG_SETMASK, &old, nil)
  }
}

/// Only async-signal-safe calls: unlink, signal, raise.
private func cleanupHandler(_ signal: Int32) {
  if let path = SignalCleanup.pending { unlink(path) }
  #if canImport(Glibc)
    Glibc.signal(signal, nil)  // SIG_DFL
  #else
    Darwin.signal(signal, nil)
  #endif
  var set = sigset_t()
  sigemptyset(&set)
  sigaddset(&set, signal)
  pthread_sigmask(SIG_UNBLOCK, &set, nil)
  raise(signal)
}
