import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension BatchEvaluator {
  /// The outcomes of every record of `input`, in input order, as an asynchronous sequence: each the assessment or
  /// why the record was rejected. The records are read and scored on other threads while the caller consumes them;
  /// reading waits while `buffer` outcomes are not yet consumed (back-pressure), and stops when the consuming task is
  /// cancelled or stops iterating. An input that cannot be read at all ends the sequence with its error.
  ///
  /// ```swift
  /// for try await outcome in BatchEvaluator(pack: pack).results(.standardInput(.csv)) {
  ///   if case .success(let assessment) = outcome { print(assessment.subject.id, assessment.total) }
  /// }
  /// ```
  public func results(_ input: RecordInput, buffer: Int = 1024) -> BatchResults {
    BatchResults(capacity: buffer) { handle in try self.assessments(from: input, handle) }
  }

  /// The same for subjects already read: their outcomes in their order, scored on other threads with the same
  /// checks as a file of the same subjects (a repeated id is rejected; a cohort pack ranks them all).
  public func results(of subjects: [AssessmentInput], buffer: Int = 1024) -> BatchResults {
    BatchResults(capacity: buffer) { handle in try self.assessments(of: subjects, handle) }
  }

  /// The outcomes of subjects as they arrive from an asynchronous sequence (a queue, a network stream), scored one
  /// at a time as each comes, in their order, with the same checks as a batch (a repeated id is rejected). A pack
  /// with a cohort stage must see every subject before it ranks: its outcomes come once the sequence has ended.
  public func results<Subjects: AsyncSequence & Sendable>(
    of subjects: Subjects
  ) -> AsyncThrowingStream<Result<Assessment, AssessmentError>, any Error> where Subjects.Element == AssessmentInput {
    let pack = self.pack
    let links = self.links
    let checksIDs = options.checksIDs
    let previous = self.previous
    return AsyncThrowingStream<Result<Assessment, AssessmentError>, any Error> {
      (continuation: AsyncThrowingStream<Result<Assessment, AssessmentError>, any Error>.Continuation) in
      let task = Task {
        do {
          let table = try previous.map { results throws(RecordInputError) in try PreviousTable(program: pack.program, results: results) }
          if pack.hasCohort {
            var all: [AssessmentInput] = []
            for try await subject in subjects { all.append(subject) }
            if table != nil || !pack.program.links.isEmpty {
              // Ranked as a batch of the same subjects is, each with its previous result and linked inputs filled in.
              _ = try self.assessments(of: all) { continuation.yield($0) }
            } else {
              for result in pack.assessCohort(all).results { continuation.yield(result) }
            }
          } else {
            let scorer = RecordScorer(pack: pack, binding: nil, file: "", previous: table, links: links)
            var seen = IDSet()
            for try await subject in subjects {
              try Task.checkCancellation()
              let failure = scorer.score(subject)
              // Every id read counts, a rejected subject's too (as in a batch).
              let first = checksIDs ? seen.insert(IDFingerprint.of(subject.subject.id), line: subject.origin?.line ?? 0) : nil
              if let failure {
                continuation.yield(.failure(failure))
                continue
              }
              if let first {
                continuation.yield(.failure(InputCoercion.repeatedIDError(subject.subject.id, firstLine: first, origin: subject.origin)))
                continue
              }
              continuation.yield(.success(scorer.assessment()))
            }
          }
          continuation.finish()
        } catch {
          continuation.finish(throwing: error)
        }
      }
      continuation.onTermination = { _ in task.cancel() }
    }
  }
}

/// The outcomes of a batch as an asynchronous sequence, in input order, produced on other threads with
/// back-pressure and cancellation (see ``BatchEvaluator/results(_:buffer:)``).
public struct BatchResults: AsyncSequence, Sendable {
  /// Each record's outcome: its assessment (without a trace), or why it was rejected.
  public typealias Element = Result<Assessment, AssessmentError>

  let capacity: Int
  let produce: @Sendable (_ handle: (Element) throws -> Void) throws -> BatchEvaluator.Summary

  init(capacity: Int, produce: @escaping @Sendable (_ handle: (Element) throws -> Void) throws -> BatchEvaluator.Summary) {
    self.capacity = Swift.max(1, capacity)
    self.produce = produce
  }

  /// Starts the batch on a thread of its own and returns the iterator that hands out its outcomes; a new iterator
  /// runs the batch again from the start of its input.
  public func makeAsyncIterator() -> Iterator {
    let channel = BatchChannel(capacity: capacity)
    let produce = self.produce
    Thread.detach {
      do {
        _ = try produce { element in try channel.put(element) }
        channel.finish(nil)
      } catch {
        channel.finish(error)
      }
    }
    return Iterator(channel: channel)
  }

  /// Hands out the outcomes one at a time; stops the batch when cancelled or dropped.
  public final class Iterator: AsyncIteratorProtocol {
    let channel: BatchChannel

    init(channel: BatchChannel) { self.channel = channel }

    deinit { channel.cancel() }

    /// The next outcome in input order, waiting while the batch produces it; nil once every record is accounted for.
    ///
    /// - Throws: the error that stopped the batch (an input that cannot be read at all: ``RecordInputError``), or
    ///   `CancellationError` when the consuming task was cancelled.
    public func next() async throws -> Element? {
      try await withTaskCancellationHandler {
        try await channel.take()
      } onCancel: { [channel] in
        channel.cancel()
      }
    }
  }
}

/// A bounded hand-over between the thread that scores and the task that consumes: the producer waits while the
/// buffer is full; the consumer waits while it is empty.
final class BatchChannel: @unchecked Sendable {
  private var mutex = pthread_mutex_t()
  private var notFull = pthread_cond_t()
  private var buffer: [Result<Assessment, AssessmentError>] = []
  private var head = 0
  private let capacity: Int
  private var waiting: CheckedContinuation<Result<Assessment, AssessmentError>?, any Error>?
  private var ended = false
  private var failure: (any Error)?
  private var cancelled = false

  init(capacity: Int) {
    self.capacity = capacity
    pthread_mutex_init(&mutex, nil)
    pthread_cond_init(&notFull, nil)
  }

  deinit {
    pthread_cond_destroy(&notFull)
    pthread_mutex_destroy(&mutex)
  }

  /// Hands over one outcome, waiting while the buffer is full; throws `CancellationError` once the consumer is gone.
  func put(_ element: Result<Assessment, AssessmentError>) throws {
    pthread_mutex_lock(&mutex)
    while buffer.count - head >= capacity, !cancelled { pthread_cond_wait(&notFull, &mutex) }
    if cancelled {
      pthread_mutex_unlock(&mutex)
      throw CancellationError()
    }
    if let waiting {
      self.waiting = nil
      pthread_mutex_unlock(&mutex)
      waiting.resume(returning: element)
      return
    }
    buffer.append(element)
    pthread_mutex_unlock(&mutex)
  }

  /// Ends the sequence, with the producer's error when it failed.
  func finish(_ error: (any Error)?) {
    pthread_mutex_lock(&mutex)
    ended = true
    failure = cancelled ? nil : error
    let waiting = self.waiting
    self.waiting = nil
    let failure = self.failure
    pthread_mutex_unlock(&mutex)
    if let waiting {
      if let failure { waiting.resume(throwing: failure) } else { waiting.resume(returning: nil) }
    }
  }

  /// The next outcome, waiting for it; nil at the end.
  func take() async throws -> Result<Assessment, AssessmentError>? {
    try await withCheckedThrowingContinuation { continuation in
      pthread_mutex_lock(&mutex)
      if cancelled {
        pthread_mutex_unlock(&mutex)
        continuation.resume(throwing: CancellationError())
        return
      }
      if head < buffer.count {
        let element = buffer[head]
        head += 1
        if head > 4096, head * 2 > buffer.count {
          buffer.removeFirst(head)
          head = 0
        }
        pthread_cond_signal(&notFull)
        pthread_mutex_unlock(&mutex)
        continuation.resume(returning: element)
        return
      }
      if ended {
        let failure = self.failure
        self.failure = nil
        pthread_mutex_unlock(&mutex)
        if let failure { continuation.resume(throwing: failure) } else { continuation.resume(returning: nil) }
        return
      }
      waiting = continuation
      pthread_mutex_unlock(&mutex)
    }
  }

  /// Stops the batch: the producer's next hand-over throws, a waiting consumer gets `CancellationError`.
  func cancel() {
    pthread_mutex_lock(&mutex)
    cancelled = true
    let waiting = self.waiting
    self.waiting = nil
    pthread_cond_broadcast(&notFull)
    pthread_mutex_unlock(&mutex)
    waiting?.resume(throwing: CancellationError())
  }
}

/// A thread of its own for a batch's producer (blocking reads and waits must not hold a task's thread).
enum Thread {
  static func detach(_ body: @escaping @Sendable () -> Void) {
    final class Box: @unchecked Sendable {
      let body: @Sendable () -> Void
      init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
    let box = Unmanaged.passRetained(Box(body))
    var thread = pthread_t()
    let started = pthread_create(&thread, nil, { raw in
      let box = Unmanaged<AnyObject>.fromOpaque(raw!).takeRetainedValue() as! Box
      box.body()
      return nil
    }, box.toOpaque())
    if started == 0 {
      pthread_detach(thread)
    } else {
      box.release()
      DispatchQueue.global().async { body() }
    }
  }
}
