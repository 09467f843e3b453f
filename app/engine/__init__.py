"""The model engine: data types, prompts and backends. Importing this package never imports torch."""
