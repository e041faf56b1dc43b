"""The window's network screens: hosting a classroom game, joining one, rejoining after a drop."""
