/**
 * TronPay client: the TRON node HTTP API (full node, solidity node) and TronGrid v1, and the
 * node's JSON form of transactions.
 *
 * <p>OkHttp, Okio and Moshi ship as automatic modules; they are stable, widely used names.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.tronpay.client {
  requires transitive io.tronpay.core;
  requires com.squareup.moshi;
  requires okio;
  // okio is an automatic module and cannot pull in its Kotlin runtime on the module path.
  requires kotlin.stdlib;
  requires transitive okhttp3;
  requires org.slf4j;

  exports io.tronpay.client;
}
