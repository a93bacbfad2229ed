"""Qt item models over immutable rows from the services (tested without widgets)."""
