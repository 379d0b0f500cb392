"""Input from outside and output to a terminal or a file, made safe: capped reads,
hostile JSON refused, URLs without passwords, control characters shown not obeyed."""
