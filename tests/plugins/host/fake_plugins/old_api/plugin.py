"""Built for another plugin API: the host must refuse it from its manifest, before this runs."""

raise AssertionError("the code of a plugin built for another plugin API version was imported")
