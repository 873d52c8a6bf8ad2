package org.madani.node.directory.search;

/**
 * Folds the spelling variants of Arabic text that searchers do not type consistently, so that
 * «مؤسسة» and «موسسه», «إغاثة» and «اغاثه», «مستشفى» and «مستشفي» compare equal:
 *
 * <ul>
 *   <li>hamza forms to their carrier: أ إ آ ٱ → ا, ؤ → و, ئ → ي; a hamza on the line (ء) and the
 *       combining hamza marks are dropped (they have no carrier letter to fall back to);
 *   <li>taa marbuta ة → ه, alef maqsura ى → ي, Persian yeh/kaf (ی ک) → ي ك;
 *   <li>diacritics removed: tanween, fatha, damma, kasra, shadda, sukun, superscript alef and the
 *       other Quranic marks (U+0610–U+061A, U+064B–U+065F, U+0670, U+06D6–U+06ED);
 *   <li>the alef after tanween al-fath removed with it: «تدريبًا» and «تدريباً» → «تدريب»;
 *   <li>tatweel (ـ) removed;
 *   <li>Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹) digits → ASCII 0–9.
 * </ul>
 *
 * <p>Everything else, including Latin text, passes through unchanged; case is not touched. A pure
 * function: thread-safe, no state. Lucene's own ArabicNormalizer covers only part of this (no hamza
 * on waw/yeh, no digits), which is why the analyzers use this one.
 */
public final class ArabicNormalizer {

  private ArabicNormalizer() {}

  /** The normalized form of {@code s}; null stays null. */
  public static String normalize(String s) {
    if (s == null) return null;
    char[] buf = s.toCharArray();
    int len = normalize(buf, buf.length);
    return new String(buf, 0, len);
  }

  /**
   * Normalizes the first {@code len} chars of {@code buf} in place (the result is never longer) and
   * returns the new length. Used by the token filter without allocating.
   */
  public static int normalize(char[] buf, int len) {
    int out = 0;
    for (int i = 0; i < len; i++) {
      char c = buf[i];
      // The alef that carries tanween al-fath («تدريبًا», also typed «تدريباً») is spelling, not
      // part of the word: drop it with the tanween, so «تدريبًا» is found by «تدريب».
      if (c == '\u0627'
          && (i > 0 && buf[i - 1] == TANWEEN_FATH || i + 1 < len && buf[i + 1] == TANWEEN_FATH)) {
        continue;
      }
      char folded = fold(c);
      if (folded != 0) buf[out++] = folded;
    }
    return out;
  }

  private static final char TANWEEN_FATH = '\u064B';

  /** The folded form of one char, or 0 when it is to be dropped. */
  static char fold(char c) {
    if (c < 0x0610) return c; // Latin and everything before the Arabic block: fast path
    if (c >= 0x0660 && c <= 0x0669) return (char) ('0' + (c - 0x0660));
    if (c >= 0x06F0 && c <= 0x06F9) return (char) ('0' + (c - 0x06F0));
    if (isMark(c)) return 0;
    return switch (c) {
      case '\u0623', '\u0625', '\u0622', '\u0671', '\u0672', '\u0673' ->
          '\u0627'; // أ إ آ ٱ ٲ ٳ → ا
      case '\u0624' -> '\u0648'; // ؤ → و
      case '\u0626' -> '\u064A'; // ئ → ي
      case '\u0621' -> 0; // ء: no carrier
      case '\u0629' -> '\u0647'; // ة → ه
      case '\u0649', '\u06CC' -> '\u064A'; // ى ی → ي
      case '\u06A9' -> '\u0643'; // ک → ك
      case '\u0640' -> 0; // tatweel
      default -> c;
    };
  }

  private static boolean isMark(char c) {
    return (c >= 0x0610 && c <= 0x061A) // honorifics and small high letters
        || (c >= 0x064B && c <= 0x065F) // tanween, harakat, shadda, sukun, combining hamza, …
        || c == 0x0670 // superscript (dagger) alef
        || (c >= 0x06D6 && c <= 0x06DC) // Quranic annotation marks
        || (c >= 0x06DF && c <= 0x06E8)
        || (c >= 0x06EA && c <= 0x06ED);
  }
}
