#!/usr/bin/env bash
# Consumer smoke test: builds this project against the TronPay artifacts in the local Maven
# repository (run `mvn install` at the repository root first) and runs it twice, once on the
# class path and once on the module path with its own module-info.java.
set -euo pipefail
cd "$(dirname "$0")"

mvn_args=(-B -q)
if [ "${CONSUMER_TEST_OFFLINE:-}" = 1 ]; then
  mvn_args+=(-o)
fi

build() {
  mvn "${mvn_args[@]}" -Dconsumer.mode="$1" clean process-classes
}

main=io.tronpay.consumertest.ConsumerSmokeTest

echo "== consumer test: class path"
build classpath
java -cp "target/classes:$(cat target/runtime-classpath.txt)" "$main"

echo "== consumer test: module path"
build module
java -p "target/classes:$(cat target/runtime-classpath.txt)" -m "io.tronpay.consumertest/$main"
