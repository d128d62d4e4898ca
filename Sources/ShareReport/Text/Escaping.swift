// Text made safe for the formats sharelens writes: XML and HTML (SVG charts, the HTML report),
// JSON string literals and markdown table cells. CSV quoting stays with CSVWriter.

public enum Escaping {
  /// XML escaping for text and attribute values; HTML uses it too. Control characters other than
  /// newline and tab become spaces, because XML 1.0 does not allow them.
  public static func xml(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default:
        if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" {
          out += " "
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// A JSON string literal, quotes included (RFC 8259 §7): quote, backslash and control
  /// characters escaped, everything else written as is.
  public static func json(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// A GitHub-flavoured markdown table cell: backslashes and pipes escaped (a pipe would end the
  /// cell), trailing spaces dropped.
  public static func markdownCell(_ text: String) -> String {
    MarkdownText.tableCell(text).trimmingTrailingSpaces()
  }
}
