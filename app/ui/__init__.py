"""Widgets. Nothing under app.ui imports torch or transformers: the window must appear before either loads."""
