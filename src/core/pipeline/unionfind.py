"""Disjoint sets over hashable items: the one union-find behind in-article and corpus merging."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class UnionFind(Generic[T]):
    """Groups that only ever join (path halving; the second argument's root wins a union, so
    callers decide which side names the set)."""

    __slots__ = ("_parent",)

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._parent: dict[T, T] = {item: item for item in items}

    def add(self, item: T) -> None:
        self._parent.setdefault(item, item)

    def find(self, item: T) -> T:
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: T, into: T) -> bool:
        """Join `a`'s set into `into`'s; False when they were already one."""
        ra, rb = self.find(a), self.find(into)
        if ra == rb:
            return False
        self._parent[ra] = rb
        return True

    def groups(self) -> dict[T, list[T]]:
        """Root -> members, members in insertion order."""
        out: dict[T, list[T]] = {}
        for item in self._parent:
            out.setdefault(self.find(item), []).append(item)
        return out
