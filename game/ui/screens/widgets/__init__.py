"""Widgets the game screens need beyond the kit: documents, chips, the tension chart."""
