"""Charts of the progress review and the plan overview: store frames in, a Figure out.

Every function builds a :class:`matplotlib.figure.Figure` with the object API (no pyplot
state, nothing displayed) from the frames of :meth:`Store.plan_tables`; the numbers come
from :mod:`workbook.analysis`. The figures are made for a projector: large type,
nothing cut off, the Okabe–Ito colour-blind-safe palette, and never colour alone (every
status is also written out, empty cells are hatched and labelled). The indicator charts,
drawn by the hundred, get margins measured from their own texts (see ``_fixed_margins``)
and come in two layers, frame and data (see :class:`IndicatorView`); the overview charts,
drawn once, use constrained layout.

Artists a test or a form may look for carry a ``gid``: ``measured``, ``measured_points``,
``target``, ``pace``, ``deadline``, ``today``, ``status``, ``no_data``, ``context:<id>``,
``event:<id>``, ``cost:<key>``, ``cell:<scope>:<tier>`` and ``empty:<scope>:<tier>``.

A package: :mod:`.common` (palette, sizes, helpers), :mod:`.indicator` (one indicator),
:mod:`.plan` (the plan's timeline, costs and coverage), :mod:`.describe` (each chart's text
alternative, from the same numbers).
"""

from __future__ import annotations

from .common import BIG as BIG
from .common import BLACK as BLACK
from .common import BLUE as BLUE
from .common import CONTEXT_COLOURS as CONTEXT_COLOURS
from .common import GREEN as GREEN
from .common import GREY as GREY
from .common import ORANGE as ORANGE
from .common import PANEL as PANEL
from .common import PURPLE as PURPLE
from .common import SKY as SKY
from .common import SMALL as SMALL
from .common import STATUS_COLOURS as STATUS_COLOURS
from .common import TEXTS as TEXTS
from .common import TITLE_Y as TITLE_Y
from .common import VERMILLION as VERMILLION
from .common import VERMILLION_TEXT as VERMILLION_TEXT
from .common import WIDE as WIDE
from .common import contrast_ratio as contrast_ratio
from .common import ink_on as ink_on
from .common import month_ticks as month_ticks
from .describe import cost_by_channel_description as cost_by_channel_description
from .describe import cost_by_context_description as cost_by_context_description
from .describe import coverage_description as coverage_description
from .describe import indicator_description as indicator_description
from .describe import legend_description as legend_description
from .describe import timeline_description as timeline_description
from .indicator import DATA_GIDS as DATA_GIDS
from .indicator import IndicatorView as IndicatorView
from .indicator import _nice_ceiling as _nice_ceiling
from .indicator import data_artists as data_artists
from .indicator import indicator_chart as indicator_chart
from .indicator import indicator_panel as indicator_panel
from .indicator import indicator_view as indicator_view
from .indicator import panel_legend as panel_legend
from .indicator import update_data as update_data
from .indicator import view_figure as view_figure
from .plan import cost_by_channel_chart as cost_by_channel_chart
from .plan import cost_by_context_chart as cost_by_context_chart
from .plan import coverage_chart as coverage_chart
from .plan import timeline_chart as timeline_chart
