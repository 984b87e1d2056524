"""What every app-view kernel needs, loaded once in the fork server (workbook/kernels.py).

Nothing here opens the store: a database connection must never be shared by forks.
"""

import matplotlib

matplotlib.use("Agg")

import ipykernel.ipkernel  # noqa: E402,F401
import ipykernel.kernelapp  # noqa: E402,F401
import matplotlib_inline.backend_inline  # noqa: E402,F401

from workbook.forms import app  # noqa: E402

app.preload()
