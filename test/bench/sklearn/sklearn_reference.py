"""scikit-learn on the bench's own datasets and splits, measured in the same run as our models.

Usage: python3 sklearn_reference.py DIGITS_CSV_GZ HOUSING_CSV [--rain-dir DIR]

Prints ONE JSON object on stdout (progress goes to stderr). DIR, when given, holds the rain
feature matrices that test/bench/sklearn-reference.ts writes with our own feature code
(rain-train.csv, rain-test.csv: 14 feature columns then the 0/1 label) and weather.csv, from
which the two baselines are recomputed independently of our code.
Only python3, numpy and scikit-learn (Debian's python3-sklearn) are needed.
"""

import os

# Our trainers and ONNX sessions use one thread: hold scikit-learn (BLAS, OpenMP in
# HistGradientBoosting) to one thread as well. Set before numpy is imported, which reads them.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")
for _name in THREAD_VARIABLES:
    os.environ[_name] = "1"

import argparse  # noqa: E402
import csv  # noqa: E402
import gzip  # noqa: E402
import json  # noqa: E402
import pickle  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from datetime import date, timedelta  # noqa: E402

import numpy as np  # noqa: E402

SINGLE_RUNS = 200
COLD_RUNS = 5


def log(line):
    print(f"sklearn: {line}", file=sys.stderr, flush=True)


def ms_since(start):
    return (time.perf_counter() - start) * 1000


def timed_ms(fn, runs, pick=statistics.median):
    """Runs fn `runs` times and returns pick() of the wall times in ms, and the last result."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(ms_since(start))
    return pick(times), result


def single_row_p50_us(predict, rows, runs=SINGLE_RUNS):
    """p50 of predict() on one row at a time (a 1-row 2-D array), cycling through rows, after 20 unmeasured."""
    samples = []
    for i in range(runs + 20):
        row = rows[i % len(rows)][None, :]
        start = time.perf_counter()
        predict(row)
        if i >= 20:
            samples.append((time.perf_counter() - start) * 1e6)
    return statistics.median(samples)


def fresh_python_ms(code, runs):
    """Median wall time of `python3 -c code` in a fresh process (spawn → exit), with the same thread settings."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, stdout=subprocess.DEVNULL)
        samples.append(ms_since(start))
    return statistics.median(samples)


def import_figures():
    """`import sklearn` and `from sklearn.svm import SVC`, each timed inside a fresh interpreter."""
    code = "import time; t = time.perf_counter(); {}; print((time.perf_counter() - t) * 1000)"
    result = {}
    for key, statement in (("import_sklearn_ms", "import sklearn"), ("import_svc_ms", "from sklearn.svm import SVC")):
        samples = []
        for _ in range(COLD_RUNS):
            out = subprocess.run([sys.executable, "-c", code.format(statement)], check=True, capture_output=True)
            samples.append(float(out.stdout))
        result[key] = statistics.median(samples)
    result["python_boot_ms"] = fresh_python_ms("pass", COLD_RUNS)
    return result


def measure_digits(path):
    from sklearn.svm import SVC

    with gzip.open(path, "rt") as f:
        data = np.loadtxt(f, delimiter=",")
    x, y = data[:, :-1], data[:, -1].astype(int)
    half = len(x) // 2  # train_test_split(test_size=0.5, shuffle=False): the first 898 rows train
    x_train, y_train, x_test, y_test = x[:half], y[:half], x[half:], y[half:]
    log(f"digits: SVC(gamma=0.001) on {half} rows, 1 unmeasured + 7 fits…")
    SVC(gamma=0.001).fit(x_train, y_train)
    fit_ms, model = timed_ms(lambda: SVC(gamma=0.001).fit(x_train, y_train), 7)
    model.predict(x_test)
    predict_ms, predicted = timed_ms(lambda: model.predict(x_test), 20)
    correct = int((predicted == y_test).sum())
    figures = {
        "train_rows": half,
        "test_rows": len(x_test),
        "accuracy": correct / len(x_test),
        "correct": correct,
        "support_vectors": int(model.n_support_.sum()),
        "fit_ms": fit_ms,
        "fit_runs": 7,
        "predict_all_ms": predict_ms,
        "predict_all_runs": 20,
        "single_p50_us": single_row_p50_us(model.predict, x_test),
    }
    # What a cold Python function pays before its first answer: interpreter, imports, model, one prediction.
    with tempfile.TemporaryDirectory() as folder:
        model_file = os.path.join(folder, "svc.pkl")
        with open(model_file, "wb") as f:
            pickle.dump(model, f)
        row = ",".join(str(v) for v in x_test[0])
        code = (
            "import pickle, numpy as np\n"
            f"model = pickle.load(open({model_file!r}, 'rb'))\n"
            f"print(model.predict(np.array([[{row}]]))[0])"
        )
        log(f"digits: {COLD_RUNS} cold starts (spawn python3 → unpickle → first prediction)…")
        figures["cold_start_ms"] = fresh_python_ms(code, COLD_RUNS)
    return figures


def read_housing(path):
    """Features (empty total_bedrooms as NaN, ocean_proximity one-hot in sorted order), target, the
    total_bedrooms column and the categories."""
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    numeric = [
        "longitude",
        "latitude",
        "housing_median_age",
        "total_rooms",
        "total_bedrooms",
        "population",
        "households",
        "median_income",
    ]
    categories = sorted({r["ocean_proximity"] for r in rows})
    x = np.array(
        [
            [float(r[c]) if r[c] != "" else np.nan for c in numeric]
            + [float(r["ocean_proximity"] == k) for k in categories]
            for r in rows
        ]
    )
    y = np.array([float(r["median_house_value"]) for r in rows])
    return x, y, numeric.index("total_bedrooms"), categories


def housing_models():
    from sklearn.ensemble import HistGradientBoostingRegressor, RandomForestRegressor
    from sklearn.linear_model import LinearRegression
    from sklearn.neural_network import MLPRegressor
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    # name → (describe, make, fit runs: the slow ones once)
    return {
        "linear": ("LinearRegression()", LinearRegression, 5),
        "forest": (
            "RandomForestRegressor(n_estimators=100, random_state=42, n_jobs=1)",
            lambda: RandomForestRegressor(n_estimators=100, random_state=42, n_jobs=1),
            1,
        ),
        "gbm": (
            "HistGradientBoostingRegressor(random_state=42)",
            lambda: HistGradientBoostingRegressor(random_state=42),
            3,
        ),
        "mlp": (
            "make_pipeline(StandardScaler(), MLPRegressor(hidden_layer_sizes=(64, 64), random_state=42, max_iter=200))",
            lambda: make_pipeline(
                StandardScaler(), MLPRegressor(hidden_layer_sizes=(64, 64), random_state=42, max_iter=200)
            ),
            1,
        ),
    }


def measure_housing(path):
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

    x, y, bedrooms, categories = read_housing(path)
    test = np.arange(len(x)) % 5 == 4
    x_train, y_train, x_test, y_test = x[~test], y[~test], x[test], y[test]
    median = float(np.nanmedian(x_train[:, bedrooms]))
    for part in (x_train, x_test):
        part[np.isnan(part[:, bedrooms]), bedrooms] = median
    figures = {
        "train_rows": len(x_train),
        "test_rows": len(x_test),
        "features": x.shape[1],
        "categories": categories,
        "bedrooms_median": median,
        # Predicting the training mean; the test set's own std (R²'s denominator) is what
        # "predict the mean" gives when the mean is the test set's.
        "mean_baseline_rmse": float(np.sqrt(np.mean((y_test - y_train.mean()) ** 2))),
        "test_std": float(y_test.std()),
        "models": {},
    }
    for name, (describe, make, fit_runs) in housing_models().items():
        log(f"housing: {describe}, {fit_runs} fit(s) on {len(x_train)} rows…")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ConvergenceWarning)
            fit_ms, model = timed_ms(lambda: make().fit(x_train, y_train), fit_runs)
        predict_ms, predicted = timed_ms(lambda: model.predict(x_test), 5, pick=min)
        figures["models"][name] = {
            "estimator": describe,
            "r2": float(r2_score(y_test, predicted)),
            "rmse": float(np.sqrt(mean_squared_error(y_test, predicted))),
            "mae": float(mean_absolute_error(y_test, predicted)),
            "fit_ms": fit_ms,
            "fit_runs": fit_runs,
            "predict4128_ms": predict_ms,
            "single_p50_us": single_row_p50_us(model.predict, x_test),
            "converged": not any(issubclass(w.category, ConvergenceWarning) for w in caught),
        }
    return figures


def rain_baselines(weather_csv):
    """Always-dry and persistence accuracy on 2015 days whose next day is recorded at the same place."""
    with open(weather_csv, newline="") as f:
        wet = {(r["location"], date.fromisoformat(r["date"])): float(r["precipitation"]) > 0 for r in csv.DictReader(f)}
    pairs = [
        (today, wet[(place, day + timedelta(days=1))])
        for (place, day), today in wet.items()
        if day.year == 2015 and (place, day + timedelta(days=1)) in wet
    ]
    return {
        "baseline_rows": len(pairs),
        "baseline_always_dry_accuracy": sum(not tomorrow for _, tomorrow in pairs) / len(pairs),
        "baseline_persistence_accuracy": sum(today == tomorrow for today, tomorrow in pairs) / len(pairs),
    }


def measure_rain(folder):
    from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, brier_score_loss, roc_auc_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    train = np.loadtxt(os.path.join(folder, "rain-train.csv"), delimiter=",", skiprows=1)
    test = np.loadtxt(os.path.join(folder, "rain-test.csv"), delimiter=",", skiprows=1)
    x_train, y_train, x_test, y_test = train[:, :-1], train[:, -1], test[:, :-1], test[:, -1]
    models = {
        "logreg": (
            "make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))",
            lambda: make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)),
        ),
        "forest": (
            "RandomForestClassifier(n_estimators=100, random_state=42, n_jobs=1)",
            lambda: RandomForestClassifier(n_estimators=100, random_state=42, n_jobs=1),
        ),
        "gbm": (
            "HistGradientBoostingClassifier(random_state=42)",
            lambda: HistGradientBoostingClassifier(random_state=42),
        ),
    }
    figures = {"train_rows": len(x_train), "test_rows": len(x_test), "features": x_train.shape[1], "models": {}}
    for name, (describe, make) in models.items():
        log(f"rain: {describe} on {len(x_train)} rows…")
        fit_ms, model = timed_ms(lambda: make().fit(x_train, y_train), 1)
        p = model.predict_proba(x_test)[:, 1]
        figures["models"][name] = {
            "estimator": describe,
            "auc": float(roc_auc_score(y_test, p)),
            "accuracy": float(accuracy_score(y_test, p >= 0.5)),
            "brier": float(brier_score_loss(y_test, p)),
            "fit_ms": fit_ms,
        }
    figures.update(rain_baselines(os.path.join(folder, "weather.csv")))
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("digits")
    parser.add_argument("housing")
    parser.add_argument("--rain-dir")
    args = parser.parse_args()
    import sklearn
    from threadpoolctl import threadpool_info

    figures = {
        "versions": {"sklearn": sklearn.__version__, "numpy": np.__version__, "python": platform.python_version()},
        "cpus": os.cpu_count(),
        "threads": {name: os.environ[name] for name in THREAD_VARIABLES},
    }
    log("timing imports in fresh interpreters…")
    figures["imports"] = import_figures()
    figures["digits"] = measure_digits(args.digits)
    figures["housing"] = measure_housing(args.housing)
    figures["rain"] = measure_rain(args.rain_dir) if args.rain_dir else None
    # After the models ran, so every library they loaded (OpenMP, BLAS) is listed with its thread count.
    figures["threadpools"] = [{"api": p["internal_api"], "threads": p["num_threads"]} for p in threadpool_info()]
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
