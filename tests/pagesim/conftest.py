"""Shared batches of simulated pages (generated once per test session; they take well under a second)."""
from __future__ import annotations

import pytest

from pagesim.page import SimPage, simulate_pages


@pytest.fixture(scope="session")
def train_pages() -> list[SimPage]:
    return simulate_pages(count=200, seed=7, split="train")


@pytest.fixture(scope="session")
def eval_pages() -> list[SimPage]:
    return simulate_pages(count=60, seed=7, split="eval")


@pytest.fixture(scope="session")
def all_pages(train_pages: list[SimPage], eval_pages: list[SimPage]) -> list[SimPage]:
    return train_pages + eval_pages
