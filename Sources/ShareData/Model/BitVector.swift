// One bit per cell: the validity mask of the columnar table (a missing value is not a zero).

public struct BitVector: Sendable, Equatable {
  private var words: [UInt64] = []
  public private(set) var count = 0

  public init() {}

  public init(repeating value: Bool, count: Int) {
    words = Array(repeating: value ? ~0 : 0, count: (count + 63) / 64)
    self.count = count
  }

  @inline(__always)
  public subscript(index: Int) -> Bool {
    get { words[index >> 6] & (1 << UInt64(index & 63)) != 0 }
    set {
      if newValue {
        words[index >> 6] |= 1 << UInt64(index & 63)
      } else {
        words[index >> 6] &= ~(1 << UInt64(index & 63))
      }
    }
  }

  public mutating func append(_ value: Bool) {
    if count & 63 == 0 { words.append(0) }
    count += 1
    self[count - 1] = value
  }

  public mutating func reserveCapacity(_ n: Int) {
    words.reserveCapacity((n + 63) / 64)
  }
}
