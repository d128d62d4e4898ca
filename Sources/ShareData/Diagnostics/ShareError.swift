// Errors a user can act on. Every failure sharelens reports is one of these: it carries the
// sysexits(3) status the process ends with, where the problem is (file, line, column), what was
// found, what was expected, and a hint when one helps.

/// The process exit statuses sharelens uses, from BSD sysexits(3), so scripts can tell a bad
/// option from bad data from a missing file without parsing messages.
public enum ExitStatus: Int32, Sendable {
  /// Bad options: an unknown flag, `--from` after `--to`, an unknown category.
  case usage = 64
  /// The input is there but its content is wrong.
  case dataError = 65
  /// An input file is missing, unreadable, or a directory.
  case noInput = 66
  /// A database server cannot be reached.
  case unavailable = 69
  /// An output file cannot be created.
  case cannotCreate = 73
  /// Reading or writing failed part-way.
  case ioError = 74
  /// A remote operation took longer than allowed.
  case tempFail = 75
  /// Permission (authentication) refused.
  case noPermission = 77
}

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
  public var status: ExitStatus
  public var location: SourceLocation?
  public var message: String
  public var expected: String?
  public var hint: String?

  public init(
    _ status: ExitStatus, _ message: String, at location: SourceLocation? = nil,
    expected: String? = nil, hint: String? = nil
  ) {
    self.status = status
    self.message = message
    self.location = location
    self.expected = expected
    self.hint = hint
  }

  /// The text printed after `sharelens: error: `.
  public var description: String {
    var text = ""
    if let location { text += "\(location): " }
    text += message
    if let name = location?.columnName, let column = location?.column {
      text += " (column \(column), \"\(name)\")"
    } else if let column = location?.column {
      text += " (column \(column))"
    }
    if let expected { text += "; expected \(expected)" }
    if let hint { text += "\n  hint: \(hint)" }
    return text
  }

  public static func usage(_ message: String, hint: String? = nil) -> ShareError {
    ShareError(.usage, message, hint: hint)
  }

  public static func data(
    _ message: String, at location: SourceLocation? = nil, expected: String? = nil, hint: String? = nil
  ) -> ShareError {
    ShareError(.dataError, message, at: location, expected: expected, hint: hint)
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
