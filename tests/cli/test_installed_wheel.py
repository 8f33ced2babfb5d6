"""Installed as a user installs it: the built wheel, in a fresh venv, run from an empty folder.

The wheel is built from a copy of the sources (no `build/` left in the checkout) and installed
with `--no-deps` into a new venv; the dependencies come from the test's own environment through
a `.pth` line placed after the venv's site-packages, so the `newsdesk` that runs is the wheel's
and the test needs the package registry only for the build backend. `-m slow` also installs the
wheel with its dependencies, as pip or pipx would.
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import site
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="drives the explorer through a pty")

ROOT = Path(__file__).resolve().parents[2]
BIN = "Scripts" if os.name == "nt" else "bin"
#: CSI and OSC sequences and lone escapes, to read the explorer's screen as text.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")


def _copy_sources(target: Path) -> Path:
    """What the sdist holds: top-level files, `src/` and `seeds/` (never caches or venvs)."""
    target.mkdir()
    for item in ROOT.iterdir():
        if item.is_file() and not item.name.startswith("."):
            shutil.copy2(item, target / item.name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for folder in ("src", "seeds"):
        shutil.copytree(ROOT / folder, target / folder, ignore=ignore)
    return target


def _checked(command: list[str]) -> None:
    """Run a set-up step; when it fails, pip's own words are the failure message."""
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, f"{' '.join(command)}\n{result.stdout}\n{result.stderr}"


def _build_wheel(home: Path) -> Path:
    sources = _copy_sources(home / "sources")
    wheels = home / "wheels"
    _checked([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels),
              str(sources)])
    (wheel,) = wheels.glob("newsdesk-*.whl")
    return wheel


def _venv(home: Path) -> Path:
    venv = home / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    return venv


def _pip_into(venv: Path, *args: str) -> None:
    _checked([sys.executable, "-m", "pip", "--python", str(venv / BIN / "python"), "install",
              "--quiet", *args])


def _site_packages(venv: Path) -> Path:
    result = subprocess.run(
        [str(venv / BIN / "python"), "-c",
         "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    )
    return Path(result.stdout.strip())


class Installed:
    """A venv holding the wheel, an empty working folder and isolated data and cache dirs."""

    def __init__(self, home: Path, venv: Path) -> None:
        self.venv = venv
        self.cwd = home / "empty"
        self.cwd.mkdir()
        self.env = {
            key: value for key, value in os.environ.items()
            if key not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"}
            and not key.startswith("NEWSDESK_")
        }
        self.env |= {
            "NEWSDESK_DATA_DIR": str(home / "data"),
            "NEWSDESK_CACHE_DIR": str(home / "cache"),
            "PATH": f"{venv / BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        }

    def run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.venv / BIN / "newsdesk"), *args], cwd=self.cwd, env=self.env,
            capture_output=True, text=True, timeout=timeout,
        )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    home = tmp_path_factory.mktemp("installed")
    wheel = _build_wheel(home)
    venv = _venv(home)
    _pip_into(venv, "--no-deps", str(wheel))
    # Dependencies from this environment, searched after the venv's own site-packages.
    folders = site.getsitepackages()
    if site.ENABLE_USER_SITE:
        folders.append(site.getusersitepackages())
    deps = "\n".join(folders) + "\n"
    (_site_packages(venv) / "zz_test_dependencies.pth").write_text(deps, encoding="utf-8")
    return Installed(home, venv)


def test_installed_wheel_runs_its_own_code(installed: Installed) -> None:
    script = "import newsdesk.core, newsdesk.tui.cli; print(newsdesk.core.__file__)"
    result = subprocess.run(
        [str(installed.venv / BIN / "python"), "-c", script], cwd=installed.cwd, env=installed.env,
        capture_output=True, text=True, check=True,
    )
    assert Path(result.stdout.strip()).is_relative_to(installed.venv), result.stdout
    assert installed.run("--version").stdout.startswith("newsdesk ")
    help_text = installed.run("--help")
    assert help_text.returncode == 0 and "index" in help_text.stdout


def test_installed_wheel_commands_bare_in_an_empty_folder(installed: Installed) -> None:
    bundled = sorted(p.name for p in (ROOT / "seeds").iterdir() if p.suffix in {".txt", ".md"})
    indexed = installed.run("index", "--json")
    assert indexed.returncode == 0, indexed.stderr
    assert "Traceback" not in indexed.stderr
    data = json.loads(indexed.stdout)
    assert sorted(Path(a["path"]).name for a in data["articles"]) == bundled
    assert data["actors"] and data["quotes"]
    assert list(installed.cwd.iterdir()) == []  # nothing written where the user stands

    summary = installed.run("index")
    assert summary.returncode == 0, summary.stderr
    assert f"{len(data['articles'])} articles" in summary.stdout

    title_word = max(data["articles"][0]["title"].split(), key=len)
    found = installed.run("search", title_word, "--json")
    assert found.returncode == 0, found.stderr
    assert any(hit["kind"] == "article" for hit in json.loads(found.stdout))

    speaker = next(q["actor"] for q in data["quotes"] if q["actor"])
    exported = installed.run("export", "--actor", speaker)
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.startswith("---")


def _read_until(
    fd: int, needle: str, deadline: float, process: subprocess.Popen[bytes] | None = None
) -> str:
    """The pty's output as text (escapes removed) until `needle` shows, `process` ends or time
    runs out; reading drains the terminal, so the app never blocks on a full pty."""
    raw = b""
    while time.monotonic() < deadline and (process is None or process.poll() is None):
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            raw += chunk
            if needle in _ESCAPES.sub("", raw.decode("utf-8", "replace")):
                break
    return _ESCAPES.sub("", raw.decode("utf-8", "replace"))


def test_installed_wheel_explorer_starts_and_quits_in_an_empty_folder(installed: Installed) -> None:
    import fcntl
    import pty
    import termios

    assert installed.run("index").returncode == 0  # warm: the explorer opens without spaCy
    titles = json.loads(installed.run("index", "--json").stdout)["articles"]
    needle = titles[0]["title"][:12]
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 110, 0, 0))
    env = installed.env | {"TERM": "xterm-256color", "COLUMNS": "110", "LINES": "30"}
    process = subprocess.Popen(
        [str(installed.venv / BIN / "newsdesk")], cwd=installed.cwd, env=env,
        stdin=slave, stdout=slave, stderr=slave, start_new_session=True, close_fds=True,
    )
    os.close(slave)
    try:
        screen = _read_until(master, needle, time.monotonic() + 60)
        assert needle in screen, screen[-2000:]
        os.write(master, b"q")
        screen += _read_until(master, "\0", time.monotonic() + 30, process)
        status = process.wait(timeout=5)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(master)
    assert status == 0, screen[-2000:]
    assert "Traceback" not in screen and "no such file" not in screen


@pytest.mark.slow
def test_installed_wheel_with_its_dependencies_as_pip_installs_it(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """What a user gets from `pip install newsdesk`: the declared dependencies suffice."""
    home = tmp_path_factory.mktemp("installed-full")
    wheel = _build_wheel(home)
    venv = _venv(home)
    _pip_into(venv, str(wheel))
    installed = Installed(home, venv)
    result = installed.run("index", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["articles"]
