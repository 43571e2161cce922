package io.tronpay.checks;

import java.util.List;

/** A minimal line diff (longest common subsequence) that prints only the changed lines. */
final class LineDiff {
  private LineDiff() {}

  static String diff(List<String> before, List<String> after) {
    int n = before.size();
    int m = after.size();
    int[][] common = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        common[i][j] = before.get(i).equals(after.get(j))
            ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && before.get(i).equals(after.get(j))) {
        i++;
        j++;
      } else if (j < m && (i == n || common[i][j + 1] > common[i + 1][j])) {
        out.append("+ ").append(after.get(j++)).append('\n');
      } else {
        out.append("- ").append(before.get(i++)).append('\n');
      }
    }
    return out.toString();
  }
}
