// A progress bar on standard error for inputs that take more than a second, only when standard
// error is a terminal (never in pipes, logs or CI), erased when reading ends.

import Foundation
import ShareReport

final class ProgressBar: @unchecked Sendable {
  static let shared = ProgressBar()

  private let lock = NSLock()
  private let started = Date()
  private var lastDraw = Date.distantPast
  private var drawn = false
  private let enabled = Terminal.isTerminal(2)

  /// The callback for IngestOptions.progress, or nil when nothing is to be drawn.
  var callback: (@Sendable (String, Int, Int?) -> Void)? {
    guard enabled else { return nil }
    let bar = self
    return { @Sendable name, done, total in bar.update(name: name, done: done, total: total) }
  }

  func update(name: String, done: Int, total: Int?) {
    lock.lock()
    defer { lock.unlock() }
    let now = Date()
    guard now.timeIntervalSince(started) > 1, now.timeIntervalSince(lastDraw) > 0.1 else { return }
    lastDraw = now
    let width = min(Terminal.columns(toFile: false), 100)
    let mb = String(format: "%.0f MB", Double(done) / 1e6)
    var line: String
    if let total, total > 0 {
      let fraction = min(1, Double(done) / Double(total))
      let barWidth = max(10, width - 40)
      let filled = Int(fraction * Double(barWidth))
      line =
        "reading [" + String(repeating: "█", count: filled) + String(repeating: " ", count: barWidth - filled) + "] "
      line += String(format: "%3.0f%% ", fraction * 100) + mb
    } else {
      line = "reading \(name): \(mb)"
    }
    if displayWidth(line) > width - 1 { line = String(line.prefix(width - 1)) }
    FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
    drawn = true
  }

  /// Erases the bar if one was drawn.
  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    drawn = false
  }
}
