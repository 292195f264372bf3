/// The process exit statuses every chapter executable uses, so scripts can tell failures apart.
///
/// The values follow BSD `sysexits.h` where one exists (64 usage, 65 data, 73 cannot create).
public enum ExitStatus: Int32, Sendable, CaseIterable {
  /// Everything worked.
  case success = 0
  /// The run itself failed, for example training diverged to non-finite numbers.
  case failure = 1
  /// The command line was wrong: an unknown option or a bad value.
  case usage = 64
  /// The input data was malformed.
  case dataError = 65
  /// An output file (a chart, a table) could not be written.
  case cannotWrite = 73
}
