"""Bundled resources (installed as the package `inkwell_resources`); find them with app.resources."""
