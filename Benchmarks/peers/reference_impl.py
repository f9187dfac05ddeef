#!/usr/bin/env python3
"""Pure-Python exact scorer for the 达州 pack (RulePacks/dazhou/pack.json).

Development aid only: it lets run_peers.py and make_sample.py be checked before the
Swift engine can produce a reference. The real reference is `pbk evaluate`.

Semantics reproduced (see RulePacks/README.md):
  * all arithmetic exact (decimal.Decimal with exact operands, Fraction for division);
  * division is carried to 12 decimal places, rounded half-up there;
  * ROUND(x, d) and the total's rounding are half-up (away from zero);
  * rule sections start at full marks or 0, awards add, deductions subtract
    (deductEach = points x count, at most `max`), then the section is capped at its
    full marks and floored at 0; a bonus section starts at 0 and is capped at its cap;
  * component = sum of its sections; total = sum(weight x component) rounded to 2 places;
  * vetoes are all evaluated first; zeroTotal -> total 0; grade from the (zeroed) total;
    setGrade replaces it (worst of several); capGrade caps it (worst wins).

Usage:
  reference_impl.py --input data.csv --output ref.csv     # same CSV layout as `pbk evaluate --format csv`
  reference_impl.py --pack-tests RulePacks/dazhou/pack.json   # run the pack's embedded tests
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

# ---- the pack, transcribed (every number below is read from RulePacks/dazhou/pack.json) ----
QUARTERS = ["一季度", "二季度", "三季度", "四季度"]
INDICATORS = [f"指标{i}" for i in range(1, 12)]
NUMBER_INPUTS = {  # id -> (min, max, required)
    **{q: (0, 100, True) for q in QUARTERS},
    **{k: (0, 8, True) for k in INDICATORS},
    "满意度": (0, 100, True),
}
INTEGER_INPUTS = {  # id -> (min, max, default or None when required)
    "通报批评次数": (0, 20, 0),
    "逾期报送次数": (0, 50, 0),
    "阵地任务逾期数": (0, 100, 0),
    "副书记未配齐数": (0, 100, 0),
    "经验推广数": (0, 20, 0),
    "参会人数": (1, 1000, None),
    "点赞数": (0, 1000, None),
}
BOOLEAN_INPUTS = {"查核不过关": False, "弄虚作假": False}
CHOICE_INPUTS = {"党纪处分": (["无", "警告", "严重警告", "撤销党内职务", "留党察看"], "无")}
INPUT_IDS = (QUARTERS + ["通报批评次数", "逾期报送次数"] + INDICATORS
             + ["阵地任务逾期数", "副书记未配齐数", "经验推广数", "满意度", "参会人数", "点赞数",
                "查核不过关", "党纪处分", "弄虚作假"])

GRADES = ["好", "较好", "一般", "差"]  # best -> worst
BANDS = [(Decimal(90), "好"), (Decimal(80), "较好"), (Decimal(60), "一般"), (Decimal(0), "差")]
WEIGHTS = {"日常考核": Decimal("0.3"), "年底考核": Decimal("0.5"), "述职评议": Decimal("0.2")}

VETO_LABELS = {
    "falsified": "党建工作弄虚作假、虚报成绩",
    "discipline": "本年度受到党纪处分",
    "perfFail": "党建绩效查核不过关",
    "lowLikes": "述职获赞率低于30%，不得评为“好”",
}
CONSEQUENCES = [  # (id, label, onGrades, onVetoes)
    ("hold", "选任过程中“放下”，中止提拔程序", {"差"}, {"falsified", "discipline", "perfFail"}),
    ("noAwards", "取消评先选优资格", {"一般", "差"}, {"falsified", "discipline", "perfFail"}),
    ("noNomination", "取消“两代表一委员”推荐人选资格", {"差"}, {"falsified", "discipline", "perfFail"}),
]

TRUE_TEXTS = {"是", "true", "1"}
FALSE_TEXTS = {"否", "false", "0"}


class InvalidInput(ValueError):
    pass


# ---- exact helpers ----
def round_half_up(x: Decimal | Fraction, places: int) -> Decimal:
    """Round to `places` decimals, halves away from zero, exactly."""
    f = Fraction(x)
    scaled = abs(f) * (10 ** places)
    n = int(scaled)  # floor for non-negative
    if scaled - n >= Fraction(1, 2):
        n += 1
    if f < 0:
        n = -n
    return Decimal(n).scaleb(-places)


def div12(a: Decimal, b: Decimal) -> Decimal:
    """The engine's division: exact quotient rounded half-up at 12 decimal places."""
    return round_half_up(Fraction(a) / Fraction(b), 12)


def plain(d: Decimal) -> str:
    """Shortest exact decimal text without exponent: 92.0 -> '92', 5.7780 -> '5.778'."""
    if d == 0:
        return "0"
    t = format(d.normalize(), "f")
    return t


# ---- input parsing (CSV text or JSON values) ----
def _number(raw, iid):
    if isinstance(raw, bool):
        raise InvalidInput(f"{iid}: expected a number")
    if isinstance(raw, (int, Decimal)):
        return Decimal(raw)
    if isinstance(raw, float):  # only reachable if a caller passes floats; keep exact binary value
        return Decimal(raw)
    try:
        return Decimal(str(raw).strip())
    except Exception as exc:  # noqa: BLE001
        raise InvalidInput(f"{iid}: '{raw}' is not a number") from exc


def parse_inputs(raw: dict) -> dict:
    """raw: input id -> CSV text ('' = not given) or JSON value (absent/None = not given)."""
    v: dict = {}
    for iid, (lo, hi, _req) in NUMBER_INPUTS.items():
        r = raw.get(iid)
        if r is None or r == "":
            raise InvalidInput(f"{iid} is required")
        x = _number(r, iid)
        if x < lo:
            raise InvalidInput(f"{iid}: {x} below the least allowed {lo}")
        if x > hi:
            raise InvalidInput(f"{iid}: {x} above the most allowed {hi}")
        v[iid] = x
    for iid, (lo, hi, default) in INTEGER_INPUTS.items():
        r = raw.get(iid)
        if r is None or r == "":
            if default is None:
                raise InvalidInput(f"{iid} is required")
            v[iid] = Decimal(default)
            continue
        x = _number(r, iid)
        if x != x.to_integral_value():
            raise InvalidInput(f"{iid}: {x} is not a whole number")
        if x < lo or x > hi:
            raise InvalidInput(f"{iid}: {x} outside {lo}..{hi}")
        v[iid] = x
    for iid, default in BOOLEAN_INPUTS.items():
        r = raw.get(iid)
        if r is None or r == "":
            v[iid] = default
        elif isinstance(r, bool):
            v[iid] = r
        else:
            t = str(r).strip().lower()
            if t in TRUE_TEXTS:
                v[iid] = True
            elif t in FALSE_TEXTS:
                v[iid] = False
            else:
                raise InvalidInput(f"{iid}: '{r}' is not 是/否")
    for iid, (choices, default) in CHOICE_INPUTS.items():
        r = raw.get(iid)
        if r is None or r == "":
            v[iid] = default
        elif r in choices:
            v[iid] = r
        else:
            raise InvalidInput(f"{iid}: '{r}' is not one of {choices}")
    return v


# ---- scoring ----
def _rule_section(full: Decimal, start: Decimal, delta: Decimal, floor: Decimal = Decimal(0)) -> Decimal:
    return max(min(start + delta, full), floor)


def _deduct_each(points, count, cap=None) -> Decimal:
    d = Decimal(points) * count
    return min(d, Decimal(cap)) if cap is not None else d


def score(v: dict) -> dict:
    # values
    daily_avg = div12(sum((v[q] for q in QUARTERS), Decimal(0)), Decimal(4))  # AVERAGE(...)
    like_share = div12(v["点赞数"], v["参会人数"])
    like_rate = round_half_up(min(like_share, Decimal(1)) * 100, 2)  # ROUND(MIN(…,1)*100, 2)

    sections = {}
    # 日常考核 (weight 30%)
    sections["季度考评"] = daily_avg * Decimal("0.8")  # score formula: 日常平均 * 80%
    sections["日常纪实"] = _rule_section(
        Decimal(20), Decimal(20),
        -_deduct_each(5, v["通报批评次数"]) - _deduct_each(1, v["逾期报送次数"], cap=5))
    # 年底考核 (weight 50%)
    sections["履职指标"] = _rule_section(Decimal(88), Decimal(0), sum((v[k] for k in INDICATORS), Decimal(0)))
    sections["硬性指标"] = _rule_section(
        Decimal(12), Decimal(12),
        -_deduct_each(5, v["阵地任务逾期数"]) - _deduct_each(5, v["副书记未配齐数"]))
    sections["创新加分"] = max(min(Decimal(2) * v["经验推广数"], Decimal(5)), Decimal(0))  # bonus, cap 5
    # 述职评议 (weight 20%)
    sections["满意度测评"] = v["满意度"] * Decimal("0.8")
    sections["获赞情况"] = min(like_rate * Decimal("0.2"), Decimal(20))

    components = {
        "日常考核": sections["季度考评"] + sections["日常纪实"],
        "年底考核": sections["履职指标"] + sections["硬性指标"] + sections["创新加分"],
        "述职评议": sections["满意度测评"] + sections["获赞情况"],
    }
    exact_total = sum((WEIGHTS[c] * s for c, s in components.items()), Decimal(0))
    total = round_half_up(exact_total, 2)

    # vetoes: all conditions evaluated before any applies
    fired = []
    if v["弄虚作假"]:
        fired.append("falsified")
    if v["党纪处分"] != "无":
        fired.append("discipline")
    if v["查核不过关"]:
        fired.append("perfFail")
    if like_rate < 30:
        fired.append("lowLikes")

    if "falsified" in fired:  # zeroTotal
        total = Decimal("0.00")
    grade = next(g for lo, g in BANDS if total >= lo)
    set_grades = [g for vid, g in (("discipline", "差"),) if vid in fired]  # setGrade
    if set_grades:
        grade = max(set_grades, key=GRADES.index)
    for vid, cap in (("perfFail", "一般"), ("lowLikes", "较好")):  # capGrade
        if vid in fired and GRADES.index(grade) < GRADES.index(cap):
            grade = cap

    consequences = [cid for cid, _label, on_grades, on_vetoes in CONSEQUENCES
                    if grade in on_grades or on_vetoes.intersection(fired)]
    return {
        "total": total.quantize(Decimal("0.01")),
        "exact_total": exact_total,
        "grade": grade,
        "components": components,
        "sections": sections,
        "values": {"日常平均": daily_avg, "获赞率": like_rate},
        "vetoes": fired,
        "consequences": consequences,
    }


# ---- CLI ----
def evaluate_csv(input_path: Path, output_path: Path) -> int:
    with open(input_path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        id_col = header.index("id") if "id" in header else header.index("编号")
        cols = {iid: header.index(iid) for iid in INPUT_IDS if iid in header}
        name_col = next((header.index(h) for h in ("name", "名称", "姓名") if h in header), None)
        period_col = next((header.index(h) for h in ("period", "考核期") if h in header), None)
        out_rows = []
        bad = 0
        for line_no, row in enumerate(reader, start=2):
            if not any(c.strip() for c in row):
                continue
            raw = {iid: row[i] for iid, i in cols.items()}
            try:
                r = score(parse_inputs(raw))
            except InvalidInput as exc:
                print(f"row {line_no}: {exc}", file=sys.stderr)
                bad += 1
                continue
            out_rows.append([
                row[id_col],
                row[name_col] if name_col is not None else "",
                row[period_col] if period_col is not None else "",
                f"{r['total']:.2f}",
                plain(r["components"]["日常考核"]),
                plain(r["components"]["年底考核"]),
                plain(r["components"]["述职评议"]),
                r["grade"],
                "；".join(VETO_LABELS[x] for x in r["vetoes"]),
                "；".join(label for cid, label, _g, _v in CONSEQUENCES if cid in r["consequences"]),
            ])
    with open(output_path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["编号", "名称", "考核期", "总分", "日常考核", "年底考核", "述职评议", "等次", "一票否决", "后果"])
        w.writerows(out_rows)
    print(f"{len(out_rows)} scored, {bad} rejected", file=sys.stderr)
    return 0 if bad == 0 else 1


def run_pack_tests(pack_path: Path) -> int:
    pack = json.loads(Path(pack_path).read_text(encoding="utf-8"), parse_float=Decimal, parse_int=Decimal)
    failed = 0
    for t in pack["tests"]:
        exp = t["expect"]
        try:
            r = score(parse_inputs(t["inputs"]))
        except InvalidInput as exc:
            ok = "error" in exp
            print(f"{'ok  ' if ok else 'FAIL'} {t['name']}: rejected ({exc})")
            failed += not ok
            continue
        problems = []
        if "error" in exp:
            problems.append(f"expected rejection '{exp['error']}', got total {r['total']}")
        if "total" in exp and Decimal(exp["total"]) != r["total"]:
            problems.append(f"total expected {exp['total']} got {r['total']} (exact {r['exact_total']})")
        if "grade" in exp and exp["grade"] != r["grade"]:
            problems.append(f"grade expected {exp['grade']} got {r['grade']}")
        for c, s in exp.get("components", {}).items():
            if Decimal(s) != r["components"][c]:
                problems.append(f"component {c} expected {s} got {plain(r['components'][c])}")
        for s, val in exp.get("sections", {}).items():
            if Decimal(val) != r["sections"][s]:
                problems.append(f"section {s} expected {val} got {plain(r['sections'][s])}")
        if "vetoes" in exp and set(exp["vetoes"]) != set(r["vetoes"]):
            problems.append(f"vetoes expected {exp['vetoes']} got {r['vetoes']}")
        if "consequences" in exp and set(exp["consequences"]) != set(r["consequences"]):
            problems.append(f"consequences expected {exp['consequences']} got {r['consequences']}")
        print(f"{'FAIL' if problems else 'ok  '} {t['name']}" + "".join(f"\n       {p}" for p in problems))
        failed += bool(problems)
    print(f"{len(pack['tests']) - failed} passed, {failed} failed")
    return 1 if failed else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", type=Path)
    ap.add_argument("--output", type=Path)
    ap.add_argument("--pack-tests", type=Path, metavar="PACK_JSON")
    a = ap.parse_args()
    if a.pack_tests:
        return run_pack_tests(a.pack_tests)
    if not (a.input and a.output):
        ap.error("give --input and --output, or --pack-tests")
    return evaluate_csv(a.input, a.output)


if __name__ == "__main__":
    sys.exit(main())
