"""splink (5.x, DuckDB backend) on the same records as AgentDesk's duplicate scan: the benchmark's baseline.

The records are those :func:`agentdesk.duplicates.records.read_records` reads, with the same folding
(lower case, no diacritics) that AgentDesk's scan applies, so that both start from the same strings.
The model is splink's usual one for people: name comparisons (Jaro-Winkler levels), date of birth,
identity code (Levenshtein 1), phone, e-mail and address exact, blocking rules like ours without the
two splink cannot express by a plain equality (day and month in either order, nickname groups), u by
random sampling, the prior from deterministic rules, m by EM on two blocking rules.
"""

from __future__ import annotations

import logging
import time

import numpy as np


def splink_table(recs, prepared):
    import pyarrow as pa

    def column(coded, transform=None):
        values = np.asarray([*coded.values, None], dtype=object)
        out = values[coded.codes]  # -1 -> None
        return out.tolist()

    born = [
        f"{y:04d}-{m:02d}-{d:02d}" if y else None
        for y, m, d in zip(prepared.year.tolist(), prepared.month.tolist(), prepared.day.tolist(), strict=True)
    ]
    postal = column(prepared.postal)
    street = column(prepared.street)
    address = [f"{p}|{s}" if p and s else None for p, s in zip(postal, street, strict=True)]
    return pa.table(
        {
            "unique_id": recs.customer_id,
            "first_name": column(prepared.given),
            "last_name": column(prepared.last),
            "birth_date": born,
            "hetu": column(prepared.hetu),
            "phone": column(prepared.phone),
            "email": column(prepared.email),
            "postcode": postal,
            "address": address,
        }
    )


def run_splink(recs, prepared, threshold: float) -> tuple[dict[tuple[int, int], float], dict[str, float]]:
    """Train splink and predict; the pairs (smaller id first) with their match probability >= ``threshold``."""
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    for name in ("splink", "duckdb"):
        logging.getLogger(name).setLevel(logging.WARNING)
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    table = splink_table(recs, prepared)
    db_api = DuckDBAPI()
    df = db_api.register(table)
    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=[
            cl.NameComparison("first_name"),
            cl.NameComparison("last_name"),
            cl.DateOfBirthComparison("birth_date", input_is_string=True),
            cl.LevenshteinAtThresholds("hetu", 1),
            cl.ExactMatch("phone"),
            cl.ExactMatch("email"),
            cl.ExactMatch("address"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("hetu"),
            block_on("phone"),
            block_on("email"),
            block_on("birth_date", "last_name"),
            block_on("birth_date", "first_name"),
            block_on("birth_date", "postcode"),
            block_on("last_name", "first_name"),
            block_on("last_name", "postcode"),
            block_on("first_name", "postcode"),
            block_on("address"),
        ],
        retain_intermediate_calculation_columns=False,
        retain_matching_columns=False,
    )
    linker = Linker(df, settings)
    seconds["setup"] = round(time.perf_counter() - started, 3)
    t = time.perf_counter()
    linker.training.estimate_probability_two_random_records_match(
        [block_on("hetu"), block_on("phone"), block_on("email")], recall=0.6
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("birth_date"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("last_name", "first_name"))
    seconds["train"] = round(time.perf_counter() - t, 3)
    t = time.perf_counter()
    predictions = linker.inference.predict(threshold_match_probability=threshold)
    result = predictions.as_pyarrow_table()
    seconds["predict"] = round(time.perf_counter() - t, 3)
    left = result.column("unique_id_l").to_numpy()
    right = result.column("unique_id_r").to_numpy()
    prob = result.column("match_probability").to_numpy()
    pairs = {}
    for a, b, p in zip(left.tolist(), right.tolist(), prob.tolist(), strict=True):
        pairs[(min(a, b), max(a, b))] = p
    seconds["total"] = round(time.perf_counter() - started, 3)
    return pairs, seconds
