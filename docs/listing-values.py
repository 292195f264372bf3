#!/usr/bin/env python3
"""Prints the numbers the blog's Part III listings produce for one numpy seed, as Swift literals.

The tests in Tests/RecommenderTests/BlogListingTests.swift and the chapters' snapshots expect
these values to the last bit. This script is our own restatement of the listings' arithmetic
(same data, same draws, same update order), written so that a contributor can regenerate the
expected values from inside the repository:

    python3 docs/listing-values.py 42      # numpy required: pip install numpy

It prints, for the given seed:
  basic        the total absolute error after epochs 10, 20, 30, 40, 50 (section 8: p·q only)
  biases       after epochs 20, 40, …, 100 with μ + bᵤ + bᵢ added to the trained P and Q
  regularized  after epochs 20, 40, …, 100 from fresh P and Q (the next draws), biases, λ = 0.1
  refined P[0] and Q[3] after the basic run
  the learned biases of the two bias runs
Floats are printed with repr, the shortest text that reads back to the same double.
"""

import sys

import numpy as np

# Section 7's sample: five viewers (rows) by four movies (columns), every cell rated.
RATINGS = [
    [5, 3, 4, 1],
    [4, 2, 5, 2],
    [1, 4, 2, 5],
    [2, 5, 1, 4],
    [3, 1, 3, 2],
]
FACTORS = 2
GAMMA = 0.01  # γ, the factors' learning rate
GAMMA_BIAS = 0.005  # γ_b, the biases' learning rate
LAMBDA = 0.1  # λ of the regularized listing


def epoch(P, Q, user_bias=None, item_bias=None, mu=0.0, lam=0.0):
    """One pass in the listing's order: viewers by index, each viewer's movies by index.

    The qᵢ step reads the pᵤ just updated, and the biases move after the factors, as the listing
    does. Returns Σ |e| with each error taken before its update.
    """
    total = 0.0
    for u, row in enumerate(RATINGS):
        for i, r in enumerate(row):
            prediction = np.dot(P[u, :], Q[i, :])
            if user_bias is not None:
                prediction = mu + user_bias[u] + item_bias[i] + prediction
            e = r - prediction
            total += abs(e)
            if lam == 0:
                P[u, :] += GAMMA * e * Q[i, :]
                Q[i, :] += GAMMA * e * P[u, :]
            else:
                P[u, :] += GAMMA * (e * Q[i, :] - lam * P[u, :])
                Q[i, :] += GAMMA * (e * P[u, :] - lam * Q[i, :])
            if user_bias is not None:
                user_bias[u] += GAMMA_BIAS * (e - lam * user_bias[u])
                item_bias[i] += GAMMA_BIAS * (e - lam * item_bias[i])
    return total


def milestones(epochs, every, **run):
    kept = []
    for n in range(1, epochs + 1):
        error = epoch(**run)
        if n % every == 0:
            kept.append(float(error))
    return kept


def swift(values):
    return "[" + ", ".join(repr(float(v)) for v in values) + "]"


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 42
    np.random.seed(seed)
    users, items = len(RATINGS), len(RATINGS[0])
    P = np.random.rand(users, FACTORS)
    Q = np.random.rand(items, FACTORS)
    mu = float(np.mean(RATINGS))

    basic = milestones(50, 10, P=P, Q=Q)
    refined_p0, refined_q3 = P[0, :].copy(), Q[3, :].copy()

    user_bias, item_bias = np.zeros(users), np.zeros(items)
    biases = milestones(
        100, 20, P=P.copy(), Q=Q.copy(), user_bias=user_bias, item_bias=item_bias, mu=mu)

    P_reg = np.random.rand(users, FACTORS)
    Q_reg = np.random.rand(items, FACTORS)
    user_bias_reg, item_bias_reg = np.zeros(users), np.zeros(items)
    regularized = milestones(
        100, 20, P=P_reg, Q=Q_reg, user_bias=user_bias_reg, item_bias=item_bias_reg, mu=mu,
        lam=LAMBDA)

    print(f"seed: {seed}")
    print(f"basic: {swift(basic)}")
    print(f"biases: {swift(biases)}")
    print(f"regularized: {swift(regularized)}")
    print(f"refined P[0]: {swift(refined_p0)}")
    print(f"refined Q[3]: {swift(refined_q3)}")
    print(f"user biases: {swift(user_bias)}")
    print(f"movie biases: {swift(item_bias)}")
    print(f"user biases, regularized: {swift(user_bias_reg)}")
    print(f"movie biases, regularized: {swift(item_bias_reg)}")


if __name__ == "__main__":
    main()
