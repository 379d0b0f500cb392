"""Package data, each file written by a script in bench/ (never downloaded at run time).

- checkworthiness.bin: the linear check-worthiness model (bench/train_checkworthiness_linear.py;
  `CheckworthinessModel.to_bytes`, packed arrays that load ~10x faster than JSON).
- verb_forms.txt: "-s" forms that news and debate text uses as verbs far more than as
  nouns, read by `claims.spans.tokens.is_verb` (bench/build_verb_lexicon.py); see NOTICE.
- word_vectors.bin, word_vectors.json, wordpiece_vocab.txt: static word-piece vectors
  distilled from sentence-transformers/all-MiniLM-L6-v2 and its vocabulary
  (bench/build_word_vectors.py); see NOTICE.
"""
