"""Tests of the built installable application (dist/frivillighedskortet, scripts/bundle.sh)."""
