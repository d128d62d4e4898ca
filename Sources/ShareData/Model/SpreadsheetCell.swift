// Text that a spreadsheet would run as a formula (CWE-1236, "CSV injection"): a cell that starts
// with =, +, -, @, a tab or a carriage return. sharelens writes category names from its inputs
// (and from databases) into CSV that people open in spreadsheets, so such a text cell is written
// with a leading apostrophe, the convention spreadsheets show as plain text (OWASP's advice).
// Numbers stay numbers: `-5` and `+1.5e3` are written as they are.
//
// The guard is undone when sharelens reads CSV back, so a name survives `volumes` → read → write
// unchanged. To keep that a bijection, a text that already starts with apostrophes followed by a
// trigger gets one more: `'=x` is written `''=x`, read back as `'=x`.

public enum SpreadsheetCell {
  static let apostrophe = UInt8(ascii: "'")

  static func isTrigger(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
      || byte == UInt8(ascii: "@") || byte == 0x09 || byte == 0x0D
  }

  /// Whether `bytes` is a plain decimal number: [+-]digits[.digits][e[+-]digits].
  static func isNumber<C: Collection<UInt8>>(_ bytes: C) -> Bool {
    var i = bytes.startIndex
    func digits() -> Int {
      var count = 0
      while i != bytes.endIndex, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
        count += 1
        i = bytes.index(after: i)
      }
      return count
    }
    if i != bytes.endIndex, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
      i = bytes.index(after: i)
    }
    var mantissa = digits()
    if i != bytes.endIndex, bytes[i] == UInt8(ascii: ".") {
      i = bytes.index(after: i)
      mantissa += digits()
    }
    guard mantissa > 0 else { return false }
    if i != bytes.endIndex, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
      i = bytes.index(after: i)
      if i != bytes.endIndex, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
        i = bytes.index(after: i)
      }
      guard digits() > 0 else { return false }
    }
    return i == bytes.endIndex
  }

  /// The text as written to CSV: an apostrophe in front when a spreadsheet would see a formula.
  public static func guarded(_ text: String) -> String {
    let bytes = text.utf8
    guard let first = bytes.first else { return text }
    if first == apostrophe {
      guard let next = bytes.first(where: { $0 != apostrophe }), isTrigger(next) else { return text }
      return "'" + text
    }
    guard isTrigger(first), !isNumber(bytes) else { return text }
    return "'" + text
  }

  /// Whether a cell read from CSV carries the guard: apostrophes, then a trigger.
  public static func isGuarded<C: Collection<UInt8>>(_ bytes: C) -> Bool {
    guard bytes.first == apostrophe, let next = bytes.first(where: { $0 != apostrophe }) else { return false }
    return isTrigger(next)
  }

  /// The text a guarded cell stands for (one apostrophe fewer); any other text unchanged.
  public static func unguarded(_ text: String) -> String {
    isGuarded(text.utf8) ? String(text.dropFirst()) : text
  }
}
