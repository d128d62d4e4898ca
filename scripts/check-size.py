#!/usr/bin/env python3
"""Size check for the Swift sources (make lint): small files, short declarations.

Usage: scripts/check-size.py [PATH…]   (default: Sources; a directory is searched for *.swift)

Fails (exit 1) when
  - a Swift file has more than 400 lines, or
  - a declaration with a body has more than 80 lines: func, init, deinit, subscript, and a var or
    let whose body is a brace block (a computed property, observers, or `= { … }` closure).
Prints every offender, sorted, as
    path:line: func name is N lines (limit 80)
    path:1: file is N lines (limit 400)

How lines are counted
  - A file: its number of lines (a last line without a newline counts).
  - A declaration: from the line holding its keyword (func, init, deinit, subscript, var, let)
    through the line holding the brace that closes its body, both included: N = last - first + 1.
    Attribute lines above the keyword (`@inlinable`) and doc comments are not counted. Blank and
    comment lines inside the body are counted: they are part of what a reader has to read.
  - Braces are matched on the code only: comments (`//`, nested `/* */`), string literals
    (`"…"`, multi-line `\"\"\"…\"\"\"`, raw `#"…"#` with any number of `#`) are skipped, while
    the code inside a string interpolation `\\(…)` is code. Regex literals are not recognised
    (the sources have none).
  - A declaration is a line whose code starts with modifiers/attributes and then the keyword, so
    `super.init(…)`, `if let`, `guard let` and `case let` are not declarations. A nested function is
    measured on its own, and is also part of its parent's count.

The exception
  A long declaration passes when the comment block directly above it (the comment lines and
  attributes between it and the previous code line, doc comments included) has a line
  `// hot loop: <why>` with a reason after the colon: say why splitting it would cost, e.g.
  "// hot loop: one pass over the block's bytes; a call per field measured 30% slower".
  The file limit has no exception.
"""

import bisect
import os
import re
import sys

FILE_LIMIT = 400
DECL_LIMIT = 80

MODIFIERS = (
    "public|private|fileprivate|internal|open|package|static|class|final|override|mutating|nonmutating|"
    "convenience|required|lazy|weak|unowned|nonisolated|dynamic|indirect|optional|consuming|borrowing|"
    "distributed|isolated"
)
DECL_RE = re.compile(
    r"^\s*(?:(?:@\w+(?:\([^()]*\))?|(?:" + MODIFIERS + r")(?:\((?:set|unsafe)\))?)\s+)*"
    r"(?P<kw>func|init|deinit|subscript|var|let)\b(?P<rest>.*)$"
)
HOT_LOOP_RE = re.compile(r"//\s*hot loop:\s*\S")
NAME_RE = re.compile(r"\s*(`[^`]+`|[A-Za-z_][A-Za-z_0-9]*|[-+*/%<>=!&|^~?.]+)")
# A line that continues a function signature when it starts with one of these …
CONTINUES_SIGNATURE = ("{", "->", "throws", "rethrows", "async", "where", ")", ">", "&", ",")
# … or when the line before ends with one of these.
LEAVES_SIGNATURE_OPEN = (",", "->", "where", "&", ":", "(", "<", "throws", "async", "=")


class Blanker:
    """Replaces comments and string literal contents by spaces (newlines kept), so that what is
    left is code whose braces can be counted. Interpolated code inside strings stays."""

    STRING_START = re.compile(r'(#*)("""|")')

    def __init__(self, text):
        self.text = text
        self.n = len(text)
        self.out = list(text)

    def run(self):
        self._code(0, interpolation=False)
        return "".join(self.out)

    def _blank(self, start, end):
        for k in range(start, min(end, self.n)):
            if self.out[k] != "\n":
                self.out[k] = " "

    def _code(self, i, interpolation):
        text, n, depth = self.text, self.n, 0
        while i < n:
            if text.startswith("//", i):
                end = text.find("\n", i)
                end = n if end < 0 else end
                self._blank(i, end)
                i = end
                continue
            if text.startswith("/*", i):
                i = self._block_comment(i)
                continue
            c = text[i]
            if c in '#"':
                m = self.STRING_START.match(text, i)
                if m:
                    i = self._string(i, m.end(), len(m.group(1)), m.group(2) == '"""')
                    continue
            if interpolation:
                if c == "(":
                    depth += 1
                elif c == ")":
                    if depth == 0:
                        return i
                    depth -= 1
            i += 1
        return i

    def _block_comment(self, i):
        start, depth = i, 0
        while i < self.n:
            if self.text.startswith("/*", i):
                depth += 1
                i += 2
            elif self.text.startswith("*/", i):
                depth -= 1
                i += 2
                if depth == 0:
                    break
            else:
                i += 1
        self._blank(start, i)
        return i

    def _string(self, start, i, hashes, multiline):
        text, n = self.text, self.n
        close = ('"""' if multiline else '"') + "#" * hashes
        escape = "\\" + "#" * hashes
        blank_from = start
        while i < n:
            if text.startswith(escape, i):
                j = i + len(escape)
                if j < n and text[j] == "(":
                    self._blank(blank_from, j + 1)
                    end = self._code(j + 1, interpolation=True)  # index of the closing ")"
                    blank_from = end
                    i = end + 1
                else:
                    i = j + 1
                continue
            if text.startswith(close, i):
                i += len(close)
                self._blank(blank_from, i)
                return i
            if text[i] == "\n" and not multiline:  # unterminated: stop at the line end
                break
            i += 1
        self._blank(blank_from, i)
        return i


def blank_code(text):
    return Blanker(text).run()


def _body_start(code, pos, kind):
    """Index of the `{` opening the body of the declaration whose keyword ends at pos, or None."""
    n, depth, i = len(code), 0, pos
    while i < n:
        c = code[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif depth == 0:
            if c == "{":
                return i
            if c in "};":
                return None
            if kind in ("var", "let") and c == "=" and code[i + 1 : i + 2] != "=" and code[i - 1] not in "!<>=":
                j = i + 1
                while j < n and code[j] in " \t\n":
                    j += 1
                return j if code[j : j + 1] == "{" else None
            if c == "\n":
                before = code[code.rfind("\n", 0, i) + 1 : i].rstrip()
                j = i + 1
                while j < n and code[j] in " \t\n":
                    j += 1
                after = code[j : code.find("\n", j) if code.find("\n", j) >= 0 else n].strip()
                if kind in ("var", "let"):
                    if not (after.startswith("{") or before.endswith("=")):
                        return None
                elif not (after.startswith(CONTINUES_SIGNATURE) or before.endswith(LEAVES_SIGNATURE_OPEN)):
                    return None
                i = j
                continue
        i += 1
    return None


def _matching_brace(code, open_index):
    depth = 0
    for i in range(open_index, len(code)):
        if code[i] == "{":
            depth += 1
        elif code[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    return None


def _hot_loop(lines, decl_line):
    """Whether the comment/attribute block directly above line index decl_line says `// hot loop: why`."""
    k = decl_line - 1
    while k >= 0:
        s = lines[k].strip()
        if not (s.startswith(("//", "/*", "*", "@")) or s.endswith("*/")):
            break
        if HOT_LOOP_RE.search(s):
            return True
        k -= 1
    return False


def _name(kind, rest):
    if kind in ("init", "deinit", "subscript"):
        suffix = rest[:1] if rest[:1] in "?!" else ""
        return kind + suffix
    m = NAME_RE.match(rest)
    return f"{kind} {m.group(1) if m else '?'}"


def check_text(path, text, file_limit=FILE_LIMIT, decl_limit=DECL_LIMIT):
    """The offender lines for one file's text."""
    offenders = []
    lines = text.split("\n")
    line_count = len(lines) - (1 if text.endswith("\n") else 0) if text else 0
    if line_count > file_limit:
        offenders.append((1, f"{path}:1: file is {line_count} lines (limit {file_limit})"))
    code = blank_code(text)
    code_lines = code.split("\n")
    starts = [0]
    for k, ch in enumerate(code):
        if ch == "\n":
            starts.append(k + 1)
    for index, code_line in enumerate(code_lines):
        m = DECL_RE.match(code_line)
        if not m:
            continue
        kind = m.group("kw")
        body = _body_start(code, starts[index] + m.end("kw"), kind)
        if body is None:
            continue
        close = _matching_brace(code, body)
        if close is None:
            continue
        last = bisect.bisect_right(starts, close) - 1
        length = last - index + 1
        if length > decl_limit and not _hot_loop(lines, index):
            offenders.append(
                (index + 1, f"{path}:{index + 1}: {_name(kind, m.group('rest'))} is {length} lines (limit {decl_limit})")
            )
    return offenders


def swift_files(paths):
    for root in paths:
        if os.path.isfile(root):
            yield root
            continue
        for directory, subdirs, files in os.walk(root):
            subdirs.sort()
            for name in sorted(files):
                if name.endswith(".swift"):
                    yield os.path.join(directory, name)


def main(argv):
    paths = argv[1:] or ["Sources"]
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        print(f"check-size: no such path: {', '.join(missing)}", file=sys.stderr)
        return 2
    offenders = []
    count = 0
    for path in swift_files(paths):
        count += 1
        with open(path, encoding="utf-8") as f:
            offenders += [message for _, message in check_text(path, f.read())]
    for message in offenders:
        print(message)
    if offenders:
        print(
            f"check-size: {len(offenders)} over the limit in {count} Swift files "
            f"(files {FILE_LIMIT} lines, declarations {DECL_LIMIT}; see the header of scripts/check-size.py)",
            file=sys.stderr,
        )
        return 1
    print(f"check-size: {count} Swift files, none over {FILE_LIMIT} lines, no declaration over {DECL_LIMIT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
