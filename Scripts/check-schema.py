#!/usr/bin/env python3
"""Checks RulePacks/pack.schema.json against the packs and fixtures it must agree with.

- The schema itself is a valid JSON Schema (draft 2020-12).
- Every shipped and example pack (RulePacks/**/pack.json) and every valid fixture
  (Tests/PartyBuildingKitTests/Fixtures/ValidPacks/*.json) passes it; every shipped pack names the schema in
  "$schema" by a relative path that leads to it.
- Every invalid fixture (Tests/PartyBuildingKitTests/Fixtures/InvalidPacks/*.json) is listed below exactly once:
  STRUCTURAL ones (an unknown or misspelt key, a wrong type, a missing key, a bad enum value: what a schema can
  see) must be rejected by the schema at each place listed; NON_STRUCTURAL ones (formulas, band gaps, weights,
  reachable scores: what only `pbk validate` can see) must pass it, so that the schema is never stricter than the
  loader.

Usage: python3 Scripts/check-schema.py   (from anywhere; exit status 0 when everything agrees, 1 otherwise)

It needs the `jsonschema` package (4.0 or later, for draft 2020-12). When it is not importable, the script makes a
virtual environment in .venv-schema/ at the repository root (git-ignored), installs jsonschema there from PyPI and
runs itself again with it.
"""

import glob
import json
import os
import subprocess
import sys

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA = os.path.join(REPOSITORY, "RulePacks", "pack.schema.json")
VENV = os.path.join(REPOSITORY, ".venv-schema")
REEXEC_MARK = "PBK_CHECK_SCHEMA_IN_VENV"

# Invalid fixtures whose problems include structural ones: each listed place must be among the schema's errors.
# A place is a JSON pointer; for a missing or unknown key it is the key's own place (/components/0/weight).
STRUCTURAL = {
    "ballot-problems.json": [
        ("/ballots/validity/quorum", "both 'moreThan' and 'atLeast' (exactly one)"),
        ("/ballots/validity/returned", "'issued' without 'returned'"),
        ("/ballots/items/2/score", "bad enum: ballot score 'mean'"),
    ],
    "rater-form-problems.json": [
        ("/ballots/forms/fields/1/id", "a field named like a form's own column 'group'"),
        ("/ballots/forms/fields/2/max", "missing key: a score field without 'max'"),
        ("/ballots/forms/fields/4/max", "key not allowed: 'max' on a field marked on a scale"),
        ("/ballots/forms/fields/6/type", "bad enum: field type 'choice'"),
    ],
    "rater-item-problems.json": [
        ("/ballots/items/1/from", "bad enum: from 'rows'"),
        ("/ballots/items/3/trim", "missing key: a trimmedMean without 'trim'"),
        ("/ballots/items/4/trim", "key not allowed: 'trim' on a median"),
        ("/ballots/items/8/scale", "key not allowed: 'scale' on an item from the forms"),
        ("/ballots/items/11/score", "bad enum: 'trimmedMean' on an item of counts"),
        ("/ballots/items/12/field", "key not allowed: 'field' on an item of counts"),
    ],
    "rater-forms-without-forms.json": [
        ("/ballots/validity/attended", "'due' without 'attended' in ballots without forms"),
    ],
    "class-problems.json": [
        ("/vetoes/1/stars", "missing key: a setStars veto without 'stars'"),
        ("/vetoes/2/score", "key not allowed: 'score' on a zeroTotal veto"),
        ("/vetoes/3/score", "bad enum: veto score 'floor'"),
        ("/vetoes/3/stars", "key not allowed: 'stars' on a capGrade veto"),
    ],
    "cohort-problems.json": [
        ("/cohort/tieBreakrs", "misspelt key 'tieBreakrs'"),
        ("/cohort/labels/0/rounding", "missing key 'rounding'"),
        ("/cohort/labels/2", "both 'bottom' and 'top' (exactly one)"),
        ("/cohort/quotas/1/rounding", "bad enum: count rounding 'dwon'"),
        ("/cohort/quotas/2", "both 'atMost' and 'guide' (exactly one)"),
    ],
    "cohort-count-problems.json": [
        ("/cohort/labels/0/bottom", "a plain number 1 as a share (not 100%: a head count is 'bottomCount')"),
        ("/cohort/labels/1/top", "'3名' written as a share"),
        ("/cohort/labels/2/rounding", "key not allowed: 'rounding' with a head count alone"),
        ("/cohort/labels/3", "both 'bottomCount' and 'top' (exactly one)"),
        ("/cohort/labels/5/topCount", "a share '10%' as a head count"),
        ("/cohort/quotas/0/atMost", "a plain number 2 as a share"),
        ("/cohort/quotas/1/rounding", "key not allowed: 'rounding' with 'atMostCount'"),
        ("/cohort/quotas/4/starsAtMost", "key not allowed: a cap on 'starsAtMost'"),
        ("/cohort/quotas/5", "both 'grade' and 'grades' (exactly one)"),
    ],
    "cohort-fill-problems.json": [
        ("/cohort/labels/1/fillTo", "a plain number 2 as the share to fill up to"),
        ("/cohort/labels/2/rounding", "missing key: 'rounding' for 'fillTo' on a head-count label"),
    ],
    "cohort-group-problems.json": [
        ("/cohort/labels/3/byGroup", "an empty 'byGroup'"),
        ("/cohort/quotas/0/byGroup", "'byGroup' as text, not an object"),
    ],
    "future-version.json": [
        ("/formatVersion", "bad value: formatVersion 2"),
    ],
    "previous-problems.json": [
        ("/previous/from", "bad pattern: 'from' is not a pack id"),
        ("/previous/fields/0/field", "bad enum: previous field 'star'"),
        ("/previous/fields/1/whenMissing", "missing key 'whenMissing'"),
        ("/previous/fields/2/whenMising", "misspelt key 'whenMising'"),
        ("/previous/fields/2/whenMissing", "missing key 'whenMissing' (misspelt)"),
    ],
    "ledger-problems.json": [
        ("/ledger/asOf", "not a date: '2025-13-01'"),
        ("/ledger/rules/0", "both 'award' and 'deduct' (exactly one of award, deduct, reset)"),
        ("/ledger/rules/2/category", "missing key: 'exemptFromCap' without 'category'"),
        ("/ledger/rules/3/deduct", "bad value: a severity deducting 0 points"),
        ("/ledger/rules/4/repeatWithinDays", "key not allowed: 'repeatWithinDays' on an award rule"),
        ("/ledger/rules/5/max", "key not allowed: 'max' on a reset rule"),
        ("/tests/0/events/0/kind", "missing key: an event without 'kind'"),
    ],
    "ledger-rule-problems.json": [
        ("/ledger/rules/0/award", "bad value: a level awarding 0 points"),
        ("/ledger/rules/1/highestOnly", "key not allowed: 'highestOnly' on a deduct rule"),
        ("/ledger/rules/2/suspendedWhile", "key not allowed: 'suspendedWhile' on a deduct rule"),
        ("/ledger/rules/3/period", "missing key: 'maxPerPeriod' without 'period'"),
        ("/ledger/rules/4/period", "bad enum: period 'week'"),
        ("/ledger/rules/6/maxPerPeriod", "missing key: 'period' without 'maxPerPeriod'"),
        ("/ledger/rules/11/maxPerPeriod", "key not allowed: 'maxPerPeriod' on a reset rule"),
        ("/ledger/checks/1/checkAt", "bad enum: checkAt 'weekEnds'"),
        ("/ledger/checks/2/below", "missing key 'below'"),
    ],
    "misspelt-key.json": [
        ("/components/0/wieght", "misspelt key 'wieght'"),
        ("/components/0/weight", "missing key 'weight' (two components)"),
    ],
    "period-problems.json": [
        ("/periods/0/parts", "a period listed twice"),
        ("/periods/1/max", "missing key 'max'"),
        ("/periods/1/whenMissing", "bad enum: whenMissing 'blank'"),
        ("/periods/1/checks/0/below", "missing key 'below'"),
        ("/periods/2/type", "bad enum: period type 'boolean'"),
        ("/periods/3/aggregate", "missing key 'aggregate'"),
        ("/periods/3/whenMissing", "missing key 'whenMissing'"),
    ],
    "places-problems.json": [
        ("/inputs/2/places", "out of range: places 19"),
        ("/inputs/3/places", "bad value: an integer input with places 2"),
        ("/inputs/4/places", "key not allowed: 'places' on a boolean input"),
    ],
    "computed-result-problems.json": [
        ("/components/0/sections/1", "both 'startsAt' and 'startsFrom' (one of them)"),
        ("/components/0/sections/3/cap", "a cap written as the word 无, neither a number nor \"none\""),
    ],
    "number-problems.json": [
        ("/fullMarks", "a number written as a word: 'thirty'"),
    ],
    "veto-when-missing.json": [
        ("/vetoes/0", "missing key 'when'"),
    ],
    "several-problems.json": [
        ("/versoin", "misspelt key 'versoin'"),
        ("/version", "missing key 'version'"),
        ("/grades/bands/1/mni", "misspelt key 'mni'"),
    ],
}

# Invalid fixtures whose every problem needs the loader: they must pass the schema.
NON_STRUCTURAL = {
    "applies-to-problems.json": "an appliesTo that reads an input not every subject has, always or never holds, or a veto using a class component: inside formulas and across parts",
    "bonus-caps-too-large.json": "full marks and bonus caps whose sum cannot be held: arithmetic on several values",
    "division-by-zero.json": "a formula dividing by 0: inside a formula's text",
    "divisor-can-be-zero.json": "a divisor some allowed input makes 0: needs the formula's bounds",
    "empty-bands.json": "an empty list of grade bands: the loader says what a band needs (the schema leaves list lengths to it)",
    "floor-below-lowest-band.json": "a section floor below 0 that no band covers: a relation between a floor and the bands",
    "negative-bonus-cap.json": "a negative bonus cap: numbers may be written as text, whose sign only the loader reads",
    "negative-full-marks.json": "negative full marks: numbers may be written as text, whose sign only the loader reads",
    "period-min-above-max.json": "a period whose min is above its max: a relation between two values",
    "section-floor-above-full-marks.json": "a floor above the full marks: a relation between two values",
    "share-too-large.json": "a share whose denominator is too large: inside a share's text",
    "value-problem.json": "a computed value whose formula is wrong: inside a formula's text",
    "veto-when-empty.json": "a veto whose 'when' is empty text: inside a formula's text",
    "veto-when-invalid.json": "a veto whose 'when' does not parse: inside a formula's text",
    "veto-when-unknown-value.json": "a veto naming a value that does not exist: a cross-reference",
    "previous-misuse.json": "previous fields that do not fit the pack (stars of a pack without stars, a whenMissing of the wrong type or not a grade, max on a yes/no field, an id used twice, a test's previous value for no field): cross-references and types only the loader knows",
    "previous-not-read.json": "a test gives a previous result to a pack that reads none: a cross-reference",
    "band-gap.json": "a gap between grade bands: a relation between two bands' values",
    "band-overlap.json": "overlapping grade bands: a relation between two bands' values",
    "link-problems.json": "a link to the pack itself, an undeclared or wrongly typed input, aggregated and plain fields mixed, a link id twice, a version requirement that is not one, a count without 'atLeast': cross-references and relations",
    "onlabels-without-cohort.json": "'onLabels' in a pack without a cohort stage: a cross-reference",
    "period-cap-problems.json": "maxPerPeriod against min and max, a check no capped period can pass, a skipped period named directly: relations between values and names",
    "score-too-high.json": "a score formula that can exceed full marks: needs the formula's bounds",
    "test-unknown-grade.json": "a test expects a grade no band defines: a cross-reference",
    "type-error.json": "a formula of the wrong type (true/false where points are expected)",
    "undefined-name.json": "a formula names an unknown input",
    "unreachable.json": "a deduction that always applies, so full marks cannot be reached",
    "weights.json": "weights that add up to 0.9 and weighted full marks that are not the pack's",
}

# Not JSON at all: the parser rejects it before any schema applies.
NOT_JSON = {
    "truncated.json": "the file is cut off: a JSON syntax error, before any schema applies",
    "comma-inside-quotes.json": "a comma typed inside the quotes: a JSON syntax error, before any schema applies",
    "unclosed-text.json": "a text never closed: a JSON syntax error, before any schema applies",
}


def ensure_jsonschema():
    """Imports jsonschema (with draft 2020-12), installing it into .venv-schema/ and re-running if need be."""
    try:
        import jsonschema

        if hasattr(jsonschema, "Draft202012Validator"):
            return jsonschema
        reason = "the installed jsonschema is older than 4.0 (no draft 2020-12)"
    except ImportError:
        reason = "jsonschema is not importable"
    if os.environ.get(REEXEC_MARK):
        sys.exit(f"error: {reason} even in {VENV}; remove that folder and run again")
    python = os.path.join(VENV, "bin", "python3")
    print(f"{reason}: installing it into {os.path.relpath(VENV, REPOSITORY)}/ …", file=sys.stderr)
    try:
        if not os.path.exists(python):
            subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([python, "-m", "pip", "install", "--quiet", "jsonschema>=4.0"], check=True)
    except (subprocess.CalledProcessError, OSError) as error:
        sys.exit(
            f"error: cannot install jsonschema into {VENV} ({error}); install it yourself "
            "(python3 -m pip install 'jsonschema>=4.0') or check that python3-venv and PyPI are available"
        )
    os.environ[REEXEC_MARK] = "1"
    os.execv(python, [python, os.path.abspath(__file__)] + sys.argv[1:])


def pointer(path):
    return "".join("/" + str(token).replace("~", "~0").replace("/", "~1") for token in path)


def places(error, document):
    """The JSON pointers an error is about; a missing or unexpected key is reported at the key's own place."""
    here = pointer(error.absolute_path)
    found = {here}
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        found |= {f"{here}/{key}" for key in error.instance if key not in allowed}
    elif error.validator == "required" and isinstance(error.instance, dict):
        found |= {f"{here}/{key}" for key in error.validator_value if key not in error.instance}
    elif error.validator == "dependentRequired" and isinstance(error.instance, dict):
        for key, needed in error.validator_value.items():
            if key in error.instance:
                found |= {f"{here}/{other}" for other in needed if other not in error.instance}
    elif error.validator is None:
        # A `false` schema for a key that is not allowed here: jsonschema reports the object; find the key.
        container = document
        for token in error.absolute_path:
            container = container[token]
        if isinstance(container, dict):
            found |= {
                f"{here}/{key}" for key, value in container.items()
                if value == error.instance and type(value) is type(error.instance)
            }
    for sub in error.context or []:
        found |= places(sub, document)
    return found


def main():
    jsonschema = ensure_jsonschema()
    problems = []
    relative = lambda path: os.path.relpath(path, REPOSITORY)

    with open(SCHEMA, encoding="utf-8") as handle:
        schema = json.load(handle)
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.exceptions.SchemaError as error:
        sys.exit(f"error: {relative(SCHEMA)} is not a valid JSON Schema: {error.message}")
    validator = jsonschema.Draft202012Validator(schema)

    def errors_of(document):
        return sorted(validator.iter_errors(document), key=lambda e: pointer(e.absolute_path))

    def describe(error):
        return f"{pointer(error.absolute_path) or '/'}: {error.message[:200]}"

    # 1. Shipped and example packs, and valid fixtures: all pass.
    shipped = sorted(glob.glob(os.path.join(REPOSITORY, "RulePacks", "**", "pack.json"), recursive=True))
    valid_fixtures = sorted(glob.glob(os.path.join(REPOSITORY, "Tests", "PartyBuildingKitTests", "Fixtures",
                                                   "ValidPacks", "*.json")))
    if not shipped:
        problems.append("no pack found under RulePacks/")
    for path in shipped + valid_fixtures:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
        errors = errors_of(document)
        for error in errors:
            problems.append(f"{relative(path)}: rejected by the schema at {describe(error)}")
        if path in shipped:
            reference = document.get("$schema")
            if not isinstance(reference, str):
                problems.append(f"{relative(path)}: no \"$schema\" naming the schema by a relative path")
            elif os.path.normpath(os.path.join(os.path.dirname(path), reference)) != SCHEMA:
                problems.append(f"{relative(path)}: \"$schema\": \"{reference}\" does not lead to {relative(SCHEMA)}")
        print(f"{'ok  ' if not errors else 'FAIL'}  valid    {relative(path)}")

    # 2. Invalid fixtures: each one classified, structural ones rejected where listed, the others accepted.
    invalid_dir = os.path.join(REPOSITORY, "Tests", "PartyBuildingKitTests", "Fixtures", "InvalidPacks")
    names = sorted(os.path.basename(p) for p in glob.glob(os.path.join(invalid_dir, "*.json")))
    listed = [*STRUCTURAL, *NON_STRUCTURAL, *NOT_JSON]
    for name in sorted(set(listed)):
        if listed.count(name) > 1:
            problems.append(f"{name} is listed more than once in {relative(__file__)}")
        if name not in names:
            problems.append(f"{name} is listed in {relative(__file__)} but is not in {relative(invalid_dir)}")
    for name in names:
        path = os.path.join(invalid_dir, name)
        if name not in listed:
            problems.append(
                f"{relative(path)} is a new invalid fixture: list it in {relative(__file__)} as STRUCTURAL (with the "
                "places the schema must reject) or NON_STRUCTURAL (with why only the loader can see it)")
            continue
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            if name not in NOT_JSON:
                problems.append(f"{relative(path)}: not JSON ({error}); list it in NOT_JSON or fix it")
            print(f"{'ok  ' if name in NOT_JSON else 'FAIL'}  not JSON {relative(path)}: {NOT_JSON.get(name, '')}")
            continue
        if name in NOT_JSON:
            problems.append(f"{relative(path)} is listed as not JSON, but it parses")
            continue
        errors = errors_of(document)
        if name in NON_STRUCTURAL:
            for error in errors:
                problems.append(
                    f"{relative(path)} is listed as non-structural, but the schema rejects it at {describe(error)}: "
                    "either the schema is stricter than the loader, or the fixture belongs in STRUCTURAL")
            print(f"{'ok  ' if not errors else 'FAIL'}  accepted {relative(path)}: {NON_STRUCTURAL[name]}")
            continue
        found = set()
        for error in errors:
            found |= places(error, document)
        missed = [(where, why) for where, why in STRUCTURAL[name] if where not in found]
        for where, why in missed:
            problems.append(
                f"{relative(path)}: the schema does not reject {where} ({why}); it reported: "
                + ("; ".join(describe(e) for e in errors) or "nothing"))
        print(f"{'ok  ' if not missed else 'FAIL'}  rejected {relative(path)}: "
              f"{len(STRUCTURAL[name])} structural problems, {len(errors)} schema errors")

    print()
    if problems:
        print(f"{len(problems)} discrepancies between {relative(SCHEMA)} and the packs:", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    print(f"schema agrees: {len(shipped)} packs and {len(valid_fixtures)} valid fixtures pass; "
          f"{len(STRUCTURAL)} structurally invalid fixtures are rejected where listed; "
          f"{len(NON_STRUCTURAL)} fixtures with non-structural problems pass; {len(NOT_JSON)} is not JSON")
    return 0


if __name__ == "__main__":
    sys.exit(main())
