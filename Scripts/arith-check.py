#!/usr/bin/env python3
"""Differential check of PartyBuildingKit's formula arithmetic against an exact reference.

Reads the lines pbk-arith-check prints (standard input, or the files named), one formula each:

    FORMULA <TAB> NAME=VALUE … <TAB> = RESULT      or      ! KIND      or      ? COMPILE-ERROR

parses each formula itself, recomputes it with exact rational numbers (fractions.Fraction) under the rules
RulePacks/README.md §5 documents, and compares. Exits 1 on any disagreement (printing the first few), 0 otherwise.

The rules, as the reference applies them:
- a value is `significand × 10^-places` with an Int64 significand and 0…18 places;
- + - * give the exact result; one that is not such a value is an error: `overflow` when its integer part
  (truncated toward zero) is outside Int64, else `inexact`;
- a / b is `divisionByZero` when b = 0; otherwise the quotient rounded half-up (ties away from zero) to exactly 12
  places is the value, and the same fit rule applies to it;
- negation and ABS follow the fit rule, as 0 - x does (only a significand of -2^63 fails: overflow at 0 places,
  inexact at more);
- ROUND / ROUNDUP / ROUNDDOWN round the exact operand once: half-up, away from zero, toward zero;
- MIN / MAX pick, SUM adds left to right as each value is known (each partial sum must fit), AVERAGE is SUM then
  / n, COUNT counts true,
  CLAMP(x, lo, hi) is `invalidArgument` when hi < lo, comparisons are exact, IF / if…then…else / and / or evaluate
  only what they need, left to right; the first error in that order is the result.

Standard library only; no third-party packages.
"""

import sys
import time
from fractions import Fraction

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
MAX_PLACES = 18
DIVISION_PLACES = 12


class ArithmeticFailure(Exception):
    """An evaluation error of a given kind: inexact, overflow, divisionByZero, invalidArgument."""

    def __init__(self, kind):
        super().__init__(kind)
        self.kind = kind


def truncate(value):
    """The integer part of a Fraction, toward zero."""
    whole = value.numerator // value.denominator
    if whole < 0 and whole * value.denominator != value.numerator:
        whole += 1
    return whole


def fit(value):
    """The value when it is `significand × 10^-places` with an Int64 significand and 0…18 places; else the error."""
    denominator = value.denominator
    places = 0
    while places <= MAX_PLACES and (10**places) % denominator != 0:
        places += 1
    if places <= MAX_PLACES:
        significand = value.numerator * (10**places // denominator)
        if INT64_MIN <= significand <= INT64_MAX:
            return value
    raise ArithmeticFailure("overflow" if not INT64_MIN <= truncate(value) <= INT64_MAX else "inexact")


def round_to(value, places, rule):
    """value rounded to `places` places: 'halfUp' (ties away from 0), 'up' (away from 0), 'down' (toward 0)."""
    scaled = value * 10**places
    magnitude = abs(scaled)
    whole = magnitude.numerator // magnitude.denominator
    rest = magnitude - whole
    if rule == "halfUp":
        if rest * 2 >= 1:
            whole += 1
    elif rule == "up":
        if rest > 0:
            whole += 1
    elif rule != "down":
        raise ValueError(rule)
    return Fraction(whole if scaled >= 0 else -whole, 10**places)


def divide(a, b):
    if b == 0:
        raise ArithmeticFailure("divisionByZero")
    return fit(round_to(a / b, DIVISION_PLACES, "halfUp"))


def decimal(text):
    """A decimal literal exactly, never through binary floating point."""
    negative = text.startswith("-")
    if negative or text.startswith("+"):
        text = text[1:]
    whole, _, fraction = text.partition(".")
    value = Fraction(int((whole or "0") + fraction), 10 ** len(fraction))
    return -value if negative else value


# MARK: - Parsing the formula language (the subset pbk-arith-check writes, with its precedence)

KEYWORDS = {"if", "then", "else", "and", "or", "not", "true", "false"}
FUNCTIONS = {"ABS", "MIN", "MAX", "SUM", "AVERAGE", "COUNT", "ROUND", "ROUNDUP", "ROUNDDOWN", "IF", "CLAMP",
             "AND", "OR", "NOT"}


def tokenize(source):
    tokens = []
    i = 0
    n = len(source)
    while i < n:
        ch = source[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or (ch == "." and i + 1 < n and source[i + 1].isdigit()):
            j = i
            while j < n and (source[j].isdigit() or source[j] == "."):
                j += 1
            value = decimal(source[i:j])
            if j < n and source[j] == "%":
                value /= 100
                j += 1
            tokens.append(("num", value))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < n and (source[j].isalnum() or source[j] == "_"):
                j += 1
            word = source[i:j]
            # A function name right before '(' is a call (IF(, NOT(); otherwise a keyword is a keyword (if, not).
            if word.upper() in FUNCTIONS and j < n and source[j] == "(":
                tokens.append(("fn", word.upper()))
            elif word.lower() in KEYWORDS:
                tokens.append(("kw", word.lower()))
            else:
                tokens.append(("name", word))
            i = j
        elif source.startswith(("<=", ">=", "!=", "==", "<>"), i):
            op = source[i:i + 2]
            tokens.append(("op", {"==": "=", "<>": "!="}.get(op, op)))
            i += 2
        elif ch in "+-*/(),<>=":
            tokens.append(("op", ch))
            i += 1
        else:
            raise SyntaxError(f"unexpected {ch!r} at {i}")
    tokens.append(("end", None))
    return tokens


class Parser:
    """Recursive descent, lowest precedence first: if…then…else, or, and, not, comparison, + -, * /, unary -."""

    def __init__(self, source):
        self.tokens = tokenize(source)
        self.at = 0

    def peek(self):
        return self.tokens[self.at]

    def take(self, kind=None, value=None):
        token = self.tokens[self.at]
        if (kind and token[0] != kind) or (value is not None and token[1] != value):
            raise SyntaxError(f"expected {value or kind}, found {token}")
        self.at += 1
        return token

    def parse(self):
        tree = self.expression()
        self.take("end")
        return tree

    def expression(self):
        if self.peek() == ("kw", "if"):
            self.take()
            condition = self.expression()
            self.take("kw", "then")
            then = self.expression()
            self.take("kw", "else")
            return ("if", condition, then, self.expression())
        return self.disjunction()

    def disjunction(self):
        terms = [self.conjunction()]
        while self.peek() == ("kw", "or"):
            self.take()
            terms.append(self.conjunction())
        return terms[0] if len(terms) == 1 else ("or", terms)

    def conjunction(self):
        terms = [self.negation()]
        while self.peek() == ("kw", "and"):
            self.take()
            terms.append(self.negation())
        return terms[0] if len(terms) == 1 else ("and", terms)

    def negation(self):
        if self.peek() == ("kw", "not"):
            self.take()
            return ("not", self.negation())
        return self.comparison()

    def comparison(self):
        left = self.additive()
        token = self.peek()
        if token[0] == "op" and token[1] in ("<", "<=", ">", ">=", "=", "!="):
            self.take()
            return ("cmp", token[1], left, self.additive())
        return left

    def additive(self):
        tree = self.multiplicative()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            tree = (op, tree, self.multiplicative())
        return tree

    def multiplicative(self):
        tree = self.unary()
        while self.peek() in (("op", "*"), ("op", "/")):
            op = self.take()[1]
            tree = (op, tree, self.unary())
        return tree

    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return ("neg", self.unary())
        if self.peek() == ("op", "+"):
            self.take()
            return self.unary()
        return self.primary()

    def primary(self):
        kind, value = self.take()
        if kind == "num":
            return ("num", value)
        if kind == "name":
            return ("name", value)
        if kind == "kw" and value in ("true", "false"):
            return ("num", Fraction(1 if value == "true" else 0))
        if kind == "kw" and value == "if":
            self.at -= 1
            return self.expression()
        if (kind, value) == ("op", "("):
            tree = self.expression()
            self.take("op", ")")
            return tree
        if kind == "fn":
            self.take("op", "(")
            arguments = [self.expression()]
            while self.peek() == ("op", ","):
                self.take()
                arguments.append(self.expression())
            self.take("op", ")")
            return ("call", value, arguments)
        raise SyntaxError(f"unexpected {value!r}")


# MARK: - Evaluating exactly


def evaluate(tree, names):
    kind = tree[0]
    if kind == "num":
        return tree[1]
    if kind == "name":
        return names[tree[1]]
    if kind in ("+", "-", "*", "/"):
        a = evaluate(tree[1], names)
        b = evaluate(tree[2], names)
        if kind == "+":
            return fit(a + b)
        if kind == "-":
            return fit(a - b)
        if kind == "*":
            return fit(a * b)
        return divide(a, b)
    if kind == "neg":
        return fit(-evaluate(tree[1], names))
    if kind == "cmp":
        a = evaluate(tree[2], names)
        b = evaluate(tree[3], names)
        holds = {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b, "=": a == b, "!=": a != b}[tree[1]]
        return Fraction(int(holds))
    if kind == "not":
        return Fraction(int(evaluate(tree[1], names) == 0))
    if kind in ("and", "or"):
        for term in tree[1]:
            holds = evaluate(term, names) != 0
            if holds != (kind == "and"):
                return Fraction(int(holds))
        return Fraction(int(kind == "and"))
    if kind == "if":
        return evaluate(tree[2] if evaluate(tree[1], names) != 0 else tree[3], names)
    if kind == "call":
        return call(tree[1], tree[2], names)
    raise ValueError(kind)


def call(function, arguments, names):
    if function == "IF":
        return evaluate(arguments[1] if evaluate(arguments[0], names) != 0 else arguments[2], names)
    if function in ("AND", "OR"):
        return evaluate(("and" if function == "AND" else "or", arguments), names)
    if function == "NOT":
        return Fraction(int(evaluate(arguments[0], names) == 0))
    if function in ("ROUND", "ROUNDUP", "ROUNDDOWN"):
        value = evaluate(arguments[0], names)
        places = arguments[1][1]
        rule = {"ROUND": "halfUp", "ROUNDUP": "up", "ROUNDDOWN": "down"}[function]
        return fit(round_to(value, int(places), rule))
    if function in ("SUM", "AVERAGE", "COUNT"):
        # Each value is added as soon as it is known, so an error in a partial sum comes before a later value's.
        total = evaluate(arguments[0], names)
        for argument in arguments[1:]:
            total = fit(total + evaluate(argument, names))
        return divide(total, Fraction(len(arguments))) if function == "AVERAGE" else total
    values = [evaluate(argument, names) for argument in arguments]
    if function == "ABS":
        return fit(abs(values[0]))
    if function == "MIN":
        return min(values)
    if function == "MAX":
        return max(values)
    if function == "CLAMP":
        value, low, high = values
        if high < low:
            raise ArithmeticFailure("invalidArgument")
        return min(max(value, low), high)
    raise ValueError(function)


def expected(formula, operands):
    names = {}
    for item in operands.split():
        name, _, text = item.partition("=")
        names[name] = decimal(text)
    try:
        return "=", evaluate(Parser(formula).parse(), names)
    except ArithmeticFailure as failure:
        return "!", failure.kind


def main():
    started = time.monotonic()
    streams = [open(path, encoding="utf-8") for path in sys.argv[1:]] or [sys.stdin]
    count = 0
    values = 0
    errors = {}
    disagreements = []
    for stream in streams:
        for line in stream:
            line = line.rstrip("\n")
            if not line:
                continue
            count += 1
            formula, operands, result = line.split("\t")
            marker, _, actual = result.partition(" ")
            try:
                want_marker, want = expected(formula, operands)
            except (SyntaxError, ValueError, KeyError, IndexError) as problem:
                disagreements.append((formula, operands, result, f"the reference could not read it: {problem}"))
                continue
            if marker == "?":
                disagreements.append((formula, operands, result, "PartyBuildingKit did not compile it"))
                continue
            if want_marker == "=":
                agrees = marker == "=" and decimal(actual) == want
                shown = f"= {want}"
                values += agrees
            else:
                agrees = marker == "!" and actual == want
                shown = f"! {want}"
                if agrees:
                    errors[want] = errors.get(want, 0) + 1
            if not agrees:
                disagreements.append((formula, operands, result, f"expected {shown}"))
    seconds = time.monotonic() - started
    kinds = ", ".join(f"{kind} {number}" for kind, number in sorted(errors.items()))
    print(f"arith-check: {count} formulas, {values} values and {count - values - len(disagreements)} errors "
          f"({kinds}) agree; {len(disagreements)} disagreements ({seconds:.1f} s)")
    for formula, operands, result, reason in disagreements[:10]:
        print(f"  {formula}\n    with {operands}\n    PartyBuildingKit: {result}\n    reference: {reason}")
    if count == 0:
        print("arith-check: no formulas were read", file=sys.stderr)
        return 1
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
