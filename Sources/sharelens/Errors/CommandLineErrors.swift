// The one place where library errors meet the command line: each kind of failure becomes a
// sysexits(3) status, and each setting a message names becomes the flag that sets it. The
// libraries state facts ("the time column X is not in the file"); this file makes them read as
// advice to someone typing a command ("--time X: no such column").

import ShareData
import ShareStats

/// The process exit statuses sharelens uses, from BSD sysexits(3), so scripts can tell a bad
/// option from bad data from a missing file without parsing messages.
enum ExitStatus: Int32, Sendable {
  /// Bad options: an unknown flag, `--from` after `--to`, an unknown category.
  case usage = 64
  /// The input is there but its content is wrong.
  case dataError = 65
  /// An input file is missing, unreadable, or a directory.
  case noInput = 66
  /// A database server cannot be reached.
  case unavailable = 69
  /// An output file cannot be created.
  case cannotCreate = 73
  /// Reading or writing failed part-way.
  case ioError = 74
  /// A remote operation took longer than allowed.
  case tempFail = 75
  /// Permission (authentication) refused.
  case noPermission = 77
}

extension ShareError.Kind {
  var exitStatus: ExitStatus {
    switch self {
    case .badRequest: return .usage
    case .badData: return .dataError
    case .inputUnreadable: return .noInput
    case .serverUnreachable: return .unavailable
    case .outputNotCreated: return .cannotCreate
    case .ioFailed: return .ioError
    case .timedOut: return .tempFail
    case .refused: return .noPermission
    }
  }
}

extension Setting {
  /// The flag that sets this on the command line.
  var flag: String {
    switch self {
    case .layout: return "--layout"
    case .decimalMark: return "--decimal"
    case .timeColumn: return "--time"
    case .valueColumn: return "--value"
    case .grouping: return "--group"
    case .categoryColumn: return "--category"
    case .focusCategory: return "--category"
    case .unit: return "--unit"
    case .duplicates: return "--duplicates"
    case .snapshotDate: return "--date"
    case .include: return "--include"
    case .exclude: return "--exclude"
    case .timeout: return "--timeout"
    case .from: return "--from"
    case .to: return "--to"
    case .map: return "--map"
    case .unmapped: return "--unmapped"
    case .markets: return "--markets"
    case .top: return "--top"
    case .every: return "--every"
    case .events: return "--events"
    case .strict: return "--strict"
    case .period: return "--period"
    case .resamples: return "--resamples"
    case .block: return "--block"
    case .minSegment: return "--min-segment"
    case .maxBreaks: return "--max-breaks"
    case .noVerify: return "--no-verify"
    case .rates: return "--rates"
    case .peg: return "--peg"
    }
  }
}

extension Phrase {
  /// The text as the command line says it: settings as flags.
  var commandLine: String { rendered(\.flag) }
}

enum CommandLineErrors {
  /// The message (after `sharelens: error: `) and exit status for an error a library threw;
  /// nil for errors that are not sharelens' own (argument-parser's, for instance).
  static func describe(_ error: Error) -> (message: String, status: ExitStatus)? {
    switch error {
    case let error as ShareError: return (error.rendered(\.flag), error.kind.exitStatus)
    case let error as GSLError: return ("\(error)", .dataError)
    case let error as StatisticsInputError: return ("\(error)", .dataError)
    default: return nil
    }
  }
}
