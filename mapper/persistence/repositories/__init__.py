"""Repositories: all SQL of the landscape database, one module per aggregate (actors, problems,
partnerships, boundaries, settings); services call these and never build statements."""
