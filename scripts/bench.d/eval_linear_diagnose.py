#!/usr/bin/env python3
"""Why does our chosen C differ from sklearn's on the EvalBenchmarks data? (issue #6)

Re-runs eval_linear_anchor.py's warm sklearn sweep (StandardScaler, max_iter 1000, tol 1e-4,
ascending C, ties -> first) with the data in float32 (what the bench does) and in float64, and
prints, per grid point, the validation accuracy, sklearn's n_iter and the max-abs gradient of
sklearn's scaled objective (mean CE + ||W||^2/(2Cn)) at the returned solution, in float64.
A gradient far above tol at an early stop means sklearn did not converge there (scipy's
relative-reduction test or a failed line search ended the fit, not pgtol).

  python3 scripts/bench.d/eval_linear_diagnose.py [--dtype float32|float64|both]
"""
import argparse
import json
import os
import sys
import time
import warnings

import numpy as np

BENCH = os.path.join(os.path.dirname(os.path.realpath(__file__)), "..", "..", "..", "shared", "bench")
sys.path.insert(0, os.path.abspath(os.environ.get("SSL_SHARED_BENCH", BENCH)))
from synthetic_features import make_features  # noqa: E402


def grad_inf(model, X, y, C):
    W = model.coef_.astype(np.float64); b = model.intercept_.astype(np.float64)
    z = X.astype(np.float64) @ W.T + b
    z -= z.max(axis=1, keepdims=True)
    p = np.exp(z); p /= p.sum(axis=1, keepdims=True)
    p[np.arange(len(y)), y] -= 1.0
    n = len(y)
    gW = p.T @ X.astype(np.float64) / n + W / (C * n)
    gb = p.sum(axis=0) / n
    return float(max(np.abs(gW).max(), np.abs(gb).max()))


def sweep(A, y_sub, V, y_val, C_grid):
    from sklearn.linear_model import LogisticRegression
    model = LogisticRegression(C=C_grid[0], solver="lbfgs", max_iter=1000, tol=1e-4, warm_start=True)
    rows = []
    for C in C_grid:
        model.set_params(C=C)
        model.fit(A, y_sub)
        rows.append({"C": float(C), "val_acc": float((model.predict(V) == y_val).mean()),
                     "n_iter": int(model.n_iter_[0]), "grad_inf": grad_inf(model, A, y_sub, C)})
    accs = np.array([r["val_acc"] for r in rows])
    return rows, int(np.flatnonzero(accs == accs.max())[0])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dtype", default="both", choices=["float32", "float64", "both"])
    args = ap.parse_args()
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import StandardScaler
    from threadpoolctl import threadpool_limits
    threadpool_limits(2)
    warnings.filterwarnings("ignore", category=ConvergenceWarning)
    X_tr, y_tr, _, _ = make_features()
    sub, val = train_test_split(np.arange(len(y_tr)), test_size=0.2, stratify=y_tr, random_state=0)
    sub, val = np.sort(sub), np.sort(val)
    sc = StandardScaler().fit(X_tr[sub])
    C_grid = np.sort(1.0 / np.logspace(-6, 5, 45))
    for dt in (["float32", "float64"] if args.dtype == "both" else [args.dtype]):
        A, V = sc.transform(X_tr[sub]).astype(dt), sc.transform(X_tr[val]).astype(dt)
        t0 = time.perf_counter()
        rows, best = sweep(A, y_tr[sub], V, y_tr[val], C_grid)
        print(json.dumps({"bench": "eval_linear_diagnose", "dtype": dt, "sweep_s": time.perf_counter() - t0,
                          "best_index": best, "best_C": rows[best]["C"], "fits": rows}), flush=True)


if __name__ == "__main__":
    main()
