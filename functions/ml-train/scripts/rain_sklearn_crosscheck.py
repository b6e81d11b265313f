"""Cross-check of the rain model against scikit-learn, on the same leave-one-year-out folds.

Not part of the build or CI: it backs the figures in packages/rain-model/README.md.
    apt-get install python3-sklearn python3-pandas    # Debian 12: scikit-learn 1.2.1
    /usr/bin/python3 functions/ml-train/scripts/rain_sklearn_crosscheck.py   # ~3 minutes on 2 cores

Everything is chosen by cross-validation on 2012-2014; 2015 is scored once, at the end, for the
configuration with the best cross-validated AUC. Features mirror packages/rain-model (BASE) plus
candidates that the TypeScript model does not use.
"""
import os
import warnings

import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier, HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

warnings.filterwarnings("ignore")
DATA = os.path.join(os.path.dirname(__file__), "..", "..", "..", "data", "weather.csv")


def window(series, days):
    """Today and the `days` days before it, one column each (missing days are NaN)."""
    return pd.concat([series.shift(i) for i in range(days + 1)], axis=1)


def run_length(flags):
    out, n = [], 0
    for flag in flags:
        n = n + 1 if flag else 0
        out.append(n)
    return out


def features(df):
    frames = []
    for location, g in df.groupby("location"):
        g = g.sort_values("date").set_index("date").asfreq("D")
        p, tx, tn, w = g.precipitation, g.temp_max, g.temp_min, g.wind
        F = pd.DataFrame(index=g.index)
        F["precipitation"], F["temp_max"], F["temp_min"], F["wind"] = p, tx, tn, w
        F["temp_range"] = tx - tn
        angle = 2 * np.pi * (g.index.dayofyear - 1) / 365.25
        F["season_sin"], F["season_cos"] = np.sin(angle), np.cos(angle)
        F["precipitation_yesterday"] = p.shift(1).fillna(p)
        F["temp_max_change"] = tx - tx.shift(1).fillna(tx)
        F["temp_min_change"] = tn - tn.shift(1).fillna(tn)
        F["wind_change"] = w - w.shift(1).fillna(w)
        week = window(p, 7)
        F["wet_day_share"] = (week > 0).sum(1) / week.notna().sum(1)
        F["precipitation_week_mean"] = week.mean(1)
        F["temp_max_anomaly"] = tx - window(tx, 7).mean(1)
        # Candidates beyond the TypeScript model's 14 features.
        for n in (14, 30, 60):
            m = window(p, n)
            F[f"wet_share_{n}"] = (m > 0).sum(1) / m.notna().sum(1)
            F[f"precip_mean_{n}"] = m.mean(1)
        F["temp_min_anomaly"] = tn - window(tn, 7).mean(1)
        F["range_change"] = F.temp_range - (tx - tn).shift(1).fillna(tx - tn)
        F["wind_week_mean"] = window(w, 7).mean(1)
        F["wind_anomaly"] = w - F.wind_week_mean
        F["range_anomaly"] = F.temp_range - window(tx - tn, 7).mean(1)
        F["temp_max_change3"] = tx - tx.shift(3).fillna(tx)
        F["precip3"] = window(p, 2).sum(1)
        F["wet_run"] = run_length((p > 0).values)
        F["dry_run"] = np.minimum(run_length((p == 0).values), 30)
        F["temp_mean_30_anom"] = (tx + tn) / 2 - window((tx + tn) / 2, 30).mean(1)
        F["label"] = (p.shift(-1) > 0).astype(float)
        F.loc[p.shift(-1).isna(), "label"] = np.nan
        F["year"], F["location"] = g.index.year, location
        frames.append(F)
    return pd.concat(frames).dropna(subset=["label", "precipitation"])


D = features(pd.read_csv(DATA, parse_dates=["date"]))
BASE = ["precipitation", "temp_max", "temp_min", "temp_range", "wind", "season_sin", "season_cos",
        "precipitation_yesterday", "temp_max_change", "temp_min_change", "wind_change", "wet_day_share",
        "precipitation_week_mean", "temp_max_anomaly"]
EXTRA = [c for c in D.columns if c not in BASE + ["label", "year", "location"]]
BEST_EXTRA = ["range_change", "wind_week_mean", "range_anomaly", "precip3", "temp_mean_30_anom"]


def score(cols, make, years):
    aucs, accs = [], []
    for year in years:
        train = D[(D.year < 2015) & (D.year != year)] if year != 2015 else D[D.year < 2015]
        test = D[D.year == year]
        p = make().fit(train[cols], train.label).predict_proba(test[cols])[:, 1]
        aucs.append(roc_auc_score(test.label, p))
        accs.append(accuracy_score(test.label, p > 0.5))
    return round(float(np.mean(aucs)), 4), round(float(np.mean(accs)), 4)


def cv(cols, make):
    return score(cols, make, [2012, 2013, 2014])


class Average:
    def __init__(self, makers):
        self.makers = makers

    def fit(self, X, y):
        self.models = [m().fit(X, y) for m in self.makers]
        return self

    def predict_proba(self, X):
        return np.mean([m.predict_proba(X) for m in self.models], axis=0)


gbm = lambda: GradientBoostingClassifier(n_estimators=300, learning_rate=0.02, max_depth=3, min_samples_leaf=40,
                                         subsample=0.5, random_state=0)
hgb = lambda: HistGradientBoostingClassifier(max_iter=300, learning_rate=0.03, max_depth=3, min_samples_leaf=40,
                                             l2_regularization=1.0, random_state=0)
lr = lambda: make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
rf = lambda leaf=10, mf=0.33, seed=0: (lambda: RandomForestClassifier(
    n_estimators=300, min_samples_leaf=leaf, max_features=mf, n_jobs=2, random_state=seed))

# Each configuration: name, columns, and a factory of models for a random seed (the forests').
CONFIGS = [
    ("GradientBoosting, 14 features", BASE, lambda seed: gbm),
    ("HistGradientBoosting, 14 features", BASE, lambda seed: hgb),
    ("LogisticRegression, 14 features", BASE, lambda seed: lr),
    ("RandomForest, 14 features", BASE, lambda seed: rf(seed=seed)),
    ("GradientBoosting, 14 + 5 features", BASE + BEST_EXTRA, lambda seed: gbm),
    ("GradientBoosting, all 31 features", BASE + EXTRA, lambda seed: gbm),
    ("RandomForest, 14 + 5 features", BASE + BEST_EXTRA, lambda seed: rf(seed=seed)),
    ("RandomForest, all 31 features", BASE + EXTRA, lambda seed: rf(seed=seed)),
    ("average of RF + GBM + LR, 14 + 5", BASE + BEST_EXTRA, lambda seed: lambda: Average([rf(seed=seed), gbm, lr])),
]
results = {}
print("cross-validated (2012-2014, leave one year out): mean AUC, mean accuracy")
for name, cols, make in CONFIGS:
    results[name] = (cols, make, cv(cols, make(0)))
    print(f"  {name:40s} {results[name][2]}", flush=True)
for extra in EXTRA:
    print(f"  GradientBoosting, 14 + {extra:24s} {cv(BASE + [extra], gbm)}", flush=True)

best = max(results, key=lambda k: results[k][2][0])
cols, make, _ = results[best]
print(f"2015, scored once, for the best cross-validated configuration ({best}):")
for seed in (0, 1, 2):
    print(f"  seed {seed}: AUC, accuracy {score(cols, make(seed), [2015])}")
