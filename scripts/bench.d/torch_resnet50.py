#!/usr/bin/env python3
"""PyTorch CPU inference throughput of torchvision ResNet-50 (and ResNet-18),
plus the reference data a reimplementation is checked against.

Model: torchvision.models.resnet50(weights=None) built right after
torch.manual_seed(0) (random init), fc replaced by nn.Identity so the output
is the 2048-d global-average-pooled feature; eval mode; torch.inference_mode().
Threads: torch.set_num_threads(2) (override with --threads).

Memory allocator matters a lot here: with glibc malloc every activation buffer
over 32 MiB is a fresh mmap, so each forward pass page-faults its activations in
again (system time is 27 % of CPU time at batch 16 and 42 % at batch 64, and
throughput falls as the batch grows). run_all.sh therefore runs this script twice: as is, and with
LD_PRELOAD=libtcmalloc_minimal.so.4 (Debian package libtcmalloc-minimal4), which
keeps freed memory for reuse; the JSON's "allocator" field says which.

Timing: for each batch size (default 1, 16, 64) at 3x224x224 float32 NCHW, a
warm-up, then repeated forward passes until both a minimum count and a minimum
time are reached. Reports images/s (best = from the fastest pass, median = from
the median pass) and effective GFLOP/s = images/s * 8.2e9 (ResNet-50 forward
~4.1e9 multiply-adds per 224x224 image; the exact MAC count of the conv+fc layers
is counted with hooks and reported too).

Reference data (written to bench/data/ if missing, or always with --regen):
  resnet50_random.pth / .safetensors    state_dict right after manual_seed(0)
  resnet18_random.pth / .safetensors    same for resnet18 (seed 0 as well)
  ref_input_8x3x224x224.npy             torch.manual_seed(1); torch.randn(8,3,224,224)
  resnet50_random_features.npy          (8, 2048) float32 output of the fp32 model
  resnet50_random_features_fp64.npy     (8, 2048) float64 output of model.double()
  resnet18_random_features.npy          (8, 512)  float32
  resnet18_random_features_fp64.npy     (8, 512)  float64
  *_bnstats variants                    same weights but every BatchNorm's
                                        running_mean/var, weight, bias replaced
                                        by random values (seed 2), so that a
                                        reimplementation's BN handling is actually
                                        exercised (with the default init BN is an
                                        identity map: mean 0, var 1, w 1, b 0)
  *.keys.json                           name, shape, dtype of every state_dict entry

Every timing run also re-computes the features of the fixed input and reports
the max abs / relative deviation from the saved fp32 and fp64 references (the
noise floor a reimplementation can be compared against).

Prints a single JSON line at the end.
"""
import argparse
import json
import os
import statistics
import time

import numpy as np
import torch
import torch.nn as nn
import torchvision

HERE = os.path.dirname(os.path.abspath(__file__))
# Adapted copy of shared/bench/torch_resnet50.py for scripts/bench: the only change is that reference
# data goes to $SSL_BENCH_DATA (default ~/.cache/ssl-bench), never into the repository.
DATA = os.environ.get("SSL_BENCH_DATA", os.path.expanduser("~/.cache/ssl-bench"))
FLOPS_PER_IMAGE_R50 = 8.2e9   # 2 * 4.1e9 MACs, the conventional figure
FLOPS_PER_IMAGE_R18 = 3.6e9   # 2 * 1.8e9 MACs


def build(arch, seed=0):
    torch.manual_seed(seed)
    model = getattr(torchvision.models, arch)(weights=None)
    model.fc = nn.Identity()
    return model.eval()


def randomize_bn(model, seed=2):
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.BatchNorm2d):
                c = m.num_features
                m.running_mean.copy_(torch.randn(c, generator=g) * 0.1)
                m.running_var.copy_(torch.rand(c, generator=g) * 1.5 + 0.5)   # [0.5, 2)
                m.weight.copy_(torch.rand(c, generator=g) * 0.5 + 0.75)       # [0.75, 1.25)
                m.bias.copy_(torch.randn(c, generator=g) * 0.1)
    return model


def count_macs(model, x):
    macs = [0]

    def conv_hook(m, inp, out):
        k = m.kernel_size[0] * m.kernel_size[1] * (m.in_channels // m.groups)
        macs[0] += out.numel() * k

    def lin_hook(m, inp, out):
        macs[0] += out.numel() * m.in_features

    hs = []
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            hs.append(m.register_forward_hook(conv_hook))
        elif isinstance(m, nn.Linear):
            hs.append(m.register_forward_hook(lin_hook))
    with torch.inference_mode():
        model(x)
    for h in hs:
        h.remove()
    return macs[0] / x.shape[0]


def save_state(model, stem):
    sd = model.state_dict()
    torch.save(sd, os.path.join(DATA, stem + ".pth"))
    try:
        from safetensors.torch import save_file
        save_file({k: v.contiguous() for k, v in sd.items()},
                  os.path.join(DATA, stem + ".safetensors"))
        os.chmod(os.path.join(DATA, stem + ".safetensors"), 0o644)
    except ImportError:
        pass
    keys = [{"name": k, "shape": list(v.shape), "dtype": str(v.dtype).replace("torch.", "")}
            for k, v in sd.items()]
    with open(os.path.join(DATA, stem + ".keys.json"), "w") as f:   # one entry per line, file order
        f.write("[\n" + ",\n".join(json.dumps(e) for e in keys) + "\n]\n")


def ensure_reference(regen):
    os.makedirs(DATA, exist_ok=True)
    inp_path = os.path.join(DATA, "ref_input_8x3x224x224.npy")
    if regen or not os.path.exists(inp_path):
        torch.manual_seed(1)
        x = torch.randn(8, 3, 224, 224)
        np.save(inp_path, x.numpy())
    x = torch.from_numpy(np.load(inp_path))
    for arch in ("resnet50", "resnet18"):
        for variant in ("", "_bnstats"):
            stem = f"{arch}_random{variant}"
            feat_path = os.path.join(DATA, stem + "_features.npy")
            if not regen and os.path.exists(feat_path) and os.path.exists(os.path.join(DATA, stem + ".pth")):
                continue
            model = build(arch)
            if variant:
                randomize_bn(model)
            save_state(model, stem)
            with torch.inference_mode():
                np.save(feat_path, model(x).numpy())
                m64 = build(arch)
                if variant:
                    randomize_bn(m64)
                m64 = m64.double()
                np.save(os.path.join(DATA, stem + "_features_fp64.npy"), m64(x.double()).numpy())
    return x


def check_reference(model, stem, x):
    with torch.inference_mode():
        y = model(x).numpy().astype(np.float64)
    ref32 = np.load(os.path.join(DATA, stem + "_features.npy")).astype(np.float64)
    ref64 = np.load(os.path.join(DATA, stem + "_features_fp64.npy"))
    scale = np.abs(ref64).max()
    return {
        "max_abs_vs_saved_fp32": float(np.abs(y - ref32).max()),
        "max_abs_vs_fp64": float(np.abs(y - ref64).max()),
        "max_rel_vs_fp64": float(np.abs(y - ref64).max() / scale),
        "saved_fp32_max_rel_vs_fp64": float(np.abs(ref32 - ref64).max() / scale),
        "feature_abs_max": float(scale),
        "feature_mean": float(ref64.mean()),
    }


def time_model(model, batch, min_iters, min_time, warmup, channels_last=False):
    torch.manual_seed(123)
    x = torch.randn(batch, 3, 224, 224)
    if channels_last:
        x = x.contiguous(memory_format=torch.channels_last)
    ts = []
    with torch.inference_mode():
        for _ in range(warmup):
            model(x)
        t_start = time.perf_counter()
        while len(ts) < min_iters or (time.perf_counter() - t_start) < min_time:
            t0 = time.perf_counter()
            model(x)
            ts.append(time.perf_counter() - t0)
    tmin, tmed = min(ts), statistics.median(ts)
    return {"iters": len(ts), "t_batch_min_s": tmin, "t_batch_median_s": tmed,
            "img_s_best": batch / tmin, "img_s_median": batch / tmed}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batches", default="1,16,64")
    ap.add_argument("--min-time", type=float, default=6.0, help="min timed seconds per batch size")
    ap.add_argument("--regen", action="store_true", help="rewrite the reference data in bench/data")
    ap.add_argument("--no-channels-last", action="store_true")
    ap.add_argument("--no-resnet18", action="store_true")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    x_ref = ensure_reference(args.regen)

    res = {"bench": "torch_resnet50", "date": time.strftime("%Y-%m-%d %H:%M:%S"),
           "torch": torch.__version__, "torchvision": torchvision.__version__,
           "threads": torch.get_num_threads(),
           "allocator": os.path.basename(os.environ.get("LD_PRELOAD", "")) or "glibc malloc",
           "flops_per_image_assumed": FLOPS_PER_IMAGE_R50}
    model = build("resnet50")
    res["macs_per_image_counted"] = count_macs(model, x_ref[:1])
    res["reference_check"] = check_reference(model, "resnet50_random", x_ref)
    res["reference_check_bnstats"] = check_reference(randomize_bn(build("resnet50")), "resnet50_random_bnstats", x_ref)

    batches = [int(b) for b in args.batches.split(",")]
    res["resnet50"] = {}
    for b in batches:
        r = time_model(model, b, min_iters=3 if b >= 64 else 5, min_time=args.min_time,
                       warmup=1 if b >= 16 else 3)
        r["gflops_best"] = r["img_s_best"] * FLOPS_PER_IMAGE_R50 * 1e-9
        r["gflops_median"] = r["img_s_median"] * FLOPS_PER_IMAGE_R50 * 1e-9
        res["resnet50"][f"b{b}"] = r
    if not args.no_channels_last:
        mcl = model.to(memory_format=torch.channels_last)
        res["resnet50_channels_last"] = {}
        for b in [b for b in batches if b >= 16]:
            r = time_model(mcl, b, min_iters=3, min_time=args.min_time, warmup=1, channels_last=True)
            r["gflops_best"] = r["img_s_best"] * FLOPS_PER_IMAGE_R50 * 1e-9
            r["gflops_median"] = r["img_s_median"] * FLOPS_PER_IMAGE_R50 * 1e-9
            res["resnet50_channels_last"][f"b{b}"] = r
    if not args.no_resnet18:
        m18 = build("resnet18")
        res["resnet18_macs_per_image_counted"] = count_macs(m18, x_ref[:1])
        res["resnet18_reference_check"] = check_reference(m18, "resnet18_random", x_ref)
        res["resnet18"] = {}
        for b in [b for b in batches if b >= 16]:
            r = time_model(m18, b, min_iters=3, min_time=args.min_time / 2, warmup=1)
            r["gflops_best"] = r["img_s_best"] * FLOPS_PER_IMAGE_R18 * 1e-9
            r["gflops_median"] = r["img_s_median"] * FLOPS_PER_IMAGE_R18 * 1e-9
            res["resnet18"][f"b{b}"] = r
    print(json.dumps(res))


if __name__ == "__main__":
    main()
