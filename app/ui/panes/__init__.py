"""Task panes docked beside the editor (chat, summarize, translate)."""
