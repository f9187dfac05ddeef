/// The help texts: what each command does, with examples a policy author can copy.
enum Help {
  static let overview = """
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

  static func command(_ name: String) -> String? {
    switch name {
    case "validate": validate
    case "test": test
    case "evaluate": evaluate
    case "explain": explain
    case "report": report
    case "render": render
    case "diff": diff
    default: nil
    }
  }

  static let validate = """
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

  static let test = """
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
                          A rule fires when it adds or deducts points (a zero rule: when it sets its section to
                          0); a veto when it holds; a grade band or star level when a case ends with it; a star
                          item when earned; a consequence when it follows; a cohort label when given; a quota when
                          its cap moves a subject (a guide: when a count differs from it). Every 'when' (and star
                          items' 'earnedWhen') must be seen both true and false. The percentage counts parts and
                          conditions together, rounded down to one decimal place.
      --min-coverage N    fail (exit 1) when a pack's coverage is below N percent (implies --coverage)

    EXIT CODES
      0 all passed, 1 a test failed, a pack did not load or its coverage is below --min-coverage, 64 usage error

    EXAMPLES
      pbk test RulePacks
      pbk test RulePacks/dazhou/pack.json --coverage
      pbk test RulePacks --min-coverage 90

    """

  static let evaluate = """
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

  static let explain = """
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

  static let report = """
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
      --explanations N    hold at most N subjects' explanations (default \(PBK.defaultExplanations); 0 for none, 'all' for every one):
                          those of subjects with a veto, a consequence, a label, a quota move or a void result
                          first, then the others in input order. 'pbk explain' explains any subject
      --threads N, --encoding E, --sheet S, --header-row N, --ids, --max-record-bytes N, --input-format F,
      --linked PACK=DATA, --library FOLDER
                          as for 'pbk evaluate'

    The page holds: the pack (id, version, title, source document), the input file, the counts (read, scored,
    rejected, void), pbk's version and the time it was made; the grades and stars as bar charts; a histogram of the
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

  static let render = """
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

  static let diff = """
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

    Totals are compared exactly as each pack rounds them; a change is shown with the larger number of places.

    EXIT CODES
      0 compared (rows rejected under either pack are part of the comparison), 1 a pack did not load, the input
      could not be read, the --subject was not found or the output could not be written, 64 usage error

    EXAMPLES
      pbk diff RulePacks/dazhou/pack.json 达州-2026/pack.json --input Examples/data/dazhou.csv
      pbk diff 旧.json 新.json --input 数据.xlsx --subject DZ002
      pbk diff 旧.json 新.json --input 数据.csv --format html --output 对比.html

    """
}
