#!/usr/bin/env bash
# Installs what `npm run test:spark` needs into .spark/ (gitignored), pinned and project-local; a second run is fast.
#   .spark/venv      Python venv with pyspark==3.5.9 (Spark's jars and spark-submit come with it)
#   .spark/scalac    scala-compiler, scala-reflect, scala-library 2.12.18 from Maven Central (compiles the Scala exports)
set -euo pipefail
cd "$(dirname "$0")/../.."
PYSPARK_VERSION=3.5.9
SCALA_VERSION=2.12.18
command -v java >/dev/null || { echo "test:spark needs Java 17 (java on PATH)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "test:spark needs python3 (3.8-3.11)" >&2; exit 1; }
mkdir -p .spark/scalac
if [ ! -x .spark/venv/bin/python ]; then python3 -m venv .spark/venv; fi
if ! .spark/venv/bin/python -c "import pyspark,sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
  .spark/venv/bin/pip install -q "pyspark==$PYSPARK_VERSION"
fi
for a in scala-compiler scala-reflect scala-library; do
  if [ ! -f ".spark/scalac/$a-$SCALA_VERSION.jar" ]; then
    command -v mvn >/dev/null || { echo "test:spark needs Maven (mvn) to fetch the Scala $SCALA_VERSION compiler" >&2; exit 1; }
    mvn -q -B dependency:copy -Dartifact="org.scala-lang:$a:$SCALA_VERSION" -DoutputDirectory=.spark/scalac
  fi
done
echo "spark setup ok: pyspark $PYSPARK_VERSION, scalac $SCALA_VERSION in .spark/"
