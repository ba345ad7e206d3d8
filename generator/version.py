"""The version of plansite, one place for the package metadata, the cache keys and the PDF creator line."""

__version__ = "0.1.0"
