// Tardis writes a day on which a symbol did not trade as an empty gzip (FORMATS.md). A download of
// a month is then a folder of daily files some of which hold nothing: that is a fact about the
// market, not a broken file, so such a file is passed over with a warning, as long as another input
// holds data. An empty file under any other name is still "the file is empty" (E01), and a run in
// which every input is an empty Tardis day has nothing to read and stops (E93).

enum TardisEmptyDay {
  /// Whether `name` is a Tardis file name (`<exchange>_<data_type>_<YYYY-MM-DD>_<SYMBOL>.csv.gz`)
  /// and its decompressed content has no byte.
  static func isOne(_ scanner: CSVScanner, name: String) throws -> Bool {
    let file = FileMarket(path: name)
    guard file.convention == "Tardis file name" else { return false }
    return try scanner.isEmptyInput()
  }

  static func warning(_ name: String) -> Warning {
    Warning(.other, "no trades: an empty Tardis file, a day without data; passed over", at: SourceLocation(file: name))
  }

  /// Every input was an empty day: nothing to read.
  static func nothingRead(_ names: [String]) -> ShareError {
    ShareError.data(
      "every input is an empty Tardis file (\(names.count) day\(names.count == 1 ? "" : "s") without data)",
      at: SourceLocation(file: names[0]), expected: "at least one file with trades",
      hint: "check the symbol and the days asked for: Tardis writes an empty file for a day without trades")
  }
}
