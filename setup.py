"""Only here because pyproject.toml cannot list data-only packages next to a package search."""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["designer", "designer.*"])
    + ["designer.templates", "designer.static", "designer.migrations"],
)
