"""lzfk — 廉政风险防控 (integrity-risk prevention and control) registers and forms."""

__version__ = "0.1.0"
