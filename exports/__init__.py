"""Exporters: pure functions from core data to files (HTML partner maps, GeoJSON, reports).

Imports only ``mapper``; never Qt.
"""
