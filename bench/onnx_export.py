"""The one torch -> int8 ONNX export of the package's MiniLM models (train only).

`bench/train_checkworthiness.py` (the check-worthiness classifier) and
`bench/export_sentence_encoder.py` (the evidence sentence encoder) both trace a wrapped
MiniLM with BERT's three inputs, dynamic batch and token axes, opset 17, then quantise
the weights to int8 for `factcheck/text/onnx_runtime.py`. They differ only in the
wrapper, its output name and the quantisation's scales, so those are the parameters.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

INPUT_NAMES = ["input_ids", "attention_mask", "token_type_ids"]
"""What `factcheck/text/onnx_runtime.py` feeds every shipped model."""


def export_int8(
    module: Any,
    example_inputs: tuple[Any, Any, Any],
    output_name: str,
    *,
    fp32_path: Path,
    int8_path: Path,
    per_channel: bool = False,
) -> float:
    """Trace `module` to `fp32_path`, quantise it to `int8_path`; its size in MB.

    `per_channel` gives each output channel of a weight matrix its own scale (the
    sentence encoder needs it: see bench/export_sentence_encoder.py).
    """
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    axes = {name: {0: "batch", 1: "tokens"} for name in INPUT_NAMES}
    torch.onnx.export(
        module,
        example_inputs,
        str(fp32_path),
        input_names=INPUT_NAMES,
        output_names=[output_name],
        dynamic_axes={**axes, output_name: {0: "batch"}},
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(
        str(fp32_path), str(int8_path), weight_type=QuantType.QInt8, per_channel=per_channel
    )
    return int8_path.stat().st_size / 1e6
