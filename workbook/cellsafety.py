"""Keep what a participant typed from turning into a formula in Excel, and undo that on import.

A spreadsheet program treats a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and,
in some programs, a tab or carriage return) as a formula: a planning row such as
``=HYPERLINK(...)`` or ``-2+3+cmd|' /C calc'!A0`` would run when a partner opens the
export. Exports therefore neutralise such text with a leading apostrophe (the way Excel
itself marks "this is text"); the importer removes exactly that apostrophe again, so an
export imported back gives the text as it was typed.
"""

from __future__ import annotations

DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def is_dangerous(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula."""
    return isinstance(text, str) and text.startswith(DANGEROUS_STARTS)


def _needs_quote(text: str) -> bool:
    # Text that already starts with apostrophes before a formula-like start gets one more,
    # so that restore(neutralise(text)) == text for every text.
    return isinstance(text, str) and is_dangerous(text.lstrip(QUOTE))


def neutralise(text: str) -> str:
    """``text`` with an apostrophe in front when it could start a formula, else unchanged."""
    return QUOTE + text if _needs_quote(text) else text


def restore(text: str) -> str:
    """Undo :func:`neutralise`: drop an apostrophe that only protects a formula-like start."""
    if isinstance(text, str) and text.startswith(QUOTE) and _needs_quote(text):
        return text[1:]
    return text
