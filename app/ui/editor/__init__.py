"""The editor widget and the controllers that act on its document."""
