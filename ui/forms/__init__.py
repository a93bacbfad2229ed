"""One form framework for the record editors: field declarations (``fields``), one binding of
widget to value, one undoable field command, one resource table and the record-form base that
owns dirty state, leaving, errors and conflicts. Editors are declarations on top of it."""
