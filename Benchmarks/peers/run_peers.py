#!/usr/bin/env python3
"""Score the 达州 pack with two peers — GoRules ZEN (JDM graph) and DuckDB (one SQL
statement) — check that both agree with our engine's reference output on every subject's
total and grade, then time them.

  run_peers.py --input data.csv --reference reference.csv [--workdir DIR] [--repeat N]
               [--chunk ROWS]

  data.csv       UTF-8 (BOM optional); header `id` (or `编号`) + the pack's input ids.
  reference.csv  `pbk evaluate --format csv` output; only 编号, 总分, 等次 are read.

Order of work:
  1. sanity: ZEN's round() and DuckDB's ROUND(DECIMAL) round halves away from zero; no
     intermediate DuckDB column is DOUBLE/FLOAT;
  2. one untimed run of each peer, then the agreement check: every subject's total
     (exact Decimal, compared numerically) and grade must be equal in ZEN, DuckDB and the
     reference, with the same set of ids. On any disagreement it prints the first rows
     with all three values and exits 1 — nothing is timed;
  3. timing (wall clock, best of --repeat; Python's GC collected before and disabled during
     each timed call, as timeit does):
       zen eval   — engine.evaluate_batch(requests), one call per --chunk rows (default
                    100000), results dropped as they come back. Inside: ZEN converting the
                    Python dicts to its values, evaluating the graph (loaded once into the
                    engine through its static loader; the agreement run warmed it up) on its
                    worker threads, and building the Python result dicts. Outside: reading
                    the CSV, parsing cells into dicts, building the request lists.
       zen e2e    — read data.csv, parse the rows into dicts, evaluate_batch, take total and
                    grade from each result, write 编号,总分,等次 to a CSV; streamed --chunk
                    rows at a time.
       duckdb e2e — the single `COPY (SELECT … FROM read_csv(data.csv)) TO out.csv`
                    statement on an already open connection (DuckDB's default threads =
                    number of cores).
The last line printed is `PEERS {json}`.
"""
from __future__ import annotations

import argparse
import csv
import gc
import json
import os
import shutil
import sys
import tempfile
import time
from decimal import Decimal, InvalidOperation
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
GRAPH_PATH = HERE / "dazhou.jdm.json"
SQL_PATH = HERE / "dazhou.sql"
GRAPH_KEY = "dazhou"

# The pack's inputs by kind (RulePacks/dazhou/pack.json).
DECIMAL_INPUTS = ["一季度", "二季度", "三季度", "四季度"] + [f"指标{i}" for i in range(1, 12)] + ["满意度"]
INTEGER_INPUTS = ["通报批评次数", "逾期报送次数", "阵地任务逾期数", "副书记未配齐数", "经验推广数", "参会人数", "点赞数"]
BOOLEAN_INPUTS = ["查核不过关", "弄虚作假"]
CHOICE_INPUTS = ["党纪处分"]
ALL_INPUTS = DECIMAL_INPUTS + INTEGER_INPUTS + BOOLEAN_INPUTS + CHOICE_INPUTS
TRUE_TEXTS = frozenset({"是", "true", "1", "TRUE", "True"})
FALSE_TEXTS = frozenset({"否", "false", "0", "FALSE", "False"})
DECIMAL_SQL_TYPE = "DECIMAL(18,8)"  # see dazhou.sql: at most 8 decimals per input cell


def fail(msg: str) -> None:
    print(f"error: {msg}", file=sys.stderr)
    sys.exit(2)


# ---------------------------------------------------------------- input parsing
def read_header(path: Path) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return next(csv.reader(f))


def column_plan(header: list[str]):
    id_name = "id" if "id" in header else ("编号" if "编号" in header else None)
    if id_name is None:
        fail("data.csv has no id / 编号 column")
    missing = [i for i in ALL_INPUTS if i not in header]
    if missing:
        fail(f"data.csv lacks input columns: {', '.join(missing)}")
    return id_name, header.index(id_name), {name: header.index(name) for name in ALL_INPUTS}


def parse_chunks(path: Path, chunk: int):
    """CSV -> chunks of (ids, contexts). A context holds the row's given inputs: decimal
    inputs as their exact text (the graph applies number(), so nothing passes through binary
    floating point), integers as int, booleans as bool, the choice as text. Empty cells are
    left out, so the graph's `??` defaults apply."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        _, id_idx, idx = column_plan(header)
        dec_cols = [(n, idx[n]) for n in DECIMAL_INPUTS]
        int_cols = [(n, idx[n]) for n in INTEGER_INPUTS]
        bool_cols = [(n, idx[n]) for n in BOOLEAN_INPUTS]
        choice_cols = [(n, idx[n]) for n in CHOICE_INPUTS]
        ids, contexts = [], []
        for row in reader:
            if not row or not any(row):
                continue
            ctx = {}
            for name, i in dec_cols:
                v = row[i]
                if v:
                    ctx[name] = v.strip()
            for name, i in int_cols:
                v = row[i]
                if v:
                    ctx[name] = int(v)
            for name, i in bool_cols:
                v = row[i].strip()
                if v:
                    if v in TRUE_TEXTS:
                        ctx[name] = True
                    elif v in FALSE_TEXTS:
                        ctx[name] = False
                    else:
                        raise ValueError(f"{row[id_idx]}: {name}={v!r} is not 是/否")
            for name, i in choice_cols:
                v = row[i].strip()
                if v:
                    ctx[name] = v
            ids.append(row[id_idx])
            contexts.append(ctx)
            if len(ids) == chunk:
                yield ids, contexts
                ids, contexts = [], []
        if ids:
            yield ids, contexts


# ---------------------------------------------------------------- ZEN
def zen_engine():
    import zen
    graph = json.loads(GRAPH_PATH.read_text(encoding="utf-8"))
    engine = zen.ZenEngine({"loader": {"type": "static", "content": {GRAPH_KEY: graph}}})
    # Validate the graph the way the editor would, and compile it once up front.
    engine.create_decision(GRAPH_PATH.read_text(encoding="utf-8")).validate()
    return engine


def zen_requests(contexts):
    return [{"key": GRAPH_KEY, "context": c} for c in contexts]


def zen_total_decimal(x) -> Decimal:
    # ZEN hands numbers back as Python int/float. The graph's total is round(…, 2) of an exact
    # decimal (at most 102.50: ≤ 5 significant digits), so repr() of the float is that decimal
    # exactly.
    return Decimal(repr(x)) if isinstance(x, float) else Decimal(x)


def total_text(d: Decimal) -> str:
    """2 decimals like the reference (85.50); any value with more places is written in full,
    so the agreement check sees it instead of a rounded copy."""
    q = d.quantize(Decimal("0.01"))
    return str(q) if q == d else str(d)


def zen_end_to_end(engine, data: Path, out_path: Path, chunk: int) -> int:
    """Stream data.csv in chunks: parse rows to dicts, evaluate_batch, write 编号,总分,等次."""
    rows = 0
    with open(out_path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["编号", "总分", "等次"])
        for ids, contexts in parse_chunks(data, chunk):
            results = engine.evaluate_batch(zen_requests(contexts))
            for sid, r in zip(ids, results):
                if not r.get("success"):
                    raise RuntimeError(f"ZEN failed on {sid}: {r.get('error')}")
                res = r["data"]["result"]
                w.writerow([sid, total_text(zen_total_decimal(res["total"])), res["grade"]])
            rows += len(ids)
    return rows


# ---------------------------------------------------------------- DuckDB
def sql_string(s) -> str:
    return "'" + str(s).replace("'", "''") + "'"


def sql_ident(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def duckdb_sql(data: Path, out_path: Path) -> str:
    header = read_header(data)
    id_name, _, _ = column_plan(header)

    def typ(h):
        if h in DECIMAL_INPUTS:
            return DECIMAL_SQL_TYPE
        if h in INTEGER_INPUTS:
            return "INTEGER"
        return "VARCHAR"

    columns = "{" + ", ".join(f"{sql_string(h)}: '{typ(h)}'" for h in header) + "}"
    return (SQL_PATH.read_text(encoding="utf-8")
            .replace("{input}", sql_string(data))
            .replace("{output}", sql_string(out_path))
            .replace("{columns}", columns)
            .replace("{id}", sql_ident(id_name)))


def duckdb_checks(con, sql: str) -> list[str]:
    problems = []
    got = con.execute("SELECT ROUND(89.125::DECIMAL(10,3), 2), ROUND(2.345::DECIMAL(10,3), 2), "
                  "ROUND(-2.345::DECIMAL(10,3), 2), ROUND(59.995::DECIMAL(10,3), 2)").fetchone()
    if got != (Decimal("89.13"), Decimal("2.35"), Decimal("-2.35"), Decimal("60.00")):
        problems.append(f"DuckDB ROUND(DECIMAL) is not half away from zero: {got}")
    # Column types of every CTE: the statement up to the final SELECT, then SELECT * FROM graded.
    body = sql[sql.index("COPY (") + len("COPY ("):sql.index("-- @final-select")]
    types = con.execute("DESCRIBE " + body + " SELECT * FROM graded").fetchall()
    floats = [(name, t) for name, t, *_ in types if t in ("DOUBLE", "FLOAT", "REAL")]
    if floats:
        problems.append(f"DuckDB intermediate columns are binary floating point: {floats}")
    return problems


def read_result_csv(path: Path, id_col="编号", total_col="总分", grade_col="等次"):
    out = {}
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            out[row[id_col]] = (row[total_col], row[grade_col])
    return out


# ---------------------------------------------------------------- agreement
def to_decimal(x):
    try:
        return zen_total_decimal(x) if isinstance(x, (int, float)) else Decimal(str(x).strip())
    except (InvalidOperation, ValueError):
        return None


def agreement(ref: dict, zen_r: dict, duck_r: dict, show: int = 10) -> bool:
    ids = list(ref)
    extra = [i for i in list(zen_r) + list(duck_r) if i not in ref]
    bad = []
    for sid in ids:
        r, z, d = ref[sid], zen_r.get(sid), duck_r.get(sid)
        rt = to_decimal(r[0])
        zt = to_decimal(z[0]) if z else None
        dt = to_decimal(d[0]) if d else None
        if rt is None or zt is None or dt is None or not (rt == zt == dt) or not (r[1] == z[1] == d[1]):
            bad.append((sid, r, z, d))
    if not bad and not extra and len(zen_r) == len(duck_r) == len(ref):
        print(f"agreement: all {len(ref)} subjects have the same total and grade in ZEN, DuckDB and the reference")
        return True
    print(f"DISAGREEMENT: {len(bad)} of {len(ref)} subjects differ; "
          f"{len(set(extra))} ids not in the reference; rows: reference {len(ref)}, ZEN {len(zen_r)}, DuckDB {len(duck_r)}")
    print(f"  {'编号':<12} {'reference 总分/等次':<22} {'ZEN 总分/等次':<22} {'DuckDB 总分/等次':<22}")
    fmt = lambda v: "—" if v is None else f"{v[0]} {v[1]}"  # noqa: E731
    for sid, r, z, d in bad[:show]:
        print(f"  {sid:<12} {fmt(r):<22} {fmt(z):<22} {fmt(d):<22}")
    for sid in list(dict.fromkeys(extra))[:show]:
        print(f"  {sid:<12} {'— (not in reference)':<22} {fmt(zen_r.get(sid)):<22} {fmt(duck_r.get(sid)):<22}")
    return False


# ---------------------------------------------------------------- timing
def machine_busy_seconds():
    """CPU-seconds all processes on the machine have used so far (Linux /proc/stat), or None."""
    try:
        with open("/proc/stat") as f:
            fields = f.readline().split()[1:]
        user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
        return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return None


def timed(fn):
    """Wall and process-CPU seconds of fn(), and the CPU-seconds other processes used
    meanwhile (so a run slowed down by someone else's build can be told apart). Python's
    cyclic GC is collected before and switched off during the call, as timeit does."""
    gc.collect()
    gc.disable()
    try:
        m0 = machine_busy_seconds()
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        t1, c1 = time.perf_counter(), time.process_time()
        m1 = machine_busy_seconds()
    finally:
        gc.enable()
    others = None if m0 is None or m1 is None else max(0.0, (m1 - m0) - (c1 - c0))
    return t1 - t0, c1 - c0, others


def best_of(n: int, fn):
    runs = [timed(fn) for _ in range(n)]
    return min(runs), runs


def describe(runs) -> str:
    parts = []
    for wall, _cpu, others in runs:
        parts.append(f"{wall:.3f}" + ("" if others is None else f" [others {others:.1f} CPU-s]"))
    return "; ".join(parts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", type=Path, required=True)
    ap.add_argument("--reference", type=Path, required=True)
    ap.add_argument("--workdir", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--chunk", type=int, default=100_000, help="rows per evaluate_batch call")
    a = ap.parse_args()
    data, reference = a.input.resolve(), a.reference.resolve()
    for p in (data, reference):
        if not p.is_file():
            fail(f"no such file: {p}")
    tmp = None
    if a.workdir:
        workdir = a.workdir.resolve()
        workdir.mkdir(parents=True, exist_ok=True)
    else:
        workdir = Path(tmp := tempfile.mkdtemp(prefix="pbk-peers-"))
    try:
        return run(a, data, reference, workdir)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def run(a, data: Path, reference: Path, workdir: Path) -> int:
    import duckdb
    import zen

    versions = {"zen-engine": metadata.version("zen-engine"), "duckdb": metadata.version("duckdb")}
    print(f"peers: zen-engine {versions['zen-engine']}, duckdb {versions['duckdb']}, "
          f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    print(f"input: {data}")

    # 1. sanity
    problems = []
    rz = [zen.evaluate_expression(e) for e in ("round(89.125, 2)", "round(2.345, 2)", "round(-2.345, 2)", "round(59.995, 2)")]
    if [to_decimal(x) for x in rz] != [Decimal("89.13"), Decimal("2.35"), Decimal("-2.35"), Decimal("60")]:
        problems.append(f"ZEN round() is not half away from zero: {rz}")
    con = duckdb.connect()
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    duck_out = workdir / "duckdb_out.csv"
    sql = duckdb_sql(data, duck_out)
    problems += duckdb_checks(con, sql)
    if problems:
        print("\n".join(problems))
        return 1

    # 2. one untimed run each, then the agreement check
    engine = zen_engine()
    zen_out = workdir / "zen_out.csv"
    rows = zen_end_to_end(engine, data, zen_out, a.chunk)
    con.execute(sql)
    zen_r = read_result_csv(zen_out)
    duck_r = read_result_csv(duck_out)
    ref_r = read_result_csv(reference)
    if len(zen_r) != rows:
        fail("ids in data.csv are not unique")
    if not agreement(ref_r, zen_r, duck_r):
        return 1
    del zen_r, duck_r, ref_r

    # 3. timing
    n = a.repeat
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"timing: best of {n}, {rows} rows, wall clock (load average before timing: {load})")
    # ZEN evaluation only: every row parsed into a dict and wrapped as a batch request
    # beforehand; the timed call evaluates them all, chunk by chunk, and drops each chunk's
    # results once it is back.
    requests = [zen_requests(contexts) for _, contexts in parse_chunks(data, a.chunk)]

    def zen_eval_only():
        for chunk in requests:
            engine.evaluate_batch(chunk)

    (zen_eval_s, zen_eval_cpu, _), zen_eval_runs = best_of(n, zen_eval_only)
    del requests
    (zen_e2e_s, zen_e2e_cpu, _), zen_e2e_runs = best_of(
        n, lambda: zen_end_to_end(engine, data, zen_out, a.chunk))
    (duck_s, duck_cpu, _), duck_runs = best_of(n, lambda: con.execute(sql))

    print(f"  ZEN evaluation only : {zen_eval_s:8.3f} s  {rows / zen_eval_s:10,.0f} subjects/s  "
          f"process CPU {zen_eval_cpu:.3f} s")
    print(f"      runs (s): {describe(zen_eval_runs)}")
    print(f"      inside: engine.evaluate_batch on pre-parsed dicts, {a.chunk} rows per call;"
          " graph loaded into the engine once, warmed up by the agreement run")
    print(f"  ZEN end to end      : {zen_e2e_s:8.3f} s  {rows / zen_e2e_s:10,.0f} subjects/s  "
          f"process CPU {zen_e2e_cpu:.3f} s")
    print(f"      runs (s): {describe(zen_e2e_runs)}")
    print(f"      inside: read CSV + parse rows to dicts + evaluate_batch + write 编号,总分,等次 CSV,"
          f" streamed {a.chunk} rows at a time")
    print(f"  DuckDB end to end   : {duck_s:8.3f} s  {rows / duck_s:10,.0f} subjects/s  "
          f"process CPU {duck_cpu:.3f} s  (threads={threads})")
    print(f"      runs (s): {describe(duck_runs)}")
    print("      inside: one COPY (SELECT … FROM read_csv(data.csv)) TO out.csv statement")
    if any(o is not None and o > max(0.2, 0.25 * w) for runs_ in (zen_eval_runs, zen_e2e_runs, duck_runs) for w, _, o in runs_):
        print("  note: other processes used the CPUs during some runs (see [others …]); best-of keeps the fastest")
    summary = {
        "zen_eval_per_s": round(rows / zen_eval_s, 1),
        "zen_e2e_s": round(zen_e2e_s, 4),
        "duckdb_e2e_s": round(duck_s, 4),
        "rows": rows,
        "zen_eval_s": round(zen_eval_s, 4),
        "zen_e2e_per_s": round(rows / zen_e2e_s, 1),
        "duckdb_e2e_per_s": round(rows / duck_s, 1),
        "repeat": n,
        "duckdb_threads": int(threads),
        "zen_engine_version": versions["zen-engine"],
        "duckdb_version": versions["duckdb"],
    }
    print("PEERS " + json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
