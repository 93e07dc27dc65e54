package org.rialto.compliance.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.rialto.compliance.lists.EntryName;
import org.rialto.compliance.lists.ListEntry;
import org.rialto.compliance.lists.SanctionsList;
import org.rialto.compliance.screening.ScreeningResult;
import org.rialto.compliance.screening.Screener;

/**
 * Measures single-thread screening throughput and latency on names never screened before, in a
 * payment mix ({@link Mix#PAYMENTS}): most names are people and companies on no list, in Latin,
 * Cyrillic and Persian script; a fair share are list names mutated (typos, transliteration swaps,
 * reordered, dropped or added words) or written in another script. Every query string is distinct
 * and the screener has no cache, so nothing is answered twice.
 */
public final class ScreeningBenchmark {
  public static final int MAX_QUERIES = 5_000_000;

  private ScreeningBenchmark() {}

  /**
   * The figures of one run.
   *
   * @param listNames names and aliases indexed, over all lists
   * @param queries screenings measured
   * @param screeningsPerSecond measured screenings divided by the wall-clock time they took
   * @param cpuScreeningsPerSecond measured screenings divided by the CPU time of the screening
   *     thread (what one dedicated core would do on a shared machine)
   * @param p50Millis median wall-clock latency of one screening
   * @param p99Millis 99th percentile
   * @param p999Millis 99.9th percentile
   * @param maxMillis slowest screening
   * @param hitRate share of screenings with at least one hit
   */
  public record Result(int listNames, int queries, double screeningsPerSecond, double cpuScreeningsPerSecond,
      double p50Millis, double p99Millis, double p999Millis, double maxMillis, double hitRate) {}

  public static Result run(Screener screener, List<String> warmup, List<String> queries) {
    if (queries.isEmpty() || queries.size() > MAX_QUERIES) {
      throw new IllegalArgumentException("queries must number 1.." + MAX_QUERIES);
    }
    long sink = 0;
    for (String q : warmup) {
      sink += screener.screenName(q).hits().size();
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] latencies = new long[queries.size()];
    int withHits = 0;
    long cpuStart = threads.getCurrentThreadCpuTime();
    long wallStart = System.nanoTime();
    for (int i = 0; i < latencies.length; i++) {
      long t0 = System.nanoTime();
      ScreeningResult r = screener.screenName(queries.get(i));
      latencies[i] = System.nanoTime() - t0;
      if (!r.hits().isEmpty()) {
        withHits++;
      }
    }
    long wall = System.nanoTime() - wallStart;
    long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
    if (sink < 0) {
      throw new AssertionError("unreachable: keeps the warm-up from being optimised away");
    }
    Arrays.sort(latencies);
    int listNames = screener.indexes().stream().mapToInt(ix -> ix.nameCount()).sum();
    return new Result(listNames, queries.size(), queries.size() / (wall / 1e9), queries.size() / (cpu / 1e9),
        percentile(latencies, 0.50), percentile(latencies, 0.99), percentile(latencies, 0.999),
        latencies[latencies.length - 1] / 1e6, withHits / (double) queries.size());
  }

  /** Names a part of {@link #settle} screens. */
  public static final int SETTLE_PART = 20_000;
  /** The JIT's compile time over a part's screening CPU time at which the code counts as warm. */
  public static final double JIT_SETTLED_SHARE = 0.05;

  /**
   * Screens parts of {@link #SETTLE_PART} more warm-up names, each part new names from {@code
   * parts}, until the JIT compiled for less than {@link #JIT_SETTLED_SHARE} of a part's screening
   * CPU time, at most {@code maxParts} parts. Under load the one C2 thread falls behind: in
   * session 9 a run at load 20 still compiled for 6.6 s during its measured 100,000 names after
   * a warm-up of 50,000, and measured 43.4 us per name against 39-41 us once compiled.
   *
   * @return warm-up names screened
   */
  public static int settle(Screener screener, java.util.function.IntFunction<List<String>> parts, int maxParts) {
    var compiler = ManagementFactory.getCompilationMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int screened = 0;
    long sink = 0;
    for (int part = 0; part < maxParts; part++) {
      List<String> names = parts.apply(part);
      long jitStart = compiler.getTotalCompilationTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      for (String q : names) {
        sink += screener.screenName(q).hits().size();
      }
      screened += names.size();
      double cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
      if (compiler.getTotalCompilationTime() - jitStart <= JIT_SETTLED_SHARE * cpuMillis) {
        break;
      }
    }
    if (sink < 0) {
      throw new AssertionError("unreachable: keeps the warm-up from being optimised away");
    }
    return screened;
  }

  /**
   * The baseline: the same names screened by scoring every list name and alias with the same
   * matcher (no index), on one thread. Returns screenings per second of thread CPU time.
   *
   * @param hitsOut receives, per query, how many list names reached their list's threshold
   */
  public static double bruteForce(Screener screener, List<String> queries, int[] hitsOut) {
    if (queries.isEmpty() || queries.size() > MAX_QUERIES || hitsOut.length != queries.size()) {
      throw new IllegalArgumentException("queries must number 1.." + MAX_QUERIES + ", one count each");
    }
    org.rialto.compliance.match.NameMatcher matcher = org.rialto.compliance.match.NameMatcher.standard();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    for (int q = 0; q < queries.size(); q++) {
      org.rialto.compliance.match.PreparedName query = matcher.prepare(queries.get(q));
      int hits = 0;
      for (var index : screener.indexes()) {
        for (int i = 0; i < index.nameCount(); i++) {
          if (matcher.score(query, index.name(i)) >= index.threshold()) {
            hits++;
          }
        }
      }
      hitsOut[q] = hits;
    }
    long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
    return queries.size() / (cpu / 1e9);
  }

  private static double percentile(long[] sorted, double p) {
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  /**
   * The share of each kind of name among the generated ones, in percent (they sum to 100).
   *
   * @param ordinaryPercent names of people and companies on no list, as most payments carry:
   *     in Latin (60%), Cyrillic (25%) and Persian (15%) script
   * @param nearHitPercent list names and aliases mutated: a typo, a transliteration swap,
   *     words reordered, dropped, added or upper-cased
   * @param otherScriptPercent list names and aliases written in Cyrillic or Arabic script
   */
  public record Mix(int ordinaryPercent, int nearHitPercent, int otherScriptPercent) {
    /** Most payment names are near no listed name; one in five is, a fair share for a bench. */
    public static final Mix PAYMENTS = new Mix(80, 15, 5);
    /** Half near-hits, for tests that need many names close to the lists. */
    public static final Mix NEAR_HITS = new Mix(50, 40, 10);

    public Mix {
      if (ordinaryPercent < 0 || nearHitPercent < 0 || otherScriptPercent < 0
          || ordinaryPercent + nearHitPercent + otherScriptPercent != 100) {
        throw new IllegalArgumentException("mix percentages must be >= 0 and sum to 100");
      }
    }

    public String describe() {
      return ordinaryPercent + "% names on no list (Latin 60%, Cyrillic 25%, Persian 15%), " + nearHitPercent
          + "% mutated list names, " + otherScriptPercent + "% list names in Cyrillic or Arabic script";
    }
  }

  /** {@code count} distinct names in the payment mix, reproducible from {@code seed}, none in {@code exclude}. */
  public static List<String> queries(List<SanctionsList> lists, int count, long seed, Set<String> exclude) {
    return queries(lists, count, seed, exclude, Mix.PAYMENTS);
  }

  /** {@code count} distinct query names, reproducible from {@code seed}, none in {@code exclude}. */
  public static List<String> queries(List<SanctionsList> lists, int count, long seed, Set<String> exclude, Mix mix) {
    if (count < 1 || count > MAX_QUERIES) {
      throw new IllegalArgumentException("count must be 1.." + MAX_QUERIES);
    }
    List<String> listNames = new ArrayList<>();
    for (SanctionsList l : lists) {
      for (ListEntry e : l.entries()) {
        for (EntryName n : e.names()) {
          listNames.add(n.name());
        }
      }
    }
    Random random = new Random(seed);
    Set<String> seen = new HashSet<>(exclude);
    seen.addAll(listNames);
    List<String> out = new ArrayList<>(count);
    int attempts = 0;
    while (out.size() < count) {
      if (++attempts > count * 20) {
        throw new IllegalStateException("could not generate " + count + " distinct names");
      }
      int kind = random.nextInt(100);
      String q;
      if (kind < mix.ordinaryPercent()) {
        q = ordinaryName(random);
      } else if (kind < mix.ordinaryPercent() + mix.nearHitPercent()) {
        q = mutate(listNames.get(random.nextInt(listNames.size())), random);
      } else {
        q = otherScript(listNames.get(random.nextInt(listNames.size())), random);
      }
      if (!q.isBlank() && seen.add(q)) {
        out.add(q);
      }
    }
    return out;
  }

  private static final com.ibm.icu.text.Transliterator TO_CYRILLIC = com.ibm.icu.text.Transliterator.getInstance("Latin-Cyrillic");
  /** ICU writes short vowels as marks; names in Arabic script are written without them. */
  private static final com.ibm.icu.text.Transliterator TO_ARABIC =
      com.ibm.icu.text.Transliterator.getInstance("Latin-Arabic; [\\u064B-\\u0652] Remove");

  /** A list name as a Russian or an Arabic-script writer might carry it. */
  static String otherScript(String listName, Random r) {
    String latin = listName.toLowerCase(Locale.ROOT);
    synchronized (ScreeningBenchmark.class) {
      return r.nextBoolean() ? TO_CYRILLIC.transliterate(latin) : TO_ARABIC.transliterate(latin);
    }
  }

  private static final String[] CYRILLIC_FIRST = {
      "Иван", "Сергей", "Ольга", "Анна", "Дмитрий", "Александр", "Екатерина", "Николай", "Татьяна", "Михаил", "Елена",
      "Павел", "Наталья", "Андрей", "Юлия", "Виктор"};
  private static final String[] CYRILLIC_PATRONYMICS = {
      "Иванович", "Сергеевич", "Дмитриевич", "Александрович", "Николаевич", "Михайлович", "Павлович", "Андреевич",
      "Викторович", "Ивановна", "Сергеевна", "Николаевна", "Михайловна", "Андреевна"};
  private static final String[] CYRILLIC_SYLLABLES = {
      "ка", "ро", "ви", "на", "тел", "мар", "ша", "зад", "кос", "лев", "ин", "пет", "со", "ра", "бар", "дан", "ми",
      "ло", "не", "гор", "соб", "бел", "ку", "мен", "фе", "ри", "то", "вол", "зи", "дор", "бек", "сур"};
  private static final String[] CYRILLIC_ENDINGS = {"ов", "ев", "ин", "ский", "енко", "ова", "ева", "ина"};
  private static final String[] CYRILLIC_COMPANY = {"ООО", "АО", "ПАО", "ЗАО"};
  private static final String[] CYRILLIC_TRADE = {"Логистик", "Трейд", "Энерго", "Строй", "Агро", "Снаб", "Инвест", "Транс"};
  private static final String[] PERSIAN_FIRST = {
      "محمد", "علی", "رضا", "فاطمه", "زهرا", "حسین", "مریم", "امیر", "سارا", "مهدی", "نرگس", "بهرام", "شیرین", "کاوه"};
  private static final String[] PERSIAN_SYLLABLES = {
      "کا", "رو", "وی", "نا", "تل", "مار", "شا", "زاد", "بر", "دان", "می", "لو", "نو", "پور", "سر", "گل", "هر", "جان",
      "فر", "ری", "تو", "ول", "زین", "در", "بیک", "نور"};
  private static final String[] PERSIAN_ENDINGS = {"ی", "زاده", "پور", "نیا", "یان"};
  private static final String[] PERSIAN_COMPANY = {"شرکت", "شرکت بازرگانی", "گروه صنعتی"};

  /** A person or company on no list, in Latin (60%), Cyrillic (25%) or Persian (15%) script. */
  static String ordinaryName(Random r) {
    int script = r.nextInt(100);
    if (script < 60) {
      return randomName(r);
    }
    StringBuilder b = new StringBuilder();
    if (script < 85) {
      if (r.nextInt(4) == 0) {
        b.append(CYRILLIC_COMPANY[r.nextInt(CYRILLIC_COMPANY.length)]).append(" «")
            .append(capitalised(syllables(r, CYRILLIC_SYLLABLES, 2 + r.nextInt(2))))
            .append(CYRILLIC_TRADE[r.nextInt(CYRILLIC_TRADE.length)].toLowerCase(Locale.ROOT)).append('»');
        return b.toString();
      }
      String surname = capitalised(syllables(r, CYRILLIC_SYLLABLES, 2 + r.nextInt(2)))
          + CYRILLIC_ENDINGS[r.nextInt(CYRILLIC_ENDINGS.length)];
      b.append(surname).append(' ').append(CYRILLIC_FIRST[r.nextInt(CYRILLIC_FIRST.length)]);
      if (r.nextBoolean()) {
        b.append(' ').append(CYRILLIC_PATRONYMICS[r.nextInt(CYRILLIC_PATRONYMICS.length)]);
      }
      return b.toString();
    }
    if (r.nextInt(4) == 0) {
      return PERSIAN_COMPANY[r.nextInt(PERSIAN_COMPANY.length)] + " " + syllables(r, PERSIAN_SYLLABLES, 2 + r.nextInt(2));
    }
    b.append(PERSIAN_FIRST[r.nextInt(PERSIAN_FIRST.length)]).append(' ')
        .append(syllables(r, PERSIAN_SYLLABLES, 2 + r.nextInt(2)))
        .append(PERSIAN_ENDINGS[r.nextInt(PERSIAN_ENDINGS.length)]);
    return b.toString();
  }

  private static String syllables(Random r, String[] pool, int n) {
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < n; i++) {
      w.append(pool[r.nextInt(pool.length)]);
    }
    return w.toString();
  }

  private static String capitalised(String w) {
    return w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
  }

  private static final String[][] SWAPS = {
      {"ou", "u"}, {"u", "ou"}, {"kh", "h"}, {"h", "kh"}, {"y", "i"}, {"i", "y"}, {"ov", "off"}, {"j", "dzh"},
      {"dzh", "j"}, {"q", "k"}, {"k", "q"}, {"ee", "i"}, {"e", "a"}, {"a", "e"}, {"w", "v"}, {"v", "w"},
      {"gh", "g"}, {"ss", "s"}, {"s", "ss"}, {"sh", "ch"}};

  static String mutate(String name, Random r) {
    String[] words = name.trim().split("\\s+");
    List<String> ws = new ArrayList<>(Arrays.asList(words));
    int kind = r.nextInt(6);
    switch (kind) {
      case 0 -> { // a typo: one letter replaced, dropped or doubled
        int w = r.nextInt(ws.size());
        String word = ws.get(w);
        if (word.length() > 2) {
          int at = 1 + r.nextInt(word.length() - 1);
          int op = r.nextInt(3);
          char c = (char) ('a' + r.nextInt(26));
          word = op == 0 ? word.substring(0, at) + c + word.substring(at + 1)
              : op == 1 ? word.substring(0, at) + word.substring(at + 1)
              : word.substring(0, at) + word.charAt(at) + word.substring(at);
          ws.set(w, word);
        }
      }
      case 1 -> { // a transliteration swap
        String[] swap = SWAPS[r.nextInt(SWAPS.length)];
        int w = r.nextInt(ws.size());
        ws.set(w, ws.get(w).toLowerCase(Locale.ROOT).replaceFirst(swap[0], swap[1]));
      }
      case 2 -> java.util.Collections.shuffle(ws, r);
      case 3 -> {
        if (ws.size() > 2) {
          ws.remove(r.nextInt(ws.size()));
        }
      }
      case 4 -> ws.add(r.nextInt(ws.size() + 1), FIRST[r.nextInt(FIRST.length)]);
      default -> {
        int w = r.nextInt(ws.size());
        ws.set(w, ws.get(w).toUpperCase(Locale.ROOT));
      }
    }
    return String.join(" ", ws);
  }

  private static final String[] FIRST = {
      "Ivan", "Sergei", "Olga", "Anna", "Dmitry", "Mohammad", "Ali", "Reza", "Fatemeh", "Zahra", "Hossein", "Maryam",
      "John", "Maria", "Jose", "Wei", "Chen", "Ahmed", "Elena", "Pavel", "Amir", "Sara", "Nikolai", "Leila"};
  private static final String[] SYLLABLES = {
      "ka", "ro", "vi", "na", "tel", "mar", "sha", "zad", "ov", "ev", "in", "ski", "ko", "ra", "bar", "dan", "mi",
      "lo", "ne", "pet", "sor", "gul", "har", "jan", "fa", "ri", "to", "vel", "zin", "dor", "bek", "nur"};
  private static final String[] COMPANY = {
      "Trading", "LLC", "Logistics", "Holding", "Group", "Bank", "Industries", "Ltd", "Export", "Services", "OOO", "Co."};

  static String randomName(Random r) {
    StringBuilder b = new StringBuilder();
    if (r.nextInt(4) == 0) {
      b.append(word(r, 2 + r.nextInt(2))).append(' ').append(COMPANY[r.nextInt(COMPANY.length)]);
      if (r.nextBoolean()) {
        b.append(' ').append(COMPANY[r.nextInt(COMPANY.length)]);
      }
      return b.toString();
    }
    b.append(FIRST[r.nextInt(FIRST.length)]).append(' ');
    if (r.nextInt(3) == 0) {
      b.append(word(r, 2)).append("ovich ");
    }
    b.append(word(r, 2 + r.nextInt(2)));
    return b.toString();
  }

  private static String word(Random r, int syllables) {
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < syllables; i++) {
      w.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
    }
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }
}
