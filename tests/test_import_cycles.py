"""No import circle anywhere: among the modules of the core, the desktop, the plugins and the demo,
no module imports (directly, lazily inside a function, or through others) one that imports it back.
Module-level and function-level imports both count; ``if TYPE_CHECKING:`` imports do not (they never
run). The layers and the independence of packages are import-linter contracts (pyproject.toml)."""

from __future__ import annotations

import grimp

PACKAGES = (
    "agentdesk",
    "agentdesk_desktop",
    "agentdesk_health",
    "agentdesk_social",
    "agentdesk_technical",
    "agentdesk_demo",
)


def import_cycles(graph: grimp.ImportGraph) -> list[frozenset[str]]:
    """The strongly connected groups of more than one module (Tarjan, iteratively)."""
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[frozenset[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            targets = [t for t in edges[node] if t in edges]
            if i < len(targets):
                work.append((node, i + 1))
                target = targets[i]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(frozenset(group))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return groups


def test_the_cycle_finder_finds_a_circle():
    graph = grimp.ImportGraph()
    for name in ("a", "a.one", "a.two", "a.three"):
        graph.add_module(name)
    graph.add_import(importer="a.one", imported="a.two")
    graph.add_import(importer="a.two", imported="a.three")
    graph.add_import(importer="a.three", imported="a.one")
    assert import_cycles(graph) == [frozenset({"a.one", "a.two", "a.three"})]


def test_no_import_cycle_among_the_core_the_desktop_and_the_plugins():
    graph = grimp.build_graph(*PACKAGES, cache_dir=None, exclude_type_checking_imports=True)
    cycles = set(import_cycles(graph))
    assert cycles == set(), f"import circles: {[sorted(c) for c in cycles]}"
