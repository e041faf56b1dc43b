"""Front-end tests: widgets, screens, golden screenshots, random input."""
