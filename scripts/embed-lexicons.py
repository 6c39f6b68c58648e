#!/usr/bin/env python3
"""Embeds the built-in lexicons (Lexicons/en/*.yml) and culture frameworks
(Lexicons/en/frameworks/*.yml) in FrictionCore, so an installed binary has
them without the source tree beside it.

Each file is embedded twice: as its YAML text, and already parsed (Swift
values of what `LexiconFile.parse` and `FrameworkLoader.parse` make of it), so
that a run loads the built-in set without parsing YAML. A test checks that the
two agree; user lexicon directories and framework files are still read as YAML.

    scripts/embed-lexicons.py          # rewrite the Swift file
    scripts/embed-lexicons.py --check  # exit 1 if it is stale (used by make test)
"""
import pathlib, sys

try:
    import yaml
except ImportError:
    sys.exit("embed-lexicons.py needs PyYAML (Debian: python3-yaml; pip: pyyaml)")

root = pathlib.Path(__file__).resolve().parent.parent
source = root / "Lexicons"
target = root / "Sources/FrictionCore/Lexicon/BuiltInLexicons.swift"
# libyaml, as Yams uses, when PyYAML has it; the pure-Python reader otherwise.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def embed(files):
    parts = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        if '"""#' in text:
            sys.exit(f"{path}: cannot embed text containing '\"\"\"#'")
        name = path.relative_to(source).as_posix()
        parts.append(
            f"        (name: \"{name}\", text: #\"\"\"\n" + text.rstrip("\n") + "\n\"\"\"#),\n"
        )
    return "".join(parts)


def swift_string(value):
    out = ['"']
    for ch in value:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif " " <= ch <= "~":
            out.append(ch)
        else:
            out.append("\\u{%x}" % ord(ch))
    out.append('"')
    return "".join(out)


def optional(value):
    return "nil" if value is None else swift_string(value)


def compose(path):
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=Loader)
    if not isinstance(node, yaml.MappingNode):
        sys.exit(f"{path}: a lexicon or framework file must be a mapping")
    return node


def located(node):
    """`[Located]` of a scalar or a list of scalars (LexiconFile.strings)."""
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    return "[" + ", ".join(
        "L(%s, %d, %d, %s)" % (swift_string(item.value), item.start_mark.line + 1, item.start_mark.column + 1,
                               "true" if item.style in ("'", '"') else "false")
        for item in items
    ) + "]"


def lexicon_file(path):
    name = path.relative_to(source).as_posix()
    concept = path.stem
    entries, disable, classes = [], "[]", []
    for key, value in compose(path).value:
        if key.value == "concept":
            concept = value.value
        elif key.value == "entries":
            for item in value.value:
                fields = {k.value: v for k, v in item.value}
                patterns = []
                for k, v in item.value:
                    if k.value in ("pattern", "patterns"):
                        patterns.append(located(v)[1:-1])
                weight = float(fields["weight"].value) if "weight" in fields else 1.0
                entries.append(
                    "            E(%s, [%s], %s, %r, %s),\n" % (
                        swift_string(fields["id"].value), ", ".join(p for p in patterns if p),
                        optional(fields["note"].value if "note" in fields else None), weight,
                        optional(fields["suggestion"].value if "suggestion" in fields else None)))
        elif key.value == "disable":
            disable = located(value)
        elif key.value == "classes":
            for class_name, members in value.value:
                classes.append("            (%s, %s),\n" % (swift_string(class_name.value), located(members)))
    return (
        f"        LexiconFile(path: {swift_string('<built-in>/' + name)}, concept: {swift_string(concept)}, entries: [\n"
        + "".join(entries) + f"        ], disable: {disable}, classes: [\n" + "".join(classes) + "        ]),\n"
    )


def framework(path):
    name = path.relative_to(source).as_posix()
    fields = {k.value: v for k, v in compose(path).value}
    elements = []
    for item in fields["elements"].value:
        element = {k.value: v for k, v in item.value}
        text = lambda key: swift_string(element[key].value.strip()) if key in element else '""'
        elements.append(
            "            FrameworkElement(id: %s, name: %s, description: %s, example: %s,\n"
            "                             patterns: %s, lexiconReferences: %s),\n" % (
                swift_string(element["id"].value), text("name"), text("description"), text("example"),
                located(element["patterns"]) if "patterns" in element else "[]",
                located(element["lexicon"]) if "lexicon" in element else "[]"))
    description = swift_string(fields["description"].value.strip()) if "description" in fields else '""'
    return (
        f"        Framework(id: {swift_string(fields['id'].value)}, name: {swift_string(fields['name'].value.strip())},\n"
        f"                  description: {description}, elements: [\n"
        + "".join(elements) + f"        ], path: {swift_string('<built-in>/' + name)}),\n"
    )


lexicons = sorted(source.glob("*/*.yml"))
frameworks = sorted(source.glob("*/frameworks/*.yml"))
text = (
    "// Generated by scripts/embed-lexicons.py from Lexicons/. Do not edit.\n\n"
    "/// The built-in lexicons, embedded in the binary.\n"
    "enum BuiltInLexicons {\n"
    "    static let files: [(name: String, text: String)] = [\n"
    + embed(lexicons) +
    "    ]\n\n"
    "    /// Culture-coverage frameworks (Lexicons/*/frameworks/).\n"
    "    static let frameworks: [(name: String, text: String)] = [\n"
    + embed(frameworks) +
    "    ]\n\n"
    "    /// `files`, already parsed: what `LexiconFile.parse` makes of each.\n"
    "    static let parsedFiles: [LexiconFile] = [\n"
    + "".join(lexicon_file(path) for path in lexicons) +
    "    ]\n\n"
    "    /// `frameworks`, already parsed: what `FrameworkLoader.parse` makes of each.\n"
    "    static let parsedFrameworks: [Framework] = [\n"
    + "".join(framework(path) for path in frameworks) +
    "    ]\n\n"
    "    private static func L(_ value: String, _ line: Int, _ column: Int, _ quoted: Bool) -> LexiconFile.Located {\n"
    "        LexiconFile.Located(value: value, line: line, column: column, quoted: quoted)\n"
    "    }\n\n"
    "    private static func E(_ id: String, _ patterns: [LexiconFile.Located], _ note: String?, _ weight: Double,\n"
    "                          _ suggestion: String?) -> LexiconFile.Entry {\n"
    "        LexiconFile.Entry(id: id, patterns: patterns, note: note, weight: weight, suggestion: suggestion)\n"
    "    }\n"
    "}\n"
)
if "--check" in sys.argv:
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        sys.exit(f"{target.relative_to(root)} is stale: run scripts/embed-lexicons.py")
    sys.exit(0)
target.write_text(text, encoding="utf-8")
