#!/usr/bin/env python3
"""ONNX Runtime CPU inference throughput of the same random-init ResNet-50.

Loads bench/data/resnet50_random.pth (written by torch_resnet50.py; fc replaced
by Identity, so the output is the 2048-d pooled feature), exports it to
bench/data/resnet50_random.onnx (opset 17, dynamic batch axis) if missing, and
times onnxruntime's CPUExecutionProvider with intra_op_num_threads=2,
inter_op_num_threads=1, sequential execution, ORT_ENABLE_ALL graph
optimisations. Batch sizes 1, 16 and 64 (--batches).

Also checks the ORT output on the fixed reference input against the saved torch
features (max abs / relative difference).

Prints a single JSON line at the end.
"""
import argparse
import json
import os
import statistics
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
# Adapted copy of shared/bench/onnx_resnet50.py for scripts/bench: the only change is that reference
# data goes to $SSL_BENCH_DATA (default ~/.cache/ssl-bench), never into the repository.
DATA = os.environ.get("SSL_BENCH_DATA", os.path.expanduser("~/.cache/ssl-bench"))
FLOPS_PER_IMAGE = 8.2e9


def export(onnx_path, arch="resnet50"):
    import torch
    import torch.nn as nn
    import torchvision
    torch.set_num_threads(2)
    model = getattr(torchvision.models, arch)(weights=None)
    model.fc = nn.Identity()
    model.load_state_dict(torch.load(os.path.join(DATA, f"{arch}_random.pth")))
    model.eval()
    x = torch.randn(1, 3, 224, 224)
    kw = dict(input_names=["input"], output_names=["features"],
              dynamic_axes={"input": {0: "batch"}, "features": {0: "batch"}},
              opset_version=17, do_constant_folding=True)
    try:   # torch >= 2.9 defaults to the dynamo exporter (needs onnxscript); use the TorchScript one
        torch.onnx.export(model, (x,), onnx_path, dynamo=False, **kw)
    except TypeError:
        torch.onnx.export(model, (x,), onnx_path, **kw)


def prepare(regen=False):
    """Export bench/data/resnet50_random.onnx if missing (needs resnet50_random.pth)."""
    onnx_path = os.path.join(DATA, "resnet50_random.onnx")
    if regen or not os.path.exists(onnx_path):
        export(onnx_path)
    return onnx_path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batches", default="1,16,64")
    ap.add_argument("--min-time", type=float, default=6.0)
    ap.add_argument("--regen", action="store_true", help="re-export the .onnx file")
    args = ap.parse_args()

    onnx_path = prepare(args.regen)

    import onnxruntime as ort
    so = ort.SessionOptions()
    so.intra_op_num_threads = args.threads
    so.inter_op_num_threads = 1
    so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    t0 = time.perf_counter()
    sess = ort.InferenceSession(onnx_path, sess_options=so, providers=["CPUExecutionProvider"])
    load_s = time.perf_counter() - t0
    inp = sess.get_inputs()[0].name

    x_ref = np.load(os.path.join(DATA, "ref_input_8x3x224x224.npy"))
    y = sess.run(None, {inp: x_ref})[0].astype(np.float64)
    ref32 = np.load(os.path.join(DATA, "resnet50_random_features.npy")).astype(np.float64)
    ref64 = np.load(os.path.join(DATA, "resnet50_random_features_fp64.npy"))
    scale = np.abs(ref64).max()

    res = {"bench": "onnx_resnet50", "date": time.strftime("%Y-%m-%d %H:%M:%S"),
           "onnxruntime": ort.__version__, "intra_op_num_threads": args.threads,
           "session_load_s": load_s,
           "reference_check": {"max_abs_vs_torch_fp32": float(np.abs(y - ref32).max()),
                               "max_rel_vs_fp64": float(np.abs(y - ref64).max() / scale)},
           "resnet50": {}}
    rng = np.random.default_rng(123)
    for b in [int(s) for s in args.batches.split(",")]:
        x = rng.standard_normal((b, 3, 224, 224), dtype=np.float32)
        for _ in range(1 if b >= 16 else 3):
            sess.run(None, {inp: x})
        ts = []
        min_iters = 3 if b >= 64 else 5
        start = time.perf_counter()
        while len(ts) < min_iters or time.perf_counter() - start < args.min_time:
            t0 = time.perf_counter()
            sess.run(None, {inp: x})
            ts.append(time.perf_counter() - t0)
        tmin, tmed = min(ts), statistics.median(ts)
        res["resnet50"][f"b{b}"] = {
            "iters": len(ts), "t_batch_min_s": tmin, "t_batch_median_s": tmed,
            "img_s_best": b / tmin, "img_s_median": b / tmed,
            "gflops_best": b / tmin * FLOPS_PER_IMAGE * 1e-9,
            "gflops_median": b / tmed * FLOPS_PER_IMAGE * 1e-9}
    print(json.dumps(res))


if __name__ == "__main__":
    main()
