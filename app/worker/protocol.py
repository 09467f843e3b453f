"""Messages on the pipe between the worker thread and the model host process (pickled, so plain values only)."""

from __future__ import annotations

from dataclasses import dataclass

from app.engine.requests import Done, Failure, LoadProgress, ModelInfo, ModelSpec, Request


# -- worker -> host ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class LoadCmd:
    spec: ModelSpec
    tag: int  # echoed in the reply, so a reply to an abandoned load is never taken for the current one


@dataclass(frozen=True)
class GenerateCmd:
    request: Request


@dataclass(frozen=True)
class RawGenerateCmd:
    """Plain model.generate without streaming: the baseline the stream benchmark compares against."""

    request: Request


@dataclass(frozen=True)
class CountTokensCmd:
    tag: int
    texts: tuple[str, ...]


@dataclass(frozen=True)
class ShutdownCmd:
    pass


Command = LoadCmd | GenerateCmd | RawGenerateCmd | CountTokensCmd | ShutdownCmd


# -- host -> worker ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class HostReady:
    pid: int
    torch_version: str


@dataclass(frozen=True)
class Loaded:
    info: ModelInfo
    tag: int


@dataclass(frozen=True)
class LoadFailed:
    failure: Failure
    tag: int = 0


@dataclass(frozen=True)
class ChunkMsg:
    request_id: int
    text: str


@dataclass(frozen=True)
class TokenCounts:
    tag: int
    counts: tuple[int, ...]


Reply = HostReady | LoadProgress | Loaded | LoadFailed | ChunkMsg | Done | Failure | TokenCounts
