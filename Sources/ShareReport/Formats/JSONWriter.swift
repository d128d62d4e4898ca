// A small JSON builder with fixed key order, so output is byte-identical run to run and diffs
// stay readable. Numbers are shortest round-trip decimals; NaN and ∞ cannot be written (null).

public indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (a: JSONValue, b: JSONValue) -> Bool { a.render() == b.render() }

  /// An object with `members` added at its end; any other value as it is.
  public func appending(_ members: [(String, JSONValue)]) -> JSONValue {
    guard case .object(let own) = self, !members.isEmpty else { return self }
    return .object(own + members)
  }

  public static func optional(_ value: Double?) -> JSONValue {
    guard let value, value.isFinite else { return .null }
    return .number(value)
  }

  /// Pretty-printed with two-space indentation, ending in a newline.
  public func render() -> String {
    var out = ""
    write(into: &out, indent: 0)
    return out
  }

  private func write(into out: inout String, indent: Int) {
    let pad = String(repeating: "  ", count: indent)
    let inner = String(repeating: "  ", count: indent + 1)
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let n): out += n.isFinite ? machineNumber(n) : "null"
    case .string(let s): out += Escaping.json(s)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      // Arrays of scalars stay on one line.
      if items.allSatisfy({
        if case .array = $0 { return false }
        if case .object = $0 { return false }
        return true
      }) {
        out += "["
        for (i, item) in items.enumerated() {
          if i > 0 { out += ", " }
          item.write(into: &out, indent: indent + 1)
        }
        out += "]"
        return
      }
      out += "[\n"
      for (i, item) in items.enumerated() {
        out += inner
        item.write(into: &out, indent: indent + 1)
        out += i == items.count - 1 ? "\n" : ",\n"
      }
      out += pad + "]"
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      out += "{\n"
      for (i, (key, value)) in members.enumerated() {
        out += inner + Escaping.json(key) + ": "
        value.write(into: &out, indent: indent + 1)
        out += i == members.count - 1 ? "\n" : ",\n"
      }
      out += pad + "}"
    }
  }
}
