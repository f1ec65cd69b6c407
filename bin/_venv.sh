# Sourced by bin/demo and bin/test: a local virtual environment from the pinned
# requirements, reinstalled only when a requirements file changes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "Creating the virtual environment in .venv …"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.requirements-installed
if [ ! -f "$stamp" ] || [ requirements.txt -nt "$stamp" ] || [ requirements-dev.txt -nt "$stamp" ]; then
  echo "Installing the pinned requirements …"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
  touch "$stamp"
fi
export PATH="$PWD/.venv/bin:$PATH"
