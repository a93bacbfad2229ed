"""Partner matching: hard gates, scored criteria, explainable rankings, 360° review, consortia.

``criteria.py`` defines each criterion as a pure function of one problem and one actor;
``index.py`` computes the same numbers for a whole register at once.
"""
