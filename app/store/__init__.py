"""Persistence: settings, documents, conversations, recovery files."""
