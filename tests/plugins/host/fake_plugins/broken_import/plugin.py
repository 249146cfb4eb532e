raise ImportError("a dependency is missing")
