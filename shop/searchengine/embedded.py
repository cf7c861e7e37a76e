from haystack.backends.simple_backend import SimpleEngine as EmbeddedEngine  # noqa: F401 - replaced by the tantivy engine
