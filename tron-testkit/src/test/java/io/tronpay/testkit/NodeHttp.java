package io.tronpay.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A plain OkHttp client, as an application would use against a node. */
final class NodeHttp {
  private static final MediaType JSON = MediaType.get("application/json");

  /** Status, headers of interest and body of one answer. */
  record Answer(int status, String retryAfter, String body) {}

  private final String baseUrl;
  private final OkHttpClient client;

  NodeHttp(String baseUrl) {
    this(baseUrl, Duration.ofSeconds(10));
  }

  NodeHttp(String baseUrl, Duration readTimeout) {
    this.baseUrl = baseUrl;
    this.client = new OkHttpClient.Builder().readTimeout(readTimeout)
        .retryOnConnectionFailure(false).build();
  }

  Answer post(String path, String json) {
    return call(new Request.Builder().url(baseUrl + path)
        .post(RequestBody.create(json, JSON)).build());
  }

  Answer get(String pathAndQuery) {
    return call(new Request.Builder().url(baseUrl + pathAndQuery).get().build());
  }

  String postOk(String path, String json) {
    Answer answer = post(path, json);
    if (answer.status() != 200) {
      throw new AssertionError(path + " answered " + answer.status() + ": " + answer.body());
    }
    return answer.body();
  }

  private Answer call(Request request) {
    try (Response response = client.newCall(request).execute()) {
      return new Answer(response.code(), response.header("Retry-After"),
          response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
