// Text from inputs placed in markdown: category names, titles (`--title`), labels. Markdown passes
// HTML through, so a name such as `<img src=x onerror=…>` or `<script>` would become markup
// wherever the markdown is rendered. `&`, `<` and `>` are written as entities (which every
// renderer shows as the characters), and the characters a terminal acts on are made visible
// (TerminalText), line breaks included: a line break inside a name would end a table row.
// The pipe of a table cell and the brackets of an image's alt text are escaped where used.

public enum MarkdownText {
  public static func escaped(_ text: String) -> String {
    let safe = TerminalText.sanitized(text, keepingLineBreaks: false)
    guard safe.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") })
    else { return safe }
    var out = ""
    for scalar in safe.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Alt text of an image: escaped, with its brackets and backslashes escaped too.
  public static func altText(_ text: String) -> String { backslashed(escaped(text), ["[", "]", "\\"]) }

  /// A table cell: escaped, with its pipes and backslashes escaped too (by scalar: a `|` followed
  /// by a combining mark is no `|` Character, but still ends the cell).
  public static func tableCell(_ text: String) -> String { backslashed(escaped(text), ["|", "\\"]) }

  static func backslashed(_ text: String, _ special: Set<Unicode.Scalar>) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      if special.contains(scalar) { out += "\\" }
      out.unicodeScalars.append(scalar)
    }
    return out
  }
}

extension ReportDocument {
  /// The document's own text escaped for markdown (tables are escaped by their renderer, chart
  /// titles where they become alt text).
  var markdownSafe: ReportDocument {
    var copy = self
    copy.title = MarkdownText.escaped(title)
    copy.headlines = headlines.map(MarkdownText.escaped)
    copy.sections = sections.map { section in
      var s = section
      s.heading = MarkdownText.escaped(section.heading)
      s.paragraphs = section.paragraphs.map(MarkdownText.escaped)
      s.notes = section.notes.map(MarkdownText.escaped)
      return s
    }
    return copy
  }
}
