"""Dialogs and the questions the app asks the user."""
