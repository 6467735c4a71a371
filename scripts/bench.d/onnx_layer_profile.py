#!/usr/bin/env python3
"""Per-node times of onnxruntime's ResNet-50, to set beside ours layer by layer.

Runs the ONNX model that onnx_resnet50.py exports ($SSL_BENCH_DATA/resnet50_random.onnx; run
`scripts/bench` once first) with ORT's profiler on, and prints each node's best time over the
timed runs (the first run is warm-up), in graph order, then the total. Same settings as the
throughput anchor (sequential execution, ORT_ENABLE_ALL) but the thread count and batch are
arguments, so that `--threads 1 --batch 8` matches what one of our two data-parallel workers
does at batch 16:

    python3 scripts/bench.d/onnx_layer_profile.py --threads 1 --batch 8
    SSL_BENCH=1 SSL_BENCH_PROFILE=1 SSL_BENCH_THREADS=1 SSL_BENCH_BATCHES=8 \\
      swift test -c release ... --filter ExtractionBenchmarks/layerProfile    # ours

ORT names a fused node after its output tensor (`/layer1/layer1.0/relu/Relu_output_0_nchwc`
is layer1.0's conv1 with its ReLU).
"""
import argparse
import collections
import json
import os
import tempfile

import numpy as np

DATA = os.environ.get("SSL_BENCH_DATA", os.path.expanduser("~/.cache/ssl-bench"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--runs", type=int, default=6)
    args = ap.parse_args()
    import onnxruntime as ort

    model = os.path.join(DATA, "resnet50_random.onnx")
    if not os.path.exists(model):
        raise SystemExit(f"{model} is missing: run scripts/bench once (it exports the model)")
    so = ort.SessionOptions()
    so.intra_op_num_threads = args.threads
    so.inter_op_num_threads = 1
    so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    so.enable_profiling = True
    so.profile_file_prefix = os.path.join(tempfile.mkdtemp(), "ort")
    session = ort.InferenceSession(model, so, providers=["CPUExecutionProvider"])
    x = np.random.default_rng(0).random((args.batch, 3, 224, 224), dtype=np.float32)
    for _ in range(args.runs + 1):
        session.run(None, {"input": x})
    with open(session.end_profiling()) as f:
        events = json.load(f)
    times = collections.defaultdict(list)
    ops = {}
    for event in events:
        name = event.get("name", "")
        if event.get("cat") == "Node" and name.endswith("_kernel_time"):
            node = name[: -len("_kernel_time")]
            times[node].append(event["dur"] / 1000)
            ops[node] = event.get("args", {}).get("op_name", "")
    total = 0.0
    for node, durations in times.items():
        best = min(durations[1:] or durations)
        total += best
        print(f"{best:8.2f} ms  {ops[node]:18s} {node}")
    print(f"{total:8.2f} ms  total, batch {args.batch}, {args.threads} thread(s), onnxruntime {ort.__version__}")


if __name__ == "__main__":
    main()
