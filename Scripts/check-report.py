#!/usr/bin/env python3
"""Reads back what a real browser rendered of `pbk report` pages and compares it with `pbk evaluate --format csv`.

Used by Scripts/check-report.sh (standard library only):

  check-report.py compare DIR PACK…     DIR holds, per PACK: PACK.csv and PACK.evaluate.txt (pbk evaluate's results
                                        and its standard error), PACK.dom.html, PACK.search.html and
                                        PACK.redacted.dom.html (the DOMs Chromium dumped), PACK.console.txt (its log)
  check-report.py generate N FILE       writes N subjects for the 达州 pack, shaped like Examples/data/dazhou.csv
                                        (seeded: the same N gives the same file)

`compare` exits 1 on the first pack that disagrees, naming what differs.
"""
import csv
import html.parser
import random
import re
import sys
from collections import Counter


class DOM(html.parser.HTMLParser):
    """The parts of a report page a check reads: the subject rows' data attributes and whether each is hidden, the
    count cards, the chart bars, and the text of cells."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows = []  # dicts of data-* attributes, plus "hidden" and "cells"
        self.counts = {}
        self.bars = []  # (chart index, label, count)
        self.charts = 0
        self._count_key = None
        self._in_count_b = False
        self._row_depth = None
        self._depth = 0
        self._cell = None
        self._in_summary_or_row = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        self._depth += 1
        if tag == "svg" and "bars" in classes:
            self.charts += 1
        if tag == "rect" and "data-bar" in attributes:
            self.bars.append((self.charts, attributes["data-bar"], int(attributes["data-count"])))
        if "data-count" in attributes and tag == "div":
            self._count_key = attributes["data-count"]
        if tag == "b" and self._count_key:
            self._in_count_b = True
        if tag in ("div", "details") and "r" in classes:
            row = {key[5:]: value for key, value in attributes.items() if key.startswith("data-")}
            row["hidden"] = "hidden" in attributes
            row["cells"] = []
            self.rows.append(row)
            self._row_depth = self._depth
        if tag == "span" and self._row_depth is not None and self._cell is None:
            self._cell = ""

    def handle_endtag(self, tag):
        if tag == "span" and self._cell is not None:
            self.rows[-1]["cells"].append(self._cell)
            self._cell = None
        if tag == "b":
            self._in_count_b = False
        if tag == "div" and self._count_key and not self._in_count_b:
            self._count_key = None
        if self._row_depth is not None and self._depth == self._row_depth and tag in ("div", "details"):
            self._row_depth = None
        self._depth -= 1

    def handle_data(self, data):
        if self._in_count_b and self._count_key:
            self.counts[self._count_key] = int(data.replace(",", ""))
        if self._cell is not None:
            self._cell += data


def parse(path):
    dom = DOM()
    with open(path, encoding="utf-8") as file:
        dom.feed(file.read())
    return dom


def mask(name):
    """NameMask.mask: the first and last character with one * between (李四 → 李*)."""
    name = name.strip()
    if len(name) <= 1:
        return "*" if name else ""
    return name[0] + "*" + (name[-1] if len(name) > 2 else "")


class Mismatch(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Mismatch(message)


def compare(directory, pack):
    with open(f"{directory}/{pack}.csv", encoding="utf-8-sig", newline="") as file:
        results = list(csv.DictReader(file))
    summary = open(f"{directory}/{pack}.evaluate.txt", encoding="utf-8").read().strip().splitlines()[-1]
    match = re.match(r"(\d+) read: (\d+) assessed, (\d+) rejected", summary)
    expect(match, f"pbk evaluate's summary line is '{summary}'")
    read, assessed, rejected = map(int, match.groups())
    expect(assessed == len(results), f"pbk evaluate says {assessed} assessed but wrote {len(results)} rows")
    void = sum(1 for row in results if row["总分"] == "无效")

    dom = parse(f"{directory}/{pack}.dom.html")
    by_id = {row.get("id"): row for row in dom.rows}
    expect(len(dom.rows) == len(results), f"{len(dom.rows)} rows on the page, {len(results)} results")
    expect(set(by_id) == {row["编号"] for row in results}, "the page's ids differ from the results'")
    for result in results:
        row = by_id[result["编号"]]
        expect(row.get("total") == result["总分"], f"{result['编号']}: total {row.get('total')} on the page, {result['总分']} in the results")
        if "等次" in result:
            expect(row.get("grade") == result["等次"], f"{result['编号']}: grade {row.get('grade')} on the page, {result['等次']} in the results")
        if result.get("星级"):
            expect(row.get("stars") == result["星级"], f"{result['编号']}: stars {row.get('stars')} on the page, {result['星级']}")
        if "排名" in result:
            rank = row.get("rank", "不排名")
            expect(rank == result["排名"], f"{result['编号']}: rank {rank} on the page, {result['排名']} in the results")
        # What a person reads matches the attributes: the cells show the id, the name, the total and the grade.
        cells = row["cells"]
        expect(cells[:3] == [result["编号"], result["名称"], result["总分"]], f"{result['编号']}: the row shows {cells[:4]}")
        if "等次" in result:
            expect(cells[3] == result["等次"], f"{result['编号']}: the row shows grade {cells[3]}")
    expected_counts = {"read": read, "scored": assessed - void, "rejected": rejected, "void": void}
    expect(dom.counts == expected_counts, f"the page counts {dom.counts}, the results {expected_counts}")
    if "等次" in results[0]:
        grades = Counter(row["等次"] for row in results)
        shown = {label: count for chart, label, count in dom.bars if chart == 1 and count > 0}
        expect(shown == dict(grades), f"the grade chart shows {shown}, the results {dict(grades)}")
    if "星级" in results[0]:
        stars = Counter(f"{row['星级']} 星" for row in results if row["星级"])
        shown = {label: count for chart, label, count in dom.bars if chart == dom.charts and count > 0}
        expect(shown == dict(stars), f"the star chart shows {shown}, the results {dict(stars)}")

    # The search box, run by the browser: the page opened as PAGE#q=ID shows that row alone.
    target = results[-1]["编号"]
    searched = parse(f"{directory}/{pack}.search.html")
    visible = [row.get("id") for row in searched.rows if not row["hidden"]]
    expect(visible == [target], f"searching '{target}' shows {visible}")

    # The public notice: the same grades, every name masked, no ids and no totals.
    notice = parse(f"{directory}/{pack}.redacted.dom.html")
    expect(len(notice.rows) == len(results), f"{len(notice.rows)} rows in the notice, {len(results)} results")
    expect(all("id" not in row and "total" not in row for row in notice.rows), "the notice has ids or totals")
    if "等次" in results[0]:
        expect(Counter(row.get("grade") for row in notice.rows) == Counter(row["等次"] for row in results), "the notice's grades differ")
    names = {cell for row in notice.rows for cell in row["cells"]}
    for result in results:
        expect(mask(result["名称"]) in names, f"the notice lacks {mask(result['名称'])} for {result['名称']}")
    notice_text = open(f"{directory}/{pack}.redacted.dom.html", encoding="utf-8").read()
    for result in results:
        expect(result["编号"] not in notice_text, f"the notice shows the id {result['编号']}")
        if len(result["名称"]) >= 2:
            expect(result["名称"] not in notice_text, f"the notice shows the name {result['名称']}")

    console = open(f"{directory}/{pack}.console.txt", encoding="utf-8", errors="replace").read()
    errors = [line for line in console.splitlines() if "Uncaught" in line or "Refused to" in line]
    expect(not errors, f"the browser's console: {errors[:3]}")
    return f"{len(results)} subjects, {read} read, {void} void, grades {dict(Counter(r.get('等次', '') for r in results))}"


def generate(count, path):
    """Subjects for RulePacks/dazhou/pack.json shaped like the sample: most score 80–96, a few have an overdue task or
    a missing deputy, about 2% fail the performance check, 1% were disciplined, 0.5% falsified a report."""
    rng = random.Random(20260105)
    surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
    given = "建国春梅德华志强秀英光明永红文斌晓燕国平成林海波丽娟伟东立新红霞明辉玉兰金凤桂芳"
    towns = ["北外镇", "河市镇", "南坝镇", "普安镇", "庙坝镇", "三汇镇", "青花镇", "磐石镇", "石桥镇", "胡家镇", "土溪镇"]
    header = ("编号,姓名,类型,上级,考核期,一季度,二季度,三季度,四季度,通报批评次数,逾期报送次数,"
              + ",".join(f"指标{i}" for i in range(1, 12))
              + ",阵地任务逾期数,副书记未配齐数,经验推广数,满意度,参会人数,点赞数,查核不过关,党纪处分,弄虚作假")
    with open(path, "w", encoding="utf-8", newline="") as file:
        file.write("\ufeff" + header + "\n")
        for index in range(count):
            level = rng.gauss(88, 5)
            quarter = lambda: f"{min(100, max(40, rng.gauss(level, 3))):.1f}"
            indicator = lambda: f"{min(8, max(3, rng.gauss(level * 0.08, 0.4))):.1f}"
            people = rng.randint(30, 70)
            likes = min(people, max(0, int(rng.gauss(people * 0.7, people * 0.15))))
            name = rng.choice(surnames) + "".join(rng.choice(given) for _ in range(rng.choice((1, 2, 2))))
            cells = [f"DZ{index + 1:06d}", name, "书记", rng.choice(towns) + "党委", "2025",
                     quarter(), quarter(), quarter(), quarter(),
                     str(int(rng.random() < 0.05)), str(rng.choice((0, 0, 0, 0, 1, 2))),
                     *[indicator() for _ in range(11)],
                     str(int(rng.random() < 0.06)), str(int(rng.random() < 0.02)), str(rng.choice((0, 0, 0, 1))),
                     f"{min(100, max(50, rng.gauss(level, 4))):.1f}", str(people), str(likes),
                     "是" if rng.random() < 0.02 else "否",
                     rng.choice(("警告", "严重警告")) if rng.random() < 0.01 else "无",
                     "是" if rng.random() < 0.005 else "否"]
            file.write(",".join(cells) + "\n")


def main(arguments):
    if len(arguments) >= 2 and arguments[0] == "compare":
        directory, packs = arguments[1], arguments[2:]
        failed = False
        for pack in packs:
            try:
                print(f"  ✓ {pack}: {compare(directory, pack)}")
            except Mismatch as mismatch:
                print(f"  ✗ {pack}: {mismatch}")
                failed = True
        return 1 if failed else 0
    if len(arguments) == 3 and arguments[0] == "generate":
        generate(int(arguments[1]), arguments[2])
        return 0
    print(__doc__, file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
