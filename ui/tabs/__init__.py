"""The main window's areas, one class per tab; they receive only the services they use."""
