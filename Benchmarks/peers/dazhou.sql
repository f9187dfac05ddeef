-- 达州 (RulePacks/dazhou/pack.json) as ONE DuckDB statement: input CSV -> output CSV.
-- Placeholders (substituted by run_peers.py): {input} {output} (single-quoted SQL string
-- literals) and {id} (the id column of the input, "id" or "编号", as a quoted identifier).
--
-- Exactness: every number is DECIMAL, never DOUBLE. DuckDB's `/` on DECIMAL returns DOUBLE,
-- so the statement never divides decimals:
--   * AVERAGE of the four quarters = sum x 0.25. Inputs are read as DECIMAL(18,8), so the sum
--     has at most 8 places and sum / 4 at most 10: the engine's division to 12 places is then
--     exact and needs no rounding. (A cell with more than 8 decimals would be rounded by the
--     CSV reader; run_peers.py's agreement check would report it.)
--   * 点赞数 / 参会人数 (integers) is done in BIGINT: the quotient carried to 12 places and
--     rounded half-up there, = (2 x 点赞数 x 10^12 + 参会人数) // (2 x 参会人数), then
--     ROUND(MIN(q, 1) x 100, 2) half-up in integers as well: (q x 100 + 5 x 10^9) // 10^10
--     hundredths of a percent.
--   * ROUND(DECIMAL, 2) in DuckDB rounds half away from zero (= half-up for these
--     non-negative totals); run_peers.py re-checks that on every run (89.125 -> 89.13 etc.).
-- Empty optional cells default as the pack says; booleans accept 是/否, true/false, 1/0.
COPY (
  WITH src AS (
    SELECT * FROM read_csv({input},
      header = true, delim = ',', quote = '"', auto_detect = false,
      columns = {columns})
  ),
  parsed AS (
    SELECT
      {id} AS subject_id,
      "一季度", "二季度", "三季度", "四季度",
      COALESCE("通报批评次数", 0) AS criticisms,
      COALESCE("逾期报送次数", 0) AS late_reports,
      ("指标1" + "指标2" + "指标3" + "指标4" + "指标5" + "指标6" + "指标7" + "指标8" + "指标9" + "指标10" + "指标11")::DECIMAL(18,8) AS indicator_sum,
      COALESCE("阵地任务逾期数", 0) AS site_overdue,
      COALESCE("副书记未配齐数", 0) AS deputy_missing,
      COALESCE("经验推广数", 0) AS promotions,
      "满意度" AS satisfaction,
      "参会人数"::BIGINT AS attendees,
      "点赞数"::BIGINT AS likes,
      COALESCE(lower(trim("查核不过关")) IN ('是', 'true', '1'), false) AS perf_fail,
      COALESCE(NULLIF(trim("党纪处分"), ''), '无') AS discipline,
      COALESCE(lower(trim("弄虚作假")) IN ('是', 'true', '1'), false) AS falsified
    FROM src
  ),
  vals AS (
    SELECT *,
      (("一季度" + "二季度" + "三季度" + "四季度") * 0.25)::DECIMAL(18,12) AS daily_average,
      -- hundredths of a percent: ROUND(MIN(ROUND12(likes/attendees), 1) * 100, 2) * 100
      ((LEAST((2 * likes * 1000000000000 + attendees) // (2 * attendees), 1000000000000) * 100
        + 5000000000) // 10000000000) AS like_rate_hundredths
    FROM parsed
  ),
  vals2 AS (
    SELECT *, (like_rate_hundredths * 0.01)::DECIMAL(18,2) AS like_rate FROM vals
  ),
  comps AS (
    SELECT *,
      -- 日常考核: 季度考评 (日常平均 x 80%) + 日常纪实 (starts at 20; -5 each 通报批评;
      -- -1 each 逾期报送, at most 5; capped at 20, floored at 0)
      (daily_average * 0.8
        + GREATEST(LEAST(20 - 5 * criticisms - LEAST(1 * late_reports, 5), 20), 0))::DECIMAL(18,12) AS c_daily,
      -- 年底考核: 履职指标 (awards, 0..88) + 硬性指标 (starts at 12; -5 each; 0..12)
      -- + 创新加分 (bonus: 2 each, cap 5)
      (GREATEST(LEAST(indicator_sum, 88), 0)
        + GREATEST(LEAST(12 - 5 * site_overdue - 5 * deputy_missing, 12), 0)
        + GREATEST(LEAST(2 * promotions, 5), 0))::DECIMAL(18,12) AS c_year_end,
      -- 述职评议: 满意度 x 80% + MIN(获赞率 x 20%, 20)
      (satisfaction * 0.8 + LEAST(like_rate * 0.2, 20))::DECIMAL(18,12) AS c_review
    FROM vals2
  ),
  totals AS (
    SELECT *,
      ROUND(c_daily * 0.3 + c_year_end * 0.5 + c_review * 0.2, 2)::DECIMAL(18,2) AS rounded_total,
      falsified AS veto_falsified,
      discipline <> '无' AS veto_discipline,
      perf_fail AS veto_perf_fail,
      like_rate < 30 AS veto_low_likes
    FROM comps
  ),
  graded AS (
    SELECT *,
      CASE WHEN veto_falsified THEN 0::DECIMAL(18,2) ELSE rounded_total END AS total
    FROM totals
  ),
  ranked AS (
    SELECT subject_id, total,
      GREATEST(
        CASE WHEN veto_discipline THEN 3                       -- setGrade 差
             WHEN total >= 90 THEN 0 WHEN total >= 80 THEN 1   -- bands 好 / 较好
             WHEN total >= 60 THEN 2 ELSE 3 END,               --       一般 / 差
        CASE WHEN veto_perf_fail THEN 2 ELSE 0 END,            -- capGrade 一般
        CASE WHEN veto_low_likes THEN 1 ELSE 0 END             -- capGrade 较好
      ) AS grade_rank
    FROM graded
  )
  -- @final-select (run_peers.py checks the column types of every CTE above this line)
  SELECT subject_id AS "编号", total AS "总分",
         (['好', '较好', '一般', '差'])[grade_rank + 1] AS "等次"
  FROM ranked
) TO {output} (FORMAT csv, HEADER true);
