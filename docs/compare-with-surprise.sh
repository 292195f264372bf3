#!/usr/bin/env bash
# Trains Surprise's SVD and this project's trainer on the same MovieLens 100k folds and prints
# both speeds, both accuracies and their ratio. A tool for readers and for us; not part of
# `swift test`. Results and what they mean: docs/speed.md.
#
#     docs/compare-with-surprise.sh ML-100K-FOLDER [ROUNDS] [FACTORS...]
#
#     docs/compare-with-surprise.sh ~/data/ml-100k            # 3 rounds, k = 100 and k = 10
#     docs/compare-with-surprise.sh ~/data/ml-100k 5 100 50 10
#
# What it does:
# 1. creates a Python virtual environment in .build/surprise-venv (once) with numpy and
#    scikit-surprise 1.1.5 from PyPI (a C compiler is needed: Surprise builds from source);
# 2. builds chapter-complete-demo in release;
# 3. deals u.data into 5 folds exactly as `chapter-complete-demo --folds 5 --seed 42` does
#    (numpy's shuffle of the rating positions, seed 42; fold f holds positions f·n/5 ..< (f+1)·n/5)
#    and writes them to .build/surprise-folds/ for Surprise;
# 4. scores both on the 5 folds with the same settings (k factors, 20 epochs, γ = 0.005 for
#    factors and biases, λ = 0.02, normal start with σ = 0.1): mean ± sd of RMSE and MAE;
# 5. times both on fold 1's 80,000 training ratings in interleaved rounds (Surprise, then ours,
#    then Surprise again, ...) and prints the medians: Surprise's whole `fit`, and ours as the
#    demo's speed table reports it, SGD alone and SGD plus the shuffle (Surprise does not
#    shuffle; this project shuffles every epoch, as the blog's listing does not but Surprise's
#    documentation recommends). Both train on one core; on a machine with two or more, ours
#    shuffles each next epoch's copy of the ratings on a second core meanwhile, and the shuffle
#    column counts what the training still waits for;
# 6. does steps 4 and 5 for ours once more with `--order blocked --workers W`, W the machine's
#    cores: the ratings in a W × W grid of blocks, each sub-epoch's blocks trained on the W
#    cores at once, DSGD's way (no shuffle; putting the ratings in blocks, once, is counted with
#    the SGD). Surprise trains one model on one core; this column shows what the same machine
#    gives when every core trains.
set -euo pipefail
cd "$(dirname "$0")/.."

data_folder=${1:?usage: docs/compare-with-surprise.sh ML-100K-FOLDER [ROUNDS] [FACTORS...]}
rounds=${2:-3}
shift $(($# < 2 ? $# : 2))
factors=("$@")
[ ${#factors[@]} -gt 0 ] || factors=(100 10)
[ -f "$data_folder/u.data" ] || {
  echo "error: $data_folder/u.data not found; give the folder of MovieLens 100k" >&2
  exit 66
}
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "error: ROUNDS must be a positive whole number" >&2; exit 64; }

venv=.build/surprise-venv
if [ ! -x "$venv/bin/python" ]; then
  echo "Creating $venv with numpy and scikit-surprise (a few minutes, once)..." >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet numpy scikit-surprise==1.1.5
fi
echo "Building chapter-complete-demo in release..." >&2
swift build -c release --product chapter-complete-demo >&2
demo=$(swift build -c release --show-bin-path)/chapter-complete-demo

"$venv/bin/python" - "$data_folder/u.data" "$demo" "$rounds" "${factors[@]}" <<'PYTHON'
import os, platform, re, statistics, subprocess, sys, time

import numpy as np
from surprise import SVD, Dataset, Reader, accuracy
from surprise.model_selection import PredefinedKFold

ratings_path, demo, rounds, factor_counts = sys.argv[1], sys.argv[2], int(sys.argv[3]), [int(k) for k in sys.argv[4:]]
SEED, FOLDS, EPOCHS, RATE, LAMBDA = 42, 5, 20, 0.005, 0.02

# The folds of KFoldSplits: positions shuffled by numpy's legacy generator, seeded.
lines = [line for line in open(ratings_path) if line.strip()]
n = len(lines)
np.random.seed(SEED)
order = np.arange(n)
np.random.shuffle(order)
fold_of = np.empty(n, dtype=int)
fold_of[order] = np.arange(n) * FOLDS // n
folder = ".build/surprise-folds"
os.makedirs(folder, exist_ok=True)
files = []
for fold in range(FOLDS):
    train, test = f"{folder}/fold{fold + 1}.train", f"{folder}/fold{fold + 1}.test"
    with open(train, "w") as t, open(test, "w") as s:
        for index, line in enumerate(lines):
            (s if fold_of[index] == fold else t).write(line)
    files.append((train, test))
data = Dataset.load_from_folds(files, reader=Reader("ml-100k"))
splits = list(PredefinedKFold().split(data))

def surprise_svd(k):
    return SVD(n_factors=k, n_epochs=EPOCHS, lr_all=RATE, reg_all=LAMBDA, init_std_dev=0.1,
               random_state=SEED)

def surprise_folds(k):
    rmse, mae = [], []
    for trainset, testset in splits:
        predictions = surprise_svd(k).fit(trainset).test(testset)
        rmse.append(accuracy.rmse(predictions, verbose=False))
        mae.append(accuracy.mae(predictions, verbose=False))
    return rmse, mae

def surprise_rate(k):
    trainset = splits[0][0]
    start = time.perf_counter()
    surprise_svd(k).fit(trainset)
    return trainset.n_ratings * EPOCHS / (time.perf_counter() - start)

WORKERS = os.cpu_count() or 1
BLOCKED = ["--order", "blocked", "--workers", str(WORKERS)]

def ours(k, folds, blocked=False):
    arguments = [demo, "--ratings", ratings_path, "--factors", str(k), "--epochs", str(EPOCHS),
                 "--learning-rate", str(RATE), "--lambda", str(LAMBDA), "--seed", str(SEED),
                 "--no-charts", "--quick"] + (["--folds", str(FOLDS)] if folds else []) \
                + (BLOCKED if blocked else [])
    return subprocess.run(arguments, check=True, capture_output=True, text=True).stdout

def our_scores(output):
    # The cross-validation table's row, "MF with biases and λ  0.xxxx ± 0.xxxx  0.xxxx ± 0.xxxx".
    row = next(line for line in output.splitlines()
               if line.startswith("MF with biases and λ") and "±" in line)
    numbers = [float(x) for x in re.findall(r"\d+\.\d+", row)]
    return numbers[0], numbers[1], numbers[2], numbers[3]

def our_rates(output):
    # The speed table's row: epochs, shuffle (or blocking) seconds, SGD seconds, updates a second.
    row = next(line for line in output.splitlines()
               if line.startswith("MF with biases and λ") and "million" in line)
    epochs, shuffle, sweep = re.findall(r"\d+(?:\.\d+)?", row[len("MF with biases and λ"):])[:3]
    learners = re.search(r"learns from the other ([\d,]+)", output.replace("\n", " "))
    updates = int(learners.group(1).replace(",", "")) * int(epochs)
    return updates / float(sweep), updates / (float(sweep) + float(shuffle))

print(f"Machine: {platform.machine()}, {os.cpu_count()} cores; Python {platform.python_version()}; "
      f"scikit-surprise 1.1.5; {rounds} interleaved rounds")
print()
blocked_name = f"ours, blocked, {WORKERS} core{'s' if WORKERS > 1 else ''}"
print("Accuracy, 5 folds (mean ± sd):")
print(f"{'k':>4}  {'trainer':<26}  {'RMSE':<15}  {'MAE':<15}")
for k in factor_counts:
    rmse, mae = surprise_folds(k)
    rows = [("Surprise SVD", np.mean(rmse), np.std(rmse), np.mean(mae), np.std(mae)),
            ("ours, numpy's shuffle", *our_scores(ours(k, folds=True))),
            (blocked_name, *our_scores(ours(k, folds=True, blocked=True)))]
    for name, r, r_sd, m, m_sd in rows:
        print(f"{k:>4}  {name:<26}  {r:.4f} ± {r_sd:.4f}  {m:.4f} ± {m_sd:.4f}")
print()
print("Speed on 80,000 training ratings, 20 epochs (medians, million updates per second;")
print(f"ours on one core with its shuffle, and on {WORKERS} with its blocking):")
print(f"{'k':>4}  {'Surprise':>8}  {'ours SGD':>8}  {'ratio':>6}  {'+ shuffle':>9}  {'ratio':>6}"
      f"  {f'{WORKERS} cores':>8}  {'ratio':>6}")
for k in factor_counts:
    theirs, sgd, with_shuffle, on_all = [], [], [], []
    for _ in range(rounds):
        theirs.append(surprise_rate(k))
        alone, shuffled = our_rates(ours(k, folds=False))
        sgd.append(alone)
        with_shuffle.append(shuffled)
        on_all.append(our_rates(ours(k, folds=False, blocked=True))[1])
    s, a, b, c = (statistics.median(x) / 1e6 for x in (theirs, sgd, with_shuffle, on_all))
    print(f"{k:>4}  {s:>8.2f}  {a:>8.2f}  {a / s:>5.1f}×  {b:>9.2f}  {b / s:>5.1f}×"
          f"  {c:>8.2f}  {c / s:>5.1f}×")
PYTHON
