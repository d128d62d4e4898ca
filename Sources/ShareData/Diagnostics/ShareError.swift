// Errors a user can act on. Every failure sharelens reports is one of these: what kind of failure
// it is, where the problem is (file, line, column), what was found, what was expected, and a hint
// when one helps. Messages name settings (`Setting`), never command-line flags, and the kind says
// what went wrong, not how a process should exit: the command line maps kinds to sysexits(3)
// statuses and settings to its flags in one place.

/// Where in an input a problem is. `line` and `column` are 1-based; `column` counts CSV fields,
/// and `columnName` is the header's name for that field when there is a header.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var column: Int?
  public var columnName: String?

  public init(file: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.columnName = columnName
  }

  /// `file:line:column` like a compiler, so editors can jump to it.
  public var description: String {
    var text = file
    if let line { text += ":\(line)" }
    if let column { text += ":\(column)" }
    return text
  }
}

/// One error: what is wrong, where, what was expected, and how to fix it.
public struct ShareError: Error, Sendable, CustomStringConvertible {
  /// What went wrong, in terms a caller can act on.
  public enum Kind: Sendable, Equatable {
    /// The request cannot work: an option value or combination, an unknown category or column.
    case badRequest
    /// The input is there but its content is wrong.
    case badData
    /// An input is missing, unreadable, or a directory.
    case inputUnreadable
    /// A database server cannot be reached.
    case serverUnreachable
    /// An output file cannot be created.
    case outputNotCreated
    /// Reading or writing failed part-way.
    case ioFailed
    /// A remote operation took longer than allowed.
    case timedOut
    /// The server refused the login or the permission.
    case refused
  }

  public var kind: Kind
  public var location: SourceLocation?
  public var message: Phrase
  public var expected: Phrase?
  public var hint: Phrase?

  public init(
    _ kind: Kind, _ message: Phrase, at location: SourceLocation? = nil,
    expected: Phrase? = nil, hint: Phrase? = nil
  ) {
    self.kind = kind
    self.message = message
    self.location = location
    self.expected = expected
    self.hint = hint
  }

  /// The text printed after `sharelens: error: `, with settings spelled by `name`.
  public func rendered(_ name: (Setting) -> String) -> String {
    var text = ""
    if let location { text += "\(location): " }
    text += message.rendered(name)
    if let name = location?.columnName, let column = location?.column {
      text += " (column \(column), \"\(name)\")"
    } else if let column = location?.column {
      text += " (column \(column))"
    }
    if let expected { text += "; expected \(expected.rendered(name))" }
    if let hint { text += "\n  hint: \(hint.rendered(name))" }
    return text
  }

  /// The message with settings by their plain names.
  public var description: String { rendered(\.name) }

  public static func request(_ message: Phrase, hint: Phrase? = nil) -> ShareError {
    ShareError(.badRequest, message, hint: hint)
  }

  public static func data(
    _ message: Phrase, at location: SourceLocation? = nil, expected: Phrase? = nil, hint: Phrase? = nil
  ) -> ShareError {
    ShareError(.badData, message, at: location, expected: expected, hint: hint)
  }
}

/// Shows a found value in a message: quoted, control characters escaped, long values cut.
public func quoted(_ text: String, limit: Int = 60) -> String {
  var out = ""
  var count = 0
  for scalar in text.unicodeScalars {
    if count == limit {
      out += "…"
      break
    }
    switch scalar {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    case "\0": out += "\\0"
    default:
      if scalar.value < 0x20 || scalar.value == 0x7F {
        out += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    count += 1
  }
  return "\"\(out)\""
}

/// A byte slice shown in a message; invalid UTF-8 is replaced, never trapped on.
public func quoted(bytes: UnsafeBufferPointer<UInt8>, limit: Int = 60) -> String {
  let cut = UnsafeBufferPointer(rebasing: bytes[0..<min(bytes.count, limit * 4)])
  var text = String(decoding: cut, as: UTF8.self)
  if cut.count < bytes.count { text += "…" }
  return quoted(text, limit: limit)
}
