#!/usr/bin/env python3
"""Tests of scripts/check-size.py on synthetic Swift (make lint runs them first).

Run: python3 -m unittest discover -s scripts -p 'test_check_size.py'
"""

import contextlib
import importlib.util
import io
import os
import tempfile
import unittest

_spec = importlib.util.spec_from_file_location(
    "check_size", os.path.join(os.path.dirname(os.path.abspath(__file__)), "check-size.py")
)
check_size = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_size)


def func(name, body_lines, header="func {name}() {{", indent="  "):
    """A declaration of exactly body_lines + 2 lines: header, body, closing brace."""
    return "\n".join([header.format(name=name)] + [f"{indent}x += 1"] * body_lines + ["}"]) + "\n"


def offenders(text, **limits):
    return [message for _, message in check_size.check_text("T.swift", text, **limits)]


class LineCounting(unittest.TestCase):
    def test_a_declaration_counts_from_its_keyword_line_through_its_closing_brace(self):
        self.assertEqual(offenders(func("ok", 78)), [])  # 80 lines
        self.assertEqual(offenders(func("long", 79)), ["T.swift:1: func long is 81 lines (limit 80)"])

    def test_the_line_is_the_keyword_line_not_the_attribute_or_doc_comment_above(self):
        text = "/// Does things.\n@inlinable\n" + func("long", 79, header="public static func {name}() {{")
        self.assertEqual(offenders(text), ["T.swift:3: func long is 81 lines (limit 80)"])

    def test_a_file_over_400_lines_is_reported_at_line_1(self):
        self.assertEqual(offenders("let x = 1\n" * 400), [])
        self.assertEqual(offenders("let x = 1\n" * 401), ["T.swift:1: file is 401 lines (limit 400)"])
        self.assertEqual(offenders("let x = 1\n" * 400 + "let y = 2"), ["T.swift:1: file is 401 lines (limit 400)"])

    def test_a_multi_line_signature_is_part_of_the_count(self):
        header = "func {name}(\n  a: Int,\n  b: Int\n) throws\n  -> Int\n  where T: Equatable\n{{"
        self.assertEqual(offenders(func("sig", 73, header=header)), ["T.swift:1: func sig is 81 lines (limit 80)"])

    def test_a_generic_return_type_split_over_lines_is_part_of_the_signature(self):
        header = "static func {name}(_ b: [UInt8]) -> Result<\n  (Int, Int), Failure\n> {{"
        self.assertEqual(offenders(func("gen", 77, header=header)), ["T.swift:1: func gen is 81 lines (limit 80)"])

    def test_init_subscript_computed_property_and_closure_initialiser_count(self):
        text = (
            func("a", 79, header="init?(x: Int) {{")
            + func("b", 79, header="subscript(i: Int) -> Int {{")
            + func("c", 79, header="var {name}: Int {{")
            + func("d", 79, header="static let {name}: [Int] = {{")
        )
        self.assertEqual(
            offenders(text),
            [
                "T.swift:1: init? is 81 lines (limit 80)",
                "T.swift:82: subscript is 81 lines (limit 80)",
                "T.swift:163: var c is 81 lines (limit 80)",
                "T.swift:244: let d is 81 lines (limit 80)",
            ],
        )

    def test_calls_and_bindings_are_not_declarations(self):
        text = (
            "func f() {\n"
            "  super.init(x: 1)\n"
            "  if let y = z {\n" + "    x += 1\n" * 90 + "  }\n"
            "  let total = values.reduce(0) { $0 + $1 }\n"
            "}\n"
        )
        self.assertEqual(offenders(text), ["T.swift:1: func f is 96 lines (limit 80)"])

    def test_a_requirement_without_a_body_does_not_take_the_next_body(self):
        text = "protocol P {\n  func a()\n  var b: Int { get }\n}\n" + func("c", 10)
        self.assertEqual(offenders(text, decl_limit=3), ["T.swift:5: func c is 12 lines (limit 3)"])

    def test_nested_functions_are_measured_alone_and_in_their_parent(self):
        text = "func outer() {\n" + func("inner", 5, indent="    ").replace("func", "  func", 1) + "}\n"
        self.assertEqual(
            offenders(text, decl_limit=6),
            ["T.swift:1: func outer is 9 lines (limit 6)", "T.swift:2: func inner is 7 lines (limit 6)"],
        )


class BracesInsideLiterals(unittest.TestCase):
    def length(self, body):
        """The reported length of `func f` whose body is the given lines (limit 1 forces a report)."""
        text = "func f() {\n" + body + "\n}\nfunc g() {\n}\n"
        found = offenders(text, decl_limit=1)
        self.assertTrue(found and found[0].startswith("T.swift:1: func f is "), found)
        return int(found[0].split(" is ")[1].split()[0])

    def test_braces_in_comments_are_ignored(self):
        self.assertEqual(self.length("  // } closing?\n  /* } /* nested } */ still comment } */\n  x = 1"), 5)

    def test_braces_in_strings_are_ignored(self):
        self.assertEqual(self.length('  let s = "}"\n  let t = "\\"}"\n  let u = "\\\\"'), 5)

    def test_braces_in_a_multi_line_string_are_ignored(self):
        self.assertEqual(self.length('  let s = """\n    }\n    "quoted" }\n    """\n  x = 1'), 7)

    def test_braces_in_raw_strings_are_ignored(self):
        self.assertEqual(self.length('  let s = #"a "}" \\}"#\n  let t = ##"}"#}"##'), 4)

    def test_a_string_with_a_hash_is_not_a_raw_string(self):
        self.assertEqual(self.length('  let marks = ["#", "=", "}"]'), 3)

    def test_code_inside_an_interpolation_is_code(self):
        # The closure braces inside \( ) balance; the "}" inside the nested string does not count.
        self.assertEqual(self.length('  let s = "\\(xs.map { "}\\($0)" }.joined())"\n  x = 1'), 4)

    def test_a_comment_marker_inside_a_string_is_not_a_comment(self):
        self.assertEqual(self.length('  let url = "http://x/*"\n  if a { b() }'), 4)


class HotLoopException(unittest.TestCase):
    def test_a_hot_loop_comment_with_a_reason_just_above_exempts(self):
        self.assertEqual(offenders("// hot loop: one pass over the bytes\n" + func("f", 90)), [])

    def test_it_may_stand_above_the_doc_comment_and_attributes(self):
        text = "// hot loop: a call per field measured 30% slower\n/// Parses.\n@inline(__always)\n"
        self.assertEqual(offenders(text + func("f", 90)), [])

    def test_without_a_reason_it_does_not_exempt(self):
        self.assertEqual(offenders("// hot loop:\n" + func("f", 90)), ["T.swift:2: func f is 92 lines (limit 80)"])

    def test_a_blank_line_between_comment_and_declaration_breaks_it(self):
        text = "// hot loop: why\n\n" + func("f", 90)
        self.assertEqual(offenders(text), ["T.swift:3: func f is 92 lines (limit 80)"])

    def test_the_file_limit_has_no_exception(self):
        text = "// hot loop: why\n" + "let x = 1\n" * 400
        self.assertEqual(offenders(text), ["T.swift:1: file is 401 lines (limit 400)"])


class CommandLine(unittest.TestCase):
    def run_main(self, files):
        with tempfile.TemporaryDirectory() as root:
            for name, text in files.items():
                path = os.path.join(root, name)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w") as f:
                    f.write(text)
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                status = check_size.main(["check-size.py", root])
            return status, out.getvalue().replace(root + os.sep, ""), err.getvalue()

    def test_clean_sources_pass(self):
        status, out, _ = self.run_main({"A/a.swift": func("f", 10), "b.txt": "x\n" * 1000})
        self.assertEqual(status, 0)
        self.assertIn("1 Swift files", out)

    def test_every_offender_is_printed_sorted_and_the_exit_status_is_1(self):
        status, out, err = self.run_main({"B/b.swift": func("g", 100), "A/a.swift": "let x = 1\n" * 401})
        self.assertEqual(status, 1)
        self.assertEqual(
            out.splitlines(),
            ["A/a.swift:1: file is 401 lines (limit 400)", "B/b.swift:1: func g is 102 lines (limit 80)"],
        )
        self.assertIn("2 over the limit", err)


if __name__ == "__main__":
    unittest.main()
