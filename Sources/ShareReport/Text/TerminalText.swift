// Text from inputs and servers shown on a terminal: category names, titles, file names, server
// error messages. A terminal acts on control characters, so a name holding ESC could recolour the
// screen, move the cursor, rewrite what was printed before it, set the window title, or (OSC 8 and
// OSC 52) plant a link or write the clipboard; a bidi override reorders what is shown. Every such
// character is shown as a visible escape instead (`\x1B`, `\u202E`): ESC, the other C0 controls
// (CR included), DEL, the C1 controls (U+0080–U+009F, which some terminals take as CSI and OSC),
// and the bidi embedding, override and isolate marks. The renderers' own colour codes are added
// after this, around text that has been made safe, so they are the only escapes in the output.

public enum TerminalText {
  /// `text` with every character a terminal would act on made visible. Line breaks are kept when
  /// `keepingLineBreaks` (a whole message or output), escaped otherwise (a name inside a table).
  public static func sanitized(_ text: String, keepingLineBreaks: Bool = true) -> String {
    guard text.unicodeScalars.contains(where: { isUnsafe($0, keepingLineBreaks: keepingLineBreaks) }) else {
      return text
    }
    var out = ""
    out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 16)
    for scalar in text.unicodeScalars {
      if isUnsafe(scalar, keepingLineBreaks: keepingLineBreaks) {
        out += visible(scalar)
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  static func isUnsafe(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
    switch scalar.value {
    case 0x0A: return !keepingLineBreaks
    case 0x09: return false
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  static func visible(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return scalar.value < 0x100
      ? "\\x" + (hex.count < 2 ? "0" : "") + hex : "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }
}

extension TableModel {
  /// Every header and cell with terminal controls (and line breaks) made visible.
  var terminalSafe: TableModel {
    func clean(_ s: String) -> String { TerminalText.sanitized(s, keepingLineBreaks: false) }
    var copy = self
    copy.columns = columns.map { column in
      var c = column
      c.header = clean(column.header)
      return c
    }
    copy.rows = rows.map { $0.map(clean) }
    copy.footer = footer.map { $0.map(clean) }
    return copy
  }
}

extension ChartSpec {
  /// Title, labels, series names and annotations with terminal controls made visible.
  var terminalSafe: ChartSpec {
    func clean(_ s: String) -> String { TerminalText.sanitized(s, keepingLineBreaks: false) }
    var copy = self
    copy.title = clean(title)
    copy.caption = caption.map(clean)
    copy.notes = notes.map(clean)
    copy.yLabel = clean(yLabel)
    copy.series = series.map { series in
      var s = series
      s.name = clean(series.name)
      return s
    }
    if case .labels(let labels) = x { copy.x = .labels(labels.map(clean)) }
    copy.annotations = annotations.map { annotation in
      switch annotation {
      case .event(let day, let label): return .event(day: day, label: clean(label))
      case .band(let from, let to, let label): return .band(from: from, to: to, label: clean(label))
      case .span(let from, let to, let label): return .span(fromDay: from, toDay: to, label: clean(label))
      }
    }
    return copy
  }
}

extension ReportDocument {
  /// The document's own text made safe for a terminal (tables and charts are made safe by their
  /// renderers).
  var terminalSafe: ReportDocument {
    func clean(_ s: String) -> String { TerminalText.sanitized(s, keepingLineBreaks: false) }
    var copy = self
    copy.title = clean(title)
    copy.headlines = headlines.map(clean)
    copy.sections = sections.map { section in
      var s = section
      s.heading = clean(section.heading)
      s.paragraphs = section.paragraphs.map(clean)
      s.notes = section.notes.map(clean)
      return s
    }
    return copy
  }
}
