#!/usr/bin/env python3
"""Fails when a Swift code block of a DocC article is not code the tests compile and run.

Usage: doc-snippets.py CATALOG TEST_FILE

Every ```swift block of every article in CATALOG must appear, line for line (indentation aside), in a
`// snippet NAME` … `// end snippet` region of TEST_FILE, where `Paths.repository + "/` is read as `"` (the articles
name files relative to the repository). `import` lines are not compared. Every region must be shown by some article.
"""
import os
import re
import sys


def lines(text):
    """The lines of `text` without indentation, trailing spaces, blank lines or imports."""
    result = []
    for line in text.split("\n"):
        line = line.strip()
        if line and not line.startswith("import "):
            result.append(line)
    return result


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    catalog, test_file = sys.argv[1], sys.argv[2]
    with open(test_file, encoding="utf-8") as file:
        source = file.read()
    regions = {
        match.group(1): lines(match.group(2).replace('Paths.repository + "/', '"'))
        for match in re.finditer(r"^[ \t]*// snippet (\S+)\n(.*?)^[ \t]*// end snippet", source, re.S | re.M)
    }
    shown = set()
    failures = []
    blocks = 0
    for root, _, files in os.walk(catalog):
        for name in sorted(files):
            if not name.endswith(".md"):
                continue
            path = os.path.join(root, name)
            with open(path, encoding="utf-8") as file:
                text = file.read()
            for match in re.finditer(r"^```swift\n(.*?)^```", text, re.S | re.M):
                block = lines(match.group(1))
                if not block:
                    continue
                blocks += 1
                line = text.count("\n", 0, match.start()) + 1
                found = [region for region, body in regions.items() if body == block]
                if found:
                    shown.update(found)
                else:
                    failures.append(f"{path}:{line}: this Swift block is not a snippet region of {test_file}")
    for region in sorted(set(regions) - shown):
        failures.append(f"{test_file}: snippet region '{region}' is shown by no article (or differs from its block)")
    print(f"{blocks} Swift blocks in the articles, {len(regions)} snippet regions in {os.path.basename(test_file)}")
    for failure in failures:
        print("  " + failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
