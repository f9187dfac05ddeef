/// The message catalogue: every sentence a user reads, in English and Chinese, by key. See ``Language`` for how
/// messages are worded; ``Message`` is a key with its arguments.
///
/// Each entry is the English template and the Chinese template; `{1}`, `{2}`… are the message's arguments in order
/// (ids, keys, numbers and pointers as written, or other messages rendered in the same language). The English
/// templates are the exact wording the library used before the catalogue: fixtures and golden files compare them
/// byte for byte. Chinese uses full-width punctuation around its own words and quotes names as “…”; ids, keys, JSON
/// pointers and line:column are kept as written.
///
/// `MessageCatalogTests` checks that every key has a Chinese template that is really Chinese, with the same
/// arguments as the English one, and lists the code that still words messages in English only.
package enum MessageKey: String, CaseIterable, Sendable {
  // MARK: Building blocks
  case untranslated
  case verbatim
  case severityError
  case severityWarning
  case severityNote
  case problemLine
  case problemLineAt
  case didYouMean
  case kindNull
  case kindBool
  case kindNumber
  case kindText
  case kindList
  case kindObject
  // MARK: Pack reader
  case expectedObject
  case unknownKeyDidYouMean
  case unknownKeyAllowed
  case expectedList
  case expectedText
  case expectedBool
  case expectedNumber
  case notANumber
  case tooManyDecimalPlaces
  case numberTooLarge
  case tooManyDigits
  case wholeNumberFromTo
  case objectNeedsKey
  case expectedFormula
  // MARK: PackCompiler
  case packDeclaresTooManyNames
  case idAlreadyUsed
  case idEmptyOrBracket
  case idIsHostFunction
  case divisionByAlwaysZero
  case formulaProblemIn
  // MARK: Command line
  case languageUnknown
  case usageErrorLine
  case unknownCommand
  case versionLine
  case unknownOption
  case optionTakesNoValue
  case optionNeedsValue
  case optionGivenTwice
  case optionRequired
  case giveAPackFile
  case giveAPackFileOrFolder
  case validateFolder
  case validateFailed
  case validateFailedPlural
  case validatePassed
  case withoutBound
  case callsHostFunctions
  case exampleValuesNote
  case exampleValueLine
  case minCoverageValue
  case pathDoesNotExist
  case noPackFilesFound
  case packDidNotLoadTestsNotRun
  case packTestsHeading
  case testTraceHeading
  case packsDidNotLoad
  case packsDidNotLoadPlural
  case testsPassedFailed
  case coverageOfFile
  case coverageOfPacks
  case coverageBelowMinimum
  case hostFunctionsNotProvided
  case metaIsAlsoFile
  case columnsValue
  case evaluateProblem
  case rejectedRecord
  case cannotWrite
  case resultsWithoutRecord
  case inFile
  case countsLine
  case countsLineWithNotes
  case cannotRemoveEarlierRecord
  case explainNoSubject
  case idsThereInclude
  // MARK: PBK+Evaluate
  case packHasProblems
  case inputFormatValue
  case inputFormatOnlyStandardInput
  case threadsValue
  case idsValue
  case maxRecordBytesValue
  case encodingValue
  case headerRowValue
  case unexpectedArgument
  case theRulePackFile
  case theSubjectsFileAnyFormat
  case formatValue
  case xlsxNeedsOutput
  case metaAndNoMeta
  case metaNeedsFile
  case errorsIsMetaFile
  case packCannotBeRead
  case quotaLine
  case cannotWriteStandardOutput
  case idsNotChecked
  case theOutput
  case resultsPlusRejected
  case theResults
  case removedEarlierRecord
  case theSubjectsFile
  case theSubjectToExplain
  // MARK: Results and records
  case countsSummary
  case readAsEncoding
  case placeSheetRowCell
  case placeSheetRow
  case placeLineColumn
  case placeLine
  case placeSubject
  case readAsSheet
  // MARK: PackCompiler+Header
  case packIsNotAnObject
  case formatVersionTooNew
  case formatVersionMissing
  case whatRulePack
  case unknownRounding
  case hintFullMarks
  case hintInputs
  case hintComponents
  case hintPackID
  case packIDCharacters
  case hintPackVersion
  case hintTitle
  case whatSourceDocument
  case hintSourceDocumentTitle
  case hintSource
  case whatEffectiveDates
  case hintFromDate
  case notADate
  case packEndsBeforeItStarts
  case whatSubjectKind
  case whatInput
  case hintInputID
  case unknownInputType
  case hintInputType
  case integerBoundNotWhole
  case minAboveMax
  case noMinMaxForType
  case giveAChoice
  case choicesRepeat
  case hintChoices
  case choicesOnlyForChoice
  case notApplicableHasNo
  case unknownWhenMissing
  case requiredAndDefault
  case theDefault
  case defaultKind
  case hintRequired
  case optionalNeedsDefault
  case placesOnlyForNumber
  case integerHasNoPlaces
  case boundHasMorePlaces
  case whatComputedValue
  case hintValueID
  case hintValueFormula
  case valuesCircular
  case whatValueNamed
  // MARK: InputCoercion
  case inputRequiredNotGiven
  case notAnInputOfPack
  case valueNotANumber
  case valueYesNoNotNumber
  case valueNotWhole
  case valueBelowMinimum
  case valueAboveMaximum
  case valueTextNotYesNo
  case valueNotYesNo
  case valueYesNoNotChoice
  case valueNotAChoice
  case inputProblem
  case idAppearsAgain
  case idAppearsAgainAtLine
  case valueHasMorePlace
  case valueHasMorePlaces
}

enum MessageCatalog {
  /// The message in `language`: its template with the arguments put in.
  static func render(_ message: Message, in language: Language) -> String {
    let template = language == .english ? templates(message.key).en : templates(message.key).zh
    var result = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      result += rest[..<open]
      let after = rest[rest.index(after: open)...]
      let digits = after.prefix(while: \.isASCII).prefix(while: \.isNumber)
      guard !digits.isEmpty, after.dropFirst(digits.count).first == "}", let number = Int(digits) else {
        result.append("{")
        rest = after
        continue
      }
      if number >= 1, number <= message.arguments.count {
        result += render(message.arguments[number - 1], in: language)
      } else {
        assertionFailure("message \(message.key) has no argument {\(number)}")
      }
      rest = after.dropFirst(digits.count + 1)
    }
    result += rest
    return result
  }

  static func render(_ argument: MessageArgument, in language: Language) -> String {
    switch argument {
    case .text(let text): text
    case .message(let message): render(message, in: language)
    case .list(let items): items.joined(separator: language == .english ? ", " : "、")
    }
  }

  /// The English and the Chinese template of `key`.
  static func templates(_ key: MessageKey) -> (en: String, zh: String) {
    switch key {
    // MARK: Building blocks
    case .untranslated:
      ("{1}",
       "{1}")
    case .verbatim:
      ("{1}",
       "{1}")
    case .severityError:
      ("error",
       "错误")
    case .severityWarning:
      ("warning",
       "警告")
    case .severityNote:
      ("note",
       "提示")
    case .problemLine:
      (": {1}: {2}",
       ": {1}：{2}")
    case .problemLineAt:
      (": {1}: {2} (at {3})",
       ": {1}：{2}（位置 {3}）")
    case .didYouMean:
      ("; did you mean '{1}'?",
       "；是不是“{1}”？")
    case .kindNull:
      ("null",
       "null（空值）")
    case .kindBool:
      ("true/false",
       "true/false（是非值）")
    case .kindNumber:
      ("a number",
       "数字")
    case .kindText:
      ("text",
       "文本")
    case .kindList:
      ("a list",
       "列表")
    case .kindObject:
      ("an object",
       "对象")
    // MARK: Pack reader
    case .expectedObject:
      ("expected {1} (an object in braces {…}) here, but found {2}",
       "此处应为{1}（花括号 {…} 中的对象），实际是{2}")
    case .unknownKeyDidYouMean:
      ("unknown key '{1}' in {2}; did you mean '{3}'?",
       "{2}中有未知的键“{1}”；是不是“{3}”？")
    case .unknownKeyAllowed:
      ("unknown key '{1}' in {2}; the keys allowed here are {3}",
       "{2}中有未知的键“{1}”；此处允许的键为 {3}")
    case .expectedList:
      ("expected {1} (a list in brackets […]) here, but found {2}",
       "此处应为{1}（方括号 […] 中的列表），实际是{2}")
    case .expectedText:
      ("expected {1} as text in double quotes here, but found {2}",
       "此处{1}应为双引号中的文本，实际是{2}")
    case .expectedBool:
      ("expected {1} as true or false here, but found {2}",
       "此处{1}应为 true 或 false，实际是{2}")
    case .expectedNumber:
      ("expected {1} as a number here, but found {2}",
       "此处{1}应为数字，实际是{2}")
    case .notANumber:
      ("'{1}' is not a number; write {2} as a number such as 100, 85.5 or \"30%\"",
       "“{1}”不是数字；请把{2}写成数字，如 100、85.5 或 \"30%\"")
    case .tooManyDecimalPlaces:
      ("'{1}' has more than 18 decimal places, more than {2} can hold exactly; round it to 18 places or fewer",
       "“{1}”的小数超过 18 位，{2}无法精确保存；请舍入到 18 位小数以内")
    case .numberTooLarge:
      ("'{1}' is too large for {2}; a number in a pack is below about 9.2 × 10¹⁸ — check it for a typing mistake",
       "“{1}”对{2}而言太大；规则包中的数须小于约 9.2 × 10¹⁸——请检查是否输错")
    case .tooManyDigits:
      ("'{1}' has too many digits to hold exactly for {2} (at most 18 significant digits); shorten it",
       "“{1}”位数太多，{2}无法精确保存（最多 18 位有效数字）；请缩短")
    case .wholeNumberFromTo:
      ("{1} must be a whole number from {2} to {3}, not {4}",
       "{1}须为 {2} 到 {3} 之间的整数，不能是 {4}")
    case .objectNeedsKey:
      ("{1} needs '{2}': {3}",
       "{1}缺少“{2}”：{3}")
    case .expectedFormula:
      ("expected a formula in double quotes for '{1}', but found {2}",
       "“{1}”应为双引号中的公式，实际是{2}")
    // MARK: PackCompiler
    case .packDeclaresTooManyNames:
      ("the pack declares more than {1} names (inputs, ballot counts, period parts, values, sections and components together); the most a pack may declare is {2} — split the scheme into several packs",
       "规则包声明的名称（输入项、票数、分期项、计算值、小项和分项合计）超过 {1} 个；一个规则包最多声明 {2} 个——请把方案拆成几个规则包")
    case .idAlreadyUsed:
      ("the id '{1}' is already used at {2}; every id in a pack must be different",
       "id“{1}”已在 {2} 使用；规则包中每个 id 都必须不同")
    case .idEmptyOrBracket:
      ("an id must not be empty or contain ']'; formulas write an id with punctuation in brackets, e.g. [村(社区)得分]",
       "id 不能为空，也不能含“]”；公式中带标点的 id 写在方括号里，如 [村(社区)得分]")
    case .idIsHostFunction:
      ("the id '{1}' is also the name of a host function in 'requires'; give them different names",
       "id“{1}”与“requires”中的宿主函数同名；请改用不同的名称")
    case .divisionByAlwaysZero:
      ("division by zero: the divisor '{1}' in '{2}' is always 0, so every subject that reaches it would be rejected; divide by something that is not 0 (in {3})",
       "除数为零：“{2}”中的除数“{1}”恒为 0，凡算到这里的对象都会被拒绝；请改为不为 0 的除数（见{3}）")
    case .formulaProblemIn:
      ("{1} (in {2})",
       "{1}（见{2}）")
    // MARK: Command line
    case .languageUnknown:
      ("pbk: --lang takes zh (中文) or en (English), not '{1}'\n",
       "pbk：--lang 的取值为 zh（中文）或 en（English），不能是“{1}”\n")
    case .usageErrorLine:
      ("pbk {1}: {2}\nrun 'pbk {3} --help' for how to use it\n",
       "pbk {1}：{2}\n用法请运行“pbk {3} --help”\n")
    case .unknownCommand:
      ("pbk: unknown command '{1}'{2}\nrun 'pbk --help' to see the commands\n",
       "pbk：没有“{1}”这个命令{2}\n运行“pbk --help”查看全部命令\n")
    case .versionLine:
      ("pbk {1} (rule-pack format version 1)\n",
       "pbk {1}（规则包格式版本 1）\n")
    case .unknownOption:
      ("unknown option '{1}'{2}",
       "没有“{1}”这个选项{2}")
    case .optionTakesNoValue:
      ("--{1} takes no value",
       "--{1} 不带取值")
    case .optionNeedsValue:
      ("--{1} needs a value",
       "--{1} 需要一个取值")
    case .optionGivenTwice:
      ("--{1} is given twice",
       "--{1} 给了两次")
    case .optionRequired:
      ("--{1} is required: {2}",
       "必须给出 --{1}：{2}")
    case .giveAPackFile:
      ("give at least one pack file",
       "请至少给出一个规则包文件")
    case .giveAPackFileOrFolder:
      ("give at least one pack file or directory",
       "请至少给出一个规则包文件或文件夹")
    case .validateFolder:
      ("{1}: error: {2} is a folder; give the pack.json file (or run pbk test {3})\n",
       "{1}: 错误：{2} 是文件夹；请给出 pack.json 文件（或运行 pbk test {3}）\n")
    case .validateFailed:
      ("✗ {1}: {2} problem\n",
       "✗ {1}：{2} 个问题\n")
    case .validateFailedPlural:
      ("✗ {1}: {2} problems\n",
       "✗ {1}：{2} 个问题\n")
    case .validatePassed:
      ("✓ {1}: {2} ({3} {4}): {5} inputs, {6} tests; full marks {7}, highest reachable {8}\n",
       "✓ {1}：{2}（{3} {4}）：{5} 个输入项，{6} 个测试；满分 {7}，最高可得 {8}\n")
    case .withoutBound:
      ("without bound (a bonus with \"cap\": \"none\")",
       "无上限（有加分项为 \"cap\": \"none\"）")
    case .callsHostFunctions:
      ("  calls host functions (provided by the program that evaluates it; its tests give their results):\n",
       "  调用宿主函数（由执行评价的程序提供；规则包的测试给出其结果）：\n")
    case .exampleValuesNote:
      ("  note: {1} example values to replace with the real document's:\n",
       "  提示：有 {1} 个示例值，须换成正式文件中的值：\n")
    case .exampleValueLine:
      ("    {1}:{2} (at {3}): {4}\n",
       "    {1}:{2}（位置 {3}）：{4}\n")
    case .minCoverageValue:
      ("--min-coverage takes a percentage from 0 to 100, e.g. --min-coverage 90, not '{1}'",
       "--min-coverage 的取值为 0 到 100 的百分数，如 --min-coverage 90，不能是“{1}”")
    case .pathDoesNotExist:
      ("'{1}' does not exist",
       "“{1}”不存在")
    case .noPackFilesFound:
      ("no pack.json or *.pack.json files found in {1}",
       "在 {1} 中没有找到 pack.json 或 *.pack.json 文件")
    case .packDidNotLoadTestsNotRun:
      ("✗ {1}: the pack did not load; its tests were not run\n",
       "✗ {1}：规则包未能载入，其测试未运行\n")
    case .packTestsHeading:
      ("{1}: {2} — {3} tests\n",
       "{1}：{2}——{3} 个测试\n")
    case .testTraceHeading:
      ("      trace:\n",
       "      计算过程：\n")
    case .packsDidNotLoad:
      ("{1} pack did not load\n",
       "{1} 个规则包未能载入\n")
    case .packsDidNotLoadPlural:
      ("{1} packs did not load\n",
       "{1} 个规则包未能载入\n")
    case .testsPassedFailed:
      ("{1} passed, {2} failed\n",
       "通过 {1} 个，未通过 {2} 个\n")
    case .coverageOfFile:
      ("coverage of {1}: {2}\n",
       "{1} 的测试覆盖：{2}\n")
    case .coverageOfPacks:
      ("coverage of {1} packs: {2}/{3} — {4}\n",
       "{1} 个规则包的测试覆盖：{2}/{3}——{4}\n")
    case .coverageBelowMinimum:
      ("✗ {1}: coverage {2} is below --min-coverage {3}%\n",
       "✗ {1}：测试覆盖 {2} 低于 --min-coverage {3}%\n")
    case .hostFunctionsNotProvided:
      ("✗ {1}: this pack calls host functions that pbk does not provide: {2}. It is checked and tested by 'pbk validate' and 'pbk test' (its test cases give the functions' results), and evaluated from a Swift program that registers them: RulePack.load(path:functions:) — see README, \"Host functions\"\n",
       "✗ {1}：该规则包调用了 pbk 不提供的宿主函数：{2}。它可以用“pbk validate”和“pbk test”检查和测试（测试用例给出函数的结果），评价则须由登记了这些函数的 Swift 程序进行：RulePack.load(path:functions:)——见 README“Host functions”一节\n")
    case .metaIsAlsoFile:
      ("--meta '{1}' is also the {2} file; give the record a file of its own",
       "--meta“{1}”同时也是 {2} 文件；请给运行记录单独一个文件")
    case .columnsValue:
      ("--columns takes {1}, not '{2}'",
       "--columns 的取值为 {1}，不能是“{2}”")
    case .evaluateProblem:
      ("pbk evaluate: {1}\n",
       "pbk evaluate：{1}\n")
    case .rejectedRecord:
      ("error: {1}\n",
       "错误：{1}\n")
    case .cannotWrite:
      ("cannot write '{1}': {2}",
       "无法写入“{1}”：{2}")
    case .resultsWithoutRecord:
      ("pbk evaluate: the results{1} are complete, but no record of what produced them was written\n",
       "pbk evaluate：结果{1}已完整写出，但生成结果的运行记录没有写成\n")
    case .inFile:
      (" in '{1}'",
       "（在“{1}”中）")
    case .countsLine:
      ("{1}\n",
       "{1}\n")
    case .countsLineWithNotes:
      ("{1} ({2})\n",
       "{1}（{2}）\n")
    case .cannotRemoveEarlierRecord:
      ("pbk evaluate: cannot remove '{1}' ({2}): it records an earlier run, not the results now in {3}; remove it\n",
       "pbk evaluate：无法删除“{1}”（{2}）：它记录的是以前的一次运行，不是现在 {3} 中的结果；请删除它\n")
    case .explainNoSubject:
      ("pbk explain: no subject '{1}' in {2}{3}{4}\n",
       "pbk explain：{2} 中没有对象“{1}”{3}{4}\n")
    case .idsThereInclude:
      (" (ids there include {1})",
       "（其中的 id 有 {1}）")
    // MARK: PBK+Evaluate
    case .packHasProblems:
      ("✗ {1}: the pack has problems; run 'pbk validate {2}' after fixing them\n",
       "✗ {1}：规则包有问题；改正后请运行“pbk validate {2}”\n")
    case .inputFormatValue:
      ("--input-format is csv, json, jsonl or xlsx, not '{1}'",
       "--input-format 的取值为 csv、json、jsonl 或 xlsx，不能是“{1}”")
    case .inputFormatOnlyStandardInput:
      ("--input-format is for standard input (--input -); a file's format comes from its extension",
       "--input-format 只用于标准输入（--input -）；文件的格式由扩展名决定")
    case .threadsValue:
      ("--threads takes a whole number from 1 to 256",
       "--threads 的取值为 1 到 256 的整数")
    case .idsValue:
      ("--ids is checked (the default) or unchecked, not '{1}'",
       "--ids 的取值为 checked（默认）或 unchecked，不能是“{1}”")
    case .maxRecordBytesValue:
      ("--max-record-bytes takes a whole number of bytes, at least 64",
       "--max-record-bytes 的取值为字节数，至少 64")
    case .encodingValue:
      ("--encoding is utf8, gb18030 (also for GBK) or utf16, not '{1}'",
       "--encoding 的取值为 utf8、gb18030（GBK 也用它）或 utf16，不能是“{1}”")
    case .headerRowValue:
      ("--header-row takes a row number, 1 or more",
       "--header-row 的取值为行号，1 或更大")
    case .unexpectedArgument:
      ("unexpected argument '{1}'",
       "多余的参数“{1}”")
    case .theRulePackFile:
      ("the rule pack file",
       "规则包文件")
    case .theSubjectsFileAnyFormat:
      ("the file of subjects (.csv, .xlsx, .json or .jsonl, or - for standard input)",
       "对象数据文件（.csv、.xlsx、.json 或 .jsonl，或用 - 表示标准输入）")
    case .formatValue:
      ("--format is table, csv, xlsx, json or jsonl, not '{1}'",
       "--format 的取值为 table、csv、xlsx、json 或 jsonl，不能是“{1}”")
    case .xlsxNeedsOutput:
      ("--format xlsx writes a workbook: give --output 结果.xlsx",
       "--format xlsx 写出的是工作簿：请给出 --output 结果.xlsx")
    case .metaAndNoMeta:
      ("--meta FILE and --no-meta contradict each other; give one of them",
       "--meta FILE 与 --no-meta 互相矛盾；请只给其中一个")
    case .metaNeedsFile:
      ("--meta takes a file name: standard output has the results",
       "--meta 的取值为文件名：标准输出上是结果")
    case .errorsIsMetaFile:
      ("--errors '{1}.meta.json' is where the record of the run goes; give the rejected rows another file",
       "--errors“{1}.meta.json”是写运行记录的位置；请把被拒绝的行写到另一个文件")
    case .packCannotBeRead:
      ("pbk evaluate: {1}: cannot read the file; check the path\n",
       "pbk evaluate：{1}：无法读取该文件；请检查路径\n")
    case .quotaLine:
      ("名额 quota: {1}\n",
       "名额 quota：{1}\n")
    case .cannotWriteStandardOutput:
      ("pbk evaluate: cannot write the results to standard output: {1}\n",
       "pbk evaluate：无法把结果写到标准输出：{1}\n")
    case .idsNotChecked:
      ("repeated ids not checked: --ids unchecked",
       "未检查重复的 id：--ids unchecked")
    case .theOutput:
      ("the output",
       "输出文件")
    case .resultsPlusRejected:
      ("{1} results in {2} + {3} rejected rows in {4}",
       "{4} 中有 {3} 个被拒绝的行，{2} 中有 {1} 个结果")
    case .theResults:
      ("the results",
       "结果")
    case .removedEarlierRecord:
      ("pbk evaluate: removed '{1}': it recorded an earlier run, not the results now in {2}\n",
       "pbk evaluate：已删除“{1}”：它记录的是以前的一次运行，不是现在 {2} 中的结果\n")
    case .theSubjectsFile:
      ("the file of subjects",
       "对象数据文件")
    case .theSubjectToExplain:
      ("the id of the subject to explain",
       "要说明的对象的 id")
    // MARK: Results and records
    case .countsSummary:
      ("{1} read: {2} assessed, {3} rejected",
       "读入 {1} 行：评价 {2} 个，拒绝 {3} 个")
    case .readAsEncoding:
      ("read as {1}",
       "按 {1} 编码读入")
    case .placeSheetRowCell:
      ("{1} [{2}]: row {3}, cell {4}: ",
       "{1} [{2}]：第 {3} 行，单元格 {4}：")
    case .placeSheetRow:
      ("{1} [{2}]: row {3}: ",
       "{1} [{2}]：第 {3} 行：")
    case .placeLineColumn:
      ("{1}: line {2}, column {3}: ",
       "{1}：第 {2} 行第 {3} 列：")
    case .placeLine:
      ("{1}: line {2}: ",
       "{1}：第 {2} 行：")
    case .placeSubject:
      ("subject '{1}': ",
       "对象“{1}”：")
    case .readAsSheet:
      ("sheet '{1}', header on row {2}",
       "工作表“{1}”，表头在第 {2} 行")
    // MARK: PackCompiler+Header
    case .packIsNotAnObject:
      ("a rule pack is a JSON object in braces {…}, but this file holds {1}",
       "规则包应是花括号 {…} 中的 JSON 对象，但该文件中是{1}")
    case .formatVersionTooNew:
      ("this pack is written in format version {1}, but this version of PartyBuildingKit reads format versions up to {2}; update PartyBuildingKit (pbk) to read it",
       "该规则包按格式版本 {1} 编写，而本版 PartyBuildingKit 只能读取版本 {2} 及以下；请升级 PartyBuildingKit（pbk）后再读取")
    case .formatVersionMissing:
      ("a rule pack needs 'formatVersion': add \"formatVersion\": 1 at the top",
       "规则包缺少“formatVersion”：请在开头加上 \"formatVersion\": 1")
    case .whatRulePack:
      ("the rule pack",
       "规则包")
    case .unknownRounding:
      ("unknown rounding '{1}'{2}; use one of {3} (halfUp is 四舍五入)",
       "未知的舍入方式“{1}”{2}；请改为 {3} 之一（halfUp 即四舍五入）")
    case .hintFullMarks:
      ("the highest total without bonuses (满分), e.g. \"fullMarks\": 100",
       "不含加分的最高总分（满分），如 \"fullMarks\": 100")
    case .hintInputs:
      ("the list of facts the pack reads for each subject",
       "规则包对每个对象读取的输入项列表")
    case .hintComponents:
      ("the list of weighted components (e.g. 日常考核 30%), at least one",
       "带权重的分项列表（如 日常考核 30%），至少一项")
    case .hintPackID:
      ("a short identifier such as \"dazhou-secretary\"",
       "简短的标识，如 \"dazhou-secretary\"")
    case .packIDCharacters:
      ("the pack id '{1}' should use lowercase letters, digits, '-', '_' and '.' only",
       "规则包 id“{1}”只应使用小写字母、数字、“-”、“_”和“.”")
    case .hintPackVersion:
      ("the pack's own version, e.g. \"1.0.0\"",
       "规则包自身的版本，如 \"1.0.0\"")
    case .hintTitle:
      ("the title a person reads, e.g. \"达州市基层党建质效考评\"",
       "给人看的标题，如 \"达州市基层党建质效考评\"")
    case .whatSourceDocument:
      ("the source document",
       "依据文件")
    case .hintSourceDocumentTitle:
      ("the title of the document the pack encodes",
       "规则包所依据文件的标题")
    case .hintSource:
      ("the document the pack encodes, e.g. \"source\": {\"document\": \"《…办法》\"}",
       "规则包所依据的文件，如 \"source\": {\"document\": \"《…办法》\"}")
    case .whatEffectiveDates:
      ("the effective dates",
       "生效日期")
    case .hintFromDate:
      ("the first day, as \"YYYY-MM-DD\"",
       "起始日期，写作 \"YYYY-MM-DD\"")
    case .notADate:
      ("'{1}' is not a date; write it as \"YYYY-MM-DD\", e.g. \"2025-01-01\"",
       "“{1}”不是日期；请写作 \"YYYY-MM-DD\"，如 \"2025-01-01\"")
    case .packEndsBeforeItStarts:
      ("the pack ends ({1}) before it starts ({2})",
       "规则包的截止日期（{1}）早于起始日期（{2}）")
    case .whatSubjectKind:
      ("a subject kind",
       "对象类别")
    case .whatInput:
      ("an input",
       "输入项")
    case .hintInputID:
      ("the name formulas use, e.g. \"daily\" or \"日常考核\"",
       "公式中使用的名称，如 \"daily\" 或 \"日常考核\"")
    case .unknownInputType:
      ("unknown input type '{1}'{2}; use one of {3}",
       "未知的输入项类型“{1}”{2}；请改为 {3} 之一")
    case .hintInputType:
      ("number, integer, boolean or choice",
       "number、integer、boolean 或 choice")
    case .integerBoundNotWhole:
      ("an integer input's '{1}' must be a whole number",
       "整数输入项的“{1}”必须是整数")
    case .minAboveMax:
      ("'min' ({1}) is greater than 'max' ({2})",
       "“min”（{1}）大于“max”（{2}）")
    case .noMinMaxForType:
      ("a {1} input has no 'min' or 'max'; remove them",
       "{1} 类型的输入项没有“min”或“max”；请删去")
    case .giveAChoice:
      ("give at least one choice",
       "请至少给出一个选项")
    case .choicesRepeat:
      ("the choices repeat a value; list each once",
       "选项中有重复的值；每个只列一次")
    case .hintChoices:
      ("the list of allowed texts, e.g. [\"一类\", \"二类\"]",
       "允许的文本列表，如 [\"一类\", \"二类\"]")
    case .choicesOnlyForChoice:
      ("only a choice input has 'choices'; set \"type\": \"choice\" or remove them",
       "只有 choice 类型的输入项才有“choices”；请设为 \"type\": \"choice\" 或删去")
    case .notApplicableHasNo:
      ("an input that is not applicable when missing has no '{1}'; remove it",
       "缺项时不适用的输入项没有“{1}”；请删去")
    case .unknownWhenMissing:
      ("unknown 'whenMissing' '{1}'{2}; write \"notApplicable\" (leave out what uses it and re-weight), or use \"required\": true or a \"default\" instead",
       "未知的“whenMissing”取值“{1}”{2}；请写 \"notApplicable\"（不计用到它的部分并重新折算权重），或改用 \"required\": true 或 \"default\"")
    case .requiredAndDefault:
      ("an input cannot be both required and have a default; remove one",
       "输入项不能既是必填又有默认值；请删去其一")
    case .theDefault:
      ("the default {1}",
       "默认值{1}")
    case .defaultKind:
      ("a default must be a number, true/false or text, not {1}",
       "默认值须为数字、true/false 或文本，不能是{1}")
    case .hintRequired:
      ("say whether it must be given (\"required\": true) or give a \"default\" for when it is not",
       "请说明是否必填（\"required\": true），或给出未填时使用的 \"default\"")
    case .optionalNeedsDefault:
      ("an optional input needs a \"default\" (the value used when it is not given); add one, or make it required",
       "选填的输入项需要 \"default\"（未填时使用的值）；请加上，或改为必填")
    case .placesOnlyForNumber:
      ("only a number input has 'places'; remove it",
       "只有 number 类型的输入项才有“places”；请删去")
    case .integerHasNoPlaces:
      ("an integer input has no decimal places; remove 'places', or make the input a \"number\"",
       "整数输入项没有小数位；请删去“places”，或把输入项改为 \"number\"")
    case .boundHasMorePlaces:
      ("'{1}' ({2}) has {3} decimal places, more than the input's 'places' ({4}); make them agree",
       "“{1}”（{2}）有 {3} 位小数，多于该输入项的“places”（{4}）；请使二者一致")
    case .whatComputedValue:
      ("a computed value",
       "计算值")
    case .hintValueID:
      ("the name other formulas use for it",
       "其他公式引用它时使用的名称")
    case .hintValueFormula:
      ("how it is computed, e.g. \"likes / voters * 100\"",
       "计算方法，如 \"likes / voters * 100\"")
    case .valuesCircular:
      ("computed values depend on each other in a circle ({1}); break the circle",
       "计算值相互依赖，形成循环（{1}）；请打破循环")
    case .whatValueNamed:
      ("value '{1}'",
       "计算值“{1}”")
    // MARK: InputCoercion
    case .inputRequiredNotGiven:
      ("{1}({2}) is required but not given; add it to the input",
       "{1}({2}) 是必填项，但没有给出；请在输入中加上")
    case .notAnInputOfPack:
      ("'{1}' is not an input of pack '{2}'{3}; remove it or correct its name",
       "“{1}”不是规则包“{2}”的输入项{3}；请删去或改正名称")
    case .valueNotANumber:
      ("is '{1}', which is not a number; write digits such as 85.5 (no units, no thousands separators)",
       "为“{1}”，不是数字；请填写数字，如 85.5（不带单位，不用千位分隔符）")
    case .valueYesNoNotNumber:
      ("is a yes/no value, but a number is expected",
       "是一个是/否值，但这里应为数字")
    case .valueNotWhole:
      ("is {1}, but a whole number is expected",
       "为 {1}，但这里应为整数")
    case .valueBelowMinimum:
      ("is {1}, below the least allowed, {2}",
       "为 {1}，低于允许的最小值 {2}")
    case .valueAboveMaximum:
      ("is {1}, above the most allowed, {2}",
       "为 {1}，高于允许的最大值 {2}")
    case .valueTextNotYesNo:
      ("is '{1}', but 是/否 (or true/false, 1/0) is expected",
       "为“{1}”，但这里应为 是/否（或 true/false、1/0）")
    case .valueNotYesNo:
      ("is {1}, but 是/否 (or true/false, 1/0) is expected",
       "为 {1}，但这里应为 是/否（或 true/false、1/0）")
    case .valueYesNoNotChoice:
      ("is a yes/no value, but one of {1} is expected",
       "是一个是/否值，但这里应为 {1} 之一")
    case .valueNotAChoice:
      ("is '{1}', which is not one of the choices {2}{3}",
       "为“{1}”，不在选项 {2} 之中{3}")
    case .inputProblem:
      ("{1}({2}) {3}",
       "{1}({2}) {3}")
    case .idAppearsAgain:
      ("the id appears again; give each subject once",
       "该 id 重复出现；每个对象只能给出一次")
    case .idAppearsAgainAtLine:
      ("the id appears again (first at line {1}); give each subject once",
       "该 id 重复出现（首次出现在第 {1} 行）；每个对象只能给出一次")
    case .valueHasMorePlace:
      ("is {1}, with {2} decimal places, but at most {3} is declared ('places': {4}); give it rounded as the document rounds it, or correct the input's 'places'",
       "为 {1}，有 {2} 位小数，但声明的最多为 {3} 位（'places': {4}）；请按文件的舍入方式舍入后填写，或改正该输入项的“places”")
    case .valueHasMorePlaces:
      ("is {1}, with {2} decimal places, but at most {3} are declared ('places': {4}); give it rounded as the document rounds it, or correct the input's 'places'",
       "为 {1}，有 {2} 位小数，但声明的最多为 {3} 位（'places': {4}）；请按文件的舍入方式舍入后填写，或改正该输入项的“places”")
    }
  }
}
