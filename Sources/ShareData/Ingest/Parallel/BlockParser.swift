// The hot loop: one block of trade lines into partial sums by (day, category). Works on the bytes
// in place: fields are found by scanning for commas, categories are looked up by their bytes,
// numbers are parsed without making Strings, and sums go into a per-day slot array indexed by
// category code, so a row costs no allocation and no hashing beyond the category's bytes.

enum BlockParser {
  static let comma = UInt8(ascii: ",")
  static let newline: UInt8 = 0x0A
  static let cr: UInt8 = 0x0D
  static let quote = UInt8(ascii: "\"")

  // hot loop: the parallel reader's inner loop over a block (1 MiB). Field bounds and sums live in
  // locals that no closure captures (a boxed capture cost 10.7% in perf, see below); helpers that
  // took them as arguments would reintroduce the boxing this layout avoids.
  static func parse(_ bytes: UnsafeRawBufferPointer, plan: FastPlan) -> Partial {
    var partial = Partial()
    let base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
    let end = bytes.count
    let maxFields = plan.fieldCount
    // Field bounds and the sums live outside `partial` and outside any array the nested error
    // helpers capture: a captured variable is boxed, and every write to an array in a box pays
    // a uniqueness check the optimizer cannot hoist out of the loop (10% of the time, measured).
    let starts = UnsafeMutablePointer<Int>.allocate(capacity: maxFields + 1)
    let ends = UnsafeMutablePointer<Int>.allocate(capacity: maxFields + 1)
    starts.initialize(repeating: 0, count: maxFields + 1)
    ends.initialize(repeating: 0, count: maxFields + 1)
    let powers = UnsafeMutablePointer<Double>.allocate(capacity: PlainDecimal.powers.count)
    powers.initialize(from: PlainDecimal.powers, count: PlainDecimal.powers.count)
    let cache = CategoryCache()
    defer {
      starts.deallocate()
      ends.deallocate()
      powers.deallocate()
      cache.deallocate()
    }
    var days: [Int64] = []
    var codes: [Int32] = []
    var sums: [Double] = []
    var counts: [Int64] = []
    var rows = 0
    var minTime = Int64.max
    var maxTime = Int64.min
    // The current day's sums, by category code, in raw buffers (an array's write paid a
    // uniqueness and a bounds check per row); moved into the cell arrays when the day changes.
    var day = DaySums()
    var window = LineWindow()
    defer {
      day.deallocate()
      window.deallocate()
    }
    // The plan's decisions, read once: an enum compare or an array's emptiness per row showed
    // in the profile (TradeTimeUnit's == was a call).
    let columns = plan.columns
    let isText = columns.timeUnit == .text
    let timeIndex = plan.timeIndex
    let checksLine = !columns.flags.isEmpty || !columns.fixed.isEmpty || !columns.otherTimes.isEmpty
    let usesPrice = columns.volume != .amount || columns.checksPrice
    let scale = columns.scale
    let oneCategory = plan.categoryIndices.count == 1 ? plan.categoryIndices[0] : -1
    // The format of the last time read, once checked: the next line of the same format needs no check.
    var checkedFormat: TimeFormat?
    var constantCode: Int32 = -1
    if let name = plan.constantCategory { constantCode = partial.dictionary.code(for: name) }
    var pairKey = [UInt8]()
    var p = 0
    var line = 0
    // The word being scanned and its flags not yet taken (WordScan.below45).
    var wordAt = -8
    var flags: UInt64 = 0
    let lastField = maxFields - 1

    func fail(_ message: Phrase, column: Int? = nil, expected: Phrase? = nil, hint: Phrase? = nil) {
      partial.failure = (
        line,
        ShareError.data(
          message,
          at: SourceLocation(
            file: plan.source, line: line, column: column.map { $0 + 1 },
            columnName: column.flatMap { $0 < plan.header.count ? plan.header[$0] : nil }),
          expected: expected, hint: hint)
      )
    }
    func text(_ f: Int) -> String {
      quoted(bytes: UnsafeBufferPointer(start: base + starts[f], count: ends[f] - starts[f]))
    }

    while p < end {
      // One line: record field boundaries.
      var field = 0
      var lineEnd = p
      var forScanner = false
      starts[0] = p
      // A well-formed line first: maxFields - 1 commas, then the line end (LF or CRLF). Nearly
      // every line of a trade log fits one 64-byte window (LineWindow); a longer one is split a
      // word at a time, with branches that go the same way on every line (a scan that asked of
      // each byte "comma or line end?" mispredicted); any other line is scanned again from its
      // start below.
      lineEnd = end
      var quick = false
      if let lf = window.trySplit(base, line: p, end: end, fieldCount: maxFields, starts: starts, ends: ends) {
        (field, lineEnd, quick) = (lastField, lf, true)
      } else {
        (wordAt, flags) = (p &- 8, 0)
      }
      wellFormed: while !quick {
        while flags == 0 {
          wordAt &+= 8
          if wordAt >= end { break wellFormed }
          flags = WordScan.below45(base, wordAt, end)
        }
        let at = wordAt &+ (flags.trailingZeroBitCount &>> 3)
        let c = base[at]
        if field < lastField {
          guard c == comma else { break }
          flags &= flags &- 1
          ends[field] = at
          field &+= 1
          starts[field] = at &+ 1
        } else {
          if c == newline {
            flags &= flags &- 1
            (lineEnd, quick) = (at, true)
          } else if c == cr && at &+ 1 < end && base[at &+ 1] == newline {
            // Past the LF too: the next word starts after it.
            (lineEnd, quick) = (at &+ 1, true)
            (wordAt, flags) = (at &- 6, 0)
          }
          break
        }
      }
      if !quick {
        (field, wordAt, flags) = (0, p &- 8, 0)
      }
      // The bytes below "-" of the words ahead, one at a time (WordScan): commas and the line
      // end in nearly every file, and the rare quote, CR or NUL, taken as before.
      scan: while !quick {
        while flags == 0 {
          wordAt &+= 8
          if wordAt >= end { break scan }
          flags = WordScan.below45(base, wordAt, end)
        }
        let at = wordAt &+ (flags.trailingZeroBitCount &>> 3)
        flags &= flags &- 1
        let c = base[at]
        if c == comma {
          if field < maxFields { ends[field] = at }
          field &+= 1
          if field <= maxFields { starts[field] = at &+ 1 }
        } else if c == newline {
          lineEnd = at
          break
        } else if c == quote {
          forScanner = true
        } else if c == cr && at + 1 < end && base[at + 1] != newline {
          // A CR on its own ends a line for the scanner (old Mac files); the scanner takes it.
          forScanner = true
        } else if c == 0 {
          fail(
            "NUL byte in the input", column: field, expected: "text: this looks like a binary file",
            hint: "is the file compressed or in UTF-16? sharelens reads UTF-8 CSV")
          return partial
        }
      }
      var contentEnd = lineEnd
      if contentEnd > p && base[contentEnd - 1] == cr { contentEnd -= 1 }
      if field < maxFields { ends[field] = contentEnd } else if field == maxFields { ends[field] = contentEnd }
      let next = lineEnd + 1
      line += 1
      defer { p = next }
      if forScanner {
        partial.needsScanner = true
        partial.lines = line
        return partial
      }
      // Blank lines are skipped.
      if field == 0 {
        var blank = true
        var k = p
        while k < contentEnd {
          if base[k] != 0x20 && base[k] != 0x09 {
            blank = false
            break
          }
          k += 1
        }
        if blank {
          p = next
          continue
        }
      }
      let fieldCount = field + 1
      if fieldCount != maxFields {
        fail(
          plan.constantCategory != nil
            ? "this row has \(fieldCount) fields"
            : "this row has \(fieldCount) field\(fieldCount == 1 ? "" : "s"), the header has \(maxFields)",
          expected: plan.constantCategory != nil
            ? "3 fields: unixtime,price,amount" : "\(maxFields) comma-separated fields on every row",
          hint: "leave a missing value empty but keep its comma; quote fields that contain commas")
        return partial
      }

      // Time.
      let ts = starts[timeIndex]
      let te = ends[timeIndex]
      var time: Int64 = 0
      var format = TimeFormat.unixSeconds
      if !isText {
        guard let seconds = columns.timeUnit.seconds(base + ts, te - ts) else {
          fail("not an integer unix time: \(text(timeIndex))", column: timeIndex, expected: "an integer unix time")
          return partial
        }
        time = seconds
      }
      if checksLine, let (column, message, expected) = lineCheck(base, starts, ends, columns) {
        fail("\(message): \(text(column))", column: column, expected: expected)
        return partial
      }
      // Unix seconds of 9 or 10 digits: eight at once (WordScan), then the rest.
      var fast = isText && te - ts >= 9 && te - ts <= 10
      if fast, let high = WordScan.eightDigits(base, ts) {
        time = high
        var k = ts &+ 8
        while k < te {
          let d = base[k] &- 0x30
          if d > 9 {
            fast = false
            break
          }
          time = time &* 10 &+ Int64(d)
          k &+= 1
        }
      } else {
        fast = false
      }
      if !fast && isText {
        switch TimeParser.parse(UnsafeBufferPointer(start: base + ts, count: te - ts)) {
        case .success(let parsed):
          time = parsed.seconds
          format = parsed.format
        case .failure(let failure):
          switch failure {
          case .impossibleDate(let why):
            fail(
              "impossible date \(text(timeIndex)): \(why)", column: timeIndex, expected: "a real calendar date")
          case .outOfRange:
            fail(
              "time \(text(timeIndex)) is out of range", column: timeIndex,
              expected: "a time between years 1 and 9999")
          case .notATime:
            fail(
              te == ts ? "empty time" : "not a time: \(text(timeIndex))", column: timeIndex,
              expected: TimeParser.expected)
          }
          return partial
        }
      }
      // Integer times carry no TimeFormat: their unit is told per value.
      if isText && format != checkedFormat {
        if let known = partial.format {
          if !known.mixes(with: format) {
            fail(
              "mixed time formats: \(text(timeIndex)) is \(format.rawValue), but an earlier line was \(known.rawValue)",
              column: timeIndex, expected: "one time format in the whole column")
            return partial
          }
        } else {
          partial.format = format
          partial.formatLine = line
        }
        checkedFormat = format
      }

      // Category.
      var code = constantCode
      if code < 0 {
        if oneCategory < 0 {
          pairKey.removeAll(keepingCapacity: true)
          let a = plan.categoryIndices[0]
          let b = plan.categoryIndices[1]
          pairKey.append(contentsOf: UnsafeBufferPointer(start: base + starts[a], count: ends[a] - starts[a]))
          pairKey.append(UInt8(ascii: "/"))
          pairKey.append(contentsOf: UnsafeBufferPointer(start: base + starts[b], count: ends[b] - starts[b]))
          code = pairKey.withUnsafeBufferPointer { partial.dictionary.code(for: $0) } ?? -1
        } else {
          let (s, n) = (starts[oneCategory], ends[oneCategory] - starts[oneCategory])
          if n == 0 {
            fail("empty category", column: oneCategory, expected: "a category name on every row")
            return partial
          }
          if let known = cache.code(base, s, n, end: end) {
            code = known
          } else {
            code = partial.dictionary.code(for: UnsafeBufferPointer(start: base + s, count: n)) ?? -1
            if code >= 0 { cache.remember(base, s, n, code: code) }
          }
        }
        if code < 0 {
          fail(
            "invalid UTF-8 text", column: plan.categoryIndices.last!, expected: "UTF-8 text",
            hint: "convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8")
          return partial
        }
      }

      // Volume.
      func number(_ f: Int, _ what: String) -> Double? {
        let s = starts[f]
        let e = ends[f]
        if s == e {
          fail("empty \(what)", column: f, expected: "the \(what) on every trade row")
          return nil
        }
        if let plain = PlainDecimal.parse(base + s, e - s, powers: powers) { return plain }
        switch DecimalParser.parse(UnsafeBufferPointer(start: base + s, count: e - s)) {
        case .success(let v):
          if v < 0 {
            fail("negative \(what) \(text(f))", column: f, expected: "a \(what) of 0 or more")
            return nil
          }
          return v
        case .failure(.overflow):
          fail("number \(text(f)) is too large", column: f, expected: "a number below 1.8e308")
          return nil
        case .failure(.notANumber):
          fail("not a number: \(text(f))", column: f, expected: DecimalParser.expected)
          return nil
        }
      }
      // Plain decimals inline; anything else (and every error) through number().
      var volume: Double
      let (amountStart, amountEnd) = (starts[columns.amount], ends[columns.amount])
      if amountEnd > amountStart,
        let plain = PlainDecimal.parse(base + amountStart, amountEnd - amountStart, powers: powers)
      {
        volume = plain
      } else {
        guard let parsed = number(columns.amount, "amount") else { return partial }
        volume = parsed
      }
      if scale != 1 { volume *= scale }
      if usesPrice {
        // A dump's price must still be a number, even when only the amount is summed.
        guard let price = number(columns.price, "price") else { return partial }
        if columns.pricePositive && price == 0 {
          fail("price 0", column: columns.price, expected: "a price above 0")
          return partial
        }
        if columns.volume == .amountTimesPrice {
          volume *= price
        } else if columns.volume == .amountOverPrice {
          volume /= price
        }
      }
      if plan.handsBackErrors && !volume.isFinite {
        fail("a volume past 1.8e308", expected: "prices and amounts of real trades")
        return partial
      }

      // Sum into (day, code): a time inside the current day needs no division.
      if !day.holds(time) {
        day.flush(into: &days, &codes, &sums, &counts)
        day.start(time.floorDiv(secondsPerDay))
      }
      day.add(code, volume)
      rows += 1
      if time < minTime { minTime = time }
      if time > maxTime { maxTime = time }
    }
    day.flush(into: &days, &codes, &sums, &counts)
    partial.lines = line
    (partial.days, partial.codes, partial.sums, partial.counts) = (days, codes, sums, counts)
    (partial.rows, partial.minTime, partial.maxTime) = (rows, minTime, maxTime)
    return partial
  }
}
