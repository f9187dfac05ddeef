/// Why a run stopped: the kind of failure and the site that failed.
struct FormulaRunFailure: Error {
  var kind: FormulaError.Kind
  var site: Int32
}

extension FormulaProgram {
  /// Runs the program. Allocates nothing: the stack is provided by the caller
  /// and must hold `stackSize` values; `slots` must hold `slotCount` values.
  @inline(__always)
  func run(
    _ slots: UnsafeBufferPointer<ExactDecimal>, stack: UnsafeMutablePointer<ExactDecimal>, host: HostCallContext?
  ) throws(FormulaRunFailure) -> ExactDecimal {
    try code.withUnsafeBufferPointer { (code) throws(FormulaRunFailure) -> ExactDecimal in
      try run(slots, stack: stack, code: code, host: host)
    }
  }

  /// Runs the program's instructions from `code` (a copy of ``code`` the caller keeps), so that a hot loop
  /// touches no array reference count.
  @inline(__always)
  func run(
    _ slots: UnsafeBufferPointer<ExactDecimal>, stack: UnsafeMutablePointer<ExactDecimal>,
    code: UnsafeBufferPointer<FormulaInstruction>, host: HostCallContext?
  ) throws(FormulaRunFailure) -> ExactDecimal {
    try remapValues.withUnsafeBufferPointer { (remapValues) throws(FormulaRunFailure) -> ExactDecimal in
      try Self.execute(slots, stack: stack, code: code, remapValues: remapValues, host: host)
    }
  }

  /// Runs `code` (one formula's instructions: jump targets count from its start) with its remap tables in
  /// `remapValues`. Reads only plain memory: the compiled pack's scoring plan keeps every formula's code in one
  /// buffer and calls this directly. `host` holds the host functions the code calls (nil when it calls none).
  @inline(__always)
  static func execute(
    _ slots: UnsafeBufferPointer<ExactDecimal>, stack: UnsafeMutablePointer<ExactDecimal>,
    code: UnsafeBufferPointer<FormulaInstruction>, remapValues: UnsafeBufferPointer<ExactDecimal>,
    host: HostCallContext?
  ) throws(FormulaRunFailure) -> ExactDecimal {
    do {
      var pc = 0
      var top = -1  // index of the top value
      let end = code.count
      while pc < end {
        switch code[pc] {
        case .push(let value):
          top += 1
          stack[top] = value
        case .load(let slot):
          top += 1
          stack[top] = slots[Int(slot)]
        case .loadTruth(let slot):
          top += 1
          stack[top] = FormulaMath.truth(!slots[Int(slot)].isZero)

        case .add(let site):
          top -= 1
          stack[top] = try apply(.add, stack[top], stack[top + 1], site)
        case .subtract(let site):
          top -= 1
          stack[top] = try apply(.subtract, stack[top], stack[top + 1], site)
        case .multiply(let site):
          top -= 1
          stack[top] = try apply(.multiply, stack[top], stack[top + 1], site)
        case .divide(let site):
          top -= 1
          stack[top] = try apply(.divide, stack[top], stack[top + 1], site)

        case .addConstant(let value, let site):
          stack[top] = try apply(.add, stack[top], value, site)
        case .subtractConstant(let value, let site):
          stack[top] = try apply(.subtract, stack[top], value, site)
        case .multiplyConstant(let value, let site):
          stack[top] = try apply(.multiply, stack[top], value, site)
        case .divideConstant(let value, let site):
          stack[top] = try apply(.divide, stack[top], value, site)

        case .loadTimesConstant(let slot, let factor, let site):
          top += 1
          stack[top] = try apply(.multiply, slots[Int(slot)], factor, site)
        case .addSlotTimesConstant(let slot, let factor, let sites):
          let term = try apply(.multiply, slots[Int(slot)], factor, Int32(sites.product))
          stack[top] = try apply(.add, stack[top], term, Int32(sites.sum))
        case .subtractSlotTimesConstant(let slot, let factor, let sites):
          let term = try apply(.multiply, slots[Int(slot)], factor, Int32(sites.product))
          stack[top] = try apply(.subtract, stack[top], term, Int32(sites.sum))

        case .addSlot(let slot, let site):
          stack[top] = try apply(.add, stack[top], slots[Int(slot)], site)
        case .subtractSlot(let slot, let site):
          stack[top] = try apply(.subtract, stack[top], slots[Int(slot)], site)
        case .multiplySlot(let slot, let site):
          stack[top] = try apply(.multiply, stack[top], slots[Int(slot)], site)
        case .divideSlot(let slot, let site):
          stack[top] = try apply(.divide, stack[top], slots[Int(slot)], site)

        case .negate(let site):
          do throws(ArithmeticError) {
            stack[top] = try FormulaMath.negate(stack[top])
          } catch { throw failure(error, site) }
        case .absolute(let site):
          do throws(ArithmeticError) {
            stack[top] = try FormulaMath.absolute(stack[top])
          } catch { throw failure(error, site) }
        case .minimum:
          top -= 1
          if stack[top + 1] < stack[top] { stack[top] = stack[top + 1] }
        case .maximum:
          top -= 1
          if stack[top] < stack[top + 1] { stack[top] = stack[top + 1] }
        case .minimumConstant(let value):
          if value < stack[top] { stack[top] = value }
        case .maximumConstant(let value):
          if stack[top] < value { stack[top] = value }
        case .round(let places, let rule):
          stack[top] = stack[top].rounded(places: Int(places), rule: rule)
        case .clamp(let site):
          top -= 2
          let low = stack[top + 1]
          let high = stack[top + 2]
          if high < low { throw FormulaRunFailure(kind: .invalidArgument, site: site) }
          if stack[top] < low { stack[top] = low } else if high < stack[top] { stack[top] = high }
        case .compare(let op):
          top -= 1
          stack[top] = FormulaMath.truth(op.holds(stack[top], stack[top + 1]))
        case .compareConstant(let op, let value):
          stack[top] = FormulaMath.truth(op.holds(stack[top], value))
        case .compareSlotConstant(let op, let slot, let value):
          top += 1
          stack[top] = FormulaMath.truth(op.holds(slots[Int(slot)], value))
        case .not:
          stack[top] = FormulaMath.truth(stack[top].isZero)
        case .median(let count, let site):
          let first = top - Int(count) + 1
          do throws(ArithmeticError) {
            stack[first] = try FormulaMath.median(UnsafeMutableBufferPointer(start: stack + first, count: Int(count)))
          } catch { throw failure(error, site) }
          top = first
        case .rank(let count, let largest, let site):
          let first = top - Int(count) + 1
          guard
            let value = FormulaMath.rank(
              stack[first - 1], UnsafeMutableBufferPointer(start: stack + first, count: Int(count)), largest: largest)
          else { throw FormulaRunFailure(kind: .invalidArgument, site: site) }
          top = first - 1
          stack[top] = value
        case .call(let function, let count, let site):
          let first = top - Int(count) + 1
          let arguments = HostArguments(Array(UnsafeBufferPointer(start: stack + first, count: Int(count))))
          guard let host, case .success(let value) = host.table.call(Int(function), arguments, log: host.log) else {
            throw FormulaRunFailure(kind: .hostFunction, site: site)
          }
          top = first
          stack[top] = value
        case .remap(let offset, let count):
          let start = Int(offset)
          stack[top] = FormulaMath.remap(stack[top], UnsafeBufferPointer(rebasing: remapValues[start..<start + Int(count)]))

        case .jump(let target):
          pc = Int(target)
          continue
        case .jumpIfFalse(let target):
          top -= 1
          if stack[top + 1].isZero {
            pc = Int(target)
            continue
          }
        case .jumpIfFalseElsePop(let target):
          if stack[top].isZero {
            pc = Int(target)
            continue
          }
          top -= 1
        case .jumpIfTrueElsePop(let target):
          if !stack[top].isZero {
            pc = Int(target)
            continue
          }
          top -= 1
        }
        pc += 1
      }
      return stack[0]
    }
  }
}

/// One arithmetic step; an error becomes a failure at `site`. `op` is a
/// constant at every call, so the switch inside folds away.
@inline(__always)
private func apply(
  _ op: ArithmeticOperator, _ lhs: ExactDecimal, _ rhs: ExactDecimal, _ site: Int32
) throws(FormulaRunFailure) -> ExactDecimal {
  do {
    return try FormulaMath.apply(op, lhs, rhs)
  } catch {
    throw failure(error, site)
  }
}

/// The failure for an arithmetic error at `site`.
private func failure(_ error: ArithmeticError, _ site: Int32) -> FormulaRunFailure {
  FormulaRunFailure(kind: FormulaError.Kind(error), site: site)
}
