// Which byte separates the fields of an input. Spreadsheets in much of Europe save "CSV" with
// semicolons (the comma is their decimal mark), database tools export tabs, and some feeds use
// pipes; such a file used to be read as one column and fail with "no column of numbers". The
// sniffer counts each candidate outside quotes on the first lines and keeps the one that splits
// the header and every sampled line into the same number of fields (Python's csv.Sniffer works
// the same way); a forced delimiter skips it.

/// A field delimiter sharelens reads.
public enum Delimiter: String, CaseIterable, Sendable {
  case comma, semicolon, tab, pipe

  /// The byte that separates fields.
  public var byte: UInt8 {
    switch self {
    case .comma: UInt8(ascii: ",")
    case .semicolon: UInt8(ascii: ";")
    case .tab: 0x09
    case .pipe: UInt8(ascii: "|")
    }
  }

  /// How a message names the fields: "comma-separated".
  public var adjective: String { "\(rawValue)-separated" }

  /// The delimiter that splits `prefix` (the start of an input) most consistently: the candidate
  /// found on the first line that gives every complete sampled line the same number of fields,
  /// and among those the one giving the most fields. Comma when nothing is consistent (one-column
  /// files, or a file with a single line and no delimiter).
  /// `isWholeInput`: the prefix ends where the input ends, so its last line counts even without
  /// a line break.
  public static func sniff(_ prefix: UnsafeBufferPointer<UInt8>, isWholeInput: Bool, maxLines: Int = 20) -> Delimiter {
    let counts = fieldSeparatorCounts(prefix, isWholeInput: isWholeInput, maxLines: maxLines)
    guard let header = counts.first else { return .comma }
    var best: (delimiter: Delimiter, count: Int)?
    for (k, delimiter) in allCases.enumerated() where header[k] > 0 {
      guard counts.allSatisfy({ $0[k] == header[k] }) else { continue }
      if best.map({ header[k] > $0.count }) ?? true { best = (delimiter, header[k]) }
    }
    if let best { return best.delimiter }
    // Nothing consistent (a ragged file): the most frequent candidate on the header line, so the
    // reader reports the ragged row with the right delimiter.
    let most = allCases.indices.max { header[$0] < header[$1] }!
    return header[most] > 0 ? allCases[most] : .comma
  }

  /// For each complete line of `prefix` (up to `maxLines`, blank lines skipped), how many of each
  /// candidate occur outside quoted fields, in the order of `allCases`.
  static func fieldSeparatorCounts(_ bytes: UnsafeBufferPointer<UInt8>, isWholeInput: Bool, maxLines: Int) -> [[Int]] {
    let candidates = allCases.map(\.byte)
    var lines: [[Int]] = []
    var current = [Int](repeating: 0, count: candidates.count)
    var inQuotes = false
    var lineHasText = false
    var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while i < bytes.count && lines.count < maxLines {
      let c = bytes[i]
      i += 1
      if c == UInt8(ascii: "\"") {
        inQuotes.toggle()
        lineHasText = true
      } else if inQuotes {
        continue
      } else if c == 0x0A || c == 0x0D {
        if lineHasText { lines.append(current) }
        current = [Int](repeating: 0, count: candidates.count)
        lineHasText = false
      } else {
        if let k = candidates.firstIndex(of: c) { current[k] += 1 }
        if c != 0x20 { lineHasText = true }
      }
    }
    // A last line without a line break counts only when it is the input's end, not half a line.
    if isWholeInput && lineHasText && !inQuotes && lines.count < maxLines { lines.append(current) }
    return lines
  }
}
