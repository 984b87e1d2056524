"""Figures as PNG bytes for the notebook's picture widgets, redrawn only where they changed.

:func:`figure_png` turns any figure into PNG bytes. :class:`IndicatorPicture` keeps one
indicator's chart alive between measurements: the first picture draws everything and
keeps the pixels of the chart's frame (axes, references, titles); as long as the frame
stays the same, a new picture pastes those pixels back and draws only the data layer on
top — the measured line, its points and the status label (what Matplotlib calls
blitting). That is what makes recording a measurement feel instant in the room.
"""

from __future__ import annotations

import io

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from . import charts

#: Resolution of the pictures in the notebook: sharp on a projector, light in the browser.
DPI = 80

#: Light compression: the picture goes over the local websocket, zlib time is what shows.
COMPRESS_LEVEL = 1


def figure_png(figure: Figure, dpi: int = DPI) -> bytes:
    """``figure`` as PNG bytes (Agg, no pyplot state); the figure is emptied afterwards."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor="white",
                   pil_kwargs={"compress_level": COMPRESS_LEVEL})
    figure.clear()
    return buffer.getvalue()


def _canvas_png(canvas: FigureCanvasAgg) -> bytes:
    image = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(),
                             "raw", "RGBA", 0, 1)
    buffer = io.BytesIO()
    image.save(buffer, format="png", compress_level=COMPRESS_LEVEL)
    return buffer.getvalue()


class IndicatorPicture:
    """One indicator's chart (full screen, or a small panel when ``compact``) as PNG bytes.

    :meth:`render` draws the whole chart when its frame changed (another indicator, its
    target, deadline or name, the scales, today, the language) and otherwise only the data
    layer over the kept frame. The bytes are the same either way.
    """

    def __init__(self, compact: bool = False, dpi: int = DPI) -> None:
        self.compact = compact
        self.dpi = dpi
        self.figure: Figure | None = None
        self._canvas: FigureCanvasAgg | None = None
        self._frame_pixels = None
        self._frame_key: tuple | None = None
        self._data_key: tuple | None = None
        self.full_draws = 0
        self.data_draws = 0

    def render(self, view: charts.IndicatorView, lang: str) -> bytes | None:
        """PNG bytes of ``view``; None when the picture would be the same as the last one."""
        frame_key, data_key = (view.frame_key(), lang), view.data_key()
        if frame_key == self._frame_key and data_key == self._data_key:
            return None
        if frame_key == self._frame_key:
            charts.update_data(self.figure.axes[0], view, lang, self.compact)
            self._canvas.restore_region(self._frame_pixels)
            self.data_draws += 1
        else:
            self._draw_frame(view, lang)
            self.full_draws += 1
        for artist in charts.data_artists(self.figure.axes[0]):
            self.figure.draw_artist(artist)
        self._frame_key, self._data_key = frame_key, data_key
        return _canvas_png(self._canvas)

    def _draw_frame(self, view: charts.IndicatorView, lang: str) -> None:
        self.figure = charts.view_figure(view, lang, compact=self.compact)
        self.figure.set_dpi(self.dpi)
        self._canvas = FigureCanvasAgg(self.figure)
        for artist in charts.data_artists(self.figure.axes[0]):
            artist.set_animated(True)  # left out of draw(): the frame's pixels stay clean
        self._canvas.draw()
        self._frame_pixels = self._canvas.copy_from_bbox(self.figure.bbox)
