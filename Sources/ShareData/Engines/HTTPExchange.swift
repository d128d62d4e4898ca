// One HTTP request to ClickHouse, held to three limits the server cannot move:
// - no redirect is followed. The request carries the user and key headers; following a 3xx would
//   send them to whatever host the answer names. A redirect is an error naming where it pointed.
// - the answer is read as it arrives and given up past `maxBytes` (after any decompression, so a
//   gzip bomb stops there too). The aggregation answer is small by design: one row per day and
//   category, about 50 bytes each.
// - the whole exchange, from connecting to the last byte, ends at the deadline; a server that
//   trickles bytes cannot keep it alive.
// The caller is never held past the deadline by URLSession itself: the waiter is woken before
// anything is cancelled, and cancelling runs on another queue. On Linux, `cancel()` waits for the
// session's work queue, which an endless answer keeps busy; under ThreadSanitizer on a loaded CI
// machine a cancel made inside the data callback (before waking the waiter) held a run with
// `--timeout 120` past 300 s.

import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

final class HTTPExchange: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  enum Outcome {
    case answer(status: Int, body: Data)
    case redirect(status: Int, location: String?)
    case tooLarge
    case challenged
    case failed(Error)
    case timedOut
  }

  private let lock = NSLock()
  private let done = DispatchSemaphore(value: 0)
  private let maxBytes: Int
  /// Bytes, not Data: appending each arriving chunk to a Data took time and memory quadratic in
  /// the answer (64 MiB: 3.4 s and 1 GB resident; as [UInt8]: 0.3 s and 140 MB).
  private var body: [UInt8] = []
  private var response: HTTPURLResponse?
  private var redirect: HTTPURLResponse?
  private var overflow = false
  private var wasChallenged = false
  private var error: Error?

  init(maxBytes: Int) {
    self.maxBytes = maxBytes
  }

  /// Sends `request` and waits at most `timeout` seconds for the whole answer.
  static func run(_ request: URLRequest, timeout: Double, maxBytes: Int) -> Outcome {
    let exchange = HTTPExchange(maxBytes: maxBytes)
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = timeout
    configuration.httpShouldSetCookies = false
    configuration.urlCache = nil
    let session = URLSession(configuration: configuration, delegate: exchange, delegateQueue: nil)
    let task = session.dataTask(with: request)
    defer { HTTPExchange.stop(task, of: session) }
    task.resume()
    if exchange.done.wait(timeout: .now() + timeout) == .timedOut {
      return .timedOut
    }
    return exchange.outcome()
  }

  /// Cancels `task` and ends `session` without waiting for either (see the header). The closure
  /// holds both until URLSession has let them go.
  private static func stop(_ task: URLSessionTask, of session: URLSession) {
    DispatchQueue.global(qos: .utility).async {
      task.cancel()
      session.invalidateAndCancel()
    }
  }

  private func outcome() -> Outcome {
    lock.lock()
    defer { lock.unlock() }
    if let redirect {
      return .redirect(status: redirect.statusCode, location: redirect.value(forHTTPHeaderField: "Location"))
    }
    if overflow { return .tooLarge }
    if let response, (300..<400).contains(response.statusCode) {
      return .redirect(status: response.statusCode, location: response.value(forHTTPHeaderField: "Location"))
    }
    if let error {
      if wasChallenged { return .challenged }
      if let urlError = error as? URLError, urlError.code == .timedOut { return .timedOut }
      return .failed(error)
    }
    guard let response else { return .failed(URLError(.badServerResponse)) }
    return .answer(status: response.statusCode, body: Data(body))
  }

  func urlSession(
    _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
  ) {
    lock.lock()
    redirect = response
    lock.unlock()
    completionHandler(nil)
  }

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
  ) {
    lock.lock()
    self.response = response as? HTTPURLResponse
    lock.unlock()
    completionHandler(.allow)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    lock.lock()
    // Once past the limit, whatever still arrives before the cancel takes effect is dropped.
    let firstOverflow = !overflow && body.count + data.count > maxBytes
    if firstOverflow { overflow = true }
    if !overflow { data.withUnsafeBytes { body.append(contentsOf: $0) } }
    lock.unlock()
    // Only wake the waiter here; it cancels the task on its way out.
    if firstOverflow { done.signal() }
  }

  func urlSession(
    _ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
    completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
  ) {
    // The credentials were sent already; a challenge means they were refused.
    lock.lock()
    wasChallenged = true
    lock.unlock()
    completionHandler(.cancelAuthenticationChallenge, nil)
  }

  func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
    lock.lock()
    let alreadyDone = overflow
    self.error = error
    lock.unlock()
    if !alreadyDone { done.signal() }
  }
}
