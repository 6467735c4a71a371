#!/usr/bin/env python3
"""Data and sklearn anchor for the `EvalBenchmarks` Swift suite (issue #6).

Writes the Pets-sized synthetic features of ../shared/bench/synthetic_features.py, prepared
exactly as ../shared/bench/sklearn_linear.py prepares them, as raw little-endian files into
OUT (default $TMPDIR/ssl-eval-bench, never into the repository or ../shared):

  sweep_train.f32  [2944, 2048]  StandardScaler(fit on the 2944) applied to the sub-train rows
  sweep_val.f32    [736, 2048]   the same scaler on the stratified 20 % val rows
  refit_train.f32  [3680, 2048]  StandardScaler(fit on all 3680) on all train rows
  refit_test.f32   [3669, 2048]  the same scaler on the test rows
  fewshot_X.f32    [3669, 2048]  raw test features (fewshot_numpy.py's input)
  *.i64                          labels; fewshot_episodes.i64 [600, 5, 35]; fewshot_acc.f64
  meta.json                      shapes

With --sklearn it also runs sklearn_linear.py's warm sweep + cold refit (float32, max_iter 1000,
tol 1e-4, 2 threads) and fewshot_numpy.py's loop, and prints one JSON line with their timings.
The features come from synthetic_features.make_features() (seed 0), so nothing depends on
../shared/bench/data existing.
"""
import argparse
import json
import os
import sys
import tempfile
import time

import numpy as np

BENCH = os.path.join(os.path.dirname(os.path.realpath(__file__)), "..", "..", "..", "shared", "bench")
sys.path.insert(0, os.path.abspath(os.environ.get("SSL_SHARED_BENCH", BENCH)))
from synthetic_features import make_features  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "ssl-eval-bench"))
    ap.add_argument("--sklearn", action="store_true")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import StandardScaler

    X_tr, y_tr, X_te, y_te = make_features()
    sub_idx, val_idx = train_test_split(np.arange(len(y_tr)), test_size=0.2, stratify=y_tr,
                                        random_state=0)
    sub_idx, val_idx = np.sort(sub_idx), np.sort(val_idx)
    sc = StandardScaler().fit(X_tr[sub_idx])
    A = sc.transform(X_tr[sub_idx]).astype(np.float32)
    V = sc.transform(X_tr[val_idx]).astype(np.float32)
    sc_full = StandardScaler().fit(X_tr)
    Af = sc_full.transform(X_tr).astype(np.float32)
    Tf = sc_full.transform(X_te).astype(np.float32)

    import fewshot_numpy as fs
    episodes = fs.sample_episodes(y_te)
    acc = fs.run_loop(X_te, episodes)

    def put(name, a, dt):
        np.ascontiguousarray(a, dtype=dt).tofile(os.path.join(args.out, name))

    put("sweep_train.f32", A, "<f4"); put("sweep_train.i64", y_tr[sub_idx], "<i8")
    put("sweep_val.f32", V, "<f4"); put("sweep_val.i64", y_tr[val_idx], "<i8")
    put("refit_train.f32", Af, "<f4"); put("refit_train.i64", y_tr, "<i8")
    put("refit_test.f32", Tf, "<f4"); put("refit_test.i64", y_te, "<i8")
    put("fewshot_X.f32", X_te, "<f4"); put("fewshot_y.i64", y_te, "<i8")
    put("fewshot_episodes.i64", episodes, "<i8"); put("fewshot_acc.f64", acc, "<f8")
    meta = {"n_sub": len(sub_idx), "n_val": len(val_idx), "n_train": len(y_tr),
            "n_test": len(y_te), "dim": X_tr.shape[1], "classes": int(y_tr.max() + 1),
            "episodes": list(episodes.shape)}
    with open(os.path.join(args.out, "meta.json"), "w") as f:
        json.dump(meta, f)
    if not args.sklearn:
        print(json.dumps({"bench": "eval_anchor", "prepared": args.out}))
        return

    import warnings
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits
    threadpool_limits(2)
    warnings.filterwarnings("ignore", category=ConvergenceWarning)
    C_grid = np.sort(1.0 / np.logspace(-6, 5, 45))
    y_sub, y_val = y_tr[sub_idx], y_tr[val_idx]
    # Warm sweep + cold refit, timed as sklearn_linear.py's "warm" total (standardise included).
    t0 = time.perf_counter()
    sc = StandardScaler().fit(X_tr[sub_idx])
    A2 = sc.transform(X_tr[sub_idx]).astype(np.float32)
    V2 = sc.transform(X_tr[val_idx]).astype(np.float32)
    model = LogisticRegression(C=C_grid[0], solver="lbfgs", max_iter=1000, tol=1e-4,
                               warm_start=True)
    accs, iters = [], []
    for C in C_grid:
        model.set_params(C=C)
        model.fit(A2, y_sub)
        accs.append(float((model.predict(V2) == y_val).mean()))
        iters.append(int(model.n_iter_[0]))
    best = int(np.flatnonzero(np.array(accs) == max(accs))[0])
    sc_full = StandardScaler().fit(X_tr)
    Af2 = sc_full.transform(X_tr).astype(np.float32)
    Tf2 = sc_full.transform(X_te).astype(np.float32)
    m = LogisticRegression(C=C_grid[best], solver="lbfgs", max_iter=1000, tol=1e-4).fit(Af2, y_tr)
    test_acc = float((m.predict(Tf2) == y_te).mean())
    total = time.perf_counter() - t0
    t1 = time.perf_counter()
    fs.run_loop(X_te, fs.sample_episodes(y_te))
    t_fs = time.perf_counter() - t1
    print(json.dumps({
        "bench": "eval_anchor", "sklearn_warm_total_s": total, "sklearn_best_C": float(C_grid[best]),
        "sklearn_best_index_ascending": best, "sklearn_val_accs": accs, "sklearn_iters": iters,
        "sklearn_refit_iters": int(m.n_iter_[0]), "sklearn_test_acc": test_acc,
        "numpy_fewshot_loop_total_s": t_fs, "numpy_fewshot_mean": float(acc.mean())}))


if __name__ == "__main__":
    main()
