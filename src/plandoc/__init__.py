"""plandoc: check, render and read behavioral-health and substance-use treatment plans."""

__version__ = "0.1.0"
