"""Model backends. `base` is import-safe everywhere; `local` imports torch and runs only in the model host or CLI."""
