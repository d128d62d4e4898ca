// Text laid out in terminal columns: display width, padding, word wrapping and clipping. The
// terminal charts, the text tables and the text report all measure with these, so "fits in N
// columns" means the same thing everywhere.

/// Columns a string takes in a terminal: one per Unicode scalar, except combining marks (zero)
/// and East Asian wide characters (two).
public func displayWidth(_ text: String) -> Int {
  var width = 0
  for scalar in text.unicodeScalars {
    switch scalar.value {
    case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: break
    case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
      0x1F300...0x1FAFF, 0x20000...0x3FFFD:
      width += 2
    default: width += 1
    }
  }
  return width
}

/// Columns a line takes on screen, ANSI colour codes excluded.
public func visibleWidth(_ text: String) -> Int {
  var plain = ""
  var inEscape = false
  for ch in text {
    if ch == "\u{1B}" { inEscape = true }
    if inEscape {
      if ch == "m" { inEscape = false }
      continue
    }
    plain.append(ch)
  }
  return displayWidth(plain)
}

/// `text` padded with spaces to `width` columns; `.decimal` pads like `.right` (the table model
/// has already lined up the decimal points).
func pad(_ text: String, to width: Int, alignment: ColumnAlignment) -> String {
  let gap = max(0, width - displayWidth(text))
  switch alignment {
  case .left: return text + String(repeating: " ", count: gap)
  case .right, .decimal: return String(repeating: " ", count: gap) + text
  }
}

/// Words of `text` (split at spaces) filled into lines of at most `width` columns; lines after the
/// first start with `indent`, which counts toward the width. A single word wider than the width
/// gets a line of its own and is not cut: callers clip, each with the rule its output needs.
func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
  let indentWidth = displayWidth(indent)
  var lines: [String] = []
  var current = ""
  for word in text.split(separator: " ") {
    let candidate = current.isEmpty ? String(word) : current + " " + word
    if displayWidth(candidate) > width - (lines.isEmpty ? 0 : indentWidth) && !current.isEmpty {
      lines.append(current)
      current = String(word)
    } else {
      current = candidate
    }
  }
  if !current.isEmpty { lines.append(current) }
  return lines.enumerated().map { $0 == 0 ? $1 : indent + $1 }
}

/// `text` cut to `width` columns, ending in "…" when anything was cut.
func clip(_ text: String, width: Int) -> String {
  guard displayWidth(text) > width else { return text }
  var out = ""
  for ch in text {
    if displayWidth(out + String(ch)) > width - 1 { break }
    out.append(ch)
  }
  return out + "…"
}

/// `text` cut to `width - 1` characters plus "…" when it is wider than `width` columns. It counts
/// characters, not columns, so a line of wide characters can still overflow; the text report
/// uses it because its bytes are pinned (reports/), where `clip(_:width:)` is column-exact.
func clipCharacters(_ text: String, width: Int) -> String {
  displayWidth(text) > width ? String(text.prefix(width - 1)) + "…" : text
}

/// A line with ANSI colour codes cut to `width` columns (codes do not count, and are all kept).
/// With `reset`, a cut line ends in a colour reset, so a colour run cut open does not bleed
/// into what follows.
func clipANSI(_ text: String, width: Int, reset: Bool) -> String {
  guard visibleWidth(text) > width else { return text }
  var out = ""
  var visible = 0
  var inEscape = false
  for ch in text {
    if ch == "\u{1B}" { inEscape = true }
    if inEscape {
      out.append(ch)
      if ch == "m" { inEscape = false }
      continue
    }
    let w = displayWidth(String(ch))
    if visible + w > width { break }
    out.append(ch)
    visible += w
  }
  return reset ? out + "\u{1B}[0m" : out
}
