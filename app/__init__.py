"""Inkwell: a local-first AI writing desk."""

__version__ = "0.1.0"
APP_NAME = "Inkwell"
