// CSV for pipes: RFC 4180 quoting, LF line ends, numbers as shortest round-trip decimals, text
// that a spreadsheet would run as a formula written with a leading apostrophe (SpreadsheetCell).

import ShareData

public struct CSVWriter: Sendable {
  public private(set) var text = ""
  /// Values that end every row after the header (`init(header:trailing:)`).
  private var trailing: [String] = []

  public init(header: [String]) {
    row(header)
  }

  /// `trailing` columns end the header and every row, each with one value for all rows: what was
  /// done to the whole output (`Transformations.csvColumns`).
  public init(header: [String], trailing: [(name: String, value: String)]) {
    row(header + trailing.map(\.name))
    self.trailing = trailing.map(\.value)
  }

  public mutating func row(_ fields: [String]) {
    text += (fields + trailing).map(Self.escape).joined(separator: ",")
    text += "\n"
  }

  /// A field as written: guarded against spreadsheet formulas (SpreadsheetCell), then quoted when
  /// it holds a comma, a quote, or a line break anywhere. The test is on bytes, not Characters: in
  /// Swift `","` followed by a combining mark, or `"\r\n"`, is one Character equal to neither.
  static func escape(_ field: String) -> String {
    let text = SpreadsheetCell.guarded(field)
    let special: (UInt8) -> Bool = { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    guard text.utf8.contains(where: special) else { return text }
    var bytes: [UInt8] = [0x22]
    bytes.reserveCapacity(text.utf8.count + 8)
    for byte in text.utf8 {
      if byte == 0x22 { bytes.append(0x22) }
      bytes.append(byte)
    }
    bytes.append(0x22)
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// A number for CSV and JSON: the shortest decimal that reads back as the same Double;
/// non-finite values (which the statistics never produce) become empty rather than NaN.
public func machineNumber(_ value: Double?) -> String {
  guard let value, value.isFinite else { return "" }
  if value == 0 { return "0" }
  if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
  return value.description
}
