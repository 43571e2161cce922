/**
 * TronPay testkit: {@code DevNode}, an in-process simulated TRON chain that answers the node HTTP
 * API and TronGrid v1 with the real JSON shapes, and injects faults on demand.
 *
 * <p>OkHttp's MockWebServer, Okio and Moshi ship as automatic modules.
 */
@SuppressWarnings("requires-automatic")
module io.tronpay.testkit {
  requires transitive io.tronpay.core;
  requires io.tronpay.client;
  requires mockwebserver3;
  requires okhttp3;
  requires okio;
  requires com.squareup.moshi;
  requires org.slf4j;
  requires transitive org.junit.jupiter.api;

  exports io.tronpay.testkit;
}
