"""The review workflow without Textual: which document opens, the session that
records verdicts, and a reviewer's hand on a claim's span."""
