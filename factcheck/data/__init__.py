"""Package data, each file written by a script in bench/ (never downloaded at run time).

- checkworthiness.bin: the linear check-worthiness model (bench/train_checkworthiness_linear.py;
  `CheckworthinessModel.to_bytes`, packed arrays that load ~10x faster than JSON).
- word_vectors.bin, word_vectors.json, wordpiece_vocab.txt: static word-piece vectors
  distilled from sentence-transformers/all-MiniLM-L6-v2 and its vocabulary
  (bench/build_word_vectors.py); see NOTICE.
"""
