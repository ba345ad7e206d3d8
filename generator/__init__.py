"""plansite: static report sites for public plans and their annual implementation checks."""

__version__ = "0.1.0"
