"""The reflection questions of the Impacttool's kind (``data/reflectievragen.csv``): asked at
the start (*waarom*) and at the mid-term review (*voortgang*); the answers are kept with the
plan (:class:`workbook.model.Reflection`) and shown in the progress report.

Pure data: the form asks, the report shows, both read the questions here.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import config
from .i18n import label
from .model import Moment

QUESTIONS_FILE = "reflectievragen.csv"
QUESTION_COLUMNS = ("id", "moment", "nl", "en", "bron")


@dataclass(frozen=True)
class Question:
    id: str
    moment: str
    nl: str
    en: str
    source: str

    def text(self, lang: str | None = None) -> str:
        return label({"nl": self.nl, "en": self.en}, lang)


@lru_cache(maxsize=4)
def load_questions(folder: Path | None = None) -> dict[str, Question]:
    """Every question of ``data/reflectievragen.csv`` by id, in the file's order; a bad header
    or moment raises ValueError."""
    path = (Path(folder) if folder else config.DEFAULT_DATA_DIR) / QUESTIONS_FILE
    moments = {member.value for member in Moment}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != QUESTION_COLUMNS:
            raise ValueError(f"{path.name}: expected columns {','.join(QUESTION_COLUMNS)}")
        questions = {}
        for row in reader:
            if row["moment"] not in moments:
                raise ValueError(f"{path.name}: moment '{row['moment']}' of '{row['id']}'")
            questions[row["id"]] = Question(row["id"], row["moment"], row["nl"], row["en"],
                                            row["bron"])
    return questions


def questions_of(moment: str) -> list[Question]:
    """The questions asked at ``moment`` (``start`` or ``tussentijds``), in order."""
    return [q for q in load_questions().values() if q.moment == moment]


def answered(reflections: Any, lang: str | None = None) -> list[tuple[str, str, str]]:
    """Every answered question of a plan's ``reflections`` frame (columns ``question``,
    ``answer``) in the file's order, as (moment, question's text in ``lang``, answer);
    unanswered questions are left out."""
    given = dict(zip(reflections["question"], reflections["answer"], strict=True))
    return [(q.moment, q.text(lang), str(given[q.id]).strip())
            for q in load_questions().values() if str(given.get(q.id) or "").strip()]
