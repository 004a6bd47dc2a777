"""Reporters: one class per `--format`, each turns a `Result` into text."""

from __future__ import annotations

import json

from profcli.findings import Result


def summary(result: Result) -> str:
    files = "bestand" if result.files_checked == 1 else "bestanden"
    errors = "fout" if result.errors == 1 else "fouten"
    warnings = "waarschuwing" if result.warnings == 1 else "waarschuwingen"
    return (
        f"{result.files_checked} {files} gecontroleerd: {result.errors} {errors}, "
        f"{result.warnings} {warnings}"
    )


class Reporter:
    """Renders a result; `summary_to_stderr` keeps machine formats clean on stdout."""

    summary_to_stderr = True

    def render(self, result: Result) -> str:
        raise NotImplementedError


class TextReporter(Reporter):
    summary_to_stderr = False

    def render(self, result: Result) -> str:
        lines = [f.text() for f in result.sorted()]
        return "\n".join([*lines, summary(result)])


class JsonReporter(Reporter):
    def render(self, result: Result) -> str:
        return json.dumps(
            {
                "bestanden": result.files_checked,
                "fouten": result.errors,
                "waarschuwingen": result.warnings,
                "meldingen": [
                    {
                        "pad": f.path,
                        "regel": f.line,
                        "kolom": f.column,
                        "ernst": f.severity,
                        "melding": f.message,
                        "code": f.rule,
                    }
                    for f in result.sorted()
                ],
            },
            ensure_ascii=False,
            indent=2,
        )


class GithubReporter(Reporter):
    """GitHub Actions workflow commands: annotations on the pull request's files."""

    def render(self, result: Result) -> str:
        lines = []
        for f in result.sorted():
            level = "error" if f.severity == "fout" else "warning"
            message = _gh_escape(f"{f.message} [{f.rule}]")
            lines.append(
                f"::{level} file={_gh_escape(f.path, True)},line={f.line},col={f.column},"
                f"title={_gh_escape(f.rule, True)}::{message}"
            )
        return "\n".join(lines)


class JunitReporter(Reporter):
    """JUnit XML: a test case per file with findings; an error is a failure, a warning is
    printed output of its test case (it must not turn a CI job red)."""

    def render(self, result: Result) -> str:
        from xml.sax.saxutils import escape, quoteattr  # pulls in urllib: only when asked

        by_file: dict[str, list[str]] = {}
        for f in result.sorted():
            lines = by_file.setdefault(f.path, [])
            if f.severity == "fout":
                lines.append(
                    f"    <failure type={quoteattr(f.rule)} message={quoteattr(f.message)}>"
                    f"{escape(f.text())}</failure>"
                )
            else:
                lines.append(f"    <system-out>{escape(f.text())}</system-out>")
        cases = [
            f'  <testcase classname="prof.validate" name={quoteattr(path)}>\n'
            + "\n".join(lines)
            + "\n  </testcase>"
            for path, lines in by_file.items()
        ]
        head = (
            f'<testsuite name="prof validate" tests="{max(result.files_checked, len(by_file))}" '
            f'failures="{result.errors}">'
        )
        return "\n".join(['<?xml version="1.0" encoding="UTF-8"?>', head, *cases, "</testsuite>"])


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
    "junit": JunitReporter,
}
