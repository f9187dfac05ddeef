#!/usr/bin/env python3
"""Fails, listing them, when a public symbol of a symbol graph has no documentation of its own.

Usage: doc-coverage.py SYMBOL_GRAPH_DIR MODULE [CATALOG]

A symbol is documented when its own declaration has a `///` comment, or when the catalog has a documentation
extension file for it (a page whose title is ``Module/Path/To/Symbol``). A declaration the compiler made (it has no
place in the source: `init(rawValue:)`, a synthesized `init(from:)`) shows the protocol's documentation and needs
none. A declaration written in the source that only inherits a standard-library protocol's documentation (an
explicit `description`, `encode(to:)`, `next()`) is undocumented: it says nothing about what this type does.

With a catalog, every public type must also be listed in a topic group of the catalog's page for the module
(CATALOG/MODULE.md), so that the overview organises all of them.
"""
import json
import os
import re
import sys


def extension_targets(catalog, module):
    """The symbol paths the catalog's documentation extension files document."""
    targets = set()
    if not catalog:
        return targets
    title = re.compile(r"^#\s+``(?:" + re.escape(module) + r"/)?([^`]+)``\s*$")
    for root, _, files in os.walk(catalog):
        for name in files:
            if not name.endswith(".md"):
                continue
            with open(os.path.join(root, name), encoding="utf-8") as file:
                for line in file:
                    if line.strip():
                        match = title.match(line.strip())
                        if match:
                            # Drop a disambiguation suffix ("-swift.property").
                            targets.add("/".join(part.split("-")[0] for part in match.group(1).split("/")))
                        break
    return targets


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    directory, module = sys.argv[1], sys.argv[2]
    catalog = sys.argv[3] if len(sys.argv) == 4 else None
    extended = extension_targets(catalog, module)
    symbols = []
    for name in sorted(os.listdir(directory)):
        if name.startswith(module) and name.endswith(".symbols.json"):
            with open(os.path.join(directory, name), encoding="utf-8") as file:
                symbols += json.load(file)["symbols"]
    public = [s for s in symbols if s.get("accessLevel") in ("public", "open")]
    undocumented = []
    for symbol in public:
        location = symbol.get("location")
        if location is None:
            continue  # made by the compiler: it shows the protocol requirement's documentation
        comment = symbol.get("docComment")
        own = comment is not None and comment.get("module", module) == module
        text = "".join(line.get("text", "") for line in comment["lines"]).strip() if own else ""
        if text or "/".join(symbol["pathComponents"]) in extended:
            continue
        path = location["uri"].removeprefix("file://")
        path = os.path.relpath(path) if path.startswith("/") else path
        line = location["position"]["line"] + 1
        undocumented.append(f"{path}:{line}: {'.'.join(symbol['pathComponents'])} ({symbol['kind']['displayName']})")
    print(f"{len(public)} public symbols of {module}, {len(undocumented)} without documentation")
    for entry in sorted(undocumented):
        print("  " + entry)
    uncurated = []
    overview = os.path.join(catalog, module + ".md") if catalog else None
    if overview and os.path.exists(overview):
        with open(overview, encoding="utf-8") as file:
            text = file.read()
        topics = text[text.find("## Topics"):] if "## Topics" in text else ""
        listed = set(re.findall(r"^- ``(?:" + re.escape(module) + r"/)?([^`/]+)``", topics, re.M))
        types = sorted({s["pathComponents"][0] for s in public if len(s["pathComponents"]) == 1})
        uncurated = [name for name in types if name not in listed]
        print(f"{len(types)} public types, {len(uncurated)} not in a topic group of {os.path.relpath(overview)}")
        for name in uncurated:
            print("  " + name)
    sys.exit(1 if undocumented or uncurated else 0)


if __name__ == "__main__":
    main()
