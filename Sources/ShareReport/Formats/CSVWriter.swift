// CSV for pipes: RFC 4180 quoting, LF line ends, numbers as shortest round-trip decimals.

public struct CSVWriter: Sendable {
  public private(set) var text = ""

  public init(header: [String]) {
    row(header)
  }

  public mutating func row(_ fields: [String]) {
    text += fields.map(Self.escape).joined(separator: ",")
    text += "\n"
  }

  static func escape(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
    return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
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
