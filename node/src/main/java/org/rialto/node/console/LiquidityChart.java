package org.rialto.node.console;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each participant's settlement balance at the end of every hour of the day so far, as a
 * server-rendered SVG line chart. The balance an hour ended with is today's balance minus what
 * moved after it, so the chart needs only the live balances and the day's bookings per hour.
 */
final class LiquidityChart {
  private static final int WIDTH = 760;
  private static final int HEIGHT = 220;
  private static final int LEFT = 70;
  private static final int RIGHT = 10;
  private static final int TOP = 12;
  private static final int BOTTOM = 24;
  /** Calm, distinguishable colours; more participants than this reuse them (the legend names each). */
  static final List<String> COLOURS = List.of("#2c6e78", "#8a6fb0", "#c08a3e", "#4f8a5b", "#b35d6a", "#3f6fb0", "#7a7a7a", "#a0a03c");

  private LiquidityChart() {}

  /** One participant's line. */
  record Series(String bic, long[] endOfHourMinor) {}

  /**
   * @param closingMinor each participant's balance now
   * @param netByHour each participant's net movement per hour (credits minus debits)
   * @param currentHour the hour now falls in; hours after it are not drawn
   */
  static List<Series> series(Map<String, Long> closingMinor, Map<String, long[]> netByHour, int hours, int currentHour) {
    if (hours < 1 || hours > ConsoleReads.HOURS_PER_DAY_MAX) throw new IllegalArgumentException("hours " + hours);
    int last = Math.max(0, Math.min(currentHour, hours - 1));
    var out = new java.util.ArrayList<Series>();
    for (var e : closingMinor.entrySet()) {
      if (out.size() >= ConsoleReads.MAX_CHART_PARTICIPANTS) break;
      long[] net = netByHour.getOrDefault(e.getKey(), new long[hours]);
      long[] end = new long[last + 1];
      long balance = e.getValue();
      // Walk back from now: the balance at the end of hour h is the one at the end of h+1 minus h+1's movement.
      for (int h = last; h >= 0; h--) {
        end[h] = balance;
        balance = Math.subtractExact(balance, net[h]);
      }
      out.add(new Series(e.getKey(), end));
    }
    return out;
  }

  static String svg(List<Series> series, int hours, int scale) {
    long min = 0;
    long max = 1;
    for (var s : series) {
      for (long v : s.endOfHourMinor()) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    long top = ThroughputChart.niceCeiling(max);
    long bottom = min < 0 ? -ThroughputChart.niceCeiling(-min) : 0;
    double plotWidth = WIDTH - LEFT - RIGHT;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    double slot = plotWidth / hours;
    var s = new StringBuilder(8_192);
    s.append("<svg class=\"chart\" id=\"liquidity-chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" width=\"100%\" role=\"img\" aria-label=\"settlement balance per participant at the end of each hour\">");
    for (int i = 0; i <= 4; i++) {
      long value = bottom + (top - bottom) * i / 4;
      double y = y(value, bottom, top, plotHeight);
      s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(fmt(y))
          .append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#e4e8ec\"/>");
      s.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 3)).append("\" text-anchor=\"end\">")
          .append(compact(value, scale)).append("</text>");
    }
    for (int h = 0; h < hours; h += 3) {
      s.append("<text x=\"").append(fmt(LEFT + slot * h + slot / 2)).append("\" y=\"").append(HEIGHT - 8)
          .append("\" text-anchor=\"middle\">").append(String.format("%02d:00", h)).append("</text>");
    }
    for (int i = 0; i < series.size(); i++) {
      var line = series.get(i);
      String colour = COLOURS.get(i % COLOURS.size());
      s.append("<polyline class=\"balance\" fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"");
      long[] v = line.endOfHourMinor();
      for (int h = 0; h < v.length; h++) {
        s.append(fmt(LEFT + slot * h + slot / 2)).append(',').append(fmt(y(v[h], bottom, top, plotHeight))).append(' ');
      }
      s.append("\"><title>").append(Html.escape(line.bic())).append("</title></polyline>");
    }
    s.append("</svg>");
    return s.toString();
  }

  private static double y(long value, long bottom, long top, double plotHeight) {
    return TOP + plotHeight - plotHeight * (double) (value - bottom) / (double) (top - bottom);
  }

  /** Axis labels in major units, shortened (12.5M), since the table below gives exact figures. */
  static String compact(long minor, int scale) {
    double major = minor / Math.pow(10, scale);
    double abs = Math.abs(major);
    if (abs >= 1e12) return String.format(Locale.ROOT, "%.1fT", major / 1e12);
    if (abs >= 1e9) return String.format(Locale.ROOT, "%.1fB", major / 1e9);
    if (abs >= 1e6) return String.format(Locale.ROOT, "%.1fM", major / 1e6);
    if (abs >= 1e3) return String.format(Locale.ROOT, "%.1fk", major / 1e3);
    return String.format(Locale.ROOT, "%.0f", major);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
