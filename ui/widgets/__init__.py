"""Reusable input widgets of the desktop application."""
