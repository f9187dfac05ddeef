import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Scores a stream of records with a rule pack on several threads, handing back each outcome in input order.
///
/// The input is read a batch at a time while the previous batch is scored, so memory holds two batches however
/// long the input is, and the output is the same bytes whatever the number of threads. Every record ends as
/// output text or as an error, and the counts add up. Unlike ``Evaluator``, it does not check that subject ids
/// are unique: that would need memory growing with the input.
public struct StreamingEvaluator: Sendable {
  public let pack: RulePack
  /// How many threads score at once.
  public let threads: Int
  /// How many records one thread scores per batch.
  public let batchSize: Int

  /// The number of processors online: the default number of threads.
  public static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

  public init(pack: RulePack, threads: Int = StreamingEvaluator.processorCount, batchSize: Int = 4096) {
    self.pack = pack
    self.threads = max(1, threads)
    self.batchSize = max(1, batchSize)
  }

  /// Reads `reader` to its end and scores every record.
  ///
  /// - Parameters:
  ///   - format: turns an assessment into output text; called on the worker threads.
  ///   - emit: receives each record's outcome in input order, on the calling thread.
  /// - Returns: how many records were read, assessed and rejected.
  public func run(
    _ reader: inout RecordReader, format: @escaping @Sendable (Assessment) -> String,
    emit: (Result<String, AssessmentError>) -> Void
  ) -> Evaluator<RulePack>.Counts {
    run(&reader, transform: { assessment, _ in format(assessment) }, emit: { _, outcome in emit(outcome) })
  }

  /// Reads `reader` to its end, scores every record and turns each assessment into an output value.
  ///
  /// - Parameters:
  ///   - transform: turns an assessment and its record's number (0-based, counting every record read, rejected
  ///     ones too) into the output; called on the worker threads.
  ///   - emit: receives each record's number and outcome in input order, on the calling thread.
  /// - Returns: how many records were read, assessed and rejected.
  public func run<Output: Sendable>(
    _ reader: inout RecordReader, transform: @escaping @Sendable (Assessment, Int) -> Output,
    emit: (Int, Result<Output, AssessmentError>) -> Void
  ) -> Evaluator<RulePack>.Counts {
    let workers = (0..<threads).map { index in
      Worker(pack: pack, reader: reader)
    }
    var counts = Evaluator<RulePack>.Counts()
    var batch = Self.read(&reader, count: threads * batchSize)
    var first = 0
    while !batch.isEmpty {
      let group = DispatchGroup()
      let parts = Self.split(batch.count, into: threads)
      let outputs = (0..<threads).map { _ in OutputBox<Output>() }
      for (index, range) in parts.enumerated() where !range.isEmpty {
        let slice = Array(batch[range])
        let worker = workers[index]
        let box = outputs[index]
        let base = first + range.lowerBound
        DispatchQueue.global().async(group: group) {
          box.results = slice.enumerated().map { offset, record in
            worker.process(record).map { transform($0, base + offset) }
          }
        }
      }
      // Read the next batch while this one is scored.
      let next = Self.read(&reader, count: threads * batchSize)
      group.wait()
      for box in outputs {
        for outcome in box.results {
          switch outcome {
          case .success: counts.assessed += 1
          case .failure: counts.rejected += 1
          }
          emit(counts.read, outcome)
          counts.read += 1
        }
      }
      first += batch.count
      batch = next
    }
    return counts
  }

  static func split(_ count: Int, into parts: Int) -> [Range<Int>] {
    (0..<parts).map { part in (count * part / parts)..<(count * (part + 1) / parts) }
  }

  /// A record as read, before it is turned into facts (which the workers do).
  enum Pending: Sendable {
    case csv(fields: [String], line: Int)
    case input(AssessmentInput)
    case failure(AssessmentError)
  }

  static func read(_ reader: inout RecordReader, count: Int) -> [Pending] {
    var batch: [Pending] = []
    batch.reserveCapacity(count)
    while batch.count < count {
      if reader.format == .csv {
        guard let raw = reader.nextRawCSV() else { break }
        switch raw {
        case .success(let record): batch.append(.csv(fields: record.fields, line: record.line))
        case .failure(let error): batch.append(.failure(error))
        }
      } else {
        guard let record = reader.next() else { break }
        switch record {
        case .success(let input): batch.append(.input(input))
        case .failure(let error): batch.append(.failure(error))
        }
      }
    }
    return batch
  }

  /// One thread's results for its part of a batch; written by that thread, read after it finished.
  final class OutputBox<Output>: @unchecked Sendable {
    var results: [Result<Output, AssessmentError>] = []
  }

  /// One thread's pack, slot buffer and column map; used by one thread at a time.
  final class Worker: @unchecked Sendable {
    let pack: RulePack
    let reader: RecordReader
    init(pack: RulePack, reader: RecordReader) {
      self.pack = pack
      self.reader = reader
    }

    func process(_ record: Pending) -> Result<Assessment, AssessmentError> {
      switch record {
      case .failure(let error): return .failure(error)
      case .input(let input):
        do { return .success(try pack.assess(input, explain: false)) } catch { return .failure(error) }
      case .csv(let fields, let line): return processCSV(fields, line: line)
      }
    }

    /// A CSV row: its facts by input id, checked and scored as ``RulePack/assess(_:explain:)`` does.
    func processCSV(_ fields: [String], line: Int) -> Result<Assessment, AssessmentError> {
      switch reader.buildInput(fields, line: line) {
      case .failure(let error): return .failure(error)
      case .success(let input): return process(.input(input))
      }
    }
  }
}
