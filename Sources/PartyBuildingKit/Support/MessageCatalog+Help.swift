/// The help texts of `pbk`, in English and Chinese: part of the message catalogue (``MessageKey/helpOverview`` and
/// one key per command). The English texts are the ones `pbk --help` has always printed; `{1}` in the report's is
/// its default number of explanations.
extension MessageCatalog {
  /// The English and the Chinese help text of `key`, when it is a help key.
  static func helpTemplates(_ key: MessageKey) -> (en: String, zh: String)? {
    switch key {
    case .helpOverview: (overviewEnglish, overviewChinese)
    case .helpValidate: (validateEnglish, validateChinese)
    case .helpTest: (testEnglish, testChinese)
    case .helpEvaluate: (evaluateEnglish, evaluateChinese)
    case .helpExplain: (explainEnglish, explainChinese)
    case .helpReport: (reportEnglish, reportChinese)
    case .helpRender: (renderEnglish, renderChinese)
    case .helpDiff: (diffEnglish, diffChinese)
    default: nil
    }
  }

  static let overviewEnglish = """
    pbk — validate, test, evaluate and explain party-building assessment rule packs (基层党建考核规则包)

    USAGE
      pbk <command> [options]

    COMMANDS
      validate PACK…                  check packs and list every problem (exit 1 if any)
      test PACK|DIR… [--coverage] [--min-coverage N]
                                      run the test cases embedded in packs; ends with "N passed, N failed"
      evaluate --pack PACK --input FILE [--format table|json|csv] [--output FILE] [--threads N] [--what-it-takes]
               [--previous FILE] [--forms FILE]
                                      score every subject in a CSV, JSON or JSON Lines file (with last period's
                                      results, or the raters' forms, for a pack that reads them)
      explain --pack PACK --input FILE --subject ID [--previous FILE] [--forms FILE]
                                      show, line by line, why one subject got its score
      report --pack PACK --input FILE --output 报告.html [--redact] [--title T]
                                      one self-contained HTML page: counts, charts, vetoes, consequences,
                                      rejected rows and every subject's explanation (--redact: a public notice)
      render PACK [--format md|html] [--output FILE]
                                      write the pack as a readable 考核细则 in Chinese (Markdown or HTML)
      diff OLD NEW --input FILE [--subject ID] [--format table|csv|html] [--output FILE]
                                      compare two packs (or two versions of one) on the same subjects

    EXAMPLES
      pbk validate RulePacks/dazhou/pack.json
      pbk test RulePacks
      pbk evaluate --pack RulePacks/dazhou/pack.json --input Examples/data/dazhou.csv
      pbk explain --pack RulePacks/dazhou/pack.json --input Examples/data/dazhou.csv --subject DZ001
      pbk report --pack RulePacks/dazhou/pack.json --input Examples/data/dazhou.csv --output 报告.html
      pbk render RulePacks/dazhou/pack.json --output 达州考核细则.html
      pbk diff 旧/pack.json 新/pack.json --input Examples/data/dazhou.csv

    Run 'pbk <command> --help' for a command's options. Exit codes: 0 all well, 1 problems found, 64 usage error.
    The rule-pack format is described in RulePacks/README.md.

    """

  static let overviewChinese = """
    pbk——检查、测试、评价和说明基层党建考核规则包

    用法
      pbk <命令> [选项]

    命令
      validate 规则包…                 检查规则包，列出全部问题（有问题时退出码为 1）
      test 规则包|文件夹… [--coverage] [--min-coverage N]
                                      运行规则包内嵌的测试用例；最后一行为“通过 N 个，未通过 N 个”
      evaluate --pack 规则包 --input 文件 [--format table|json|csv] [--output 文件] [--threads N] [--what-it-takes]
               [--previous 文件] [--forms 文件]
                                      对 CSV、JSON 或 JSON Lines 文件中的每个对象评分（读取上期结果或
                                      测评表的规则包，同时给出上期结果或评议人的测评表）
      explain --pack 规则包 --input 文件 --subject 编号 [--previous 文件] [--forms 文件]
                                      逐行说明某一对象为何得到这个分数
      report --pack 规则包 --input 文件 --output 报告.html [--redact] [--title 标题]
                                      生成一个独立的 HTML 页面：统计、图表、一票否决、结果运用、
                                      被拒绝的行和每个对象的计算说明（--redact：用于公示）
      render 规则包 [--format md|html] [--output 文件]
                                      把规则包写成可读的中文考核细则（Markdown 或 HTML）
      diff 旧 新 --input 文件 [--subject 编号] [--format table|csv|html] [--output 文件]
                                      用同一批对象比较两个规则包（或同一规则包的两个版本）

    示例
      pbk validate RulePacks/dazhou/pack.json
      pbk test RulePacks
      pbk evaluate --pack RulePacks/dazhou/pack.json --input Examples/data/dazhou.csv
      pbk explain --pack RulePacks/dazhou/pack.json --input Examples/data/dazhou.csv --subject DZ001
      pbk report --pack RulePacks/dazhou/pack.json --input Examples/data/dazhou.csv --output 报告.html
      pbk render RulePacks/dazhou/pack.json --output 达州考核细则.html
      pbk diff 旧/pack.json 新/pack.json --input Examples/data/dazhou.csv

    各命令的选项请运行“pbk <命令> --help”。退出码：0 一切正常，1 发现问题，64 用法错误。
    语言：中文环境（LANG=zh_CN.UTF-8）下用中文，--lang zh 或 --lang en 可指定中文或英文。
    规则包格式见 RulePacks/README.md。

    """

  static let validateEnglish = """
    pbk validate — check rule packs and list every problem

    USAGE
      pbk validate PACK…

    Reads each pack, checks it and reports every problem found — not only the first — as
      FILE:LINE:COLUMN: error: WHAT IS WRONG AND WHAT TO DO (at /json/pointer)
    Checks: JSON syntax; unknown keys (with "did you mean"); types of values; formulas (syntax, undefined names,
    types); that weights add up to 100%; that grade bands cover the scores with no gap or overlap; that the
    highest reachable score equals the declared full marks; that tests name real inputs, grades and vetoes.
    Values marked "exampleValue" are listed as notes: replace them with the real document's.
    Warnings (FILE:LINE:COLUMN: warning: …) name formulas whose exact results could need more than 18 decimal
    places or 19 digits for some allowed inputs (from the inputs' min, max and places); they do not fail the pack.

    EXIT CODES
      0 every pack is valid (warnings or not), 1 a pack has a problem, 64 no pack given

    EXAMPLE
      pbk validate RulePacks/dazhou/pack.json RulePacks/shangyu/pack.json

    """

  static let validateChinese = """
    pbk validate——检查规则包，列出全部问题

    用法
      pbk validate 规则包…

    读取每个规则包并检查，报告发现的全部问题（不只第一个），格式为
      文件:行:列: 错误：问题所在及改正办法（位置 /json/pointer）
    检查内容：JSON 语法；未知的键（并提示“是不是……”）；值的类型；公式（语法、未定义的名称、类型）；
    权重合计是否为 100%；等次划分是否覆盖全部分数、没有空档或重叠；可得最高分是否等于声明的满分；
    测试引用的输入项、等次和一票否决是否存在。
    标有“exampleValue”的值作为提示列出：请换成正式文件中的值。
    警告（文件:行:列: 警告：…）指出这样的公式：对某些允许的输入（按输入项的 min、max 和 places），
    其精确结果可能需要超过 18 位小数或 19 位数字；警告不会使规则包不合格。

    退出码
      0 全部规则包合格（无论有无警告），1 有规则包存在问题，64 没有给出规则包

    示例
      pbk validate RulePacks/dazhou/pack.json RulePacks/shangyu/pack.json

    """

  static let testEnglish = """
    pbk test — run the test cases embedded in rule packs

    USAGE
      pbk test PACK|DIR… [--coverage] [--min-coverage N]

    A directory is searched (recursively) for files named pack.json or *.pack.json. Every test case's inputs
    are assessed and compared with its "expect": total, component and section scores, grade, stars, vetoes and
    consequences. A failure shows what was expected, what came out, and the whole trace. The run ends with the
    line "N passed, N failed".

    OPTIONS
      --coverage          after the tests, show per pack what no test case exercised:
                            coverage of FILE: rules 12/12, vetoes 3/4, bands 4/4, conditions 9/10 both ways — 93.3%
                              FILE:LINE:COLUMN (at /vetoes/2): veto 'perfFail' (党建绩效查核不过关) never fired
                              FILE:LINE:COLUMN (at /vetoes/2/when): condition of veto 'perfFail' (…) never seen true
                          A check fires when it rejects a case; a component for a class ('appliesTo') when a case
                          scores it; a rule when it adds or deducts points (a zero rule: when it sets its section
                          to 0); a veto when it holds; a grade band or star level when a case ends with it; a star
                          item when earned; a consequence when it follows; a cohort label when given; a quota when
                          its cap moves a subject (a guide: when a count differs from it). Every 'when' (and star
                          items' 'earnedWhen', checks' 'rejectWhen', components' 'appliesTo') must be seen both
                          true and false. A rejected case counts only for the checks it ran. The percentage counts
                          parts and conditions together, rounded down to one decimal place.
      --min-coverage N    fail (exit 1) when a pack's coverage is below N percent (implies --coverage)

    EXIT CODES
      0 all passed, 1 a test failed, a pack did not load or its coverage is below --min-coverage, 64 usage error

    EXAMPLES
      pbk test RulePacks
      pbk test RulePacks/dazhou/pack.json --coverage
      pbk test RulePacks --min-coverage 90

    """

  static let testChinese = """
    pbk test——运行规则包内嵌的测试用例

    用法
      pbk test 规则包|文件夹… [--coverage] [--min-coverage N]

    在文件夹中（含子文件夹）查找名为 pack.json 或 *.pack.json 的文件。对每个测试用例的输入进行评价，
    并与其“expect”比较：总分、分项和小项得分、等次、星级、一票否决和结果运用。未通过时显示预期值、
    实际值和完整的计算过程。最后一行为“通过 N 个，未通过 N 个”。

    选项
      --coverage          测试之后，逐个规则包列出没有任何测试用例覆盖的部分：
                            FILE 的测试覆盖：rules 12/12, vetoes 3/4, bands 4/4, conditions 9/10 both ways — 93.3%
                              FILE:LINE:COLUMN (at /vetoes/2): veto 'perfFail' (党建绩效查核不过关) never fired
                              FILE:LINE:COLUMN (at /vetoes/2/when): condition of veto 'perfFail' (…) never seen true
                          数据核对拒绝某个用例时算作触发；限定适用对象（appliesTo）的分项计分时；细则加分或扣分
                          时（zero 细则：把小项记为 0 时）；一票否决成立时；等次或星级是某个用例的结果时；星级
                          条件达到时；结果运用发生时；排名标注给出时；名额使对象变动时（指导名额：人数与之不同
                          时）。每个“when”（以及星级条件的“earnedWhen”、数据核对的“rejectWhen”、分项的
                          “appliesTo”）都须既见到成立也见到不成立。被拒绝的用例只计其运行过的数据核对。百分比
                          把各部分和条件合在一起计算，舍去到一位小数。
      --min-coverage N    规则包的测试覆盖低于 N% 时判为失败（退出码 1；含 --coverage）

    退出码
      0 全部通过，1 有测试未通过、有规则包未能载入或测试覆盖低于 --min-coverage，64 用法错误

    示例
      pbk test RulePacks
      pbk test RulePacks/dazhou/pack.json --coverage
      pbk test RulePacks --min-coverage 90

    """

  static let evaluateEnglish = """
    pbk evaluate — score every subject in an input file

    USAGE
      pbk evaluate --pack PACK --input FILE [--format table|csv|xlsx|json|jsonl] [--output FILE] [--errors FILE]
                   [--columns sections,starItems] [--threads N] [--what-it-takes] [--meta FILE | --no-meta]
                   [--previous FILE | --no-previous] [--encoding E] [--sheet S] [--header-row N]
                   [--input-format F] [--ids checked|unchecked] [--max-record-bytes N] [--forms FILE]
                   [--linked PACK=DATA ...] [--library FOLDER]

    OPTIONS
      --pack PACK       the rule pack (JSON)
      --input FILE      subjects: .csv or .txt (comma- or tab-separated; UTF-8, GB18030/GBK as Excel's "CSV (逗号
                        分隔)" saves it, or UTF-16 as Excel's "Unicode 文本"), .xlsx (a workbook), .json (a list of
                        objects) or .jsonl (an object per line); - for standard input (see --input-format)
      --forms FILE      the raters' forms (测评表) of a pack whose ballot items are scored from them: one form per
                        row, in .csv, .xlsx (first sheet), .json or .jsonl (see RATER FORMS); a file, not -
      --format F        table (default on a terminal), csv (default otherwise; UTF-8 with BOM, opens in Excel),
                        xlsx (a workbook: scores as numbers at their shown places; the default for --output *.xlsx),
                        json (a list of objects with scores, grade, stars, vetoes, consequences, outcomes) or
                        jsonl (one object per line)
      --output FILE     write there instead of standard output, whole or not at all (written beside FILE and
                        renamed into place when complete); a record of the run goes beside it in FILE.meta.json
                        (see RECORD OF THE RUN)
      --errors FILE     also write every rejected row — its line, column, id, the input concerned and the message —
                        to FILE, in the output's format, so that rows read = results + rejected rows can be checked
                        from the files alone
      --columns LIST    add columns: sections (each section's score), starItems (the star items earned)
      --threads N       how many threads score at once (default: every processor); the output's bytes are the
                        same whatever N is
      --what-it-takes   add a column 升档所需: the smallest change in one input found to lift each subject to the
                        next grade or star level (slower: each subject is scored many times)
      --meta FILE       write the record of the run to FILE: with results on standard output, or to put it
                        elsewhere than beside --output
      --no-meta         write no record (and an .xlsx output without the run in its properties)
      --previous FILE   last period's results, for a pack that reads them ("previous"): the file an earlier
                        pbk evaluate wrote (.csv, .json, .jsonl or .xlsx), joined by id; the record beside it
                        (FILE.meta.json) names the pack that wrote it, and the explanation names that run
      --no-previous     for such a pack: no subject has a previous result (each field's "whenMissing" applies)
      --encoding E      utf8, gb18030 (also for GBK and GB2312) or utf16: the text encoding of a CSV file, when
                        the guess from its first 64 KiB is not wanted; the summary says which encoding was read
      --sheet S         the worksheet of an .xlsx to read, by name (default: the first sheet whose header row
                        names the id column, so that a 说明 sheet before the data is passed over)
      --header-row N    the row that holds the column names (CSV and .xlsx), when a title row or two sit above
                        it; in a workbook, without it, the first row that names the id column is taken (the
                        summary says which)
      --input-format F  with --input -: csv (default), json, jsonl or xlsx
      --ids checked     (default) a repeated id is rejected (its first row is scored); unchecked: ids are not
                        compared (each row scored), for data known to be unique and too large to remember
      --max-record-bytes N
                        the longest record accepted (default 1 MiB); a longer one is rejected and reading goes on
      --linked PACK=DATA  for a pack that reads other packs' results ("links", 关联考核): a linked pack and its
                        data file, once per linked pack (and per pack those read in turn). PACK is a pack file
                        (….json) or a pack id found in --library. The linked packs are scored first, in
                        dependency order; their rejected rows go to standard error with their counts
      --library FOLDER  find linked packs by id among the packs of FOLDER (pack.json, *.pack.json), the newest
                        version meeting each link's "version"

    LINKED PACKS
      A pack with "links" reads results of other packs (total, grade, stars, a cohort label, an outcome, or an
      aggregate over many subjects) into its own declared inputs, joining each subject to the linked subject(s)
      by id, parent or an attribute (#column). Example (a secretary's grade by his branch's stars; the secretary's
      parent is the branch):
        pbk evaluate --pack RulePacks/examples/linked/secretary/pack.json \\
          --input RulePacks/examples/linked/secretary/secretaries.csv \\
          --linked RulePacks/examples/linked/branch/pack.json=RulePacks/examples/linked/branch/branches.csv
      A link to a pack not given, links that form a cycle, and a version that does not meet a link's
      requirement stop the run before anything is written, each located in its pack (file:line:column, JSON
      pointer). A row whose join finds no linked subject or several, or finds one that was rejected, is rejected
      naming the linked subject and why; a linked input given in the data as well is rejected. 'pbk explain'
      takes the same options and shows each linked value with where it came from:
        所在村党组织星级 = 5星（关联 example-linked-branch 1.0.0，ZG001）

    INPUT
      A header row naming the columns: id (or 编号), optional name (名称/姓名), kind (类型), parent (上级),
      period (考核期), then one column per input, by its id or its label. A column whose header starts with #
      is carried through unread, to every output format. An empty cell means "not given": the input's default
      applies, or the row is reported. Yes/no inputs take 是/否, true/false or 1/0. In a workbook, a number cell is
      read from the digits Excel stored, rounded to 15 significant digits as Excel shows it (never through a binary
      double); a formula cell gives its cached value; a date cell is an error naming the cell.
      JSON / JSON Lines: the same fields as keys, inputs beside them or in "inputs". A pack with a points ledger
      reads each subject's "events" array ({"date": "2025-03-01", "kind": "…", "count", "severity", "incident",
      "level"}); a CSV row cannot carry events, so such a pack rejects it.

    On a terminal, a long run shows its progress on standard error (rows read, rows a second, rejected so far),
    cleared at the end.

    RATER FORMS (测评表)
      A pack whose ballots declare "forms" scores items from each rater's own form. Give the forms in a second
      file with --forms: a header row (or JSON keys) naming id (编号: the subject the form rates), group (类别:
      the rater group, when the pack declares groups), optional form (表号), rater (评议人) and spoiled (废票:
      是/否), then one column per field of the form, by its id or label; # columns are unread. An empty cell is
      a field left unmarked. Or give each subject's forms in JSON / JSON Lines as a "forms" array of such objects
      (without id) — one place per subject, not both. A CSV or workbook of subjects needs --forms.
      Every form is accounted for: counted; void (无效: blank, marked spoiled, or a mark that cannot be read or is
      out of range), listed with its reason in the subject's explanation; or rejected, reported with its file and
      line: a form whose subject is not in the input (or was rejected), a row that cannot be read (in the
      --errors file its line reads FILE:LINE). A form that names an unknown rater group or key, and a second
      form of the same rater (评议人) for the same subject, reject the subject (one rater, one form; which one
      counts cannot be told). The last line adds
      "(N forms: N counted, N void, N rejected)"; a rejected form makes the exit code 1.

    Every row ends as a result or as a reported error (on standard error, with file, line and column); the last
    line on standard error counts them: "N read: N assessed, N rejected".

    RECORD OF THE RUN
      With --output FILE, once the results are in place pbk writes FILE.meta.json (UTF-8 JSON) saying what
      produced them: the pbk version; the pack's id, version, title, file and SHA-256; the input's file (- for
      standard input), SHA-256 and length of the bytes read, format, encoding, sheet and header row; the --forms
      file's name, SHA-256 and length (null without one); the output's and the --errors file's name, SHA-256 and
      length; the counts (read, assessed, rejected, void, and the forms': read, counted, void, rejected); for each
      --linked pack, its id, version, file and SHA-256, its data file's SHA-256 and length, and its counts; the start and
      end times (ISO 8601 with the UTC offset); the command line. Check a digest with sha256sum. The results hold
      no time or path, so two runs on the same pack and input give the same bytes; only the record differs. An
      .xlsx output also carries the record (all but the digests of the files the run writes) in its document
      properties (文件 → 信息 → 属性 → 高级属性 → 自定义), so workbooks of two runs differ there only.
      No record is written beside a device or a FIFO (give --meta FILE). A run that fails leaves the earlier
      output and its record as they were; when results are replaced but no new record can go beside them
      (--no-meta, --meta elsewhere, a record that cannot be written), an earlier FILE.meta.json is removed. A
      record that cannot be written is an error (exit 1); the results stay.

    EXIT CODES
      0 every subject assessed, 1 some rows rejected, the pack is invalid or a file could not be written,
      64 usage error

    EXAMPLES
      pbk evaluate --pack RulePacks/dazhou/pack.json --input Examples/data/dazhou.csv --format csv --output 结果.csv
      pbk evaluate --pack RulePacks/examples/raters/pack.json --input Examples/data/raters-subjects.csv \\
                   --forms Examples/data/raters-forms.csv

    """

  static let evaluateChinese = """
    pbk evaluate——对输入文件中的每个对象评分

    用法
      pbk evaluate --pack 规则包 --input 文件 [--format table|csv|xlsx|json|jsonl] [--output 文件] [--errors 文件]
                   [--columns sections,starItems] [--threads N] [--what-it-takes] [--meta 文件 | --no-meta]
                   [--previous 文件 | --no-previous] [--encoding E] [--sheet S] [--header-row N]
                   [--input-format F] [--ids checked|unchecked] [--max-record-bytes N] [--forms 文件]
                   [--linked 规则包=数据 ...] [--library 文件夹]

    选项
      --pack 规则包     规则包（JSON）
      --input 文件      对象数据：.csv 或 .txt（逗号或制表符分隔；UTF-8、Excel“CSV (逗号分隔)”保存的 GB18030/GBK，
                        或 Excel“Unicode 文本”的 UTF-16）、.xlsx（工作簿）、.json（对象列表）或 .jsonl（每行一个对象）；
                        - 表示标准输入（见 --input-format）
      --format F        table（在终端上为默认）、csv（其他情况下为默认；UTF-8 带 BOM，可用 Excel 打开）、
                        xlsx（工作簿：得分为数字，按显示的小数位；--output 以 .xlsx 结尾时为默认）、
                        json（对象列表，含得分、等次、星级、一票否决、结果运用、数值结果）或 jsonl（每行一个对象）
      --output 文件     写到该文件而不是标准输出，要么完整写成、要么不写（先写在旁边，写完再改名）；
                        运行记录写在旁边的 文件.meta.json 中（见“运行记录”）
      --errors 文件     另把每个被拒绝的行（行号、列、编号、相关输入项和原因）按输出的格式写到该文件，
                        只凭文件就能核对：读入行数 = 结果 + 被拒绝的行
      --columns 列表    增加列：sections（各分项得分）、starItems（所得星级条目）
      --threads N       同时评分的线程数（默认：每个处理器一个）；无论 N 是多少，输出字节都相同
      --what-it-takes   加一列“升档所需”：使每个对象升到上一等次或星级所需的、某一输入项的最小变动
                        （较慢：每个对象要评分多次）
      --meta 文件       把运行记录写到该文件：结果写到标准输出时，或要写到 --output 旁边以外的地方时
      --no-meta         不写运行记录（.xlsx 输出的属性中也不写本次运行）
      --previous 文件   上期结果，供读取上期结果的规则包（"previous"）使用：以前 pbk evaluate 写出的文件
                        （.csv、.json、.jsonl 或 .xlsx），按编号对应；旁边的 文件.meta.json 写明生成它的规则包，
                        计算说明中会写明那次运行
      --no-previous     用于这样的规则包：所有对象都没有上期结果（按各字段的 "whenMissing" 处理）
      --encoding E      utf8、gb18030（GBK、GB2312 也用它）或 utf16：CSV 文件的文本编码，不采用根据前 64 KiB
                        的判断时使用；汇总行会写明按哪种编码读取
      --sheet S         要读取的 .xlsx 工作表名称（默认：表头行含编号列的第一个工作表，数据前的“说明”表会跳过）
      --header-row N    列名所在的行（CSV 和 .xlsx），上面有一两行标题时使用；工作簿不给出时，取第一行含编号列的行
                        （汇总行会写明）
      --input-format F  与 --input - 一起用：csv（默认）、json、jsonl 或 xlsx
      --ids checked     （默认）重复的编号被拒绝（只评第一行）；unchecked：不比较编号（每行都评），用于确知唯一、
                        且大到不宜记住编号的数据
      --max-record-bytes N
                        可接受的最长记录（默认 1 MiB）；更长的记录被拒绝，然后继续读
      --forms 文件      评议人的测评表，供按测评表计分的规则包使用：每行一张表，.csv、.xlsx（第一个工作表）、
                        .json 或 .jsonl（见“测评表”）；必须是文件，不能是 -
      --linked 规则包=数据
                        读取另一规则包结果的规则包（"links"）使用：先用数据文件对被关联的规则包评分，可重复给出
      --library 文件夹  按 id 查找被关联规则包的文件夹（取满足版本要求的最新版本）

    输入
      表头行写明各列：id（或 编号），可选的 name（名称/姓名）、kind（类型）、parent（上级）、period（考核期），
      然后每个输入项一列，用其 id 或名称作列名。列名以 # 开头的列不读取，原样带到每种输出格式。空单元格表示
      “未给出”：使用该输入项的默认值，或报告该行。是/否输入项填 是/否、true/false 或 1/0。工作簿中的数字单元格
      按 Excel 存的数字读取、按 Excel 显示的 15 位有效数字四舍五入（不经过二进制浮点数）；公式单元格取其缓存的值；
      日期单元格是错误，并写明单元格。
      JSON / JSON Lines：以同样的字段作键，输入项与其并列或放在“inputs”中。有积分台账的规则包读取每个对象的
      “events”数组（{"date": "2025-03-01", "kind": "…", "count", "severity", "incident", "level"}）；
      CSV 的一行无法带事件，所以这样的规则包会拒绝它。

    在终端上运行时间较长时，标准错误上会显示进度（已读行数、每秒行数、已拒绝数），结束时清除。

    测评表
      按测评表计分的规则包（ballots 中声明 "forms"）用每位评议人自己的测评表计分。用 --forms 另给一个文件：
      表头行（或 JSON 键）写明 id（编号：所评对象）、group（类别：规则包声明了评议人类别时）、可选的 form（表号）、
      rater（评议人）和 spoiled（废票：是/否），然后表中每个字段一列，用其 id 或名称作列名；# 列不读取。空单元格
      表示该字段未填。也可以在 JSON / JSON Lines 中给每个对象一个 "forms" 数组（不含 id）——每个对象只能用一处。
      对象数据是 CSV 或工作簿时必须给出 --forms。
      每张表都有着落：计入；无效（空白、标为废票、填写无法读取或超出范围），在该对象的计算说明中写明原因；或被拒绝，
      写明文件和行：所评对象不在输入中（或已被拒绝）的表、无法读取的行（在 --errors 文件中行号写作 文件:行）。
      写了未知类别或字段的表，以及同一评议人对同一对象的第二张表，会使该对象被拒绝（一人一票，无法判断哪张有效）。
      最后一行加上“(N 张表：计入 N，无效 N，拒绝 N)”；有被拒绝的表时退出码为 1。

    每一行要么得出结果，要么报告错误（在标准错误上，写明文件、行和列）；标准错误的最后一行给出计数：
    “读入 N 行：评价 N 个，拒绝 N 个”。

    运行记录
      给出 --output 文件 时，结果写好后 pbk 会写 文件.meta.json（UTF-8 JSON），说明结果由什么生成：pbk 版本；
      规则包的 id、版本、标题、文件和 SHA-256；输入的文件（标准输入为 -）、所读字节的 SHA-256 和长度、格式、
      编码、工作表和表头行；--forms 文件的名称、SHA-256 和长度（未给出为 null）；输出文件和 --errors 文件的名称、
      SHA-256 和长度；计数（读入、评价、拒绝、无效，以及测评表的读入、计入、无效、拒绝）；每个 --linked 规则包的
      id、版本、文件和 SHA-256，其数据文件的 SHA-256 和长度及计数；开始和结束时间（ISO 8601，带 UTC 偏移）；命令行。
      摘要可用 sha256sum 核对。结果中不含时间和路径，所以同一规则包和输入的两次运行字节相同，只有运行记录不同。
      .xlsx 输出在文档属性中也带有运行记录（文件 → 信息 → 属性 → 高级属性 → 自定义；本次运行所写文件的摘要除外），
      所以两次运行的工作簿只在这里不同。设备或 FIFO 旁边不写运行记录（请给出 --meta 文件）。运行失败时，以前的输出
      及其记录保持原样；结果被替换但旁边无法写新记录时（--no-meta、--meta 写在别处、记录写不成），会删除以前的
      文件.meta.json。运行记录写不成属于错误（退出码 1）；结果保留。

    退出码
      0 全部对象都已评价，1 有行被拒绝、规则包不合格或有文件写不成，64 用法错误

    示例
      pbk evaluate --pack RulePacks/dazhou/pack.json --input Examples/data/dazhou.csv --format csv --output 结果.csv
      pbk evaluate --pack RulePacks/examples/raters/pack.json --input Examples/data/raters-subjects.csv \\
                   --forms Examples/data/raters-forms.csv
    """

  static let explainEnglish = """
    pbk explain — show why one subject got its score, line by line

    USAGE
      pbk explain --pack PACK --input FILE --subject ID [--previous FILE | --no-previous] [--forms FILE]
                  [--linked PACK=DATA ...] [--library FOLDER]

    --forms FILE: the raters' forms, as for 'pbk evaluate'; the explanation lists the subject's forms (counted,
    and each void one with its reason) and each item's working per rater group (去掉最高分 95、最低分 60 后平均 …).

    Prints the facts of the subject and every step: each point awarded or deducted with the rule and the facts
    behind it, caps (封顶) and floors (扣完为止), the weighting of components, rounding, vetoes (一票否决), the
    grade (等次), stars (星级) and consequences. A pack that reads last period's results takes them with
    --previous FILE (as pbk evaluate does); the explanation names the earlier run and the values read. A pack
    that reads other packs' results takes --linked and --library as 'pbk evaluate' does; each linked value is
    shown with the linked pack, version and subject(s).

    EXIT CODES
      0 explained, 1 the subject was not found or could not be assessed, 64 usage error

    EXAMPLE
      pbk explain --pack RulePacks/dazhou/pack.json --input Examples/data/dazhou.csv --subject DZ001

    """

  static let explainChinese = """
    pbk explain——逐行说明某一对象为何得到这个分数

    用法
      pbk explain --pack 规则包 --input 文件 --subject 编号 [--previous 文件 | --no-previous] [--forms 文件]
                  [--linked 规则包=数据 ...] [--library 文件夹]

    --forms 文件：评议人的测评表，同 pbk evaluate；计算说明列出该对象的测评表（计入的，以及每张无效表及其原因）
    和每个项目按评议人类别的计算过程（去掉最高分 95、最低分 60 后平均 …）。

    列出该对象的事实数据和每一步计算：每一次加分或扣分及其依据的细则和事实，封顶和扣完为止，
    分项的加权，舍入，一票否决，等次，星级和结果运用。读取上期结果的规则包用 --previous 文件 给出上期结果
    （同 pbk evaluate），计算说明写明那次运行和读到的值。读取其他规则包结果的规则包同 pbk evaluate 一样
    使用 --linked 和 --library；每个关联的值都写明来自哪个规则包、版本和对象。

    退出码
      0 已说明，1 没有找到该对象或无法评价，64 用法错误

    示例
      pbk explain --pack RulePacks/dazhou/pack.json --input Examples/data/dazhou.csv --subject DZ001
    """

  static let reportEnglish = """
    pbk report — write one HTML page of a batch's results, to read, print or post

    USAGE
      pbk report --pack PACK --input FILE --output 报告.html [--redact [--keep-names]] [--title T] [--explanations N|all]

    OPTIONS
      --pack PACK         the rule pack (JSON)
      --input FILE        subjects, as for 'pbk evaluate' (.csv, .xlsx, .json, .jsonl, or - for standard input)
      --output FILE       the page to write (- for standard output); written whole or not at all
      --title T           the page's title (default: the pack's title + 结果报告, or + 结果公示 with --redact)
      --redact            a public notice (公示): names masked to their first and last character (王建国 → 王*国,
                          李四 → 李*); no ids, totals, explanations, or rejected rows' contents; vetoes and
                          consequences only counted. Shown: rank, masked name, grade, stars and labels
      --keep-names        with --redact: names whole, for a notice of organisations (村, 党支部), whose names are
                          not personal; everything else stays hidden
      --explanations N    hold at most N subjects' explanations (default {1}; 0 for none, 'all' for every one):
                          those of subjects with a veto, a consequence, a label, a quota move or a void result
                          first, then the others in input order. 'pbk explain' explains any subject
      --threads N, --encoding E, --sheet S, --header-row N, --ids, --max-record-bytes N, --input-format F,
      --linked PACK=DATA, --library FOLDER, --forms FILE, --previous FILE, --no-previous
                          as for 'pbk evaluate' (the raters' forms, last period's results)

    The page holds: the pack (id, version, title, source document), the input file, the counts (read, scored,
    rejected, void; the raters' forms read, counted, void and rejected), pbk's version and the time it was made; the grades and stars as bar charts; a histogram of the
    totals with the grade bands marked; for a pack that ranks a cohort, a ranking per group with labels and quota
    moves; each veto and consequence that fired, why, how many and who; the rejected rows (line, column, message);
    and each subject's result, a click opening its explanation — the words of 'pbk explain' — with a box to find
    subjects by id, name or grade (报告.html#q=DZ006 opens the page found). It needs no network and no other file
    (styles, charts and a few lines of script are inside it), and it prints on A4: open what you want on paper.
    Set PBK_REPORT_TIME to fix the time it shows, so that the same input makes the same bytes. Rejected rows are
    also written to standard error, and the last line there counts them.

    EXIT CODES
      0 every subject assessed, 1 some rows rejected (the page lists them) or the pack is invalid, 64 usage error

    EXAMPLE
      pbk report --pack RulePacks/dazhou/pack.json --input Examples/data/dazhou.csv --output 报告.html
      pbk report --pack RulePacks/member-points/pack.json --input Examples/data/member-points.csv --output 公示.html --redact
      pbk report --pack RulePacks/zhungeer/pack.json --input Examples/data/zhungeer.csv --output 星级公示.html --redact --keep-names

    """

  static let reportChinese = """
    pbk report——把一批对象的结果写成一个 HTML 页面，供阅读、打印或公示

    用法
      pbk report --pack 规则包 --input 文件 --output 报告.html [--redact [--keep-names]] [--title 标题] [--explanations N|all]

    选项
      --pack 规则包       规则包（JSON）
      --input 文件        对象数据，同“pbk evaluate”（.csv、.xlsx、.json、.jsonl，或用 - 表示标准输入）
      --output 文件       要写的页面（- 为标准输出）；要么完整写成，要么不写
      --title 标题        页面标题（默认：规则包标题 + 结果报告，用 --redact 时为 + 结果公示）
      --redact            用于公示：姓名只留首尾字（王建国 → 王*国，李四 → 李*）；不显示编号、总分、计算说明
                          和被拒绝行的内容；一票否决和结果运用只计数。显示：名次、遮盖后的姓名、等次、星级和标注
      --keep-names        与 --redact 一起用：姓名完整显示，用于组织（村、党支部）的公示，其名称不属个人信息；
                          其余内容仍隐藏
      --explanations N    最多收录 N 个对象的计算说明（默认 {1}；0 为不收录，'all' 为全部）：
                          先收录有一票否决、结果运用、标注、名额变动或无效结果的对象，再按输入顺序收录其他对象。
                          任何对象都可用“pbk explain”说明
      --threads N, --encoding E, --sheet S, --header-row N, --ids, --max-record-bytes N, --input-format F,
      --linked 规则包=数据, --library 文件夹, --forms 文件, --previous 文件, --no-previous
                          同“pbk evaluate”（测评表、上期结果）

    页面包括：规则包（id、版本、标题、依据文件）、输入文件、计数（读入、评分、拒绝、无效；测评表的读入、计入、
    无效和拒绝份数）、pbk 版本和生成时间；
    等次和星级的条形图；总分分布直方图（标出等次分界）；对排名的规则包，按组列出排名及标注和名额变动；
    每个触发的一票否决和结果运用：原因、人数和名单；被拒绝的行（行、列、消息）；每个对象的结果，点击即展开其计算
    说明（即“pbk explain”的内容），并有按编号、名称或等次查找对象的输入框（报告.html#q=DZ006 打开查找结果）。
    它不需要网络，也不需要其他文件（样式、图表和少量脚本都在页面内），可在 A4 纸上打印：展开要打印的内容即可。
    设置 PBK_REPORT_TIME 可固定页面上的时间，使同样的输入生成同样的字节。被拒绝的行也写到标准错误，
    最后一行给出计数。

    退出码
      0 全部对象都已评价，1 有行被拒绝（页面中列出）或规则包不合格，64 用法错误

    示例
      pbk report --pack RulePacks/dazhou/pack.json --input Examples/data/dazhou.csv --output 报告.html
      pbk report --pack RulePacks/member-points/pack.json --input Examples/data/member-points.csv --output 公示.html --redact
      pbk report --pack RulePacks/zhungeer/pack.json --input Examples/data/zhungeer.csv --output 星级公示.html --redact --keep-names

    """

  static let renderEnglish = """
    pbk render — write a rule pack as a readable 考核细则 (assessment rules) in Chinese

    USAGE
      pbk render PACK [--format md|html] [--output FILE]

    Writes what the pack scores and how, for people who check it against the source document: basic facts
    (document, period, full marks, the total as a weighted sum), the components and their weights, each section
    with its full marks and how it starts (从满分起扣 / 从 0 分起计), every rule in words (每次扣 2 分，最多扣 6 分),
    bonus caps, vetoes (一票否决) and their effects, grade bands as ranges, star items and levels, consequences
    (结果运用), cohort labels and quotas, ballots, periods, ledger rules, computed values, the inputs, and the
    source excerpt. Conditions and amounts of common shapes are put into words with the inputs' labels
    (群众满意度不低于 60); any other formula is shown as written. Every number marked "exampleValue" carries a
    visible mark: ⚠ 原文未给出. A pack that calls host functions renders too; they are listed.

    OPTIONS
      --format F        md (Markdown, the default) or html (one self-contained page: no network, inline CSS,
                        A4 print styles); without --format, an --output ending in .html or .htm gives html
      --output FILE     write there instead of standard output (complete or not at all)

    EXIT CODES
      0 written, 1 the pack has problems or the file cannot be written, 64 usage error

    EXAMPLES
      pbk render RulePacks/dazhou/pack.json
      pbk render RulePacks/zhungeer/pack.json --output 准格尔旗考核细则.html

    """

  static let renderChinese = """
    pbk render——把规则包写成可读的中文考核细则

    用法
      pbk render 规则包 [--format md|html] [--output 文件]

    写出规则包评什么、怎么评，供对照依据文件核对：基本情况（文件、考核期、满分、总分的加权方式），各分项及其权重，
    每个小项的满分和起算方式（从满分起扣 / 从 0 分起计），每条细则的文字表述（每次扣 2 分，最多扣 6 分），
    加分上限，一票否决及其效果，等次的分数区间，星级条件和档次，结果运用，排名标注和名额，测评票，分期汇总，
    积分台账规则，计算值，输入项，以及依据文件的原文摘录。常见形式的条件和分值用输入项的名称写成文字
    （群众满意度不低于 60）；其他公式按原样显示。每个标有“exampleValue”的数都带有醒目的标记：⚠ 原文未给出。
    调用宿主函数的规则包也能写出；宿主函数会被列出。

    选项
      --format F        md（Markdown，默认）或 html（一个独立页面：不需要网络，样式内嵌，适合 A4 打印）；
                        不给 --format 时，--output 以 .html 或 .htm 结尾则写 html
      --output 文件     写到该文件而不是标准输出（要么完整写成，要么不写）

    退出码
      0 已写出，1 规则包有问题或文件写不成，64 用法错误

    示例
      pbk render RulePacks/dazhou/pack.json
      pbk render RulePacks/zhungeer/pack.json --output 准格尔旗考核细则.html

    """

  static let diffEnglish = """
    pbk diff — compare two packs (or two versions of one) on the same subjects

    USAGE
      pbk diff OLD NEW --input FILE [--subject ID] [--format table|csv|html] [--output FILE]

    Scores every subject of FILE under the old pack and under the new one and shows, in this order:
      结构差异   what changed in the pack: 新增规则 / 删除的规则 / 修改的规则 (each changed field with its
                 old → new value), and the same for inputs, values, components, sections, vetoes, grade bands,
                 stars, consequences, cohort, ballots, periods and the ledger. Rules are matched by their "id"
                 where both versions give one, otherwise by their place (section) and label — give rules ids in
                 a pack that will be revised. Notes and test cases are not compared.
      概况       how many rows each pack scored and rejected, subjects compared (scored under both), how many
                 changed grade (and the share), totals up / down / the same, rows rejected under one pack only
      等次变动   the transition matrix: rows the old grade, columns the new one, plus 不定等次 (no grade: a veto
                 withheld it, a void vote) and 未评分 (the row was rejected); every input row is counted once under
                 each pack, so the row totals and the column totals both add up to the rows read
      总分变化最大  the 10 subjects whose total changed most (by the size of the change, then by id)
      对象       with --subject: that subject's total and grade under each, its component scores, the sections
                 and the rules whose points differ (from the explained scoring of each pack)
    Subjects are matched by id (a repeated id is always rejected, under both packs; a row without an id is matched
    by its line); a row rejected under one pack and scored under the other is counted as such. Rows are listed in
    input order, except that when both packs have a cohort stage the rows they rejected come first.
    Rejected rows are listed on standard error (error (旧包 old): …), then each pack's counts.

    OPTIONS
      --input FILE      the subjects: .csv, .xlsx, .json or .jsonl, as 'pbk evaluate' reads them; - for standard
                        input (read once, scored under both packs)
      --subject ID      also compare this subject rule by rule
      --format F        table (default): everything above, as text;
                        csv: one row per input row, UTF-8 with BOM for Excel — 编号, 名称, 旧总分, 新总分,
                        变化, 旧等次, 新等次, 等次变化 (是/否 when scored under both, empty otherwise);
                        the structural diff and the matrix are in table and html only;
                        html: everything above as one self-contained page in the style of 'pbk report' (no
                        script, nothing fetched, no time in it: the same packs and input give the same bytes)
      --output FILE     write there instead of standard output (complete or not at all); a name ending in .csv or
                        .html chooses the format
      --input-format, --encoding, --sheet, --header-row, --threads, --max-record-bytes: as for 'pbk evaluate'
      --linked PACK=DATA, --library FOLDER: for packs that read other packs' results, as for 'pbk evaluate'; the
                        linked packs are scored for each version (a version without links ignores them)
      --forms FILE, --previous FILE, --no-previous: the raters' forms and last period's results, as for 'pbk
                        evaluate', the same for both packs (each pack that reads last period's results checks them)

    Totals are compared exactly as each pack rounds them; a change is shown with the larger number of places.

    EXIT CODES
      0 compared (rows rejected under either pack are part of the comparison), 1 a pack did not load, the input
      could not be read, the --subject was not found or the output could not be written, 64 usage error

    EXAMPLES
      pbk diff RulePacks/dazhou/pack.json 达州-2026/pack.json --input Examples/data/dazhou.csv
      pbk diff 旧.json 新.json --input 数据.xlsx --subject DZ002
      pbk diff 旧.json 新.json --input 数据.csv --format html --output 对比.html

    """

  static let diffChinese = """
    pbk diff——用同一批对象比较两个规则包（或同一规则包的两个版本）

    用法
      pbk diff 旧 新 --input 文件 [--subject 编号] [--format table|csv|html] [--output 文件]

    分别用旧规则包和新规则包对文件中的每个对象评分，并依次显示：
      结构差异   规则包改了什么：新增规则 / 删除的规则 / 修改的规则（每个改动的字段及其旧值 → 新值），
                 输入项、计算值、分项、小项、一票否决、等次、星级、结果运用、排名、测评票、分期汇总和积分台账
                 也一样列出。两个版本都给了“id”的细则按 id 对应，否则按所在位置（小项）和名称对应——
                 会修订的规则包请给细则加 id。说明和测试用例不比较。
      概况       每个规则包评分和拒绝的行数，参与比较的对象（两个规则包下都评了分的），等次变化的对象数
                 （及比例），总分升高 / 降低 / 不变的对象数，只在一个规则包下被拒绝的行
      等次变动   等次变动矩阵：行为旧等次，列为新等次，另有“不定等次”（一票否决取消了等次、投票无效）和
                 “未评分”（该行被拒绝）；每个输入行在每个规则包下各计一次，所以行合计和列合计都等于读入的行数
      总分变化最大  总分变化最大的 10 个对象（按变化大小，再按编号）
      对象       给出 --subject 时：该对象在两个规则包下的总分和等次、各分项得分，以及得分不同的小项和细则
                 （取自两个规则包带说明的计分）
    对象按编号对应（重复的编号在两个规则包下都会被拒绝；没有编号的行按行号对应）；在一个规则包下被拒绝、
    在另一个下评了分的行照此计数。各行按输入顺序列出，但两个规则包都有排名阶段时，被拒绝的行排在前面。
    被拒绝的行列在标准错误上（error (旧包 old): …），然后是每个规则包的计数。

    选项
      --input 文件      对象数据：.csv、.xlsx、.json 或 .jsonl，读法同“pbk evaluate”；- 表示标准输入
                        （只读一次，两个规则包都用它评分）
      --subject 编号    另外逐条细则比较该对象
      --format F        table（默认）：以上全部内容，文本形式；
                        csv：每个输入行一行，UTF-8 带 BOM，供 Excel 使用——编号, 名称, 旧总分, 新总分,
                        变化, 旧等次, 新等次, 等次变化（两个规则包下都评了分时为 是/否，否则为空）；
                        结构差异和矩阵只在 table 和 html 中；
                        html：以上全部内容，写成一个与“pbk report”风格相同的独立页面（没有脚本，不从网络获取
                        任何内容，不含时间：同样的规则包和输入生成同样的字节）
      --output 文件     写到该文件而不是标准输出（要么完整写成，要么不写）；文件名以 .csv 或 .html 结尾即选定格式
      --input-format、--encoding、--sheet、--header-row、--threads、--max-record-bytes：同“pbk evaluate”
      --linked 规则包=数据、--library 文件夹：用于读取其他规则包结果的规则包，同“pbk evaluate”；每个版本各自
                        对被关联的规则包评分（没有关联的版本忽略它们）
      --forms 文件、--previous 文件、--no-previous：测评表和上期结果，同“pbk evaluate”，两个规则包共用
                        （读取上期结果的规则包各自核对）

    总分按各规则包自己的舍入方式精确比较；变化按两者中较多的小数位显示。

    退出码
      0 已比较（在任一规则包下被拒绝的行也属于比较的一部分），1 有规则包未能载入、输入无法读取、
      没有找到 --subject 或输出写不成，64 用法错误

    示例
      pbk diff RulePacks/dazhou/pack.json 达州-2026/pack.json --input Examples/data/dazhou.csv
      pbk diff 旧.json 新.json --input 数据.xlsx --subject DZ002
      pbk diff 旧.json 新.json --input 数据.csv --format html --output 对比.html

    """

}
