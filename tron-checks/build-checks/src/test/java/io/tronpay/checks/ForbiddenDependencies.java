package io.tronpay.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The design's supply-chain rule: no guava, jackson, protobuf-java or grpc reaches a host
 * application, and of BouncyCastle only a single {@code bcprov-jdk18on}.
 */
final class ForbiddenDependencies {
  private static final List<Pattern> FORBIDDEN = List.of(
      Pattern.compile("guava"),
      Pattern.compile("jackson"),
      Pattern.compile("protobuf-java"),
      Pattern.compile("grpc"));
  private static final Pattern BOUNCY_CASTLE = Pattern.compile("^bc[a-z0-9]*-(jdk|fips|debug|lts)|bouncycastle");
  private static final String ALLOWED_BOUNCY_CASTLE = "bcprov-jdk18on-";

  private ForbiddenDependencies() {}

  /** One message per violation in {@code module}'s runtime classpath, empty when it is clean. */
  static List<String> violations(String module, List<String> classpath) {
    List<String> violations = new ArrayList<>();
    int bcprov = 0;
    for (String entry : classpath) {
      String path = entry.replace('\\', '/').toLowerCase(Locale.ROOT);
      String fileName = path.substring(path.lastIndexOf('/') + 1);
      for (Pattern forbidden : FORBIDDEN) {
        if (forbidden.matcher(path).find()) {
          violations.add(module + ": forbidden dependency " + fileName + " (" + forbidden + ")");
        }
      }
      if (BOUNCY_CASTLE.matcher(fileName).find() || path.contains("/org/bouncycastle/")) {
        if (fileName.startsWith(ALLOWED_BOUNCY_CASTLE)) {
          bcprov++;
        } else {
          violations.add(module + ": BouncyCastle jar " + fileName + " besides bcprov-jdk18on");
        }
      }
    }
    if (bcprov > 1) {
      violations.add(module + ": " + bcprov + " bcprov-jdk18on jars; exactly one may be present");
    }
    return violations;
  }
}
