"""Package data: checkworthiness.json, written by bench/train_checkworthiness.py."""
