"""User interfaces: the command line (``ui.cli``, no Qt) and the PySide6 desktop application."""
