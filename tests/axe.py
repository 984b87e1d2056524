"""axe-core (npm, pinned in package.json; ``npm ci`` of ``make hub-setup`` / ``make test``
installs it into node_modules/) run inside a Playwright page, with the WCAG 2.1 A/AA rules.

Why the npm package and not ``axe-playwright-python``: the engine itself, from Deque, pinned
to the exact version in package-lock.json next to the hub's proxy that npm already installs;
the Python wrapper bundles its own copy of axe and follows its releases with a delay, and it
would add a Python dependency for twenty lines of glue.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SERIOUS = ("serious", "critical")


@dataclass(frozen=True)
class Finding:
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.impact}: {self.rule} ({self.help}) at {', '.join(self.targets)}"


def axe_version() -> str:
    package = json.loads((AXE_SCRIPT.parent / "package.json").read_text())
    return package["version"]


def run_axe(page) -> list[Finding]:
    """Every WCAG 2.1 A/AA violation on the page as it is now, one finding per element."""
    if not AXE_SCRIPT.exists():
        raise FileNotFoundError(f"{AXE_SCRIPT} is missing: run 'make hub-setup' (npm ci)")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    # The template's script makes a scrolling box reachable by Tab when the box appears (a
    # widget rendered late): the page as a participant meets it, not the moment in between.
    page.wait_for_function(
        "[...document.querySelectorAll('.wb-scroll')].every(box => box.hasAttribute('tabindex'))",
        timeout=10_000)
    result = page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                    resultTypes: ['violations']});
            return result.violations.map(rule => ({
                rule: rule.id, impact: rule.impact, help: rule.help,
                nodes: rule.nodes.map(node => ({impact: node.impact || rule.impact,
                                                 target: node.target.map(String)}))}));
        }""",
        WCAG_21_AA,
    )
    return [Finding(rule["rule"], node["impact"], rule["help"], tuple(node["target"]))
            for rule in result for node in rule["nodes"]]


def serious(findings: list[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.impact in SERIOUS]


def report(findings: list[Finding]) -> str:
    """One line per finding, for an assertion message."""
    return "\n".join(str(finding) for finding in findings) or "no findings"
