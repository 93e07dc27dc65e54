package org.rialto.node.console;

/**
 * Payments finished per hour of the business day as a server-rendered SVG bar chart (settled,
 * with rejected stacked on top). No chart library: a few rectangles read well and work offline.
 */
final class ThroughputChart {
  private static final int WIDTH = 760;
  private static final int HEIGHT = 190;
  private static final int LEFT = 40;
  private static final int RIGHT = 10;
  private static final int TOP = 12;
  private static final int BOTTOM = 24;

  private ThroughputChart() {}

  /**
   * @param perHour {@code [hour][0]} settled, {@code [hour][1]} rejected
   * @param currentHour the hour now falls in, or -1 when today is not shown
   */
  static String svg(long[][] perHour, int currentHour) {
    int hours = perHour.length;
    if (hours < 1 || hours > ConsoleReads.HOURS_PER_DAY_MAX) throw new IllegalArgumentException("hours " + hours);
    long max = 4; // so the four grid lines carry whole numbers on a quiet day
    for (long[] h : perHour) max = Math.max(max, h[0] + h[1]);
    long top = niceCeiling(max);
    double plotWidth = WIDTH - LEFT - RIGHT;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    double slot = plotWidth / hours;
    var s = new StringBuilder(4_096);
    s.append("<svg class=\"chart\" id=\"throughput\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" width=\"100%\" role=\"img\" aria-label=\"payments settled and rejected per hour\">");
    for (int i = 0; i <= 4; i++) {
      double y = TOP + plotHeight - plotHeight * i / 4;
      s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(fmt(y))
          .append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#e4e8ec\"/>");
      s.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 3)).append("\" text-anchor=\"end\">")
          .append(top * i / 4).append("</text>");
    }
    if (currentHour >= 0 && currentHour < hours) {
      double x = LEFT + slot * currentHour;
      s.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(TOP).append("\" width=\"").append(fmt(slot))
          .append("\" height=\"").append(fmt(plotHeight)).append("\" fill=\"#eef5f6\"/>");
    }
    for (int h = 0; h < hours; h++) {
      double x = LEFT + slot * h + slot * 0.15;
      double w = slot * 0.7;
      double settledHeight = plotHeight * perHour[h][0] / top;
      double rejectedHeight = plotHeight * perHour[h][1] / top;
      double base = TOP + plotHeight;
      if (perHour[h][0] > 0) {
        s.append("<rect class=\"settled\" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(base - settledHeight))
            .append("\" width=\"").append(fmt(w)).append("\" height=\"").append(fmt(settledHeight))
            .append("\" fill=\"#2c6e78\" rx=\"2\"><title>").append(h).append(":00 settled ").append(perHour[h][0])
            .append("</title></rect>");
      }
      if (perHour[h][1] > 0) {
        s.append("<rect class=\"rejected\" x=\"").append(fmt(x)).append("\" y=\"")
            .append(fmt(base - settledHeight - rejectedHeight)).append("\" width=\"").append(fmt(w)).append("\" height=\"")
            .append(fmt(rejectedHeight)).append("\" fill=\"#c98a8a\" rx=\"2\"><title>").append(h).append(":00 rejected ")
            .append(perHour[h][1]).append("</title></rect>");
      }
      if (h % 3 == 0) {
        s.append("<text x=\"").append(fmt(LEFT + slot * h + slot / 2)).append("\" y=\"").append(HEIGHT - 8)
            .append("\" text-anchor=\"middle\">").append(String.format("%02d:00", h)).append("</text>");
      }
    }
    s.append("</svg>");
    return s.toString();
  }

  /** 1, 2, 5 × 10ⁿ at or above {@code n}, so the axis reads in round numbers. */
  static long niceCeiling(long n) {
    if (n <= 0) throw new IllegalArgumentException("n " + n);
    long magnitude = 1;
    while (magnitude <= Long.MAX_VALUE / 10 && magnitude * 10 <= n) magnitude *= 10;
    for (long step : new long[] {1, 2, 4, 5, 10}) {
      if (step * magnitude >= n) return step * magnitude;
    }
    return 10 * magnitude;
  }

  private static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.1f", v);
  }
}
