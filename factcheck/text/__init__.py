"""Plain-text building blocks every layer shares: the word lists (`lexicon`) and the word
tokenizer with its stems (`words`). Pure; imports nothing else of factcheck."""
