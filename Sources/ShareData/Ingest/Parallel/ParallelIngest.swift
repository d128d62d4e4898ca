// Big trade files on all cores: one thread reads (and decompresses) the input into blocks of whole
// lines, the others parse blocks into partial sums by (day, category), and the partials are merged
// in block order. Memory is bounded by a few blocks; the result does not depend on the number of
// threads (blocks are cut by size, not by thread). A quoted field or CR-only line ends send the
// file back to the general scanner, which reads every CSV there is; a plan that hands back its
// errors (Binance) sends a bad file back to its serial reader, which says what is wrong in its words.

import Foundation

enum ParallelIngest {
  /// Reads `stream` (a fresh one, positioned at the start) and adds its sums to `builder`.
  /// Returns nil when the file needs the general scanner.
  static func read(
    stream: ByteStream, plan: FastPlan, hasHeader: Bool, source: Int32, builder: inout VolumeTableBuilder,
    summary: SourceSummary, blockSize: Int?, workers: Int, progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> SourceSummary? {
    let queue = BlockQueue(capacity: 2 * workers)
    let results = Results<Partial>()
    let reader = Reader(stream: stream, queue: queue, blockSize: blockSize, hasHeader: hasHeader)
    reader.progress = progress
    // Threads of our own, not Dispatch's shared pool: the workers block waiting for the reader,
    // and on a pool that other callers (several reads at once, a test runner) have filled, the
    // reader's job might never get a thread.
    let parse: @Sendable () -> Void = {
      while let block = queue.pop() {
        defer { queue.done(with: block) }
        guard queue.wants(block.index) else { continue }
        let partial = BlockParser.parse(block.bytes, plan: plan)
        results.set(block.index, partial)
        if partial.failure != nil || partial.needsScanner { queue.stop(after: block.index) }
      }
    }
    runOnOwnThreads([{ reader.run() }] + Array(repeating: parse, count: workers))
    if reader.needsScanner { return nil }

    var summary = summary
    var lineBase = reader.headerLines
    var format: (TimeFormat, Int)? = nil
    let partials = results.ordered
    for partial in partials {
      if partial.needsScanner || (plan.handsBackErrors && partial.failure != nil) { return nil }
      // A block's first time that clashes with the format of the blocks before it is the first
      // bad line, unless the block failed on an earlier line of its own.
      if let f = partial.format, let (known, line) = format, !known.mixes(with: f),
        partial.failure.map({ $0.line >= partial.formatLine }) ?? true
      {
        throw ShareError.data(
          "mixed time formats: line \(lineBase + partial.formatLine) is \(f.rawValue), but line \(line) was \(known.rawValue)",
          at: SourceLocation(
            file: plan.source, line: lineBase + partial.formatLine, column: plan.timeIndex + 1,
            columnName: plan.header[plan.timeIndex]),
          expected: "one time format in the whole column")
      }
      if var failure = partial.failure {
        failure.error.location?.line = lineBase + failure.line
        throw failure.error
      }
      if let f = partial.format, format == nil { format = (f, lineBase + partial.formatLine) }
      lineBase += partial.lines
    }
    if let error = reader.error {
      if plan.handsBackErrors { return nil }
      throw error
    }
    if partials.count < reader.blocksRead {
      throw ShareError(.ioFailed, "a block of the input was not parsed", at: SourceLocation(file: plan.source))
    }

    // Merge in block order.
    var lineOfBlock = reader.headerLines + 1
    for partial in partials {
      let global = partial.dictionary.names.map { builder.code(for: $0) }
      for cell in partial.days.indices {
        builder.addEventSum(
          day: partial.days[cell], code: global[Int(partial.codes[cell])], volume: partial.sums[cell],
          count: partial.counts[cell],
          origin: CellOrigin(source: source, line: Int64(lineOfBlock)))
      }
      lineOfBlock += partial.lines
      summary.rows += partial.rows
      if partial.rows > 0 {
        summary.firstTime = min(summary.firstTime ?? UnixTime(seconds: .max), UnixTime(seconds: partial.minTime))
        summary.lastTime = max(summary.lastTime ?? UnixTime(seconds: .min), UnixTime(seconds: partial.maxTime))
      }
    }
    summary.timeFormat = format?.0
    return summary
  }

  /// Runs each job on a new thread and returns when all have finished.
  static func runOnOwnThreads(_ jobs: [@Sendable () -> Void]) {
    let finished = DispatchGroup()
    for job in jobs {
      finished.enter()
      Thread {
        job()
        finished.leave()
      }.start()
    }
    finished.wait()
  }

  /// Partials by block index, filled by the workers (trade sums, or a long table's: ParallelSeries).
  final class Results<P: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var partials: [Int: P] = [:]

    func set(_ index: Int, _ partial: P) {
      lock.lock()
      partials[index] = partial
      lock.unlock()
    }

    /// Partials in block order, up to the first gap (blocks after a failure are not parsed).
    var ordered: [P] {
      lock.lock()
      defer { lock.unlock() }
      var out: [P] = []
      var i = 0
      while let p = partials[i] {
        out.append(p)
        i += 1
      }
      return out
    }

    /// The partials in block order, as `ordered`, handed over: this holds them no longer (so a
    /// caller can free each once it is used).
    func take() -> [P] {
      let out = ordered
      lock.lock()
      partials.removeAll()
      lock.unlock()
      return out
    }
  }

  /// Reads the input into blocks that end at a line end, skipping the byte order mark and header.
  final class Reader: @unchecked Sendable {
    let stream: ByteStream
    let queue: BlockQueue
    /// The caller's block size; nil: `mappedBlockSize` or `copiedBlockSize` (IngestOptions.blockSize).
    let chosenBlockSize: Int?
    var blockSize: Int
    static let (mappedBlockSize, copiedBlockSize) = (4 << 20, 1 << 20)
    let hasHeader: Bool
    var headerLines = 0
    var needsScanner = false
    var error: ShareError?
    var blocksRead = 0
    var progress: (@Sendable (Int) -> Void)?
    static let maxLine = 16 << 20

    init(stream: ByteStream, queue: BlockQueue, blockSize: Int?, hasHeader: Bool) {
      self.stream = stream
      self.queue = queue
      chosenBlockSize = blockSize
      self.blockSize = blockSize ?? Reader.copiedBlockSize
      self.hasHeader = hasHeader
    }

    func run() {
      defer { queue.close() }
      if let file = (stream as? FileStream)?.mapped() {
        blockSize = chosenBlockSize ?? Reader.mappedBlockSize
        if runMapped(file) { return }
        blockSize = chosenBlockSize ?? Reader.copiedBlockSize
      }
      var carry: [UInt8] = []  // an unfinished line, to start the next block
      var first = true
      var index = 0
      while true {
        // A pooled buffer may be bigger than asked for; only `size` bytes of it are filled, so the
        // blocks are cut where the size says whatever buffers the pool holds (and where the
        // mapped reader cuts them: the sums come out the same to the last bit).
        let size = max(blockSize, carry.count * 2)
        let buffer = queue.buffer(size: size)
        let filled: Int
        let atEnd: Bool
        do {
          (filled, atEnd) = try fill(UnsafeMutableRawBufferPointer(rebasing: buffer[0..<size]), from: carry)
        } catch {
          self.error =
            error as? ShareError
            ?? ShareError(.ioFailed, "read failed: \(error)", at: SourceLocation(file: stream.name))
          queue.recycle(buffer)
          return
        }
        progress?(stream.consumed)
        let bytes = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        switch cut(bytes, filled: filled, atEnd: atEnd, first: &first) {
        case .stop:
          queue.recycle(buffer)
          return
        case .again(let from):
          // The header or a line runs past this buffer: read it again into a bigger one.
          carry = Array(UnsafeBufferPointer(start: bytes + from, count: filled - from))
          queue.recycle(buffer)
          continue
        case .block(let start, let end):
          // The rest starts the next block.
          carry = Array(UnsafeBufferPointer(start: bytes + end, count: filled - end))
          blocksRead += 1
          guard queue.push(Block(index: index, buffer: buffer, start: start, end: end)) else { return }
          index += 1
        }
        if atEnd { return }
      }
    }

    /// As `run`, over a mapped file: the same blocks (a window of `blockSize` bytes from where the
    /// last block ended, or twice the unfinished line's length, cut after its last line end), each
    /// read in place from a mapping of its own. False if the first window cannot be mapped (then
    /// the file is read with read(2)).
    func runMapped(_ file: MappedFile) -> Bool {
      let count = file.count
      var (base, size, index, first) = (0, blockSize, 0, true)
      while true {
        let end = min(count, base + size)
        // read(2)'s reader: the end is reached when a buffer is not filled.
        let atEnd = base + size > count
        // A mapped byte past the file's end is a SIGBUS, not a short read: a file cut shorter
        // since it was opened (rewritten in place) stops the read here, before the next block.
        guard file.holds(end) else {
          error = ShareError(
            .ioFailed, "the input was cut short while it was read: it is shorter than when it was opened",
            at: SourceLocation(file: stream.name), hint: "read it again once whatever writes it has finished")
          return true
        }
        guard let window = file.window(base..<end) else {
          if first { return false }
          error = ShareError(.ioFailed, "cannot map the input", at: SourceLocation(file: stream.name))
          return true
        }
        let bytes = window.bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let filled = end - base
        switch cut(bytes, filled: filled, atEnd: atEnd, first: &first) {
        case .stop: return true
        case .again(let from): (base, size) = (base + from, max(blockSize, (filled - from) * 2))
        case .block(let start, let cut):
          blocksRead += 1
          guard queue.push(Block(index: index, mapping: window, start: start, end: cut)) else { return true }
          progress?(base + cut)
          index += 1
          if atEnd { return true }
          (base, size) = (base + cut, max(blockSize, (filled - cut) * 2))
        }
      }
    }

    /// What a window of `filled` bytes holds, the reader's and the mapped reader's alike.
    private enum Cut {
      /// Lines `start..<end` (after the BOM and header in the first; whole lines unless at the end).
      case block(start: Int, end: Int)
      /// The header or a line runs past the window: read again from `from`, twice as much.
      case again(from: Int)
      /// Done: the scanner reads this input (`needsScanner`), or `error` says why not.
      case stop
    }

    /// Cuts a window after its last line end (the rest starts the next block).
    private func cut(_ bytes: UnsafePointer<UInt8>, filled: Int, atEnd: Bool, first: inout Bool) -> Cut {
      var start = 0
      if first {
        switch firstBlockStart(bytes, filled: filled, atEnd: atEnd) {
        case .data(let at):
          start = at
          first = false
        case .scanner:
          needsScanner = true
          return .stop
        case .headerRunsOn:
          if filled >= Reader.maxLine {
            error = tooLong("header")
            return .stop
          }
          return .again(from: 0)
        }
      }
      if atEnd { return .block(start: start, end: filled) }
      var k = filled
      while k > start && bytes[k - 1] != 0x0A { k -= 1 }
      if k > start { return .block(start: start, end: k) }
      // No line end in the whole window: a very long line.
      if filled - start >= Reader.maxLine {
        error = tooLong("record")
        return .stop
      }
      return .again(from: start)
    }

    private func tooLong(_ what: String) -> ShareError {
      ShareError.data(
        "a \(what) longer than \(Reader.maxLine >> 20) MiB", at: SourceLocation(file: stream.name),
        expected: "CSV records of reasonable length")
    }

    /// Fills `buffer` with `carry` and then the stream; the bytes in it, and whether the stream ended.
    private func fill(_ buffer: UnsafeMutableRawBufferPointer, from carry: [UInt8]) throws -> (Int, Bool) {
      carry.withUnsafeBytes {
        if !$0.isEmpty { buffer.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
      }
      var filled = carry.count
      while filled < buffer.count {
        let got = try stream.read(into: buffer.baseAddress! + filled, count: buffer.count - filled)
        if got == 0 { return (filled, true) }
        filled += got
      }
      return (filled, false)
    }

    /// Where the first block's data starts.
    private enum FirstBlock {
      /// After the BOM and the header (and blank lines before it).
      case data(Int)
      /// CR-only line ends, or a quote or a lone CR in the header: the scanner reads this input.
      case scanner
      /// The header does not end in this buffer.
      case headerRunsOn
    }

    private func firstBlockStart(_ bytes: UnsafePointer<UInt8>, filled: Int, atEnd: Bool) -> FirstBlock {
      var start = 0
      if filled >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
      // CR-only line ends: the general scanner handles them.
      if memchr(bytes + start, 0x0A, filled - start) == nil && memchr(bytes + start, 0x0D, filled - start) != nil {
        return .scanner
      }
      guard hasHeader else { return .data(start) }
      // Blank lines, then the header line.
      headerLines = 0
      while start < filled {
        let lineEnd =
          memchr(bytes + start, 0x0A, filled - start).map {
            bytes.distance(to: $0.assumingMemoryBound(to: UInt8.self))
          } ?? filled
        if lineEnd == filled && !atEnd { return .headerRunsOn }
        // A quote, or a CR that is not the CR of a CRLF: the scanner reads such lines.
        let crlf = lineEnd > start && lineEnd < filled && bytes[lineEnd - 1] == 0x0D
        if memchr(bytes + start, Int32(UInt8(ascii: "\"")), lineEnd - start) != nil
          || memchr(bytes + start, 0x0D, lineEnd - start - (crlf ? 1 : 0)) != nil
        {
          return .scanner
        }
        let isBlank = (start..<lineEnd).allSatisfy { bytes[$0] == 0x20 || bytes[$0] == 0x09 || bytes[$0] == 0x0D }
        headerLines += 1
        start = min(filled, lineEnd + 1)
        if !isBlank { break }
      }
      return .data(start)
    }
  }
}
