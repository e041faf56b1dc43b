"""The terminal front end: the table as plain text, the line-by-line game loop and its summary."""
