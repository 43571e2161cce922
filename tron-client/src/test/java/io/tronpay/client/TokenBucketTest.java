package io.tronpay.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tronpay.client.internal.TokenBucket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  @Test
  void acquire_afterABurstOfOneSecond_waitsOnePermitInterval() throws Exception {
    long[] now = {1_000_000_000L};
    List<Long> waits = new ArrayList<>();
    TokenBucket bucket = new TokenBucket(5, () -> now[0], waits::add);
    for (int i = 0; i < 5; i++) {
      bucket.acquire();
    }
    assertEquals(List.of(), waits);
    bucket.acquire();
    bucket.acquire();
    assertEquals(List.of(200L, 400L), waits);
    now[0] += 2_000_000_000L;
    bucket.acquire();
    assertEquals(2, waits.size());
  }
}
