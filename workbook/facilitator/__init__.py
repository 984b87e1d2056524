"""The facilitator's overview: many teams' plans side by side and combined.

Plans come from two places, and both give a list of :class:`TeamPlan`:

- :func:`teams_from_store` — every plan of a store (live, when the teams in the room share
  one store); :func:`room_teams` — the same by name, as the room's overview lists them;
- :func:`teams_from_files` — exported or hand-made planning files (a folder, paths, or
  ``(filename, bytes)`` pairs from an upload widget). Each file becomes a plan of its own,
  named after its team: the *Plan* sheet's name when the file has one (an xlsx export
  does), else the file name without extension ("_" read as a space). The frames are
  built from the validated records, the same frames a store would give; no store is
  written, the facilitator's own least of all. A refused file does not stop the others:
  it is returned with its problems — a Plan sheet whose name, project, organisation or
  period is no valid plan (say a control character, or an end before the start) refuses
  the file too, placed at its row, as does a file name that is no valid team name.
  :func:`import_team_files` puts the same files into a real store instead.

Teams are columns side by side, so every combined frame first gives them distinct names
(:func:`distinct_teams`): a second "Team Brugge" — the same plan in the store and in a
file, or two files naming the same team — is shown as "Team Brugge (2)", the way an
import into a store names it; the teams' sources tell them apart in the Teams frame.

The combined frames (headings in the chosen language): :func:`combined_activities`,
:func:`activities_per_team`, :func:`totals_per_context`, :func:`totals_per_level`,
:func:`totals_per_channel`, :func:`coverage_gaps`, :func:`all_indicators`; and the
combined overview as :func:`overview_xlsx_bytes` and :func:`overview_html`.

Counting rules: deleted and cancelled activities count nowhere. An activity counts once
per level cell (intern/extern × micro/meso/macro) it reaches, through the catalog's tags
of its target groups or the tags a team gave its own groups; untagged own groups count in
no cell. "Gemeten" of an indicator is the sum of its measurements up to today (kind
*cumulatief*) or the last reading up to today (kind *stand*).

A package: :mod:`.teams` gathers the plans, :mod:`.combined` combines them (pure
functions of the frames), :mod:`.files` writes the combined overview.
"""

from __future__ import annotations

from .combined import (
    activities_per_team,
    all_indicators,
    combined_activities,
    coverage_gaps,
    distinct_teams,
    for_projector,
    totals_per_channel,
    totals_per_context,
    totals_per_level,
)
from .files import overview_frames, overview_html, overview_xlsx_bytes
from .teams import (
    TEAM_FILE_SUFFIXES,
    TeamPlan,
    import_team_files,
    room_teams,
    team_files,
    team_name,
    teams_from_files,
    teams_from_store,
)

__all__ = [
    "for_projector", "TEAM_FILE_SUFFIXES", "TeamPlan", "activities_per_team", "all_indicators",
    "combined_activities", "coverage_gaps", "distinct_teams", "import_team_files",
    "overview_frames", "overview_html", "overview_xlsx_bytes", "team_files", "team_name",
    "room_teams", "teams_from_files", "teams_from_store", "totals_per_channel",
    "totals_per_context", "totals_per_level",
]
