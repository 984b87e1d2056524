"""Figures as PNG bytes for the notebook's picture widgets, redrawn only where they changed.

:func:`figure_png` turns any figure into PNG bytes. :class:`IndicatorPicture` keeps one
indicator's chart alive between measurements: the first picture draws everything and
keeps the pixels of the chart's frame (axes, references, titles); as long as the frame
stays the same, a new picture pastes those pixels back and draws only the data layer on
top — the measured line, its points and the status label (what Matplotlib calls
blitting). That is what makes recording a measurement feel instant in the room.
"""

from __future__ import annotations

import struct
import zlib

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from . import charts

#: Resolution of the pictures in the notebook: sharp on a projector, light in the browser.
DPI = 80

#: Light compression: the picture goes over the local websocket, zlib time is what shows.
COMPRESS_LEVEL = 1


def figure_png(figure: Figure, dpi: int = DPI) -> bytes:
    """``figure`` as PNG bytes at ``dpi`` (Agg, no pyplot state)."""
    figure.set_dpi(dpi)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    return canvas_png(canvas)


def canvas_png(canvas: FigureCanvasAgg) -> bytes:
    """What ``canvas`` shows, as a PNG with unfiltered rows.

    Pillow (what ``savefig`` uses) always picks a PNG filter per row, which took three
    quarters of the time of a picture here (17 of 22 ms for a full-size chart) and buys
    nothing for charts: flat colours compress as well unfiltered (57 kB instead of 59 kB).
    The format is the PNG specification's simplest case, written with the standard
    library's zlib; Pillow reads the result back pixel for pixel (see the tests).
    """
    pixels = np.asarray(canvas.buffer_rgba())
    height, width, _ = pixels.shape
    rows = np.zeros((height, width * 4 + 1), dtype=np.uint8)  # filter byte 0: none
    rows[:, 1:] = pixels.reshape(height, width * 4)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"".join((
        b"\x89PNG\r\n\x1a\n",
        _chunk(b"IHDR", header),
        _chunk(b"IDAT", zlib.compress(rows.tobytes(), COMPRESS_LEVEL)),
        _chunk(b"IEND", b""),
    ))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data)))


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
        return canvas_png(self._canvas)

    def _draw_frame(self, view: charts.IndicatorView, lang: str) -> None:
        self.figure = charts.view_figure(view, lang, compact=self.compact)
        self.figure.set_dpi(self.dpi)
        self._canvas = FigureCanvasAgg(self.figure)
        for artist in charts.data_artists(self.figure.axes[0]):
            artist.set_animated(True)  # left out of draw(): the frame's pixels stay clean
        self._canvas.draw()
        self._frame_pixels = self._canvas.copy_from_bbox(self.figure.bbox)
