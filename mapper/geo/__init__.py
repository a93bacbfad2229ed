"""Administrative boundaries (DAGI): the layers and their codes (``layers``), reading boundary
files (``boundaries``, with geopandas), what reading yields (``model``) and point lookups
(``lookup``). No database here: ``mapper.services.geo`` stores the shapes and asks the lookups.
"""
