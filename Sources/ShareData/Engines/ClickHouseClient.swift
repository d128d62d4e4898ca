// ClickHouse over its HTTP interface (URLSession): the SQL goes in a POST body, the answer comes
// back as tab-separated text. Errors arrive as 4xx/5xx with "Code: N, e.displayText() = …".

import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

struct ClickHouseClient {
  let url: SourceURL
  let timeout: Double

  /// Runs `sql` and returns the rows of its TabSeparated answer.
  func rows(_ sql: String) throws -> [[String]] {
    let text = try run(sql + "\nFORMAT TabSeparated")
    return text.split(separator: "\n", omittingEmptySubsequences: true).map { line in
      line.split(separator: "\t", omittingEmptySubsequences: false).map { ClickHouseClient.unescape(String($0)) }
    }
  }

  func run(_ sql: String) throws -> String {
    var components = URLComponents()
    components.scheme = "http"
    components.host = url.host
    components.port = url.port
    components.path = "/"
    components.queryItems = [URLQueryItem(name: "database", value: url.database)]
    var request = URLRequest(url: components.url!, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
    request.httpMethod = "POST"
    request.httpBody = Data(sql.utf8)
    // ClickHouse's own headers (18.16 and later), not HTTP Basic: a 401 challenge to Basic would
    // send URLSession looking for credentials to retry with.
    if url.user != nil || url.password != nil {
      request.setValue(url.user ?? "default", forHTTPHeaderField: "X-ClickHouse-User")
      request.setValue(url.password ?? "", forHTTPHeaderField: "X-ClickHouse-Key")
    }
    let box = ResponseBox()
    let done = DispatchSemaphore(value: 0)
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = timeout
    let refuser = RefuseChallenges()
    let session = URLSession(configuration: configuration, delegate: refuser, delegateQueue: nil)
    defer { session.invalidateAndCancel() }
    let task = session.dataTask(with: request) { data, response, error in
      box.set(data, response as? HTTPURLResponse, error)
      done.signal()
    }
    task.resume()
    // URLSession enforces the timeout; the extra second only guards against a lost callback.
    if done.wait(timeout: .now() + timeout + 1) == .timedOut {
      task.cancel()
      throw timedOut()
    }
    let (data, response, error) = box.get()
    if error != nil && refuser.challenged {
      // The server asked for credentials again: the ones sent were refused.
      throw ShareError(
        .refused, "ClickHouse refused the login for \(url.user ?? "default")",
        hint: "check the user in the URL and CLICKHOUSE_PASSWORD")
    }
    if let error = error as? URLError {
      switch error.code {
      case .timedOut: throw timedOut()
      case .userCancelledAuthentication, .userAuthenticationRequired:
        throw ShareError(
          .refused, "ClickHouse refused the login for \(url.user ?? "default")",
          hint: "check the user in the URL and CLICKHOUSE_PASSWORD")
      default:
        throw ShareError(
          .serverUnreachable, "cannot reach ClickHouse at \(url.host):\(url.port): \(error.localizedDescription)",
          hint: "is the server running, and is \(url.port) its HTTP port (8123 by default)?")
      }
    }
    if let error {
      throw ShareError(
        .serverUnreachable, "cannot reach ClickHouse at \(url.host):\(url.port): \(error.localizedDescription)")
    }
    let body = String(decoding: data ?? Data(), as: UTF8.self)
    guard let response else {
      throw ShareError(.serverUnreachable, "no answer from ClickHouse at \(url.host):\(url.port)")
    }
    guard response.statusCode == 200 else {
      throw ClickHouseClient.error(status: response.statusCode, body: body, url: url)
    }
    return body
  }

  func timedOut() -> ShareError {
    ShareError(
      .timedOut, "ClickHouse at \(url.host):\(url.port) did not answer within \(NumberFormatting.seconds(timeout))",
      hint: "raise \(setting: .timeout), or narrow the query with \(setting: .from)/\(setting: .to)")
  }

  /// Maps ClickHouse's error codes to what a user can do about them.
  static func error(status: Int, body: String, url: SourceURL) -> ShareError {
    let message =
      body.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").first.map(String.init)
      ?? "HTTP \(status)"
    let code = message.hasPrefix("Code: ") ? Int(message.dropFirst(6).prefix { $0.isNumber }) : nil
    switch code {
    // Unknown user, wrong password, required password, IP not allowed, authentication failed.
    case 192, 193, 194, 195, 516:
      return ShareError(
        .refused, "ClickHouse refused the login for \(url.user ?? "default"): \(message)",
        hint: "check the user in the URL and CLICKHOUSE_PASSWORD")
    case 60, 81:  // unknown table, unknown database
      return ShareError.data(
        "ClickHouse has no such table: \(message)", at: SourceLocation(file: url.display),
        expected: "an existing database and table")
    case 16, 47:  // no such column, unknown identifier
      return ShareError.data(
        "ClickHouse has no such column: \(message)", at: SourceLocation(file: url.display),
        expected: "a column of \(url.table)")
    default:
      if status == 401 || status == 403 {
        return ShareError(.refused, "ClickHouse refused the login: \(message)")
      }
      return ShareError.data("ClickHouse answered an error: \(message)", at: SourceLocation(file: url.display))
    }
  }

  /// TabSeparated escapes: \t \n \\ and friends.
  static func unescape(_ field: String) -> String {
    guard field.contains("\\") else { return field }
    var out = ""
    var escape = false
    for ch in field {
      if escape {
        switch ch {
        case "t": out.append("\t")
        case "n": out.append("\n")
        case "r": out.append("\r")
        case "0": out.append("\0")
        default: out.append(ch)
        }
        escape = false
      } else if ch == "\\" {
        escape = true
      } else {
        out.append(ch)
      }
    }
    return out
  }

  /// Answers every authentication challenge with "no": the credentials were sent already.
  final class RefuseChallenges: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var wasChallenged = false
    var challenged: Bool {
      lock.lock()
      defer { lock.unlock() }
      return wasChallenged
    }

    func urlSession(
      _ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
      completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
    ) {
      lock.lock()
      wasChallenged = true
      lock.unlock()
      completionHandler(.cancelAuthenticationChallenge, nil)
    }
  }

  final class ResponseBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (Data?, HTTPURLResponse?, Error?) = (nil, nil, nil)
    func set(_ data: Data?, _ response: HTTPURLResponse?, _ error: Error?) {
      lock.lock()
      value = (data, response, error)
      lock.unlock()
    }
    func get() -> (Data?, HTTPURLResponse?, Error?) {
      lock.lock()
      defer { lock.unlock() }
      return value
    }
  }
}

enum NumberFormatting {
  static func seconds(_ value: Double) -> String {
    value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
  }
}
