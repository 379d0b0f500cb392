"""Asking for evidence: a claim's context (`context`), the sources a session asks
(`source_factory`), and the one way to ask them (`suggest`), shared by the CLI, the
review screen and the Python API."""
