"""A Fellegi–Sunter model trained without labels.

For each field and level: ``m`` = P(level | same person), ``u`` = P(level | different people).

- ``u`` is counted on random pairs of records (:meth:`Model.estimate_u`): almost all of them are
  different people, so their level frequencies are the non-duplicates' (as in splink).
- ``m`` comes from expectation maximisation over the candidate pairs' comparison patterns
  (:meth:`Model.train`): a two-class mixture (duplicates, others) whose "others" class has its own
  level shares among the candidates (blocking makes non-duplicates agree more often than random pairs,
  so the random pairs' ``u`` cannot stand for them there), started from the candidates' own level shares.
  EM also gives the share of duplicates among the candidates; divided by the number of all pairs it is
  the prior that two random records are one person.

A pair's match weight is ``log2(prior / (1 - prior)) + Σ log2(m / u)`` over its fields (a missing
field adds 0), and its score the posterior probability ``2^w / (1 + 2^w)``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from agentdesk.duplicates.comparisons import FIELDS, LEVELS

EM_ITERATIONS = 40
_FLOOR = 1e-6


def _initial_m() -> dict[str, list[float]]:
    """A starting point for EM: agreement likely among duplicates, disagreement unlikely."""
    out: dict[str, list[float]] = {}
    for name, levels in LEVELS.items():
        k = len(levels) - 1  # without "missing"
        weights = [0.6] + [0.4 * 0.5**i for i in range(1, k)]
        total = sum(weights)
        out[name] = [0.0] + [w / total for w in weights]
    return out


def _patterns(levels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct rows of ``levels`` and how often each occurs (rows packed into one int64 to sort)."""
    code = np.zeros(len(levels), dtype=np.int64)
    for j in range(levels.shape[1]):
        code = code * 8 + levels[:, j]
    distinct, counts = np.unique(code, return_counts=True)
    patterns = np.empty((len(distinct), levels.shape[1]), dtype=np.int8)
    rest = distinct.copy()
    for j in reversed(range(levels.shape[1])):
        patterns[:, j] = rest % 8
        rest //= 8
    return patterns, counts.astype(float)


def _level_shares(column: np.ndarray, weights: np.ndarray, k: int, old: list[float] | None = None) -> list[float]:
    """Weighted share of each level 1..k-1 in ``column`` (level 0, missing, gets 0)."""
    sums = np.bincount(column, weights=weights, minlength=k)[:k].astype(float)
    sums[0] = 0.0
    total = sums.sum()
    if total <= 0:
        return list(old) if old is not None else [0.0] + [1.0 / (k - 1)] * (k - 1)
    shares = np.maximum(sums / total, _FLOOR)
    shares[0] = 0.0
    return [float(x) for x in shares / shares.sum()]


def _log_weights(m: dict[str, list[float]], u: dict[str, list[float]]) -> dict[str, np.ndarray]:
    out = {}
    for name in FIELDS:
        mm = np.asarray(m[name], dtype=float)
        uu = np.asarray(u[name], dtype=float)
        w = np.zeros(len(mm))
        w[1:] = np.log2(np.maximum(mm[1:], _FLOOR) / np.maximum(uu[1:], _FLOOR))
        out[name] = w
    return out


def _posterior(levels: np.ndarray, table: dict[str, np.ndarray], prior: float) -> np.ndarray:
    total = np.full(len(levels), math.log2(prior / (1 - prior)))
    for j, name in enumerate(FIELDS):
        total += table[name][levels[:, j]]
    result: np.ndarray = 1.0 / (1.0 + np.exp2(-np.clip(total, -60, 60)))
    return result


@dataclass
class Model:
    m: dict[str, list[float]] = field(default_factory=_initial_m)
    u: dict[str, list[float]] = field(default_factory=dict)  # from random pairs
    prior: float = 1e-6  # P(two random records are one person)
    # EM's view of the candidate set: the non-duplicates' level shares there, and the duplicates' share
    u_candidates: dict[str, list[float]] = field(default_factory=dict)
    prior_candidates: float = 0.01
    iterations: int = 0

    # -- training ----------------------------------------------------------------------------------

    def estimate_u(self, levels: np.ndarray) -> None:
        """u from the levels of random pairs (level 0 = missing is left out; a level never seen among
        them gets half a count: rare, not impossible)."""
        for j, name in enumerate(FIELDS):
            k = len(LEVELS[name])
            counts = np.bincount(levels[:, j], minlength=k)[:k].astype(float) + 0.5
            counts[0] = 0.0
            self.u[name] = (counts / counts.sum()).tolist()

    def train(self, levels: np.ndarray, all_pairs: float, iterations: int = EM_ITERATIONS) -> None:
        """EM over the candidate pairs' ``levels``; ``all_pairs`` is the number of pairs in the register."""
        patterns, counts = _patterns(levels)
        self.u_candidates = {
            name: _level_shares(patterns[:, j], counts, len(LEVELS[name])) for j, name in enumerate(FIELDS)
        }
        for _ in range(iterations):
            p = _posterior(patterns, _log_weights(self.m, self.u_candidates), self.prior_candidates)
            matched = p * counts
            others = (1 - p) * counts
            self.prior_candidates = float(min(max(matched.sum() / counts.sum(), _FLOOR), 1 - _FLOOR))
            for j, name in enumerate(FIELDS):
                k = len(LEVELS[name])
                self.m[name] = _level_shares(patterns[:, j], matched, k, self.m[name])
                self.u_candidates[name] = _level_shares(patterns[:, j], others, k, self.u_candidates[name])
            self.iterations += 1
        duplicates = self.prior_candidates * counts.sum()
        self.prior = float(min(max(duplicates / max(all_pairs, 1.0), 1e-12), 0.5))

    # -- scoring -----------------------------------------------------------------------------------

    def weight_table(self) -> dict[str, np.ndarray]:
        """log2(m/u) per field and level (bits); 0 for "missing"."""
        return _log_weights(self.m, self.u)

    def prior_weight(self) -> float:
        return math.log2(self.prior / (1 - self.prior))

    def scores(self, levels: np.ndarray) -> np.ndarray:
        """Posterior probability that each pair is one person."""
        return _posterior(levels, self.weight_table(), self.prior)

    # -- storage -----------------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "m": self.m,
            "u": self.u,
            "prior": self.prior,
            "u_candidates": self.u_candidates,
            "prior_candidates": self.prior_candidates,
            "iterations": self.iterations,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        return cls(
            m=data["m"],
            u=data["u"],
            prior=float(data["prior"]),
            u_candidates=data.get("u_candidates", {}),
            prior_candidates=float(data.get("prior_candidates", 0.01)),
            iterations=int(data.get("iterations", 0)),
        )
