"""Mutation testing of the core and the store: do the unit tests notice a wrong operator?

Run with `make mutants` (slow; not part of `make test`). Every module of `amk_tui/core/` and
`amk_tui/store.py` is parsed, and one small change at a time is made to its syntax tree:

| kind | change |
|---|---|
| `compare` | `<` ↔ `<=`, `>` ↔ `>=`, `==` ↔ `!=`, `in` ↔ `not in`, `is` ↔ `is not` |
| `arith` | `+` ↔ `-`, `*` ↔ `/`, `//` → `/`, `%` → `//`, `**` → `*` (also in `+=`, `-=`) |
| `bool` | `and` ↔ `or` |
| `not` | `not x` → `x`, `-x` → `x` |
| `const` | a number `n` → `n + 1`, `True` ↔ `False` |
| `minmax` | `max(…)` ↔ `min(…)` |
| `call` | a call made for its effect (`x.stop()` on a line of its own) is removed |

Each mutant is compiled in memory and run against the unit tests that cover its module
(`TESTS`), in a forked child that imports the mutated module instead of the file (nothing
on disk changes, so runs can go in parallel). A mutant is *killed* when a test fails or the
run times out, and *survives* when every test passes. Survivors judged equivalent (no test
could tell them apart) are listed with a reason in `scripts/mutants_equivalent.toml`.

The figures go to `benchmarks/mutants.md`.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import datetime as dt
import importlib.abc
import importlib.machinery
import importlib.util
import os
import signal
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import CodeType, ModuleType

ROOT = Path(__file__).resolve().parents[1]
UNIT = ROOT / "tests" / "unit"
EQUIVALENT = ROOT / "scripts" / "mutants_equivalent.toml"
TESTS: dict[str, tuple[str, ...]] = {
    "amk_tui/core/clock.py": ("test_countdown", "test_program"),
    "amk_tui/core/countdown.py": ("test_countdown", "test_program", "test_session"),
    "amk_tui/core/dates.py": ("test_dates",),
    "amk_tui/core/demo.py": ("test_setup",),
    "amk_tui/core/errors.py": ("test_errors", "test_text", "test_config", "test_session"),
    "amk_tui/core/fields.py": ("test_fields", "test_session", "test_old_sessions"),
    "amk_tui/core/numbers.py": ("test_numbers", "test_program"),
    "amk_tui/core/palette.py": ("test_palette",),
    "amk_tui/core/program.py": ("test_program", "test_session", "test_config"),
    "amk_tui/core/radar.py": ("test_radar",),
    "amk_tui/core/scores.py": ("test_scores", "test_session", "test_radar"),
    "amk_tui/core/session.py": ("test_session", "test_old_sessions", "test_store"),
    "amk_tui/core/setup.py": ("test_setup",),
    "amk_tui/core/text.py": ("test_text",),
    "amk_tui/core/workshop.py": ("test_workshop", "test_workshop_edges"),
    "amk_tui/store.py": ("test_store", "test_old_sessions", "test_cli"),
    "amk_tui/store_index.py": ("test_store", "test_cli"),
    "amk_tui/outputs.py": ("test_store",),
}
"""The unit tests run against each module's mutants (the slow subprocess suites are left
out: a mutant lives in this process only). A module not listed gets every unit test file
that names it."""
SLOW = ("test_bad_input", "test_special_files", "test_import_hygiene")
COMPARE_SWAP: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
ARITH_SWAP: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Div,
    ast.Mod: ast.FloorDiv,
    ast.Pow: ast.Mult,
}
SYMBOL = {
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.In: "in",
    ast.NotIn: "not in",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.Pow: "**",
    ast.And: "and",
    ast.Or: "or",
}


# -- finding and making mutants ---------------------------------------------------------------
@dataclass(frozen=True)
class Mutant:
    """One change to one module."""

    module: str
    """Path relative to the repository, e.g. `amk_tui/core/countdown.py`."""
    index: int
    """Position among the module's mutants (the walk order below)."""
    line: int
    kind: str
    where: str
    """The enclosing function or class (`Countdown.level`), or `<module>`."""
    change: str
    """What was changed, e.g. `<= → <`."""
    key: str = ""
    """A name that survives edits elsewhere in the file: module, where, kind, change and
    the how-many-th such change in that function (for the equivalence list)."""


class _Walker:
    """Walks a module's tree in a fixed order; finds mutation points or applies one.

    Annotations and docstrings are never visited.
    """

    def __init__(self, module: str, apply: int | None = None) -> None:
        self.module = module
        self.apply = apply
        self.found: list[Mutant] = []
        self.scope: list[str] = []
        self.seen: dict[tuple[str, str, str], int] = {}

    def point(self, node: ast.AST, kind: str, change: str) -> bool:
        """Record a mutation point; True if it is the one to apply."""
        where = ".".join(self.scope) or "<module>"
        slot = (where, kind, change)
        nth = self.seen.get(slot, 0)
        self.seen[slot] = nth + 1
        index = len(self.found)
        key = f"{self.module}:{where}:{kind}:{change}:{nth}"
        line = getattr(node, "lineno", 0)
        self.found.append(Mutant(self.module, index, line, kind, where, change, key))
        return index == self.apply

    def walk(self, node: ast.AST) -> None:
        for name, value in ast.iter_fields(node):
            if name in ("annotation", "returns", "type_comment", "type_params"):
                continue
            if isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, ast.AST):
                        if _is_docstring(node, name, i, item):
                            continue
                        replacement = self.visit(item)
                        if replacement is not item:
                            value[i] = replacement
            elif isinstance(value, ast.AST):
                replacement = self.visit(value)
                if replacement is not value:
                    setattr(node, name, replacement)

    def visit(self, node: ast.AST) -> ast.AST:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            for i, decorator in enumerate(node.decorator_list):
                replacement = self.visit(decorator)
                assert isinstance(replacement, ast.expr)
                node.decorator_list[i] = replacement
            self.scope.append(node.name)
            body = ast.Module(body=node.body, type_ignores=[])
            self.walk(body)
            node.body = body.body
            if not isinstance(node, ast.ClassDef):
                self.walk(node.args)
            self.scope.pop()
            return node
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            return node
        result = self.mutate(node)
        if result is _SKIP:
            return node
        if result is not node:
            return result
        self.walk(node)
        return node

    def mutate(self, node: ast.AST) -> ast.AST:
        """The node itself, or its mutant when this is the point to apply."""
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                swap = COMPARE_SWAP.get(type(op))
                if swap and self.point(node, "compare", f"{SYMBOL[type(op)]} → {SYMBOL[swap]}"):
                    node.ops[i] = swap()
        elif isinstance(node, ast.BinOp | ast.AugAssign):
            arith = ARITH_SWAP.get(type(node.op))
            if arith and self.point(node, "arith", f"{SYMBOL[type(node.op)]} → {SYMBOL[arith]}"):
                node.op = arith()
        elif isinstance(node, ast.BoolOp):
            other = ast.Or if isinstance(node.op, ast.And) else ast.And
            if self.point(node, "bool", f"{SYMBOL[type(node.op)]} → {SYMBOL[other]}"):
                node.op = other()
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not | ast.USub):
            sign = "not " if isinstance(node.op, ast.Not) else "-"
            if self.point(node, "not", f"{sign}x → x"):
                return node.operand
        elif isinstance(node, ast.Constant):
            return self.constant(node)
        elif _is_declaration(node):
            return _SKIP
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            other_name = {"max": "min", "min": "max"}.get(node.func.id)
            if other_name and self.point(node, "minmax", f"{node.func.id} → {other_name}"):
                node.func = ast.copy_location(ast.Name(other_name, ast.Load()), node.func)
        elif (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Call)
            and self.point(node, "call", f"{_call_name(node.value)}() removed")
        ):
            return ast.copy_location(ast.Pass(), node)
        return node

    def constant(self, node: ast.Constant) -> ast.AST:
        value = node.value
        if isinstance(value, bool):
            if self.point(node, "const", f"{value} → {not value}"):
                return ast.copy_location(ast.Constant(not value), node)
        elif isinstance(value, int | float):
            bumped = value + 1
            if self.point(node, "const", f"{value!r} → {bumped!r}"):
                return ast.copy_location(ast.Constant(bumped), node)
        return node


_SKIP = ast.Pass()
"""What `mutate` returns for a node whose whole subtree is left alone."""
DECLARATIONS = frozenset({"dataclass", "field"})
"""Calls whose keyword options (`frozen=True`, `compare=False`, `repr=False`) only declare
how a dataclass compares and prints: not mutated."""


def _is_declaration(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and _call_name(node) in DECLARATIONS
        and not node.args
        and all(
            isinstance(k.value, ast.Constant)
            for k in node.keywords
            if k.arg not in ("default", "default_factory")
        )
    )


def _is_docstring(parent: ast.AST, field_name: str, index: int, node: ast.AST) -> bool:
    """A bare string (a docstring or an attribute's docstring): no code."""
    return (
        field_name == "body"
        and isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def _is_type_checking(test: ast.expr) -> bool:
    return isinstance(test, ast.Name) and test.id == "TYPE_CHECKING"


def _call_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return "call"


def find_mutants(module: str) -> list[Mutant]:
    walker = _Walker(module)
    walker.walk(ast.parse((ROOT / module).read_text("utf-8")))
    return walker.found


def mutant_code(mutant: Mutant) -> CodeType:
    path = ROOT / mutant.module
    tree = ast.parse(path.read_text("utf-8"))
    walker = _Walker(mutant.module, apply=mutant.index)
    walker.walk(tree)
    ast.fix_missing_locations(tree)
    return compile(tree, str(path), "exec", dont_inherit=True)


# -- running the tests against one mutant ------------------------------------------------------
class _MutantFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Serves the mutated code for one module name; every other import goes on as usual."""

    def __init__(self, name: str, path: Path, code: CodeType) -> None:
        self.name = name
        self.path = path
        self.code = code

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != self.name:
            return None
        return importlib.util.spec_from_file_location(fullname, self.path, loader=self)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        exec(self.code, module.__dict__)


def tests_for(module: str) -> list[str]:
    names = TESTS.get(module)
    if names is None:
        dotted = module.removesuffix(".py").replace("/", ".")
        names = tuple(
            p.stem
            for p in sorted(UNIT.glob("test_*.py"))
            if p.stem not in SLOW and dotted in p.read_text("utf-8")
        )
    return [str(UNIT / f"{name}.py") for name in names or [p.stem for p in UNIT.glob("test_*.py")]]


def _child(module: str, code: CodeType | None, tests: list[str], workdir: str) -> None:
    """In the forked child: import the mutant instead of the file, run pytest, exit."""
    os.setsid()
    os.chdir(workdir)
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    if code is not None:
        name = module.removesuffix(".py").replace("/", ".")
        sys.meta_path.insert(0, _MutantFinder(name, ROOT / module, code))
    import pytest

    args = [*tests, "-x", "-q", "-p", "no:cacheprovider", "--hypothesis-seed=0"]
    args.append("--hypothesis-profile=mutants")  # tests/unit/conftest.py: no shrinking
    os._exit(int(pytest.main(args)))


@dataclass
class Run:
    """A child running the tests against one mutant (or the unmutated baseline)."""

    mutant: Mutant | None
    pid: int
    started: float
    timeout: float


@dataclass
class Outcome:
    mutant: Mutant
    status: str
    """`killed`, `timeout` or `survived`."""
    seconds: float


@dataclass
class Pool:
    """Up to `jobs` children at once, each killed (with its process group) at its timeout."""

    jobs: int
    workdir: str
    running: list[Run] = field(default_factory=list)

    def start(self, module: str, mutant: Mutant | None, timeout: float) -> None:
        code = mutant_code(mutant) if mutant is not None else None
        tests = tests_for(module)
        pid = os.fork()
        if pid == 0:
            try:
                _child(module, code, tests, self.workdir)
            finally:
                os._exit(98)
        self.running.append(Run(mutant, pid, time.monotonic(), timeout))

    def wait_one(self) -> tuple[Run, int | None]:
        """The next child to end: its exit code, or None when it was killed at its timeout."""
        while True:
            for run in self.running:
                pid, status = os.waitpid(run.pid, os.WNOHANG)
                if pid:
                    self.running.remove(run)
                    return run, os.waitstatus_to_exitcode(status)
                if time.monotonic() - run.started > run.timeout:
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(run.pid, signal.SIGKILL)
                    os.waitpid(run.pid, 0)
                    self.running.remove(run)
                    return run, None
            time.sleep(0.02)


def baseline(module: str, pool: Pool) -> float:
    """The module's tests must pass unmutated; their time sets the mutants' timeout."""
    pool.start(module, None, timeout=600)
    run, code = pool.wait_one()
    if code != 0:
        raise SystemExit(f"{module}: its tests fail without a mutant (exit {code})")
    return time.monotonic() - run.started


def run_module(module: str, mutants: list[Mutant], pool: Pool) -> Iterator[Outcome]:
    seconds = baseline(module, pool)
    timeout = max(20.0, 4 * seconds)
    queue = list(mutants)
    while queue or pool.running:
        while queue and len(pool.running) < pool.jobs:
            pool.start(module, queue.pop(0), timeout)
        run, code = pool.wait_one()
        assert run.mutant is not None
        status = "timeout" if code is None else ("survived" if code == 0 else "killed")
        yield Outcome(run.mutant, status, time.monotonic() - run.started)


# -- the report ----------------------------------------------------------------------------------
def equivalent() -> dict[str, str]:
    """Survivors judged equivalent: key → one-line reason."""
    if not EQUIVALENT.is_file():
        return {}
    data = tomllib.loads(EQUIVALENT.read_text("utf-8"))
    return {str(k): str(v) for k, v in data.get("equivalent", {}).items()}


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "–"


def report(outcomes: list[Outcome], minutes: float, jobs: int) -> str:
    reasons = equivalent()
    modules = sorted({o.mutant.module for o in outcomes})
    lines = [
        "# Mutation run: core/ and store.py against the unit tests",
        "",
        f"Written by `make mutants` (`scripts/mutants.py`) on {dt.date.today().isoformat()}, "
        f"{minutes:.0f} min with {jobs} jobs. A mutant is killed when a unit test fails "
        "(or the run times out); the operators are in the script's docstring. "
        "*Equivalent* survivors behave exactly like the original (reasons below, kept in "
        "`scripts/mutants_equivalent.toml`); the kill rate counts them as survivors.",
        "",
        "| module | mutants | killed | survived | of which equivalent | killed % |",
        "|---|---:|---:|---:|---:|---:|",
    ]

    def row(name: str, group: list[Outcome]) -> str:
        killed = sum(o.status != "survived" for o in group)
        survived = [o for o in group if o.status == "survived"]
        same = sum(o.mutant.key in reasons for o in survived)
        return (
            f"| {name} | {len(group)} | {killed} | {len(survived)} | {same} "
            f"| {percent(killed, len(group))} |"
        )

    for module in modules:
        lines.append(row(f"`{module}`", [o for o in outcomes if o.mutant.module == module]))
    core = [o for o in outcomes if o.mutant.module.startswith("amk_tui/core/")]
    store = [o for o in outcomes if o.mutant.module == "amk_tui/store.py"]
    lines.append(row("**core/**", core))
    lines.append(row("**store.py**", store))
    lines.append(row("**all**", outcomes))
    survivors = sorted(
        (o for o in outcomes if o.status == "survived"),
        key=lambda o: (o.mutant.module, o.mutant.line),
    )
    same = [o for o in survivors if o.mutant.key in reasons]
    other = [o for o in survivors if o.mutant.key not in reasons]
    lines += ["", f"## Survivors judged equivalent ({len(same)})", ""]
    for o in same:
        m = o.mutant
        lines.append(f"- `{m.module}:{m.line}` {m.where}: `{m.change}` — {reasons[m.key]}")
    lines += ["", f"## Other survivors ({len(other)})", ""]
    for o in other:
        m = o.mutant
        lines.append(f"- `{m.module}:{m.line}` {m.where}: `{m.change}` (`{m.key}`)")
    timeouts = [o for o in outcomes if o.status == "timeout"]
    lines += ["", f"## Timed out, counted as killed ({len(timeouts)})", ""]
    lines.append(
        "A mutant whose tests run past four times their unmutated time (at least 20 s) is "
        "stopped: a loop that no longer ends, or a test that got very slow."
    )
    lines.append("")
    for o in sorted(timeouts, key=lambda o: (o.mutant.module, o.mutant.line)):
        m = o.mutant
        lines.append(f"- `{m.module}:{m.line}` {m.where}: `{m.change}`")
    lines.append("")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("modules", nargs="*", help="only these (default: core/ and store.py)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "mutants.md")
    parser.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    args = parser.parse_args(argv)
    modules = args.modules or [
        *(str(p.relative_to(ROOT)) for p in sorted((ROOT / "amk_tui" / "core").glob("*.py"))),
        "amk_tui/store.py",
        "amk_tui/store_index.py",
        "amk_tui/outputs.py",
    ]
    modules = [m for m in modules if not m.endswith("__init__.py")]
    if args.list:
        for module in modules:
            for m in find_mutants(module):
                print(f"{m.module}:{m.line} {m.where}: {m.change}  [{m.key}]")
        return 0
    import pytest  # noqa: F401 (imported once here, before forking: each child is quicker)

    started = time.monotonic()
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="amk-mutants-") as workdir:
        pool = Pool(args.jobs, workdir)
        for module in modules:
            mutants = find_mutants(module)
            done = list(run_module(module, mutants, pool))
            outcomes += done
            killed = sum(o.status != "survived" for o in done)
            print(f"{module}: {killed}/{len(done)} killed", flush=True)
    minutes = (time.monotonic() - started) / 60
    args.out.write_text(report(outcomes, minutes, args.jobs), encoding="utf-8")
    total = len(outcomes)
    killed = sum(o.status != "survived" for o in outcomes)
    print(f"{killed}/{total} killed ({percent(killed, total)}); see {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
