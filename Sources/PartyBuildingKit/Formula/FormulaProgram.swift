/// One instruction of a compiled formula. Instructions work on a value stack
/// whose size is known at compile time; `site` indexes the formula's sites for
/// error messages, `slot` the caller's slot buffer, and jump targets are
/// instruction indices. Booleans are 1 or 0.
enum FormulaInstruction: Sendable {
  case push(ExactDecimal)
  case load(slot: Int32)
  /// Pushes 1 when the slot is nonzero, else 0.
  case loadTruth(slot: Int32)

  // Both operands on the stack.
  case add(site: Int32)
  case subtract(site: Int32)
  case multiply(site: Int32)
  case divide(site: Int32)
  // The right operand is a constant.
  case addConstant(ExactDecimal, site: Int32)
  case subtractConstant(ExactDecimal, site: Int32)
  case multiplyConstant(ExactDecimal, site: Int32)
  case divideConstant(ExactDecimal, site: Int32)
  /// Pushes `slots[slot] × constant` (the common weighted term `a * 30%`).
  case loadTimesConstant(slot: Int32, ExactDecimal, site: Int32)
  /// Adds `slots[slot] × constant` to the top (`… + b * 50%`).
  case addSlotTimesConstant(slot: Int32, ExactDecimal, sites: FormulaSitePair)
  /// Subtracts `slots[slot] × constant` from the top.
  case subtractSlotTimesConstant(slot: Int32, ExactDecimal, sites: FormulaSitePair)
  // The right operand is a slot.
  case addSlot(slot: Int32, site: Int32)
  case subtractSlot(slot: Int32, site: Int32)
  case multiplySlot(slot: Int32, site: Int32)
  case divideSlot(slot: Int32, site: Int32)

  case negate(site: Int32)
  case absolute(site: Int32)
  case minimum
  case maximum
  case minimumConstant(ExactDecimal)
  case maximumConstant(ExactDecimal)
  case round(places: Int32, rule: RoundingRule)
  /// Pops high, low and value; fails when low > high.
  case clamp(site: Int32)
  case compare(ComparisonOperator)
  case compareConstant(ComparisonOperator, ExactDecimal)
  /// Pushes the comparison of a slot with a constant (`a >= 60`).
  case compareSlotConstant(ComparisonOperator, slot: Int32, ExactDecimal)
  case not
  /// Pops `count` values and pushes their median.
  case median(count: Int32, site: Int32)
  /// Pops `count` values and then k, and pushes the k-th largest (`largest`) or smallest; fails when k is not a
  /// whole number from 1 to `count`.
  case rank(count: Int32, largest: Bool, site: Int32)
  /// Pops `count` arguments and pushes the result of host function number `function`.
  case call(function: Int32, count: Int32, site: Int32)
  /// Replaces the top (a choice index) with `remapValues[offset + index]`, or −1
  /// when the index is outside `0..<count`.
  case remap(offset: Int32, count: Int32)

  case jump(to: Int32)
  /// Pops the condition; jumps when it is 0.
  case jumpIfFalse(to: Int32)
  /// `and`: when the top is 0, jumps and keeps it; otherwise pops it.
  case jumpIfFalseElsePop(to: Int32)
  /// `or`: when the top is nonzero, jumps and keeps it; otherwise pops it.
  case jumpIfTrueElsePop(to: Int32)
}

/// The sites of a product and of the sum it is added to, packed small so that
/// instructions stay 24 bytes (a formula has at most 4,000 characters, so far
/// fewer than 65,536 sites).
struct FormulaSitePair: Sendable {
  var product: UInt16
  var sum: UInt16
}

/// A compiled formula: straight-line code with forward jumps only, so it always
/// ends, after at most one pass over its instructions.
struct FormulaProgram: Sendable {
  var code: [FormulaInstruction]
  /// The most values on the stack at once.
  var stackSize: Int
  /// One more than the highest slot read.
  var slotCount: Int
  /// The tables of ``FormulaInstruction/remap(offset:count:)``, end to end.
  var remapValues: [ExactDecimal]
}

/// Turns a checked expression into a ``FormulaProgram``.
struct FormulaCompiler {
  private var code: [FormulaInstruction] = []
  private var depth = 0
  private var maximumDepth = 0
  private var slotCount = 0
  private var remapValues: [ExactDecimal] = []

  static func compile(_ expression: FormulaExpression) -> FormulaProgram {
    var compiler = FormulaCompiler()
    compiler.emit(expression)
    return FormulaProgram(
      code: compiler.code, stackSize: max(compiler.maximumDepth, 1), slotCount: compiler.slotCount,
      remapValues: compiler.remapValues)
  }

  private mutating func pushed(_ count: Int = 1) {
    depth += count
    maximumDepth = max(maximumDepth, depth)
  }

  private mutating func slot(_ slot: Int) -> Int32 {
    slotCount = max(slotCount, slot + 1)
    return Int32(slot)
  }

  /// Appends a jump to be patched later; returns its index.
  private mutating func placeholder(_ instruction: FormulaInstruction) -> Int {
    code.append(instruction)
    return code.count - 1
  }

  /// Points the jump at `index` to the current end of the code.
  private mutating func patch(_ index: Int) {
    let target = Int32(code.count)
    switch code[index] {
    case .jump: code[index] = .jump(to: target)
    case .jumpIfFalse: code[index] = .jumpIfFalse(to: target)
    case .jumpIfFalseElsePop: code[index] = .jumpIfFalseElsePop(to: target)
    case .jumpIfTrueElsePop: code[index] = .jumpIfTrueElsePop(to: target)
    default: preconditionFailure("only jumps are patched")
    }
  }

  private mutating func emit(_ expression: FormulaExpression) {
    switch expression {
    case .constant(let value):
      code.append(.push(value))
      pushed()
    case .load(let index, _, _):
      code.append(.load(slot: slot(index)))
      pushed()
    case .loadTruth(let index):
      code.append(.loadTruth(slot: slot(index)))
      pushed()
    case .negate(let operand, let site):
      emit(operand)
      code.append(.negate(site: Int32(site)))
    case .absolute(let operand, let site):
      emit(operand)
      code.append(.absolute(site: Int32(site)))
    case .arithmetic(let first, let steps):
      var rest = steps[...]
      if let (index, factor, _) = FormulaCompiler.weightedTerm(.arithmetic(first, [steps[0]])) {
        code.append(.loadTimesConstant(slot: slot(index), factor, site: Int32(steps[0].site)))
        pushed()
        rest = rest.dropFirst()
      } else {
        emit(first)
      }
      for step in rest { emitOperation(step.op, step.operand, site: Int32(step.site)) }
    case .minimum(let values), .maximum(let values):
      let isMinimum = if case .minimum = expression { true } else { false }
      emit(values[0])
      for value in values.dropFirst() {
        if let constant = value.constant {
          code.append(isMinimum ? .minimumConstant(constant) : .maximumConstant(constant))
        } else {
          emit(value)
          code.append(isMinimum ? .minimum : .maximum)
          depth -= 1
        }
      }
    case .sum(let values, let site):
      emit(values[0])
      for value in values.dropFirst() { emitOperation(.add, value, site: Int32(site)) }
    case .average(let values, let site):
      emit(values[0])
      for value in values.dropFirst() { emitOperation(.add, value, site: Int32(site)) }
      code.append(.divideConstant(ExactDecimal(values.count), site: Int32(site)))
    case .median(let values, let site):
      for value in values { emit(value) }
      code.append(.median(count: Int32(values.count), site: Int32(site)))
      depth -= values.count - 1
    case .rank(let k, let values, let largest, let site):
      emit(k)
      for value in values { emit(value) }
      code.append(.rank(count: Int32(values.count), largest: largest, site: Int32(site)))
      depth -= values.count
    case .hostCall(let function, let arguments, let site, _, _):
      for argument in arguments { emit(argument) }
      code.append(.call(function: Int32(function), count: Int32(arguments.count), site: Int32(site)))
      if arguments.isEmpty { pushed() } else { depth -= arguments.count - 1 }
    case .round(let operand, let places, let rule):
      emit(operand)
      code.append(.round(places: Int32(places), rule: rule))
    case .clamp(let operand, let low, let high, let site):
      emit(operand)
      emit(low)
      emit(high)
      code.append(.clamp(site: Int32(site)))
      depth -= 2
    case .compare(let op, .load(let index, _, _), .constant(let value)):
      code.append(.compareSlotConstant(op, slot: slot(index), value))
      pushed()
    case .compare(let op, let lhs, let rhs):
      emit(lhs)
      if let constant = rhs.constant {
        code.append(.compareConstant(op, constant))
      } else {
        emit(rhs)
        code.append(.compare(op))
        depth -= 1
      }
    case .not(let operand):
      emit(operand)
      code.append(.not)
    case .remap(let operand, let table):
      emit(operand)
      code.append(.remap(offset: Int32(remapValues.count), count: Int32(table.count)))
      remapValues.append(contentsOf: table)
    case .and(let operands), .or(let operands):
      let isAnd = if case .and = expression { true } else { false }
      emit(operands[0])
      var exits: [Int] = []
      for operand in operands.dropFirst() {
        exits.append(
          placeholder(isAnd ? .jumpIfFalseElsePop(to: 0) : .jumpIfTrueElsePop(to: 0)))
        depth -= 1
        emit(operand)
      }
      for exit in exits { patch(exit) }
    case .choose(let cases, let otherwise):
      var exits: [Int] = []
      for item in cases {
        emit(item.condition)
        let skip = placeholder(.jumpIfFalse(to: 0))
        depth -= 1
        emit(item.value)
        exits.append(placeholder(.jump(to: 0)))
        depth -= 1
        patch(skip)
      }
      emit(otherwise)
      for exit in exits { patch(exit) }
    }
  }

  /// The slot, factor and site of `slot × constant` or `constant × slot`.
  private static func weightedTerm(_ expression: FormulaExpression) -> (Int, ExactDecimal, Int)? {
    guard case .arithmetic(let first, let steps) = expression, steps.count == 1,
      steps[0].op == .multiply
    else { return nil }
    switch (first, steps[0].operand) {
    case (.load(let index, _, _), .constant(let factor)), (.constant(let factor), .load(let index, _, _)):
      return (index, factor, steps[0].site)
    default:
      return nil
    }
  }

  /// Applies `op` to the top of the stack and `operand`, using the constant,
  /// slot and weighted-term forms when the operand is one.
  private mutating func emitOperation(
    _ op: ArithmeticOperator, _ operand: FormulaExpression, site: Int32
  ) {
    if op == .add || op == .subtract,
      let (index, factor, productSite) = FormulaCompiler.weightedTerm(operand)
    {
      let slot = slot(index)
      let sites = FormulaSitePair(product: UInt16(productSite), sum: UInt16(site))
      code.append(
        op == .add
          ? .addSlotTimesConstant(slot: slot, factor, sites: sites)
          : .subtractSlotTimesConstant(slot: slot, factor, sites: sites))
      return
    }
    switch operand {
    case .constant(let value):
      switch op {
      case .add: code.append(.addConstant(value, site: site))
      case .subtract: code.append(.subtractConstant(value, site: site))
      case .multiply: code.append(.multiplyConstant(value, site: site))
      case .divide: code.append(.divideConstant(value, site: site))
      }
    case .load(let index, _, _):
      let slot = slot(index)
      switch op {
      case .add: code.append(.addSlot(slot: slot, site: site))
      case .subtract: code.append(.subtractSlot(slot: slot, site: site))
      case .multiply: code.append(.multiplySlot(slot: slot, site: site))
      case .divide: code.append(.divideSlot(slot: slot, site: site))
      }
    default:
      emit(operand)
      switch op {
      case .add: code.append(.add(site: site))
      case .subtract: code.append(.subtract(site: site))
      case .multiply: code.append(.multiply(site: site))
      case .divide: code.append(.divide(site: site))
      }
      depth -= 1
    }
  }
}
