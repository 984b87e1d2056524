"""The ipywidgets forms of the notebooks: one module per exercise, widgets wired to the package.

Each module has a ``show()`` that a notebook calls in one cell, and form classes that tests
drive as a participant would (set widget values or ``.value``, call ``submit()``).
"""
