"""A synthetic Finnish population for demos, tests and benchmarks.

- :func:`generate` (``generator``) yields the population as plain rows, in chunks, deterministically;
- :func:`seed_population` (``bulk_load``) writes it into SQLite or PostgreSQL fast;
- :func:`ensure_reference_data` creates the departments and demo staff users.
"""

from agentdesk_demo.population.bulk_load import ReferenceData, SeedReport, ensure_reference_data, seed_population
from agentdesk_demo.population.generator import Chunk, GeneratorContext, generate

__all__ = [
    "Chunk",
    "GeneratorContext",
    "ReferenceData",
    "SeedReport",
    "ensure_reference_data",
    "generate",
    "seed_population",
]
