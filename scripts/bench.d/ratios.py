#!/usr/bin/env python3
"""Reads scripts/bench's JSON lines and prints Swift / anchor throughput ratios, one JSON
line per (model, batch) with every anchor that ran. PyTorch's figure is its best layout
(channels_last where measured, as in the bench README's "tuned PyTorch").

With several rounds (SSL_BENCH_ROUNDS), the k-th figure of each side belongs to round k: each
round's ratios are printed, then one line per (model, batch) with the median of the rounds'
ratios ("rounds": n). A median of ratios of figures taken minutes apart is robust to a round
that another job disturbed; a ratio of medians would not pair them."""
import json
import statistics
import sys
from collections import defaultdict


def read(path):
    """{(arch, batch): [images/s of round 1, round 2, ...]} for Swift, PyTorch, ORT."""
    swift, torch, onnx = defaultdict(list), defaultdict(list), defaultdict(list)
    for line in open(path):
        line = line.strip()
        if not line.startswith("{"):
            continue
        r = json.loads(line)
        name = r.get("bench", "")
        if name.startswith("swift_resnet") and "images_per_s" in r and "images" not in r:
            swift[(name[len("swift_"):], r["batch"])].append(r["images_per_s"])
        elif name == "torch_resnet50":
            best = {}
            for arch in ("resnet50", "resnet18"):
                for key, v in r.get(arch, {}).items():
                    best[(arch, int(key[1:]))] = v["img_s_median"]
            for key, v in r.get("resnet50_channels_last", {}).items():
                b = int(key[1:])
                best[("resnet50", b)] = max(best.get(("resnet50", b), 0), v["img_s_median"])
            for key, v in best.items():
                torch[key].append(v)
        elif name == "onnx_resnet50":
            for key, v in r["resnet50"].items():
                onnx[("resnet50", int(key[1:]))].append(v["img_s_median"])
    return swift, torch, onnx


def main(path):
    swift, torch, onnx = read(path)
    for (arch, batch), ours_rounds in sorted(swift.items()):
        rounds = len(ours_rounds)
        per_round = defaultdict(list)
        for k, ours in enumerate(ours_rounds):
            out = {"ratio": arch, "batch": batch, "swift_images_per_s": ours}
            if rounds > 1:
                out["round"] = k + 1
            for label, anchor in (("torch", torch), ("onnx", onnx)):
                figures = anchor.get((arch, batch), [])
                if k < len(figures):
                    out[f"{label}_images_per_s"] = round(figures[k], 2)
                    out[f"swift_over_{label}"] = round(ours / figures[k], 3)
                    per_round[label].append(ours / figures[k])
            print(json.dumps(out))
        if rounds > 1:
            summary = {"ratio": arch, "batch": batch, "rounds": rounds,
                       "swift_images_per_s_median": statistics.median(ours_rounds)}
            for label, ratios in per_round.items():
                summary[f"swift_over_{label}_median"] = round(statistics.median(ratios), 3)
                summary[f"swift_over_{label}_rounds"] = [round(x, 3) for x in ratios]
            print(json.dumps(summary))


if __name__ == "__main__":
    main(sys.argv[1])
