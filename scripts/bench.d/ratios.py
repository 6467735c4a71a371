#!/usr/bin/env python3
"""Reads scripts/bench's JSON lines and prints Swift / anchor throughput ratios, one JSON
line per (model, batch) with every anchor that ran. PyTorch's figure is its best layout
(channels_last where measured, as in the bench README's "tuned PyTorch")."""
import json
import sys


def main(path):
    swift, torch, onnx = {}, {}, {}
    for line in open(path):
        line = line.strip()
        if not line.startswith("{"):
            continue
        r = json.loads(line)
        name = r.get("bench", "")
        if name.startswith("swift_resnet") and "images_per_s" in r and "images" not in r:
            swift[(name[len("swift_"):], r["batch"])] = r["images_per_s"]
        elif name == "torch_resnet50":
            for arch in ("resnet50", "resnet18"):
                for key, v in r.get(arch, {}).items():
                    torch[(arch, int(key[1:]))] = v["img_s_median"]
            for key, v in r.get("resnet50_channels_last", {}).items():
                b = int(key[1:])
                torch[("resnet50", b)] = max(torch.get(("resnet50", b), 0), v["img_s_median"])
        elif name == "onnx_resnet50":
            for key, v in r["resnet50"].items():
                onnx[("resnet50", int(key[1:]))] = v["img_s_median"]
    for (arch, batch), ours in sorted(swift.items()):
        out = {"ratio": arch, "batch": batch, "swift_images_per_s": ours}
        if (arch, batch) in torch:
            out["torch_images_per_s"] = round(torch[(arch, batch)], 2)
            out["swift_over_torch"] = round(ours / torch[(arch, batch)], 3)
        if (arch, batch) in onnx:
            out["onnx_images_per_s"] = round(onnx[(arch, batch)], 2)
            out["swift_over_onnx"] = round(ours / onnx[(arch, batch)], 3)
        print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
