#!/usr/bin/env python3
"""Random, valid 达州 input rows for developing the peer benchmark.

  make_sample.py --count N --seed S --output data.csv [--boundary-share 0.05] [--no-edge-cases]

Header: id,<the pack's 27 input ids> (UTF-8 with BOM). Every value respects its input's
min/max; integer inputs are whole numbers; booleans are 是/否 (mostly 否); 党纪处分 is mostly 无;
optional inputs are sometimes left empty (their default applies). About 1% of rows fire
each veto, and --boundary-share of the rows are nudged (through 指标11, or 满意度) so that
their exact total lands on a boundary: exactly 90 / 80 / 60, x.xx5 halves (89.995, 79.995,
59.995, random ones), or just below a half (…4999). Nudging uses the exact reference
scorer, so those rows really sit on the boundary. Unless --no-edge-cases, the first rows
(ids EDGE…) are hand-made edge cases: full marks, bonus cap, floors (扣完为止), rule max,
likes at 3.125% / exactly 30% / above 100%, every veto alone and together, every default,
and totals of exactly 90, 89.995, 89.994999, 80, 79.995, 60, 59.995, 0.005 ….
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reference_impl as ref  # noqa: E402

HEADER = ["id"] + ref.INPUT_IDS


def dec_text(d: Decimal) -> str:
    return ref.plain(d)


def rand_score(rng: random.Random, lo: float, hi: float) -> str:
    """A score in [lo, hi] with 0, 1 or 2 decimals (like real assessment sheets)."""
    places = rng.choices([0, 1, 2], weights=[4, 4, 2])[0]
    step = 10 ** places
    n = rng.randint(int(lo * step), int(hi * step))
    return dec_text(Decimal(n).scaleb(-places))


def maybe_empty(rng: random.Random, text: str, share: float = 0.05) -> str:
    return "" if rng.random() < share else text


def random_row(rng: random.Random, rid: str) -> dict:
    r = {"id": rid}
    base = rng.uniform(62, 100)
    for q in ref.QUARTERS:
        r[q] = rand_score(rng, max(0, base - 8), min(100, base + 6))
    r["通报批评次数"] = maybe_empty(rng, str(rng.choices([0, 1, 2, 5, rng.randint(0, 20)], weights=[85, 8, 3, 2, 2])[0]))
    r["逾期报送次数"] = maybe_empty(rng, str(rng.choices([0, rng.randint(1, 8), rng.randint(0, 50)], weights=[70, 25, 5])[0]))
    k_base = rng.uniform(5.5, 8)
    for k in ref.INDICATORS:
        r[k] = rand_score(rng, max(0, k_base - 1), min(8, k_base + 0.5))
    r["阵地任务逾期数"] = maybe_empty(rng, str(rng.choices([0, 1, 2, 3, rng.randint(0, 100)], weights=[88, 6, 3, 2, 1])[0]))
    r["副书记未配齐数"] = maybe_empty(rng, str(rng.choices([0, 1, 2, rng.randint(0, 100)], weights=[90, 6, 3, 1])[0]))
    r["经验推广数"] = maybe_empty(rng, str(rng.choices([0, 1, 2, 3, rng.randint(0, 20)], weights=[70, 15, 8, 5, 2])[0]))
    r["满意度"] = rand_score(rng, max(0, base - 15), min(100, base + 8))
    attendees = rng.choices([rng.randint(1, 9), rng.randint(10, 200), rng.randint(200, 1000)], weights=[3, 90, 7])[0]
    r["参会人数"] = str(attendees)
    share = rng.choices([rng.uniform(0, 0.3), rng.uniform(0.5, 1.0), rng.uniform(1.0, 1.3)], weights=[8, 84, 8])[0]
    r["点赞数"] = str(min(1000, int(attendees * share)))
    r["查核不过关"] = maybe_empty(rng, "是" if rng.random() < 0.01 else "否")
    r["党纪处分"] = maybe_empty(rng, rng.choice(["警告", "严重警告", "撤销党内职务", "留党察看"]) if rng.random() < 0.01 else "无")
    r["弄虚作假"] = maybe_empty(rng, "是" if rng.random() < 0.01 else "否")
    return r


FIXED_TARGETS = [Decimal(x) for x in ("90", "80", "60", "89.995", "79.995", "59.995", "89.994999")]


def move_total(row: dict, target: Decimal) -> bool:
    """Set the row's exact total to `target` by changing 指标11 (its weight in the total is
    50%) or else 满意度 (20% x 80% = 0.16). False when neither stays within its range."""
    t = ref.score(ref.parse_inputs(row))["exact_total"]
    diff = target - t
    k11, sat = Decimal(row["指标11"]), Decimal(row["满意度"])
    if 0 <= k11 + 2 * diff <= 8:  # 履职指标 is 11 x (0..8), so its 88 cap never cuts in
        row["指标11"] = dec_text(k11 + 2 * diff)
    elif 0 <= sat + diff * Decimal("6.25") <= 100:  # 1 / 0.16 = 6.25
        row["满意度"] = dec_text(sat + diff * Decimal("6.25"))
    else:
        return False
    got = ref.score(ref.parse_inputs(row))["exact_total"]
    assert got == target, (row, got, target)
    return True


def nudge(rng: random.Random, row: dict) -> bool:
    """Move the row's exact total onto a boundary: one of FIXED_TARGETS when reachable
    (60% of the time), else a nearby half x.xx5 or just below one (…4999)."""
    try:
        t = ref.score(ref.parse_inputs(row))["exact_total"]
    except ref.InvalidInput:
        return False
    if rng.random() < 0.6:
        for target in rng.sample(FIXED_TARGETS, len(FIXED_TARGETS)):
            if move_total(row, target):
                return True
    half = t.quantize(Decimal("0.01")) + Decimal(rng.randint(-300, 300)).scaleb(-2) + Decimal("0.005")
    target = half if rng.random() < 0.7 else half - Decimal("0.000001")
    return target >= 0 and move_total(row, target)


FULL = {**{q: "100" for q in ref.QUARTERS}, **{k: "8" for k in ref.INDICATORS},
        "通报批评次数": "0", "逾期报送次数": "0", "阵地任务逾期数": "0", "副书记未配齐数": "0",
        "经验推广数": "0", "满意度": "100", "参会人数": "45", "点赞数": "45",
        "查核不过关": "否", "党纪处分": "无", "弄虚作假": "否"}
TYPICAL = {**FULL, "一季度": "88.5", "二季度": "91", "三季度": "86", "四季度": "90.5",
           **{k: v for k, v in zip(ref.INDICATORS, "7.5 7 7.6 8 6.5 7 7.2 7.8 8 7 6.9".split())},
           "满意度": "88.6", "参会人数": "52", "点赞数": "39"}
LOW = {**TYPICAL, **{q: "60" for q in ref.QUARTERS}, **{k: "5" for k in ref.INDICATORS}, "满意度": "60"}
ZERO = {**FULL, **{q: "0" for q in ref.QUARTERS}, **{k: "0" for k in ref.INDICATORS},
        "满意度": "0", "参会人数": "1", "点赞数": "0"}
OPTIONAL = ["通报批评次数", "逾期报送次数", "阵地任务逾期数", "副书记未配齐数", "经验推广数",
            "查核不过关", "党纪处分", "弄虚作假"]
# (base, overrides, exact total to move to or None)
EDGE_CASES = [
    (FULL, {}, None),                                               # 100.00 好
    (FULL, {"经验推广数": "3"}, None),                               # bonus 6 -> cap 5: 102.50
    (FULL, {"经验推广数": "20"}, None),
    (FULL, {"经验推广数": "2"}, None),                               # bonus 4, under the cap
    (ZERO, {}, None),                                               # only the full-start sections: 12.00
    (ZERO, {"通报批评次数": "20", "逾期报送次数": "50", "阵地任务逾期数": "100", "副书记未配齐数": "100"}, None),  # 0.00
    (ZERO, {"通报批评次数": "20", "逾期报送次数": "50", "阵地任务逾期数": "100", "副书记未配齐数": "100"}, Decimal("0.005")),
    (TYPICAL, {"通报批评次数": "3", "逾期报送次数": "4"}, None),     # 20-15-4 = 1
    (TYPICAL, {"通报批评次数": "3", "逾期报送次数": "9"}, None),     # 逾期 capped at 5 -> 0
    (TYPICAL, {"阵地任务逾期数": "2", "副书记未配齐数": "1"}, None), # 扣完为止 12-15 -> 0
    (TYPICAL, {"阵地任务逾期数": "1", "副书记未配齐数": "1"}, None), # 2
    (TYPICAL, {"点赞数": "1", "参会人数": "32"}, None),              # 3.125% -> 3.13 (half-up)
    (TYPICAL, {"点赞数": "7", "参会人数": "32"}, None),              # 21.875% -> 21.88
    (TYPICAL, {"点赞数": "3", "参会人数": "10"}, None),              # exactly 30%: no lowLikes
    (FULL, {"点赞数": "299", "参会人数": "1000"}, None),             # 29.9%: lowLikes, 较好 at most
    (TYPICAL, {"点赞数": "2", "参会人数": "3"}, None),               # 66.67%
    (TYPICAL, {"点赞数": "1000", "参会人数": "1"}, None),            # > 100% counts as 100%
    (TYPICAL, {"点赞数": "0", "参会人数": "1000"}, None),
    (TYPICAL, {"弄虚作假": "是"}, None),                             # zeroTotal
    (TYPICAL, {"党纪处分": "留党察看"}, None),                       # setGrade 差
    (TYPICAL, {"查核不过关": "是"}, None),                           # capGrade 一般
    (ZERO, {"查核不过关": "是"}, None),                              # 差 stays 差 under the cap
    (TYPICAL, {"弄虚作假": "是", "党纪处分": "警告", "查核不过关": "是", "点赞数": "5"}, None),
    (TYPICAL, {"查核不过关": "是", "点赞数": "5"}, None),            # two caps: worst wins
    (TYPICAL, {**{k: "" for k in OPTIONAL}}, None),                  # every default
    (TYPICAL, {"一季度": "90.01", "二季度": "90.02", "三季度": "90.03", "四季度": "90.05"}, None),
    (TYPICAL, {"一季度": "90.50", "指标1": "8.0", "满意度": "88.60"}, None),  # trailing zeros
    (TYPICAL, {}, Decimal("90")),
    (TYPICAL, {}, Decimal("89.995")),
    (TYPICAL, {}, Decimal("89.994999")),
    (TYPICAL, {}, Decimal("80")),
    (TYPICAL, {}, Decimal("79.995")),
    (TYPICAL, {}, Decimal("79.994")),
    (LOW, {}, Decimal("60")),
    (LOW, {}, Decimal("59.995")),
    (LOW, {}, Decimal("59.994999")),
    (FULL, {"点赞数": "5"}, Decimal("94.125")),                      # half, lowLikes caps 好
    (TYPICAL, {}, Decimal("89.125")),                                # the pack's own half-up example
]


def edge_rows(width: int) -> list[dict]:
    rows = []
    for n, (base, overrides, target) in enumerate(EDGE_CASES, start=1):
        row = {"id": f"EDGE{n:0{width - 2}d}", **base, **overrides}
        if target is not None and not move_total(row, target):
            raise SystemExit(f"edge case {n}: total {target} not reachable")
        rows.append(row)
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--output", type=Path, required=True)
    ap.add_argument("--boundary-share", type=float, default=0.05)
    ap.add_argument("--no-edge-cases", action="store_true",
                    help="leave out the hand-made edge-case rows that otherwise come first")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    width = max(6, len(str(a.count)))
    with open(a.output, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(HEADER)
        nudged = 0
        edges = [] if a.no_edge_cases else edge_rows(width)[:a.count]
        for row in edges:
            w.writerow([row[h] for h in HEADER])
        for i in range(len(edges) + 1, a.count + 1):
            row = random_row(rng, f"DZ{i:0{width}d}")
            if rng.random() < a.boundary_share:
                # falsified rows score 0 whatever the nudge; keep the boundary rows meaningful
                row["弄虚作假"] = "否"
                nudged += nudge(rng, row)
            w.writerow([row[h] for h in HEADER])
    print(f"wrote {a.count} rows to {a.output} ({len(edges)} edge cases, {nudged} random rows moved onto a boundary)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
